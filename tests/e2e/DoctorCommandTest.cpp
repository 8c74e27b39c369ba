// `mos doctor [--json]` run as a user would, on a machine described through its environment: a JACK
// server name nobody serves (or a real dummy server), a data directory, a config directory, system
// data directories and instruments of the test's own making.

#include <chrono>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <unistd.h>

#include "e2e/RunMos.hpp"
#include "mos/core/Version.hpp"
#include "support/DummyJackServer.hpp"
#include "support/ParsedJson.hpp"
#include "support/TempDirectory.hpp"

namespace mos::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// RIFF size 4: just the 'sfbk' form type, the smallest header a SoundFont check accepts.
void writeSoundFont(const fs::path& path) {
    std::ofstream{path, std::ios::binary} << std::string{"RIFF\x04\x00\x00\x00sfbk", 12};
}

// The start of a human report's line: the mark and the check's name, padded to the longest name.
std::string lineStart(const std::string& mark, std::string check) {
    check.resize(11, ' ');
    return mark + " " + check + " ";
}

// The lines of `text` that start with `prefix`.
std::vector<std::string> linesStartingWith(const std::string& text, const std::string& prefix) {
    std::vector<std::string> lines;
    std::istringstream stream{text};
    for (std::string line; std::getline(stream, line);) {
        if (line.rfind(prefix, 0) == 0) lines.push_back(line);
    }
    return lines;
}

class DoctorCommandTest : public ::testing::Test {
protected:
    // The machine as the child sees it: nothing from the developer's own setup leaks in.
    std::map<std::string, std::string> environment() const {
        return {{"JACK_DEFAULT_SERVER", "mos-test-nobody-" + std::to_string(::getpid())},
                {"MOS_DATA_DIR", dataDir().string()},
                {"MOS_CONFIG_DIR", configDir().string()},
                {"XDG_DATA_DIRS", (temp_.path() / "system").string()},
                {"MOS_SOUNDFONT", ""},
                {"MOS_WEB_ROOT", ""}};
    }

    ParsedJson doctorJson(const std::map<std::string, std::string>& environment) const {
        const MosRun run = runMos({"doctor", "--json"}, environment);
        EXPECT_EQ(run.exitStatus, 0) << run.err;
        EXPECT_EQ(run.err, "");
        EXPECT_FALSE(run.out.empty());
        EXPECT_EQ(run.out.find('\n'), run.out.size() - 1) << "one JSON object on one line: " << run.out;
        return ParsedJson{run.out};
    }

    fs::path dataDir() const { return temp_.path() / "data"; }
    fs::path configDir() const { return temp_.path() / "config"; }
    const fs::path& tempDir() const { return temp_.path(); }

private:
    TempDirectory temp_;
};

TEST_F(DoctorCommandTest, JsonReportsEverySectionAndAChoiceThatFollowsFromTheFindings) {
    const ParsedJson doctor = doctorJson(environment());

    EXPECT_EQ(std::string_view(doctor["version"]), core::version());

    const element audio = doctor["audio"];
    const element jack = audio["jack"];
    EXPECT_FALSE(bool(jack["running"]));
    EXPECT_EQ(std::string_view(jack["server"]), environment().at("JACK_DEFAULT_SERVER"));
    EXPECT_TRUE(jack["sampleRate"].is_null());
    EXPECT_TRUE(jack["bufferSize"].is_null());
    EXPECT_TRUE(jack["reason"].is_string());
    EXPECT_NE(std::string_view(jack["hint"]).find("jackd -d alsa"), std::string::npos);
    const element alsa = audio["alsa"];
    ASSERT_TRUE(alsa["devices"].is_array());
    for (const element device : array(alsa["devices"])) {
        EXPECT_TRUE(device["id"].is_string());
        EXPECT_TRUE(device["card"].is_string());
        EXPECT_TRUE(device["name"].is_string());
    }
    const bool alsaFound = array(alsa["devices"]).size() > 0;
    EXPECT_EQ(alsa["hint"].is_null(), alsaFound);
    EXPECT_EQ(alsa["reason"].is_null(), alsaFound);
    EXPECT_EQ(std::string_view(audio["use"]), alsaFound ? "alsa" : "none");

    const element midi = doctor["midi"];
    ASSERT_TRUE(midi["available"].is_bool());
    ASSERT_TRUE(midi["ports"].is_array());
    if (!bool(midi["available"])) {
        EXPECT_EQ(array(midi["ports"]).size(), 0U);
        EXPECT_TRUE(midi["reason"].is_string());
        EXPECT_TRUE(midi["hint"].is_string());
    }

    const element soundFonts = doctor["soundfonts"];
    ASSERT_TRUE(soundFonts["found"].is_array());
    ASSERT_TRUE(soundFonts["invalid"].is_array());
    EXPECT_EQ(soundFonts["use"].is_null(), array(soundFonts["found"]).size() == 0);
    EXPECT_EQ(soundFonts["hint"].is_null(), !soundFonts["use"].is_null());
    const array searched = soundFonts["searched"];
    ASSERT_GT(searched.size(), 0U);
    EXPECT_EQ(std::string_view(searched.at(searched.size() - 1)), (dataDir() / "soundfonts").string());

    const element database = doctor["database"];
    EXPECT_EQ(std::string_view(database["path"]), (dataDir() / "library.sqlite").string());
    EXPECT_FALSE(bool(database["exists"]));
    EXPECT_TRUE(database["hint"].is_string());

    const element web = doctor["web"];
    ASSERT_TRUE(web["searched"].is_array());
    EXPECT_EQ(array(web["searched"]).size(), 2U) << "the source tree and the install prefix, no MOS_WEB_ROOT";
    EXPECT_EQ(web["hint"].is_null(), !web["root"].is_null());
}

TEST_F(DoctorCommandTest, JsonFindsTheDatabaseAndWebStudioWhereTheEnvironmentPoints) {
    fs::create_directories(dataDir());
    std::ofstream{dataDir() / "library.sqlite"} << "";
    const fs::path webRoot = tempDir() / "studio";
    fs::create_directories(webRoot);
    std::ofstream{webRoot / "index.html"} << "<!doctype html>\n";
    auto env = environment();
    env["MOS_WEB_ROOT"] = webRoot.string();

    const ParsedJson doctor = doctorJson(env);

    EXPECT_TRUE(bool(doctor["database"]["exists"]));
    EXPECT_TRUE(doctor["database"]["hint"].is_null());
    EXPECT_EQ(std::string_view(doctor["web"]["root"]), webRoot.string());
    EXPECT_EQ(std::string_view(doctor["web"]["searched"].at(0)), webRoot.string());
    EXPECT_TRUE(doctor["web"]["hint"].is_null());
}

TEST_F(DoctorCommandTest, JsonFlagMayComeBeforeTheSubcommand) {
    const MosRun run = runMos({"--json", "doctor"}, environment());
    EXPECT_EQ(run.exitStatus, 0) << run.err;
    const ParsedJson doctor{run.out};
    EXPECT_EQ(std::string_view(doctor["version"]), core::version());
    EXPECT_TRUE(doctor.contains("audio"));
}

TEST_F(DoctorCommandTest, JsonReportsARunningJackServerAndUsesIt) {
    DummyJackServer server{48000, 256};
    ASSERT_TRUE(server.waitUntilReady(10s)) << "jackd did not come up:\n" << server.log();
    auto env = environment();
    env["JACK_DEFAULT_SERVER"] = server.name();

    const ParsedJson doctor = doctorJson(env);

    const element jack = doctor["audio"]["jack"];
    EXPECT_TRUE(bool(jack["running"]));
    EXPECT_EQ(std::string_view(jack["server"]), server.name());
    EXPECT_EQ(std::int64_t(jack["sampleRate"]), 48000);
    EXPECT_EQ(std::int64_t(jack["bufferSize"]), 256);
    EXPECT_TRUE(jack["reason"].is_null());
    EXPECT_TRUE(jack["hint"].is_null());
    EXPECT_EQ(std::string_view(doctor["audio"]["use"]), "jack");
}

TEST_F(DoctorCommandTest, JsonUsesTheSoundFontMosSoundfontNames) {
    const fs::path soundFont = tempDir() / "Test Piano.sf2";
    writeSoundFont(soundFont);
    auto env = environment();
    env["MOS_SOUNDFONT"] = soundFont.string();

    const ParsedJson doctor = doctorJson(env);
    const element soundFonts = doctor["soundfonts"];

    EXPECT_EQ(std::string_view(soundFonts["use"]), soundFont.string());
    const element found = soundFonts["found"].at(0);
    EXPECT_EQ(object(found).size(), 2U);
    EXPECT_EQ(std::string_view(found["path"]), soundFont.string());
    EXPECT_EQ(std::string_view(found["format"]), "sf2");
    EXPECT_EQ(std::string_view(soundFonts["searched"].at(0)), soundFont.string());
    EXPECT_TRUE(soundFonts["hint"].is_null());

    const element instruments = doctor["instruments"];
    EXPECT_EQ(std::string_view(instruments["engine"]), "sampler");
    EXPECT_EQ(std::string_view(instruments["file"]), soundFont.string());
    EXPECT_EQ(std::string_view(instruments["format"]), "sf2");
    EXPECT_EQ(std::string_view(instruments["source"]), "environment");
}

TEST_F(DoctorCommandTest, JsonSaysTheFallbackSynthPlaysWhenNoSoundFontIsFound) {
    const ParsedJson doctor = doctorJson(environment());

    EXPECT_EQ(array(doctor["soundfonts"]["found"]).size(), 0U);
    const element instruments = doctor["instruments"];
    EXPECT_EQ(std::string_view(instruments["engine"]), "fallback");
    EXPECT_TRUE(instruments["file"].is_null());
    EXPECT_TRUE(instruments["format"].is_null());
    EXPECT_TRUE(instruments["source"].is_null());

    const element config = doctor["config"];
    EXPECT_EQ(std::string_view(config["path"]), (configDir() / "config.json").string());
    EXPECT_FALSE(bool(config["exists"]));
    EXPECT_TRUE(config["error"].is_null());
    EXPECT_TRUE(config["soundfont"].is_null());
}

TEST_F(DoctorCommandTest, TheConfigFileChoosesTheSoundFontUnlessMosSoundfontDoes) {
    const fs::path configured = tempDir() / "Configured.sf2";
    const fs::path named = tempDir() / "Named.sf2";
    writeSoundFont(configured);
    writeSoundFont(named);
    fs::create_directories(configDir());
    std::ofstream{configDir() / "config.json"} << "{\"soundfont\": \"../Configured.sf2\"}\n";

    const ParsedJson doctor = doctorJson(environment());
    EXPECT_TRUE(bool(doctor["config"]["exists"]));
    EXPECT_EQ(std::string_view(doctor["config"]["soundfont"]), (configDir() / "../Configured.sf2").string());
    EXPECT_EQ(std::string_view(doctor["instruments"]["engine"]), "sampler");
    EXPECT_EQ(std::string_view(doctor["instruments"]["file"]), (configDir() / "../Configured.sf2").string());
    EXPECT_EQ(std::string_view(doctor["instruments"]["source"]), "config");

    const MosRun human = runMos({"doctor"}, environment());
    ASSERT_EQ(human.exitStatus, 0) << human.err;
    EXPECT_EQ(linesStartingWith(human.out, lineStart("[ok]", "instruments")),
              std::vector<std::string>{lineStart("[ok]", "instruments") +
                                       "sampler: " + (configDir() / "../Configured.sf2").string() + " (sf2, from " +
                                       (configDir() / "config.json").string() + ")"});

    auto env = environment();
    env["MOS_SOUNDFONT"] = named.string();
    const ParsedJson overridden = doctorJson(env);
    EXPECT_EQ(std::string_view(overridden["instruments"]["file"]), named.string());
    EXPECT_EQ(std::string_view(overridden["instruments"]["source"]), "environment");
    const MosRun humanOverridden = runMos({"doctor"}, env);
    EXPECT_EQ(linesStartingWith(humanOverridden.out, lineStart("[ok]", "instruments")),
              std::vector<std::string>{lineStart("[ok]", "instruments") + "sampler: " + named.string() +
                                       " (sf2, from $MOS_SOUNDFONT)"});
}

TEST_F(DoctorCommandTest, ABrokenConfigFileIsReportedWithItsLine) {
    fs::create_directories(configDir());
    std::ofstream{configDir() / "config.json"} << "{\n  \"soundfont\": 42\n}\n";
    const std::string where = (configDir() / "config.json").string() + ":2:16: ";

    const ParsedJson doctor = doctorJson(environment());
    EXPECT_EQ(std::string_view(doctor["config"]["error"]).rfind(where, 0), 0U)
        << std::string_view(doctor["config"]["error"]);
    EXPECT_EQ(std::string_view(doctor["instruments"]["engine"]), "fallback");

    const MosRun human = runMos({"doctor"}, environment());
    ASSERT_EQ(human.exitStatus, 0) << human.err;
    const auto lines = linesStartingWith(human.out, lineStart("[!!]", "config"));
    ASSERT_EQ(lines.size(), 1U) << human.out;
    EXPECT_EQ(lines[0].rfind(lineStart("[!!]", "config") + where, 0), 0U) << lines[0];
}

TEST_F(DoctorCommandTest, JsonReportsAFileThatIsNotASoundFont) {
    const fs::path bogus = tempDir() / "bogus.sf2";
    std::ofstream{bogus} << "not a SoundFont\n";
    auto env = environment();
    env["MOS_SOUNDFONT"] = bogus.string();

    const ParsedJson doctor = doctorJson(env);
    const element soundFonts = doctor["soundfonts"];

    const element invalid = soundFonts["invalid"].at(0);
    EXPECT_EQ(object(invalid).size(), 2U);
    EXPECT_EQ(std::string_view(invalid["path"]), bogus.string());
    EXPECT_EQ(std::string_view(invalid["reason"]), "no RIFF 'sfbk' header: not a SoundFont");
    EXPECT_TRUE(soundFonts["use"].is_null() || std::string_view(soundFonts["use"]) != bogus.string());
}

TEST_F(DoctorCommandTest, HumanReportHasOneAlignedLinePerCheckWithHintsForWhatIsMissing) {
    const fs::path bogus = tempDir() / "bogus.sf2";
    std::ofstream{bogus} << "not a SoundFont\n";
    auto env = environment();
    env["MOS_SOUNDFONT"] = bogus.string();

    const MosRun run = runMos({"doctor"}, env);

    ASSERT_EQ(run.exitStatus, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(run.out.rfind("mos " + std::string{core::version()} + " doctor\n", 0), 0U) << run.out;
    const std::string nobody = env.at("JACK_DEFAULT_SERVER");
    EXPECT_EQ(linesStartingWith(run.out, lineStart("[--]", "jack")),
              std::vector<std::string>{lineStart("[--]", "jack") + "no JACK server \"" + nobody + "\" is running"});
    EXPECT_EQ(linesStartingWith(run.out, lineStart("[!!]", "soundfont")),
              std::vector<std::string>{lineStart("[!!]", "soundfont") + bogus.string() +
                                       ": no RIFF 'sfbk' header: not a SoundFont"});
    EXPECT_EQ(linesStartingWith(run.out, lineStart("[--]", "database")),
              std::vector<std::string>{lineStart("[--]", "database") + (dataDir() / "library.sqlite").string() +
                                       " (not created yet)"});
    EXPECT_EQ(linesStartingWith(run.out, lineStart("[ok]", "config")),
              std::vector<std::string>{lineStart("[ok]", "config") + (configDir() / "config.json").string() +
                                       " (none: MOS uses its defaults)"});
    EXPECT_EQ(linesStartingWith(run.out, lineStart("[--]", "instruments")),
              std::vector<std::string>{lineStart("[--]", "instruments") + "fallback synth (no SoundFont found)"});
    for (const std::string check : {"alsa", "audio out", "midi", "web"}) {
        EXPECT_EQ(linesStartingWith(run.out, lineStart("[ok]", check)).size() +
                      linesStartingWith(run.out, lineStart("[--]", check)).size(),
                  1U)
            << check << " in:\n"
            << run.out;
    }
    // Each missing check is followed by its hint, indented under the details.
    const std::string hintIndent(4 + 1 + 11 + 1, ' ');
    EXPECT_NE(run.out.find("is running\n" + hintIndent + "hint: start one with `jackd -d alsa`"), std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("(not created yet)\n" + hintIndent + "hint: MOS creates it"), std::string::npos) << run.out;
}

TEST_F(DoctorCommandTest, HumanReportShowsARunningJackServer) {
    DummyJackServer server{48000, 256};
    ASSERT_TRUE(server.waitUntilReady(10s)) << "jackd did not come up:\n" << server.log();
    auto env = environment();
    env["JACK_DEFAULT_SERVER"] = server.name();

    const MosRun run = runMos({"doctor"}, env);

    ASSERT_EQ(run.exitStatus, 0) << run.err;
    EXPECT_EQ(linesStartingWith(run.out, lineStart("[ok]", "jack")),
              std::vector<std::string>{lineStart("[ok]", "jack") + "server \"" + server.name() +
                                       "\" running: 48000 Hz, 256 frames per period"});
    EXPECT_EQ(linesStartingWith(run.out, lineStart("[ok]", "audio out")),
              std::vector<std::string>{lineStart("[ok]", "audio out") + "jack"});
}

}  // namespace
}  // namespace mos::test
