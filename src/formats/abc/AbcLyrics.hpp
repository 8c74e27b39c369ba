#pragma once

// An ABC 2.1 lyrics line (w:) as the steps that align it with the notes: a syllable for the next
// note, a note skipped (*), a note over which the previous syllable is held (_), or a jump to the
// next bar (|). Hyphens split words into syllables; ~ is a space inside a syllable; \- a hyphen.
//
//   splitLyrics("Hel-lo_ * world|ah")
//     -> Syllable "Hel" (Begin), Syllable "lo" (End), Hold, Skip, Syllable "world" (Single), NextBar,
//        Syllable "ah" (Single)

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mos/score/Layers.hpp"

namespace mos::formats::abc {

struct LyricStep {
    enum class Kind : std::uint8_t { Syllable, Skip, Hold, NextBar };

    Kind kind = Kind::Syllable;
    std::string text{};  // Syllable only
    score::LyricSyllable::Syllabic syllabic = score::LyricSyllable::Syllabic::Single;
};

// Thread: any. RT-safe: no.
std::vector<LyricStep> splitLyrics(std::string_view line);

}  // namespace mos::formats::abc
