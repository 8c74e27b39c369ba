// Every file of ../shared/corpora that MOS opens renders to audio: each score's whole performance
// (repeats unfolded) is played through the same player, audio engine and fallback synth as
// `mos render`, to its end. The rate is 8 kHz so that the corpora's thirty-odd hours of music fit
// in the test suite under the sanitizers; scripts/render-corpora renders them at 48 kHz with
// `mos render` itself. Files the readers refuse are the format tests' business, not counted here.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "mos/engine/Render.hpp"
#include "mos/formats/ScoreFile.hpp"
#include "mos/formats/ScoreFormat.hpp"

namespace mos::engine {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpora = fs::path{MOS_SHARED_DIR} / "corpora";

std::vector<fs::path> scoreFilesIn(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator{folder}) {
        if (entry.is_regular_file() && formats::formatFromPath(entry.path())) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The folders of the corpora that hold files in a format MOS reads; the large ASAP corpus goes one
// composer at a time, so the suite's parallel runners share it out.
std::vector<std::string> corpusFolders() {
    std::vector<std::string> folders;
    if (!fs::is_directory(kCorpora)) return {"(no corpora at " + kCorpora.string() + ")"};
    for (const auto& entry : fs::directory_iterator{kCorpora}) {
        if (!entry.is_directory()) continue;
        const std::string name = entry.path().filename().string();
        if (name != "asap") {
            if (!scoreFilesIn(entry.path()).empty()) folders.push_back(name);
            continue;
        }
        for (const auto& composer : fs::directory_iterator{entry.path()}) {
            if (composer.is_directory()) folders.push_back(name + "/" + composer.path().filename().string());
        }
    }
    std::sort(folders.begin(), folders.end());
    return folders;
}

// What a render sounded like.
struct Heard {
    std::uint64_t frames = 0;
    std::uint64_t soundingFrames = 0;  // frames with any non-zero sample
    bool allFinite = true;
    float peak = 0.0F;
};

class CorpusRenderTest : public testing::TestWithParam<std::string> {};

TEST_P(CorpusRenderTest, EveryScoreMosOpensRendersToItsEnd) {
    const fs::path folder = kCorpora / GetParam();
    ASSERT_TRUE(fs::is_directory(folder)) << folder;
    RenderOptions options;
    options.sampleRate = core::SampleRate{8000};
    options.blockFrames = 1024;
    options.maxTailSeconds = 1.0;
    std::size_t files = 0;
    std::size_t scores = 0;
    double audioSeconds = 0.0;
    for (const fs::path& file : scoreFilesIn(folder)) {
        const auto read = formats::readScoreFile(file);
        if (!read) continue;
        ++files;
        for (std::size_t tune = 0; tune < read->imported.scores.size(); ++tune) {
            const score::Score& score = read->imported.scores[tune];
            Heard heard;
            const auto rendered = render(score, options, [&](const float* left, const float* right, std::uint32_t n) {
                for (std::uint32_t i = 0; i < n; ++i) {
                    heard.allFinite = heard.allFinite && std::isfinite(left[i]) && std::isfinite(right[i]);
                    heard.peak = std::max({heard.peak, std::abs(left[i]), std::abs(right[i])});
                    if (left[i] != 0.0F || right[i] != 0.0F) ++heard.soundingFrames;
                }
                heard.frames += n;
                return core::Result<void>{};
            });
            const std::string where = file.string() + " score " + std::to_string(tune + 1);
            ASSERT_TRUE(rendered) << where << ": " << rendered.error().describe();
            ++scores;
            audioSeconds += rendered->audioSeconds;
            EXPECT_EQ(rendered->droppedEvents, 0U) << where;
            EXPECT_EQ(heard.frames, rendered->frames) << where;
            EXPECT_TRUE(heard.allFinite) << where;
            EXPECT_LE(heard.peak, 1.0F) << where;
            if (rendered->notes > 0) {
                EXPECT_GT(heard.soundingFrames, 0U) << where << " has notes but rendered silence";
            }
        }
    }
    EXPECT_GT(files, 0U) << "MOS opened no file in " << folder;
    RecordProperty("files", static_cast<int>(files));
    RecordProperty("scores", static_cast<int>(scores));
    RecordProperty("audioSeconds", std::to_string(audioSeconds));
}

INSTANTIATE_TEST_SUITE_P(Corpora, CorpusRenderTest, testing::ValuesIn(corpusFolders()),
                         [](const testing::TestParamInfo<std::string>& folder) {
                             std::string name = folder.param;
                             std::replace_if(
                                 name.begin(), name.end(), [](char c) { return std::isalnum(c) == 0; }, '_');
                             return name;
                         });

}  // namespace
}  // namespace mos::engine
