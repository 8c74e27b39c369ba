// <direction>: rehearsal marks, segno/coda and the jumps (with the <sound> attributes a player
// follows), tempo marks with their metronome and quarter-note tempo, words, dynamics and wedges.

#include <algorithm>

#include "formats/musicxml/MusicXmlWriterElements.hpp"
#include "formats/musicxml/MusicXmlWriterValues.hpp"

namespace mos::formats::musicxml_writer {
namespace {

using core::Rational;

// How a navigation mark is printed and what <sound> attribute makes a player follow it.
struct JumpSpelling {
    std::string_view symbol;  // "segno" or "coda" for the signs, empty for words
    std::string_view words;   // printed when the mark has no text of its own
    std::string_view soundAttribute;
    std::string_view soundValue;
};

JumpSpelling spellingOf(score::NavigationKind kind) noexcept {
    using Kind = score::NavigationKind;
    switch (kind) {
        case Kind::Segno:
            return {"segno", {}, "segno", "segno"};
        case Kind::Coda:
            return {"coda", {}, "coda", "coda"};
        case Kind::ToCoda:
            return {{}, "To Coda", "tocoda", "coda"};
        case Kind::Fine:
            return {{}, "Fine", "fine", "yes"};
        case Kind::DaCapo:
            return {{}, "D.C.", "dacapo", "yes"};
        case Kind::DaCapoAlFine:
            return {{}, "D.C. al Fine", "dacapo", "yes"};
        case Kind::DaCapoAlCoda:
            return {{}, "D.C. al Coda", "dacapo", "yes"};
        case Kind::DalSegno:
            return {{}, "D.S.", "dalsegno", "segno"};
        case Kind::DalSegnoAlFine:
            return {{}, "D.S. al Fine", "dalsegno", "segno"};
        case Kind::DalSegnoAlCoda:
            return {{}, "D.S. al Coda", "dalsegno", "segno"};
    }
    return {"segno", {}, "segno", "segno"};
}

class DirectionWriter {
public:
    DirectionWriter(XmlStream& xml, const PartPlan& part, std::int64_t offset)
        : xml_{xml}, part_{part}, offset_{offset} {}

    void operator()(const score::Marker* marker) {
        open("above");
        typed(marker->kind == score::Marker::Kind::Rehearsal ? "rehearsal" : "words", marker->label);
        writeOffset(xml_, offset_);
        xml_.close();
    }

    void operator()(const score::Navigation* jump) {
        const JumpSpelling spelling = spellingOf(jump->kind);
        open("above");
        if (!spelling.symbol.empty()) {
            xml_.open("direction-type");
            xml_.empty(spelling.symbol);
            xml_.close();
        }
        if (!jump->text.empty() || spelling.symbol.empty())
            typed("words", jump->text.empty() ? spelling.words : jump->text);
        writeOffset(xml_, offset_);
        xml_.open("sound");
        xml_.attribute(spelling.soundAttribute, spelling.soundValue);
        xml_.close();
        xml_.close();
    }

    // The metronome shows the mark's own beat unit when a note type spells it, else quarters.
    void operator()(const score::TempoMark* tempo) {
        const Rational quarterBpm = tempo->quarterBpm();
        const bool hasTempo = quarterBpm.isValid() && quarterBpm > Rational{0};
        open("above");
        if (!tempo->text.empty() || !hasTempo) typed("words", tempo->text);
        if (hasTempo) {
            const std::optional<NoteType> unit = exactNoteTypeOf(finite(tempo->beatUnit));
            xml_.open("direction-type");
            xml_.open("metronome");
            xml_.leaf("beat-unit", unit ? unit->name : "quarter");
            for (int d = 0; unit && d < unit->dots; ++d) xml_.empty("beat-unit-dot");
            xml_.leaf("per-minute", decimalText(unit ? tempo->beatsPerMinute : quarterBpm, 2));
            xml_.close();
            xml_.close();
        }
        writeOffset(xml_, offset_);
        if (hasTempo) {
            xml_.open("sound");
            xml_.attribute("tempo", decimalText(quarterBpm, 4));
            xml_.close();
        }
        xml_.close();
    }

    void operator()(const score::TextMark* text) {
        open(text->above ? "above" : "below");
        typed("words", text->text);
        writeOffset(xml_, offset_);
        staff(text->staff);
        xml_.close();
    }

    void operator()(const score::DynamicMark* dynamic) {
        open("below");
        xml_.open("direction-type");
        xml_.open("dynamics");
        if (isDynamicsElement(dynamic->mark)) {
            xml_.empty(dynamic->mark);
        } else {
            xml_.leaf("other-dynamics", dynamic->mark);
        }
        xml_.close();
        xml_.close();
        writeOffset(xml_, offset_);
        staff(dynamic->staff);
        if (dynamic->velocity != 0) {  // MusicXML dynamics are percent of forte, which is velocity 90
            xml_.open("sound");
            xml_.attribute("dynamics", decimalText(Rational{std::int64_t{dynamic->velocity} * 100, 90}, 2));
            xml_.close();
        }
        xml_.close();
    }

    void operator()(const WedgeItem& wedge) {
        open("below");
        xml_.open("direction-type");
        xml_.open("wedge");
        xml_.attribute("type", !wedge.end.start ? "stop" : wedge.hairpin->crescendo ? "crescendo" : "diminuendo");
        xml_.attribute("number", std::int64_t{wedge.end.number});
        xml_.close();
        xml_.close();
        writeOffset(xml_, offset_);
        staff(wedge.hairpin->staff);
        xml_.close();
    }

    // Attribute changes and harmonies are not directions; the measure loop writes them.
    void operator()(const score::KeyChange* /*key*/) {}
    void operator()(const score::Clef* /*clef*/) {}
    void operator()(const HarmonyItem& /*harmony*/) {}

private:
    XmlStream& xml_;
    const PartPlan& part_;
    std::int64_t offset_;

    void open(std::string_view placement) {
        xml_.open("direction");
        xml_.attribute("placement", placement);
    }

    void typed(std::string_view element, std::string_view text) {
        xml_.open("direction-type");
        xml_.leaf(element, text);
        xml_.close();
    }

    void staff(std::uint8_t number) {
        if (part_.writeStaff) xml_.leaf("staff", std::int64_t{std::max<std::uint8_t>(number, 1)});
    }
};

}  // namespace

void writeDirection(XmlStream& xml, const PartPlan& part, const ItemContent& content, std::int64_t offset) {
    std::visit(DirectionWriter{xml, part, offset}, content);
}

void writeOffset(XmlStream& xml, std::int64_t offset) {
    if (offset == 0) return;
    xml.open("offset");
    xml.attribute("sound", "yes");
    xml.text(offset);
    xml.close();
}

}  // namespace mos::formats::musicxml_writer
