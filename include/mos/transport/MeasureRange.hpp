#pragma once

// Measures named the way a musician names them — by the number the score prints — turned into
// stretches of the performance, for seeking, looping and rendering a passage.
//
//   measureNumbered(score.timeline, "12a")                    -> index of the measure printed "12a"
//   performanceRange(score.timeline, timeline, "5", "8")      -> from the first performance of 5
//                                                                to the end of the 8 that follows it

#include <cstdint>
#include <optional>
#include <string>

#include "mos/core/Rational.hpp"
#include "mos/core/Result.hpp"
#include "mos/score/Timeline.hpp"
#include "mos/transport/PerformanceTimeline.hpp"

namespace mos::transport {

// Whole notes of the performance, start included, end excluded.
struct PerformanceRange {
    core::Rational start{};
    core::Rational end{};

    friend bool operator==(const PerformanceRange&, const PerformanceRange&) = default;
};

// The index of the measure printed as `number`. NotFound names the measure and how many there are.
// Thread: any. RT-safe: no.
core::Result<std::uint32_t> measureNumbered(const score::Timeline& timeline, const std::string& number);

// From the first performance of measure `from` (the start when empty) to the end of the first
// performance of measure `to` at or after it (the end when empty). Errors name the measure that
// does not exist or is not played there. Thread: any. RT-safe: no.
core::Result<PerformanceRange> performanceRange(const score::Timeline& timeline, const PerformanceTimeline& performance,
                                                const std::optional<std::string>& from,
                                                const std::optional<std::string>& to);

}  // namespace mos::transport
