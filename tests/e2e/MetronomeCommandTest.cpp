// `mos metronome` run as a user would: clicks rendered to a file land on their exact samples, one
// bar printed as text and JSON, and malformed requests rejected with exit status 2.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/RunMos.hpp"
#include "mos/audio/AudioFileWriter.hpp"
#include "support/ParsedJson.hpp"
#include "support/TempDirectory.hpp"

namespace mos::test {
namespace {

namespace fs = std::filesystem;

// The fallback synth is exactly silent between clicks, and a click's first sample is already
// above this, so the first sample over it is the click's own.
constexpr float kSilence = 1e-6F;

// The first sample at or after `from` that is not silent.
std::optional<std::size_t> onsetFrom(const std::vector<float>& samples, std::size_t from) {
    for (std::size_t i = from; i < samples.size(); ++i) {
        if (std::abs(samples[i]) > kSilence) return i;
    }
    return std::nullopt;
}

std::vector<double> numbers(simdjson::dom::element array) {
    // Held by value: the simdjson_result that get_array() returns dies with its full expression.
    const simdjson::dom::array elements = array.get_array().value();
    std::vector<double> values;
    for (const auto value : elements) values.push_back(value.get_double().value());
    return values;
}

TEST(MetronomeCommandTest, RenderPutsEveryClickOnItsSample) {
    const TempDirectory dir;
    const fs::path wav = dir.path() / "click.wav";
    const MosRun run =
        runMos({"metronome", "--bpm", "120", "--meter", "4/4", "--bars", "2", "--render", wav.string(), "--json"});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    const ParsedJson report{run.out};
    EXPECT_EQ(std::string_view(report["file"]), wav.string());
    EXPECT_EQ(std::int64_t(report["bars"]), 2);
    EXPECT_EQ(std::string_view(report["meter"]), "4/4");
    EXPECT_EQ(std::string_view(report["pattern"]), "Xxxx");
    EXPECT_EQ(std::int64_t(report["clicks"]), 8);
    EXPECT_EQ(std::int64_t(report["sample_rate"]), 48000);

    const auto audio = audio::readAudioFile(wav);
    ASSERT_TRUE(audio) << audio.error().describe();
    EXPECT_EQ(audio->sampleRate.value, 48000U);
    // Two bars of 2 s, and at most the render's 3 s of release tail.
    EXPECT_GE(audio->frames(), 4U * 48000U);
    EXPECT_LE(audio->frames(), 7U * 48000U);
    EXPECT_EQ(std::uint64_t(report["frames"]), audio->frames());
    EXPECT_DOUBLE_EQ(report["audio_seconds"].get_double().value(), static_cast<double>(audio->frames()) / 48000);
    const std::vector<float>& left = audio->channels[0];
    EXPECT_EQ(onsetFrom(left, 0), 0U);
    EXPECT_EQ(onsetFrom(left, 23000), 24000U);
    EXPECT_EQ(onsetFrom(left, 95000), 96000U);  // the second bar's downbeat
}

TEST(MetronomeCommandTest, PrintsOneBarWithoutRendering) {
    // q on stdin quits the live clicking that follows the bar.
    const MosRun json = runMos(
        {"metronome", "--bpm", "120", "--meter", "7/8", "--euclid", "3:7", "--device", "null", "--json"}, {}, "q");
    ASSERT_EQ(json.exitStatus, 0) << json.err;
    const auto lines = jsonLines(json.out);
    ASSERT_GE(lines.size(), 2U) << json.out;
    EXPECT_EQ(std::string_view(lines.back()["ended"]), "quit");
    const ParsedJson& bar = lines.front();
    EXPECT_DOUBLE_EQ(bar["bpm"].get_double().value(), 120.0);
    EXPECT_EQ(std::string_view(bar["meter"]), "7/8");
    EXPECT_EQ(std::string_view(bar["beat_unit"]), "1/8");
    EXPECT_EQ(std::int64_t(bar["beats_per_bar"]), 7);
    EXPECT_DOUBLE_EQ(bar["bar_seconds"].get_double().value(), 3.5);
    EXPECT_EQ(std::string_view(bar["pattern"]), "X.x.x..");
    EXPECT_EQ(numbers(bar["click_seconds"]), (std::vector<double>{0.0, 1.0, 2.0}));
    EXPECT_FALSE(bar.contains("file"));

    const MosRun text = runMos({"metronome", "--meter", "6/8", "--bpm", "60", "--device", "null"}, {}, "q");
    ASSERT_EQ(text.exitStatus, 0) << text.err;
    EXPECT_NE(text.out.find("X--x--"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("0.000 0.333 0.667 1.000 1.333 1.667 s"), std::string::npos) << text.out;
}

TEST(MetronomeCommandTest, PlaysTheBarsItIsAskedForAndStops) {
    const MosRun run =
        runMos({"metronome", "--bpm", "240", "--meter", "3/4", "--bars", "2", "--device", "null", "--json"});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    const auto lines = jsonLines(run.out);
    std::vector<std::string> beats;
    for (const ParsedJson& line : lines) {
        if (!line.contains("event") || std::string_view(line["event"]) != "position") continue;
        if (std::string_view(line["status"]) != "playing") continue;
        beats.push_back(std::string{std::string_view(line["measure"])} + ":" +
                        std::to_string(std::int64_t(line["beat"])));
    }
    EXPECT_EQ(beats, (std::vector<std::string>{"1:1", "1:2", "1:3", "2:1", "2:2", "2:3"}));
    EXPECT_EQ(std::string_view(lines.back()["ended"]), "end");
}

TEST(MetronomeCommandTest, MalformedRequestsExitWithStatusTwo) {
    const MosRun badMeter = runMos({"metronome", "--meter", "7/0"});
    EXPECT_EQ(badMeter.exitStatus, 2);
    EXPECT_NE(badMeter.err.find("7/0"), std::string::npos) << badMeter.err;
    EXPECT_TRUE(badMeter.out.empty()) << badMeter.out;

    const MosRun unreadableMeter = runMos({"metronome", "--meter", "seven", "--json"});
    EXPECT_EQ(unreadableMeter.exitStatus, 2);
    EXPECT_NE(unreadableMeter.err.find("--meter"), std::string::npos) << unreadableMeter.err;

    const TempDirectory dir;
    const fs::path wav = dir.path() / "never.wav";
    const MosRun tooManyHits = runMos({"metronome", "--euclid", "9:8", "--render", wav.string()});
    EXPECT_EQ(tooManyHits.exitStatus, 2);
    EXPECT_NE(tooManyHits.err.find("not 9"), std::string::npos) << tooManyHits.err;
    EXPECT_FALSE(fs::exists(wav));

    const MosRun noTempo = runMos({"metronome", "--bpm", "0"});
    EXPECT_EQ(noTempo.exitStatus, 2);
    EXPECT_NE(noTempo.err.find("tempo"), std::string::npos) << noTempo.err;
}

}  // namespace
}  // namespace mos::test
