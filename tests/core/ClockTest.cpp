#include "mos/core/Clock.hpp"

#include <gtest/gtest.h>

namespace mos::core {
namespace {

using namespace std::chrono_literals;

TEST(ClockTest, ManualClockMovesOnlyWhenAdvanced) {
    ManualClock clock{1000};
    EXPECT_EQ(clock.nowNanos(), 1000);
    EXPECT_EQ(clock.nowNanos(), 1000);
    clock.advance(2ms);
    EXPECT_EQ(clock.nowNanos(), 2'001'000);
}

TEST(ClockTest, SteadyClockNeverGoesBack) {
    const Clock& clock = SteadyClock::instance();
    std::int64_t last = clock.nowNanos();
    for (int i = 0; i < 1000; ++i) {
        const std::int64_t now = clock.nowNanos();
        EXPECT_GE(now, last);
        last = now;
    }
}

}  // namespace
}  // namespace mos::core
