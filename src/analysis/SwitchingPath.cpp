#include "analysis/SwitchingPath.hpp"

#include <algorithm>

namespace mos::analysis {

std::vector<std::size_t> switchingPath(const std::vector<std::vector<double>>& scores, std::span<const double> start,
                                       double switchCost) {
    const std::size_t steps = scores.size();
    const std::size_t states = start.size();
    if (steps == 0 || states == 0) return {};
    std::vector<std::vector<std::size_t>> from(steps, std::vector<std::size_t>(states));
    std::vector<double> best(states);
    std::vector<double> next(states);
    for (std::size_t s = 0; s < states; ++s) best[s] = start[s] + scores[0][s];
    for (std::size_t t = 1; t < steps; ++t) {
        const auto leader = static_cast<std::size_t>(std::max_element(best.begin(), best.end()) - best.begin());
        const double switched = best[leader] - switchCost;
        for (std::size_t s = 0; s < states; ++s) {
            const bool change = switched > best[s];
            from[t][s] = change ? leader : s;
            next[s] = (change ? switched : best[s]) + scores[t][s];
        }
        std::swap(best, next);
    }
    std::vector<std::size_t> path(steps);
    path.back() = static_cast<std::size_t>(std::max_element(best.begin(), best.end()) - best.begin());
    for (std::size_t t = steps - 1; t > 0; --t) path[t - 1] = from[t][path[t]];
    return path;
}

}  // namespace mos::analysis
