// The document level of the MusicXML importer: header and metadata, the part list, the order of
// parts and measures (partwise or timewise), and the pass that completes the timeline.

#include "formats/musicxml/MusicXmlImporter.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <unordered_map>
#include <utility>

#include "formats/musicxml/XmlValues.hpp"

namespace mos::formats::musicxml {
namespace {

using core::ErrorCode;
using core::Rational;

// Beyond this many warnings a broken file only gets counted, so warnings cannot grow without bound.
constexpr std::size_t kMaxWarnings = 200;
// A drum kit has a few dozen instruments; every note of a part looks its instrument up among them.
constexpr std::size_t kMaxInstruments = 256;

std::string_view textOf(pugi::xml_node node) noexcept { return trimXml(node.child_value()); }

void appendJsonString(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20U) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(byte));
            out += escaped;
        } else {
            out += c;
        }
    }
    out += '"';
}

// Sorts `items` (stably) and keeps the first of each run of equal ones: what the first part said.
template <typename T, typename Less, typename Same>
void keepFirstOfEach(std::vector<T>& items, Less less, Same same) {
    std::stable_sort(items.begin(), items.end(), less);
    items.erase(std::unique(items.begin(), items.end(), same), items.end());
}

void appendLine(std::string& field, std::string_view text) {
    if (text.empty()) return;
    if (!field.empty()) field += '\n';
    field += text;
}

int boundedInteger(pugi::xml_node node, int low, int high) {
    const auto value = parseInteger(node.child_value());
    if (!value || *value < low || *value > high) return 0;
    return static_cast<int>(*value);
}

}  // namespace

Importer::Importer(const std::string& fileName, TextLines& lines, score::Score& score,
                   std::vector<core::Error>& warnings)
    : fileName_{fileName}, lines_{lines}, score_{score}, warnings_{warnings} {}

core::SourceLocation Importer::locate(pugi::xml_node node) {
    core::SourceLocation where{};
    where.file = fileName_;
    const std::ptrdiff_t offset = node ? node.offset_debug() : -1;
    if (offset >= 0) {
        const LineColumn place = lines_.at(static_cast<std::size_t>(offset));
        where.line = place.line;
        where.column = place.column;
    }
    where.measure = std::string{measureLabel_};
    return where;
}

void Importer::fail(pugi::xml_node node, ErrorCode code, std::string message) {
    throw ImportFailure{core::fail(code, std::move(message), locate(node))};
}

void Importer::warn(pugi::xml_node node, std::string message) {
    if (warnings_.size() < kMaxWarnings) {
        warnings_.push_back(core::fail(ErrorCode::ParseError, std::move(message), locate(node)));
    } else {
        ++suppressedWarnings_;
    }
}

Rational Importer::checked(Rational value, pugi::xml_node at) {
    if (!value.isValid()) fail(at, ErrorCode::Overflow, "durations overflow exact arithmetic");
    return value;
}

score::ScorePosition Importer::here(const PartReading& reading, Rational offset) const {
    return score::ScorePosition{reading.measure, offset};
}

void Importer::importDocument(pugi::xml_node root) {
    const std::string_view rootName = root.name();
    const bool timewise = rootName == "score-timewise";
    if (rootName != "score-partwise" && !timewise) {
        fail(root, ErrorCode::ParseError,
             joined({"not a MusicXML score: the root element is <", rootName,
                     ">, not <score-partwise> or <score-timewise>"}));
    }
    readHeader(root);
    readPartList(root.child("part-list"));

    // The measures of every part in order, whichever way the document is organised.
    std::vector<std::vector<MeasureNodes>> measures(partList_.size());
    std::unordered_map<std::string_view, std::size_t> partIds;
    for (std::size_t i = 0; i < partList_.size(); ++i) partIds.emplace(partList_[i].id, i);
    const auto partIndex = [&](pugi::xml_node part) -> std::size_t {
        const std::string_view id = part.attribute("id").value();
        if (const auto known = partIds.find(id); known != partIds.end()) return known->second;
        warn(part, joined({"part \"", id, "\" is not in the <part-list>; read as an extra part"}));
        partList_.push_back(PartListEntry{id, {}, {}});
        measures.emplace_back();
        partIds.emplace(id, partList_.size() - 1);
        return partList_.size() - 1;
    };
    if (timewise) {
        std::uint32_t index = 0;
        for (const pugi::xml_node measure : root.children("measure")) {
            for (const pugi::xml_node part : measure.children("part")) {
                measures[partIndex(part)].push_back(MeasureNodes{measure, part, index});
            }
            ++index;
        }
    } else {
        for (const pugi::xml_node part : root.children("part")) {
            auto& list = measures[partIndex(part)];
            for (const pugi::xml_node measure : part.children("measure")) {
                list.push_back(MeasureNodes{measure, measure, static_cast<std::uint32_t>(list.size())});
            }
        }
    }

    score_.parts.resize(partList_.size());
    for (std::size_t i = 0; i < partList_.size(); ++i) {
        PartReading reading;
        reading.part = &score_.parts[i];
        reading.entry = &partList_[i];
        readPart(reading, measures[i]);
    }
    measureLabel_ = {};
    finishTimeline();
    if (suppressedWarnings_ > 0) {
        warnings_.push_back(core::fail(ErrorCode::ParseError,
                                       joined({std::to_string(suppressedWarnings_), " more warnings not listed"}),
                                       core::SourceLocation{fileName_, {}, {}, {}, {}}));
    }
}

void Importer::readHeader(pugi::xml_node root) {
    score::Metadata& metadata = score_.metadata;
    const std::string_view workTitle = textOf(root.child("work").child("work-title"));
    const std::string_view movementTitle = textOf(root.child("movement-title"));
    metadata.title = workTitle.empty() ? movementTitle : workTitle;
    if (!workTitle.empty() && !movementTitle.empty() && workTitle != movementTitle) metadata.subtitle = movementTitle;

    std::string extension = "{";
    const auto member = [&](std::string_view name) {
        if (extension.size() > 1) extension += ',';
        appendJsonString(extension, name);
        extension += ':';
    };
    if (const std::string_view version = root.attribute("version").value(); !version.empty()) {
        member("version");
        appendJsonString(extension, version);
    }

    const pugi::xml_node identification = root.child("identification");
    std::string others;
    for (const pugi::xml_node creator : identification.children("creator")) {
        const std::string_view type = creator.attribute("type").value();
        const std::string_view name = textOf(creator);
        if (type == "composer") {
            appendLine(metadata.composer, name);
        } else if (type == "lyricist" || type == "poet" || type == "librettist") {
            appendLine(metadata.lyricist, name);
        } else if (type == "arranger") {
            appendLine(metadata.arranger, name);
        } else if (!name.empty()) {
            others += others.empty() ? "[" : ",";
            others += "{\"type\":";
            appendJsonString(others, type);
            others += ",\"name\":";
            appendJsonString(others, name);
            others += '}';
        }
    }
    for (const pugi::xml_node rights : identification.children("rights"))
        appendLine(metadata.copyright, textOf(rights));
    metadata.source = textOf(identification.child("source"));
    for (const pugi::xml_node field : identification.child("miscellaneous").children("miscellaneous-field")) {
        if (std::string_view{field.attribute("name").value()} == "genre") metadata.genre = textOf(field);
    }
    if (!others.empty()) {
        member("creators");
        extension += others + "]";
    }

    if (const pugi::xml_node encoding = identification.child("encoding")) {
        // Software and encoders may repeat; <supports> only says what the exporting program wrote.
        std::string software;
        std::string encoders;
        for (const pugi::xml_node item : encoding.children()) {
            const std::string_view name = item.name();
            std::string& list = name == "software" ? software : encoders;
            if (name == "software" || name == "encoder") {
                list += list.empty() ? "[" : ",";
                appendJsonString(list, textOf(item));
            } else if (name == "encoding-date" || name == "encoding-description") {
                member(name);
                appendJsonString(extension, textOf(item));
            }
        }
        if (!software.empty()) {
            member("software");
            extension += software + "]";
        }
        if (!encoders.empty()) {
            member("encoder");
            extension += encoders + "]";
        }
    }
    extension += '}';
    if (extension.size() > 2) score_.extensions["musicxml"] = std::move(extension);

    // Credits are what was printed on the page: the fallback when the header names nothing.
    for (const pugi::xml_node credit : root.children("credit")) {
        const std::string_view type = textOf(credit.child("credit-type"));
        std::string text;
        for (const pugi::xml_node words : credit.children("credit-words")) text += words.child_value();
        const std::string_view printed = trimXml(text);
        if (type == "title" && metadata.title.empty()) metadata.title = printed;
        if (type == "subtitle" && metadata.subtitle.empty()) metadata.subtitle = printed;
        if (type == "composer" && metadata.composer.empty()) metadata.composer = printed;
        if (type == "lyricist" && metadata.lyricist.empty()) metadata.lyricist = printed;
        if (type == "arranger" && metadata.arranger.empty()) metadata.arranger = printed;
        if (type == "rights" && metadata.copyright.empty()) metadata.copyright = printed;
    }
}

void Importer::readPartList(pugi::xml_node partList) {
    for (const pugi::xml_node scorePart : partList.children("score-part")) {
        PartListEntry entry{scorePart.attribute("id").value(), scorePart, {}};
        for (const pugi::xml_node instrument : scorePart.children("score-instrument")) {
            if (entry.instruments.size() == kMaxInstruments) break;
            entry.instruments.push_back(
                InstrumentInfo{instrument.attribute("id").value(), textOf(instrument.child("instrument-name"))});
        }
        for (const pugi::xml_node midi : scorePart.children("midi-instrument")) {
            const std::string_view id = midi.attribute("id").value();
            auto it = std::find_if(entry.instruments.begin(), entry.instruments.end(),
                                   [&](const InstrumentInfo& info) { return info.id == id; });
            if (it == entry.instruments.end()) {
                if (entry.instruments.size() == kMaxInstruments) break;
                entry.instruments.push_back(InstrumentInfo{id, {}});
                it = entry.instruments.end() - 1;
            }
            it->channel = boundedInteger(midi.child("midi-channel"), 1, 16);
            it->program = boundedInteger(midi.child("midi-program"), 1, 128);
            it->unpitched = boundedInteger(midi.child("midi-unpitched"), 1, 128);
        }
        partList_.push_back(std::move(entry));
    }
}

void Importer::readPart(PartReading& reading, const std::vector<MeasureNodes>& measures) {
    score::Part& part = *reading.part;
    const PartListEntry& entry = *reading.entry;
    part.id = entry.id;
    part.name = textOf(entry.scorePart.child("part-name"));
    part.abbreviation = textOf(entry.scorePart.child("part-abbreviation"));
    score::Instrument& instrument = part.instrument;
    instrument.name = entry.instruments.size() == 1 && !entry.instruments.front().name.empty()
                          ? entry.instruments.front().name
                          : std::string_view{part.name};
    bool unpitchedSounds = false;
    for (const InstrumentInfo& info : entry.instruments) {
        if (info.program > 0 && instrument.gmProgram == 0)
            instrument.gmProgram = static_cast<std::uint8_t>(info.program - 1);
        if (info.channel > 0 && !instrument.midiChannel)
            instrument.midiChannel = static_cast<std::uint8_t>(info.channel);
        unpitchedSounds = unpitchedSounds || info.unpitched > 0;
    }
    instrument.percussion = instrument.midiChannel ? *instrument.midiChannel == 10 : unpitchedSounds;

    for (const MeasureNodes& nodes : measures) {
        reading.measure = nodes.index;
        readMeasure(reading, nodes);
    }
    endPart(reading);
}

score::Measure& Importer::timelineMeasure(std::uint32_t index, pugi::xml_node measureNode) {
    auto& measures = score_.timeline.measures;
    while (measures.size() <= index) measures.emplace_back();
    score::Measure& measure = measures[index];
    if (measure.number.empty()) measure.number = trimXml(measureNode.attribute("number").value());
    if (std::string_view{measureNode.attribute("implicit").value()} == "yes") measure.pickup = true;
    return measure;
}

void Importer::readMeasure(PartReading& reading, const MeasureNodes& nodes) {
    measureLabel_ = nodes.measure.attribute("number").value();
    reading.measureNode = nodes.measure;
    reading.cursor = Rational{};
    reading.furthest = Rational{};
    reading.chordHost.reset();
    score::Measure& measure = timelineMeasure(reading.measure, nodes.measure);
    if (reading.nextTime) {
        if (!measure.time) measure.time = reading.nextTime;
        reading.nextTime.reset();
    }

    for (const pugi::xml_node child : nodes.content.children()) {
        const char* name = child.name();
        if (named(name, "note")) {
            readNote(reading, child);
        } else if (named(name, "backup")) {
            readBackup(reading, child);
        } else if (named(name, "forward")) {
            readForward(reading, child);
        } else if (named(name, "direction")) {
            readDirection(reading, child);
        } else if (named(name, "attributes")) {
            readAttributes(reading, child);
        } else if (named(name, "harmony")) {
            readHarmony(reading, child);
        } else if (named(name, "barline")) {
            readBarline(reading, child);
        } else if (named(name, "sound")) {
            readStandaloneSound(reading, child);
        }
        // <print>, <figured-bass>, <grouping>, <link>, <bookmark> and <listening> are layout or
        // analysis hints UMF has no place for.
    }
    endMeasure(reading);
}

void Importer::endMeasure(PartReading& reading) {
    auto& events = reading.events;
    const auto earlier = [](const score::Event& a, const score::Event& b) { return a.offset < b.offset; };
    // One voice is already in order; only interleaving voices need the (moving) sort.
    if (!std::is_sorted(events.begin(), events.end(), earlier)) std::stable_sort(events.begin(), events.end(), earlier);
    auto& partEvents = reading.part->events;
    partEvents.insert(partEvents.end(), std::make_move_iterator(events.begin()), std::make_move_iterator(events.end()));
    events.clear();
    score::Measure& measure = score_.timeline.measures[reading.measure];
    if (reading.furthest > measure.duration) measure.duration = reading.furthest;
}

void Importer::endPart(PartReading& reading) {
    const pugi::xml_node end = reading.measureNode;
    const std::string partName = joined({"part ", reading.part->id});
    for (const OpenSlur& slur : reading.slurs) {
        warn(end, joined({"slur ", std::to_string(slur.number), " in ", partName,
                          slur.from != 0 ? " never stops; dropped" : " stops but never starts; dropped"}));
    }
    for (OpenBeam& open : reading.beams) {
        if (open.beam.events.size() >= 2) score_.layers.notation.beams.push_back(std::move(open.beam));
    }
    const auto lastMeasure = static_cast<std::uint32_t>(score_.timeline.measures.empty() ? 0 : reading.measure);
    for (OpenWedge& open : reading.wedges) {
        if (open.stopOnly) {
            warn(end,
                 joined({"wedge ", std::to_string(open.number), " in ", partName, " stops but never starts; dropped"}));
            continue;
        }
        warn(end,
             joined({"wedge ", std::to_string(open.number), " in ", partName, " never stops; it ends with the part"}));
        open.hairpin.to = score::ScorePosition{lastMeasure, reading.furthest};
        score_.layers.notation.hairpins.push_back(std::move(open.hairpin));
    }
    if (reading.ending) {
        reading.ending->lastMeasure = lastMeasure;
        reading.ending->open = true;
        addEnding(std::move(*reading.ending));
    }
    settleLyricVerses(reading);
}

void Importer::finishTimeline() {
    auto& measures = score_.timeline.measures;
    if (measures.empty()) measures.emplace_back();
    if (!measures.front().time) {
        warn({}, "the score states no time signature; 4/4 assumed");
        measures.front().time = score::TimeSignature{};
    }
    const auto byOffset = [](const auto& a, const auto& b) { return a.offset < b.offset; };
    const auto sameOffset = [](const auto& a, const auto& b) { return a.offset == b.offset; };
    for (score::Measure& measure : measures) {
        // Parts repeat the timeline's marks; where they disagree the first part's stands.
        keepFirstOfEach(measure.keys, byOffset, sameOffset);
        keepFirstOfEach(measure.tempos, byOffset, sameOffset);
        keepFirstOfEach(
            measure.navigation,
            [](const score::Navigation& a, const score::Navigation& b) {
                return a.offset != b.offset ? a.offset < b.offset : a.kind < b.kind;
            },
            [](const score::Navigation& a, const score::Navigation& b) {
                return a.offset == b.offset && a.kind == b.kind;
            });
    }
    auto& firstKeys = measures.front().keys;
    if (firstKeys.empty() || firstKeys.front().offset > Rational{})
        firstKeys.insert(firstKeys.begin(), score::KeyChange{});

    score::TimeSignature meter = *measures.front().time;
    score::KeySignature key = firstKeys.front().key;
    for (std::size_t i = 0; i < measures.size(); ++i) {
        score::Measure& measure = measures[i];
        // A meter or key stated again where nothing changes (courtesy restatements, one per part)
        // is not a change.
        if (measure.time) {
            if (i > 0 && *measure.time == meter) {
                measure.time.reset();
            } else {
                meter = *measure.time;
            }
        }
        std::erase_if(measure.keys, [&, first = i == 0](const score::KeyChange& change) {
            const bool same = change.key == key && !(first && change.offset == Rational{});
            key = change.key;
            return same;
        });
        const Rational nominal = meter.measureLength();
        if (measure.duration.isZero()) measure.duration = nominal;
        if (i == 0 && measure.duration < nominal) measure.pickup = true;
    }
    keepFirstOfEach(
        score_.timeline.endings,
        [](const score::Ending& a, const score::Ending& b) {
            return a.firstMeasure != b.firstMeasure ? a.firstMeasure < b.firstMeasure : a.numbers < b.numbers;
        },
        [](const score::Ending& a, const score::Ending& b) {
            return a.firstMeasure == b.firstMeasure && a.numbers == b.numbers;
        });
    const auto byPosition = [](const auto& a, const auto& b) {
        return a.at.measure != b.at.measure ? a.at.measure < b.at.measure : a.at.offset < b.at.offset;
    };
    keepFirstOfEach(score_.layers.markers, byPosition, std::equal_to<>{});
    std::stable_sort(score_.layers.chords.begin(), score_.layers.chords.end(), byPosition);
}

}  // namespace mos::formats::musicxml
