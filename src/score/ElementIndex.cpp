#include "ElementIndex.hpp"

#include <algorithm>

namespace mos::score {

void ElementIndex::build(const Score& score) {
    std::size_t events = 0;
    std::size_t notes = 0;
    for (const Part& part : score.parts) {
        events += part.events.size();
        for (const Event& event : part.events) notes += event.notes.size();
    }
    events_.reserve(events);
    notes_.reserve(notes);
    for (const Part& part : score.parts) {
        const std::uint32_t key = partKey(part.id);
        for (const Event& event : part.events) {
            events_.try_emplace(event.id, EventPlace{key, event.measure});
            largestId_ = std::max(largestId_, event.id);
            for (const Note& note : event.notes) {
                notes_.try_emplace(note.id, event.id);
                largestId_ = std::max(largestId_, note.id);
            }
        }
    }
    built_ = true;
}

std::uint32_t ElementIndex::partKey(std::string_view partId) {
    const auto [found, added] = partKeys_.try_emplace(std::string{partId}, static_cast<std::uint32_t>(partIds_.size()));
    if (added) partIds_.emplace_back(partId);
    return found->second;
}

void ElementIndex::addEvent(std::uint32_t partKey, const Event& event) {
    events_[event.id] = EventPlace{partKey, event.measure};
    for (const Note& note : event.notes) notes_[note.id] = event.id;
}

void ElementIndex::removeEvent(const Event& event) {
    events_.erase(event.id);
    for (const Note& note : event.notes) notes_.erase(note.id);
}

void ElementIndex::setMeasure(ElementId event, std::uint32_t measure) {
    const auto found = events_.find(event);
    if (found != events_.end()) found->second.measure = measure;
}

const ElementIndex::EventPlace* ElementIndex::findEvent(ElementId event) const {
    const auto found = events_.find(event);
    return found == events_.end() ? nullptr : &found->second;
}

std::optional<ElementId> ElementIndex::eventOfNote(ElementId note) const {
    const auto found = notes_.find(note);
    if (found == notes_.end()) return std::nullopt;
    return found->second;
}

}  // namespace mos::score
