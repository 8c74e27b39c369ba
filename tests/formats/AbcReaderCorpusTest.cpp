// The whole Nottingham Music Database (948 tunes in 12 books) through the ABC reader: every tune
// imports, and every part holds as many notes and grace notes as abcjs, an independent ABC parser,
// counts for it (tests/node/abc-note-counts.mjs, run here through node).

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "mos/formats/AbcReader.hpp"

namespace mos::formats {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path{MOS_SHARED_DIR} / "corpora" / "abc-nottingham";

std::vector<fs::path> books() {
    std::vector<fs::path> paths;
    if (!fs::is_directory(kCorpus)) return paths;
    for (const auto& entry : fs::directory_iterator{kCorpus}) {
        if (entry.path().extension() == ".abc") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

std::string contents(const fs::path& path) {
    std::ifstream in{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

// The X: number the reader keeps in extensions["abc"] ({"X":"12",…}).
std::string referenceNumber(const score::Score& score) {
    const auto found = score.extensions.find("abc");
    if (found == score.extensions.end()) return {};
    const std::string& json = found->second;
    constexpr std::string_view kKey = R"("X":")";
    const std::size_t at = json.find(kKey);
    if (at == std::string::npos) return {};
    const std::size_t from = at + kKey.size();
    return json.substr(from, json.find('"', from) - from);
}

// "notes/graces" per part, as abc-note-counts.mjs prints them.
std::vector<std::string> counts(const score::Score& score) {
    std::vector<std::string> out;
    for (const score::Part& part : score.parts) {
        std::size_t notes = 0;
        std::size_t graces = 0;
        for (const score::Event& event : part.events) (event.grace ? graces : notes) += event.notes.size();
        out.push_back(std::to_string(notes) + "/" + std::to_string(graces));
    }
    return out;
}

// abcjs's counts per tune, by X: number; an empty map when node could not run.
std::map<std::string, std::vector<std::string>> abcjsCounts(const fs::path& book) {
    const std::string script = std::string{MOS_NODE_TOOLS_DIR} + "/abc-note-counts.mjs";
    const std::string command = "node '" + script + "' '" + book.string() + "'";
    std::map<std::string, std::vector<std::string>> out;
    const std::unique_ptr<FILE, int (*)(FILE*)> pipe{popen(command.c_str(), "r"), pclose};
    if (!pipe) return out;
    std::string text;
    char buffer[4096];
    while (const std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe.get())) text.append(buffer, read);
    std::istringstream lines{text};
    for (std::string line; std::getline(lines, line);) {
        std::istringstream fields{line};
        std::string x;
        std::getline(fields, x, '\t');
        auto& parts = out[x];
        for (std::string part; std::getline(fields, part, '\t');) parts.push_back(part);
    }
    return out;
}

TEST(AbcReaderCorpusTest, EveryNottinghamTuneImports) {
    const auto paths = books();
    if (paths.empty()) GTEST_SKIP() << "no corpus in " << kCorpus;
    ASSERT_EQ(paths.size(), 12U);
    std::size_t tunes = 0;
    std::vector<std::string> overfull;
    std::set<std::string> tunesWithWarnings;
    std::vector<std::string> warnings;
    for (const auto& path : paths) {
        const auto book = readAbc(contents(path), path.filename().string());
        ASSERT_TRUE(book.ok()) << book.error().describe();
        tunes += book->scores.size();
        for (const auto& score : book->scores) {
            for (std::uint32_t m = 0; m < score.timeline.measures.size(); ++m) {
                const auto meter = score::timeSignatureAt(score.timeline, m).measureLength();
                if (score.timeline.measures[m].duration > meter) {
                    overfull.push_back(score.metadata.title + " " + score.timeline.measures[m].number);
                }
            }
        }
        for (const auto& warning : book->warnings) {
            warnings.push_back(warning.describe());
            tunesWithWarnings.insert(path.filename().string() + " " +
                                     warning.message.substr(0, warning.message.find(')') + 1));
        }
    }
    EXPECT_EQ(tunes, 948U);
    // Measures are as long as their notes: none comes out longer than its meter.
    EXPECT_EQ(overfull, std::vector<std::string>{});
    // Two tunes have real mistakes: a chord never closed, and "[+GB]" (the '+' of the ABC 1.6
    // chord inside a 2.1 chord).
    EXPECT_EQ(tunesWithWarnings,
              (std::set<std::string>{"jigs.abc tune 153 (Joy of the Dance)", "reelsd-g.abc tune 1 (Dance All Night)"}));
    EXPECT_EQ(warnings,
              (std::vector<std::string>{
                  "jigs.abc:2236:46, measure 8: tune 153 (Joy of the Dance): a chord '[' is not closed before "
                  "the bar line; closed there",
                  "reelsd-g.abc:9:44: tune 1 (Dance All Night): '+' is not ABC here; skipped",
                  "reelsd-g.abc:9:49: tune 1 (Dance All Night): '+' is not ABC here; skipped",
                  "reelsd-g.abc:10:50: tune 1 (Dance All Night): '+' is not ABC here; skipped"}));
    RecordProperty("tunes", static_cast<int>(tunes));
    RecordProperty("tunesWithWarnings", static_cast<int>(tunesWithWarnings.size()));
}

TEST(AbcReaderCorpusTest, NoteCountsPerPartAgreeWithAbcjs) {
    const auto paths = books();
    if (paths.empty()) GTEST_SKIP() << "no corpus in " << kCorpus;
    ASSERT_TRUE(fs::exists(fs::path{MOS_NODE_TOOLS_DIR} / "node_modules" / "abcjs"))
        << "abcjs is missing: run npm --prefix tests/node ci (scripts/setup does)";
    std::size_t agreeing = 0;
    std::vector<std::string> disagreeing;
    for (const auto& path : paths) {
        const auto book = readAbc(contents(path), path.filename().string());
        ASSERT_TRUE(book.ok()) << book.error().describe();
        const auto theirs = abcjsCounts(path);
        ASSERT_EQ(theirs.size(), book->scores.size()) << "abcjs read another number of tunes in " << path;
        for (const auto& score : book->scores) {
            const std::string x = referenceNumber(score);
            const auto found = theirs.find(x);
            const auto ours = counts(score);
            if (found != theirs.end() && found->second == ours) {
                ++agreeing;
                continue;
            }
            std::string line = path.filename().string() + " X:" + x + " (" + score.metadata.title + "): MOS";
            for (const auto& part : ours) line += " " + part;
            line += ", abcjs";
            if (found != theirs.end()) {
                for (const auto& part : found->second) line += " " + part;
            }
            disagreeing.push_back(line);
        }
    }
    // The one tune where they differ is the one with "[+GB]": abcjs takes the '+' for the start of
    // an old-style "+decoration+" and skips the music up to the next '+', where MOS skips only
    // the stray '+' and reads the chords [GB] (three of them, six notes) the line clearly has.
    EXPECT_EQ(disagreeing, std::vector<std::string>{"reelsd-g.abc X:1 (Dance All Night): MOS 183/0, abcjs 178/0"});
    EXPECT_EQ(agreeing, 947U);
    RecordProperty("agreeing", static_cast<int>(agreeing));
}

}  // namespace
}  // namespace mos::formats
