#pragma once

// Edits on the score's lists (layer entries, key changes, tempo marks, dynamics …) built from the
// Workspace primitives: find by key, put (replace or insert in order), remove, and rewrite many
// entries in one recorded pass.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "EditContext.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::score {

// Strict order of places (measure, then offset).
inline bool earlier(ScorePosition a, ScorePosition b) {
    return a.measure != b.measure ? a.measure < b.measure : a.offset < b.offset;
}

// The index of the first entry `matches` accepts.
template <typename T, typename Matches>
std::optional<std::size_t> findIndex(const std::vector<T>& list, Matches matches) {
    const auto found = std::find_if(list.begin(), list.end(), matches);
    if (found == list.end()) return std::nullopt;
    return static_cast<std::size_t>(found - list.begin());
}

// Puts `value` into the list at `locate`: replaces the entry `sameKey` accepts where it is (moving it
// when its order changed), or inserts after the entries that `before(value, entry)` does not put
// after it (at the end when `before` is null). Returns the entry it replaced, if any.
template <typename T, typename SameKey, typename Before>
std::optional<T> putEntry(EditContext& context, Locate<std::vector<T>> locate, T value, SameKey sameKey,
                          Before before) {
    const std::vector<T>& list = context.workspace.peek(locate);
    constexpr bool kOrdered = !std::is_same_v<Before, std::nullptr_t>;
    std::optional<T> old;
    if (const auto existing = findIndex(list, sameKey)) {
        const std::size_t at = *existing;
        old = list[at];
        bool inOrder = true;
        if constexpr (kOrdered) {
            inOrder =
                (at == 0 || !before(value, list[at - 1])) && (at + 1 == list.size() || !before(list[at + 1], value));
        }
        if (inOrder) {
            context.workspace.assign<T>([locate, at](Score& score) -> T& { return locate(score)[at]; },
                                        std::move(value), context.log);
            return old;
        }
        context.workspace.eraseElements(locate, {at}, context.log);
    }
    std::size_t at = list.size();
    if constexpr (kOrdered) {
        at = static_cast<std::size_t>(std::upper_bound(list.begin(), list.end(), value, before) - list.begin());
    }
    std::vector<std::pair<std::size_t, T>> insertion;
    insertion.emplace_back(at, std::move(value));
    context.workspace.insertElements(std::move(locate), std::move(insertion), context.log);
    return old;
}

// Removes the entry `sameKey` accepts and returns it; nullopt when there is none.
template <typename T, typename SameKey>
std::optional<T> removeEntry(EditContext& context, Locate<std::vector<T>> locate, SameKey sameKey) {
    const std::vector<T>& list = context.workspace.peek(locate);
    const auto existing = findIndex(list, sameKey);
    if (!existing) return std::nullopt;
    std::optional<T> old{list[*existing]};
    context.workspace.eraseElements(std::move(locate), {*existing}, context.log);
    return old;
}

enum class Verdict : std::uint8_t { Keep, Replace, Remove };

// Judges every entry of a list — judge(entry, replacement) returns Keep, Replace (with `replacement`
// filled in) or Remove — and records the replacements and removals. True when anything changed.
template <typename T, typename Judge>
bool rewriteEach(EditContext& context, Locate<std::vector<T>> locate, Judge judge) {
    const std::vector<T>& list = context.workspace.peek(locate);
    std::vector<std::pair<std::size_t, T>> replaced;
    std::vector<std::size_t> removed;
    T replacement{};
    for (std::size_t i = 0; i < list.size(); ++i) {
        switch (judge(list[i], replacement)) {
            case Verdict::Keep:
                break;
            case Verdict::Replace:
                replaced.emplace_back(i, std::move(replacement));
                replacement = T{};
                break;
            case Verdict::Remove:
                removed.push_back(i);
                break;
        }
    }
    for (auto& [at, value] : replaced) {
        const std::size_t index = at;
        context.workspace.assign<T>([locate, index](Score& score) -> T& { return locate(score)[index]; },
                                    std::move(value), context.log);
    }
    const bool changed = !replaced.empty() || !removed.empty();
    context.workspace.eraseElements(std::move(locate), removed, context.log);
    return changed;
}

}  // namespace mos::score
