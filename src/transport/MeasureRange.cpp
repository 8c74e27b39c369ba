#include "mos/transport/MeasureRange.hpp"

#include <algorithm>
#include <iterator>

namespace mos::transport {

core::Result<std::uint32_t> measureNumbered(const score::Timeline& timeline, const std::string& number) {
    const auto& measures = timeline.measures;
    for (std::uint32_t m = 0; m < measures.size(); ++m) {
        if (measures[m].number == number) return m;
    }
    return core::fail(core::ErrorCode::NotFound, "the score has no measure " + number + " (it has " +
                                                     std::to_string(measures.size()) + " measures)");
}

core::Result<PerformanceRange> performanceRange(const score::Timeline& timeline, const PerformanceTimeline& performance,
                                                const std::optional<std::string>& from,
                                                const std::optional<std::string>& to) {
    const auto& performed = performance.measures();
    PerformanceRange range{.start = core::Rational{0}, .end = performance.length()};
    auto first = performed.begin();
    if (from) {
        const auto m = measureNumbered(timeline, *from);
        if (!m) return m.error();
        first = std::find_if(performed.begin(), performed.end(),
                             [&](const PerformedMeasure& p) { return p.measure == *m; });
        if (first == performed.end())
            return core::fail(core::ErrorCode::NotFound, "measure " + *from + " is never played");
        range.start = first->start;
    }
    if (to) {
        const auto m = measureNumbered(timeline, *to);
        if (!m) return m.error();
        const auto last =
            std::find_if(first, performed.end(), [&](const PerformedMeasure& p) { return p.measure == *m; });
        if (last == performed.end()) {
            return core::fail(core::ErrorCode::OutOfRange,
                              "measure " + *to + " is not played after measure " + from.value_or("1"));
        }
        range.end = last->end();
    }
    return range;
}

}  // namespace mos::transport
