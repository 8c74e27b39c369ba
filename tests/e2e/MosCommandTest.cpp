// The `mos` command itself: help, version and how it refuses what it does not know.

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "e2e/RunMos.hpp"
#include "mos/core/Version.hpp"
#include "support/ParsedJson.hpp"

namespace mos::test {
namespace {

TEST(MosCommandTest, HelpListsTheSubcommandsAndExitsZero) {
    const MosRun run = runMos({"--help"});
    EXPECT_EQ(run.exitStatus, 0) << run.err;
    EXPECT_NE(run.out.find("Subcommands:"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("doctor"), std::string::npos) << run.out;
    EXPECT_EQ(run.err, "");
}

TEST(MosCommandTest, VersionPrintsNameAndVersion) {
    const MosRun run = runMos({"--version"});
    EXPECT_EQ(run.exitStatus, 0) << run.err;
    EXPECT_EQ(run.out, "mos " + std::string{core::version()} + "\n");
    EXPECT_EQ(std::string{core::version()}.find_first_not_of("0123456789."), std::string::npos);
}

TEST(MosCommandTest, VersionJsonIsOneObjectWithTheVersion) {
    const MosRun run = runMos({"--version", "--json"});
    ASSERT_EQ(run.exitStatus, 0) << run.err;
    ASSERT_EQ(run.out.back(), '\n');
    EXPECT_EQ(run.out.find('\n'), run.out.size() - 1) << "one line: " << run.out;
    const ParsedJson version{run.out};
    EXPECT_EQ(std::string_view(version["name"]), "mos");
    EXPECT_EQ(std::string_view(version["version"]), core::version());
}

TEST(MosCommandTest, UnknownSubcommandFailsWithAMessageOnStderr) {
    const MosRun run = runMos({"frobnicate"});
    EXPECT_NE(run.exitStatus, 0);
    EXPECT_NE(run.err.find("frobnicate"), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "");
}

TEST(MosCommandTest, UnknownOptionOfASubcommandFailsWithAMessageOnStderr) {
    const MosRun run = runMos({"doctor", "--frobnicate"});
    EXPECT_NE(run.exitStatus, 0);
    EXPECT_NE(run.err.find("--frobnicate"), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "");
}

}  // namespace
}  // namespace mos::test
