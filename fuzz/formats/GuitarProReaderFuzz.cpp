// readGuitarPro on arbitrary bytes: never crashes, hangs or allocates without bound; a failure names
// a byte offset inside the input, and a score it returns holds together: every event lies in a
// measure of the timeline with an exact, non-negative duration, every id is unique, and every layer
// entry points at a note, event, part or measure that exists.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <span>

#include "mos/formats/GuitarProReader.hpp"

namespace {

using mos::score::ElementId;

void require(bool condition) {
    if (!condition) std::abort();
}

void checkScore(const mos::score::Score& score) {
    const auto measures = score.timeline.measures.size();
    std::set<ElementId> events;
    std::set<ElementId> notes;
    const auto addId = [&](std::set<ElementId>& ids, ElementId id) {
        require(id != 0 && id < score.nextId && ids.insert(id).second);
    };
    for (const auto& measure : score.timeline.measures)
        require(measure.duration.isValid() && !measure.duration.isNegative());
    for (const auto& part : score.parts) {
        require(score.findPart(part.id) == &part);
        for (const auto& event : part.events) {
            addId(events, event.id);
            require(event.measure < measures && event.offset.isValid() && !event.offset.isNegative());
            require(event.duration.isValid() && !event.duration.isNegative());
            require(event.voice == 1 || event.voice == 2);
            for (const auto& note : event.notes) addId(notes, note.id);
        }
    }
    for (const auto& tab : score.layers.tablature)
        require(notes.count(tab.note) == 1 && tab.string >= 1 && tab.string <= 7);
    for (const auto& finger : score.layers.fingering) require(notes.count(finger.note) == 1);
    for (const auto& syllable : score.layers.lyrics) require(events.count(syllable.event) == 1);
    for (const auto& diagram : score.layers.diagrams)
        require(diagram.at.measure < measures && score.findPart(diagram.partId));
    for (const auto& chord : score.layers.chords) require(chord.at.measure < measures);
    for (const auto& text : score.layers.notation.texts) require(text.at.measure < measures);
    for (const auto& marker : score.layers.markers) require(marker.at.measure < measures);
    for (const auto& ending : score.timeline.endings) {
        require(ending.firstMeasure <= ending.lastMeasure && ending.lastMeasure < measures);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto imported = mos::formats::readGuitarPro(std::as_bytes(std::span{data, size}), "fuzz.gp5");
    if (!imported) {
        const auto& where = imported.error().where;
        require(where.file == "fuzz.gp5" && where.byteOffset && *where.byteOffset >= 0 &&
                static_cast<std::size_t>(*where.byteOffset) <= size);
        return 0;
    }
    require(imported->scores.size() == 1);
    checkScore(imported->scores.front());
    return 0;
}
