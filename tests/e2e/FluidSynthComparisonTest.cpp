// Apollo beside FluidSynth: the same MIDI files (made from ../shared/corpora by `mos convert`)
// rendered by `mos render` and by `fluidsynth -ni -F` with the same SoundFont (Debian's
// FluidR3_GM.sf2). The two must be the same music: loudness envelopes that rise and fall together
// (correlation of 10 ms RMS ≥ 0.9), and no note left sounding after FluidSynth's end.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/RunMos.hpp"
#include "mos/audio/AudioFileWriter.hpp"
#include "support/TempDirectory.hpp"

namespace mos::test {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpora = fs::path{MOS_SHARED_DIR} / "corpora";
const fs::path kSoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";
constexpr std::uint32_t kRate = 44100;
constexpr std::size_t kWindow = kRate / 100;  // 10 ms

// RMS of the mono mix in 10 ms windows.
std::vector<double> envelope(const audio::AudioFileContents& audio) {
    std::vector<double> result;
    const std::size_t frames = audio.frames();
    for (std::size_t start = 0; start + kWindow <= frames; start += kWindow) {
        double sum = 0.0;
        for (std::size_t i = start; i < start + kWindow; ++i) {
            double mono = 0.0;
            for (const auto& channel : audio.channels) mono += channel[i];
            sum += mono * mono;
        }
        result.push_back(std::sqrt(sum / static_cast<double>(kWindow)));
    }
    return result;
}

double correlation(const std::vector<double>& a, const std::vector<double>& b, std::size_t length) {
    double meanA = 0.0;
    double meanB = 0.0;
    for (std::size_t i = 0; i < length; ++i) {
        meanA += a[i];
        meanB += b[i];
    }
    meanA /= static_cast<double>(length);
    meanB /= static_cast<double>(length);
    double ab = 0.0;
    double aa = 0.0;
    double bb = 0.0;
    for (std::size_t i = 0; i < length; ++i) {
        ab += (a[i] - meanA) * (b[i] - meanB);
        aa += (a[i] - meanA) * (a[i] - meanA);
        bb += (b[i] - meanB) * (b[i] - meanB);
    }
    return ab / std::sqrt(aa * bb);
}

audio::AudioFileContents fluidsynthRender(const fs::path& midi, const fs::path& wav) {
    const TempDirectory logs;
    ChildProcess fluidsynth{{"fluidsynth", "-ni", "-q", "-g", "0.6", "-r", std::to_string(kRate), "-F", wav.string(),
                             kSoundFont.string(), midi.string()},
                            environmentWith({}),
                            logs.path() / "out",
                            logs.path() / "err"};
    EXPECT_EQ(fluidsynth.wait(), 0) << readFile(logs.path() / "err");
    auto audio = audio::readAudioFile(wav);
    EXPECT_TRUE(audio) << audio.error().describe();
    return audio ? std::move(*audio) : audio::AudioFileContents{};
}

class FluidSynthComparisonTest : public testing::TestWithParam<const char*> {};

TEST_P(FluidSynthComparisonTest, RendersTheSameMusicAsFluidSynth) {
    const TempDirectory dir;
    const fs::path midi = dir.path() / "piece.mid";
    const MosRun converted = runMos({"convert", (kCorpora / GetParam()).string(), midi.string()});
    ASSERT_EQ(converted.exitStatus, 0) << converted.err;

    const fs::path ourWav = dir.path() / "mos.wav";
    const MosRun rendered = runMos({"render", midi.string(), "-o", ourWav.string(), "--rate", std::to_string(kRate),
                                    "--soundfont", kSoundFont.string()});
    ASSERT_EQ(rendered.exitStatus, 0) << rendered.err;
    const auto ours = audio::readAudioFile(ourWav);
    ASSERT_TRUE(ours) << ours.error().describe();
    const auto theirs = fluidsynthRender(midi, dir.path() / "fluidsynth.wav");
    ASSERT_GT(theirs.frames(), 0U);

    const auto ourLevel = envelope(*ours);
    const auto theirLevel = envelope(theirs);
    // FluidSynth stops when the file ends; MOS lets the last notes ring out.
    const std::size_t common = std::min(ourLevel.size(), theirLevel.size());
    ASSERT_GT(common, 100U);
    const double r = correlation(ourLevel, theirLevel, common);
    std::cout << GetParam() << ": loudness envelope correlation with FluidSynth " << r << '\n';
    EXPECT_GE(r, 0.9);
    // Nothing left sounding: the render ends within a few seconds of FluidSynth's end of file.
    EXPECT_LE(ourLevel.size(), theirLevel.size() + 400);
}

INSTANTIATE_TEST_SUITE_P(Corpus, FluidSynthComparisonTest,
                         testing::Values("musicxml/MuzioClementi_SonatinaOpus36No1_Part2.xml",
                                         "musicxml/Mozart_String_Quartet_in_G_K._387_1st_Mvmnt_excerpt.musicxml",
                                         "musicxml/OSMD_function_test_drumset.musicxml"));

}  // namespace
}  // namespace mos::test
