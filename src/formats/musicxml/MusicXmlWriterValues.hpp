#pragma once

// The MusicXML spelling of model values: note types and dots, decimals, written keys of
// transposing parts, and the names MusicXML uses for modes, clefs, dynamics and drums.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mos/core/Rational.hpp"
#include "mos/score/Layers.hpp"
#include "mos/score/Part.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::formats::musicxml_writer {

// A note type ("quarter") and its dots. `exact` is false when no type and dots spell the value and
// the nearest one was taken.
struct NoteType {
    std::string_view name;
    int dots = 0;
    bool exact = true;
};

// The type and dots that notate `value` whole notes (after tuplet ratios are taken out): 3/8 is a
// dotted quarter, 1/8 an eighth; a value no type spells (5/16) gets the nearest one (quarter).
// Thread: any. RT-safe: yes.
NoteType noteTypeOf(core::Rational value) noexcept;
// The type and dots that spell `value` exactly, or nullopt. Thread: any. RT-safe: yes.
std::optional<NoteType> exactNoteTypeOf(core::Rational value) noexcept;

// `value` as a decimal with at most `maxFractionDigits` digits, rounded, without trailing zeros:
// 3/2 -> "1.5", -1/2 -> "-0.5", 1/3 (2 digits) -> "0.33". Thread: any. RT-safe: no.
std::string decimalText(core::Rational value, int maxFractionDigits);

// A pitch's <alter>: semitones plus cents, "1", "-0.5", "1.25"; empty when both are zero.
// Thread: any. RT-safe: no.
std::string alterText(std::int8_t alter, std::int16_t cents);

// An octave MusicXML accepts (0…9): pitches outside are written in the nearest one.
// Thread: any. RT-safe: yes.
std::int64_t clampOctave(int octave) noexcept;

// The key a transposing part reads for a concert key: written = sounding - transposition, kept
// within seven sharps or flats (a B-flat clarinet reads concert C major as D major).
// Thread: any. RT-safe: no.
score::KeySignature writtenKey(const score::KeySignature& concert, const score::Transposition& transposition);

// <sign> of a clef: "G", "percussion", "TAB". Thread: any. RT-safe: yes.
std::string_view clefSignName(score::Clef::Sign sign) noexcept;
// True for the bar styles MusicXML names ("light-heavy", "dashed" …). Thread: any. RT-safe: yes.
bool isBarStyle(std::string_view style) noexcept;
// True for the dynamics MusicXML has an element for ("mf", "sfz" …). Thread: any. RT-safe: yes.
bool isDynamicsElement(std::string_view mark) noexcept;
// True for the <kind> values of the schema ("major", "minor-seventh" …). Thread: any. RT-safe: yes.
bool isChordKind(std::string_view kind) noexcept;

}  // namespace mos::formats::musicxml_writer
