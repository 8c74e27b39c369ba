#pragma once

// Where every event and note of a score is, by id, so an edit finds its target without scanning the
// score: an event id gives its part and measure (then a binary search in the part), a note id its
// event. Parts are named by a small interned key, so reordering or removing other parts moves no
// entry. Kept in step by the Workspace primitives; built once per document.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mos/score/Score.hpp"

namespace mos::score {

class ElementIndex {
public:
    struct EventPlace {
        std::uint32_t partKey = 0;
        std::uint32_t measure = 0;
    };

    // Indexes a whole score (the first occurrence wins if a broken document repeats an id).
    // Thread: the document's writer. RT-safe: no.
    void build(const Score& score);
    bool built() const noexcept { return built_; }
    // The largest id seen by build() (0 for none).
    ElementId largestId() const noexcept { return largestId_; }

    // Thread: the document's writer. RT-safe: no.
    std::uint32_t partKey(std::string_view partId);
    const std::string& partId(std::uint32_t key) const { return partIds_[key]; }

    void addEvent(std::uint32_t partKey, const Event& event);
    void removeEvent(const Event& event);
    void setMeasure(ElementId event, std::uint32_t measure);

    const EventPlace* findEvent(ElementId event) const;
    std::optional<ElementId> eventOfNote(ElementId note) const;

private:
    bool built_ = false;
    ElementId largestId_ = 0;
    std::unordered_map<ElementId, EventPlace> events_;
    std::unordered_map<ElementId, ElementId> notes_;  // note → its event
    std::vector<std::string> partIds_;                // key → part id (append only)
    std::unordered_map<std::string, std::uint32_t> partKeys_;
};

}  // namespace mos::score
