#include "mos/core/Result.hpp"

#include <memory>
#include <string>

#include <gtest/gtest.h>

namespace mos::core {
namespace {

Result<int> parseDigit(char c) {
    if (c < '0' || c > '9') {
        return fail(ErrorCode::ParseError, std::string{"'"} + c + "' is not a digit",
                    SourceLocation{.file = "song.abc", .line = 12, .column = 5});
    }
    return c - '0';
}

TEST(ResultTest, HoldsAValue) {
    const auto r = parseDigit('7');
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(*r, 7);
    EXPECT_EQ(r.valueOr(0), 7);
}

TEST(ResultTest, HoldsAnErrorWithItsPlace) {
    const auto r = parseDigit('x');
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::ParseError);
    EXPECT_EQ(r.error().describe(), "song.abc:12:5: 'x' is not a digit");
    EXPECT_EQ(r.valueOr(-1), -1);
}

TEST(ResultTest, MovesOutMoveOnlyValues) {
    Result<std::unique_ptr<int>> r{std::make_unique<int>(3)};
    std::unique_ptr<int> p = std::move(r).value();
    EXPECT_EQ(*p, 3);
}

TEST(ResultTest, VoidResult) {
    const Result<void> good;
    EXPECT_TRUE(good.ok());
    const Result<void> bad = fail(ErrorCode::IoError, "disk full");
    EXPECT_FALSE(bad);
    EXPECT_EQ(bad.error().message, "disk full");
}

TEST(ResultTest, LocationsDescribeEachKindOfPlace) {
    EXPECT_EQ((SourceLocation{.file = "a.mid", .byteOffset = 1042}).toString(), "a.mid at byte 1042");
    EXPECT_EQ((SourceLocation{.file = "a.xml", .line = 3, .measure = "12a"}).toString(), "a.xml:3, measure 12a");
    EXPECT_EQ((SourceLocation{.measure = "4"}).toString(), "measure 4");
    EXPECT_EQ((SourceLocation{.line = 9}).toString(), "line 9");
    EXPECT_TRUE(SourceLocation{}.empty());
    EXPECT_EQ(fail(ErrorCode::NotFound, "no such part").describe(), "no such part");
}

TEST(ResultTest, ErrorCodesHaveStableNames) {
    EXPECT_EQ(toString(ErrorCode::ParseError), "parse-error");
    EXPECT_EQ(toString(ErrorCode::Overflow), "overflow");
}

}  // namespace
}  // namespace mos::core
