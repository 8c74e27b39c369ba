#pragma once

// How much each pitch class sounds in each window of a score: the evidence key finding reads.
// A window's weight for a pitch class is the time (in whole notes) its notes sound inside the
// window, plus optional extra weight for the bass and for notes struck on strong beats; chord
// symbols written in the score give a second, separate vector.
//
//   a 4/4 measure of C4 (half) E4 G4 (quarters), nothing else
//   measureWindows(score, soundingNotes(score))[0].notes  ->  C 0.5, E 0.25, G 0.25, the rest 0
//   with WindowOptions{.bassWeight = 1}                    ->  C 1.0, E 0.5, G 0.5  (each is the bass
//                                                              while it sounds alone)

#include <array>
#include <span>
#include <vector>

#include "mos/analysis/SoundingNotes.hpp"
#include "mos/core/Rational.hpp"
#include "mos/score/Score.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::analysis {

// One weight per pitch class, index 0 = C … 11 = B.
using PitchClassWeights = std::array<double, 12>;

struct WindowOptions {
    // Extra weight for the lowest sounding note, as a multiple of the time it is the lowest: 1
    // counts the bass twice. A melody alone is its own bass.
    double bassWeight = 0.0;
    // Extra weight for a note struck on a strong beat (the downbeat, and the middle of a measure
    // whose meter has an even numerator: beat 3 of 4/4, the second half of 6/8), as a multiple of
    // the time it sounds in the window.
    double accentWeight = 0.0;
};

struct PitchClassWindow {
    core::Rational start{};     // whole notes from the start of the score
    core::Rational end{};       // exclusive
    score::ScorePosition at{};  // where the window starts
    PitchClassWeights notes{};  // what the notes sound, with the options' extras
    // The tones of the chord symbols in the score (score::Layers::chords), each symbol holding
    // until the next one (an alternate symbol, ABC "C""Em", is skipped; N.C. stops the chord), by
    // how long it holds in the window. A symbol that does not parse gives its root and bass alone.
    PitchClassWeights chords{};
};

// Windows between consecutive `boundaries` (absolute whole notes, ascending; n + 1 boundaries
// give n windows), each placed at the measure it starts in. `notes` are in onset order, as
// soundingNotes gives them. Notes and chord symbols outside every window are ignored. Thread:
// any. RT-safe: no.
std::vector<PitchClassWindow> pitchClassWindows(const score::Score& score, std::span<const SoundingNote> notes,
                                                std::span<const core::Rational> boundaries,
                                                const WindowOptions& options = {});

// One window per measure of the timeline, in score order (the default windows of key finding);
// window i starts at {i, 0}. Measures after a length sum that overflows get none. Thread: any.
// RT-safe: no.
std::vector<PitchClassWindow> measureWindows(const score::Score& score, std::span<const SoundingNote> notes,
                                             const WindowOptions& options = {});

// The windows taken together: from the first one's start to the last one's end, their weights
// summed (notes and chords separately). Empty windows give an empty window at 0. Thread: any.
// RT-safe: yes.
PitchClassWindow mergeWindows(std::span<const PitchClassWindow> windows) noexcept;

}  // namespace mos::analysis
