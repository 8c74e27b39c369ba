// Every MIDI file of the shared corpora (real scores and recorded human performances that no one
// here wrote) reads without error, and what it says agrees with an independent source: the ASAP
// annotations give each score's opening time signature and key.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "formats/SameEvents.hpp"
#include "mos/formats/StandardMidiFile.hpp"

namespace mos::formats {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpora = fs::path{MOS_SHARED_DIR} / "corpora";

std::vector<fs::path> midiFiles() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator{kCorpora}) {
        const auto extension = entry.path().extension();
        if (entry.is_regular_file() && (extension == ".mid" || extension == ".midi")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

TEST(MidiCorpusTest, EveryMidiFileReads) {
    const auto files = midiFiles();
    ASSERT_GE(files.size(), 100U) << "the corpora are expected in " << kCorpora;
    std::size_t events = 0;
    for (const auto& path : files) {
        const auto midi = readStandardMidiFile(path);
        ASSERT_TRUE(midi.ok()) << midi.error().describe();
        EXPECT_TRUE(midi->warnings.empty()) << path << ": " << midi->warnings.front().describe();
        EXPECT_GT(midi->division.ticksPerQuarter, 0) << path;
        std::size_t noteOns = 0;
        std::size_t noteOffs = 0;
        for (const auto& track : midi->tracks) {
            events += track.events.size();
            for (const auto& e : track.events) {
                if (e.kind != SmfEventKind::Channel) continue;
                if (e.command() == 0x90 && e.data2 > 0) ++noteOns;
                if (e.command() == 0x80 || (e.command() == 0x90 && e.data2 == 0)) ++noteOffs;
            }
        }
        EXPECT_GT(noteOns, 0U) << path;
        EXPECT_EQ(noteOns, noteOffs) << path << ": every note that starts also ends";
    }
    RecordProperty("midi_files", static_cast<int>(files.size()));
    RecordProperty("events", static_cast<int>(events));
}

TEST(MidiCorpusTest, EveryMidiFileSurvivesWriteAndReadBack) {
    for (const auto& path : midiFiles()) {
        const auto midi = readStandardMidiFile(path);
        ASSERT_TRUE(midi.ok()) << midi.error().describe();
        const auto written = writeStandardMidiFile(*midi);
        ASSERT_TRUE(written.ok()) << path << ": " << written.error().describe();
        const auto again = readStandardMidiFile(*written, path.string() + " (written)");
        ASSERT_TRUE(again.ok()) << again.error().describe();
        EXPECT_TRUE(again->warnings.empty()) << path;
        SCOPED_TRACE(path.string());
        expectSameEvents(*midi, *again);
    }
}

// What the annotations say of the opening: lines are "start end label[,meter[,key]]", e.g.
// "0.0 0.0 db,4/4,-1". The first line gives the key; a piece with a pickup opens on a plain beat
// ("b,,-2") or its annotations start at the first downbeat after it, so the meter comes from the
// first line that names one.
struct Opening {
    int numerator = 0;
    int denominator = 0;
    int fifths = 0;
    bool pickup = false;  // the annotations start after time 0, or not on a downbeat
};

std::vector<std::string> splitFields(const std::string& label) {
    std::vector<std::string> fields;
    std::istringstream in{label};
    for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
    return fields;
}

std::optional<Opening> annotatedOpening(const fs::path& annotations) {
    std::ifstream in{annotations};
    std::optional<int> fifths;
    std::optional<bool> pickup;
    std::string start;
    std::string end;
    std::string label;
    while (in >> start >> end >> label) {
        const auto fields = splitFields(label);
        if (!pickup) pickup = fields.front() != "db" || std::stod(start) > 0.0;
        if (!fifths && fields.size() >= 3) fifths = std::stoi(fields[2]);
        if (fields.size() >= 2 && !fields[1].empty()) {
            const auto slash = fields[1].find('/');
            if (!fifths || slash == std::string::npos) return std::nullopt;
            return Opening{std::stoi(fields[1].substr(0, slash)), std::stoi(fields[1].substr(slash + 1)), *fifths,
                           *pickup};
        }
    }
    return std::nullopt;
}

TEST(MidiCorpusTest, ScoreMidiOpensWithTheAnnotatedMeterAndKey) {
    int compared = 0;
    for (const auto& path : midiFiles()) {
        if (path.filename() != "midi_score.mid") continue;
        const auto opening = annotatedOpening(path.parent_path() / "midi_score_annotations.txt");
        ASSERT_TRUE(opening.has_value()) << path;
        const auto midi = readStandardMidiFile(path);
        ASSERT_TRUE(midi.ok()) << midi.error().describe();

        // The score MIDI may write a pickup as a short measure with its own time signature, so after
        // an annotated pickup the annotated meter is the first or the second one.
        std::vector<SmfTimeSignature> meters;
        std::optional<SmfKeySignature> key;
        for (const auto& e : midi->tracks.front().events) {
            if (const auto m = smfTimeSignature(*midi, e)) meters.push_back(*m);
            if (!key && e.tick == 0) key = smfKeySignature(*midi, e);
        }
        const auto matches = [&](std::size_t i) {
            return i < meters.size() && meters[i].numerator == opening->numerator &&
                   meters[i].denominator == opening->denominator;
        };
        EXPECT_TRUE(matches(0) || (opening->pickup && matches(1)))
            << path << ": annotated " << opening->numerator << '/' << opening->denominator;
        ASSERT_TRUE(key.has_value()) << path;
        EXPECT_EQ(key->fifths, opening->fifths) << path;
        ++compared;
    }
    EXPECT_GE(compared, 40);
}

}  // namespace
}  // namespace mos::formats
