// Every MusicXML file of the corpus goes MusicXML -> UMF -> MusicXML -> UMF. The MusicXML the writer
// produces is valid against the MusicXML 4.0 schema, and the second score keeps what the first one
// read: the notes of every part (measure, offset, duration, pitch, voice, staff), the measures, the
// chord symbols and the lyrics; and beyond those the rests, ties, tuplet ratios and articulations,
// repeats, endings, tempos and jumps, the parts' instruments, and the notation, tablature, dynamics
// and marker layers.

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "formats/MusicXmlCorpus.hpp"
#include "formats/MusicXmlSchema.hpp"
#include "mos/formats/MusicXmlReader.hpp"
#include "mos/formats/MusicXmlWriter.hpp"
#include "support/TempDirectory.hpp"

namespace mos::formats {
namespace {

using Lines = std::vector<std::string>;

std::string placeText(std::uint32_t measure, const core::Rational& offset) {
    return "m" + std::to_string(measure) + "@" + offset.toString();
}

std::string pitchNameText(const std::optional<score::PitchName>& name) {
    return name ? std::string(1, score::toLetter(name->step)) + std::to_string(name->alter) : "-";
}

std::string number(int value) { return std::to_string(value); }

// What must survive the round trip, each as lines so that a difference prints readably.
struct Essentials {
    Lines notes;
    Lines measures;
    Lines chords;
    Lines lyrics;
    Lines events;  // visible events: rests, ties, tuplet ratios, articulations, grace and cue notes
    Lines timeline;
    Lines parts;
    Lines layers;
};

void addEvents(Essentials& essentials, const score::Score& score, std::map<score::ElementId, std::string>& places) {
    for (const score::Part& part : score.parts) {
        for (const score::Event& event : part.events) {
            const std::string place = part.id + " " + placeText(event.measure, event.offset) + " v" +
                                      number(event.voice) + " s" + number(event.staff);
            places[event.id] = place;
            for (const score::Note& note : event.notes) {
                essentials.notes.push_back(place + " " + event.duration.toString() + " " + note.pitch.toString() +
                                           (note.percussionKey != 0 ? " key" + number(note.percussionKey) : "") +
                                           (event.grace ? " grace" : ""));
            }
            // A <forward> reads as an invisible rest, and the writer makes gaps <forward>s.
            if (event.isRest() && event.invisible) continue;
            std::string line = place + " " + event.duration.toString() + (event.isRest() ? " rest" : "") +
                               (event.invisible ? " invisible" : "") + (event.cue ? " cue" : "") +
                               (event.measureRest ? " measure-rest" : "");
            if (event.grace) line += (event.grace->slash ? " grace/" : " grace ") + event.grace->value.toString();
            // Ratios only: where a bracket starts and stops can move when the reader closes a
            // bracket at an invisible rest of the same voice that overlaps the tuplet.
            for (const score::Tuplet& tuplet : event.tuplets)
                line += " " + number(tuplet.actual) + ":" + number(tuplet.normal);
            std::vector<score::Articulation> articulations = event.articulations;
            std::sort(articulations.begin(), articulations.end());
            for (const score::Articulation a : articulations) line += " a" + number(static_cast<int>(a));
            for (const score::Note& note : event.notes) {
                line += std::string{note.tieStop ? " <tie" : ""} + (note.tieStart ? " tie>" : "") + " vel" +
                        number(note.velocity);
            }
            essentials.events.push_back(line);
        }
    }
}

void addTimeline(Essentials& essentials, const score::Timeline& timeline) {
    for (std::size_t m = 0; m < timeline.measures.size(); ++m) {
        const score::Measure& measure = timeline.measures[m];
        const score::TimeSignature time = score::timeSignatureAt(timeline, static_cast<std::uint32_t>(m));
        std::string line = number(static_cast<int>(m)) + " \"" + measure.number + "\" " + measure.duration.toString() +
                           " " + number(time.numerator) + "/" + number(time.denominator);
        for (const score::KeyChange& key : measure.keys)
            line += " key" + number(key.key.fifths) + "@" + key.offset.toString();
        essentials.measures.push_back(line);

        line = number(static_cast<int>(m)) + (measure.pickup ? " pickup" : "") + (measure.repeatStart ? " |:" : "") +
               " :|" + number(measure.repeatEnd) + " bar " + measure.barline;
        if (measure.time) line += " symbol" + number(static_cast<int>(measure.time->symbol));
        for (const score::KeyChange& key : measure.keys) {
            line += " mode" + number(static_cast<int>(key.key.mode)) + "/" +
                    number(static_cast<int>(key.key.accidentals.size()));
        }
        for (const score::TempoMark& tempo : measure.tempos) {
            line +=
                " tempo@" + tempo.offset.toString() + "=" + tempo.quarterBpm().toString() + " \"" + tempo.text + "\"";
        }
        for (const score::Navigation& jump : measure.navigation) {
            line +=
                " jump" + number(static_cast<int>(jump.kind)) + "@" + jump.offset.toString() + " \"" + jump.text + "\"";
        }
        essentials.timeline.push_back(line);
    }
    for (const score::Ending& ending : timeline.endings) {
        std::string line = "ending " + number(static_cast<int>(ending.firstMeasure)) + "-" +
                           number(static_cast<int>(ending.lastMeasure)) + " \"" + ending.text + "\"" +
                           (ending.open ? " open" : "");
        for (const std::uint8_t pass : ending.numbers) line += " " + number(pass);
        essentials.timeline.push_back(line);
    }
}

void addParts(Essentials& essentials, const score::Score& score) {
    for (const score::Part& part : score.parts) {
        const score::Instrument& instrument = part.instrument;
        essentials.parts.push_back(
            part.id + " \"" + part.name + "\" \"" + part.abbreviation + "\" \"" + instrument.name + "\" program" +
            number(instrument.gmProgram) + (instrument.percussion ? " percussion" : "") + " channel" +
            number(instrument.midiChannel.value_or(0)) + " transposition" + number(part.transposition.diatonic) + "," +
            number(part.transposition.chromatic) + "," + number(part.transposition.octaveChange) + " capo" +
            number(part.capo) + " staves" + number(part.staves) + " strings" +
            number(static_cast<int>(part.tuning.size())));
        for (const score::DynamicMark& dynamic : part.dynamics) {
            essentials.layers.push_back("dynamic " + part.id + " " + placeText(dynamic.at.measure, dynamic.at.offset) +
                                        " " + dynamic.mark + " staff" + number(dynamic.staff));
        }
    }
}

void addLayers(Essentials& essentials, const score::Score& score,
               const std::map<score::ElementId, std::string>& places) {
    const score::Layers& layers = score.layers;
    for (const score::ChordSymbol& chord : layers.chords) {
        essentials.chords.push_back(chord.partId + " " + placeText(chord.at.measure, chord.at.offset) + " \"" +
                                    chord.text + "\" " + pitchNameText(chord.root) + " " + chord.kind + " " +
                                    pitchNameText(chord.bass) + (chord.noChord ? " N.C." : ""));
    }
    for (const score::LyricSyllable& syllable : layers.lyrics) {
        const auto place = places.find(syllable.event);
        essentials.lyrics.push_back((place != places.end() ? place->second : "?") + " verse" + number(syllable.verse) +
                                    " \"" + syllable.text + "\" " + number(static_cast<int>(syllable.syllabic)) +
                                    (syllable.extend ? " extend" : ""));
    }
    const score::NotationLayer& notation = layers.notation;
    for (const score::Clef& clef : notation.clefs) {
        essentials.layers.push_back("clef " + clef.partId + " staff" + number(clef.staff) + " " +
                                    placeText(clef.at.measure, clef.at.offset) + " " +
                                    number(static_cast<int>(clef.sign)) + " line" + number(clef.line) + " octave" +
                                    number(clef.octaveChange));
    }
    for (const score::Hairpin& wedge : notation.hairpins) {
        essentials.layers.push_back("wedge " + wedge.partId + " " + placeText(wedge.from.measure, wedge.from.offset) +
                                    " " + placeText(wedge.to.measure, wedge.to.offset) +
                                    (wedge.crescendo ? " <" : " >"));
    }
    for (const score::TextMark& text : notation.texts) {
        essentials.layers.push_back("text " + text.partId + " " + placeText(text.at.measure, text.at.offset) + " " +
                                    text.text);
    }
    for (const score::Marker& marker : layers.markers) {
        essentials.layers.push_back("marker " + placeText(marker.at.measure, marker.at.offset) + " " +
                                    number(static_cast<int>(marker.kind)) + " " + marker.label);
    }
    for (const score::TabNote& tab : layers.tablature) {
        essentials.layers.push_back(
            "tab " + number(tab.string) + "/" + number(tab.fret) + " slide" + number(static_cast<int>(tab.slide)) +
            " harmonic" + number(static_cast<int>(tab.harmonic)) + " bend" + number(static_cast<int>(tab.bend.size())) +
            " " + number(tab.hammerOn) + number(tab.pullOff) + number(tab.vibrato) + number(tab.palmMute) +
            number(tab.deadNote) + number(tab.ghost) + number(tab.letRing) + number(tab.tapping));
    }
    for (const score::Fingering& finger : layers.fingering) essentials.layers.push_back("finger " + finger.finger);
    essentials.layers.push_back("slurs " + number(static_cast<int>(notation.slurs.size())) + " beams " +
                                number(static_cast<int>(notation.beams.size())) + " stems " +
                                number(static_cast<int>(notation.stems.size())) + " diagrams " +
                                number(static_cast<int>(layers.diagrams.size())));
    const score::Metadata& metadata = score.metadata;
    essentials.layers.push_back("metadata \"" + metadata.title + "\" \"" + metadata.subtitle + "\" \"" +
                                metadata.composer + "\" \"" + metadata.lyricist + "\" \"" + metadata.arranger +
                                "\" \"" + metadata.copyright + "\" \"" + metadata.source + "\"");
}

Essentials essentialsOf(const score::Score& score) {
    Essentials essentials;
    std::map<score::ElementId, std::string> places;
    addEvents(essentials, score, places);
    addTimeline(essentials, score.timeline);
    addParts(essentials, score);
    addLayers(essentials, score, places);
    for (Lines* lines :
         {&essentials.notes, &essentials.chords, &essentials.lyrics, &essentials.events, &essentials.layers}) {
        std::sort(lines->begin(), lines->end());  // multisets: their order in the model is no promise
    }
    return essentials;
}

// The first line where two lists differ, or empty when they are equal.
std::string firstDifference(const Lines& before, const Lines& after) {
    if (before == after) return {};
    const auto [left, right] = std::mismatch(before.begin(), before.end(), after.begin(), after.end());
    return "read " + (left != before.end() ? *left : std::string{"(end)"}) + ", after the round trip " +
           (right != after.end() ? *right : std::string{"(end)"}) + " (" + std::to_string(before.size()) + " vs " +
           std::to_string(after.size()) + " lines)";
}

TEST(MusicXmlRoundTripTest, EveryCorpusFileKeepsItsMusicThroughWritingAndReading) {
    const auto files = test::musicXmlCorpusFiles();
    if (files.empty()) GTEST_SKIP() << "no MusicXML corpus in " << test::kMusicXmlCorpus;
    const test::TempDirectory directory;
    std::vector<std::filesystem::path> written;
    std::size_t kept = 0;
    for (const auto& file : files) {
        const std::string name = file.filename().string();
        const auto first = readMusicXml(test::musicXmlCorpusBytes(file), name);
        ASSERT_TRUE(first.ok()) << name << ": the reader fails: " << first.error().describe();
        const std::string xml = writeMusicXml(first->scores.front());
        written.push_back(directory.path() / (std::to_string(written.size()) + "-" + name + ".musicxml"));
        std::ofstream{written.back(), std::ios::binary} << xml;
        const auto second = readMusicXml(xml, name + " (written)");
        ASSERT_TRUE(second.ok()) << name << ": the written MusicXML does not read back: " << second.error().describe();

        const Essentials before = essentialsOf(first->scores.front());
        const Essentials after = essentialsOf(second->scores.front());
        bool same = true;
        for (const auto& [what, lines] : {std::pair{"notes", &Essentials::notes},
                                          {"measures", &Essentials::measures},
                                          {"chord symbols", &Essentials::chords},
                                          {"lyrics", &Essentials::lyrics},
                                          {"events", &Essentials::events},
                                          {"timeline", &Essentials::timeline},
                                          {"parts", &Essentials::parts},
                                          {"layers", &Essentials::layers}}) {
            const std::string difference = firstDifference(before.*lines, after.*lines);
            if (difference.empty()) continue;
            ADD_FAILURE() << name << ": " << what << " differ: " << difference;
            same = false;
        }
        kept += same ? 1 : 0;
    }
    const auto failing = test::filesFailingMusicXmlSchema(written);
    for (const auto& [file, messages] : failing) ADD_FAILURE() << file << " is not valid MusicXML 4.0:\n" << messages;
    std::cout << "MusicXML round trip: " << files.size() << " corpus files, " << kept << " kept everything compared, "
              << written.size() - failing.size() << " of " << written.size() << " written files schema-valid\n";
    RecordProperty("corpus_files", static_cast<int>(files.size()));
    RecordProperty("round_trips_kept", static_cast<int>(kept));
    RecordProperty("schema_valid", static_cast<int>(written.size() - failing.size()));
}

}  // namespace
}  // namespace mos::formats
