// Bjorklund's algorithm as sequence pairing: start with `hits` one-step groups [x] and
// `steps - hits` groups [.]; append a remainder group to each leading group, and again while more
// than one remainder group is left. What is left concatenates to the pattern.

#include "mos/theory/EuclideanRhythm.hpp"

#include <algorithm>

namespace mos::theory {

std::vector<bool> euclideanRhythm(int hits, int steps, int rotation) {
    if (steps <= 0) return {};
    hits = std::clamp(hits, 0, steps);
    std::vector<std::vector<bool>> groups(static_cast<std::size_t>(hits), std::vector<bool>{true});
    std::vector<std::vector<bool>> remainder(static_cast<std::size_t>(steps - hits), std::vector<bool>{false});
    // Pair at least once, so E(3, 4) is x.xx rather than its rotation xxx.
    for (bool first = true; !groups.empty() && (remainder.size() > 1 || (first && !remainder.empty())); first = false) {
        const std::size_t pairs = std::min(groups.size(), remainder.size());
        std::vector<std::vector<bool>> paired;
        paired.reserve(pairs);
        for (std::size_t i = 0; i < pairs; ++i) {
            std::vector<bool> group = groups[i];
            group.insert(group.end(), remainder[i].begin(), remainder[i].end());
            paired.push_back(std::move(group));
        }
        // What was not paired becomes the new remainder: the unpaired groups, else the unpaired rest.
        std::vector<std::vector<bool>> left;
        if (groups.size() > pairs) {
            left.assign(groups.begin() + static_cast<std::ptrdiff_t>(pairs), groups.end());
        } else {
            left.assign(remainder.begin() + static_cast<std::ptrdiff_t>(pairs), remainder.end());
        }
        groups = std::move(paired);
        remainder = std::move(left);
    }
    std::vector<bool> pattern;
    pattern.reserve(static_cast<std::size_t>(steps));
    for (const auto* list : {&groups, &remainder}) {
        for (const auto& group : *list) pattern.insert(pattern.end(), group.begin(), group.end());
    }
    const int shift = ((rotation % steps) + steps) % steps;
    std::rotate(pattern.begin(), pattern.begin() + shift, pattern.end());
    return pattern;
}

std::string rhythmText(const std::vector<bool>& pattern) {
    std::string text;
    for (const bool hit : pattern) text += hit ? 'x' : '.';
    return text;
}

}  // namespace mos::theory
