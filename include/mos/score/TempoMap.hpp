#pragma once

// Score positions (whole notes from the start) to seconds and back, through the tempo marks of the
// timeline. The tempo holds from one mark to the next (120 quarter notes per minute before the
// first). This is the notated clock that formats and summaries need; the transport builds its
// sample-exact map (with ramps) for playback.
//
//   TempoMap map{timeline};        // ♩ = 60 from the start, ♩ = 120 from measure 2 (4/4)
//   map.secondsAt(Rational{3, 2})  // 4 s for the first whole note + 1 s for the half = 5.0

#include <vector>

#include "mos/core/Rational.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::score {

class TempoMap {
public:
    struct Segment {
        core::Rational start{};  // whole notes from the start of the score
        core::Rational quarterBpm{120};
        double startSeconds = 0.0;
    };

    // Thread: any. RT-safe: no.
    explicit TempoMap(const Timeline& timeline);

    // Seconds from the start of the score to `position`. Thread: any. RT-safe: yes.
    double secondsAt(core::Rational position) const noexcept;
    // The position reached after `seconds` (nearest 1/3840 of a whole note, i.e. a 960-PPQ tick).
    core::Rational positionAt(double seconds) const noexcept;
    // Quarter notes per minute in force at `position`.
    core::Rational quarterBpmAt(core::Rational position) const noexcept;

    const std::vector<Segment>& segments() const noexcept { return segments_; }

private:
    const Segment& segmentAt(core::Rational position) const noexcept;

    std::vector<Segment> segments_;  // sorted by start; never empty
};

}  // namespace mos::score
