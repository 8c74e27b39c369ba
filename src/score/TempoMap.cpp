#include "mos/score/TempoMap.hpp"

#include <algorithm>
#include <cmath>

#include "mos/core/Ticks.hpp"

namespace mos::score {

namespace {

// Seconds that `length` whole notes last at `quarterBpm` quarter notes per minute.
double secondsFor(core::Rational length, core::Rational quarterBpm) noexcept {
    return length.toDouble() * 240.0 / quarterBpm.toDouble();
}

}  // namespace

TempoMap::TempoMap(const Timeline& timeline) {
    segments_.push_back(Segment{});
    const std::vector<core::Rational> starts = measureStarts(timeline);
    for (std::size_t m = 0; m < timeline.measures.size(); ++m) {
        for (const TempoMark& mark : timeline.measures[m].tempos) {
            const core::Rational bpm = mark.quarterBpm();
            if (!bpm.isValid() || bpm <= core::Rational{}) {
                continue;  // a mark without a usable speed keeps the tempo before it
            }
            const core::Rational start = starts[m] + mark.offset;
            Segment& last = segments_.back();
            if (start <= last.start) {
                last.quarterBpm = bpm;  // a later mark at the same place wins
                continue;
            }
            segments_.push_back({start, bpm, last.startSeconds + secondsFor(start - last.start, last.quarterBpm)});
        }
    }
}

const TempoMap::Segment& TempoMap::segmentAt(core::Rational position) const noexcept {
    const auto after = std::upper_bound(segments_.begin(), segments_.end(), position,
                                        [](core::Rational p, const Segment& s) { return p < s.start; });
    return after == segments_.begin() ? segments_.front() : *(after - 1);
}

double TempoMap::secondsAt(core::Rational position) const noexcept {
    const Segment& segment = segmentAt(position);
    return segment.startSeconds + secondsFor(position - segment.start, segment.quarterBpm);
}

core::Rational TempoMap::positionAt(double seconds) const noexcept {
    const auto after = std::upper_bound(segments_.begin(), segments_.end(), seconds,
                                        [](double s, const Segment& segment) { return s < segment.startSeconds; });
    const Segment& segment = after == segments_.begin() ? segments_.front() : *(after - 1);
    const double wholeNotes = (seconds - segment.startSeconds) * segment.quarterBpm.toDouble() / 240.0;
    return segment.start + core::Rational{static_cast<std::int64_t>(std::llround(wholeNotes * core::kTicksPerWhole)),
                                          core::kTicksPerWhole};
}

core::Rational TempoMap::quarterBpmAt(core::Rational position) const noexcept { return segmentAt(position).quarterBpm; }

}  // namespace mos::score
