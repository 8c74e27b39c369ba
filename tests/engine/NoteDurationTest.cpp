#include "mos/engine/NoteDuration.hpp"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

namespace mos::engine {
namespace {

using namespace std::chrono_literals;

double secondsAt(const NoteDuration& duration, double quarterBpm) {
    const auto seconds = duration.seconds(quarterBpm);
    EXPECT_TRUE(seconds) << seconds.error().describe();
    return seconds.valueOr(-1.0);
}

TEST(NoteDurationTest, NoteValuesFollowTheTempo) {
    EXPECT_DOUBLE_EQ(secondsAt("1n", 120.0), 2.0);
    EXPECT_DOUBLE_EQ(secondsAt("2n", 120.0), 1.0);
    EXPECT_DOUBLE_EQ(secondsAt("4n", 120.0), 0.5);
    EXPECT_DOUBLE_EQ(secondsAt("8n", 120.0), 0.25);
    EXPECT_DOUBLE_EQ(secondsAt("16n", 120.0), 0.125);
    EXPECT_DOUBLE_EQ(secondsAt("64n", 120.0), 0.03125);
    EXPECT_DOUBLE_EQ(secondsAt("4n", 60.0), 1.0);
}

TEST(NoteDurationTest, DottedValuesAndTripletsAreWrittenAsToneJsWritesThem) {
    EXPECT_DOUBLE_EQ(secondsAt("4n.", 120.0), 0.75);
    EXPECT_DOUBLE_EQ(secondsAt("8t", 120.0), 0.5 / 3.0);
    EXPECT_DOUBLE_EQ(secondsAt("2t", 90.0), 2.0 * 2.0 / 3.0 * 60.0 / 90.0);
}

TEST(NoteDurationTest, SecondsIgnoreTheTempo) {
    EXPECT_DOUBLE_EQ(secondsAt("0.3", 90.0), 0.3);
    EXPECT_DOUBLE_EQ(secondsAt("1.5s", 200.0), 1.5);
    EXPECT_DOUBLE_EQ(secondsAt(250ms, 60.0), 0.25);
    EXPECT_DOUBLE_EQ(secondsAt(std::chrono::seconds{2}, 60.0), 2.0);
}

TEST(NoteDurationTest, TextThatIsNoDurationIsNamedInTheError) {
    for (const std::string text : {"4x", "3n", "128n", "0n", "n", "", "0", "-1", "nan", "4n..", "8 t"}) {
        const auto seconds = NoteDuration{text}.seconds(120.0);
        ASSERT_FALSE(seconds) << text;
        EXPECT_EQ(seconds.error().code, core::ErrorCode::InvalidArgument);
        EXPECT_EQ(seconds.error().message.rfind("\"" + text + "\" is not a duration: write a note value", 0), 0U)
            << seconds.error().message;
    }
    EXPECT_FALSE(NoteDuration{-1s}.seconds(120.0));
    EXPECT_FALSE(NoteDuration{0ms}.seconds(120.0));
}

}  // namespace
}  // namespace mos::engine
