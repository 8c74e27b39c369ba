// readMusicXml on arbitrary bytes (XML text in any encoding, or an .mxl archive): never crashes, hangs
// or overflows, and whatever score it returns is consistent: every event sits in a measure that
// exists at a valid non-negative place, every id is unique and below Score::nextId, and every layer
// entry points at a note or event that exists.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <unordered_set>

#include "mos/formats/MusicXmlReader.hpp"

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

bool validPosition(const mos::score::Score& score, const mos::score::ScorePosition& at) {
    return at.measure < score.timeline.measures.size() && at.offset.isValid() && !at.offset.isNegative();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes{reinterpret_cast<const char*>(data), size};
    const auto imported = mos::formats::readMusicXml(bytes, "fuzz.musicxml");
    if (!imported) {
        require(imported.error().where.file == "fuzz.musicxml");
        return 0;
    }
    require(imported->scores.size() == 1);
    const auto& score = imported->scores.front();
    require(!score.timeline.measures.empty());
    for (const auto& measure : score.timeline.measures) {
        require(measure.duration.isValid() && !measure.duration.isNegative());
    }
    require(score.timeline.measures.front().time.has_value());

    std::unordered_set<mos::score::ElementId> events;
    std::unordered_set<mos::score::ElementId> notes;
    for (const auto& part : score.parts) {
        for (const auto& event : part.events) {
            require(event.measure < score.timeline.measures.size());
            require(event.offset.isValid() && !event.offset.isNegative());
            require(event.duration.isValid() && !event.duration.isNegative());
            require(event.id != 0 && event.id < score.nextId && events.insert(event.id).second);
            for (const auto& note : event.notes) {
                require(note.id != 0 && note.id < score.nextId && notes.insert(note.id).second);
            }
        }
    }
    const auto& layers = score.layers;
    for (const auto& tab : layers.tablature) require(notes.count(tab.note) == 1);
    for (const auto& fingering : layers.fingering) require(notes.count(fingering.note) == 1);
    for (const auto& lyric : layers.lyrics) require(events.count(lyric.event) == 1);
    for (const auto& slur : layers.notation.slurs) require(events.count(slur.from) == 1 && events.count(slur.to) == 1);
    for (const auto& stem : layers.notation.stems) require(events.count(stem.event) == 1);
    for (const auto& beam : layers.notation.beams) {
        for (const auto id : beam.events) require(events.count(id) == 1);
    }
    for (const auto& chord : layers.chords) require(validPosition(score, chord.at));
    for (const auto& clef : layers.notation.clefs) require(validPosition(score, clef.at));
    for (const auto& text : layers.notation.texts) require(validPosition(score, text.at));
    for (const auto& hairpin : layers.notation.hairpins) {
        require(validPosition(score, hairpin.from) && validPosition(score, hairpin.to));
    }
    for (const auto& ending : score.timeline.endings) {
        require(ending.firstMeasure <= ending.lastMeasure && ending.lastMeasure < score.timeline.measures.size());
    }
    return 0;
}
