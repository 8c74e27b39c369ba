// `mos timeline` and `mos render` run as a user would, on a small tune with repeats and endings
// and on real files from ../shared/corpora.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/RunMos.hpp"
#include "mos/audio/AudioFileWriter.hpp"
#include "support/ParsedJson.hpp"
#include "support/TempDirectory.hpp"

namespace mos::test {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpora = fs::path{MOS_SHARED_DIR} / "corpora";

// Four bars at 120 BPM: |: A | B |1 C :|2 D |, so the performance is A B C A B D.
constexpr std::string_view kTuneWithEndings =
    "X:1\nT:Endings\nM:4/4\nL:1/4\nQ:1/4=120\nK:C\n|:CDEF|GABc|1 cBAG:|2 c4|]\n";

fs::path writeTune(const TempDirectory& dir) {
    fs::path path = dir.path() / "endings.abc";
    std::ofstream{path} << kTuneWithEndings;
    return path;
}

TEST(PlaybackCommandsTest, TimelineUnfoldsRepeatsAndEndings) {
    const TempDirectory dir;
    const MosRun run = runMos({"timeline", writeTune(dir).string(), "--json"});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    const ParsedJson timeline{run.out};
    std::vector<std::string> numbers;
    std::vector<double> starts;
    const simdjson::dom::array measures = timeline["measures"].get_array().value();
    for (const auto measure : measures) {
        numbers.emplace_back(std::string_view(measure["number"]));
        starts.push_back(measure["start_seconds"].get_double().value());
    }
    EXPECT_EQ(numbers, (std::vector<std::string>{"1", "2", "3", "1", "2", "4"}));
    EXPECT_EQ(starts, (std::vector<double>{0.0, 2.0, 4.0, 6.0, 8.0, 10.0}));
    EXPECT_DOUBLE_EQ(timeline["duration_seconds"].get_double().value(), 12.0);

    const MosRun text = runMos({"timeline", writeTune(dir).string()});
    ASSERT_EQ(text.exitStatus, 0) << text.err;
    EXPECT_NE(text.out.find("6 measures played, 12.000 s"), std::string::npos) << text.out;
}

TEST(PlaybackCommandsTest, RenderWritesTheWholePerformance) {
    const TempDirectory dir;
    const fs::path wav = dir.path() / "endings.wav";
    const MosRun run = runMos({"render", writeTune(dir).string(), "-o", wav.string(), "--rate", "44100", "--json"});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    const ParsedJson report{run.out};
    EXPECT_EQ(std::int64_t(report["sample_rate"]), 44100);
    EXPECT_EQ(std::int64_t(report["notes"]), 21);  // 4 + 4 + 4 + 4 + 4 + 1
    const auto audio = audio::readAudioFile(wav);
    ASSERT_TRUE(audio) << audio.error().describe();
    EXPECT_EQ(audio->sampleRate.value, 44100U);
    // 12 s of music and a release tail of at most 3 s.
    EXPECT_GE(audio->frames(), 12U * 44100U);
    EXPECT_LE(audio->frames(), 15U * 44100U);
    float peak = 0.0F;
    for (const float sample : audio->channels[0]) peak = std::max(peak, std::abs(sample));
    EXPECT_GT(peak, 0.01F);
    EXPECT_LT(peak, 1.0F);
}

TEST(PlaybackCommandsTest, RenderPlaysARangeAtATempo) {
    const TempDirectory dir;
    const fs::path wav = dir.path() / "range.flac";
    const MosRun run = runMos({"render", writeTune(dir).string(), "-o", wav.string(), "--from", "2", "--to", "2",
                               "--tempo", "0.5", "--metronome", "--json"});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    const auto audio = audio::readAudioFile(wav);
    ASSERT_TRUE(audio) << audio.error().describe();
    // One bar at half speed: 4 s, then the tail.
    EXPECT_GE(audio->frames(), 4U * 48000U);
    EXPECT_LE(audio->frames(), 7U * 48000U);
}

TEST(PlaybackCommandsTest, RenderReportsBadRequestsClearly) {
    const TempDirectory dir;
    const fs::path tune = writeTune(dir);
    const MosRun noMeasure = runMos({"render", tune.string(), "-o", (dir.path() / "x.wav").string(), "--from", "9"});
    EXPECT_EQ(noMeasure.exitStatus, 1);
    EXPECT_NE(noMeasure.err.find("no measure 9"), std::string::npos) << noMeasure.err;
    const MosRun badFormat = runMos({"render", tune.string(), "-o", (dir.path() / "x.mp3").string()});
    EXPECT_EQ(badFormat.exitStatus, 1);
    EXPECT_NE(badFormat.err.find("x.mp3"), std::string::npos) << badFormat.err;
    EXPECT_FALSE(fs::exists(dir.path() / "x.mp3"));
    const MosRun badTempo = runMos({"render", tune.string(), "-o", (dir.path() / "x.wav").string(), "--tempo", "9"});
    EXPECT_EQ(badTempo.exitStatus, 2);
    EXPECT_NE(badTempo.err.find("--tempo"), std::string::npos) << badTempo.err;
}

TEST(PlaybackCommandsTest, RenderPlaysARealScore) {
    const TempDirectory dir;
    const fs::path wav = dir.path() / "air.wav";
    const MosRun run = runMos({"render", (kCorpora / "musicxml" / "JohannSebastianBach_Air.xml").string(), "-o",
                               wav.string(), "--to", "4", "--json"});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    const ParsedJson report{run.out};
    const auto audio = audio::readAudioFile(wav);
    ASSERT_TRUE(audio) << audio.error().describe();
    EXPECT_DOUBLE_EQ(report["audio_seconds"].get_double().value(), static_cast<double>(audio->frames()) / 48000);
    EXPECT_GT(audio->frames(), 48000U);
}

}  // namespace
}  // namespace mos::test
