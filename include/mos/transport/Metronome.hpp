#pragma once

// The metronome (the vision's Toussaint metronome) is a score: a meter, a tempo mark and bars of
// clicks in one percussion part, so it compiles, plays, renders and loops like any other music.
//
//   metronomeScore({.bpm = 120, .meter = {7, 8}, .bars = 4})      -> 4 bars of 7 eighth-note clicks
//   metronomeBar({.bpm = 120, .meter = {4, 4}})->pattern          -> "Xxxx"
//   metronomeBar({.meter = {4, 4}, .euclid = {{3, 8}}})->pattern  -> "X..x..x."  (the tresillo)
//
// Which beat the BPM counts:
// - a simple meter (2/4, 3/4, 4/4, 2/2, 3/8, 5/8, 7/8, 6/4 …) beats its denominator: 7/8 clicks every
//   eighth, 2/2 every half note;
// - a compound meter (6/8, 9/8, 12/8, 6/16 … a numerator that is a multiple of 3 above 3, over 8 or
//   shorter) beats the dotted note of three: 6/8 at 60 BPM is two dotted quarters a bar, each
//   subdivided into its three eighths unless the spec says otherwise.
// How it sounds (General MIDI drums, channel 10): the downbeat on the hi wood block, loud; the other
// beats on the low wood block; subdivisions on the low wood block, softly. With a Euclidean pattern
// the bar is cut into n equal steps, the k hits fall where Bjorklund's algorithm puts them
// (theory::euclideanRhythm, rotated), and the first hit of the bar is accented. Over 7/8,
// E(3, 7) = x.x.x.. is the 2+2+3 grouping.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mos/core/Rational.hpp"
#include "mos/core/Result.hpp"
#include "mos/score/Score.hpp"

namespace mos::transport {

// The GM drum keys the clicks play on.
inline constexpr std::uint8_t kMetronomeAccentKey = 76;  // hi wood block
inline constexpr std::uint8_t kMetronomeClickKey = 77;   // low wood block

// k hits spread over n equal steps of the bar, rotated `rotation` steps to the left.
struct EuclideanPattern {
    int hits = 1;
    int steps = 1;
    int rotation = 0;

    friend bool operator==(const EuclideanPattern&, const EuclideanPattern&) = default;
};

struct MetronomeSpec {
    core::Rational bpm{120};                   // beats a minute, 0 < bpm <= 1000 (see above for the beat)
    score::TimeSignature meter{4, 4};          // any numerator 1…64 over a power of two 1…64
    std::optional<int> subdivisions{};         // clicks a beat, 1…16; unset: 3 in compound meters, else 1
    std::optional<EuclideanPattern> euclid{};  // replaces the beats and subdivisions; 1 <= k <= n <= 64
    std::uint32_t bars = 4;                    // 1…9999

    friend bool operator==(const MetronomeSpec&, const MetronomeSpec&) = default;
};

enum class ClickKind : std::uint8_t {
    Accent,       // the downbeat, or the first hit of a Euclidean pattern
    Beat,         // another beat, or another hit
    Subdivision,  // between the beats
};

struct MetronomeClick {
    core::Rational offset{};   // whole notes from the bar line
    core::Rational seconds{};  // from the bar line, at the spec's tempo
    ClickKind kind = ClickKind::Beat;

    friend bool operator==(const MetronomeClick&, const MetronomeClick&) = default;
};

// One bar of the metronome: what its score plays in every bar.
struct MetronomeBar {
    core::Rational beatUnit{1, 4};  // the note the BPM counts: 1/8 in 7/8, 3/8 (a dotted quarter) in 6/8
    std::uint16_t beats = 4;        // beats a bar
    core::Rational seconds{};       // the bar's length
    // One character a step of the bar's grid (the subdivisions, or the Euclidean steps): X accent,
    // x beat or hit, - subdivision, . silent step. "X--x--" is 6/8; "X-x-x-x-" 4/4 in eighths.
    std::string pattern{};
    std::vector<MetronomeClick> clicks{};  // in time order

    friend bool operator==(const MetronomeBar&, const MetronomeBar&) = default;
};

// One bar of clicks, or an error saying which part of the spec makes no sense (a tempo of 0, a
// meter of 7/0, 9 hits in 8 steps). Thread: any. RT-safe: no.
core::Result<MetronomeBar> metronomeBar(const MetronomeSpec& spec);

// The metronome as a score: `spec.bars` measures of the meter, a tempo mark at the start, and one
// percussion part "Metronome" whose notes are the clicks. Thread: any. RT-safe: no.
core::Result<score::Score> metronomeScore(const MetronomeSpec& spec);

}  // namespace mos::transport
