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
// bar, whether it is a grace note, string (1 = highest), fret and sounding MIDI key (string and fret
// -1 for percussion, whose key is the drum's).
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
                const int key = pitched                      ? note.pitch.midiNumber()
                                : part.instrument.percussion ? note.percussionKey
                                                             : -1;
                rows.push_back({event.measure, event.voice - 1, tick, event.grace ? 1 : 0,
                                pitched ? tab->second->string : -1, pitched ? tab->second->fret : -1, key});
            }
        }
        std::sort(rows.begin(), rows.end());
    }
    return parts;
}

// A bar's repeat signs and endings as both readers can say them: 1 when it opens a repeat, the
// times its closing repeat plays the passage (0 for none), and its endings as a bitmask.
using BarRow = std::array<std::int64_t, 3>;

std::vector<BarRow> barRows(const score::Timeline& timeline) {
    std::vector<BarRow> bars;
    for (const auto& measure : timeline.measures) bars.push_back({measure.repeatStart ? 1 : 0, measure.repeatEnd, 0});
    for (const auto& ending : timeline.endings) {
        for (auto bar = ending.firstMeasure; bar <= ending.lastMeasure && bar < bars.size(); ++bar) {
            for (const std::uint8_t number : ending.numbers) bars[bar][2] |= std::int64_t{1} << (number - 1);
        }
    }
    return bars;
}

// What gp-note-counts.mjs prints for one file: the notes of each track and the repeats and
// endings of each bar, or an error.
struct AlphaTabNotes {
    std::string error;
    std::vector<std::vector<NoteRow>> tracks;
    std::vector<BarRow> bars;
};

// A JSON array of integers and arrays, as gp-note-counts.mjs prints them.
struct IntArray {
    std::int64_t value = 0;
    std::vector<IntArray> items;
};

// Parses the array whose '[' is at `at`, leaving `at` after its ']'.
IntArray parseIntArray(const std::string& text, std::size_t& at) {
    IntArray array;
    for (++at; at < text.size();) {
        const char c = text[at];
        if (c == '[') {
            array.items.push_back(parseIntArray(text, at));
        } else if (c == ']') {
            ++at;
            break;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            std::size_t used = 0;
            array.items.push_back({std::stoll(text.substr(at, 24), &used), {}});
            at += used;
        } else {
            ++at;
        }
    }
    return array;
}

// The rows of integers of an array of rows, each `Row` wide.
template <typename Row>
std::vector<Row> rowsOf(const IntArray& array) {
    std::vector<Row> rows;
    for (const IntArray& item : array.items) {
        if (item.items.size() != Row{}.size()) continue;
        Row& row = rows.emplace_back();
        for (std::size_t i = 0; i < row.size(); ++i) row[i] = item.items[i].value;
    }
    return rows;
}

// Reads one line of gp-note-counts.mjs output: {"tracks":[…],"notes":[[[…]…]…],"bars":[[…]…]}.
AlphaTabNotes parseAlphaTabLine(const std::string& line) {
    AlphaTabNotes result;
    const std::size_t notes = line.find("\"notes\":[");
    const std::size_t bars = line.find("\"bars\":[");
    if (line.find("\"error\"") != std::string::npos || notes == std::string::npos || bars == std::string::npos) {
        result.error = line;
        return result;
    }
    std::size_t at = notes + 8;
    for (const IntArray& track : parseIntArray(line, at).items) {
        auto& rows = result.tracks.emplace_back(rowsOf<NoteRow>(track));
        std::sort(rows.begin(), rows.end());
    }
    at = bars + 7;
    result.bars = rowsOf<BarRow>(parseIntArray(line, at));
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

TEST_F(GuitarProCorpusTest, RepeatsAndEndingsAgreeWithAlphaTab) {
    const auto files = guitarProFiles();
    const auto expected = alphaTabNotes(files);
    ASSERT_EQ(expected.size(), files.size())
        << "alphaTab did not run; install it with `npm --prefix tests/node ci` (needs node)";
    int compared = 0;
    int withRepeats = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (files[i].filename() == kClipboard) continue;  // alphaTab reads no clipboard files
        SCOPED_TRACE(files[i].filename().string());
        ASSERT_TRUE(expected[i].error.empty()) << expected[i].error;
        const auto imported = importFile(files[i]);
        ASSERT_TRUE(imported.ok()) << imported.error().describe();
        auto mine = barRows(imported->scores[0].timeline);
        ASSERT_EQ(mine.size(), expected[i].bars.size());
        if (files[i].filename() == "Repeat.gp4") {
            // |: bar 1 | bar 2 "3" :| bar 3 "4" :| bar 4 "8": GP4 stores each bar's highest ending,
            // so bar 4 has what bars 2 and 3 left: 5…8 (the song's GP5 file spreads them as 1-3 and
            // 5-7, 4, and 8). alphaTab stops looking back at bar 2's repeat sign and gives bar 4
            // endings 1-3 again, so that passes 1 to 3 would have two endings to play.
            ASSERT_EQ(mine.size(), 8U);
            EXPECT_EQ(mine[3][2], 0b1111'0000);
            EXPECT_EQ(expected[i].bars[3][2], 0b1111'0111);
            mine[3][2] = expected[i].bars[3][2];
        }
        EXPECT_EQ(mine, expected[i].bars);
        ++compared;
        const bool repeats = std::any_of(mine.begin(), mine.end(),
                                         [](const BarRow& bar) { return bar[0] != 0 || bar[1] != 0 || bar[2] != 0; });
        if (repeats) ++withRepeats;
    }
    EXPECT_EQ(compared, 31);
    EXPECT_EQ(withRepeats, 5);  // Demo v5, Measure Header (GP4 and GP5), Repeat (GP4 and GP5)
    RecordProperty("files_with_repeats_agreeing_with_alphatab", withRepeats);
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
