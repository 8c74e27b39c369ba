#include "mos/analysis/BeatUnits.hpp"

#include <algorithm>
#include <limits>

namespace mos::analysis {
namespace {

// A pickup holds the last beats of its meter: what it lacks is missing before it, not after.
core::Rational pickupShortfall(const score::Measure& measure, const core::Rational& length,
                               const score::TimeSignature& meter) {
    return measure.pickup && length < meter.measureLength() ? meter.measureLength() - length : core::Rational{};
}

}  // namespace
core::Rational beatLength(const score::TimeSignature& meter) noexcept {
    const bool compound = meter.numerator > 3 && meter.numerator % 3 == 0;
    return {compound ? 3 : 1, meter.denominator == 0 ? 4 : meter.denominator};
}

core::Rational beatNumber(const score::Score& score, const score::ScorePosition& at) {
    if (at.measure >= score.timeline.measures.size()) return core::Rational{1};
    const score::Measure& measure = score.timeline.measures[at.measure];
    const score::TimeSignature meter = score::timeSignatureAt(score.timeline, at.measure);
    const core::Rational missing = pickupShortfall(measure, measure.duration, meter);
    return (at.offset + missing) / beatLength(meter) + core::Rational{1};
}

BeatUnits beatUnits(const score::Score& score, std::span<const SoundingNote> notes) {
    BeatUnits beats;
    const std::vector<core::Rational> measureStart = score::measureStarts(score.timeline);
    const auto measures = static_cast<std::uint32_t>(score.timeline.measures.size());
    for (std::uint32_t measure = 0; measure < measures; ++measure) {
        const score::TimeSignature meter = score::timeSignatureAt(score.timeline, measure);
        const core::Rational beat = beatLength(meter);
        const core::Rational length = measureStart[measure + 1] - measureStart[measure];
        const core::Rational missing = pickupShortfall(score.timeline.measures[measure], length, meter);
        for (core::Rational offset{}; offset < length;) {
            const core::Rational inMeter = offset + missing;
            const core::Rational beatIndex = inMeter / beat;
            const core::Rational nextBeat = core::Rational{beatIndex.floor().value_or(0) + 1} * beat;
            const core::Rational end = std::min(nextBeat - missing, length);
            HarmonicUnit unit;
            unit.length = (end - offset).toDouble();
            unit.strength = inMeter == core::Rational{} ? 1.0 : 0.5;
            beats.units.push_back(unit);
            beats.positions.push_back({measure, offset});
            beats.starts.push_back(measureStart[measure] + offset);
            offset = end;
        }
    }
    beats.end = measureStart.back();

    // Each note adds the time it sounds to every beat it overlaps; the lowest note sounding at a
    // beat's start is its bass, or, when none is, the lowest that starts inside it.
    const std::size_t count = beats.units.size();
    std::vector<int> lowestAtStart(count, std::numeric_limits<int>::max());
    std::vector<int> lowestInside(count, std::numeric_limits<int>::max());
    std::vector<int> classAtStart(count, -1);
    std::vector<int> classInside(count, -1);
    for (const SoundingNote& note : notes) {
        const core::Rational noteEnd = note.end();
        auto first = std::upper_bound(beats.starts.begin(), beats.starts.end(), note.onset);
        std::size_t i = first == beats.starts.begin() ? 0 : static_cast<std::size_t>(first - beats.starts.begin()) - 1;
        for (; i < count && beats.starts[i] < noteEnd; ++i) {
            const core::Rational unitEnd = i + 1 < count ? beats.starts[i + 1] : beats.end;
            const core::Rational overlap = std::min(noteEnd, unitEnd) - std::max(note.onset, beats.starts[i]);
            if (overlap <= core::Rational{}) continue;
            beats.units[i].weights[static_cast<std::size_t>(note.pitchClass())] += overlap.toDouble();
            const int midi = note.midiNumber();
            if (note.onset <= beats.starts[i]) {
                if (midi < lowestAtStart[i]) {
                    lowestAtStart[i] = midi;
                    classAtStart[i] = note.pitchClass();
                }
            } else if (midi < lowestInside[i]) {
                lowestInside[i] = midi;
                classInside[i] = note.pitchClass();
            }
        }
    }
    for (std::size_t i = 0; i < count; ++i)
        beats.units[i].bassPitchClass = classAtStart[i] >= 0 ? classAtStart[i] : classInside[i];
    return beats;
}

}  // namespace mos::analysis
