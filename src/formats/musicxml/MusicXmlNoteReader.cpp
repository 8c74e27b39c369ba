// Notes and the musical time they take: <note>, <backup>, <forward>, and <attributes> (divisions,
// keys, meters, clefs, transposition, staves, string tunings).

#include <algorithm>
#include <array>
#include <cstdlib>

#include "formats/PercussionStaff.hpp"
#include "formats/musicxml/MusicXmlImporter.hpp"
#include "formats/musicxml/XmlValues.hpp"

namespace mos::formats::musicxml {
namespace {

using core::ErrorCode;
using core::Rational;

// Bounds that keep every duration sum inside 64-bit fractions: a <divisions> or <duration> value
// beyond these is refused rather than left to overflow later.
constexpr std::int64_t kMaxDivisions = std::int64_t{1} << 30;
constexpr std::int64_t kMaxDurationWholes = std::int64_t{1} << 20;
constexpr std::int64_t kMaxTupletNumber = 1000;

std::string_view textOf(pugi::xml_node node) noexcept { return trimXml(node.child_value()); }

bool is(pugi::xml_node node, const char* name) noexcept { return std::string_view{node.name()} == name; }

// How far along the line of fifths a transposition moves a key: a B-flat instrument (down a major
// second: diatonic -1, chromatic -2) sounds two flats below what it reads.
int fifthsShift(const score::Transposition& transposition) {
    static constexpr std::array<int, 7> kMajorOrPerfectFifths{0, 2, 4, -1, 1, 3, 5};
    static constexpr std::array<int, 7> kMajorOrPerfectSemitones{0, 2, 4, 5, 7, 9, 11};
    const std::int8_t diatonic = transposition.diatonic;
    const int step = ((diatonic % 7) + 7) % 7;
    const int octaves = (diatonic - step) / 7;
    const int chromatic = transposition.chromatic - 12 * octaves;
    return kMajorOrPerfectFifths[static_cast<std::size_t>(step)] +
           7 * (chromatic - kMajorOrPerfectSemitones[static_cast<std::size_t>(step)]);
}

// An alteration as semitones plus cents: -0.5 is a quarter-tone flat (0 semitones, -50 cents).
void applyAlter(score::Pitch& pitch, Rational alter) {
    if (!alter.isValid()) return;
    const std::int64_t semitones = alter.num() / alter.den();
    const Rational rest = (alter - Rational{semitones}) * Rational{100};
    pitch.alter = static_cast<std::int8_t>(std::clamp<std::int64_t>(semitones, -9, 9));
    pitch.cents = static_cast<std::int16_t>(rest.round().value_or(0));
}

score::Clef::Sign clefSign(std::string_view sign) {
    if (sign == "G") return score::Clef::Sign::G;
    if (sign == "F") return score::Clef::Sign::F;
    if (sign == "C") return score::Clef::Sign::C;
    if (sign == "percussion") return score::Clef::Sign::Percussion;
    if (sign == "TAB") return score::Clef::Sign::Tab;
    return score::Clef::Sign::None;
}

std::int8_t defaultClefLine(score::Clef::Sign sign) {
    switch (sign) {
        case score::Clef::Sign::G:
            return 2;
        case score::Clef::Sign::F:
            return 4;
        case score::Clef::Sign::Tab:
            return 5;
        case score::Clef::Sign::C:
        case score::Clef::Sign::Percussion:
        case score::Clef::Sign::None:
            break;
    }
    return 3;
}

}  // namespace

Rational Importer::readDuration(PartReading& reading, pugi::xml_node duration, pugi::xml_node owner) {
    const std::string_view text = textOf(duration);
    const auto value = parseDecimal(text);
    if (!value || value->isNegative()) {
        fail(duration ? duration : owner, ErrorCode::ParseError,
             duration ? joined({"<duration> is not a non-negative number: \"", text, "\""})
                      : joined({"<", owner.name(), "> has no <duration>"}));
    }
    const Rational whole = checked(*value * reading.wholePerDivision, duration);
    if (whole > Rational{kMaxDurationWholes}) {
        fail(duration, ErrorCode::OutOfRange, joined({"<duration> ", text, " is longer than any measure"}));
    }
    return whole;
}

void Importer::advanceCursor(PartReading& reading, Rational by, pugi::xml_node at) {
    reading.cursor = checked(reading.cursor + by, at);
    if (reading.cursor > reading.furthest) reading.furthest = reading.cursor;
}

std::uint8_t Importer::readVoice(pugi::xml_node voice) {
    if (!voice) return 1;
    const auto value = parseInteger(voice.child_value());
    if (!value || *value < 1 || *value > 255) {
        warn(voice, joined({"voice \"", textOf(voice), "\" is not a number from 1 to 255; read as voice 1"}));
        return 1;
    }
    return static_cast<std::uint8_t>(*value);
}

std::uint8_t Importer::readStaff(PartReading& reading, pugi::xml_node staff) {
    if (!staff) return 1;
    const auto value = parseInteger(staff.child_value());
    if (!value || *value < 1 || *value > 255) {
        warn(staff, joined({"staff \"", textOf(staff), "\" is not a number from 1 to 255; read as staff 1"}));
        return 1;
    }
    const auto number = static_cast<std::uint8_t>(*value);
    reading.part->staves = std::max(reading.part->staves, number);
    return number;
}

score::Pitch Importer::readPitch(pugi::xml_node pitchNode, bool unpitched) {
    // <pitch> holds step, alter, octave; <unpitched> the display-step and display-octave it is drawn at.
    pugi::xml_node stepNode;
    pugi::xml_node octaveNode;
    pugi::xml_node alterNode;
    for (const pugi::xml_node child : pitchNode.children()) {
        const char* name = child.name();
        if (unpitched ? named(name, "display-step") : named(name, "step")) {
            stepNode = child;
        } else if (unpitched ? named(name, "display-octave") : named(name, "octave")) {
            octaveNode = child;
        } else if (named(name, "alter")) {
            alterNode = child;
        }
    }
    score::Pitch pitch{};
    // An unpitched note may leave its display position out and sits on the middle line; a pitch may not.
    if (unpitched && !stepNode) return percussionPosition(0);
    const char* stepName = unpitched ? "display-step" : "step";
    const char* octaveName = unpitched ? "display-octave" : "octave";
    const std::string_view stepText = textOf(stepNode);
    const auto step = stepText.size() == 1 ? score::stepFromLetter(stepText.front()) : std::nullopt;
    if (!step) {
        fail(stepNode ? stepNode : pitchNode, ErrorCode::ParseError,
             joined({"<", stepName, "> is not a letter A to G: \"", stepText, "\""}));
    }
    pitch.step = *step;
    const auto octave = parseInteger(octaveNode.child_value());
    if (octave && *octave >= -1 && *octave <= 12) {
        pitch.octave = static_cast<std::int8_t>(*octave);
    } else if (octaveNode || !unpitched) {
        fail(octaveNode ? octaveNode : pitchNode, ErrorCode::ParseError,
             joined({"<", octaveName, "> is not an octave from -1 to 12: \"", textOf(octaveNode), "\""}));
    }
    if (alterNode) {
        const auto alter = parseDecimal(alterNode.child_value());
        if (alter && *alter >= Rational{-9} && *alter <= Rational{9}) {
            applyAlter(pitch, *alter);
        } else {
            warn(alterNode, joined({"<alter> \"", textOf(alterNode), "\" is not an alteration; ignored"}));
        }
    }
    return pitch;
}

score::Pitch Importer::readTuning(pugi::xml_node tuning) {
    score::Pitch pitch{};
    const std::string_view letter = textOf(tuning.child("tuning-step"));
    const auto step = letter.size() == 1 ? score::stepFromLetter(letter.front()) : std::nullopt;
    const auto octave = parseInteger(tuning.child_value("tuning-octave"));
    if (!step || !octave || *octave < -1 || *octave > 12) {
        warn(tuning, "a <staff-tuning> without a usable <tuning-step> and <tuning-octave>; read as C4");
        return pitch;
    }
    pitch.step = *step;
    pitch.octave = static_cast<std::int8_t>(*octave);
    if (const auto alter = parseDecimal(tuning.child_value("tuning-alter"))) {
        if (*alter >= Rational{-9} && *alter <= Rational{9}) applyAlter(pitch, *alter);
    }
    return pitch;
}

std::uint8_t Importer::percussionKey(const PartReading& reading, pugi::xml_node instrument, const score::Pitch& pitch,
                                     bool unpitched, pugi::xml_node notehead) const {
    const auto& instruments = reading.entry->instruments;
    int midiUnpitched = 0;
    if (instrument) {
        const std::string_view id = instrument.attribute("id").value();
        for (const InstrumentInfo& info : instruments) {
            if (info.id == id) midiUnpitched = info.unpitched;
        }
    } else if (instruments.size() == 1) {
        midiUnpitched = instruments.front().unpitched;
    }
    // MusicXML counts MIDI keys from 1. Without one, an unpitched note is the drum that drum
    // notation draws there with that head (a plain head when none is given); a pitched note's
    // position stands for its key.
    if (midiUnpitched > 0) return static_cast<std::uint8_t>(std::clamp(midiUnpitched - 1, 1, 127));
    if (unpitched) {
        const auto head = notehead ? percussionNoteheadFromMusicXml(textOf(notehead)) : PercussionNotehead::Normal;
        if (const auto drawn = percussionKeyAt(pitch, head)) return *drawn;
    }
    return static_cast<std::uint8_t>(std::clamp(pitch.midiNumber(), 1, 127));
}

void Importer::readNote(PartReading& reading, pugi::xml_node note) {
    bool chord = false;
    bool rest = false;
    bool measureRest = false;
    bool unpitched = false;
    bool tieStart = false;
    bool tieStop = false;
    int dots = 0;
    std::int64_t actualNotes = 1;
    std::int64_t normalNotes = 1;
    pugi::xml_node pitchNode;
    pugi::xml_node durationNode;
    pugi::xml_node voiceNode;
    pugi::xml_node staffNode;
    pugi::xml_node instrumentNode;
    pugi::xml_node noteheadNode;
    pugi::xml_node graceNode;
    pugi::xml_node typeNode;
    pugi::xml_node stemNode;
    bool cue = false;
    bool hasFollowUps = false;  // notations, lyrics or beams to read once the note exists
    for (const pugi::xml_node child : note.children()) {
        const char* name = child.name();
        if (named(name, "pitch")) {
            pitchNode = child;
        } else if (named(name, "duration")) {
            durationNode = child;
        } else if (named(name, "voice")) {
            voiceNode = child;
        } else if (named(name, "type")) {
            typeNode = child;
        } else if (named(name, "staff")) {
            staffNode = child;
        } else if (named(name, "stem")) {
            stemNode = child;
        } else if (named(name, "notations") || named(name, "lyric") || named(name, "beam")) {
            hasFollowUps = true;
        } else if (named(name, "chord")) {
            chord = true;
        } else if (named(name, "rest")) {
            rest = true;
            measureRest = std::string_view{child.attribute("measure").value()} == "yes";
        } else if (named(name, "dot")) {
            ++dots;
        } else if (named(name, "tie")) {
            const std::string_view type = child.attribute("type").value();
            tieStart = tieStart || type == "start";
            tieStop = tieStop || type == "stop";
        } else if (named(name, "unpitched")) {
            pitchNode = child;
            unpitched = true;
        } else if (named(name, "instrument")) {
            instrumentNode = child;
        } else if (named(name, "notehead")) {
            noteheadNode = child;
        } else if (named(name, "grace")) {
            graceNode = child;
        } else if (named(name, "cue")) {
            cue = true;
        } else if (named(name, "time-modification")) {
            const auto actual = parseInteger(child.child("actual-notes").child_value());
            const auto normal = parseInteger(child.child("normal-notes").child_value());
            if (actual && normal && *actual > 0 && *normal > 0 && *actual <= kMaxTupletNumber &&
                *normal <= kMaxTupletNumber) {
                actualNotes = *actual;
                normalNotes = *normal;
            } else {
                warn(child, "<time-modification> needs positive <actual-notes> and <normal-notes>; ignored");
            }
        }
    }

    Rational duration{};
    if (!graceNode) {
        if (durationNode) {
            duration = readDuration(reading, durationNode, note);
        } else if (measureRest) {
            duration = score::timeSignatureAt(score_.timeline, reading.measure).measureLength();
        } else if (const auto typed = noteTypeValue(textOf(typeNode), dots)) {
            warn(note, "a note without <duration>; its <type> gives the length");
            duration = *typed * Rational{normalNotes, actualNotes};
        } else {
            fail(note, ErrorCode::ParseError, "a <note> has neither <duration> nor <type>");
        }
    }

    std::optional<score::Note> sounding;
    if (!rest) {
        score::Note n{};
        if (pitchNode) {
            n.pitch = readPitch(pitchNode, unpitched);
        } else {
            warn(note, "a note with neither <pitch>, <unpitched> nor <rest>; read as a rest");
        }
        if (pitchNode) {
            if (unpitched || reading.part->instrument.percussion)
                n.percussionKey = percussionKey(reading, instrumentNode, n.pitch, unpitched, noteheadNode);
            n.tieStart = tieStart;
            n.tieStop = tieStop;
            sounding = n;
        }
    }

    std::size_t eventIndex = 0;
    const bool joinsChord = chord && reading.chordHost.has_value();
    if (chord && !joinsChord) warn(note, "a <chord/> note with no note before it; read as a new event");
    if (joinsChord) {
        eventIndex = *reading.chordHost;
    } else {
        score::Event event{};
        event.id = score_.newId();
        event.measure = reading.measure;
        event.offset = reading.cursor;
        event.duration = duration;
        event.voice = readVoice(voiceNode);
        event.staff = readStaff(reading, staffNode);
        event.cue = cue;
        event.measureRest = measureRest;
        event.invisible = std::string_view{note.attribute("print-object").value()} == "no";
        if (graceNode) {
            score::Grace grace{};
            grace.slash = std::string_view{graceNode.attribute("slash").value()} == "yes";
            if (const auto value = noteTypeValue(textOf(typeNode), dots)) grace.value = *value;
            event.grace = grace;
        } else {
            applyTuplets(reading, note, event, actualNotes, normalNotes);
        }
        if (stemNode) {
            const std::string_view direction = textOf(stemNode);
            const auto stem = direction == "up"     ? score::Stem::Direction::Up
                              : direction == "down" ? score::Stem::Direction::Down
                                                    : score::Stem::Direction::None;
            score_.layers.notation.stems.push_back(score::Stem{event.id, stem});
        }
        reading.events.push_back(std::move(event));
        eventIndex = reading.events.size() - 1;
        reading.chordHost = eventIndex;
        if (!graceNode) advanceCursor(reading, duration, note);
    }

    score::Event& event = reading.events[eventIndex];
    std::optional<std::size_t> noteIndex;
    if (sounding) {
        sounding->id = score_.newId();
        event.notes.push_back(*sounding);
        noteIndex = event.notes.size() - 1;
    }
    if (!hasFollowUps) return;
    NoteMarks marks{};
    for (const pugi::xml_node child : note.children()) {
        const char* name = child.name();
        if (named(name, "notations")) {
            readNotations(reading, child, eventIndex, noteIndex, marks);
        } else if (named(name, "lyric")) {
            readLyric(reading, child, event.id);
        } else if (named(name, "beam") && !joinsChord) {
            readBeam(reading, child, event);
        }
    }
    if (noteIndex) finishTabNote(reading, note, event.notes[*noteIndex], marks);
}

void Importer::readBackup(PartReading& reading, pugi::xml_node backup) {
    reading.chordHost.reset();
    reading.cursor = checked(reading.cursor - readDuration(reading, backup.child("duration"), backup), backup);
    if (reading.cursor.isNegative()) {
        warn(backup, "<backup> goes back before the measure's start; stopped at its start");
        reading.cursor = Rational{};
    }
}

void Importer::readForward(PartReading& reading, pugi::xml_node forward) {
    reading.chordHost.reset();
    const Rational duration = readDuration(reading, forward.child("duration"), forward);
    // A forward skips time in a voice: an invisible rest, so the voice keeps its timing.
    score::Event event{};
    event.id = score_.newId();
    event.measure = reading.measure;
    event.offset = reading.cursor;
    event.duration = duration;
    event.voice = readVoice(forward.child("voice"));
    event.staff = readStaff(reading, forward.child("staff"));
    event.invisible = true;
    reading.events.push_back(std::move(event));
    advanceCursor(reading, duration, forward);
}

void Importer::readAttributes(PartReading& reading, pugi::xml_node attributes) {
    score::Part& part = *reading.part;
    score::Measure& measure = score_.timeline.measures[reading.measure];
    // The transposition comes after the key in document order but decides the concert key.
    if (const pugi::xml_node transpose = attributes.child("transpose")) {
        score::Transposition transposition{};
        transposition.diatonic = static_cast<std::int8_t>(
            std::clamp<std::int64_t>(parseInteger(transpose.child_value("diatonic")).value_or(0), -49, 49));
        transposition.chromatic = static_cast<std::int8_t>(
            std::clamp<std::int64_t>(parseInteger(transpose.child_value("chromatic")).value_or(0), -84, 84));
        transposition.octaveChange = static_cast<std::int8_t>(
            std::clamp<std::int64_t>(parseInteger(transpose.child_value("octave-change")).value_or(0), -7, 7));
        if (!reading.transposed) {
            part.transposition = transposition;
            reading.transposed = true;
        } else if (transposition != part.transposition) {
            warn(transpose, joined({"the transposition changes within part ", part.id, "; the first one is kept"}));
        }
    }

    for (const pugi::xml_node child : attributes.children()) {
        if (is(child, "divisions")) {
            const auto divisions = parseDecimal(child.child_value());
            if (!divisions || *divisions <= Rational{} || *divisions > Rational{kMaxDivisions}) {
                fail(child, ErrorCode::ParseError,
                     joined({"<divisions> must be a positive number up to 2^30, not \"", textOf(child), "\""}));
            }
            reading.wholePerDivision = checked(Rational{1, 4} / *divisions, child);
        } else if (is(child, "key")) {
            if (part.instrument.percussion) continue;  // a drum part's key says nothing of the music's
            score::KeySignature key{};
            if (const pugi::xml_node fifths = child.child("fifths")) {
                const auto value = parseInteger(fifths.child_value());
                if (!value || *value < -11 || *value > 11) {
                    warn(fifths, joined({"<fifths> \"", textOf(fifths), "\" is not a key; ignored"}));
                    continue;
                }
                int concert =
                    static_cast<int>(*value) + (part.transposition.isNone() ? 0 : fifthsShift(part.transposition));
                // Respell keys past seven accidentals enharmonically (C# major for an E-flat horn …).
                while (concert > 7) concert -= 12;
                while (concert < -7) concert += 12;
                key.fifths = static_cast<std::int8_t>(concert);
                if (const pugi::xml_node mode = child.child("mode"))
                    key.mode = theory::modeFromName(textOf(mode)).value_or(score::Mode::Major);
            } else {
                // A non-traditional key: explicit steps and alterations.
                for (const pugi::xml_node step : child.children("key-step")) {
                    const std::string_view letter = textOf(step);
                    const auto alter = parseDecimal(step.next_sibling("key-alter").child_value());
                    if (letter.size() != 1 || !alter) continue;
                    const auto semitones = std::clamp<std::int64_t>(alter->round().value_or(0), -2, 2);
                    if (const auto value = score::stepFromLetter(letter.front())) {
                        key.accidentals.push_back(score::KeyAccidental{*value, static_cast<std::int8_t>(semitones)});
                    }
                }
                key.mode = score::Mode::None;
            }
            // Where parts disagree, finishTimeline keeps the first part's key.
            measure.keys.push_back(score::KeyChange{reading.cursor, std::move(key)});
        } else if (is(child, "time")) {
            // UMF changes meter only at barlines: a <time> inside a measure takes effect at the next.
            const bool inside = reading.cursor > Rational{};
            if ((!inside && measure.time) || child.child("senza-misura")) continue;
            Rational length{};
            std::int64_t denominator = 0;
            bool valid = true;
            for (const pugi::xml_node beats : child.children("beats")) {
                std::int64_t sum = 0;
                std::string_view text = textOf(beats);
                // "3+2" meters add their groups.
                while (valid && !text.empty()) {
                    const auto plus = text.find('+');
                    const auto group = parseInteger(text.substr(0, plus));
                    valid = group && *group > 0 && *group <= 1000;
                    sum += valid ? *group : 0;
                    text = plus == std::string_view::npos ? std::string_view{} : text.substr(plus + 1);
                }
                const auto beatType = parseInteger(beats.next_sibling("beat-type").child_value());
                valid = valid && sum > 0 && beatType && *beatType > 0 && *beatType <= 1024;
                if (!valid) break;
                length += Rational{sum, *beatType};
                denominator = std::max(denominator, *beatType);
            }
            if (!valid || denominator == 0) {
                warn(child, "a <time> without usable <beats> and <beat-type>; ignored");
                continue;
            }
            // A composite meter (3/8 + 2/4) is written over its smallest beat: 7/8. The sum of at
            // most a few thousand beats over a beat type up to 1024 fits the 16-bit fields.
            const Rational over = length * Rational{denominator};
            score::TimeSignature time{};
            time.numerator = static_cast<std::uint16_t>(over.isInteger() ? over.num() : length.num());
            time.denominator = static_cast<std::uint16_t>(over.isInteger() ? denominator : length.den());
            const std::string_view symbol = child.attribute("symbol").value();
            if (symbol == "common") time.symbol = score::TimeSignature::Symbol::Common;
            if (symbol == "cut") time.symbol = score::TimeSignature::Symbol::Cut;
            if (inside) {
                warn(child, "a <time> inside a measure takes effect at the next barline");
                reading.nextTime = time;
            } else {
                measure.time = time;
            }
        } else if (is(child, "staves")) {
            const auto staves = parseInteger(child.child_value());
            if (staves && *staves >= 1 && *staves <= 255) {
                part.staves = std::max(part.staves, static_cast<std::uint8_t>(*staves));
            }
        } else if (is(child, "clef")) {
            score::Clef clef{};
            clef.partId = part.id;
            const auto number = parseInteger(child.attribute("number").value()).value_or(1);
            clef.staff = static_cast<std::uint8_t>(std::clamp<std::int64_t>(number, 1, 255));
            clef.at = here(reading, reading.cursor);
            clef.sign = clefSign(textOf(child.child("sign")));
            const auto line = parseInteger(child.child_value("line"));
            clef.line = line && *line >= 1 && *line <= 9 ? static_cast<std::int8_t>(*line) : defaultClefLine(clef.sign);
            clef.octaveChange = static_cast<std::int8_t>(
                std::clamp<std::int64_t>(parseInteger(child.child_value("clef-octave-change")).value_or(0), -4, 4));
            score_.layers.notation.clefs.push_back(std::move(clef));
        } else if (is(child, "staff-details")) {
            if (const auto capo = parseInteger(child.child_value("capo")); capo && *capo > 0 && *capo < 30) {
                part.capo = static_cast<std::uint8_t>(*capo);
            }
            if (!part.tuning.empty() || !child.child("staff-tuning")) continue;
            std::vector<std::pair<std::int64_t, score::Pitch>> strings;
            for (const pugi::xml_node tuning : child.children("staff-tuning")) {
                const auto line = parseInteger(tuning.attribute("line").value());
                if (!line || *line < 1 || *line > 32) continue;
                strings.emplace_back(*line, readTuning(tuning));
            }
            // Line 1 is the bottom line, the lowest string; UMF lists string 1, the highest, first.
            std::stable_sort(strings.begin(), strings.end(),
                             [](const auto& a, const auto& b) { return a.first > b.first; });
            for (const auto& [line, pitch] : strings) part.tuning.push_back(pitch);
        }
    }
}

}  // namespace mos::formats::musicxml
