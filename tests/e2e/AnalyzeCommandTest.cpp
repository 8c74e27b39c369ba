// `mos analyze` and `mos roman` run as a user would, on real files from ../shared/corpora.

#include <filesystem>
#include <fstream>
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

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream stream{text};
    for (std::string line; std::getline(stream, line);) out.push_back(line);
    return out;
}

TEST(AnalyzeCommandTest, AnalysesOneScoreWithEveryDocumentedKey) {
    const fs::path file = kCorpora / "musicxml" / "JohannSebastianBach_Air.xml";
    ASSERT_TRUE(fs::exists(file)) << "no corpus file " << file;
    const MosRun run = runMos({"analyze", file.string(), "--json"});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    const auto out = lines(run.out);
    ASSERT_EQ(out.size(), 1U);
    const ParsedJson analysis{out[0]};
    EXPECT_EQ(std::string_view(analysis["key"]["tonic"]), "D");
    EXPECT_EQ(std::string_view(analysis["key"]["mode"]), "major");
    const auto keys = analysis["keys"].get_array().value();
    ASSERT_GE(keys.size(), 1U);
    EXPECT_EQ(std::string_view(keys.at(0)["measure"]), "1");
    const auto regions = analysis["regions"].get_array().value();
    ASSERT_GT(regions.size(), 30U);
    for (const auto region : regions) {
        for (const char* key : {"measure", "beat", "chord", "roman", "key"}) {
            EXPECT_EQ(region[key].error(), simdjson::SUCCESS) << key;
        }
    }
    EXPECT_EQ(std::string_view(regions.at(0)["measure"]), "1");
    EXPECT_DOUBLE_EQ(regions.at(0)["beat"].get_double().value(), 1.0);
    EXPECT_EQ(std::string_view(regions.at(0)["roman"]).substr(0, 1), "I");
    EXPECT_TRUE(analysis["cadences"].is_array());
}

TEST(AnalyzeCommandTest, AnalysesEveryTuneOfAnAbcBookWithItsChordSymbols) {
    const fs::path file = kCorpora / "abc-nottingham" / "jigs.abc";
    ASSERT_TRUE(fs::exists(file)) << "no corpus file " << file;
    const MosRun run = runMos({"analyze", file.string(), "--json"});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    const auto out = lines(run.out);
    ASSERT_GT(out.size(), 300U);  // one object per tune
    std::size_t written = 0;
    std::size_t withCadence = 0;
    for (const std::string& line : out) {
        const ParsedJson tune{line};
        EXPECT_TRUE(tune.contains("tune"));
        const std::string_view mode = tune["key"]["mode"];
        EXPECT_TRUE(mode == "major" || mode == "minor") << mode;
        const simdjson::dom::array regions = tune["regions"].get_array().value();
        for (const auto region : regions) written += region["written"].get_bool().value() ? 1 : 0;
        withCadence += tune["cadences"].get_array().value().size() > 0 ? 1 : 0;
    }
    EXPECT_GT(written, 1000U);               // the tunes' own chord symbols are used
    EXPECT_GT(withCadence, out.size() / 2);  // and most tunes end with a cadence
}

TEST(AnalyzeCommandTest, PrintsReadableTextAndFailsClearlyOnAMissingFile) {
    const fs::path file = kCorpora / "musicxml" / "JohannSebastianBach_Air.xml";
    ASSERT_TRUE(fs::exists(file)) << "no corpus file " << file;
    const MosRun run = runMos({"analyze", file.string()});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    EXPECT_NE(run.out.find("key        D major"), std::string::npos) << run.out.substr(0, 200);
    EXPECT_NE(run.out.find("m1 b1"), std::string::npos);

    const MosRun missing = runMos({"analyze", "/nonexistent/song.xml"});
    EXPECT_EQ(missing.exitStatus, 1);
    EXPECT_NE(missing.err.find("/nonexistent/song.xml"), std::string::npos) << missing.err;
}

TEST(AnalyzeCommandTest, SearchesTheModesAskedFor) {
    // A D Dorian tune (B natural, G major as IV, C major as VII): major and minor by default find
    // D minor; with the folk modes searched it is D Dorian, its chords numbered in that mode.
    const TempDirectory folder;
    const fs::path file = folder.path() / "dorian.abc";
    std::ofstream{file} << "X:1\nT:Dorian\nM:4/4\nL:1/4\nK:Ddor\n"
                           "\"Dm\"D F A d|\"G\"B G B d|\"Dm\"A F D F|\"C\"E G c E|"
                           "\"Dm\"D F A F|\"G\"G B d B|\"C\"c B A G|\"Dm\"D4|\n";
    const MosRun plain = runMos({"analyze", file.string(), "--json"});
    ASSERT_EQ(plain.exitStatus, 0) << plain.err;
    EXPECT_EQ(std::string_view(ParsedJson{lines(plain.out).at(0)}["key"]["mode"]), "minor");

    const MosRun modal = runMos({"analyze", file.string(), "--modes", "major,minor,dorian,mixolydian", "--json"});
    ASSERT_EQ(modal.exitStatus, 0) << modal.err;
    const ParsedJson analysis{lines(modal.out).at(0)};
    EXPECT_EQ(std::string_view(analysis["key"]["tonic"]), "D");
    EXPECT_EQ(std::string_view(analysis["key"]["mode"]), "dorian");
    const auto regions = analysis["regions"].get_array().value();
    ASSERT_GE(regions.size(), 2U);
    EXPECT_EQ(std::string_view(regions.at(1)["roman"]), "IV");

    const MosRun bad = runMos({"analyze", file.string(), "--modes", "major,bogus"});
    EXPECT_EQ(bad.exitStatus, 2);
    EXPECT_NE(bad.err.find("\"bogus\" is no mode"), std::string::npos) << bad.err;
}

TEST(RomanCommandTest, SpellsANumeralInAKey) {
    const MosRun run = runMos({"roman", "V65/V", "--key", "C", "--json"});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    const ParsedJson chord{run.out};
    EXPECT_EQ(std::string_view(chord["numeral"]), "V65/V");
    EXPECT_EQ(std::string_view(chord["key"]), "C major");
    EXPECT_EQ(std::string_view(chord["root"]), "D");
    EXPECT_EQ(std::string_view(chord["bass"]), "F#");
    EXPECT_EQ(std::string_view(chord["quality"]), "dominant-seventh");
    EXPECT_EQ(std::int64_t(chord["inversion"]), 1);
    EXPECT_EQ(compactJson(chord["notes"]), R"(["F#","A","C","D"])");
    EXPECT_EQ(compactJson(chord["pitch_classes"]), "[0,2,6,9]");

    const ParsedJson german{runMos({"roman", "Ger65", "--key", "c", "--json"}).out};
    EXPECT_EQ(compactJson(german["notes"]), R"(["Ab","C","Eb","F#"])");
    EXPECT_EQ(std::string_view(german["quality"]), "german-sixth");

    const MosRun text = runMos({"roman", "viio7", "--key", "c"});
    EXPECT_EQ(text.exitStatus, 0);
    EXPECT_NE(text.out.find("B D F Ab"), std::string::npos) << text.out;
}

TEST(RomanCommandTest, BadNumeralsAndKeysGetClearErrors) {
    const MosRun numeral = runMos({"roman", "VQ", "--key", "C"});
    EXPECT_EQ(numeral.exitStatus, 1);
    EXPECT_FALSE(numeral.err.empty());
    EXPECT_EQ(runMos({"roman", "V", "--key", "H major"}).exitStatus, 2);
    EXPECT_NE(runMos({"roman", "V"}).exitStatus, 0);  // --key is required
}

}  // namespace
}  // namespace mos::test
