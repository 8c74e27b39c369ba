#include "mos/core/UserConfig.hpp"

#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "support/TempDirectory.hpp"

namespace mos::core {
namespace {

namespace fs = std::filesystem;

const fs::path kFile{"/home/ana/.config/mos/config.json"};

TEST(UserConfigTest, ReadsTheSoundFontAndTakesARelativePathFromTheConfigDirectory) {
    const auto absolute = parseUserConfig(R"({"soundfont": "/srv/sounds/piano.sfz"})", kFile);
    ASSERT_TRUE(absolute) << absolute.error().describe();
    EXPECT_EQ(absolute->soundfont, fs::path{"/srv/sounds/piano.sfz"});
    EXPECT_EQ(absolute->file, kFile);
    const auto relative = parseUserConfig(R"({"soundfont": "sounds/piano.sf2"})", kFile);
    ASSERT_TRUE(relative) << relative.error().describe();
    EXPECT_EQ(relative->soundfont, fs::path{"/home/ana/.config/mos/sounds/piano.sf2"});
}

TEST(UserConfigTest, MembersItDoesNotKnowAreLeftAlone) {
    const auto config = parseUserConfig("\xEF\xBB\xBF{\"theme\": \"dark\", \"futureSetting\": [1, 2]}", kFile);
    ASSERT_TRUE(config) << config.error().describe();
    EXPECT_EQ(config->soundfont, std::nullopt);
}

TEST(UserConfigTest, TextThatIsNotJsonIsAnErrorNamingTheFileAndLine) {
    const auto config = parseUserConfig("{\n  \"soundfont\": \"a.sf2\",\n}\n", kFile);
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().code, ErrorCode::ParseError);
    EXPECT_EQ(config.error().where.file, kFile.string());
    EXPECT_EQ(config.error().where.line, 3);
    EXPECT_EQ(config.error().describe().rfind(kFile.string() + ":3:1: not JSON", 0), 0U) << config.error().describe();
}

TEST(UserConfigTest, ASoundFontThatIsNotAPathIsAnErrorAtItsPlace) {
    const auto config = parseUserConfig("{\n  \"soundfont\": 42\n}", kFile);
    ASSERT_FALSE(config);
    EXPECT_EQ(
        config.error().describe(),
        kFile.string() + ":2:16: \"soundfont\" must be the path of a .sf2, .sf3 or .sfz file, or of a folder of them");
    EXPECT_FALSE(parseUserConfig(R"({"soundfont": ""})", kFile));
    const auto array = parseUserConfig("[\"a.sf2\"]", kFile);
    ASSERT_FALSE(array);
    EXPECT_EQ(array.error().message, "the settings must be a JSON object");
}

TEST(UserConfigTest, ReadsConfigJsonFromTheConfigDirectoryAndNoFileIsNoSettings) {
    const test::TempDirectory dir;
    const Environment environment{{{"MOS_CONFIG_DIR", dir.path().string()}}};
    const auto none = readUserConfig(environment);
    ASSERT_TRUE(none) << none.error().describe();
    EXPECT_EQ(none->file, dir.path() / "config.json");
    EXPECT_EQ(none->soundfont, std::nullopt);

    std::ofstream{dir.path() / "config.json"} << R"({"soundfont": "fonts"})";
    const auto read = readUserConfig(environment);
    ASSERT_TRUE(read) << read.error().describe();
    EXPECT_EQ(read->soundfont, dir.path() / "fonts");

    EXPECT_EQ(readUserConfig(Environment{})->file, fs::path{}) << "no HOME, no configuration directory";
}

}  // namespace
}  // namespace mos::core
