// Every MIDI file of the shared corpora (ASAP: score MIDIs exported by notation software and
// recorded human performances) imports to a well-formed score with every note of the file, survives
// UMF → MIDI → UMF with every note's pitch, onset and duration, and for the score MIDIs the quantised
// notation agrees with the exact timing.

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "formats/ScoreNotes.hpp"
#include "mos/formats/MidiScore.hpp"

namespace mos::formats {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpora = fs::path{MOS_SHARED_DIR} / "corpora";

std::vector<fs::path> midiFiles() {
    std::vector<fs::path> files;
    if (!fs::exists(kCorpora)) return files;
    for (const auto& entry : fs::recursive_directory_iterator{kCorpora}) {
        const auto extension = entry.path().extension();
        if (entry.is_regular_file() && (extension == ".mid" || extension == ".midi")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::byte> bytesOf(const fs::path& path) {
    std::ifstream in{path, std::ios::binary};
    const std::vector<char> chars{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    std::vector<std::byte> bytes(chars.size());
    std::memcpy(bytes.data(), chars.data(), chars.size());
    return bytes;
}

score::Score import(const fs::path& path) {
    auto imported = readMidi(bytesOf(path), path.string());
    EXPECT_TRUE(imported.ok()) << imported.error().describe();
    if (!imported) return {};
    EXPECT_EQ(imported->scores.size(), 1U);
    for (const auto& w : imported->warnings) ADD_FAILURE() << w.describe();
    return std::move(imported->scores.front());
}

// Note ons per track and channel, counted by the raw reader: the parts' independent reference.
std::vector<std::size_t> rawNoteOnsPerPart(const fs::path& path) {
    const auto midi = readStandardMidiFile(path);
    EXPECT_TRUE(midi.ok());
    std::vector<std::size_t> counts;
    for (const auto& track : midi->tracks) {
        std::map<int, std::size_t> perChannel;
        for (const auto& e : track.events) {
            if (e.kind == SmfEventKind::Channel && e.command() == 0x90 && e.data2 > 0) ++perChannel[e.channel0to15()];
        }
        for (const auto& [channel, count] : perChannel) counts.push_back(count);
    }
    return counts;
}

TEST(MidiScoreCorpusTest, EveryMidiFileImportsWithEveryNote) {
    const auto files = midiFiles();
    if (files.empty()) GTEST_SKIP() << "no corpora at " << kCorpora;
    std::size_t notes = 0;
    for (const auto& path : files) {
        SCOPED_TRACE(path.string());
        const auto score = import(path);
        expectWellFormed(score);
        const auto expected = rawNoteOnsPerPart(path);
        ASSERT_EQ(score.parts.size(), expected.size());
        for (std::size_t p = 0; p < expected.size(); ++p) {
            EXPECT_EQ(performedNotes(score.parts[p]).size(), expected[p]) << "part " << p;
            EXPECT_EQ(notatedNotes(score, score.parts[p]).size(), expected[p]) << "part " << p;
            notes += expected[p];
        }
    }
    std::cout << "[ corpus   ] " << files.size() << " MIDI files, " << notes << " notes imported\n";
    RecordProperty("midi_files", static_cast<int>(files.size()));
}

TEST(MidiScoreCorpusTest, UmfToMidiToUmfKeepsEveryNote) {
    const auto files = midiFiles();
    if (files.empty()) GTEST_SKIP() << "no corpora at " << kCorpora;
    for (const auto& path : files) {
        SCOPED_TRACE(path.string());
        const auto first = import(path);
        const auto written = writeMidi(first);
        ASSERT_TRUE(written.ok()) << written.error().describe();
        auto again = readMidi(*written, path.string() + " (written)");
        ASSERT_TRUE(again.ok()) << again.error().describe();
        EXPECT_TRUE(again->warnings.empty());
        const auto& second = again->scores.front();
        ASSERT_EQ(second.parts.size(), first.parts.size());
        for (std::size_t p = 0; p < first.parts.size(); ++p) {
            EXPECT_EQ(performedNotes(second.parts[p]), performedNotes(first.parts[p])) << "part " << p;
        }
        EXPECT_EQ(second.timeline.measures.size(), first.timeline.measures.size());
    }
}

// The score MIDIs were exported by notation software: their onsets lie on the notated grid, and
// their notes are released a little early (a tick, or up to 3% of the value). The quantised
// notation must give the written values back. What remains are ornaments the exporter played out
// as notes of no length or a tick before the beat.
TEST(MidiScoreCorpusTest, ScoreMidiNotationMatchesItsTiming) {
    std::size_t notes = 0;
    std::size_t onsets = 0;
    std::size_t durations = 0;
    std::size_t both = 0;
    std::size_t files = 0;
    for (const auto& path : midiFiles()) {
        if (path.filename() != "midi_score.mid") continue;
        SCOPED_TRACE(path.string());
        ++files;
        const auto score = import(path);
        const auto raw = readStandardMidiFile(path);
        ASSERT_TRUE(raw.ok());
        const core::Rational tick{1, 4 * raw->division.ticksPerQuarter};
        for (const auto& part : score.parts) {
            for (const auto& [notated, performed] : notatedAndPerformed(score, part)) {
                ++notes;
                const bool onset = notated.onset == performed.onset;
                const core::Rational gap = notated.duration - performed.duration;
                const core::Rational release = std::max(tick, notated.duration * core::Rational{3, 100});
                const bool duration = gap >= core::Rational{-1} * tick && gap <= release;
                onsets += onset ? 1 : 0;
                durations += duration ? 1 : 0;
                both += onset && duration ? 1 : 0;
            }
        }
    }
    if (files == 0) GTEST_SKIP() << "no score MIDIs in " << kCorpora;
    const auto share = [&](std::size_t n) { return static_cast<double>(n) / static_cast<double>(notes); };
    std::cout << "[ exact    ] " << files << " score MIDIs, " << notes << " notes: onset exact " << share(onsets) * 100
              << "%, duration as exported (a tick or 3% short) " << share(durations) * 100 << "%, both "
              << share(both) * 100 << "%\n";
    RecordProperty("onset_exact_percent", static_cast<int>(share(onsets) * 100));
    RecordProperty("both_exact_percent", static_cast<int>(share(both) * 100));
    EXPECT_GE(share(onsets), 0.98);
    EXPECT_GE(share(both), 0.95);
}

}  // namespace
}  // namespace mos::formats
