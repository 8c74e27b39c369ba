// <attributes>: divisions, keys (written for transposing parts), meters, staves, clefs, string
// tunings and the transposition, at a measure's start or where they change inside it.

#include <algorithm>

#include "formats/musicxml/MusicXmlWriterElements.hpp"
#include "formats/musicxml/MusicXmlWriterValues.hpp"

namespace mos::formats::musicxml_writer {
namespace {

using core::Rational;

void writeKey(XmlStream& xml, const PartPlan& part, const score::KeySignature& concert) {
    const score::KeySignature key = writtenKey(concert, part.part->transposition);
    xml.open("key");
    if (key.accidentals.empty()) {
        xml.leaf("fifths", std::int64_t{key.fifths});
        xml.leaf("mode", theory::modeName(key.mode));  // MusicXML's names are the theory module's
    } else {
        for (const score::KeyAccidental& accidental : key.accidentals) {
            const char letter = score::toLetter(accidental.step);
            xml.leaf("key-step", std::string_view{&letter, 1});
            xml.leaf("key-alter", std::int64_t{accidental.alter});
        }
    }
    xml.close();
}

void writeTime(XmlStream& xml, const score::TimeSignature& time) {
    xml.open("time");
    if (time.symbol == score::TimeSignature::Symbol::Common) xml.attribute("symbol", "common");
    if (time.symbol == score::TimeSignature::Symbol::Cut) xml.attribute("symbol", "cut");
    xml.leaf("beats", std::int64_t{time.numerator});
    xml.leaf("beat-type", std::int64_t{time.denominator});
    xml.close();
}

void writeClef(XmlStream& xml, const PartPlan& part, const score::Clef& clef) {
    xml.open("clef");
    if (part.writeStaff) xml.attribute("number", std::int64_t{std::max<std::uint8_t>(clef.staff, 1)});
    xml.leaf("sign", clefSignName(clef.sign));
    xml.leaf("line", std::int64_t{clef.line});
    if (clef.octaveChange != 0) xml.leaf("clef-octave-change", std::int64_t{clef.octaveChange});
    xml.close();
}

// Open strings bottom line first (line 1 is the lowest string); TAB staves also get their line count.
void writeStaffDetails(XmlStream& xml, const PartPlan& part) {
    const score::Part& source = *part.part;
    const auto writeDetails = [&](std::optional<std::uint8_t> staff, bool lines) {
        xml.open("staff-details");
        if (staff && part.writeStaff) xml.attribute("number", std::int64_t{*staff});
        const std::size_t strings = source.tuning.size();
        if (lines) xml.leaf("staff-lines", static_cast<std::int64_t>(strings));
        for (std::size_t line = 1; line <= strings; ++line) {
            const score::Pitch& open = source.tuning[strings - line];
            const char letter = score::toLetter(open.step);
            xml.open("staff-tuning");
            xml.attribute("line", static_cast<std::int64_t>(line));
            xml.leaf("tuning-step", std::string_view{&letter, 1});
            if (const std::string alter = alterText(open.alter, open.cents); !alter.empty())
                xml.leaf("tuning-alter", alter);
            xml.leaf("tuning-octave", clampOctave(open.octave));
            xml.close();
        }
        if (source.capo != 0) xml.leaf("capo", std::int64_t{source.capo});
        xml.close();
    };
    if (part.tabStaves.empty()) {
        writeDetails(std::nullopt, false);
        return;
    }
    for (const std::uint8_t staff : part.tabStaves) writeDetails(staff, true);
}

void writeTranspose(XmlStream& xml, const score::Transposition& transposition) {
    xml.open("transpose");
    xml.leaf("diatonic", std::int64_t{transposition.diatonic});
    xml.leaf("chromatic", std::int64_t{transposition.chromatic});
    if (transposition.octaveChange != 0) xml.leaf("octave-change", std::int64_t{transposition.octaveChange});
    xml.close();
}

}  // namespace

void writeMeasureAttributes(XmlStream& xml, const ScorePlan& plan, const PartPlan& part, std::uint32_t measure) {
    const score::Timeline& timeline = plan.score->timeline;
    const score::Measure* source = plan.measures[measure].source;
    const bool first = measure == 0;

    std::optional<score::KeySignature> key;
    if (first) {
        key = score::keyAt(timeline, {0, Rational{0}});
    } else if (source != nullptr) {
        for (const score::KeyChange& change : source->keys) {
            if (finite(change.offset) <= Rational{0}) key = change.key;
        }
    }
    std::optional<score::TimeSignature> time;
    if (first) {
        time = score::timeSignatureAt(timeline, 0);
    } else if (source != nullptr) {
        time = source->time;
    }
    const auto& clefs = part.startClefs[measure];
    const score::Part& instrument = *part.part;
    const bool tuning = first && !instrument.tuning.empty();
    const bool transpose = first && !instrument.transposition.isNone();
    // A drum part its source gave no clef (Guitar Pro, MIDI) gets the percussion clef its unpitched
    // notes are drawn for.
    const bool drumClef = first && clefs.empty() && instrument.instrument.percussion;
    if (!first && !key && !time && clefs.empty()) return;

    xml.open("attributes");
    if (first) xml.leaf("divisions", part.divisions);
    if (key) writeKey(xml, part, *key);
    if (time) writeTime(xml, *time);
    if (first && part.staves > 1) xml.leaf("staves", std::int64_t{part.staves});
    for (const score::Clef* clef : clefs) writeClef(xml, part, *clef);
    for (std::uint8_t staff = 1; drumClef && staff <= part.staves; ++staff) {
        writeClef(xml, part, score::Clef{instrument.id, staff, {}, score::Clef::Sign::Percussion, 2, 0});
    }
    if (tuning) writeStaffDetails(xml, part);
    if (transpose) writeTranspose(xml, instrument.transposition);
    xml.close();
}

void writeAttributeChanges(XmlStream& xml, const PartPlan& part, std::span<const MeasureItem> changes) {
    xml.open("attributes");
    for (const MeasureItem& change : changes) {
        if (const auto* key = std::get_if<const score::KeyChange*>(&change.content)) writeKey(xml, part, (*key)->key);
    }
    for (const MeasureItem& change : changes) {
        if (const auto* clef = std::get_if<const score::Clef*>(&change.content)) writeClef(xml, part, **clef);
    }
    xml.close();
}

}  // namespace mos::formats::musicxml_writer
