#include "mos/audio/SoundFontLocator.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "support/TempDirectory.hpp"

namespace mos::audio {
namespace {

namespace fs = std::filesystem;

std::string littleEndian32(std::uint32_t value) {
    std::string bytes(4, '\0');
    for (std::size_t i = 0; i < 4; ++i) bytes[i] = static_cast<char>((value >> (8 * i)) & 0xFFU);
    return bytes;
}

void writeFile(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream{path, std::ios::binary} << bytes;
}

// A RIFF 'sfbk' form holding one empty INFO list: the header a SoundFont loader checks first.
// `claimedExtraBytes` makes the RIFF size promise more than the file holds, as a cut-off download does.
void writeSoundFont(const fs::path& path, std::uint32_t claimedExtraBytes = 0) {
    const std::string body = "sfbk" + std::string{"LIST"} + littleEndian32(4) + "INFO";
    writeFile(path, "RIFF" + littleEndian32(static_cast<std::uint32_t>(body.size()) + claimedExtraBytes) + body);
}

void writeSfz(const fs::path& path) { writeFile(path, "<region> sample=piano.wav lokey=0 hikey=127\n"); }

TEST(SoundFontLocatorTest, ChecksEveryInstrumentFileAndReportsTheBadOnes) {
    const test::TempDirectory temp;
    const fs::path& dir = temp.path();
    writeSoundFont(dir / "good.sf2");
    writeSoundFont(dir / "good.sf3");
    writeSfz(dir / "piano.sfz");
    writeFile(dir / "bogus.sf2", "this is not a SoundFont, just text with the right name\n");
    writeSoundFont(dir / "truncated.sf2", 1000);
    writeFile(dir / "tiny.sf2", "RIFF");
    writeFile(dir / "notes.sfz", "// notes about a piano, no regions\n");
    writeFile(dir / "readme.txt", "not an instrument\n");

    const SoundFontSearch search = SoundFontLocator{std::nullopt, {dir}}.locate();

    const std::vector<InstrumentFile> expectedFound{{dir / "good.sf2", InstrumentFormat::Sf2},
                                                    {dir / "good.sf3", InstrumentFormat::Sf3},
                                                    {dir / "piano.sfz", InstrumentFormat::Sfz}};
    EXPECT_EQ(search.found, expectedFound);
    ASSERT_EQ(search.invalid.size(), 4U);
    EXPECT_EQ(search.invalid[0].path, dir / "bogus.sf2");
    EXPECT_EQ(search.invalid[0].reason, "no RIFF 'sfbk' header: not a SoundFont");
    EXPECT_EQ(search.invalid[1].path, dir / "notes.sfz");
    EXPECT_NE(search.invalid[1].reason.find("no SFZ header"), std::string::npos);
    EXPECT_EQ(search.invalid[2].path, dir / "tiny.sf2");
    EXPECT_EQ(search.invalid[2].reason, "too short for a RIFF header: not a SoundFont");
    EXPECT_EQ(search.invalid[3].path, dir / "truncated.sf2");
    EXPECT_EQ(search.invalid[3].reason, "truncated: its RIFF header promises 1024 bytes, the file has 24");
    ASSERT_TRUE(search.use.has_value());
    EXPECT_EQ(search.use->path, dir / "good.sf2");
    EXPECT_EQ(search.searched, std::vector<fs::path>{dir});
}

TEST(SoundFontLocatorTest, PrefersFluidR3GeneralMidi) {
    const test::TempDirectory temp;
    writeSoundFont(temp.path() / "first" / "alpha.sf2");
    writeSoundFont(temp.path() / "second" / "FluidR3_GM.sf2");

    const SoundFontSearch search =
        SoundFontLocator{std::nullopt, {temp.path() / "first", temp.path() / "second"}}.locate();

    EXPECT_EQ(search.found.size(), 2U);
    ASSERT_TRUE(search.use.has_value());
    EXPECT_EQ(search.use->path, temp.path() / "second" / "FluidR3_GM.sf2");
}

TEST(SoundFontLocatorTest, UserChoiceWinsOverThePreferredFile) {
    const test::TempDirectory temp;
    const fs::path chosen = temp.path() / "mine" / "Upright.SF2";
    writeSoundFont(chosen);
    writeSoundFont(temp.path() / "system" / "FluidR3_GM.sf2");

    const SoundFontSearch search = SoundFontLocator{chosen, {temp.path() / "system"}}.locate();

    ASSERT_TRUE(search.use.has_value());
    EXPECT_EQ(search.use->path, chosen);
    EXPECT_EQ(search.use->format, InstrumentFormat::Sf2);
    EXPECT_EQ(search.searched, (std::vector<fs::path>{chosen, temp.path() / "system"}));
}

TEST(SoundFontLocatorTest, UserChosenDirectoryIsSearchedFirst) {
    const test::TempDirectory temp;
    writeSfz(temp.path() / "mine" / "strings" / "violin.sfz");
    writeSoundFont(temp.path() / "system" / "FluidR3_GM.sf2");

    const SoundFontSearch search = SoundFontLocator{temp.path() / "mine", {temp.path() / "system"}}.locate();

    ASSERT_TRUE(search.use.has_value());
    EXPECT_EQ(search.use->path, temp.path() / "mine" / "strings" / "violin.sfz");
    EXPECT_EQ(search.found.size(), 2U);
}

TEST(SoundFontLocatorTest, UnusableUserChoiceIsReportedAndPassedOver) {
    const test::TempDirectory temp;
    writeFile(temp.path() / "broken.sf2", "garbage, long enough for a header");
    writeFile(temp.path() / "song.mid", "MThd");
    writeSoundFont(temp.path() / "system" / "FluidR3_GM.sf2");

    for (const auto& [choice, reason] :
         {std::pair{temp.path() / "broken.sf2", "no RIFF 'sfbk' header: not a SoundFont"},
          std::pair{temp.path() / "song.mid", "not a .sf2, .sf3 or .sfz file"},
          std::pair{temp.path() / "missing.sf2", "does not exist"}}) {
        const SoundFontSearch search = SoundFontLocator{choice, {temp.path() / "system"}}.locate();
        ASSERT_EQ(search.invalid.size(), 1U) << choice;
        EXPECT_EQ(search.invalid[0].path, choice);
        EXPECT_EQ(search.invalid[0].reason, reason);
        ASSERT_TRUE(search.use.has_value()) << choice;
        EXPECT_EQ(search.use->path, temp.path() / "system" / "FluidR3_GM.sf2");
    }
}

TEST(SoundFontLocatorTest, ALinkedFileCountsOnce) {
    const test::TempDirectory temp;
    writeSoundFont(temp.path() / "FluidR3_GM.sf2");
    fs::create_symlink("FluidR3_GM.sf2", temp.path() / "default-GM.sf2");

    const SoundFontSearch search = SoundFontLocator{std::nullopt, {temp.path()}}.locate();

    ASSERT_EQ(search.found.size(), 1U);
    EXPECT_EQ(search.found[0].path, temp.path() / "FluidR3_GM.sf2");
}

TEST(SoundFontLocatorTest, LooksTwoFoldersDeepAndNoDeeper) {
    const test::TempDirectory temp;
    writeSfz(temp.path() / "vendor" / "piano" / "grand.sfz");
    writeSoundFont(temp.path() / "vendor" / "piano" / "samples" / "buried.sf2");

    const SoundFontSearch search = SoundFontLocator{std::nullopt, {temp.path()}}.locate();

    ASSERT_EQ(search.found.size(), 1U);
    EXPECT_EQ(search.found[0].path, temp.path() / "vendor" / "piano" / "grand.sfz");
}

TEST(SoundFontLocatorTest, MissingDirectoriesAreSearchedQuietly) {
    const test::TempDirectory temp;
    const fs::path missing = temp.path() / "nothing-here";

    const SoundFontSearch search = SoundFontLocator{std::nullopt, {missing}}.locate();

    EXPECT_EQ(search.searched, std::vector<fs::path>{missing});
    EXPECT_TRUE(search.found.empty());
    EXPECT_TRUE(search.invalid.empty());
    EXPECT_FALSE(search.use.has_value());
}

TEST(SoundFontLocatorTest, ForEnvironmentSearchesMosSoundfontThenTheStandardDirectories) {
    const test::TempDirectory temp;
    const fs::path chosen = temp.path() / "chosen.sf3";
    writeSoundFont(chosen);

    const SoundFontSearch search =
        SoundFontLocator::forEnvironment(core::Environment{{{"MOS_SOUNDFONT", chosen.string()},
                                                            {"MOS_DATA_DIR", (temp.path() / "data").string()},
                                                            {"XDG_DATA_DIRS", "/usr/share"}}},
                                         {})
            .locate();

    const std::vector<fs::path> expected{chosen, "/usr/share/sounds/sf2", "/usr/share/sounds/sf3",
                                         "/usr/share/soundfonts", temp.path() / "data" / "soundfonts"};
    EXPECT_EQ(search.searched, expected);
    ASSERT_TRUE(search.use.has_value());
    EXPECT_EQ(search.use->path, chosen);
    EXPECT_EQ(search.use->format, InstrumentFormat::Sf3);
    EXPECT_EQ(search.source, SoundFontSource::Environment);
}

TEST(SoundFontLocatorTest, TheConfigFileChoosesWhenMosSoundfontDoesNot) {
    const test::TempDirectory temp;
    const fs::path configured = temp.path() / "configured.sf2";
    const fs::path named = temp.path() / "named.sf2";
    writeSoundFont(configured);
    writeSoundFont(named);
    const core::UserConfig config{temp.path() / "config.json", configured};
    const core::Environment::Variables data{{"MOS_DATA_DIR", (temp.path() / "data").string()}};

    const SoundFontSearch fromConfig = SoundFontLocator::forEnvironment(core::Environment{data}, config).locate();
    EXPECT_EQ(fromConfig.searched.front(), configured);
    ASSERT_TRUE(fromConfig.use.has_value());
    EXPECT_EQ(fromConfig.use->path, configured);
    EXPECT_EQ(fromConfig.source, SoundFontSource::ConfigFile);

    auto withVariable = data;
    withVariable.emplace("MOS_SOUNDFONT", named.string());
    const SoundFontSearch fromVariable =
        SoundFontLocator::forEnvironment(core::Environment{withVariable}, config).locate();
    ASSERT_TRUE(fromVariable.use.has_value());
    EXPECT_EQ(fromVariable.use->path, named);
    EXPECT_EQ(fromVariable.source, SoundFontSource::Environment);
    EXPECT_EQ(std::count(fromVariable.searched.begin(), fromVariable.searched.end(), configured), 0);
}

TEST(SoundFontLocatorTest, AChoiceThatFailsLeavesTheInstalledFilesToChooseFrom) {
    const test::TempDirectory temp;
    const fs::path system = temp.path() / "system";
    fs::create_directories(system);
    writeSoundFont(system / "installed.sf2");

    const SoundFontSearch search =
        SoundFontLocator{temp.path() / "missing.sf2", {system}, SoundFontSource::ConfigFile}.locate();

    ASSERT_TRUE(search.use.has_value());
    EXPECT_EQ(search.use->path, system / "installed.sf2");
    EXPECT_EQ(search.source, SoundFontSource::Installed);
    EXPECT_EQ(toString(search.source), "installed");
}

TEST(SoundFontLocatorTest, FormatNames) {
    EXPECT_EQ(toString(InstrumentFormat::Sf2), "sf2");
    EXPECT_EQ(toString(InstrumentFormat::Sf3), "sf3");
    EXPECT_EQ(toString(InstrumentFormat::Sfz), "sfz");
}

}  // namespace
}  // namespace mos::audio
