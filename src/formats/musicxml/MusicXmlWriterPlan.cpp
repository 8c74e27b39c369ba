#include "formats/musicxml/MusicXmlWriterPlan.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <set>

#include "formats/PercussionStaff.hpp"
#include "formats/musicxml/MusicXmlWriterValues.hpp"

namespace mos::formats::musicxml_writer {
namespace {

using core::Rational;
using score::ElementId;

// Divisions stay below this so every duration fits the 32-bit integers most readers use; a value
// that would need more is rounded instead.
constexpr std::int64_t kMostDivisions = std::int64_t{1} << 26;
constexpr std::uint8_t kMostSpanNumbers = 16;

// A place in the score, ordered by measure and then offset.
struct Place {
    std::uint32_t measure = 0;
    Rational offset{};

    friend bool operator<(const Place& a, const Place& b) {
        if (a.measure != b.measure) return a.measure < b.measure;
        return a.offset < b.offset;
    }
};

Place placeOf(const score::ScorePosition& at) { return {at.measure, finite(at.offset)}; }

// A place in the written document: a measure is written voice by voice, so a voice-2 note comes
// after every voice-1 note of its measure whatever their offsets.
struct DocumentPlace {
    std::uint32_t measure = 0;
    std::uint16_t voicePass = 0;  // the voice number; kAfterEveryVoice for a measure's very end
    Rational offset{};

    friend bool operator<(const DocumentPlace& a, const DocumentPlace& b) {
        if (a.measure != b.measure) return a.measure < b.measure;
        if (a.voicePass != b.voicePass) return a.voicePass < b.voicePass;
        return a.offset < b.offset;
    }
};

constexpr std::uint16_t kAfterEveryVoice = 256;

struct EventRef {
    std::size_t part = 0;
    const score::Event* event = nullptr;
};

struct NoteRef {
    std::size_t part = 0;
    const score::Event* event = nullptr;
    const score::Note* note = nullptr;
};

// A slur or wedge to number: where its ends are written and where to record its number.
struct Span {
    DocumentPlace from;
    DocumentPlace to;
    std::size_t index = 0;  // into the caller's list
};

// Numbers spans so that no two that overlap in the document (ends included) share one; numbers are
// reused once a span has ended. Sets numbers[span.index] for each span.
void numberSpans(std::vector<Span> spans, std::vector<std::uint8_t>& numbers) {
    std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.from < b.from; });
    std::vector<std::optional<DocumentPlace>> busyUntil(kMostSpanNumbers);
    std::size_t overflow = 0;
    for (const Span& span : spans) {
        std::uint8_t chosen = 0;
        for (std::uint8_t n = 0; n < kMostSpanNumbers; ++n) {
            if (!busyUntil[n] || *busyUntil[n] < span.from) {
                chosen = static_cast<std::uint8_t>(n + 1);
                break;
            }
        }
        if (chosen == 0) chosen = static_cast<std::uint8_t>(overflow++ % kMostSpanNumbers + 1);  // > 16 at once
        busyUntil[chosen - 1U] = span.to;
        numbers[span.index] = chosen;
    }
}

// `prefix` followed by a number ("P3", "P1-I37"), appended rather than concatenated: GCC 12 at -O3
// reports string operator+ chains as overlapping copies (-Wrestrict).
std::string numbered(std::string_view prefix, std::int64_t number) {
    std::string text{prefix};
    text += std::to_string(number);
    return text;
}

bool isXmlName(std::string_view id) {
    if (id.empty()) return false;
    const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
    if (!letter(id.front())) return false;
    return std::all_of(id.begin(), id.end(),
                       [&](char c) { return letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; });
}

class Planner {
public:
    explicit Planner(const score::Score& score) : score_{score} { plan_.score = &score; }

    ScorePlan run() {
        indexElements();
        planMeasures();
        planParts();
        planLayers();
        for (PartPlan& part : plan_.parts) finishPart(part);
        return std::move(plan_);
    }

private:
    const score::Score& score_;
    ScorePlan plan_;
    std::unordered_map<ElementId, EventRef> events_;
    std::unordered_map<ElementId, NoteRef> notes_;
    std::vector<std::pair<Place, Place>> ends_;  // of each hairpin, in order

    static const score::Part& emptyPart() {
        static const score::Part part{};
        return part;
    }

    void indexElements() {
        for (std::size_t p = 0; p < score_.parts.size(); ++p) {
            for (const score::Event& event : score_.parts[p].events) {
                events_.emplace(event.id, EventRef{p, &event});
                for (const score::Note& note : event.notes) notes_.emplace(note.id, NoteRef{p, &event, &note});
            }
        }
    }

    void planMeasures() {
        const auto& timeline = score_.timeline;
        std::size_t count = std::max<std::size_t>(timeline.measures.size(), 1);
        for (const score::Part& part : score_.parts) {
            for (const score::Event& event : part.events) count = std::max<std::size_t>(count, event.measure + 1ULL);
        }
        plan_.measures.resize(count);
        for (std::size_t m = 0; m < count; ++m) {
            MeasurePlan& measure = plan_.measures[m];
            const auto index = static_cast<std::uint32_t>(m);
            if (m < timeline.measures.size()) {
                const score::Measure& source = timeline.measures[m];
                measure.source = &source;
                measure.pickup = source.pickup;
                measure.duration = finite(source.duration);
                if (source.number.find_first_not_of(" \t\r\n") != std::string::npos) measure.number = source.number;
            }
            if (measure.duration <= Rational{0})
                measure.duration = score::timeSignatureAt(timeline, index).measureLength();
            if (measure.duration <= Rational{0}) measure.duration = Rational{1};
            if (measure.number.empty()) measure.number = std::to_string(m + 1);
            if (m > 0) measure.start = plan_.measures[m - 1].start + plan_.measures[m - 1].duration;
        }
    }

    // The part a layer entry names; the first part for the whole score or a part that is not there.
    std::size_t partIndexOf(std::string_view partId) const {
        for (std::size_t p = 0; p < score_.parts.size(); ++p) {
            if (score_.parts[p].id == partId) return p;
        }
        return 0;
    }

    void addItem(std::size_t part, const score::ScorePosition& at, ItemContent content) {
        if (at.measure >= plan_.measures.size()) return;
        plan_.parts[part].items[at.measure].push_back({finite(at.offset), content});
    }

    void planParts() {
        const std::size_t partCount = std::max<std::size_t>(score_.parts.size(), 1);
        plan_.parts.resize(partCount);
        for (std::size_t p = 0; p < partCount; ++p) {
            PartPlan& part = plan_.parts[p];
            part.part = p < score_.parts.size() ? &score_.parts[p] : &emptyPart();
            part.events.resize(plan_.measures.size());
            part.items.resize(plan_.measures.size());
            part.startClefs.resize(plan_.measures.size());
            for (const score::Event& event : part.part->events) part.events[event.measure].push_back(&event);
        }
        assignIds();

        const auto& timeline = score_.timeline;
        for (std::uint32_t m = 0; m < timeline.measures.size(); ++m) {
            const score::Measure& measure = timeline.measures[m];
            for (const score::KeyChange& key : measure.keys) {
                if (finite(key.offset) <= Rational{0}) continue;  // written with the measure's attributes
                for (std::size_t p = 0; p < partCount; ++p) addItem(p, {m, key.offset}, &key);
            }
            for (const score::TempoMark& tempo : measure.tempos) addItem(0, {m, tempo.offset}, &tempo);
            for (const score::Navigation& jump : measure.navigation) addItem(0, {m, jump.offset}, &jump);
        }
        const score::Layers& layers = score_.layers;
        for (const score::Marker& marker : layers.markers) {
            if (marker.kind != score::Marker::Kind::PointOfInterest) addItem(0, marker.at, &marker);
        }
        for (const score::Clef& clef : layers.notation.clefs) {
            const std::size_t p = partIndexOf(clef.partId);
            if (clef.at.measure >= plan_.measures.size()) continue;
            if (finite(clef.at.offset) <= Rational{0}) {
                plan_.parts[p].startClefs[clef.at.measure].push_back(&clef);
            } else {
                addItem(p, clef.at, &clef);
            }
        }
        for (const score::TextMark& text : layers.notation.texts) addItem(partIndexOf(text.partId), text.at, &text);
        for (std::size_t p = 0; p < score_.parts.size(); ++p) {
            for (const score::DynamicMark& dynamic : score_.parts[p].dynamics) addItem(p, dynamic.at, &dynamic);
        }
        planHairpins();
        planHarmonies();
    }

    void assignIds() {
        std::set<std::string> used;
        bool clash = false;
        for (PartPlan& part : plan_.parts) {
            part.id = isXmlName(part.part->id) ? part.part->id : numbered("P", &part - plan_.parts.data() + 1);
            clash = clash || !used.insert(part.id).second;
        }
        for (PartPlan& part : plan_.parts) planInstruments(part);
        for (const PartPlan& part : plan_.parts) {
            for (const InstrumentSlot& slot : part.instruments) clash = clash || used.count(slot.id) != 0;
        }
        if (!clash) return;
        // "P<n>" ids never equal one another nor any "P<n>-I<k>" instrument id.
        for (PartPlan& part : plan_.parts) {
            part.id = numbered("P", &part - plan_.parts.data() + 1);
            planInstruments(part);
        }
    }

    // A drum part gets one score-instrument per drum key its notes use (named after the GM drum,
    // or after the part's instrument when it plays only one); any other part one for its sound.
    static void planInstruments(PartPlan& plan) {
        const score::Part& part = *plan.part;
        std::set<std::uint8_t> keys;
        if (part.instrument.percussion) {
            for (const score::Event& event : part.events) {
                for (const score::Note& note : event.notes) {
                    if (note.percussionKey != 0) keys.insert(note.percussionKey);
                }
            }
        }
        plan.instruments.clear();
        if (keys.empty()) {
            const std::string& name = part.instrument.name.empty() ? part.name : part.instrument.name;
            plan.instruments.push_back({numbered(plan.id + "-I", 1), name, 0});
        }
        for (const std::uint8_t key : keys) {
            const auto drum = percussionNotation(key);
            std::string name = drum ? std::string{drum->name} : numbered("Percussion ", key);
            if (keys.size() == 1 && !part.instrument.name.empty()) name = part.instrument.name;
            plan.instruments.push_back({numbered(plan.id + "-I", key + 1), std::move(name), key});
        }
        plan.instrumentOnNotes = plan.instruments.size() > 1;
    }

    void planHairpins() {
        const auto& hairpins = score_.layers.notation.hairpins;
        std::vector<std::vector<Span>> spansByPart(plan_.parts.size());
        for (std::size_t i = 0; i < hairpins.size(); ++i) {
            Place from = placeOf(hairpins[i].from);
            Place to = placeOf(hairpins[i].to);
            if (to < from) std::swap(from, to);
            // A wedge is written in whichever voice carries its staff in a measure, so it holds its
            // number for whole measures.
            spansByPart[partIndexOf(hairpins[i].partId)].push_back(
                {{from.measure, 0, Rational{}}, {to.measure, kAfterEveryVoice, Rational{}}, i});
            ends_.emplace_back(from, to);
        }
        std::vector<std::uint8_t> numbers(hairpins.size(), 1);
        for (std::size_t p = 0; p < spansByPart.size(); ++p) {
            numberSpans(spansByPart[p], numbers);
            for (const Span& span : spansByPart[p]) {
                const score::Hairpin& hairpin = hairpins[span.index];
                const std::uint8_t number = numbers[span.index];
                const auto& [from, to] = ends_[span.index];
                addItem(p, {from.measure, from.offset}, WedgeItem{&hairpin, {number, true}});
                addItem(p, {to.measure, to.offset}, WedgeItem{&hairpin, {number, false}});
            }
        }
    }

    void planHarmonies() {
        const score::Layers& layers = score_.layers;
        std::vector<bool> diagramUsed(layers.diagrams.size(), false);
        for (const score::ChordSymbol& chord : layers.chords) {
            const std::size_t p = partIndexOf(chord.partId);
            HarmonyItem item{&chord, nullptr};
            for (std::size_t d = 0; d < layers.diagrams.size() && item.diagram == nullptr; ++d) {
                const score::ChordDiagram& diagram = layers.diagrams[d];
                if (!diagramUsed[d] && partIndexOf(diagram.partId) == p && diagram.at == chord.at) {
                    item.diagram = &diagram;
                    diagramUsed[d] = true;
                }
            }
            addItem(p, chord.at, item);
        }
        for (std::size_t d = 0; d < layers.diagrams.size(); ++d) {
            if (diagramUsed[d]) continue;
            const score::ChordDiagram& diagram = layers.diagrams[d];
            addItem(partIndexOf(diagram.partId), diagram.at, HarmonyItem{nullptr, &diagram});
        }
    }

    void planLayers() {
        const score::Layers& layers = score_.layers;
        for (const score::Beam& beam : layers.notation.beams) {
            if (beam.events.size() < 2) continue;
            for (std::size_t i = 0; i < beam.events.size(); ++i) {
                plan_.beams[beam.events[i]] = i == 0                        ? BeamValue::Begin
                                              : i + 1 == beam.events.size() ? BeamValue::End
                                                                            : BeamValue::Continue;
            }
        }
        for (const score::Stem& stem : layers.notation.stems) plan_.stems[stem.event] = stem.direction;
        for (const score::LyricSyllable& syllable : layers.lyrics) plan_.lyrics[syllable.event].push_back(&syllable);
        for (auto& [event, syllables] : plan_.lyrics) {
            std::stable_sort(syllables.begin(), syllables.end(),
                             [](const auto* a, const auto* b) { return a->verse < b->verse; });
        }
        for (const score::Fingering& finger : layers.fingering) plan_.fingering[finger.note].push_back(&finger);
        for (const score::TabNote& tab : layers.tablature) plan_.tablature[tab.note] = &tab;

        std::vector<std::pair<ElementId, ElementId>> slurs;  // from, to events
        for (const score::Slur& slur : layers.notation.slurs) slurs.emplace_back(slur.from, slur.to);
        planTabArrivals(slurs);
        planSlurs(slurs);
    }

    // Hammer-ons, pull-offs and slides lead to the next note on the same string; a legato slide also
    // slurs the two notes.
    void planTabArrivals(std::vector<std::pair<ElementId, ElementId>>& slurs) {
        struct Fretted {
            Place at;
            const score::TabNote* tab = nullptr;
            const NoteRef* note = nullptr;
        };
        std::vector<std::vector<Fretted>> byPart(plan_.parts.size());
        for (const score::TabNote& tab : score_.layers.tablature) {
            const auto found = notes_.find(tab.note);
            if (found == notes_.end()) continue;
            const NoteRef& note = found->second;
            byPart[note.part].push_back({{note.event->measure, finite(note.event->offset)}, &tab, &note});
        }
        for (auto& fretted : byPart) {
            std::stable_sort(fretted.begin(), fretted.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
            std::unordered_map<std::uint8_t, const Fretted*> lastOnString;
            for (const Fretted& current : fretted) {
                const auto previous = lastOnString.find(current.tab->string);
                if (previous != lastOnString.end()) {
                    const score::TabNote& from = *previous->second->tab;
                    TabArrival arrival{from.hammerOn, from.pullOff,
                                       from.slide == score::Slide::Shift || from.slide == score::Slide::Legato};
                    if (arrival.hammerOn || arrival.pullOff || arrival.slide)
                        plan_.tabArrivals[current.tab->note] = arrival;
                    if (from.slide == score::Slide::Legato) {
                        slurs.emplace_back(previous->second->note->event->id, current.note->event->id);
                    }
                }
                lastOnString[current.tab->string] = &current;
            }
        }
    }

    void planSlurs(const std::vector<std::pair<ElementId, ElementId>>& slurs) {
        std::vector<std::vector<Span>> spansByPart(plan_.parts.size());
        std::vector<std::pair<ElementId, ElementId>> ends(slurs.size());
        for (std::size_t i = 0; i < slurs.size(); ++i) {
            const auto from = events_.find(slurs[i].first);
            const auto to = events_.find(slurs[i].second);
            if (from == events_.end() || to == events_.end() || from->second.part != to->second.part) continue;
            const score::Event& first = *from->second.event;
            const score::Event& last = *to->second.event;
            Span span{
                {first.measure, first.voice, finite(first.offset)}, {last.measure, last.voice, finite(last.offset)}, i};
            ends[i] = {first.id, last.id};
            if (span.to < span.from) {
                std::swap(span.from, span.to);
                std::swap(ends[i].first, ends[i].second);
            }
            spansByPart[from->second.part].push_back(span);
        }
        std::vector<std::uint8_t> numbers(slurs.size(), 1);
        for (const auto& spans : spansByPart) {
            numberSpans(spans, numbers);
            for (const Span& span : spans) {
                plan_.slurs[ends[span.index].first].push_back({numbers[span.index], true});
                plan_.slurs[ends[span.index].second].push_back({numbers[span.index], false});
            }
        }
    }

    void finishPart(PartPlan& part) {
        for (auto& items : part.items) {
            const auto rank = [](const MeasureItem& item) {
                const auto* wedge = std::get_if<WedgeItem>(&item.content);
                // A wedge that ends where another starts is closed first.
                return 2 * item.content.index() + (wedge != nullptr && wedge->end.start ? 1 : 0);
            };
            std::stable_sort(items.begin(), items.end(), [&](const MeasureItem& a, const MeasureItem& b) {
                if (a.offset != b.offset) return a.offset < b.offset;
                return rank(a) < rank(b);
            });
        }
        chooseDivisions(part);
        const score::Part& source = *part.part;
        const auto partIndex = static_cast<std::size_t>(&part - plan_.parts.data());
        part.staves = std::max<std::uint8_t>(source.staves, 1);
        for (const score::Event& event : source.events) part.staves = std::max(part.staves, event.staff);
        for (const score::Clef& clef : score_.layers.notation.clefs) {
            if (partIndexOf(clef.partId) != partIndex) continue;
            part.staves = std::max(part.staves, clef.staff);
            const bool known =
                std::find(part.tabStaves.begin(), part.tabStaves.end(), clef.staff) != part.tabStaves.end();
            if (clef.sign == score::Clef::Sign::Tab && !known) part.tabStaves.push_back(clef.staff);
        }
        std::sort(part.tabStaves.begin(), part.tabStaves.end());
        part.writeStaff = part.staves > 1;
    }

    // The least divisions per quarter that make every duration and position of the part whole.
    void chooseDivisions(PartPlan& part) const {
        std::int64_t divisions = 1;
        const auto need = [&](Rational wholeNotes) {
            const Rational quarters = wholeNotes * Rational{4};
            if (!quarters.isValid()) return;
            const std::int64_t den = quarters.den();
            const std::int64_t common = std::gcd(divisions, den);
            if (divisions / common > kMostDivisions / den) return;  // beyond the limit: this one is rounded
            divisions = divisions / common * den;
        };
        for (const MeasurePlan& measure : plan_.measures) need(measure.duration);
        for (const score::Event& event : part.part->events) {
            need(event.offset);
            need(event.duration);
        }
        for (const auto& items : part.items) {
            for (const MeasureItem& item : items) need(item.offset);
        }
        part.divisions = divisions;
    }
};

}  // namespace

std::int64_t PartPlan::toDivisions(core::Rational wholeNotes) const noexcept {
    return (finite(wholeNotes) * core::Rational{4 * divisions}).round().value_or(0);
}

std::int64_t PartPlan::noteDivisions(core::Rational wholeNotes) const noexcept {
    if (finite(wholeNotes) <= core::Rational{0}) return 0;
    return std::max<std::int64_t>(toDivisions(wholeNotes), 1);
}

const InstrumentSlot* PartPlan::instrumentFor(std::uint8_t percussionKey) const noexcept {
    for (const InstrumentSlot& slot : instruments) {
        if (slot.percussionKey == percussionKey) return &slot;
    }
    return nullptr;
}

ScorePlan planScore(const score::Score& score) { return Planner{score}.run(); }

}  // namespace mos::formats::musicxml_writer
