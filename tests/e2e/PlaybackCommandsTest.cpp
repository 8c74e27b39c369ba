// `mos timeline`, `mos render` and `mos play` run as a user would, on a small tune with repeats
// and endings and on real files from ../shared/corpora; `mos play` through a real JACK server
// (jackd's dummy driver, no sound card needed) and the null device, with keys on stdin.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/RunMos.hpp"
#include "mos/audio/AudioFileWriter.hpp"
#include "support/DummyJackServer.hpp"
#include "support/ParsedJson.hpp"
#include "support/TempDirectory.hpp"

namespace mos::test {
namespace {

using namespace std::chrono_literals;
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
    const MosRun run = runMos(
        {"render", writeTune(dir).string(), "-o", wav.string(), "--rate", "44100", "--soundfont", "none", "--json"});
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
                               "--tempo", "0.5", "--metronome", "--soundfont", "none", "--json"});
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
    const MosRun noMeasure =
        runMos({"render", tune.string(), "-o", (dir.path() / "x.wav").string(), "--from", "9", "--soundfont", "none"});
    EXPECT_EQ(noMeasure.exitStatus, 1);
    EXPECT_NE(noMeasure.err.find("no measure 9"), std::string::npos) << noMeasure.err;
    const MosRun badFormat =
        runMos({"render", tune.string(), "-o", (dir.path() / "x.mp3").string(), "--soundfont", "none"});
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
    // With no --soundfont, the General MIDI SoundFont scripts/setup installs.
    EXPECT_EQ(std::string_view(report["instruments"]), "sf2 /usr/share/sounds/sf2/FluidR3_GM.sf2");
}

TEST(PlaybackCommandsTest, RenderPlaysWithTheInstrumentsAsked) {
    const TempDirectory dir;
    const fs::path tune = writeTune(dir);
    const fs::path wav = dir.path() / "sf3.wav";
    const MosRun sf3 = runMos({"render", tune.string(), "-o", wav.string(), "--to", "1", "--soundfont",
                               "/usr/share/sounds/sf3/MuseScore_General_Lite.sf3", "--json"});
    ASSERT_EQ(sf3.exitStatus, 0) << sf3.err;
    EXPECT_EQ(std::string_view(ParsedJson{sf3.out}["instruments"]),
              "sf3 /usr/share/sounds/sf3/MuseScore_General_Lite.sf3");
    const auto audio = audio::readAudioFile(wav);
    ASSERT_TRUE(audio) << audio.error().describe();
    float peak = 0.0F;
    for (const float sample : audio->channels[0]) peak = std::max(peak, std::abs(sample));
    EXPECT_GT(peak, 0.01F);

    const fs::path notAFont = dir.path() / "song.sf2";
    std::ofstream{notAFont} << "not a SoundFont";
    const MosRun bad = runMos({"render", tune.string(), "-o", wav.string(), "--soundfont", notAFont.string()});
    EXPECT_EQ(bad.exitStatus, 1);
    EXPECT_NE(bad.err.find("song.sf2"), std::string::npos) << bad.err;
}

TEST(PlaybackCommandsTest, RenderTakesTheSoundFontFromTheConfigFileAndNamesTheLineOfABrokenOne) {
    const TempDirectory dir;
    const fs::path tune = writeTune(dir);
    const fs::path wav = dir.path() / "configured.wav";
    const fs::path config = dir.path() / "config.json";
    const std::map<std::string, std::string> environment{{"MOS_CONFIG_DIR", dir.path().string()},
                                                         {"MOS_SOUNDFONT", ""}};
    std::ofstream{config} << R"({"soundfont": "/usr/share/sounds/sf3/MuseScore_General_Lite.sf3"})";
    const MosRun configured = runMos({"render", tune.string(), "-o", wav.string(), "--to", "1", "--json"}, environment);
    ASSERT_EQ(configured.exitStatus, 0) << configured.err;
    EXPECT_EQ(std::string_view(ParsedJson{configured.out}["instruments"]),
              "sf3 /usr/share/sounds/sf3/MuseScore_General_Lite.sf3");

    std::ofstream{config} << "{\n  \"soundfont\": \"unterminated\n}\n";
    const MosRun broken = runMos({"render", tune.string(), "-o", wav.string(), "--to", "1"}, environment);
    EXPECT_EQ(broken.exitStatus, 1);
    EXPECT_EQ(broken.err.rfind("mos render: " + config.string() + ":2:", 0), 0U) << broken.err;
    // --soundfont wins over the config file, which is then not read.
    const MosRun named =
        runMos({"render", tune.string(), "-o", wav.string(), "--to", "1", "--soundfont", "none"}, environment);
    EXPECT_EQ(named.exitStatus, 0) << named.err;
}

// The position events' measures, each time the measure changes.
std::vector<std::string> measuresPlayed(const std::vector<ParsedJson>& lines) {
    std::vector<std::string> measures;
    for (const ParsedJson& line : lines) {
        if (std::string_view(line["event"]) != "position" || std::string_view(line["status"]) != "playing") continue;
        const std::string measure{std::string_view(line["measure"])};
        if (measures.empty() || measures.back() != measure) measures.push_back(measure);
    }
    return measures;
}

TEST(PlayCommandTest, PlaysToTheEndThroughADummyJackServerWithoutOverrunningACallback) {
    DummyJackServer server{48000, 256};
    ASSERT_TRUE(server.waitUntilReady(10s)) << "jackd did not come up:\n" << server.log();
    const TempDirectory dir;
    const MosRun run = runMos({"play", writeTune(dir).string(), "--tempo", "4", "--soundfont", "none", "--json"},
                              {{"JACK_DEFAULT_SERVER", server.name()}});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    const auto lines = jsonLines(run.out);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(measuresPlayed(lines), (std::vector<std::string>{"1", "2", "3", "1", "2", "4"}));

    const ParsedJson& summary = lines.back();
    EXPECT_EQ(std::string_view(summary["event"]), "summary");
    EXPECT_EQ(std::string_view(summary["ended"]), "end");
    EXPECT_EQ(std::string_view(summary["device"]), "jack: " + server.name() + " (48000 Hz, 256 frames)");
    // 3 s of music in 256-frame blocks: about 560 callbacks, none over its 5.33 ms.
    EXPECT_GT(std::uint64_t(summary["callbacks"]), 400U);
    EXPECT_EQ(std::uint64_t(summary["overruns"]), 0U);
    EXPECT_LT(double(summary["max_callback_us"]), double(summary["budget_us"]));
    EXPECT_GT(double(summary["p50_callback_us"]), 0.0);
    EXPECT_LE(double(summary["p50_callback_us"]), double(summary["p99_callback_us"]));
    EXPECT_LE(double(summary["p99_callback_us"]), double(summary["p999_callback_us"]));
    EXPECT_LE(double(summary["p999_callback_us"]), double(summary["max_callback_us"]));
    EXPECT_EQ(std::uint64_t(summary["dropped_events"]), 0U);
}

TEST(PlayCommandTest, PrintsABarAndBeatLineForPeople) {
    const TempDirectory dir;
    const MosRun run = runMos(
        {"play", writeTune(dir).string(), "--device", "null", "--tempo", "4", "--from", "2", "--soundfont", "none"});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    EXPECT_NE(run.out.find("Endings (none: null device (48000 Hz, 256 frames))\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\n2:1  0:00.5 / 0:03.0  q=120 x4.00  playing\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\n4:4  "), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("played to the end through none: null device"), std::string::npos) << run.out;
}

TEST(PlayCommandTest, QQuitsALoopThatWouldPlayForever) {
    const TempDirectory dir;
    const MosRun run =
        runMos({"play", writeTune(dir).string(), "--device", "null", "--loop", "2-3", "--soundfont", "none", "--json"},
               {}, "q");
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    const auto lines = jsonLines(run.out);
    ASSERT_GE(lines.size(), 2U);
    EXPECT_EQ(std::string_view(lines.front()["measure"]), "2");  // a loop starts where it begins
    EXPECT_EQ(std::string_view(lines.back()["ended"]), "quit");
}

TEST(PlayCommandTest, ACountInComesBeforeTheMusic) {
    const TempDirectory dir;
    const MosRun run = runMos({"play", writeTune(dir).string(), "--device", "null", "--tempo", "4", "--count-in", "1",
                               "--soundfont", "none", "--json"});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    const auto lines = jsonLines(run.out);
    bool countedIn = false;
    for (const ParsedJson& line : lines) {
        if (std::string_view(line["event"]) != "position") continue;
        if (bool(line["counting_in"])) {
            countedIn = true;
            EXPECT_DOUBLE_EQ(double(line["seconds"]), 0.0) << "the music waits for the count-in";
        }
    }
    EXPECT_TRUE(countedIn);
}

TEST(PlayCommandTest, BadRequestsSayWhatIsWrong) {
    const TempDirectory dir;
    const std::string tune = writeTune(dir).string();
    const MosRun device = runMos({"play", tune, "--device", "oss", "--soundfont", "none"});
    EXPECT_EQ(device.exitStatus, 2);
    EXPECT_EQ(device.err, "mos play: --device is jack, alsa or null, not \"oss\"\n");

    const MosRun loop = runMos({"play", tune, "--device", "null", "--loop", "3", "--soundfont", "none"});
    EXPECT_EQ(loop.exitStatus, 2);
    EXPECT_EQ(loop.err, "mos play: --loop takes two measures, as in 5-8, not \"3\"\n");

    const MosRun measure = runMos({"play", tune, "--device", "null", "--from", "9", "--soundfont", "none"});
    EXPECT_EQ(measure.exitStatus, 2);
    EXPECT_NE(measure.err.find("the score has no measure 9 (it has 4 measures)"), std::string::npos) << measure.err;

    const MosRun missing =
        runMos({"play", (dir.path() / "nothing.abc").string(), "--device", "null", "--soundfont", "none"});
    EXPECT_EQ(missing.exitStatus, 1);
    EXPECT_NE(missing.err.find("nothing.abc"), std::string::npos) << missing.err;

    const MosRun noServer = runMos({"play", tune, "--device", "jack", "--soundfont", "none"},
                                   {{"JACK_DEFAULT_SERVER", "mos-test-no-server-here"}});
    EXPECT_EQ(noServer.exitStatus, 1);
    EXPECT_EQ(noServer.err, "mos play: no JACK server \"mos-test-no-server-here\" is running\n");
}

}  // namespace
}  // namespace mos::test
