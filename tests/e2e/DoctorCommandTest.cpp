// `mos doctor [--json]` run as a user would, on a machine described through its environment: a JACK
// server name nobody serves (or a real dummy server), a data directory and instruments of the test's
// own making.

#include <chrono>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "e2e/RunMos.hpp"
#include "mos/core/Version.hpp"
#include "support/DummyJackServer.hpp"
#include "support/TempDirectory.hpp"

namespace mos::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

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

    nlohmann::json doctorJson(const std::map<std::string, std::string>& environment) const {
        const MosRun run = runMos({"doctor", "--json"}, environment);
        EXPECT_EQ(run.exitStatus, 0) << run.err;
        EXPECT_EQ(run.err, "");
        EXPECT_FALSE(run.out.empty());
        EXPECT_EQ(run.out.find('\n'), run.out.size() - 1) << "one JSON object on one line: " << run.out;
        return nlohmann::json::parse(run.out);
    }

    fs::path dataDir() const { return temp_.path() / "data"; }
    const fs::path& tempDir() const { return temp_.path(); }

private:
    TempDirectory temp_;
};

TEST_F(DoctorCommandTest, JsonReportsEverySectionAndAChoiceThatFollowsFromTheFindings) {
    const nlohmann::json doctor = doctorJson(environment());

    EXPECT_EQ(doctor.at("version"), core::version());

    const nlohmann::json& audio = doctor.at("audio");
    const nlohmann::json& jack = audio.at("jack");
    EXPECT_EQ(jack.at("running"), false);
    EXPECT_EQ(jack.at("server"), environment().at("JACK_DEFAULT_SERVER"));
    EXPECT_TRUE(jack.at("sampleRate").is_null());
    EXPECT_TRUE(jack.at("bufferSize").is_null());
    EXPECT_NE(jack.at("hint").get<std::string>().find("jackd -d alsa"), std::string::npos);
    const nlohmann::json& alsa = audio.at("alsa");
    ASSERT_TRUE(alsa.at("devices").is_array());
    for (const nlohmann::json& device : alsa.at("devices")) {
        EXPECT_TRUE(device.at("id").is_string());
        EXPECT_TRUE(device.at("card").is_string());
        EXPECT_TRUE(device.at("name").is_string());
    }
    const bool alsaFound = !alsa.at("devices").empty();
    EXPECT_EQ(alsa.at("hint").is_null(), alsaFound);
    EXPECT_EQ(audio.at("use"), alsaFound ? "alsa" : "none");

    const nlohmann::json& midi = doctor.at("midi");
    ASSERT_TRUE(midi.at("available").is_boolean());
    ASSERT_TRUE(midi.at("ports").is_array());
    if (!midi.at("available").get<bool>()) {
        EXPECT_TRUE(midi.at("ports").empty());
        EXPECT_TRUE(midi.at("reason").is_string());
        EXPECT_TRUE(midi.at("hint").is_string());
    }

    const nlohmann::json& soundFonts = doctor.at("soundfonts");
    ASSERT_TRUE(soundFonts.at("found").is_array());
    ASSERT_TRUE(soundFonts.at("invalid").is_array());
    EXPECT_EQ(soundFonts.at("use").is_null(), soundFonts.at("found").empty());
    EXPECT_EQ(soundFonts.at("hint").is_null(), !soundFonts.at("use").is_null());
    EXPECT_EQ(soundFonts.at("searched").back(), (dataDir() / "soundfonts").string());

    const nlohmann::json& database = doctor.at("database");
    EXPECT_EQ(database.at("path"), (dataDir() / "library.sqlite").string());
    EXPECT_EQ(database.at("exists"), false);
    EXPECT_TRUE(database.at("hint").is_string());

    const nlohmann::json& web = doctor.at("web");
    ASSERT_TRUE(web.at("searched").is_array());
    EXPECT_EQ(web.at("searched").size(), 2U) << "the source tree and the install prefix, no MOS_WEB_ROOT";
    EXPECT_EQ(web.at("hint").is_null(), !web.at("root").is_null());
}

TEST_F(DoctorCommandTest, JsonFindsTheDatabaseAndWebStudioWhereTheEnvironmentPoints) {
    fs::create_directories(dataDir());
    std::ofstream{dataDir() / "library.sqlite"} << "";
    const fs::path webRoot = tempDir() / "studio";
    fs::create_directories(webRoot);
    std::ofstream{webRoot / "index.html"} << "<!doctype html>\n";
    auto env = environment();
    env["MOS_WEB_ROOT"] = webRoot.string();

    const nlohmann::json doctor = doctorJson(env);

    EXPECT_EQ(doctor.at("database").at("exists"), true);
    EXPECT_TRUE(doctor.at("database").at("hint").is_null());
    EXPECT_EQ(doctor.at("web").at("root"), webRoot.string());
    EXPECT_EQ(doctor.at("web").at("searched").front(), webRoot.string());
    EXPECT_TRUE(doctor.at("web").at("hint").is_null());
}

TEST_F(DoctorCommandTest, JsonFlagMayComeBeforeTheSubcommand) {
    const MosRun run = runMos({"--json", "doctor"}, environment());
    EXPECT_EQ(run.exitStatus, 0) << run.err;
    const nlohmann::json doctor = nlohmann::json::parse(run.out);
    EXPECT_EQ(doctor.at("version"), core::version());
    EXPECT_TRUE(doctor.contains("audio"));
}

TEST_F(DoctorCommandTest, JsonReportsARunningJackServerAndUsesIt) {
    DummyJackServer server{48000, 256};
    ASSERT_TRUE(server.waitUntilReady(10s)) << "jackd did not come up:\n" << server.log();
    auto env = environment();
    env["JACK_DEFAULT_SERVER"] = server.name();

    const nlohmann::json doctor = doctorJson(env);

    const nlohmann::json& jack = doctor.at("audio").at("jack");
    EXPECT_EQ(jack.at("running"), true);
    EXPECT_EQ(jack.at("server"), server.name());
    EXPECT_EQ(jack.at("sampleRate"), 48000);
    EXPECT_EQ(jack.at("bufferSize"), 256);
    EXPECT_TRUE(jack.at("hint").is_null());
    EXPECT_EQ(doctor.at("audio").at("use"), "jack");
}

TEST_F(DoctorCommandTest, JsonUsesTheSoundFontMosSoundfontNames) {
    const fs::path soundFont = tempDir() / "Test Piano.sf2";
    writeSoundFont(soundFont);
    auto env = environment();
    env["MOS_SOUNDFONT"] = soundFont.string();

    const nlohmann::json soundFonts = doctorJson(env).at("soundfonts");

    EXPECT_EQ(soundFonts.at("use"), soundFont.string());
    EXPECT_EQ(soundFonts.at("found").front(), (nlohmann::json{{"path", soundFont.string()}, {"format", "sf2"}}));
    EXPECT_EQ(soundFonts.at("searched").front(), soundFont.string());
    EXPECT_TRUE(soundFonts.at("hint").is_null());
}

TEST_F(DoctorCommandTest, JsonReportsAFileThatIsNotASoundFont) {
    const fs::path bogus = tempDir() / "bogus.sf2";
    std::ofstream{bogus} << "not a SoundFont\n";
    auto env = environment();
    env["MOS_SOUNDFONT"] = bogus.string();

    const nlohmann::json soundFonts = doctorJson(env).at("soundfonts");

    EXPECT_EQ(soundFonts.at("invalid").front(),
              (nlohmann::json{{"path", bogus.string()}, {"reason", "no RIFF 'sfbk' header: not a SoundFont"}}));
    EXPECT_NE(soundFonts.at("use"), bogus.string());
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
