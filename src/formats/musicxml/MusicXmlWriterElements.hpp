#pragma once

// The MusicXML elements the writer emits inside a measure, each from planned model data. The
// measure loop in MusicXmlWriter.cpp decides where the cursor is; these only write.

#include <span>

#include "formats/musicxml/MusicXmlWriterPlan.hpp"
#include "formats/musicxml/MusicXmlWriterXml.hpp"

namespace mos::formats::musicxml_writer {

// The <note> elements of one event (one per note of a chord, one <rest> for a rest) taking
// `duration` whole notes; a duration of zero writes grace notes. Thread: any. RT-safe: no.
void writeEvent(XmlStream& xml, const ScorePlan& plan, const PartPlan& part, const score::Event& event,
                core::Rational duration);

// The <attributes> at the start of measure `measure` (divisions, key, time, staves, clefs, tuning,
// transposition in the first), or nothing when nothing changes there. Thread: any. RT-safe: no.
void writeMeasureAttributes(XmlStream& xml, const ScorePlan& plan, const PartPlan& part, std::uint32_t measure);
// One <attributes> for key and clef changes that share a place inside a measure.
// Thread: any. RT-safe: no.
void writeAttributeChanges(XmlStream& xml, const PartPlan& part, std::span<const MeasureItem> changes);

// A <direction> for a marker, jump, tempo, text, dynamic or wedge, `offset` divisions from the
// cursor (an <offset> that moves its sound too, when not 0). Thread: any. RT-safe: no.
void writeDirection(XmlStream& xml, const PartPlan& part, const ItemContent& content, std::int64_t offset);

// A <harmony> for a chord symbol and/or its fretboard diagram, `offset` divisions from the cursor.
// Thread: any. RT-safe: no.
void writeHarmony(XmlStream& xml, const HarmonyItem& harmony, std::int64_t offset);

// <offset sound="yes">, when `offset` is not 0. Thread: any. RT-safe: no.
void writeOffset(XmlStream& xml, std::int64_t offset);

}  // namespace mos::formats::musicxml_writer
