#pragma once

// Euclidean rhythms (Toussaint): k onsets spread as evenly as possible over n steps, by Bjorklund's
// algorithm, then rotated. E(3, 8) is the tresillo x..x..x., E(5, 8) the cinquillo x.xx.xx.; the
// metronome draws and plays them.
//
//   euclideanRhythm(3, 8)     -> {1,0,0,1,0,0,1,0}
//   euclideanRhythm(3, 8, 1)  -> {0,0,1,0,0,1,0,1}   (rotated one step to the left)

#include <cstdint>
#include <string>
#include <vector>

namespace mos::theory {

// `hits` onsets over `steps` steps (hits is clamped to 0 … steps; steps 0 gives an empty
// pattern), starting with an onset before rotation; `rotation` steps to the left (negative: right).
// Thread: any. RT-safe: no.
std::vector<bool> euclideanRhythm(int hits, int steps, int rotation = 0);

// "x..x..x." for a pattern. Thread: any. RT-safe: no.
std::string rhythmText(const std::vector<bool>& pattern);

}  // namespace mos::theory
