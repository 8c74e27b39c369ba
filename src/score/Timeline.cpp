#include "mos/score/Timeline.hpp"

namespace mos::score {

std::vector<core::Rational> measureStarts(const Timeline& timeline) {
    std::vector<core::Rational> starts;
    starts.reserve(timeline.measures.size() + 1);
    core::Rational position{};
    starts.push_back(position);
    for (const Measure& measure : timeline.measures) {
        position += measure.duration;
        starts.push_back(position);
    }
    return starts;
}

TimeSignature timeSignatureAt(const Timeline& timeline, std::uint32_t measure) {
    const auto& measures = timeline.measures;
    for (std::size_t i = std::min<std::size_t>(measure + 1, measures.size()); i-- > 0;) {
        if (measures[i].time) {
            return *measures[i].time;
        }
    }
    return {};
}

KeySignature keyAt(const Timeline& timeline, ScorePosition at) {
    const auto& measures = timeline.measures;
    for (std::size_t i = std::min<std::size_t>(at.measure + 1, measures.size()); i-- > 0;) {
        const auto& keys = measures[i].keys;
        for (auto change = keys.rbegin(); change != keys.rend(); ++change) {
            if (i < at.measure || change->offset <= at.offset) {
                return change->key;
            }
        }
    }
    return {};
}

}  // namespace mos::score
