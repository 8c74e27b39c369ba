#pragma once

// Keeps layers pointing only at what exists: when events, notes or a part leave the score, the layer
// entries that point at them go too (tablature, fingering, lyrics, stems, slurs; beams lose the
// member, and go when fewer than two remain; a removed part's chord symbols, diagrams, clefs,
// hairpins, texts and annotations).

#include <string>
#include <unordered_set>

#include "EditContext.hpp"

namespace mos::score {

struct Removal {
    std::unordered_set<ElementId> events{};
    std::unordered_set<ElementId> notes{};
    std::string partId{};  // a removed part; empty for none

    void add(const Event& event) {
        events.insert(event.id);
        for (const Note& note : event.notes) notes.insert(note.id);
    }
    bool empty() const noexcept { return events.empty() && notes.empty() && partId.empty(); }
};

// Removes the entries that point at what `removal` names, recorded, and flags the layers it touched.
// Thread: the document's writer. RT-safe: no.
void dropReferences(EditContext& context, const Removal& removal);

}  // namespace mos::score
