#pragma once

// Scores write spelled pitches as the theory module defines them; the names are re-exported here so
// score code says score::Pitch.

#include "mos/theory/Pitch.hpp"

namespace mos::score {

using theory::naturalSemitone;
using theory::NoteName;
using theory::Pitch;
using theory::Step;
using theory::stepFromLetter;
using theory::toLetter;

}  // namespace mos::score
