#pragma once

// A large score built in memory for the UMF benchmarks: what a 1,000-measure symphonic movement
// looks like to the model.

#include <cstdint>

#include "mos/score/Score.hpp"

namespace mos::score::bench {

// `measures` measures of 4/4 (tempo and key changes every 64 measures) for 20 parts of an
// orchestra — woodwinds and brass with their transpositions, timpani, harp and piano on two staves,
// strings — each playing a few events per measure in rotating rhythms: quarters, chords, triplets
// (with tuplet brackets), dotted figures and whole-measure rests; with articulations, ties, a
// dynamic every four measures, lyrics on the first part, and one or two chord symbols, beams and
// slurs per measure. Deterministic: the same arguments give the same score.
Score orchestralScore(std::uint32_t measures);

}  // namespace mos::score::bench
