// Drum notes are drawn where drum notation puts each drum, whichever format they come from: the
// Guitar Pro reader and the MIDI importer give them their places on a five-line drum staff, and
// written as MusicXML they keep those places (display-step/display-octave), their heads and their
// keys (midi-unpitched), so they read back the same. Without the keys, the places and heads alone
// still name the drum-set drums.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "formats/MusicXmlSchema.hpp"
#include "mos/formats/GuitarProReader.hpp"
#include "mos/formats/MidiScore.hpp"
#include "mos/formats/MusicXmlReader.hpp"
#include "mos/formats/MusicXmlWriter.hpp"

namespace mos::formats {
namespace {

namespace fs = std::filesystem;

const fs::path kGuitarPro = fs::path{MOS_SHARED_DIR} / "corpora" / "guitarpro";

// A drum note: where it is, its key and where it is drawn.
using DrumNote = std::tuple<std::uint32_t, core::Rational, int, std::string>;

std::vector<DrumNote> drumNotes(const score::Part& part) {
    std::vector<DrumNote> notes;
    for (const auto& event : part.events) {
        for (const auto& note : event.notes) {
            notes.emplace_back(event.measure, event.offset, note.percussionKey, note.pitch.toString());
        }
    }
    std::sort(notes.begin(), notes.end());
    return notes;
}

score::Score readBack(const std::string& musicXml) {
    auto imported = readMusicXml(musicXml, "drums.musicxml");
    EXPECT_TRUE(imported.ok()) << imported.error().describe();
    return imported.ok() ? std::move(imported->scores.at(0)) : score::Score{};
}

// Channel 10 of a format 0 file plays every GM percussion key 27…87, one a quarter note.
StandardMidiFile everyDrumKey() {
    StandardMidiFile file;
    file.division.ticksPerQuarter = 96;
    auto& events = file.tracks.emplace_back().events;
    for (int key = 27; key <= 87; ++key) {
        const std::int64_t tick = std::int64_t{key - 27} * 96;
        events.push_back({tick, 0, 0, 0, SmfEventKind::Channel, 0x99, static_cast<std::uint8_t>(key), 100});
        events.push_back({tick + 96, 0, 0, 0, SmfEventKind::Channel, 0x89, static_cast<std::uint8_t>(key), 0});
    }
    return file;
}

TEST(PercussionStaffTest, EveryGmDrumKeyIsDrawnOnTheStaffAndKeepsItsPlaceAndKeyThroughMusicXml) {
    const score::Score fromMidi = midiToScore(everyDrumKey());
    ASSERT_EQ(fromMidi.parts.size(), 1U);
    const score::Part& drums = fromMidi.parts[0];
    ASSERT_TRUE(drums.instrument.percussion);
    const auto notes = drumNotes(drums);
    ASSERT_EQ(notes.size(), 61U);
    std::map<int, std::string> drawn;
    for (const auto& [measure, offset, key, place] : notes) {
        drawn[key] = place;
        // From the space below the staff (pedal hi-hat) to just above the second ledger line.
        const auto pitch = score::Pitch::parse(place);
        ASSERT_TRUE(pitch) << place;
        EXPECT_EQ(pitch->alter, 0) << key;
        EXPECT_GE(pitch->midiNumber(), 62) << key << " " << place;
        EXPECT_LE(pitch->midiNumber(), 86) << key << " " << place;
    }
    const std::map<int, std::string> drumSet{{35, "E4"}, {36, "F4"}, {37, "C5"}, {38, "C5"}, {41, "G4"}, {42, "G5"},
                                             {43, "A4"}, {44, "D4"}, {45, "B4"}, {46, "G5"}, {48, "D5"}, {49, "A5"},
                                             {50, "E5"}, {51, "F5"}, {53, "F5"}, {57, "B5"}};
    for (const auto& [key, place] : drumSet) EXPECT_EQ(drawn[key], place) << "key " << key;

    const std::string written = writeMusicXml(fromMidi);
    const auto check = test::validateAgainstMusicXmlSchema(written);
    EXPECT_TRUE(check.valid) << check.messages;
    EXPECT_EQ(drumNotes(readBack(written).parts.at(0)), notes);

    // Without <instrument> and <midi-unpitched>, every drum-set key but the two drawn exactly like
    // another (electric snare like the acoustic one, low-mid tom like hi-mid) is named by its place
    // and head alone; every other note keeps its place.
    const std::string anonymous =
        std::regex_replace(std::regex_replace(written, std::regex{R"(<instrument id="[^"]*"/>)"}, ""),
                           std::regex{"<midi-unpitched>[0-9]+</midi-unpitched>"}, "");
    ASSERT_EQ(anonymous.find("midi-unpitched"), std::string::npos);
    const auto guessed = drumNotes(readBack(anonymous).parts.at(0));
    ASSERT_EQ(guessed.size(), notes.size());
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const int key = std::get<2>(notes[i]);
        EXPECT_EQ(std::get<3>(guessed[i]), std::get<3>(notes[i])) << "key " << key;
        if (key >= 35 && key <= 59 && key != 40 && key != 47) {
            EXPECT_EQ(std::get<2>(guessed[i]), key);
        }
    }
}

class GuitarProDrumsTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::is_directory(kGuitarPro)) GTEST_SKIP() << "no Guitar Pro corpus at " << kGuitarPro;
    }

    static score::Score import(const std::string& name) {
        std::ifstream in{kGuitarPro / name, std::ios::binary};
        const std::vector<char> bytes{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
        auto imported = readGuitarPro(std::as_bytes(std::span{bytes}), name);
        EXPECT_TRUE(imported.ok()) << imported.error().describe();
        return imported.ok() ? std::move(imported->scores.at(0)) : score::Score{};
    }
};

TEST_F(GuitarProDrumsTest, DrumTracksOfTheCorpusAreDrawnOnTheDrumStaffAndKeepItThroughMusicXml) {
    // The drums of the two songs with a drum track, as many as alphaTab counts of each key.
    const std::map<std::string, std::map<std::pair<int, std::string>, int>> expected{
        {"001_Funky_Guy.gp5", {{{35, "E4"}, 6}, {{38, "C5"}, 2}, {{42, "G5"}, 16}}},
        {"Demo v5.gp5",
         {{{35, "E4"}, 111},
          {{38, "C5"}, 147},
          {{41, "G4"}, 2},
          {{42, "G5"}, 304},
          {{43, "A4"}, 2},
          {{46, "G5"}, 27},
          {{49, "A5"}, 45}}}};
    for (const auto& [name, drums] : expected) {
        SCOPED_TRACE(name);
        const score::Score song = import(name);
        const auto drumPart = std::find_if(song.parts.begin(), song.parts.end(),
                                           [](const score::Part& part) { return part.instrument.percussion; });
        ASSERT_NE(drumPart, song.parts.end());
        std::map<std::pair<int, std::string>, int> counted;
        for (const auto& [measure, offset, key, place] : drumNotes(*drumPart)) ++counted[{key, place}];
        EXPECT_EQ(counted, drums);

        const std::string written = writeMusicXml(song);
        const auto check = test::validateAgainstMusicXmlSchema(written);
        EXPECT_TRUE(check.valid) << check.messages;
        const score::Score back = readBack(written);
        const auto index = static_cast<std::size_t>(drumPart - song.parts.begin());
        ASSERT_EQ(back.parts.size(), song.parts.size());
        EXPECT_EQ(drumNotes(back.parts[index]), drumNotes(*drumPart));
    }
}

}  // namespace
}  // namespace mos::formats
