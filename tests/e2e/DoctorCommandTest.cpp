// `mos doctor [--json]` run as a user would, on a machine described through its environment: a JACK
// server name nobody serves (or a real dummy server), a data directory and instruments of the test's
// own making.

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

class DoctorCommandTest : public ::testing::Test {
protected:
    // The machine as the child sees it: nothing from the developer's own setup leaks in.
    std::map<std::string, std::string> environment() const {
        return {{"JACK_DEFAULT_SERVER", "mos-test-nobody-" + std::to_string(::getpid())},
                {"MOS_DATA_DIR", dataDir().string()},
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

// The lines of `text` that start with `prefix`.
std::vector<std::string> linesStartingWith(const std::string& text, const std::string& prefix) {
    std::vector<std::string> lines;
    std::istringstream stream{text};
    for (std::string line; std::getline(stream, line);) {
        if (line.rfind(prefix, 0) == 0) lines.push_back(line);
    }
    return lines;
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
    EXPECT_EQ(linesStartingWith(run.out, "[--] jack       "),
              std::vector<std::string>{"[--] jack       no JACK server \"" + nobody + "\" is running"});
    EXPECT_EQ(
        linesStartingWith(run.out, "[!!] soundfont  "),
        std::vector<std::string>{"[!!] soundfont  " + bogus.string() + ": no RIFF 'sfbk' header: not a SoundFont"});
    EXPECT_EQ(
        linesStartingWith(run.out, "[--] database   "),
        std::vector<std::string>{"[--] database   " + (dataDir() / "library.sqlite").string() + " (not created yet)"});
    for (const std::string check : {"alsa", "audio out", "midi", "web"}) {
        std::string padded = check;
        padded.resize(10, ' ');
        EXPECT_EQ(linesStartingWith(run.out, "[ok] " + padded + " ").size() +
                      linesStartingWith(run.out, "[--] " + padded + " ").size(),
                  1U)
            << check << " in:\n"
            << run.out;
    }
    // Each missing check is followed by its hint, indented under the details.
    EXPECT_NE(run.out.find("is running\n                hint: start one with `jackd -d alsa`"), std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("(not created yet)\n                hint: MOS creates it"), std::string::npos) << run.out;
}

TEST_F(DoctorCommandTest, HumanReportShowsARunningJackServer) {
    DummyJackServer server{48000, 256};
    ASSERT_TRUE(server.waitUntilReady(10s)) << "jackd did not come up:\n" << server.log();
    auto env = environment();
    env["JACK_DEFAULT_SERVER"] = server.name();

    const MosRun run = runMos({"doctor"}, env);

    ASSERT_EQ(run.exitStatus, 0) << run.err;
    EXPECT_EQ(linesStartingWith(run.out, "[ok] jack       "),
              std::vector<std::string>{"[ok] jack       server \"" + server.name() +
                                       "\" running: 48000 Hz, 256 frames per period"});
    EXPECT_EQ(linesStartingWith(run.out, "[ok] audio out  "), std::vector<std::string>{"[ok] audio out  jack"});
}

}  // namespace
}  // namespace mos::test
