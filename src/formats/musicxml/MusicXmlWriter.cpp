// The MusicXML document: header, part list, and each part's measures. Inside a measure each voice
// is written in turn (every further one after a <backup>) with the directions, harmonies and
// attribute changes that belong to it placed between its notes. A gap before an event of a voice
// becomes a <forward> naming the voice, so every event lands on its exact offset; directions are
// placed with <offset> rather than by moving the cursor, because readers take any <forward> for
// an invisible rest.

#include "mos/formats/MusicXmlWriter.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <variant>

#include "formats/musicxml/MusicXmlWriterElements.hpp"
#include "formats/musicxml/MusicXmlWriterPlan.hpp"
#include "formats/musicxml/MusicXmlWriterValues.hpp"
#include "formats/musicxml/MusicXmlWriterXml.hpp"

namespace mos::formats {
namespace {

using core::Rational;
using musicxml_writer::HarmonyItem;
using musicxml_writer::MeasureItem;
using musicxml_writer::PartPlan;
using musicxml_writer::ScorePlan;
using musicxml_writer::XmlStream;

constexpr std::string_view kDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
    "<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 4.0 Partwise//EN\" "
    "\"http://www.musicxml.org/dtds/partwise.dtd\">";

void writeHeader(XmlStream& xml, const score::Metadata& metadata) {
    if (!metadata.title.empty()) {
        xml.open("work");
        xml.leaf("work-title", metadata.title);
        xml.close();
        xml.leaf("movement-title", metadata.title);
    }
    xml.open("identification");
    for (const auto& [type, name] : {std::pair<std::string_view, const std::string&>{"composer", metadata.composer},
                                     {"lyricist", metadata.lyricist},
                                     {"arranger", metadata.arranger}}) {
        if (name.empty()) continue;
        xml.open("creator");
        xml.attribute("type", type);
        xml.text(name);
        xml.close();
    }
    if (!metadata.copyright.empty()) xml.leaf("rights", metadata.copyright);
    xml.open("encoding");
    xml.leaf("software", "MOS");
    xml.close();
    if (!metadata.source.empty()) xml.leaf("source", metadata.source);
    xml.openLazy("miscellaneous");
    const auto field = [&](std::string_view name, const std::string& value) {
        xml.open("miscellaneous-field");
        xml.attribute("name", name);
        xml.text(value);
        xml.close();
    };
    if (!metadata.genre.empty()) field("genre", metadata.genre);
    for (const std::string& tag : metadata.tags) field("tag", tag);
    xml.close();
    xml.close();
    if (!metadata.subtitle.empty()) {
        xml.open("credit");
        xml.attribute("page", 1);
        xml.leaf("credit-type", "subtitle");
        xml.leaf("credit-words", metadata.subtitle);
        xml.close();
    }
}

void writePartList(XmlStream& xml, const ScorePlan& plan) {
    xml.open("part-list");
    for (const PartPlan& part : plan.parts) {
        const score::Part& source = *part.part;
        xml.open("score-part");
        xml.attribute("id", part.id);
        xml.leaf("part-name", source.name);
        if (!source.abbreviation.empty()) xml.leaf("part-abbreviation", source.abbreviation);
        for (const auto& slot : part.instruments) {
            xml.open("score-instrument");
            xml.attribute("id", slot.id);
            xml.leaf("instrument-name", slot.name);
            xml.close();
        }
        const score::Instrument& instrument = source.instrument;
        for (const auto& slot : part.instruments) {
            xml.open("midi-instrument");
            xml.attribute("id", slot.id);
            if (instrument.midiChannel)
                xml.leaf("midi-channel", std::clamp<std::int64_t>(*instrument.midiChannel, 1, 16));
            xml.leaf("midi-program", std::int64_t{instrument.gmProgram % 128} + 1);  // 1-based in MusicXML
            if (slot.percussionKey != 0) xml.leaf("midi-unpitched", std::int64_t{slot.percussionKey % 128} + 1);
            xml.close();
        }
        xml.close();
    }
    xml.close();
}

std::string endingNumbers(const score::Ending& ending) {
    std::string numbers;
    for (const std::uint8_t number : ending.numbers) {
        if (number == 0) continue;
        if (!numbers.empty()) numbers += ", ";
        numbers += std::to_string(number);
    }
    return numbers;
}

// Writes one measure of one part.
class MeasureWriter {
public:
    MeasureWriter(XmlStream& xml, const ScorePlan& plan, const PartPlan& part, std::uint32_t measure)
        : xml_{xml}, plan_{plan}, part_{part}, index_{measure}, measure_{plan.measures[measure]} {}

    void write() {
        xml_.open("measure");
        xml_.attribute("number", measure_.number);
        if (measure_.pickup) xml_.attribute("implicit", "yes");
        writeLeftBarline();
        musicxml_writer::writeMeasureAttributes(xml_, plan_, part_, index_);
        gatherVoices();
        assignItems();
        for (Voice& voice : voices_) writeVoice(voice);
        writeRightBarline();
        xml_.close();
    }

private:
    struct Voice {
        std::uint8_t number = 1;
        std::uint8_t staff = 1;  // of its first event, for the <forward> that fills its gaps
        std::vector<const score::Event*> events;
        std::vector<MeasureItem> items;  // written between its events
        std::int64_t end = 0;            // where its last event ends, in divisions
    };

    XmlStream& xml_;
    const ScorePlan& plan_;
    const PartPlan& part_;
    std::uint32_t index_;
    const musicxml_writer::MeasurePlan& measure_;
    std::vector<Voice> voices_;
    std::vector<score::Event> measureRests_;  // for a measure the part is silent in
    std::int64_t cursor_ = 0;                 // the reader's position in divisions

    Rational durationOf(const score::Event& event) const {
        if (event.grace) return Rational{0};
        const Rational duration = musicxml_writer::finite(event.duration);
        if (duration <= Rational{0}) return event.measureRest ? measure_.duration : Rational{0};
        return duration;
    }

    void gatherVoices() {
        const auto& events = part_.events[index_];
        if (events.empty()) {
            // One measure rest per staff, in the voices notation programs give each staff.
            for (std::uint8_t staff = 1; staff <= part_.staves; ++staff) {
                score::Event rest;
                rest.measure = index_;
                rest.duration = measure_.duration;
                rest.measureRest = true;
                rest.staff = staff;
                rest.voice = static_cast<std::uint8_t>(std::min(1 + 4 * (staff - 1), 255));
                measureRests_.push_back(rest);
            }
            for (const score::Event& rest : measureRests_) voices_.push_back({rest.voice, rest.staff, {&rest}, {}, 0});
            return;
        }
        for (const score::Event* event : events) {
            auto voice =
                std::find_if(voices_.begin(), voices_.end(), [&](const Voice& v) { return v.number == event->voice; });
            if (voice == voices_.end()) {
                voices_.push_back({event->voice, event->staff, {}, {}, 0});
                voice = voices_.end() - 1;
            }
            voice->events.push_back(event);
        }
        std::stable_sort(voices_.begin(), voices_.end(),
                         [](const Voice& a, const Voice& b) { return a.number < b.number; });
        const auto byOffset = [](const score::Event* a, const score::Event* b) {
            return musicxml_writer::finite(a->offset) < musicxml_writer::finite(b->offset);
        };
        for (Voice& voice : voices_) {
            if (!std::is_sorted(voice.events.begin(), voice.events.end(), byOffset)) {
                std::stable_sort(voice.events.begin(), voice.events.end(), byOffset);
            }
        }
    }

    // Marks of one staff (clefs, dynamics, words, wedges) go with the first voice on that staff, so
    // they sit between its notes; everything else goes with the first voice. An attribute change
    // prefers a voice with an event starting at its place, where the cursor passes anyway.
    void assignItems() {
        for (const MeasureItem& item : part_.items[index_]) {
            const std::optional<std::uint8_t> staff = std::visit(StaffOf{}, item.content);
            const auto onStaff = [&](const Voice& v) { return !staff || v.staff == *staff; };
            const auto startsThere = [&](const Voice& v) {
                return std::any_of(v.events.begin(), v.events.end(), [&](const score::Event* e) {
                    return musicxml_writer::finite(e->offset) == item.offset;
                });
            };
            auto voice = voices_.end();
            if (isAttribute(item)) {
                voice = std::find_if(voices_.begin(), voices_.end(),
                                     [&](const Voice& v) { return onStaff(v) && startsThere(v); });
            }
            if (voice == voices_.end()) voice = std::find_if(voices_.begin(), voices_.end(), onStaff);
            if (voice == voices_.end()) voice = voices_.begin();
            voice->items.push_back(item);
        }
    }

    struct StaffOf {
        std::optional<std::uint8_t> operator()(const score::Clef* clef) const { return clef->staff; }
        std::optional<std::uint8_t> operator()(const score::TextMark* text) const { return text->staff; }
        std::optional<std::uint8_t> operator()(const score::DynamicMark* dynamic) const { return dynamic->staff; }
        std::optional<std::uint8_t> operator()(const musicxml_writer::WedgeItem& wedge) const {
            return wedge.hairpin->staff;
        }
        template <typename Other>
        std::optional<std::uint8_t> operator()(const Other& /*unstaffed*/) const {
            return std::nullopt;
        }
    };

    // Moves the cursor without saying whose time passes.
    void goTo(std::int64_t target) {
        if (target < cursor_) {
            xml_.open("backup");
            xml_.leaf("duration", cursor_ - target);
            xml_.close();
        } else if (target > cursor_) {
            xml_.open("forward");
            xml_.leaf("duration", target - cursor_);
            xml_.close();
        }
        cursor_ = target;
    }

    // Moves the cursor to `target` for `voice`: time the voice leaves empty before it is a
    // <forward> in that voice.
    void moveTo(std::int64_t target, Voice& voice) {
        if (target < voice.end) {  // overlapping its own voice: only the cursor moves
            goTo(target);
            return;
        }
        goTo(voice.end);
        if (target > cursor_) {
            xml_.open("forward");
            xml_.leaf("duration", target - cursor_);
            xml_.leaf("voice", std::int64_t{std::max<std::uint8_t>(voice.number, 1)});
            if (part_.writeStaff) xml_.leaf("staff", std::int64_t{std::max<std::uint8_t>(voice.staff, 1)});
            xml_.close();
            cursor_ = target;
        }
        voice.end = target;
    }

    static bool isAttribute(const MeasureItem& item) {
        return std::holds_alternative<const score::KeyChange*>(item.content) ||
               std::holds_alternative<const score::Clef*>(item.content);
    }

    // A voice's events with its items between them. Directions and harmonies never move the cursor:
    // each is written before the event it falls in (or after the voice's last one) with an <offset>
    // to its place. Attribute changes have no offset, so the cursor goes to them.
    void writeVoice(Voice& voice) {
        const auto& items = voice.items;
        const auto itemAt = [&](std::size_t i) { return part_.toDivisions(items[i].offset); };
        std::size_t nextItem = 0;
        for (std::size_t i = 0; i < voice.events.size(); ++i) {
            const score::Event& event = *voice.events[i];
            const std::int64_t start = part_.toDivisions(event.offset);
            const std::int64_t next = i + 1 < voice.events.size() ? part_.toDivisions(voice.events[i + 1]->offset)
                                                                  : std::numeric_limits<std::int64_t>::max();
            goTo(start >= voice.end ? voice.end : start);
            while (nextItem < items.size() && itemAt(nextItem) < start) nextItem = writeItems(nextItem, voice);
            moveTo(start, voice);
            const std::size_t during = nextItem;  // items from the event's start until the next event
            while (nextItem < items.size() && itemAt(nextItem) < next) {
                const bool later = isAttribute(items[nextItem]) && itemAt(nextItem) > start;
                nextItem = later ? nextItem + 1 : writeItems(nextItem, voice);
            }
            const Rational duration = durationOf(event);
            musicxml_writer::writeEvent(xml_, plan_, part_, event, duration);
            cursor_ += part_.noteDivisions(duration);
            voice.end = std::max(voice.end, cursor_);
            for (std::size_t k = during; k < nextItem;) {  // attribute changes after the event's start
                const bool later = isAttribute(items[k]) && itemAt(k) > start;
                k = later ? writeItems(k, voice) : k + 1;
            }
        }
    }

    // Writes the item at `first` (with the attribute changes that share its place), returns the next.
    std::size_t writeItems(std::size_t first, Voice& voice) {
        const auto& items = voice.items;
        const MeasureItem& item = items[first];
        const std::int64_t at = part_.toDivisions(item.offset);
        if (isAttribute(item)) {
            std::size_t last = first + 1;
            while (last < items.size() && isAttribute(items[last]) && items[last].offset == item.offset) ++last;
            if (at >= voice.end) {
                moveTo(at, voice);
            } else {
                goTo(at);
            }
            musicxml_writer::writeAttributeChanges(xml_, part_, std::span{items}.subspan(first, last - first));
            return last;
        }
        if (const auto* harmony = std::get_if<HarmonyItem>(&item.content)) {
            musicxml_writer::writeHarmony(xml_, *harmony, at - cursor_);
        } else {
            musicxml_writer::writeDirection(xml_, part_, item.content, at - cursor_);
        }
        return first + 1;
    }

    const score::Ending* endingAt(bool starting) const {
        for (const score::Ending& ending : plan_.score->timeline.endings) {
            if ((starting ? ending.firstMeasure : ending.lastMeasure) == index_) return &ending;
        }
        return nullptr;
    }

    void writeLeftBarline() {
        const bool repeat = measure_.source != nullptr && measure_.source->repeatStart;
        const score::Ending* ending = endingAt(true);
        if (!repeat && ending == nullptr) return;
        xml_.open("barline");
        xml_.attribute("location", "left");
        if (ending != nullptr) {
            xml_.open("ending");
            xml_.attribute("number", endingNumbers(*ending));
            xml_.attribute("type", "start");
            xml_.text(ending->text);
            xml_.close();
        }
        if (repeat) {
            xml_.open("repeat");
            xml_.attribute("direction", "forward");
            xml_.close();
        }
        xml_.close();
    }

    void writeRightBarline() {
        const score::Measure* source = measure_.source;
        const std::uint8_t repeat = source != nullptr ? source->repeatEnd : 0;
        const bool styled = source != nullptr && musicxml_writer::isBarStyle(source->barline);
        const score::Ending* ending = endingAt(false);
        if (repeat == 0 && !styled && ending == nullptr) return;
        xml_.open("barline");
        xml_.attribute("location", "right");
        if (styled) xml_.leaf("bar-style", source->barline);
        if (ending != nullptr) {
            xml_.open("ending");
            xml_.attribute("number", endingNumbers(*ending));
            xml_.attribute("type", ending->open ? "discontinue" : "stop");
            xml_.close();
        }
        if (repeat != 0) {
            xml_.open("repeat");
            xml_.attribute("direction", "backward");
            if (repeat != 2) xml_.attribute("times", std::int64_t{repeat});
            xml_.close();
        }
        xml_.close();
    }
};

}  // namespace

std::string writeMusicXml(const score::Score& score) {
    const ScorePlan plan = musicxml_writer::planScore(score);
    std::string out;
    // About 500 bytes a note and 300 a measure of a part; untouched reserved pages cost nothing.
    std::size_t notes = 0;
    for (const score::Part& part : score.parts) {
        for (const score::Event& event : part.events) notes += std::max<std::size_t>(event.notes.size(), 1);
    }
    out.reserve(4096 + 500 * notes + 300 * plan.measures.size() * plan.parts.size());
    XmlStream xml{out};
    xml.raw(kDeclaration);
    xml.open("score-partwise");
    xml.attribute("version", "4.0");
    writeHeader(xml, score.metadata);
    writePartList(xml, plan);
    for (const PartPlan& part : plan.parts) {
        xml.open("part");
        xml.attribute("id", part.id);
        for (std::uint32_t m = 0; m < plan.measures.size(); ++m) MeasureWriter{xml, plan, part, m}.write();
        xml.close();
    }
    xml.close();
    out.push_back('\n');
    return out;
}

}  // namespace mos::formats
