#pragma once

// Collects what the edits of one transaction change, and folds it into a ChangeSet: an event
// inserted and then changed is reported inserted; inserted and then deleted, not at all.

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>

#include "mos/score/ChangeSet.hpp"

namespace mos::score {

class ChangeRecorder {
public:
    // Thread: the document's writer. RT-safe: no (for all).
    void eventInserted(ElementId event);
    void eventDeleted(ElementId event);
    void eventChanged(ElementId event);
    // Note changes also mark their event changed.
    void noteInserted(ElementId note, ElementId event);
    void noteDeleted(ElementId note, ElementId event);
    // An event and all its notes.
    void wholeEventInserted(const Event& event);
    void wholeEventDeleted(const Event& event);

    void partAdded(const std::string& partId);
    void partRemoved(const std::string& partId);
    void partChanged(const std::string& partId);

    // Widens the span of changed measures to include first…last.
    void measures(std::uint32_t first, std::uint32_t last);
    void measure(std::uint32_t index) { measures(index, index); }
    void measuresToEnd(std::uint32_t first) { measures(first, MeasureSpan::kToEnd); }

    // The flags (metadata, timeline, learning, audio, extensions, layers) are set directly.
    ChangeSet& flags() noexcept { return set_; }

    // The change set; the recorder is spent.
    ChangeSet finish() &&;

private:
    enum class Fate : std::uint8_t { Inserted, Deleted, Changed };

    template <typename Key, typename Map>
    static void fold(Map& fates, const Key& key, Fate fate);

    std::unordered_map<ElementId, Fate> events_;
    std::unordered_map<ElementId, Fate> notes_;
    std::map<std::string, Fate> parts_;
    ChangeSet set_;
};

// The change set of taking a change back: inserted ↔ deleted, added ↔ removed, the rest the same.
// Thread: any. RT-safe: no.
ChangeSet reversed(ChangeSet changes);

}  // namespace mos::score
