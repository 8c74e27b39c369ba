#pragma once

// A readable chord symbol for a MusicXML <harmony> that gives no text of its own: the root, the
// kind's usual suffix, the printed degrees and the bass ("C" + "minor-seventh" + "/Bb" → "Cm7/Bb").

#include <string>
#include <string_view>

#include "mos/score/Layers.hpp"

namespace mos::formats::musicxml {

// The usual written suffix of a MusicXML chord kind ("minor-seventh" → "m7", "major" → "",
// "none" → "N.C."); the kind itself for a name MusicXML does not define. Thread: any. RT-safe: yes.
std::string_view chordKindSuffix(std::string_view kind) noexcept;

// The kind a chord's printed suffix stands for, for a <harmony> whose <kind> is empty ("" and
// "aug" → "major" and "augmented"); "major" when the suffix is not a known one. Thread: any.
// RT-safe: yes.
std::string_view chordKindFromText(std::string_view text) noexcept;

// "C", "F#", "Bb", "Ebb". Thread: any. RT-safe: no.
std::string pitchNameText(const score::PitchName& name);

// A degree as printed after the kind: "add9", "b9" (an added flat ninth), "#11", "no3". Thread: any. RT-safe: no.
std::string chordDegreeText(const score::ChordDegree& degree);

}  // namespace mos::formats::musicxml
