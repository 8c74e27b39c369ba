#pragma once

// The values of ABC 2.1 header and inline fields, each parsed on its own: meter (M:), unit note
// length (L:), tempo (Q:), key and clef (K:), voice definitions (V:), the order of parts (P:) and
// chord symbols ("Am7"). Pure functions of the field text; the tune reader decides where they apply.
// Each returns what it understood and lists the words it did not, so the reader can warn.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/abc/Fraction.hpp"
#include "mos/score/Layers.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::formats::abc {

// "6/8", "C" (4/4, common time), "C|" (2/2, cut time), "2+3/8" (5/8), "none" (free meter).
struct Meter {
    score::TimeSignature time{};
    bool free = false;  // M:none: no meter, measures as long as their bars
};
// Thread: any. RT-safe: no. nullopt when the text is no meter.
std::optional<Meter> parseMeter(std::string_view text);

// The ABC 2.1 unit note length when L: is absent: 1/16 below a 3/4 meter, else 1/8.
Fraction defaultUnitLength(const Meter& meter) noexcept;

// "1/8", "1/4", "1". Thread: any. RT-safe: no. nullopt when the text is no positive length.
std::optional<Fraction> parseUnitLength(std::string_view text);

// "1/4=120", "3/8=60", "\"Allegro\" 1/4=120", "1/4 1/8=100" (beats added), and the older "120"
// and "C=120" (beats of the unit note length). `mark` is empty for a text-only tempo ("Allegro").
struct Tempo {
    std::optional<score::TempoMark> mark{};
    std::string text{};
};
// Thread: any. RT-safe: no. nullopt when the text is neither a tempo nor a quoted text.
std::optional<Tempo> parseTempo(std::string_view text, Fraction unitLength);

// A clef as K: and V: write it: "treble", "bass", "alto", "tenor", "bass3", "treble-8", "perc", "none".
std::optional<score::Clef> parseClef(std::string_view name);

// Parameters K: and V: share: clef, octave= (the written pitches move by octaves), transpose=.
struct StaffParameters {
    std::optional<score::Clef> clef{};
    std::optional<int> octave{};
    std::optional<int> transpose{};           // semitones the part sounds away from what is written
    std::vector<std::string_view> unknown{};  // words that are none of the above (reported by the reader)
};

// "G", "Amin", "E dorian", "D exp ^f", "D ^g", "Bb clef=bass", "none", "HP". `key` is empty when
// the field names no key ("K:clef=bass" keeps the key in force).
struct KeyField {
    std::optional<score::KeySignature> key{};
    StaffParameters staff{};
};
// Thread: any. RT-safe: no.
KeyField parseKey(std::string_view text);

// The alteration a key gives each step, C … B (explicit accidentals win over the signature).
using StepAlterations = std::array<std::int8_t, 7>;
StepAlterations keyAlterations(const score::KeySignature& key) noexcept;

// "V:T1 name=\"Tenor I\" sname=\"T.I\" clef=treble-8 octave=-1".
struct VoiceField {
    std::string_view id{};
    std::string name{};
    std::string shortName{};
    StaffParameters staff{};
};
// Thread: any. RT-safe: no.
VoiceField parseVoice(std::string_view text);

// Expands a part order: "AABB", "A2B", "(AB)3C", "A.B.C" → one label per section played.
// nullopt when it is malformed or longer than `limit` sections. Thread: any. RT-safe: no.
std::optional<std::vector<char>> expandPartOrder(std::string_view text, std::size_t limit);

// A chord symbol's text with its structure where it is plain: "Am7" → root A, kind minor-seventh;
// "G/B" → bass B; "N.C." → noChord. Unusual spellings ("Cd", "C/e") keep only their text.
// Thread: any. RT-safe: no.
score::ChordSymbol parseChordSymbol(std::string_view text);

}  // namespace mos::formats::abc
