#include "mos/core/Files.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "support/TempDirectory.hpp"

namespace mos::core {
namespace {

namespace fs = std::filesystem;

TEST(FilesTest, WritesThenReadsBackEveryByte) {
    const test::TempDirectory folder;
    const fs::path path = folder.path() / "score.umf.json";
    std::string bytes{"{\"umf\":\"1.0\"}\n"};
    bytes.push_back('\0');
    bytes += "\xff\xfe";
    ASSERT_TRUE(writeFileAtomically(path, bytes));
    const auto read = readWholeFile(path);
    ASSERT_TRUE(read) << read.error().describe();
    EXPECT_EQ(*read, bytes);
}

TEST(FilesTest, ReplacesAnExistingFileAndLeavesNoTemporary) {
    const test::TempDirectory folder;
    const fs::path path = folder.path() / "song.mid";
    ASSERT_TRUE(writeFileAtomically(path, "old"));
    ASSERT_TRUE(writeFileAtomically(path, "new and longer"));
    EXPECT_EQ(*readWholeFile(path), "new and longer");
    EXPECT_EQ(std::distance(fs::directory_iterator{folder.path()}, fs::directory_iterator{}), 1);
}

TEST(FilesTest, AFailedWriteKeepsTheOldFile) {
    const test::TempDirectory folder;
    const fs::path path = folder.path() / "missing-folder" / "song.mid";
    const auto written = writeFileAtomically(path, "bytes");
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().where.file, path.string());
    EXPECT_FALSE(fs::exists(path));
}

TEST(FilesTest, ReadingNamesTheFileAndTheReason) {
    const test::TempDirectory folder;
    const auto missing = readWholeFile(folder.path() / "nope.xml");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_NE(missing.error().describe().find("nope.xml"), std::string::npos);
    const auto directory = readWholeFile(folder.path());
    ASSERT_FALSE(directory);
    EXPECT_EQ(directory.error().code, ErrorCode::IoError);
}

}  // namespace
}  // namespace mos::core
