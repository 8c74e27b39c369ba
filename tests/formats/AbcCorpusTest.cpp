// The Nottingham tune books tokenize with no warning but for three stray '+' signs the data really
// has ("[+GB]" in reelsd-g.abc), and the counts agree with ones taken independently (a plain scan
// of the files: X: lines, and pairs of quotes on music lines).

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "mos/formats/AbcTokenizer.hpp"

namespace mos::formats {
namespace {

namespace fs = std::filesystem;

TEST(AbcCorpusTest, NottinghamTokenizesCleanly) {
    const fs::path folder = fs::path{MOS_SHARED_DIR} / "corpora" / "abc-nottingham";
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator{folder}) {
        if (entry.path().extension() == ".abc") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    ASSERT_EQ(files.size(), 12U) << "the corpus is expected in " << folder;

    std::size_t tunes = 0;
    std::size_t chordSymbols = 0;
    std::vector<std::string> warnings;
    for (const auto& path : files) {
        std::ifstream in{path, std::ios::binary};
        const std::string text{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
        const auto result = tokenizeAbc(text, path.string());
        for (const auto& warning : result.warnings) warnings.push_back(warning.describe());
        for (const auto& token : result.tokens) {
            if (token.kind == AbcTokenKind::Field && token.name == 'X') ++tunes;
            if (token.kind == AbcTokenKind::ChordSymbol) ++chordSymbols;
        }
    }
    const std::string stray = (folder / "reelsd-g.abc").string();
    EXPECT_EQ(warnings, (std::vector<std::string>{stray + ":9:44: '+' is not ABC here; skipped",
                                                  stray + ":9:49: '+' is not ABC here; skipped",
                                                  stray + ":10:50: '+' is not ABC here; skipped"}));
    EXPECT_EQ(tunes, 948U);           // as the corpus README says
    EXPECT_EQ(chordSymbols, 24416U);  // quote pairs on music lines, counted by a separate script
}

}  // namespace
}  // namespace mos::formats
