#include "Workspace.hpp"

#include <algorithm>

namespace mos::score {
namespace {

bool earlierPlace(const Event& a, const Event& b) {
    return a.measure != b.measure ? a.measure < b.measure : a.offset < b.offset;
}

}  // namespace

void Workspace::prepare() {
    if (index_.built()) return;
    for (Part& part : score_.parts) {
        if (!std::is_sorted(part.events.begin(), part.events.end(), earlierPlace)) {
            std::stable_sort(part.events.begin(), part.events.end(), earlierPlace);
        }
    }
    index_.build(score_);
    if (score_.nextId <= index_.largestId()) score_.nextId = index_.largestId() + 1;
}

std::optional<std::size_t> Workspace::findPart(std::string_view partId) const {
    for (std::size_t i = 0; i < score_.parts.size(); ++i) {
        if (score_.parts[i].id == partId) return i;
    }
    return std::nullopt;
}

std::optional<Workspace::EventRef> Workspace::findEvent(ElementId event) const {
    const ElementIndex::EventPlace* place = index_.findEvent(event);
    if (place == nullptr) return std::nullopt;
    const auto part = findPart(index_.partId(place->partKey));
    if (!part) return std::nullopt;
    const auto& events = score_.parts[*part].events;
    auto it = std::lower_bound(events.begin(), events.end(), place->measure,
                               [](const Event& e, std::uint32_t measure) { return e.measure < measure; });
    for (; it != events.end() && it->measure == place->measure; ++it) {
        if (it->id == event) return EventRef{*part, static_cast<std::size_t>(it - events.begin())};
    }
    return std::nullopt;
}

std::optional<Workspace::NoteRef> Workspace::findNote(ElementId note) const {
    const auto event = index_.eventOfNote(note);
    if (!event) return std::nullopt;
    const auto ref = findEvent(*event);
    if (!ref) return std::nullopt;
    const auto& notes = this->event(*ref).notes;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        if (notes[i].id == note) return NoteRef{ref->part, ref->index, i};
    }
    return std::nullopt;
}

std::size_t Workspace::insertionIndex(std::size_t part, const Event& event) const {
    const auto& events = score_.parts[part].events;
    const auto first = std::lower_bound(events.begin(), events.end(), event, earlierPlace);
    const auto last = std::upper_bound(first, events.end(), event, earlierPlace);
    auto at = last;
    if (event.grace) at = std::find_if(first, last, [](const Event& e) { return !e.grace; });
    return static_cast<std::size_t>(at - events.begin());
}

void Workspace::setNextId(ElementId next, UndoLog& log) {
    const ElementId old = std::exchange(score_.nextId, next);
    log.record([old](Workspace& workspace, UndoLog& inverse) { workspace.setNextId(old, inverse); });
}

void Workspace::insertEvents(std::size_t part, std::vector<std::pair<std::size_t, Event>> ascending, UndoLog& log) {
    if (ascending.empty()) return;
    const std::uint32_t key = index_.partKey(score_.parts[part].id);
    for (const auto& [at, event] : ascending) index_.addEvent(key, event);
    std::vector<std::size_t> indexes = detail::indexesOf(ascending);
    detail::insertAt(score_.parts[part].events, ascending);
    log.record([part, indexes = std::move(indexes)](Workspace& workspace, UndoLog& inverse) mutable {
        workspace.eraseEvents(part, indexes, inverse);
    });
}

void Workspace::eraseEvents(std::size_t part, const std::vector<std::size_t>& ascending, UndoLog& log) {
    if (ascending.empty()) return;
    auto erased = detail::eraseAt(score_.parts[part].events, ascending);
    for (const auto& [at, event] : erased) index_.removeEvent(event);
    log.record([part, erased = std::move(erased)](Workspace& workspace, UndoLog& inverse) mutable {
        workspace.insertEvents(part, std::move(erased), inverse);
    });
}

void Workspace::replaceEvent(EventRef ref, Event event, UndoLog& log) {
    Event& slot = score_.parts[ref.part].events[ref.index];
    index_.removeEvent(slot);
    index_.addEvent(index_.partKey(score_.parts[ref.part].id), event);
    std::swap(slot, event);
    log.record([ref, old = std::move(event)](Workspace& workspace, UndoLog& inverse) mutable {
        workspace.replaceEvent(ref, std::move(old), inverse);
    });
}

void Workspace::retime(std::uint32_t from, std::int64_t measureDelta, std::vector<core::Rational> performedDeltas,
                       UndoLog& log) {
    const bool performed = std::any_of(performedDeltas.begin(), performedDeltas.end(),
                                       [](const core::Rational& delta) { return !delta.isZero(); });
    if (measureDelta == 0 && !performed) return;
    for (Part& part : score_.parts) {
        auto it = std::lower_bound(part.events.begin(), part.events.end(), from,
                                   [](const Event& e, std::uint32_t measure) { return e.measure < measure; });
        for (; it != part.events.end(); ++it) {
            if (performed) {
                const std::size_t step = std::min<std::size_t>(it->measure - from, performedDeltas.size() - 1);
                for (Note& note : it->notes) {
                    if (note.performed) note.performed->onset += performedDeltas[step];
                }
            }
            if (measureDelta != 0) {
                it->measure = static_cast<std::uint32_t>(it->measure + measureDelta);
                index_.setMeasure(it->id, it->measure);
            }
        }
    }
    for (core::Rational& delta : performedDeltas) delta = -delta;
    const auto back = static_cast<std::uint32_t>(from + measureDelta);
    log.record(
        [back, measureDelta, deltas = std::move(performedDeltas)](Workspace& workspace, UndoLog& inverse) mutable {
            workspace.retime(back, -measureDelta, std::move(deltas), inverse);
        });
}

void Workspace::insertPart(std::size_t index, Part part, UndoLog& log) {
    const std::uint32_t key = index_.partKey(part.id);
    for (const Event& event : part.events) index_.addEvent(key, event);
    score_.parts.insert(score_.parts.begin() + static_cast<std::ptrdiff_t>(index), std::move(part));
    log.record([index](Workspace& workspace, UndoLog& inverse) { workspace.erasePart(index, inverse); });
}

void Workspace::erasePart(std::size_t index, UndoLog& log) {
    auto at = score_.parts.begin() + static_cast<std::ptrdiff_t>(index);
    Part part = std::move(*at);
    score_.parts.erase(at);
    for (const Event& event : part.events) index_.removeEvent(event);
    log.record([index, part = std::move(part)](Workspace& workspace, UndoLog& inverse) mutable {
        workspace.insertPart(index, std::move(part), inverse);
    });
}

void Workspace::movePart(std::size_t from, std::size_t to, UndoLog& log) {
    auto& parts = score_.parts;
    const auto first = parts.begin();
    if (from < to) {
        std::rotate(first + static_cast<std::ptrdiff_t>(from), first + static_cast<std::ptrdiff_t>(from) + 1,
                    first + static_cast<std::ptrdiff_t>(to) + 1);
    } else if (to < from) {
        std::rotate(first + static_cast<std::ptrdiff_t>(to), first + static_cast<std::ptrdiff_t>(from),
                    first + static_cast<std::ptrdiff_t>(from) + 1);
    }
    log.record([from, to](Workspace& workspace, UndoLog& inverse) { workspace.movePart(to, from, inverse); });
}

}  // namespace mos::score
