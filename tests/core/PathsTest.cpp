#include "mos/core/Paths.hpp"

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/TempDirectory.hpp"

namespace mos::core {
namespace {

namespace fs = std::filesystem;

using test::TempDirectory;

void writeIndexHtml(const fs::path& directory) {
    fs::create_directories(directory);
    std::ofstream{directory / "index.html"} << "<!doctype html>\n";
}

TEST(PathsTest, EnvironmentTreatsEmptyValuesAsUnset) {
    const Environment environment{{{"HOME", "/home/ana"}, {"XDG_DATA_HOME", ""}}};
    EXPECT_EQ(environment.get("HOME"), "/home/ana");
    EXPECT_EQ(environment.get("XDG_DATA_HOME"), std::nullopt);
    EXPECT_EQ(environment.get("MOS_DATA_DIR"), std::nullopt);
}

TEST(PathsTest, CurrentEnvironmentSeesThisProcessVariables) {
    const char* path = ::getenv("PATH");
    ASSERT_NE(path, nullptr) << "the test runner gives every process a PATH";
    EXPECT_EQ(Environment::current().get("PATH"), std::string{path});
}

TEST(PathsTest, SystemDataDirectoriesFollowXdgDataDirsAndIgnoreRelativeEntries) {
    EXPECT_EQ(systemDataDirectories(Environment{}), (std::vector<fs::path>{"/usr/local/share", "/usr/share"}));
    EXPECT_EQ(systemDataDirectories(Environment{{{"XDG_DATA_DIRS", "/opt/share:relative::/usr/share"}}}),
              (std::vector<fs::path>{"/opt/share", "/usr/share"}));
}

TEST(PathsTest, DataDirectoryDefaultsUnderHome) {
    const auto directory = dataDirectory(Environment{{{"HOME", "/home/ana"}}});
    ASSERT_TRUE(directory.ok());
    EXPECT_EQ(*directory, fs::path{"/home/ana/.local/share/mos"});
}

TEST(PathsTest, DataDirectoryFollowsXdgDataHome) {
    const auto directory = dataDirectory(Environment{{{"HOME", "/home/ana"}, {"XDG_DATA_HOME", "/srv/data"}}});
    ASSERT_TRUE(directory.ok());
    EXPECT_EQ(*directory, fs::path{"/srv/data/mos"});
}

TEST(PathsTest, MosDataDirWinsOverXdg) {
    const auto directory = dataDirectory(
        Environment{{{"HOME", "/home/ana"}, {"XDG_DATA_HOME", "/srv/data"}, {"MOS_DATA_DIR", "/mnt/mos"}}});
    ASSERT_TRUE(directory.ok());
    EXPECT_EQ(*directory, fs::path{"/mnt/mos"});
}

TEST(PathsTest, RelativeXdgDataHomeIsIgnored) {
    const auto directory = dataDirectory(Environment{{{"HOME", "/home/ana"}, {"XDG_DATA_HOME", "relative/data"}}});
    ASSERT_TRUE(directory.ok());
    EXPECT_EQ(*directory, fs::path{"/home/ana/.local/share/mos"});
}

TEST(PathsTest, NoHomeIsAnErrorNamingTheVariables) {
    const auto directory = dataDirectory(Environment{});
    ASSERT_FALSE(directory.ok());
    EXPECT_EQ(directory.error().code, ErrorCode::NotFound);
    EXPECT_NE(directory.error().message.find("MOS_DATA_DIR"), std::string::npos);
    EXPECT_NE(directory.error().message.find("HOME"), std::string::npos);
}

TEST(PathsTest, ConfigDirectoryFollowsTheSameOrder) {
    EXPECT_EQ(*configDirectory(Environment{{{"HOME", "/home/ana"}}}), fs::path{"/home/ana/.config/mos"});
    EXPECT_EQ(*configDirectory(Environment{{{"HOME", "/home/ana"}, {"XDG_CONFIG_HOME", "/etc/xdg"}}}),
              fs::path{"/etc/xdg/mos"});
    EXPECT_EQ(*configDirectory(
                  Environment{{{"HOME", "/home/ana"}, {"XDG_CONFIG_HOME", "/etc/xdg"}, {"MOS_CONFIG_DIR", "/cfg"}}}),
              fs::path{"/cfg"});
    EXPECT_FALSE(configDirectory(Environment{}).ok());
}

TEST(PathsTest, LibraryDatabaseLivesInTheDataDirectory) {
    const auto database = libraryDatabasePath(Environment{{{"MOS_DATA_DIR", "/mnt/mos"}}});
    ASSERT_TRUE(database.ok());
    EXPECT_EQ(*database, fs::path{"/mnt/mos/library.sqlite"});
    EXPECT_FALSE(libraryDatabasePath(Environment{}).ok());
}

TEST(PathsTest, RunningExecutableIsThisTestProgram) {
    const auto executable = runningExecutable();
    ASSERT_TRUE(executable.has_value());
    EXPECT_TRUE(executable->is_absolute());
    EXPECT_EQ(executable->filename(), "mos_core_tests");
}

TEST(PathsTest, WebRootSearchOrderWithNothingBuilt) {
    const TempDirectory temp;
    const fs::path configured = temp.path() / "configured";
    const fs::path executable = temp.path() / "repo" / "build" / "dev" / "mos";
    const auto search = findWebRoot(Environment{{{"MOS_WEB_ROOT", configured.string()}}}, executable);
    EXPECT_EQ(search.root, std::nullopt);
    const std::vector<fs::path> expected{configured, temp.path() / "repo" / "web" / "dist",
                                         temp.path() / "repo" / "build" / "share" / "mos" / "web"};
    EXPECT_EQ(search.searched, expected);
}

TEST(PathsTest, WebRootPrefersMosWebRoot) {
    const TempDirectory temp;
    const fs::path configured = temp.path() / "configured";
    const fs::path executable = temp.path() / "repo" / "build" / "dev" / "mos";
    writeIndexHtml(configured);
    writeIndexHtml(temp.path() / "repo" / "web" / "dist");
    const auto search = findWebRoot(Environment{{{"MOS_WEB_ROOT", configured.string()}}}, executable);
    EXPECT_EQ(search.root, configured);
}

TEST(PathsTest, WebRootFindsTheSourceTreeNextToABuildTreeBinary) {
    const TempDirectory temp;
    const fs::path executable = temp.path() / "repo" / "build" / "dev" / "mos";
    writeIndexHtml(temp.path() / "repo" / "web" / "dist");
    // A MOS_WEB_ROOT without a built studio is looked at and passed over.
    const auto search = findWebRoot(Environment{{{"MOS_WEB_ROOT", (temp.path() / "empty").string()}}}, executable);
    EXPECT_EQ(search.root, temp.path() / "repo" / "web" / "dist");
    EXPECT_EQ(search.searched.size(), 3U);
}

TEST(PathsTest, WebRootFindsTheInstallPrefixOfAnInstalledBinary) {
    const TempDirectory temp;
    const fs::path executable = temp.path() / "usr" / "bin" / "mos";
    writeIndexHtml(temp.path() / "usr" / "share" / "mos" / "web");
    const auto search = findWebRoot(Environment{}, executable);
    EXPECT_EQ(search.root, temp.path() / "usr" / "share" / "mos" / "web");
    EXPECT_EQ(search.searched.size(), 2U);
}

TEST(PathsTest, WebRootWithoutExecutableOnlyLooksAtMosWebRoot) {
    EXPECT_TRUE(findWebRoot(Environment{}, fs::path{}).searched.empty());
    const auto search = findWebRoot(Environment{{{"MOS_WEB_ROOT", "/nowhere"}}}, fs::path{});
    EXPECT_EQ(search.searched, std::vector<fs::path>{fs::path{"/nowhere"}});
    EXPECT_EQ(search.root, std::nullopt);
}

}  // namespace
}  // namespace mos::core
