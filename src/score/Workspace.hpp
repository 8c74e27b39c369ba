#pragma once

// A document being edited: the Score, its id index, and the primitive changes every edit is made of.
// Each primitive records its exact inverse in an UndoLog, so a transaction that fails half way is
// rolled back, and an applied one undone, by replaying the log — at the cost of what changed, never
// a copy of the score.
//
// Inverse steps find their target by index (part 3, event 17), not by pointer: a log is replayed last
// step first, so each step meets the document exactly as its forward change left it.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "ElementIndex.hpp"
#include "UndoLog.hpp"
#include "mos/core/Rational.hpp"
#include "mos/score/Score.hpp"

namespace mos::score {

// Finds a place inside a score; captured by the inverse steps.
template <typename T>
using Locate = std::function<T&(Score&)>;

class Workspace {
public:
    struct EventRef {
        std::size_t part = 0;
        std::size_t index = 0;
    };
    struct NoteRef {
        std::size_t part = 0;
        std::size_t event = 0;
        std::size_t note = 0;
    };

    explicit Workspace(Score score) noexcept : score_{std::move(score)} {}

    const Score& score() const noexcept { return score_; }
    // Reads the value a Locate finds (a Locate takes Score&; peek changes nothing).
    template <typename T>
    const T& peek(const Locate<T>& locate) {
        return locate(score_);
    }

    // Readies the document for edits, once: builds the id index, and repairs what a broken document
    // would otherwise get wrong — events out of time order are sorted (stably), a nextId that is not
    // past every id is moved on. Repairs are not recorded: they only make the document what the model
    // promises. Thread: the document's writer. RT-safe: no.
    void prepare();

    // Lookups; prepare() first. Thread: the document's writer. RT-safe: no.
    std::optional<std::size_t> findPart(std::string_view partId) const;
    std::optional<EventRef> findEvent(ElementId event) const;
    std::optional<NoteRef> findNote(ElementId note) const;
    const Event& event(EventRef ref) const { return score_.parts[ref.part].events[ref.index]; }
    // Where a new event goes in a part: after the events at its place, a grace event before the
    // non-grace ones there.
    std::size_t insertionIndex(std::size_t part, const Event& event) const;

    // A fresh id. The transaction restores nextId as a whole (setNextId), not id by id.
    ElementId newId() noexcept { return score_.newId(); }

    // ---- Primitives: each changes the score and records its inverse in `log`. ----

    // Replaces the value at `locate` (the old one goes into the log).
    template <typename T>
    void assign(Locate<T> locate, T value, UndoLog& log);
    // Inserts values at the given final indexes (ascending).
    template <typename T>
    void insertElements(Locate<std::vector<T>> locate, std::vector<std::pair<std::size_t, T>> ascending, UndoLog& log);
    // Erases the elements at the given indexes (ascending, distinct).
    template <typename T>
    void eraseElements(Locate<std::vector<T>> locate, const std::vector<std::size_t>& ascending, UndoLog& log);

    void setNextId(ElementId next, UndoLog& log);

    // The same for events, keeping the id index in step.
    void insertEvents(std::size_t part, std::vector<std::pair<std::size_t, Event>> ascending, UndoLog& log);
    void eraseEvents(std::size_t part, const std::vector<std::size_t>& ascending, UndoLog& log);
    void replaceEvent(EventRef ref, Event event, UndoLog& log);

    // Moves every event at measure ≥ `from` by `measureDelta` measures, and the performed onsets of
    // its notes by performedDeltas[min(measure - from, size - 1)] whole notes (none when empty).
    void retime(std::uint32_t from, std::int64_t measureDelta, std::vector<core::Rational> performedDeltas,
                UndoLog& log);

    void insertPart(std::size_t index, Part part, UndoLog& log);
    void erasePart(std::size_t index, UndoLog& log);
    void movePart(std::size_t from, std::size_t to, UndoLog& log);

private:
    Score score_;
    ElementIndex index_;
};

namespace detail {

// Inserts (index, value) pairs, ascending by final index, in one pass.
template <typename T>
void insertAt(std::vector<T>& list, std::vector<std::pair<std::size_t, T>>& ascending) {
    if (ascending.size() == 1) {
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(ascending.front().first),
                    std::move(ascending.front().second));
        return;
    }
    std::vector<T> merged;
    merged.reserve(list.size() + ascending.size());
    auto next = ascending.begin();
    auto old = list.begin();
    while (merged.size() < list.size() + ascending.size()) {
        if (next != ascending.end() && next->first == merged.size()) {
            merged.push_back(std::move(next->second));
            ++next;
        } else {
            merged.push_back(std::move(*old++));
        }
    }
    list = std::move(merged);
}

// Erases the elements at ascending indexes in one pass and hands them back with their indexes.
template <typename T>
std::vector<std::pair<std::size_t, T>> eraseAt(std::vector<T>& list, const std::vector<std::size_t>& ascending) {
    std::vector<std::pair<std::size_t, T>> erased;
    erased.reserve(ascending.size());
    auto next = ascending.begin();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (next != ascending.end() && *next == i) {
            erased.emplace_back(i, std::move(list[i]));
            ++next;
        } else {
            if (kept != i) list[kept] = std::move(list[i]);
            ++kept;
        }
    }
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(kept), list.end());
    return erased;
}

template <typename T>
std::vector<std::size_t> indexesOf(const std::vector<std::pair<std::size_t, T>>& pairs) {
    std::vector<std::size_t> indexes;
    indexes.reserve(pairs.size());
    for (const auto& pair : pairs) indexes.push_back(pair.first);
    return indexes;
}

}  // namespace detail

template <typename T>
void Workspace::assign(Locate<T> locate, T value, UndoLog& log) {
    using std::swap;
    swap(locate(score_), value);
    log.record([locate = std::move(locate), old = std::move(value)](Workspace& workspace, UndoLog& inverse) mutable {
        workspace.assign(std::move(locate), std::move(old), inverse);
    });
}

template <typename T>
void Workspace::insertElements(Locate<std::vector<T>> locate, std::vector<std::pair<std::size_t, T>> ascending,
                               UndoLog& log) {
    if (ascending.empty()) return;
    std::vector<std::size_t> indexes = detail::indexesOf(ascending);
    detail::insertAt(locate(score_), ascending);
    log.record(
        [locate = std::move(locate), indexes = std::move(indexes)](Workspace& workspace, UndoLog& inverse) mutable {
            workspace.eraseElements(std::move(locate), indexes, inverse);
        });
}

template <typename T>
void Workspace::eraseElements(Locate<std::vector<T>> locate, const std::vector<std::size_t>& ascending, UndoLog& log) {
    if (ascending.empty()) return;
    auto erased = detail::eraseAt(locate(score_), ascending);
    log.record(
        [locate = std::move(locate), erased = std::move(erased)](Workspace& workspace, UndoLog& inverse) mutable {
            workspace.insertElements(std::move(locate), std::move(erased), inverse);
        });
}

}  // namespace mos::score
