#include "mos/core/LatencyHistogram.hpp"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace mos::core {
namespace {

TEST(LatencyHistogramTest, EmptyHistogramReportsZeros) {
    const LatencyHistogram h;
    const auto s = h.summary();
    EXPECT_EQ(s.count, 0U);
    EXPECT_EQ(s.p99Nanos, 0);
}

TEST(LatencyHistogramTest, SmallValuesAreExact) {
    LatencyHistogram h;
    for (int v = 0; v < 8; ++v) h.record(v);
    const auto s = h.summary();
    EXPECT_EQ(s.count, 8U);
    EXPECT_EQ(s.p50Nanos, 3);
    EXPECT_EQ(s.maxNanos, 7);
}

TEST(LatencyHistogramTest, PercentilesAreWithinOneEighthAbove) {
    LatencyHistogram h;
    for (int v = 1; v <= 10000; ++v) h.record(v);
    const auto s = h.summary();
    EXPECT_GE(s.p50Nanos, 5000);
    EXPECT_LE(s.p50Nanos, 5000 * 9 / 8);
    EXPECT_GE(s.p99Nanos, 9900);
    EXPECT_LE(s.p99Nanos, 10000);  // capped by the maximum seen
    EXPECT_EQ(s.maxNanos, 10000);
}

TEST(LatencyHistogramTest, OutliersShowInTheTailOnly) {
    LatencyHistogram h;
    for (int i = 0; i < 999; ++i) h.record(200);
    h.record(5'000'000);
    const auto s = h.summary();
    EXPECT_LE(s.p99Nanos, 225);
    EXPECT_EQ(s.maxNanos, 5'000'000);
}

TEST(LatencyHistogramTest, NegativeAndHugeValuesAreSafe) {
    LatencyHistogram h;
    h.record(-5);
    h.record(INT64_MAX);
    const auto s = h.summary();
    EXPECT_EQ(s.count, 2U);
    EXPECT_EQ(s.maxNanos, INT64_MAX);
}

TEST(LatencyHistogramTest, ConcurrentRecordsAreAllCounted) {
    LatencyHistogram h;
    std::vector<std::thread> threads;
    threads.reserve(4);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&h] {
            for (int i = 0; i < 100000; ++i) h.record(i % 1000);
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(h.summary().count, 400000U);
    h.reset();
    EXPECT_EQ(h.summary().count, 0U);
}

}  // namespace
}  // namespace mos::core
