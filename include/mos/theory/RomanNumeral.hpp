#pragma once

// Roman numerals as RomanText writes them (the format of the When in Rome analyses, read the way
// music21 reads it): a numeral names a chord by its scale degree in a key, its quality by case and
// marks, its inversion by figures, and may be applied to another numeral (V/V).
//
//   auto v = RomanNumeral::parse("V65/V");       // V in first inversion, applied to V
//   v->toChord(*Key::parse("C")).notes          -> F# A C D   (bass first)
//   RomanNumeral::parse("Ger65")->toChord(*Key::parse("C")).notes   -> Ab C Eb F#
//   RomanNumeral::parse("N6")->toChord(*Key::parse("a")).notes      -> D F Bb
//   RomanNumeral::fromChord(notes("G C# E A"), *Key::parse("C"))->toString() == "V42/ii"
//
// How a numeral becomes notes:
// - The root is the degree of the key's scale (natural minor in a minor key), moved by the
//   accidentals written before the numeral (bVI, #iv). In a minor key a numeral on the sixth or
//   seventh degree takes its root from its quality, as music21 reads RomanText: a lower-case
//   (minor, diminished or half-diminished) numeral stands on the raised degree (viio, viiø7 and vi
//   on the leading tone and the raised sixth: B and A in c minor), an upper-case or augmented one
//   on the natural degree (VII on Bb, VI on Ab). A sharp before such a numeral only confirms the
//   raised degree (c: #viio is viio), a flat the natural one (c: bVI is VI).
// - The case gives the triad (upper major, lower minor); o makes it diminished, + augmented.
// - A seventh (figures 7, 65, 43, 42 or 2), ninth, eleventh or thirteenth is the note of the key's
//   scale above the root (V7 is a dominant seventh in both modes, IV7 in major a major seventh,
//   V9 in minor has the minor ninth) unless a mark says otherwise: o a diminished seventh, ø (also
//   written /o) a half-diminished one, M (maj) a major seventh, d a minor seventh over a major
//   triad (IVd7, also Vd without figures). On a chromatic numeral (a root off the key's scale
//   degree: bVI, #iv, vii in minor, N; or i, iv, v in a major key) a bare 7 is a minor seventh
//   and other numbers count as a chord symbol counts them, so bVI7 in C is Ab C Eb Gb (analysts
//   write bVIM7 for Ab C Eb G) and vii7 in c minor is B D F# A.
// - Figures give the inversion: none, 5 or 53 root position; 6 or 63 first; 64 second; 7 root; 65
//   first; 43 second; 42 or 2 third; 9 a ninth in root position (slashes between figures, 6/4,
//   change nothing). Figures that are no such shorthand keep their numbers (V54: the fourth is
//   added above the bass) and put in the bass the member that makes most of them chord tones.
// - Brackets: [noN] leaves out the chord's Nth ([no8] is the root), but never the bass the figures
//   name; [addN] adds the note N steps above the root that a seventh would take (the key's, or
//   the chord symbol's on a chromatic numeral); [bN] or [#N] alters the chord's Nth (a step the
//   chord lacks is added, then altered: V7[b9]).
// - An accidental in a figure or bracket lowers or raises its note (the chord's, else the one a
//   seventh would take) by a semitone, but only confirms a note that already lies below (for a
//   flat) or above (for a sharp) the major or perfect interval of its number, counted from the
//   bass for figures and from the root for brackets; in figures, and in [add] on a numeral of
//   the key, also a note already altered that way. So Ib7 in C is C E G Bb, while Vb9 and
//   V9[b9] in c minor and in a minor keep the key's minor ninth (Ab, F), and i[add#7] in c minor
//   adds B.
// - A numeral applied to another (V7/ii) is read in the key of that chord: the key on its root,
//   minor when its third is minor (V/N: the Neapolitan's major key). Chains read from the right:
//   V/V/V in C is A major.
// - N is the Neapolitan, the major triad on the lowered second degree (N6 in first inversion).
//   It, Fr and Ger are the augmented sixths of the key's minor mode, with music21's roots: It and
//   Ger stand on the raised fourth, Fr on the second, so It6, Fr43 and Ger65 (also written It+6,
//   Fr6, Fr+6, Ger6, Ger+6 or without figures) put the lowered sixth in the bass, and other
//   figures other members (Ger7: the raised fourth). Cad64 is the tonic six-four (I64 or i64)
//   that decorates a cadence's V; its root is the tonic.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mos/core/Result.hpp"
#include "mos/theory/ChordSymbol.hpp"
#include "mos/theory/Key.hpp"
#include "mos/theory/Pitch.hpp"

namespace mos::theory {

// What a numeral names: a scale degree, or one of the chromatic chords with a name of their own.
enum class RomanKind : std::uint8_t {
    Degree,            // I … VII, i … vii
    Neapolitan,        // N
    ItalianSixth,      // It
    FrenchSixth,       // Fr
    GermanSixth,       // Ger
    CadentialSixFour,  // Cad64
};

// The quality mark written after the numeral. None leaves the triad to the case.
enum class RomanMark : std::uint8_t {
    None,
    Diminished,             // o, °, 0: a diminished triad, or seventh (viio7)
    HalfDiminished,         // ø, /o: a diminished triad under a minor seventh (viiø7)
    Augmented,              // +: an augmented triad (III+, V+7)
    MajorSeventh,           // M, maj: the case's triad under a major seventh (IVM7, ivM7)
    AugmentedMajorSeventh,  // +M, +maj: an augmented triad under a major seventh (III+M7)
    DominantSeventh,        // d: a major triad under a minor seventh (IVd7, Vd)
};

// A figure: the interval number above the bass and its accidental; "b7" is {7, -1}.
struct RomanFigure {
    std::int8_t number = 0;
    std::int8_t alter = 0;
    friend bool operator==(const RomanFigure&, const RomanFigure&) = default;
};

// A tone in brackets: [add#4] is {4, +1}, [b9] is {9, -1}; numbers count from the root (1 … 15).
struct RomanTone {
    std::int8_t number = 0;
    std::int8_t alter = 0;
    friend bool operator==(const RomanTone&, const RomanTone&) = default;
};

// The numeral after a slash, whose key the numeral before it is read in: the V of V7/V, the bVI
// of viio7/bVI, the N of V7/N (kind Degree or Neapolitan).
struct RomanTarget {
    RomanKind kind = RomanKind::Degree;
    std::int8_t degree = 1;  // 1 … 7
    std::int8_t alter = 0;   // accidentals before it: -2 … +2
    bool upperCase = true;
    friend bool operator==(const RomanTarget&, const RomanTarget&) = default;
};

// The quality of the chord a numeral spells: its triad, or its seventh chord when it has a
// seventh, read from the notes (the augmented sixths by name). Ninths and added tones do not
// change it (V9 is a dominant seventh); an alteration of the third, fifth or seventh can ([b5]).
enum class RomanQuality : std::uint8_t {
    Major,
    Minor,
    Diminished,
    Augmented,
    DominantSeventh,
    MajorSeventh,
    MinorSeventh,
    HalfDiminishedSeventh,
    DiminishedSeventh,
    MinorMajorSeventh,
    AugmentedMajorSeventh,
    AugmentedSeventh,  // an augmented triad under a minor seventh (V+7)
    ItalianSixth,
    FrenchSixth,
    GermanSixth,
    Other,  // a stack of thirds of none of these shapes
};

// "major", "minor", "diminished", "augmented", "dominant-seventh", "major-seventh",
// "minor-seventh", "half-diminished-seventh", "diminished-seventh", "minor-major-seventh",
// "augmented-major-seventh", "augmented-seventh", "italian-sixth", "french-sixth",
// "german-sixth", "other". Thread: any. RT-safe: yes.
std::string_view romanQualityName(RomanQuality quality) noexcept;

// The chord a numeral spells in a key.
struct RomanChord {
    Key key{};                    // the key the chord is built in: for V/V in C, G major
    NoteName root{};              // It and Ger: the raised fourth; Fr: the second; Cad64: the tonic
    NoteName bass{};              // the lowest note
    std::vector<NoteName> notes;  // the bass first, then the others as stacked in thirds above it
    RomanQuality quality = RomanQuality::Major;
    int inversion = 0;  // the bass's chord member: 0 root, 1 third, 2 fifth, 3 seventh

    // The notes as a 12-bit mask (bit 0 = C). Thread: any. RT-safe: yes.
    std::uint16_t pitchClasses() const noexcept;
    // 0 = C … 11 = B. Thread: any. RT-safe: yes.
    int rootPitchClass() const noexcept { return root.pitchClass(); }
    int bassPitchClass() const noexcept { return bass.pitchClass(); }
};

// What only the music around a chord can tell fromChord.
struct RomanReadingOptions {
    // The chord is a six-four that resolves over the same bass to the chord on its bass (I64 to
    // V): read I64 (i64) as Cad64, and another degree's six-four as Cad64 applied to it (Cad64/V).
    bool cadentialSixFour = false;
};

struct RomanNumeral {
    RomanKind kind = RomanKind::Degree;
    // The scale degree (1 … 7) and the accidentals before the numeral (-2 … +2). Parsing a named
    // chord sets them to its root (N: 2 and -1; It and Ger: 4 and +1; Fr: 2; Cad64: 1), but only
    // kind Degree reads them.
    std::int8_t degree = 1;
    std::int8_t alter = 0;
    bool upperCase = true;  // the case of a Degree numeral: V is upper, ii lower
    RomanMark mark = RomanMark::None;
    // The figures, without those their shape implies: 6/4 is {6, 4}, 653 and 6/5 are {6, 5}, 42
    // and 2 are {4, 2}, 753 is {7}, 53 is {}; figures with an accidental stay (6b5 is {6, b5}).
    // Highest number first.
    std::vector<RomanFigure> figures;
    std::vector<RomanTone> alteredTones;  // [b9] [#3], highest number first
    std::vector<RomanTone> addedTones;    // [add9] [add#4], highest number first (as written most)
    std::uint16_t omittedTones = 0;       // bit n set for [no n], n = 1 … 15
    std::vector<RomanTarget> appliedTo;   // V7/V/vi: {V, vi}, as written left to right

    // The bass's chord member: 0 root position … 3 third inversion. Thread: any. RT-safe: yes.
    int inversion() const noexcept;
    // Whether the chord has a seventh (by its figures, its mark, or as an augmented sixth with
    // four notes). Thread: any. RT-safe: yes.
    bool hasSeventh() const noexcept;

    // The numeral in canonical RomanText: "V65/V", "viiø7", "bVI", "Ger65", "I[no3][add4]".
    // parse(toString()) gives the same numeral. Thread: any. RT-safe: no.
    std::string toString() const;
    // Parses a RomanText numeral: accidentals (b, -, #), the numeral (I … VII, i … vii, N, It, Fr,
    // Ger with an optional +, Cad64), a mark (o ° 0 ø /o + M maj d), figures (65, 6/5, b7),
    // brackets ([no5] [no3no5] [add#4] [b9]) and targets after slashes (/V, /bVI, /N). The error
    // names the offending byte's column (1-based) in `text`. Thread: any. RT-safe: no.
    static core::Result<RomanNumeral> parse(std::string_view text);

    // The chord in `key` (see the rules at the top of this header). Thread: any. RT-safe: no.
    RomanChord toChord(const Key& key) const;
    // The same chord in `key` written with the fewest signs: accidentals and seventh marks the key
    // already implies are dropped (in c minor #viio7 is viio7 and bVI is VI; in C IVM7 is IV7).
    // fromChord's numerals are normalised; compare analyses through this.
    // Thread: any. RT-safe: no.
    RomanNumeral normalized(const Key& key) const;

    // The numeral a theory teacher writes for a chord in `key`, from the spelled notes with the
    // bass first; spelling decides the root of symmetric chords (in C, G# B D F is viio7/vi and B
    // D F Ab is viio7). The readings, in order of preference: the augmented sixths (the raised
    // fourth over the lowered sixth, or spelled from their root); the key's own chords (in minor
    // also V, viio7, IV, ii, vio and the Picardy I; in a church mode the chords of its scale);
    // V[no3][add4], V7[no3][add4], I[no3][add4], IV[no3][add4], V[no5][add6] and V7[no5][add6];
    // V, V7, viio, viio7 and viiø7 applied to the key's major and minor triads; V7 applied to
    // bII, bIII, bVI and bVII; the Neapolitan (N6; bII and bII64 in other positions, as analysts
    // write them); in major the chords of the parallel minor (iv, bVI, bVII, bIII, iio, iiø7, i,
    // v and their sevenths); then any chord on any root (#IV, bII7). The third or fifth may be
    // missing (a missing third is written [no3]); notes beyond the chord become [addN]. With
    // options.cadentialSixFour a six-four is read as Cad64 (I64, i64; Cad64/V for V64).
    // Fails for no notes. Thread: any. RT-safe: no.
    static core::Result<RomanNumeral> fromChord(std::span<const NoteName> notesBassFirst, const Key& key,
                                                RomanReadingOptions options = {});
    // The same for a chord symbol (its root, pitch classes and bass); fails for N.C.
    // Thread: any. RT-safe: no.
    static core::Result<RomanNumeral> fromChord(const ChordSymbol& chord, const Key& key,
                                                RomanReadingOptions options = {});

    friend bool operator==(const RomanNumeral&, const RomanNumeral&) = default;
};

}  // namespace mos::theory
