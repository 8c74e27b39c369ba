#pragma once

// The score's measures in the order a performance plays them — repeats taken, first and second
// endings chosen by pass, D.C. and D.S. followed to the Fine or through the coda — each with its
// start in performance time, and the way back from a performance position to the score's measure
// and beat (what the widgets show).
//
//   |: m0 m1 |1. m2 :|2. m3 |  ->  m0 m1 m2 m0 m1 m3      (passes 1 1 1 2 2 2)
//   m0 m1(segno) m2(fine) m3(D.S. al fine)  ->  m0 m1 m2 m3 m1 m2
//
// Conventions where notation leaves a choice: after a D.C. or D.S. jump, repeats are not taken
// again and only the last ending of each group is played; a plain D.C./D.S. stops at a Fine when
// the score has one; a bare coda sign at the "to coda" place counts as the jump (the last coda sign
// is the landing).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "mos/core/Rational.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::transport {

struct PerformedMeasure {
    std::uint32_t measure = 0;      // index into Timeline::measures
    core::Rational start{};         // whole notes from the start of the performance
    core::Rational duration{};      // the measure's actual length
    std::uint16_t pass = 1;         // 1 the first time through a repeated passage, 2 the second …
    std::uint16_t beatsPerBar = 4;  // the meter in force: numerator
    std::uint16_t beatUnit = 4;     // and denominator (a beat is 1/beatUnit of a whole note)
    core::Rational lateStart{};     // how far into its meter it begins: a pickup's missing beats, else 0

    core::Rational end() const noexcept { return start + duration; }
    core::Rational beatLength() const noexcept { return core::Rational{1, beatUnit}; }

    friend bool operator==(const PerformedMeasure&, const PerformedMeasure&) = default;
};

// Where a performance position falls.
struct BarBeat {
    std::size_t performed = 0;  // index into PerformanceTimeline::measures()
    std::uint32_t measure = 0;  // score measure index
    std::int32_t beat = 1;      // 1-based, counted by the meter's beat unit (a pickup ends on the last beat)
    double beatFraction = 0.0;  // 0…1 through the beat
};

class PerformanceTimeline {
public:
    // Unfolds the timeline. A timeline whose jumps never end is cut off after 64 passes over its
    // measures. Thread: any. RT-safe: no.
    explicit PerformanceTimeline(const score::Timeline& timeline);

    const std::vector<PerformedMeasure>& measures() const noexcept { return measures_; }
    // Whole notes from the start to the end of the performance. Thread: any. RT-safe: yes.
    core::Rational length() const noexcept { return length_; }

    // The performed measure holding `wholeNotes` (the first before the start, the last after the
    // end); nullopt for an empty score. Thread: any. RT-safe: yes.
    std::optional<BarBeat> locate(double wholeNotes) const noexcept;
    // Where the first performance of score measure `measure` starts; nullopt if it is never
    // played. Thread: any. RT-safe: no.
    std::optional<core::Rational> startOfScoreMeasure(std::uint32_t measure) const noexcept;

private:
    std::vector<PerformedMeasure> measures_;
    core::Rational length_{};
};

}  // namespace mos::transport
