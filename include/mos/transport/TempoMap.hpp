#pragma once

// The playback clock: performance positions (whole notes from the start of the performance, repeats
// unfolded) to seconds and sample frames and back, through constant tempos and linear ramps
// (accelerando, ritardando), at the player's tempo scale.
//
//   TempoMap map{{{.at = 0, .quarterBpm = 120}, {.at = 2, .quarterBpm = 60}}};
//   map.secondsAt(Rational{3})                       -> 2 s for two bars of 4/4 at 120 + 4 s = 6.0
//   map.sampleAt(Rational{1, 4}, SampleRate{48000})  -> 24000
//
// Within a constant segment the sample is computed exactly (rational arithmetic, rounded once), so
// a note lands on the same sample however it is reached; a ramp is closed-form: with the tempo q
// rising linearly by k quarters-per-minute per whole note, the time to cover d whole notes is
// 240/k · ln(q(d)/q0) seconds.

#include <cstdint>
#include <vector>

#include "mos/core/Rational.hpp"
#include "mos/core/SampleTime.hpp"
#include "mos/core/Ticks.hpp"

namespace mos::transport {

// From `at` on, the tempo is `quarterBpm` quarter notes per minute; with `rampToNext` it moves
// linearly (in score time) to the next change's tempo, reaching it at that change.
struct TempoChange {
    core::Rational at{};
    core::Rational quarterBpm{120};
    bool rampToNext = false;

    friend bool operator==(const TempoChange&, const TempoChange&) = default;
};

class TempoMap {
public:
    struct Segment {
        core::Rational start{};        // whole notes
        core::Rational startBpm{120};  // quarter notes per minute, scaled
        core::Rational endBpm{120};    // equal to startBpm unless the segment ramps
        core::Rational length{};       // whole notes; 0 for the last, open-ended segment
        double startSeconds = 0.0;
        core::Rational exactStartSeconds{};  // invalid once the sum left 64-bit rationals

        bool ramps() const noexcept { return startBpm != endBpm; }
    };

    // 120 BPM throughout. Thread: any. RT-safe: no.
    TempoMap();
    // `changes` in position order (later duplicates of one position win); 120 BPM before the first.
    // Invalid or non-positive tempos are ignored. Every tempo is multiplied by `scale` (> 0; the
    // player's 0.25×–4×). Thread: any. RT-safe: no.
    explicit TempoMap(const std::vector<TempoChange>& changes, core::Rational scale = core::Rational{1});

    // Seconds from the start to `position` (>= 0). Thread: any. RT-safe: yes.
    double secondsAt(core::Rational position) const noexcept;
    // The same for a position already approximate (a playhead in whole notes). Thread: any. RT-safe: yes.
    double secondsAtWholeNotes(double wholeNotes) const noexcept;
    // The position reached after `seconds`, in whole notes. Thread: any. RT-safe: yes.
    double wholeNotesAt(double seconds) const noexcept;
    // The sample a note at `position` starts on: the nearest frame, halves away from zero.
    // Thread: any. RT-safe: yes.
    std::int64_t sampleAt(core::Rational position, core::SampleRate rate) const noexcept;
    // The tick nearest to a sample: sampleAt(ticks) -> ticksAt gives the tick back whenever a tick
    // spans at least one sample. Thread: any. RT-safe: yes.
    core::Ticks ticksAt(std::int64_t sample, core::SampleRate rate) const noexcept;
    // Quarter notes per minute in force at `position` (within a ramp, its current value), scaled.
    // Thread: any. RT-safe: yes.
    double quarterBpmAt(core::Rational position) const noexcept;

    core::Rational scale() const noexcept { return scale_; }
    const std::vector<Segment>& segments() const noexcept { return segments_; }

private:
    const Segment& segmentAt(core::Rational position) const noexcept;

    std::vector<Segment> segments_;  // by start; never empty; the first starts at 0
    core::Rational scale_{1};
};

}  // namespace mos::transport
