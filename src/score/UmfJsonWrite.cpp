// writeUmf: one pass over the Score into a JsonWriter. Members are written in the order the spec
// lists them and left out when they equal their default, so the compact form is canonical.

#include <algorithm>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "CanonicalJson.hpp"
#include "UmfNames.hpp"
#include "UmfText.hpp"
#include "mos/core/JsonWriter.hpp"
#include "mos/score/UmfJson.hpp"

namespace mos::score {

namespace {

using Layout = core::JsonWriter::Layout;

class UmfWriter {
public:
    explicit UmfWriter(UmfStyle style) : json_{style == UmfStyle::Pretty} {}

    std::string write(const Score& score);

private:
    // Members that are left out when they equal their default.
    void text(std::string_view name, std::string_view value) {
        if (value.empty()) return;
        json_.key(name);
        json_.string(value);
    }
    void flag(std::string_view name, bool value, bool fallback = false) {
        if (value == fallback) return;
        json_.key(name);
        json_.boolean(value);
    }
    void integer(std::string_view name, std::int64_t value, std::int64_t fallback = 0) {
        if (value == fallback) return;
        json_.key(name);
        json_.integer(value);
    }
    void rational(std::string_view name, core::Rational value, core::Rational fallback = {}) {
        if (value == fallback) return;
        json_.key(name);
        rationalValue(value);
    }
    template <typename Enum>
    void enumeration(std::string_view name, Enum value, Enum fallback) {
        if (value == fallback) return;
        json_.key(name);
        json_.string(umf::enumName(value));
    }
    void partId(std::string_view value) { text("partId", value); }

    // Members that are always written.
    void requiredText(std::string_view name, std::string_view value) {
        json_.key(name);
        json_.string(value);
    }
    void requiredInteger(std::string_view name, std::int64_t value) {
        json_.key(name);
        json_.integer(value);
    }
    void requiredRational(std::string_view name, core::Rational value) {
        json_.key(name);
        rationalValue(value);
    }
    template <typename Enum>
    void requiredEnumeration(std::string_view name, Enum value) {
        json_.key(name);
        json_.string(umf::enumName(value));
    }
    void position(std::string_view name, const ScorePosition& at) {
        json_.key(name);
        json_.beginObject();
        requiredInteger("measure", at.measure);
        rational("offset", at.offset);
        json_.endObject();
    }

    void rationalValue(core::Rational value) {
        json_.quoted([&](std::string& out) { umf::appendRational(out, value); });
    }
    void pitchValue(const Pitch& pitch) {
        json_.quoted([&](std::string& out) { umf::appendPitch(out, pitch); });
    }
    void pitchName(std::string_view name, PitchName value) {
        json_.key(name);
        json_.quoted([&](std::string& out) { umf::appendPitchName(out, value); });
    }

    // A member holding an array, left out when empty; writeItem(item) writes each element.
    template <typename T, typename WriteItem>
    void array(std::string_view name, const std::vector<T>& items, Layout layout, WriteItem&& writeItem) {
        if (items.empty()) return;
        json_.key(name);
        json_.beginArray(layout);
        for (const T& item : items) writeItem(item);
        json_.endArray();
    }
    // The same for an array of objects, one per line.
    template <typename T, typename WriteMembers>
    void objects(std::string_view name, const std::vector<T>& items, WriteMembers&& writeMembers) {
        array(name, items, Layout::Block, [&](const T& item) {
            json_.beginObject();
            writeMembers(item);
            json_.endObject();
        });
    }
    // A member holding an object, left out when it equals its default.
    template <typename T, typename WriteMembers>
    void object(std::string_view name, const T& value, Layout layout, WriteMembers&& writeMembers) {
        if (value == T{}) return;
        json_.key(name);
        json_.beginObject(layout);
        writeMembers(value);
        json_.endObject();
    }

    void metadata(const Metadata& metadata);
    void timeline(const Timeline& timeline);
    void measure(const Measure& measure);
    void part(const Part& part);
    void event(const Event& event);
    void note(const Note& note);
    void layers(const Layers& layers);
    void chord(const ChordSymbol& chord);
    void tabNote(const TabNote& tab);
    void notation(const NotationLayer& notation);
    void learning(const Learning& learning);
    void extensions(const std::map<std::string, std::string>& extensions);

    core::JsonWriter json_;
};

ElementId largestId(const Score& score) {
    ElementId largest = 0;
    for (const Part& part : score.parts) {
        for (const Event& event : part.events) {
            largest = std::max(largest, event.id);
            for (const Note& note : event.notes) largest = std::max(largest, note.id);
        }
    }
    return largest;
}

std::string UmfWriter::write(const Score& score) {
    json_.beginObject(Layout::Block);
    requiredText("umf", kUmfVersion);
    object("metadata", score.metadata, Layout::Block, [&](const Metadata& value) { metadata(value); });
    object("timeline", score.timeline, Layout::Block, [&](const Timeline& value) { timeline(value); });
    array("parts", score.parts, Layout::Block, [&](const Part& value) { part(value); });
    object("layers", score.layers, Layout::Block, [&](const Layers& value) { layers(value); });
    object("learning", score.learning, Layout::Block, [&](const Learning& value) { learning(value); });
    objects("audio", score.audio, [&](const AudioReference& reference) {
        requiredText("uri", reference.uri);
        text("mediaType", reference.mediaType);
        text("description", reference.description);
        rational("offsetSeconds", reference.offsetSeconds);
    });
    extensions(score.extensions);
    // Readers compute nextId as one past the largest id, so only a larger one needs writing.
    integer("nextId", score.nextId, std::int64_t{largestId(score)} + 1);
    json_.endObject();
    return json_.take();
}

void UmfWriter::metadata(const Metadata& metadata) {
    text("title", metadata.title);
    text("subtitle", metadata.subtitle);
    text("composer", metadata.composer);
    text("lyricist", metadata.lyricist);
    text("arranger", metadata.arranger);
    text("copyright", metadata.copyright);
    text("source", metadata.source);
    text("genre", metadata.genre);
    array("tags", metadata.tags, Layout::Line, [&](const std::string& tag) { json_.string(tag); });
}

void UmfWriter::timeline(const Timeline& timeline) {
    array("measures", timeline.measures, Layout::Block, [&](const Measure& value) { measure(value); });
    objects("endings", timeline.endings, [&](const Ending& ending) {
        requiredInteger("firstMeasure", ending.firstMeasure);
        requiredInteger("lastMeasure", ending.lastMeasure);
        json_.key("numbers");
        json_.beginArray();
        for (const std::uint8_t number : ending.numbers) json_.integer(number);
        json_.endArray();
        text("text", ending.text);
        flag("open", ending.open);
    });
}

void UmfWriter::measure(const Measure& measure) {
    json_.beginObject();
    text("number", measure.number);
    requiredRational("duration", measure.duration);
    flag("pickup", measure.pickup);
    if (measure.time) {
        json_.key("time");
        json_.quoted([&](std::string& out) { umf::appendMeter(out, *measure.time); });
        enumeration("timeSymbol", measure.time->symbol, TimeSignature::Symbol::Normal);
    }
    array("keys", measure.keys, Layout::Line, [&](const KeyChange& change) {
        json_.beginObject();
        rational("offset", change.offset);
        requiredInteger("fifths", change.key.fifths);
        enumeration("mode", change.key.mode, Mode::Major);
        array("accidentals", change.key.accidentals, Layout::Line, [&](const KeyAccidental& accidental) {
            json_.quoted([&](std::string& out) { umf::appendPitchName(out, {accidental.step, accidental.alter}); });
        });
        json_.endObject();
    });
    array("tempos", measure.tempos, Layout::Line, [&](const TempoMark& tempo) {
        json_.beginObject();
        rational("offset", tempo.offset);
        rational("beatUnit", tempo.beatUnit, core::Rational{1, 4});
        requiredRational("beatsPerMinute", tempo.beatsPerMinute);
        text("text", tempo.text);
        flag("rampToNext", tempo.rampToNext);
        json_.endObject();
    });
    flag("repeatStart", measure.repeatStart);
    integer("repeatEnd", measure.repeatEnd);
    array("navigation", measure.navigation, Layout::Line, [&](const Navigation& mark) {
        json_.beginObject();
        requiredEnumeration("kind", mark.kind);
        rational("offset", mark.offset);
        text("text", mark.text);
        json_.endObject();
    });
    text("barline", measure.barline);
    json_.endObject();
}

void UmfWriter::part(const Part& part) {
    json_.beginObject(Layout::Block);
    requiredText("id", part.id);
    text("name", part.name);
    text("abbreviation", part.abbreviation);
    object("instrument", part.instrument, Layout::Line, [&](const Instrument& instrument) {
        text("name", instrument.name);
        integer("gmProgram", instrument.gmProgram);
        flag("percussion", instrument.percussion);
        if (instrument.midiChannel) requiredInteger("midiChannel", *instrument.midiChannel);
    });
    object("transposition", part.transposition, Layout::Line, [&](const Transposition& transposition) {
        integer("diatonic", transposition.diatonic);
        integer("chromatic", transposition.chromatic);
        integer("octaveChange", transposition.octaveChange);
    });
    array("tuning", part.tuning, Layout::Line, [&](const Pitch& string) { pitchValue(string); });
    integer("capo", part.capo);
    integer("staves", part.staves, 1);
    array("events", part.events, Layout::Block, [&](const Event& value) { event(value); });
    objects("dynamics", part.dynamics, [&](const DynamicMark& mark) {
        position("at", mark.at);
        integer("staff", mark.staff, 1);
        requiredText("mark", mark.mark);
        integer("velocity", mark.velocity);
    });
    json_.endObject();
}

void UmfWriter::event(const Event& event) {
    json_.beginObject();
    integer("id", event.id);
    requiredInteger("measure", event.measure);
    rational("offset", event.offset);
    requiredRational("duration", event.duration);
    integer("voice", event.voice, 1);
    integer("staff", event.staff, 1);
    array("notes", event.notes, Layout::Line, [&](const Note& value) { note(value); });
    array("tuplets", event.tuplets, Layout::Line, [&](const Tuplet& tuplet) {
        json_.beginObject();
        requiredInteger("actual", tuplet.actual);
        requiredInteger("normal", tuplet.normal);
        flag("start", tuplet.start);
        flag("stop", tuplet.stop);
        json_.endObject();
    });
    if (event.grace) {
        json_.key("grace");
        json_.beginObject();
        flag("slash", event.grace->slash);
        rational("value", event.grace->value, core::Rational{1, 8});
        json_.endObject();
    }
    flag("cue", event.cue);
    flag("measureRest", event.measureRest);
    flag("invisible", event.invisible);
    array("articulations", event.articulations, Layout::Line,
          [&](Articulation articulation) { json_.string(umf::enumName(articulation)); });
    json_.endObject();
}

void UmfWriter::note(const Note& note) {
    json_.beginObject();
    integer("id", note.id);
    json_.key("pitch");
    pitchValue(note.pitch);
    integer("percussionKey", note.percussionKey);
    flag("tieStart", note.tieStart);
    flag("tieStop", note.tieStop);
    integer("velocity", note.velocity);
    if (note.performed) {
        json_.key("performed");
        json_.beginObject();
        requiredRational("onset", note.performed->onset);
        requiredRational("duration", note.performed->duration);
        json_.endObject();
    }
    json_.endObject();
}

void UmfWriter::layers(const Layers& layers) {
    objects("form", layers.form, [&](const Section& section) {
        requiredText("label", section.label);
        requiredInteger("firstMeasure", section.firstMeasure);
        requiredInteger("lastMeasure", section.lastMeasure);
    });
    objects("chords", layers.chords, [&](const ChordSymbol& value) { chord(value); });
    object("analysis", layers.analysis, Layout::Block, [&](const AnalysisLayer& analysis) {
        objects("keys", analysis.keys, [&](const KeyRegion& region) {
            position("at", region.at);
            pitchName("tonic", region.tonic);
            enumeration("mode", region.mode, Mode::Major);
        });
        objects("numerals", analysis.numerals, [&](const RomanNumeral& numeral) {
            position("at", numeral.at);
            requiredText("numeral", numeral.numeral);
            text("key", numeral.key);
        });
        objects("cadences", analysis.cadences, [&](const Cadence& cadence) {
            position("at", cadence.at);
            requiredEnumeration("kind", cadence.kind);
        });
    });
    objects("tablature", layers.tablature, [&](const TabNote& value) { tabNote(value); });
    objects("diagrams", layers.diagrams, [&](const ChordDiagram& diagram) {
        position("at", diagram.at);
        partId(diagram.partId);
        text("name", diagram.name);
        integer("baseFret", diagram.baseFret, 1);
        array("frets", diagram.frets, Layout::Line, [&](std::int8_t fret) { json_.integer(fret); });
        array("fingers", diagram.fingers, Layout::Line, [&](std::uint8_t finger) { json_.integer(finger); });
    });
    objects("fingering", layers.fingering, [&](const Fingering& fingering) {
        requiredInteger("note", fingering.note);
        requiredText("finger", fingering.finger);
    });
    object("notation", layers.notation, Layout::Block, [&](const NotationLayer& value) { notation(value); });
    objects("lyrics", layers.lyrics, [&](const LyricSyllable& syllable) {
        requiredInteger("event", syllable.event);
        integer("verse", syllable.verse, 1);
        requiredText("text", syllable.text);
        enumeration("syllabic", syllable.syllabic, LyricSyllable::Syllabic::Single);
        flag("extend", syllable.extend);
    });
    objects("markers", layers.markers, [&](const Marker& marker) {
        position("at", marker.at);
        enumeration("kind", marker.kind, Marker::Kind::Rehearsal);
        text("label", marker.label);
    });
}

void UmfWriter::chord(const ChordSymbol& chord) {
    position("at", chord.at);
    partId(chord.partId);
    text("text", chord.text);
    if (chord.root) pitchName("root", *chord.root);
    text("kind", chord.kind);
    if (chord.bass) pitchName("bass", *chord.bass);
    array("degrees", chord.degrees, Layout::Line, [&](const ChordDegree& degree) {
        json_.beginObject();
        requiredInteger("value", degree.value);
        integer("alter", degree.alter);
        enumeration("type", degree.type, ChordDegree::Type::Add);
        json_.endObject();
    });
    flag("alternate", chord.alternate);
    flag("noChord", chord.noChord);
}

void UmfWriter::tabNote(const TabNote& tab) {
    requiredInteger("note", tab.note);
    requiredInteger("string", tab.string);
    requiredInteger("fret", tab.fret);
    array("bend", tab.bend, Layout::Line, [&](const BendPoint& point) {
        json_.beginObject();
        requiredRational("position", point.position);
        requiredInteger("cents", point.cents);
        json_.endObject();
    });
    enumeration("slide", tab.slide, Slide::None);
    enumeration("harmonic", tab.harmonic, Harmonic::None);
    flag("hammerOn", tab.hammerOn);
    flag("pullOff", tab.pullOff);
    flag("vibrato", tab.vibrato);
    flag("palmMute", tab.palmMute);
    flag("deadNote", tab.deadNote);
    flag("ghost", tab.ghost);
    flag("letRing", tab.letRing);
    flag("tapping", tab.tapping);
}

void UmfWriter::notation(const NotationLayer& notation) {
    objects("clefs", notation.clefs, [&](const Clef& clef) {
        partId(clef.partId);
        integer("staff", clef.staff, 1);
        position("at", clef.at);
        requiredEnumeration("sign", clef.sign);
        integer("line", clef.line, 2);
        integer("octaveChange", clef.octaveChange);
    });
    objects("beams", notation.beams, [&](const Beam& beam) {
        partId(beam.partId);
        json_.key("events");
        json_.beginArray();
        for (const ElementId id : beam.events) json_.integer(id);
        json_.endArray();
    });
    objects("stems", notation.stems, [&](const Stem& stem) {
        requiredInteger("event", stem.event);
        requiredEnumeration("direction", stem.direction);
    });
    objects("slurs", notation.slurs, [&](const Slur& slur) {
        partId(slur.partId);
        requiredInteger("from", slur.from);
        requiredInteger("to", slur.to);
    });
    objects("hairpins", notation.hairpins, [&](const Hairpin& hairpin) {
        partId(hairpin.partId);
        integer("staff", hairpin.staff, 1);
        position("from", hairpin.from);
        position("to", hairpin.to);
        flag("crescendo", hairpin.crescendo, true);
    });
    objects("texts", notation.texts, [&](const TextMark& mark) {
        partId(mark.partId);
        integer("staff", mark.staff, 1);
        position("at", mark.at);
        requiredText("text", mark.text);
        flag("above", mark.above, true);
    });
}

void UmfWriter::learning(const Learning& learning) {
    objects("pointsOfInterest", learning.pointsOfInterest, [&](const PointOfInterest& point) {
        requiredInteger("firstMeasure", point.firstMeasure);
        requiredInteger("lastMeasure", point.lastMeasure);
        text("title", point.title);
        text("description", point.description);
    });
    objects("annotations", learning.annotations, [&](const Annotation& annotation) {
        position("at", annotation.at);
        partId(annotation.partId);
        requiredText("text", annotation.text);
        text("author", annotation.author);
    });
}

// Each extension in its canonical form, on one line; text that is not JSON (or that has a member
// name twice) is kept as a JSON string rather than lost.
void UmfWriter::extensions(const std::map<std::string, std::string>& extensions) {
    if (extensions.empty()) return;
    json_.key("extensions");
    json_.beginObject(Layout::Block);
    simdjson::dom::parser parser;
    for (const auto& [name, data] : extensions) {
        json_.escapedKey(name);
        simdjson::dom::element value;
        core::JsonWriter canonical{false};
        if (parser.parse(data).get(value) == simdjson::SUCCESS && umf::writeCanonical(value, canonical)) {
            json_.raw(canonical.take());
        } else {
            json_.string(data);
        }
    }
    json_.endObject();
}

}  // namespace

std::string writeUmf(const Score& score, UmfStyle style) { return UmfWriter{style}.write(score); }

}  // namespace mos::score
