// Constant segments are summed exactly while 64-bit rationals hold them; ramps and anything after
// an overflow use doubles, which stay within a millionth of a frame over hours of music.

#include "mos/transport/TempoMap.hpp"

#include <algorithm>
#include <cmath>

namespace mos::transport {
namespace {

using core::Rational;

// Seconds per whole note at one quarter note per minute: 4 quarters × 60 s.
constexpr double kSecondsPerWholeAtOneBpm = 240.0;
const Rational kExactSecondsPerWholeAtOneBpm{240};

// Tempo rise per whole note of a ramp (quarters per minute per whole note).
double slopeOf(const TempoMap::Segment& segment) noexcept {
    return (segment.endBpm - segment.startBpm).toDouble() / segment.length.toDouble();
}

// Seconds to cover `wholeNotes` from the segment's start; before the start (a count-in) the
// starting tempo holds.
double secondsWithin(const TempoMap::Segment& segment, double wholeNotes) noexcept {
    const double q0 = segment.startBpm.toDouble();
    if (!segment.ramps() || wholeNotes <= 0.0) return wholeNotes * kSecondsPerWholeAtOneBpm / q0;
    const double k = slopeOf(segment);
    return kSecondsPerWholeAtOneBpm / k * std::log1p(k * wholeNotes / q0);
}

double wholeNotesWithin(const TempoMap::Segment& segment, double seconds) noexcept {
    const double q0 = segment.startBpm.toDouble();
    if (!segment.ramps() || seconds <= 0.0) return seconds * q0 / kSecondsPerWholeAtOneBpm;
    const double k = slopeOf(segment);
    return q0 / k * std::expm1(seconds * k / kSecondsPerWholeAtOneBpm);
}

bool usable(const TempoChange& change) noexcept {
    return change.at.isValid() && !change.at.isNegative() && change.quarterBpm.isValid() &&
           change.quarterBpm > Rational{0};
}

}  // namespace

TempoMap::TempoMap() : TempoMap{std::vector<TempoChange>{}} {}

TempoMap::TempoMap(const std::vector<TempoChange>& changes, Rational scale) : scale_{scale} {
    if (!scale_.isValid() || scale_ <= Rational{0}) scale_ = Rational{1};
    std::vector<TempoChange> kept;
    kept.reserve(changes.size() + 1);
    for (const TempoChange& change : changes) {
        if (!usable(change)) continue;
        if (!kept.empty() && kept.back().at == change.at) {
            kept.back() = change;
        } else if (kept.empty() || kept.back().at < change.at) {
            kept.push_back(change);
        }
    }
    if (kept.empty() || kept.front().at != Rational{0}) kept.insert(kept.begin(), TempoChange{});

    segments_.reserve(kept.size());
    double seconds = 0.0;
    Rational exactSeconds{0};
    for (std::size_t i = 0; i < kept.size(); ++i) {
        Segment segment;
        segment.start = kept[i].at;
        segment.startBpm = kept[i].quarterBpm * scale_;
        const bool last = i + 1 == kept.size();
        segment.endBpm = kept[i].rampToNext && !last ? kept[i + 1].quarterBpm * scale_ : segment.startBpm;
        segment.length = last ? Rational{0} : kept[i + 1].at - kept[i].at;
        segment.startSeconds = seconds;
        segment.exactStartSeconds = exactSeconds;
        seconds += secondsWithin(segment, segment.length.toDouble());
        exactSeconds = segment.ramps() || !exactSeconds.isValid()
                           ? Rational::invalid()
                           : exactSeconds + segment.length * kExactSecondsPerWholeAtOneBpm / segment.startBpm;
        segments_.push_back(segment);
    }
}

const TempoMap::Segment& TempoMap::segmentAt(Rational position) const noexcept {
    const auto after = std::upper_bound(segments_.begin(), segments_.end(), position,
                                        [](Rational p, const Segment& s) { return p < s.start; });
    return after == segments_.begin() ? segments_.front() : *(after - 1);
}

double TempoMap::secondsAt(Rational position) const noexcept {
    const Segment& segment = segmentAt(position);
    return segment.startSeconds + secondsWithin(segment, (position - segment.start).toDouble());
}

double TempoMap::secondsAtWholeNotes(double wholeNotes) const noexcept {
    const auto after = std::upper_bound(segments_.begin(), segments_.end(), wholeNotes,
                                        [](double w, const Segment& s) { return w < s.start.toDouble(); });
    const Segment& segment = after == segments_.begin() ? segments_.front() : *(after - 1);
    return segment.startSeconds + secondsWithin(segment, wholeNotes - segment.start.toDouble());
}

double TempoMap::wholeNotesAt(double seconds) const noexcept {
    const auto after = std::upper_bound(segments_.begin(), segments_.end(), seconds,
                                        [](double s, const Segment& segment) { return s < segment.startSeconds; });
    const Segment& segment = after == segments_.begin() ? segments_.front() : *(after - 1);
    return segment.start.toDouble() + wholeNotesWithin(segment, seconds - segment.startSeconds);
}

std::int64_t TempoMap::sampleAt(Rational position, core::SampleRate rate) const noexcept {
    const Segment& segment = segmentAt(position);
    if (!segment.ramps() && segment.exactStartSeconds.isValid()) {
        const Rational seconds =
            segment.exactStartSeconds + (position - segment.start) * kExactSecondsPerWholeAtOneBpm / segment.startBpm;
        if (const auto sample = (seconds * Rational{rate.value}).round()) return *sample;
    }
    return std::llround(secondsAt(position) * rate.value);
}

core::Ticks TempoMap::ticksAt(std::int64_t sample, core::SampleRate rate) const noexcept {
    if (rate.value == 0) return core::Ticks{0};
    const double seconds = static_cast<double>(sample) / rate.value;
    return core::Ticks{std::llround(wholeNotesAt(seconds) * static_cast<double>(core::kTicksPerWhole))};
}

double TempoMap::quarterBpmAt(Rational position) const noexcept {
    const Segment& segment = segmentAt(position);
    const double q0 = segment.startBpm.toDouble();
    const double into = (position - segment.start).toDouble();
    if (!segment.ramps() || into <= 0.0) return q0;
    return q0 + slopeOf(segment) * std::min(into, segment.length.toDouble());
}

}  // namespace mos::transport
