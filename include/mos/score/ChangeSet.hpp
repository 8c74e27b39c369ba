#pragma once

// score::ChangeSet — what one transaction (or its undo, or its redo) changed in a document, so a
// subscriber redraws, recompiles or re-sends only that: parts, events and notes by id, which layers,
// which measures, and flags for the document-wide blocks.
//
// Its size is proportional to the change, not to the score: events that only moved because measures
// were inserted or deleted before them are not listed one by one — `measures` covers them.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "mos/score/Part.hpp"

namespace mos::score {

// Measures first…last (inclusive), as indexes into Timeline::measures of the changed document.
struct MeasureSpan {
    // `last` for a change that reaches the end of the score (measures inserted or deleted, a meter
    // changed: everything after may have moved).
    static constexpr std::uint32_t kToEnd = std::numeric_limits<std::uint32_t>::max();

    std::uint32_t first = 0;
    std::uint32_t last = 0;

    friend bool operator==(const MeasureSpan&, const MeasureSpan&) = default;
};

// Which layers (Layers' members) changed.
struct ChangedLayers {
    bool form = false;
    bool chords = false;
    bool analysis = false;
    bool tablature = false;
    bool diagrams = false;
    bool fingering = false;
    bool notation = false;
    bool lyrics = false;
    bool markers = false;

    bool any() const noexcept {
        return form || chords || analysis || tablature || diagrams || fingering || notation || lyrics || markers;
    }

    friend bool operator==(const ChangedLayers&, const ChangedLayers&) = default;
};

struct ChangeSet {
    bool metadata = false;    // Score::metadata
    bool timeline = false;    // measures: labels, meters, keys, tempo marks, repeats, navigation; endings
    bool learning = false;    // points of interest, annotations
    bool audio = false;       // audio references
    bool extensions = false;  // plugin extensions

    // Parts by id. `partsChanged`: a part's own properties (name, instrument, transposition, tuning,
    // staves, dynamics) or its place in the part order — not its events, which are listed below.
    std::vector<std::string> partsAdded{};
    std::vector<std::string> partsRemoved{};
    std::vector<std::string> partsChanged{};

    // Event and note ids, each list ascending (fresh ids ascend in the order they were handed out).
    // An inserted or deleted event's notes are listed as inserted or deleted with it. A note
    // inserted, deleted or changed also lists its event in `eventsChanged`, unless the event itself
    // was inserted or deleted. An id appears in at most one list of its kind.
    std::vector<ElementId> eventsInserted{};
    std::vector<ElementId> eventsDeleted{};
    std::vector<ElementId> eventsChanged{};
    std::vector<ElementId> notesInserted{};
    std::vector<ElementId> notesDeleted{};

    ChangedLayers layers{};

    // The measures whose content or timing changed; nullopt when no measure did (metadata only).
    std::optional<MeasureSpan> measures{};

    // True when nothing changed (an empty transaction). Thread: any. RT-safe: yes.
    bool empty() const noexcept;

    friend bool operator==(const ChangeSet&, const ChangeSet&) = default;
};

}  // namespace mos::score
