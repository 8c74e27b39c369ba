// Every Guitar Pro file of the shared corpus (PyGuitarPro's test files, written by Guitar Pro and by
// other tools, none by us) imports, agrees note for note with an independent reader (alphaTab, run
// through tests/node/gp-note-counts.mjs), and the songs stored in several format versions give the
// same notes in each.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "mos/formats/GuitarProReader.hpp"

namespace mos::formats {
namespace {

namespace fs = std::filesystem;
using core::Rational;

const fs::path kCorpus = fs::path{MOS_SHARED_DIR} / "corpora" / "guitarpro";
// The one file that is no song: bars Guitar Pro 5 copied to the clipboard.
constexpr const char* kClipboard = "2 whole bars.tmp";

std::vector<fs::path> guitarProFiles() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator{kCorpus}) {
        const auto extension = entry.path().extension();
        if (extension == ".gp3" || extension == ".gp4" || extension == ".gp5" || extension == ".tmp") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

core::Result<Imported> importFile(const fs::path& path) {
    std::ifstream in{path, std::ios::binary};
    const std::vector<char> bytes{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    return readGuitarPro(std::as_bytes(std::span{bytes}), path.filename().string());
}

// A note as both readers can say it: bar, voice (0-based), start in 960ths of a quarter within the
// bar, whether it is a grace note, string (1 = highest), fret and sounding MIDI key (-1 for
// percussion).
using NoteRow = std::array<std::int64_t, 7>;
constexpr std::int64_t kTicksPerWhole = 4 * std::int64_t{960};

std::vector<std::vector<NoteRow>> noteRows(const score::Score& score) {
    std::map<score::ElementId, const score::TabNote*> tabs;
    for (const auto& tab : score.layers.tablature) tabs[tab.note] = &tab;
    std::vector<std::vector<NoteRow>> parts;
    for (const auto& part : score.parts) {
        auto& rows = parts.emplace_back();
        for (const auto& event : part.events) {
            const auto tick = (event.offset * Rational{kTicksPerWhole}).floor().value_or(-1);
            for (const auto& note : event.notes) {
                const auto tab = tabs.find(note.id);
                const bool pitched = !part.instrument.percussion && tab != tabs.end();
                rows.push_back({event.measure, event.voice - 1, tick, event.grace ? 1 : 0,
                                pitched ? tab->second->string : -1, pitched ? tab->second->fret : -1,
                                pitched ? note.pitch.midiNumber() : -1});
            }
        }
        std::sort(rows.begin(), rows.end());
    }
    return parts;
}

// What gp-note-counts.mjs prints for one file: the notes of each track, or an error.
struct AlphaTabNotes {
    std::string error;
    std::vector<std::vector<NoteRow>> tracks;
};

// Reads the note arrays of one line of gp-note-counts.mjs output: {"tracks":[…],"notes":[[[…]…]…]}.
AlphaTabNotes parseAlphaTabLine(const std::string& line) {
    AlphaTabNotes result;
    if (const auto error = line.find("\"error\""); error != std::string::npos) {
        result.error = line;
        return result;
    }
    std::size_t at = line.find("\"notes\":");
    if (at == std::string::npos) {
        result.error = "unexpected output: " + line;
        return result;
    }
    int depth = 0;
    NoteRow row{};
    std::size_t field = 0;
    for (at += 8; at < line.size(); ++at) {
        const char c = line[at];
        if (c == '[') {
            ++depth;
            if (depth == 2) result.tracks.emplace_back();
            if (depth == 3) field = 0;
        } else if (c == ']') {
            if (depth == 3 && field == row.size()) result.tracks.back().push_back(row);
            if (--depth == 0) break;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            std::size_t used = 0;
            const long long value = std::stoll(line.substr(at), &used);
            if (depth == 3 && field < row.size()) row[field] = value;
            ++field;
            at += used - 1;
        }
    }
    for (auto& track : result.tracks) std::sort(track.begin(), track.end());
    return result;
}

// Runs alphaTab once over all files; one result per file, in order.
std::vector<AlphaTabNotes> alphaTabNotes(const std::vector<fs::path>& files) {
    std::string command = "node '" + std::string{MOS_SOURCE_DIR} + "/tests/node/gp-note-counts.mjs'";
    for (const auto& file : files) command += " '" + file.string() + "'";
    command += " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe{popen(command.c_str(), "r"), pclose};
    std::vector<AlphaTabNotes> results;
    if (!pipe) return results;
    std::string line;
    for (int c = std::fgetc(pipe.get()); c != EOF; c = std::fgetc(pipe.get())) {
        if (c != '\n') {
            line += static_cast<char>(c);
            continue;
        }
        results.push_back(parseAlphaTabLine(line));
        line.clear();
    }
    return results;
}

class GuitarProCorpusTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::is_directory(kCorpus)) GTEST_SKIP() << "no Guitar Pro corpus at " << kCorpus;
    }
};

TEST_F(GuitarProCorpusTest, EveryFileImports) {
    const auto files = guitarProFiles();
    ASSERT_EQ(files.size(), 32U);
    std::size_t notes = 0;
    for (const auto& path : files) {
        SCOPED_TRACE(path.filename().string());
        const auto imported = importFile(path);
        ASSERT_TRUE(imported.ok()) << imported.error().describe();
        ASSERT_EQ(imported->scores.size(), 1U);
        const auto& score = imported->scores[0];
        EXPECT_FALSE(score.parts.empty());
        EXPECT_FALSE(score.timeline.measures.empty());
        // Tie.gp5 ties a note in voice 2 to nothing before it; every other file reads cleanly.
        const std::size_t warnings = path.filename() == "Tie.gp5" ? 1 : 0;
        EXPECT_EQ(imported->warnings.size(), warnings)
            << (imported->warnings.empty() ? "" : imported->warnings[0].describe());
        std::set<score::ElementId> noteIds;
        for (const auto& part : score.parts) {
            for (const auto& event : part.events) {
                const auto& measure = score.timeline.measures.at(event.measure);
                EXPECT_LE(event.offset + event.duration, measure.duration) << "measure " << measure.number;
                for (const auto& note : event.notes) noteIds.insert(note.id);
                notes += event.notes.size();
            }
        }
        for (const auto& tab : score.layers.tablature) EXPECT_TRUE(noteIds.count(tab.note) == 1);
    }
    RecordProperty("guitarpro_files", static_cast<int>(files.size()));
    RecordProperty("notes", static_cast<int>(notes));
}

TEST_F(GuitarProCorpusTest, NotesAgreeWithAlphaTab) {
    const auto files = guitarProFiles();
    const auto expected = alphaTabNotes(files);
    ASSERT_EQ(expected.size(), files.size())
        << "alphaTab did not run; install it with `npm --prefix tests/node ci` (needs node)";
    int compared = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        SCOPED_TRACE(files[i].filename().string());
        const auto imported = importFile(files[i]);
        ASSERT_TRUE(imported.ok()) << imported.error().describe();
        const auto mine = noteRows(imported->scores[0]);
        if (files[i].filename() == kClipboard) {
            // alphaTab reads no clipboard files: two bars of four quarter notes on the low E string.
            EXPECT_NE(expected[i].error.find("No compatible importer"), std::string::npos) << expected[i].error;
            ASSERT_EQ(mine.size(), 1U);
            EXPECT_EQ(mine[0].size(), 8U);
            EXPECT_EQ(imported->scores[0].timeline.measures.size(), 2U);
            continue;
        }
        ASSERT_TRUE(expected[i].error.empty()) << expected[i].error;
        ASSERT_EQ(mine.size(), expected[i].tracks.size());
        for (std::size_t t = 0; t < mine.size(); ++t) {
            EXPECT_EQ(mine[t].size(), expected[i].tracks[t].size()) << "notes in track " << t + 1;
            EXPECT_EQ(mine[t], expected[i].tracks[t]) << "track " << t + 1;
        }
        ++compared;
    }
    EXPECT_EQ(compared, 31);
    RecordProperty("files_agreeing_with_alphatab", compared);
}

// What must agree between versions of one song: each note's place, length, string, fret, pitch and
// ties, and its tablature techniques.
using VersionNote = std::tuple<std::uint32_t, Rational, Rational, int, bool, int, int, int, bool, bool>;

std::vector<VersionNote> versionNotes(const score::Score& score, std::uint32_t measures = UINT32_MAX) {
    std::map<score::ElementId, const score::TabNote*> tabs;
    for (const auto& tab : score.layers.tablature) tabs[tab.note] = &tab;
    std::vector<VersionNote> notes;
    for (const auto& event : score.parts.at(0).events) {
        if (event.measure >= measures) continue;
        for (const auto& note : event.notes) {
            const auto* tab = tabs.at(note.id);
            notes.emplace_back(event.measure, event.offset, event.duration, event.voice, event.grace.has_value(),
                               note.pitch.midiNumber(), tab->string, tab->fret, note.tieStart, note.tieStop);
        }
    }
    return notes;
}

std::vector<score::TabNote> techniques(const score::Score& score) {
    auto tabs = score.layers.tablature;
    for (auto& tab : tabs) tab.note = 0;  // ids differ between files
    return tabs;
}

score::Score importVersion(const std::string& name) {
    auto imported = importFile(kCorpus / name);
    EXPECT_TRUE(imported.ok()) << name;
    return imported.ok() ? std::move(imported->scores[0]) : score::Score{};
}

TEST_F(GuitarProCorpusTest, SongsInSeveralVersionsHaveTheSameNotes) {
    for (const std::string song : {"Chords", "Effects", "Harmonics", "Measure Header", "Repeat", "Slides", "Key"}) {
        SCOPED_TRACE(song);
        const bool hasGp3 = fs::exists(kCorpus / (song + ".gp3"));
        const auto gp4 = importVersion(song + ".gp4");
        const auto gp5 = importVersion(song + ".gp5");
        // Slides.gp5 has one bar more than Slides.gp4; Key.gp5 one bar less than Key.gp4.
        const auto common =
            static_cast<std::uint32_t>(std::min(gp4.timeline.measures.size(), gp5.timeline.measures.size()));
        EXPECT_EQ(versionNotes(gp4, common), versionNotes(gp5, common));
        if (song == "Effects") {
            // GP4 and GP5 hold the same effects, but GP5 wrote its grace note a sixteenth, not a 32nd.
            EXPECT_EQ(techniques(gp4), techniques(gp5));
        }
        if (song == "Slides") {
            const auto slides = techniques(gp5);
            EXPECT_EQ(techniques(gp4), std::vector<score::TabNote>(slides.begin(), slides.begin() + 8));
        }
        if (hasGp3 && song == "Chords") {
            const auto gp3 = importVersion(song + ".gp3");
            EXPECT_EQ(versionNotes(gp3), versionNotes(gp5));
            ASSERT_EQ(gp3.layers.diagrams.size(), gp5.layers.diagrams.size());
            for (std::size_t i = 0; i < gp3.layers.diagrams.size(); ++i) {
                auto withoutFingers = gp5.layers.diagrams[i];
                withoutFingers.fingers.clear();  // GP3 diagrams have none
                EXPECT_EQ(gp3.layers.diagrams[i], withoutFingers);
            }
            EXPECT_EQ(gp4.layers.diagrams, gp5.layers.diagrams);
            EXPECT_EQ(gp4.layers.chords, gp5.layers.chords);
        }
        if (hasGp3 && song == "Effects") {
            // GP3 wrote the fifth bar's first beat without its second note.
            auto gp3Notes = versionNotes(importVersion(song + ".gp3"));
            auto gp4Notes = versionNotes(gp4);
            const auto missing = std::find_if(gp4Notes.begin(), gp4Notes.end(), [](const VersionNote& n) {
                return std::get<0>(n) == 4 && std::get<6>(n) == 5;
            });
            ASSERT_NE(missing, gp4Notes.end());
            gp4Notes.erase(missing);
            EXPECT_EQ(gp3Notes, gp4Notes);
        }
    }
}

TEST_F(GuitarProCorpusTest, ReadsTheTimelineOfTheDemoSong) {
    const auto demo = importVersion("Demo v5.gp5");
    EXPECT_EQ(demo.metadata.title, "Demo for Guitar Pro 5");
    EXPECT_EQ(demo.parts.size(), 5U);
    EXPECT_TRUE(demo.parts[4].instrument.percussion);
    const auto& measures = demo.timeline.measures;
    EXPECT_TRUE(measures.at(0).repeatStart);
    EXPECT_EQ(measures.at(3).repeatEnd, 2);
    EXPECT_EQ(measures.at(5).keys.at(0).key.fifths, -2);
    EXPECT_EQ(measures.at(17).navigation.at(0).kind, score::NavigationKind::Segno);
    EXPECT_EQ(measures.at(36).navigation.at(0).kind, score::NavigationKind::DalSegnoAlCoda);
    EXPECT_EQ(measures.at(37).tempos.at(0).beatsPerMinute, Rational{120});
    std::vector<std::string> markers;
    for (const auto& marker : demo.layers.markers) markers.push_back(marker.label);
    EXPECT_EQ(markers, (std::vector<std::string>{"Intro", "Theme", "Solo", "Bridge", "Outro"}));
}

}  // namespace
}  // namespace mos::formats
