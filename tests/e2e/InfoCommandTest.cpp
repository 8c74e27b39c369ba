// `mos info FILE [--json]` run as a user would, on real files from ../shared/corpora in every format.

#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/RunMos.hpp"
#include "support/ParsedJson.hpp"
#include "support/TempDirectory.hpp"

namespace mos::test {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpora = fs::path{MOS_SHARED_DIR} / "corpora";

std::vector<ParsedJson> infoJson(const fs::path& file) {
    const MosRun run = runMos({"info", file.string(), "--json"});
    EXPECT_EQ(run.exitStatus, 0) << run.err;
    return jsonLines(run.out);
}

class InfoCommandTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(kCorpora)) {
            GTEST_SKIP() << "no corpora at " << kCorpora;
        }
    }
};

TEST_F(InfoCommandTest, SummarisesAMusicXmlScoreWithEveryDocumentedKey) {
    const auto lines = infoJson(kCorpora / "musicxml" / "JohannSebastianBach_Air.xml");
    ASSERT_EQ(lines.size(), 1U);
    const auto& info = lines[0];
    for (const char* key : {"format", "title", "composer", "parts", "measures", "notes", "duration_seconds", "key",
                            "time_signature", "tempo_bpm"}) {
        EXPECT_TRUE(info.contains(key)) << key;
    }
    EXPECT_EQ(std::string_view(info["format"]), "musicxml");
    EXPECT_TRUE(info["title"].is_string());
    EXPECT_TRUE(info["composer"].is_string());
    EXPECT_GT(std::int64_t(info["parts"]), 1);
    EXPECT_GT(std::int64_t(info["measures"]), 10);
    EXPECT_GT(std::int64_t(info["notes"]), 100);
    EXPECT_TRUE(info["duration_seconds"].is_double());
    EXPECT_GT(double(info["duration_seconds"]), 10.0);
    EXPECT_TRUE(info["key"].is_string());
    EXPECT_TRUE(info["time_signature"].is_string());
    EXPECT_TRUE(info["tempo_bpm"].is_double());
    EXPECT_FALSE(info.contains("tune"));
}

TEST_F(InfoCommandTest, GivesOneSummaryPerTuneOfAnAbcBook) {
    const fs::path book = kCorpora / "abc-nottingham" / "jigs.abc";
    std::ifstream in{book};
    std::size_t tunes = 0;
    for (std::string line; std::getline(in, line);) {
        tunes += line.starts_with("X:") ? 1 : 0;
    }
    const auto lines = infoJson(book);
    ASSERT_EQ(lines.size(), tunes);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(std::string_view(lines[i]["format"]), "abc");
        EXPECT_EQ(std::uint64_t(lines[i]["tune"]), i + 1);
        EXPECT_GT(std::int64_t(lines[i]["notes"]), 0) << std::string_view(lines[i]["title"]);
    }
}

TEST_F(InfoCommandTest, ReadsEveryFormat) {
    const std::vector<std::pair<fs::path, std::string>> files{
        {kCorpora / "musicxml" / "BrookeWestSample.mxl", "mxl"},
        {kCorpora / "guitarpro" / "Demo v5.gp5", "guitar-pro"},
        {kCorpora / "abc-nottingham" / "xmas.abc", "abc"},
    };
    for (const auto& [file, format] : files) {
        const auto lines = infoJson(file);
        ASSERT_FALSE(lines.empty()) << file;
        EXPECT_EQ(std::string_view(lines[0]["format"]), format) << file;
        EXPECT_GT(std::int64_t(lines[0]["notes"]), 0) << file;
    }
    bool sawMidi = false;
    for (const auto& entry : fs::recursive_directory_iterator{kCorpora / "asap"}) {
        if (entry.path().extension() == ".mid") {
            const auto lines = infoJson(entry.path());
            ASSERT_EQ(lines.size(), 1U);
            EXPECT_EQ(std::string_view(lines[0]["format"]), "midi");
            EXPECT_GT(std::int64_t(lines[0]["notes"]), 0);
            sawMidi = true;
            break;
        }
    }
    EXPECT_TRUE(sawMidi);
}

TEST_F(InfoCommandTest, PrintsAReadableSummaryWithoutJson) {
    const MosRun run = runMos({"info", (kCorpora / "musicxml" / "HelloWorld.xml").string()});
    EXPECT_EQ(run.exitStatus, 0) << run.err;
    EXPECT_NE(run.out.find("HelloWorld.xml (musicxml)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("  notes"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("  key"), std::string::npos) << run.out;
}

TEST_F(InfoCommandTest, AMissingOrBrokenFileIsAnErrorThatNamesItAndThePlace) {
    const TempDirectory folder;
    const MosRun missing = runMos({"info", (folder.path() / "nope.musicxml").string()});
    EXPECT_EQ(missing.exitStatus, 1);
    EXPECT_NE(missing.err.find("nope.musicxml"), std::string::npos) << missing.err;

    const fs::path broken = folder.path() / "broken.musicxml";
    std::ofstream{broken} << "<?xml version=\"1.0\"?>\n<score-partwise>\n  <part-list>\n    <oops\n";
    const MosRun run = runMos({"info", broken.string(), "--json"});
    EXPECT_EQ(run.exitStatus, 1);
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err.find("broken.musicxml:"), std::string::npos) << run.err;

    const fs::path unknown = folder.path() / "notes.txt";
    std::ofstream{unknown} << "just some words";
    const MosRun notAScore = runMos({"info", unknown.string()});
    EXPECT_EQ(notAScore.exitStatus, 1);
    EXPECT_NE(notAScore.err.find("not a score"), std::string::npos) << notAScore.err;
}

}  // namespace
}  // namespace mos::test
