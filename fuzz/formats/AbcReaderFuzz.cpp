// readAbc on arbitrary bytes: never crashes, hangs or fails an invariant of the scores it returns:
// events inside their measures and in time order, on a staff their part has, ids unique, and every
// layer pointing at events, measures, parts and staves that exist. readAbcTune picks the same tune.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "mos/formats/AbcReader.hpp"

namespace {

using mos::core::Rational;
namespace score = mos::score;

void require(bool condition) {
    if (!condition) std::abort();
}

bool hasPart(const score::Score& s, const std::string& id) { return id.empty() || s.findPart(id) != nullptr; }

void check(const score::Score& s) {
    const auto& measures = s.timeline.measures;
    require(!measures.empty() && measures.front().time.has_value() && !measures.front().keys.empty());
    const auto inside = [&](const score::ScorePosition& at) {
        return at.measure < measures.size() && !at.offset.isNegative() && at.offset <= measures[at.measure].duration;
    };
    std::set<score::ElementId> ids;
    std::set<score::ElementId> events;
    for (const auto& measure : measures) require(measure.duration.isValid() && !measure.duration.isNegative());
    for (const auto& part : s.parts) {
        const score::Event* previous = nullptr;
        for (const auto& event : part.events) {
            require(ids.insert(event.id).second);
            events.insert(event.id);
            for (const auto& note : event.notes) require(ids.insert(note.id).second);
            require(event.measure < measures.size());
            require(event.voice >= 1 && event.staff >= 1 && event.staff <= part.staves);
            require(event.grace ? event.duration.isZero() : event.duration > Rational{});
            require(inside({event.measure, event.offset + event.duration}));
            require(!previous || previous->measure < event.measure ||
                    (previous->measure == event.measure && previous->offset <= event.offset));
            previous = &event;
        }
    }
    for (const auto& id : ids) require(id < s.nextId);
    for (const auto& ending : s.timeline.endings) {
        require(ending.firstMeasure <= ending.lastMeasure && ending.lastMeasure < measures.size());
    }
    for (const auto& section : s.layers.form) {
        require(section.firstMeasure <= section.lastMeasure && section.lastMeasure < measures.size());
    }
    for (const auto& chord : s.layers.chords) require(inside(chord.at) && hasPart(s, chord.partId));
    for (const auto& text : s.layers.notation.texts) require(inside(text.at) && hasPart(s, text.partId));
    for (const auto& clef : s.layers.notation.clefs) {
        require(inside(clef.at) && hasPart(s, clef.partId));
        const score::Part* part = s.findPart(clef.partId);
        require(part == nullptr || clef.staff <= part->staves);
    }
    for (const auto& hairpin : s.layers.notation.hairpins) require(inside(hairpin.from) && inside(hairpin.to));
    for (const auto& part : s.parts) {
        for (const auto& dynamic : part.dynamics) require(inside(dynamic.at));
    }
    for (const auto& slur : s.layers.notation.slurs) require(events.count(slur.from) && events.count(slur.to));
    for (const auto& lyric : s.layers.lyrics) require(events.count(lyric.event) == 1);
    for (const auto& finger : s.layers.fingering) require(ids.count(finger.note) == 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const std::string name = "fuzz.abc";
    const auto book = mos::formats::readAbc(text, name);
    if (!book) return 0;
    for (const auto& s : book->scores) check(s);
    const auto first = mos::formats::readAbcTune(text, name, 1);
    if (first) check(first->scores.front());
    return 0;
}
