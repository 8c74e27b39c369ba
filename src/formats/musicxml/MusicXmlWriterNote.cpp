// <note>: pitch or rest, duration, ties, voice, type and dots, tuplets, stems, beams, notations
// (ties, slurs, tuplets, ornaments, technical and tablature marks, articulations) and lyrics.

#include <algorithm>

#include "formats/PercussionStaff.hpp"
#include "formats/musicxml/MusicXmlWriterElements.hpp"
#include "formats/musicxml/MusicXmlWriterValues.hpp"

namespace mos::formats::musicxml_writer {
namespace {

using core::Rational;
using score::Articulation;

enum class NotationGroup : std::uint8_t { Ornaments, Technical, Articulations, Fermata, Arpeggiate };

struct ArticulationElement {
    NotationGroup group;
    std::string_view name;
};

ArticulationElement elementOf(Articulation articulation) noexcept {
    switch (articulation) {
        case Articulation::Staccato:
            return {NotationGroup::Articulations, "staccato"};
        case Articulation::Staccatissimo:
            return {NotationGroup::Articulations, "staccatissimo"};
        case Articulation::Accent:
            return {NotationGroup::Articulations, "accent"};
        case Articulation::StrongAccent:
            return {NotationGroup::Articulations, "strong-accent"};
        case Articulation::Tenuto:
            return {NotationGroup::Articulations, "tenuto"};
        case Articulation::DetachedLegato:
            return {NotationGroup::Articulations, "detached-legato"};
        case Articulation::Breath:
            return {NotationGroup::Articulations, "breath-mark"};
        case Articulation::Fermata:
            return {NotationGroup::Fermata, "fermata"};
        case Articulation::Trill:
            return {NotationGroup::Ornaments, "trill-mark"};
        case Articulation::Mordent:
            return {NotationGroup::Ornaments, "mordent"};
        case Articulation::InvertedMordent:
            return {NotationGroup::Ornaments, "inverted-mordent"};
        case Articulation::Turn:
            return {NotationGroup::Ornaments, "turn"};
        case Articulation::Tremolo:
            return {NotationGroup::Ornaments, "tremolo"};
        case Articulation::UpBow:
            return {NotationGroup::Technical, "up-bow"};
        case Articulation::DownBow:
            return {NotationGroup::Technical, "down-bow"};
        case Articulation::Arpeggiate:
            return {NotationGroup::Arpeggiate, "arpeggiate"};
    }
    return {NotationGroup::Articulations, "staccato"};
}

// Slides into or out of a note are jazz articulations in MusicXML.
std::string_view slideArticulation(score::Slide slide) noexcept {
    switch (slide) {
        case score::Slide::InFromBelow:
            return "scoop";
        case score::Slide::InFromAbove:
            return "plop";
        case score::Slide::OutDownwards:
            return "falloff";
        case score::Slide::OutUpwards:
            return "doit";
        default:
            return {};
    }
}

std::string_view harmonicQualifier(score::Harmonic harmonic) noexcept {
    switch (harmonic) {
        case score::Harmonic::Pinch:
            return "pinch harmonic";
        case score::Harmonic::Tapped:
            return "tapped harmonic";
        case score::Harmonic::Semi:
            return "semi-harmonic";
        default:
            return {};
    }
}

std::string_view syllabicName(score::LyricSyllable::Syllabic syllabic) noexcept {
    switch (syllabic) {
        case score::LyricSyllable::Syllabic::Single:
            return "single";
        case score::LyricSyllable::Syllabic::Begin:
            return "begin";
        case score::LyricSyllable::Syllabic::Middle:
            return "middle";
        case score::LyricSyllable::Syllabic::End:
            return "end";
    }
    return "single";
}

std::string_view stemName(score::Stem::Direction direction) noexcept {
    switch (direction) {
        case score::Stem::Direction::Up:
            return "up";
        case score::Stem::Direction::Down:
            return "down";
        case score::Stem::Direction::None:
            return "none";
    }
    return "up";
}

std::string_view beamName(BeamValue value) noexcept {
    switch (value) {
        case BeamValue::Begin:
            return "begin";
        case BeamValue::Continue:
            return "continue";
        case BeamValue::End:
            return "end";
    }
    return "begin";
}

// Fingers of the plucking hand (p i m a c) are <pluck>, everything else <fingering>.
bool isPluckingFinger(std::string_view finger) noexcept {
    return finger.size() == 1 && std::string_view{"pimac"}.find(finger.front()) != std::string_view::npos;
}

std::int64_t numberOfString(std::uint8_t string) noexcept { return std::clamp<std::int64_t>(string, 1, 16); }

template <typename T>
const T* findIn(const std::unordered_map<score::ElementId, T>& map, score::ElementId id) {
    const auto found = map.find(id);
    return found == map.end() ? nullptr : &found->second;
}

// Writes the notes of one event.
class EventWriter {
public:
    EventWriter(XmlStream& xml, const ScorePlan& plan, const PartPlan& part, const score::Event& event,
                Rational duration)
        : xml_{xml}, plan_{plan}, part_{part}, event_{event}, duration_{duration}, grace_{duration <= Rational{0}} {
        for (const score::Tuplet& tuplet : event.tuplets) {
            if (tuplet.actual == 0 || tuplet.normal == 0) continue;
            actualNotes_ *= tuplet.actual;
            normalNotes_ *= tuplet.normal;
        }
        if (grace_) {
            type_ = noteTypeOf(event.grace ? finite(event.grace->value) : Rational{1, 8});
        } else if (!event.measureRest) {
            type_ = noteTypeOf(duration * Rational{actualNotes_, normalNotes_});
        }
    }

    void write() {
        if (event_.notes.empty()) {
            writeNote(nullptr, true);
            return;
        }
        for (std::size_t i = 0; i < event_.notes.size(); ++i) writeNote(&event_.notes[i], i == 0);
    }

private:
    XmlStream& xml_;
    const ScorePlan& plan_;
    const PartPlan& part_;
    const score::Event& event_;
    Rational duration_;
    bool grace_;
    std::int64_t actualNotes_ = 1;
    std::int64_t normalNotes_ = 1;
    std::optional<NoteType> type_;

    void writeNote(const score::Note* note, bool first) {
        const score::TabNote* tab = note != nullptr ? findPointer(plan_.tablature, note->id) : nullptr;
        xml_.open("note");
        if (event_.invisible) xml_.attribute("print-object", "no");
        if (note != nullptr) writePerformance(*note);
        if (grace_) {
            xml_.open("grace");
            if (event_.grace && event_.grace->slash) xml_.attribute("slash", "yes");
            xml_.close();
        }
        if (event_.cue) xml_.empty("cue");
        if (!first) xml_.empty("chord");
        writePitch(note);
        if (!grace_) xml_.leaf("duration", part_.noteDivisions(duration_));
        if (note != nullptr && !event_.cue) {
            if (note->tieStop) writeTypedEmpty("tie", "stop");
            if (note->tieStart) writeTypedEmpty("tie", "start");
        }
        if (note != nullptr) writeInstrument(*note);
        xml_.leaf("voice", std::int64_t{std::max<std::uint8_t>(event_.voice, 1)});  // voices count from 1
        if (type_) {
            xml_.leaf("type", type_->name);
            for (int d = 0; d < type_->dots; ++d) xml_.empty("dot");
        }
        if (actualNotes_ != normalNotes_) {
            xml_.open("time-modification");
            xml_.leaf("actual-notes", actualNotes_);
            xml_.leaf("normal-notes", normalNotes_);
            xml_.close();
        }
        if (const auto* stem = findIn(plan_.stems, event_.id)) xml_.leaf("stem", stemName(*stem));
        if (tab != nullptr && (tab->deadNote || tab->ghost)) {
            xml_.open("notehead");
            if (tab->ghost) xml_.attribute("parentheses", "yes");
            xml_.text(tab->deadNote ? "x" : "normal");
            xml_.close();
        } else if (note != nullptr) {
            writeDrumNotehead(*note);
        }
        if (part_.writeStaff) xml_.leaf("staff", std::int64_t{std::max<std::uint8_t>(event_.staff, 1)});
        if (const auto* beam = findIn(plan_.beams, event_.id); beam != nullptr && first) {
            xml_.open("beam");
            xml_.attribute("number", 1);
            xml_.text(beamName(*beam));
            xml_.close();
        }
        writeNotations(note, tab, first);
        if (first) writeLyrics();
        if (tab != nullptr && tab->palmMute) {
            xml_.open("play");
            xml_.leaf("mute", "palm");
            xml_.close();
        }
        xml_.close();
    }

    template <typename T>
    static const T* findPointer(const std::unordered_map<score::ElementId, const T*>& map, score::ElementId id) {
        const auto found = map.find(id);
        return found == map.end() ? nullptr : found->second;
    }

    void writeTypedEmpty(std::string_view name, std::string_view type) {
        xml_.open(name);
        xml_.attribute("type", type);
        xml_.close();
    }

    // Velocity as a percentage of forte (90), and performed timing as attack and release in divisions.
    void writePerformance(const score::Note& note) {
        if (note.velocity != 0) {
            xml_.attribute("dynamics", decimalText(Rational{std::int64_t{note.velocity} * 100, 90}, 2));
        }
        if (!note.performed || grace_) return;
        const MeasurePlan& measure = plan_.measures[event_.measure];
        const Rational onset = measure.start + finite(event_.offset);
        const Rational divisionsPerWhole{4 * part_.divisions};
        const std::string attack = decimalText((finite(note.performed->onset) - onset) * divisionsPerWhole, 4);
        const std::string release = decimalText(
            (finite(note.performed->onset) + finite(note.performed->duration) - onset - duration_) * divisionsPerWhole,
            4);
        if (attack != "0") xml_.attribute("attack", attack);
        if (release != "0") xml_.attribute("release", release);
    }

    void writePitch(const score::Note* note) {
        if (note == nullptr) {
            xml_.open("rest");
            if (event_.measureRest) xml_.attribute("measure", "yes");
            xml_.close();
            return;
        }
        const score::Pitch& pitch = note->pitch;
        const char letter = score::toLetter(pitch.step);
        if (note->percussionKey != 0 || part_.part->instrument.percussion) {
            xml_.open("unpitched");
            xml_.leaf("display-step", std::string_view{&letter, 1});
            xml_.leaf("display-octave", clampOctave(pitch.octave));
            xml_.close();
            return;
        }
        xml_.open("pitch");
        xml_.leaf("step", std::string_view{&letter, 1});
        if (const std::string alter = alterText(pitch.alter, pitch.cents); !alter.empty()) xml_.leaf("alter", alter);
        xml_.leaf("octave", clampOctave(pitch.octave));
        xml_.close();
    }

    // Cymbals and hi-hats of a GM drum part get the x heads drum notation gives them.
    void writeDrumNotehead(const score::Note& note) {
        if (note.percussionKey == 0 || !part_.part->instrument.percussion) return;
        const auto drum = percussionNotation(note.percussionKey);
        if (drum && drum->notehead != PercussionNotehead::Normal)
            xml_.leaf("notehead", musicXmlNotehead(drum->notehead));
    }

    void writeInstrument(const score::Note& note) {
        const InstrumentSlot* slot = part_.instrumentFor(note.percussionKey);
        if (slot == nullptr || (note.percussionKey == 0 && !part_.instrumentOnNotes)) return;
        xml_.open("instrument");
        xml_.attribute("id", slot->id);
        xml_.close();
    }

    void writeNotations(const score::Note* note, const score::TabNote* tab, bool first) {
        const TabArrival* arrival = note != nullptr ? findIn(plan_.tabArrivals, note->id) : nullptr;
        xml_.openLazy("notations");
        if (note != nullptr) {
            if (note->tieStop) writeTypedEmpty("tied", "stop");
            if (note->tieStart) writeTypedEmpty("tied", "start");
        }
        if (tab != nullptr && tab->letRing) writeTypedEmpty("tied", "let-ring");
        if (first) {
            writeSlurs();
            writeTuplets();
        }
        if (tab != nullptr || arrival != nullptr) writeSlides(tab, arrival);
        writeGroup(NotationGroup::Ornaments, "ornaments", first, [&] {
            if (tab == nullptr || !tab->vibrato) return;
            for (const std::string_view type : {"start", "stop"}) {
                xml_.open("wavy-line");
                xml_.attribute("type", type);
                xml_.attribute("number", numberOfString(tab->string));
                if (type == "start") xml_.attribute("smufl", "guitarVibratoStroke");
                xml_.close();
            }
        });
        writeGroup(NotationGroup::Technical, "technical", first, [&] { writeTechnical(note, tab, arrival); });
        writeGroup(NotationGroup::Articulations, "articulations", first, [&] {
            if (tab == nullptr) return;
            if (const std::string_view slide = slideArticulation(tab->slide); !slide.empty()) xml_.empty(slide);
        });
        if (first) writeGroup(NotationGroup::Fermata, {}, true, [] {});
        if (note != nullptr) writeGroup(NotationGroup::Arpeggiate, {}, true, [] {});
        xml_.close();
    }

    // The event's marks of one group (on the first note of a chord only, except arpeggios which
    // MusicXML puts on every note), then the note's own, inside <wrapper> when it has one.
    template <typename NoteMarks>
    void writeGroup(NotationGroup group, std::string_view wrapper, bool first, const NoteMarks& noteMarks) {
        if (!wrapper.empty()) xml_.openLazy(wrapper);
        if (first || group == NotationGroup::Arpeggiate) {
            for (const Articulation articulation : event_.articulations) {
                const ArticulationElement element = elementOf(articulation);
                if (element.group != group) continue;
                if (articulation == Articulation::Tremolo) {
                    xml_.open("tremolo");
                    xml_.attribute("type", "single");
                    xml_.text("3");
                    xml_.close();
                } else {
                    xml_.empty(element.name);
                }
            }
        }
        noteMarks();
        if (!wrapper.empty()) xml_.close();
    }

    void writeSlurs() {
        const auto* ends = findIn(plan_.slurs, event_.id);
        if (ends == nullptr) return;
        for (const bool start : {false, true}) {  // a slur that ends here is closed before one opens
            for (const SpanEnd& end : *ends) {
                if (end.start != start) continue;
                xml_.open("slur");
                xml_.attribute("type", start ? "start" : "stop");
                xml_.attribute("number", end.number);
                xml_.close();
            }
        }
    }

    // Tuplet brackets numbered by nesting level, outermost 1. Nested brackets name their own ratio
    // at their start; a single one is the time modification's (which keeps 6:4 from becoming 3:2).
    void writeTuplets() {
        const auto& tuplets = event_.tuplets;
        for (std::size_t level = tuplets.size(); level-- > 0;) {
            if (!tuplets[level].stop) continue;
            xml_.open("tuplet");
            xml_.attribute("type", "stop");
            xml_.attribute("number", static_cast<std::int64_t>(std::min<std::size_t>(level + 1, 16)));
            xml_.close();
        }
        for (std::size_t level = 0; level < tuplets.size(); ++level) {
            const score::Tuplet& tuplet = tuplets[level];
            if (!tuplet.start) continue;
            xml_.open("tuplet");
            xml_.attribute("type", "start");
            xml_.attribute("number", static_cast<std::int64_t>(std::min<std::size_t>(level + 1, 16)));
            xml_.attribute("bracket", "yes");
            if (tuplets.size() == 1) {
                xml_.close();
                continue;
            }
            for (const auto& [name, count] :
                 {std::pair{"tuplet-actual", tuplet.actual}, {"tuplet-normal", tuplet.normal}}) {
                xml_.open(name);
                xml_.leaf("tuplet-number", std::int64_t{count});
                xml_.close();
            }
            xml_.close();
        }
    }

    void writeSlides(const score::TabNote* tab, const TabArrival* arrival) {
        const std::int64_t number = numberOfString(tab != nullptr ? tab->string : 1);
        const bool starts = tab != nullptr && (tab->slide == score::Slide::Shift || tab->slide == score::Slide::Legato);
        for (const bool start : {false, true}) {
            if (start ? !starts : (arrival == nullptr || !arrival->slide)) continue;
            xml_.open("slide");
            xml_.attribute("type", start ? "start" : "stop");
            xml_.attribute("number", number);
            xml_.attribute("line-type", "solid");
            xml_.close();
        }
    }

    void writeTechnical(const score::Note* note, const score::TabNote* tab, const TabArrival* arrival) {
        if (tab != nullptr && tab->harmonic != score::Harmonic::None) {
            xml_.open("harmonic");
            if (tab->harmonic == score::Harmonic::Natural) xml_.empty("natural");
            if (tab->harmonic == score::Harmonic::Artificial) xml_.empty("artificial");
            xml_.close();
        }
        if (note != nullptr) {
            if (const auto* fingers = findIn(plan_.fingering, note->id)) {
                for (const score::Fingering* finger : *fingers) {
                    xml_.leaf(isPluckingFinger(finger->finger) ? "pluck" : "fingering", finger->finger);
                }
            }
        }
        if (tab == nullptr) return;
        xml_.leaf("string", numberOfString(tab->string));
        xml_.leaf("fret", std::int64_t{tab->fret});
        const std::int64_t number = numberOfString(tab->string);
        const auto legato = [&](std::string_view name, std::string_view type, std::string_view text) {
            xml_.open(name);
            xml_.attribute("type", type);
            xml_.attribute("number", number);
            xml_.text(text);
            xml_.close();
        };
        if (arrival != nullptr && arrival->hammerOn) legato("hammer-on", "stop", {});
        if (arrival != nullptr && arrival->pullOff) legato("pull-off", "stop", {});
        if (tab->hammerOn) legato("hammer-on", "start", "H");
        if (tab->pullOff) legato("pull-off", "start", "P");
        writeBend(tab->bend);
        if (tab->tapping) xml_.leaf("tap", "T");
        if (const std::string_view qualifier = harmonicQualifier(tab->harmonic); !qualifier.empty()) {
            xml_.leaf("other-technical", qualifier);
        }
    }

    // A bend curve as one <bend> per rise or fall between its points, timed by first-beat and
    // last-beat (percent of the note); a curve that starts bent is a pre-bend.
    void writeBend(const std::vector<score::BendPoint>& points) {
        std::int64_t cents = 0;
        Rational position{};
        const auto percent = [](Rational at) {
            return decimalText(std::clamp(finite(at), Rational{0}, Rational{1}) * Rational{100}, 2);
        };
        for (std::size_t i = 0; i < points.size(); ++i) {
            const score::BendPoint& point = points[i];
            const std::int64_t change = point.cents - cents;
            const bool preBend = i == 0 && finite(point.position) <= Rational{0} && point.cents != 0;
            if (change != 0) {
                xml_.open("bend");
                if (!preBend) {
                    xml_.attribute("first-beat", percent(position));
                    xml_.attribute("last-beat", percent(point.position));
                }
                xml_.leaf("bend-alter", decimalText(Rational{change, 100}, 2));
                if (preBend) xml_.empty("pre-bend");
                if (change < 0) xml_.empty("release");
                xml_.close();
            }
            cents = point.cents;
            position = finite(point.position);
        }
    }

    void writeLyrics() {
        const auto* syllables = findIn(plan_.lyrics, event_.id);
        if (syllables == nullptr) return;
        for (const score::LyricSyllable* syllable : *syllables) {
            xml_.open("lyric");
            xml_.attribute("number", std::int64_t{syllable->verse});
            if (!syllable->text.empty() || !syllable->extend) {
                xml_.leaf("syllabic", syllabicName(syllable->syllabic));
                xml_.leaf("text", syllable->text);
            }
            if (syllable->extend) xml_.empty("extend");
            xml_.close();
        }
    }
};

}  // namespace

void writeEvent(XmlStream& xml, const ScorePlan& plan, const PartPlan& part, const score::Event& event,
                core::Rational duration) {
    EventWriter{xml, plan, part, event, duration}.write();
}

}  // namespace mos::formats::musicxml_writer
