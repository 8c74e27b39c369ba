// `mos convert IN OUT [--tune N] [--format F] [--json]` run as a user would, on real corpus files:
// what it writes reads back with the same content, books split into folders, and a failure never
// touches the file that was there.

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <sstream>
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

// The first summary `mos info --json` prints for the file.
ParsedJson infoOf(const fs::path& file) {
    const MosRun run = runMos({"info", file.string(), "--json"});
    EXPECT_EQ(run.exitStatus, 0) << run.err;
    return ParsedJson{run.out.substr(0, run.out.find('\n'))};
}

class ConvertCommandTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(kCorpora)) {
            GTEST_SKIP() << "no corpora at " << kCorpora;
        }
    }
    TempDirectory folder_;
};

TEST_F(ConvertCommandTest, MusicXmlThroughEveryWritableFormatKeepsTheSummary) {
    const fs::path source = kCorpora / "musicxml" / "JohannSebastianBach_Air.xml";
    const ParsedJson original = infoOf(source);
    for (const std::string name : {"air.umf.json", "air.musicxml", "air.mxl", "air.mid", "air.hermes.json"}) {
        const fs::path out = folder_.path() / name;
        const MosRun run = runMos({"convert", source.string(), out.string(), "--json"});
        ASSERT_EQ(run.exitStatus, 0) << name << ": " << run.err;
        const ParsedJson line{run.out};
        EXPECT_EQ(std::string_view(line["input"]), source.string());
        EXPECT_EQ(std::string_view(line["output"]), out.string());
        EXPECT_TRUE(line["format"].is_string());
        EXPECT_TRUE(line["title"].is_string());
        EXPECT_FALSE(line.contains("tune"));
        const ParsedJson converted = infoOf(out);
        EXPECT_EQ(std::int64_t(converted["notes"]), std::int64_t(original["notes"])) << name;
        EXPECT_EQ(std::int64_t(converted["parts"]), std::int64_t(original["parts"])) << name;
        // MIDI and Hermes timelines keep notes and time, not titles or measure labels.
        if (name != "air.mid" && name != "air.hermes.json") {
            EXPECT_EQ(std::string_view(converted["title"]), std::string_view(original["title"])) << name;
            EXPECT_EQ(std::int64_t(converted["measures"]), std::int64_t(original["measures"])) << name;
            EXPECT_EQ(std::string_view(converted["key"]), std::string_view(original["key"])) << name;
        }
    }
}

TEST_F(ConvertCommandTest, ABookGoesToAFolderOrOneTuneToAFile) {
    const fs::path book = kCorpora / "abc-nottingham" / "xmas.abc";
    const auto tunes = [&] {
        std::ifstream in{book};
        std::size_t count = 0;
        for (std::string line; std::getline(in, line);) {
            count += line.starts_with("X:") ? 1 : 0;
        }
        return count;
    }();

    const fs::path outFolder = folder_.path() / "xmas/";
    const MosRun all = runMos({"convert", book.string(), outFolder.string(), "--format", "musicxml", "--json"});
    ASSERT_EQ(all.exitStatus, 0) << all.err;
    std::size_t written = 0;
    for (const auto& entry : fs::directory_iterator{outFolder}) {
        EXPECT_EQ(entry.path().extension(), ".musicxml");
        ++written;
    }
    EXPECT_EQ(written, tunes);
    EXPECT_EQ(static_cast<std::size_t>(std::count(all.out.begin(), all.out.end(), '\n')), tunes);
    std::istringstream allLines{all.out};
    std::string first;
    std::getline(allLines, first);
    const ParsedJson firstTune{first};
    EXPECT_EQ(std::uint64_t(firstTune["tune"]), 1U);
    EXPECT_EQ(std::string_view(firstTune["format"]), "musicxml");

    const fs::path one = folder_.path() / "third.umf.json";
    const MosRun third = runMos({"convert", book.string(), one.string(), "--tune", "3"});
    ASSERT_EQ(third.exitStatus, 0) << third.err;
    EXPECT_NE(third.out.find("wrote"), std::string::npos);
    const MosRun bookInfo = runMos({"info", book.string(), "--json"});
    std::istringstream lines{bookInfo.out};
    std::string line;
    for (int i = 0; i < 3; ++i) {
        std::getline(lines, line);
    }
    EXPECT_EQ(std::int64_t(infoOf(one)["notes"]), std::int64_t(ParsedJson{line}["notes"]));
}

TEST_F(ConvertCommandTest, FailuresExplainThemselvesAndLeaveTheOldFileAlone) {
    const fs::path book = kCorpora / "abc-nottingham" / "xmas.abc";
    const fs::path existing = folder_.path() / "keep.musicxml";
    std::ofstream{existing} << "precious";

    const MosRun noTune = runMos({"convert", book.string(), existing.string()});
    EXPECT_EQ(noTune.exitStatus, 1);
    EXPECT_NE(noTune.err.find("--tune"), std::string::npos) << noTune.err;

    const MosRun readOnly =
        runMos({"convert", (kCorpora / "musicxml" / "HelloWorld.xml").string(), (folder_.path() / "out.abc").string()});
    EXPECT_EQ(readOnly.exitStatus, 1);
    EXPECT_NE(readOnly.err.find("does not write"), std::string::npos) << readOnly.err;

    const fs::path broken = folder_.path() / "broken.mid";
    std::ofstream{broken, std::ios::binary} << std::string{"MThd\0\0\0\6\0\1", 10};
    const MosRun bad = runMos({"convert", broken.string(), existing.string()});
    EXPECT_EQ(bad.exitStatus, 1);
    EXPECT_NE(bad.err.find("broken.mid"), std::string::npos) << bad.err;

    const MosRun noSuchTune = runMos({"convert", book.string(), existing.string(), "--tune", "999"});
    EXPECT_EQ(noSuchTune.exitStatus, 1);

    std::ifstream in{existing};
    const std::string kept{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    EXPECT_EQ(kept, "precious");
}

}  // namespace
}  // namespace mos::test
