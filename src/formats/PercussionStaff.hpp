#pragma once

// Where each General MIDI percussion key (27…87) is drawn on a five-line drum staff, and with what
// notehead. Positions are the notes a treble clef would put there (MusicXML's display-step and
// display-octave mean the same): the drum-set convention has the bass drum in the bottom space
// (F4), the snare in the third space (C5), the toms on E5, D5, B4, A4 and G4, hi-hats above the
// staff (G5) and the pedal hi-hat below it (D4), ride on the top line (F5) and crashes on ledger
// lines above (A5, B5 …), cymbals and hi-hats with x heads. Sounds the drum-set convention has no
// place for (Latin and orchestral percussion, effects) share a kit line and differ by notehead.
//
//   percussionPosition(36).toString() == "F4"   (Bass Drum 1)
//   percussionNotation(42)->notehead == PercussionNotehead::X   (Closed Hi-Hat on G5)
//
// Shared by the readers that only know drum keys (Guitar Pro, MIDI) and the MusicXML reader and
// writer, so one drum shows the same wherever it came from.

#include <cstdint>
#include <optional>
#include <string_view>

#include "mos/score/Pitch.hpp"

namespace mos::formats {

// The head of a drum note; `musicXmlNotehead` gives MusicXML's name for each.
enum class PercussionNotehead : std::uint8_t { Normal, X, CircleX, Diamond, Triangle, Slash };

struct PercussionNotation {
    std::string_view name;  // the GM name: "Acoustic Snare", "Closed Hi-Hat"
    score::Pitch position;  // where it is drawn, as a treble-clef note
    PercussionNotehead notehead = PercussionNotehead::Normal;
};

// The name, position and notehead of a GM percussion key 27…87; nullopt for any other key.
// Thread: any. RT-safe: yes.
std::optional<PercussionNotation> percussionNotation(int key) noexcept;

// Where a drum key is drawn: its place in the table, or the middle line (B4) for a key outside it.
// Thread: any. RT-safe: yes.
score::Pitch percussionPosition(int key) noexcept;

// The drum key a drawn note most likely stands for when its file names none: the key drawn exactly
// there with that head (drum-set keys before other percussion), else the drum-set key drawn on that
// line or space (a plain-headed one first); nullopt when nothing is drawn there. A notehead the
// table does not use is nullopt. Thread: any. RT-safe: yes.
std::optional<std::uint8_t> percussionKeyAt(const score::Pitch& position,
                                            std::optional<PercussionNotehead> notehead) noexcept;

// MusicXML's <notehead> value: "normal", "x", "circle-x", "diamond", "triangle", "slash".
// Thread: any. RT-safe: yes.
std::string_view musicXmlNotehead(PercussionNotehead notehead) noexcept;
// The notehead a MusicXML <notehead> value names; nullopt for the ones the table does not use.
// Thread: any. RT-safe: yes.
std::optional<PercussionNotehead> percussionNoteheadFromMusicXml(std::string_view name) noexcept;

}  // namespace mos::formats
