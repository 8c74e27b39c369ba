#include "mos/core/RtLog.hpp"

#include <cstdint>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "support/CapturedLog.hpp"
#include "support/RealtimeAudit.hpp"

namespace mos::core {
namespace {

// Every test sees only its own log lines.
class RtLogTest : public ::testing::Test {
protected:
    std::string output() const { return log_.text(); }

    test::CapturedLog log_;
};

TEST_F(RtLogTest, DrainWritesRecordsThroughTheLog) {
    RtLog rtLog{8};
    rtLog.post(LogLevel::Warn, "audio", "xrun: {} frames late at {} Hz", 64, 48000U);
    rtLog.post(LogLevel::Info, "midi", "no arguments");
    EXPECT_EQ(output(), "");
    EXPECT_EQ(rtLog.drain(), 2U);
    EXPECT_EQ(output(), "mos [warn] audio: xrun: 64 frames late at 48000 Hz\nmos [info] midi: no arguments\n");
    EXPECT_EQ(rtLog.drain(), 0U);
}

TEST_F(RtLogTest, FormatsIntegersAndDoubles) {
    RtLog rtLog{8};
    rtLog.post(LogLevel::Info, "audio", "{} {} {} {}", -3, std::uint64_t{18446744073709551615U}, 0.25, 1e-7F);
    rtLog.drain();
    EXPECT_EQ(output(), "mos [info] audio: -3 18446744073709551615 0.25 1.0000000116860974e-07\n");
}

TEST(RtLogFormatTest, LeavesPlaceholdersWithoutArgumentsVisible) {
    const RtLogRecord record{LogLevel::Info, 1, "audio", "gain {} on channel {}", {RtLogArg{0.5}}};
    EXPECT_EQ(formatRtLogRecord(record), "gain 0.5 on channel {}");
}

TEST(RtLogFormatTest, AppendsArgumentsWithoutPlaceholders) {
    const RtLogRecord record{LogLevel::Info,
                             3,
                             "audio",
                             "voice {} stolen",
                             {RtLogArg{std::int64_t{7}}, RtLogArg{std::int64_t{5}}, RtLogArg{1.5}}};
    EXPECT_EQ(formatRtLogRecord(record), "voice 7 stolen (extra arguments: 5, 1.5)");
}

TEST(RtLogFormatTest, KeepsBracesThatAreNotPlaceholders) {
    const RtLogRecord record{LogLevel::Info, 1, "audio", "{x} {", {RtLogArg{std::int64_t{1}}}};
    EXPECT_EQ(formatRtLogRecord(record), "{x} { (extra arguments: 1)");
}

TEST_F(RtLogTest, CountsDropsWhenFullAndReportsThemOnce) {
    RtLog rtLog{2};
    for (int i = 0; i < 5; ++i) rtLog.post(LogLevel::Info, "audio", "block {}", i);
    EXPECT_EQ(rtLog.dropped(), 3U);
    EXPECT_EQ(rtLog.drain(), 2U);
    EXPECT_EQ(output(),
              "mos [info] audio: block 0\nmos [info] audio: block 1\n"
              "mos [warn] log: audio log dropped 3 records\n");
    log_.clear();
    rtLog.drain();
    EXPECT_EQ(output(), "");
    EXPECT_EQ(rtLog.dropped(), 3U);
}

TEST_F(RtLogTest, SkipsRecordsBelowTheThreshold) {
    RtLog rtLog{2};
    log::setLevel(LogLevel::Warn);
    rtLog.post(LogLevel::Debug, "audio", "hidden");
    rtLog.post(LogLevel::Debug, "audio", "hidden");
    rtLog.post(LogLevel::Debug, "audio", "hidden");
    EXPECT_EQ(rtLog.dropped(), 0U);
    EXPECT_EQ(rtLog.drain(), 0U);
}

TEST_F(RtLogTest, PostIsRealtimeSafe) {
    RtLog rtLog{4};
    EXPECT_REALTIME_SAFE(rtLog.post(LogLevel::Warn, "audio", "xrun {} at {}", 64, 0.5));
    // Filtered, and dropped when full, are real-time safe too.
    log::setLevel(LogLevel::Info);
    EXPECT_REALTIME_SAFE(rtLog.post(LogLevel::Debug, "audio", "filtered"));
    EXPECT_REALTIME_SAFE({
        for (int i = 0; i < 8; ++i) rtLog.post(LogLevel::Error, "audio", "{}", i);
    });
    EXPECT_EQ(rtLog.dropped(), 5U);
}

}  // namespace
}  // namespace mos::core
