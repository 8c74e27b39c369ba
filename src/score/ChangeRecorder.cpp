#include "ChangeRecorder.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace mos::score {

bool ChangeSet::empty() const noexcept {
    return !metadata && !timeline && !learning && !audio && !extensions && partsAdded.empty() && partsRemoved.empty() &&
           partsChanged.empty() && eventsInserted.empty() && eventsDeleted.empty() && eventsChanged.empty() &&
           notesInserted.empty() && notesDeleted.empty() && !layers.any() && !measures;
}

template <typename Key, typename Map>
void ChangeRecorder::fold(Map& fates, const Key& key, Fate fate) {
    const auto [found, added] = fates.try_emplace(key, fate);
    if (added) return;
    Fate& was = found->second;
    switch (fate) {
        case Fate::Inserted:
            // Only a deleted id comes back (an undo step); it existed before, so it changed.
            if (was == Fate::Deleted) was = Fate::Changed;
            break;
        case Fate::Deleted:
            if (was == Fate::Inserted) {
                fates.erase(found);
            } else {
                was = Fate::Deleted;
            }
            break;
        case Fate::Changed:
            break;  // inserted stays inserted, changed stays changed
    }
}

void ChangeRecorder::eventInserted(ElementId event) { fold(events_, event, Fate::Inserted); }
void ChangeRecorder::eventDeleted(ElementId event) { fold(events_, event, Fate::Deleted); }
void ChangeRecorder::eventChanged(ElementId event) { fold(events_, event, Fate::Changed); }
void ChangeRecorder::partAdded(const std::string& partId) { fold(parts_, partId, Fate::Inserted); }
void ChangeRecorder::partRemoved(const std::string& partId) { fold(parts_, partId, Fate::Deleted); }
void ChangeRecorder::partChanged(const std::string& partId) { fold(parts_, partId, Fate::Changed); }

void ChangeRecorder::noteInserted(ElementId note, ElementId event) {
    fold(notes_, note, Fate::Inserted);
    eventChanged(event);
}

void ChangeRecorder::noteDeleted(ElementId note, ElementId event) {
    fold(notes_, note, Fate::Deleted);
    eventChanged(event);
}

void ChangeRecorder::wholeEventInserted(const Event& event) {
    eventInserted(event.id);
    for (const Note& note : event.notes) fold(notes_, note.id, Fate::Inserted);
}

void ChangeRecorder::wholeEventDeleted(const Event& event) {
    eventDeleted(event.id);
    for (const Note& note : event.notes) fold(notes_, note.id, Fate::Deleted);
}

void ChangeRecorder::measures(std::uint32_t first, std::uint32_t last) {
    if (!set_.measures) {
        set_.measures = MeasureSpan{first, last};
        return;
    }
    set_.measures->first = std::min(set_.measures->first, first);
    set_.measures->last = std::max(set_.measures->last, last);
}

namespace {

template <typename Key, typename Map, typename Fate>
void sortInto(const Map& fates, Fate inserted, Fate deleted, std::vector<Key>& insertedOut,
              std::vector<Key>& deletedOut, std::vector<Key>* changedOut) {
    for (const auto& [key, fate] : fates) {
        if (fate == inserted) {
            insertedOut.push_back(key);
        } else if (fate == deleted) {
            deletedOut.push_back(key);
        } else if (changedOut != nullptr) {
            changedOut->push_back(key);
        }
    }
    std::sort(insertedOut.begin(), insertedOut.end());
    std::sort(deletedOut.begin(), deletedOut.end());
    if (changedOut != nullptr) std::sort(changedOut->begin(), changedOut->end());
}

}  // namespace

ChangeSet ChangeRecorder::finish() && {
    sortInto(events_, Fate::Inserted, Fate::Deleted, set_.eventsInserted, set_.eventsDeleted, &set_.eventsChanged);
    // A note is only inserted or deleted; a changed note shows as its event changed.
    sortInto(notes_, Fate::Inserted, Fate::Deleted, set_.notesInserted, set_.notesDeleted,
             static_cast<std::vector<ElementId>*>(nullptr));
    sortInto(parts_, Fate::Inserted, Fate::Deleted, set_.partsAdded, set_.partsRemoved, &set_.partsChanged);
    return std::move(set_);
}

ChangeSet reversed(ChangeSet changes) {
    std::swap(changes.partsAdded, changes.partsRemoved);
    std::swap(changes.eventsInserted, changes.eventsDeleted);
    std::swap(changes.notesInserted, changes.notesDeleted);
    return changes;
}

}  // namespace mos::score
