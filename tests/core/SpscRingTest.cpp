#include "mos/core/SpscRing.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>

namespace mos::core {
namespace {

TEST(SpscRingTest, CapacityIsRoundedUpToAPowerOfTwo) {
    EXPECT_EQ(SpscRing<int>(1).capacity(), 2U);
    EXPECT_EQ(SpscRing<int>(5).capacity(), 8U);
    EXPECT_EQ(SpscRing<int>(1024).capacity(), 1024U);
}

TEST(SpscRingTest, RefusesWhenFullAndResumesAfterPop) {
    SpscRing<int> ring{4};
    for (int i = 0; i < 4; ++i) EXPECT_TRUE(ring.tryPush(i));
    EXPECT_FALSE(ring.tryPush(99));
    EXPECT_EQ(ring.sizeApprox(), 4U);
    EXPECT_EQ(ring.tryPop(), 0);
    EXPECT_TRUE(ring.tryPush(4));
    for (int i = 1; i <= 4; ++i) EXPECT_EQ(ring.tryPop(), i);
    EXPECT_FALSE(ring.tryPop().has_value());
    EXPECT_EQ(ring.sizeApprox(), 0U);
}

TEST(SpscRingTest, WrapsAroundManyTimes) {
    SpscRing<std::uint64_t> ring{8};
    std::uint64_t next = 0;
    for (std::uint64_t i = 0; i < 1000; ++i) {
        ASSERT_TRUE(ring.tryPush(i));
        if (i % 3 == 2) {
            while (auto v = ring.tryPop()) ASSERT_EQ(*v, next++);
        }
    }
    while (auto v = ring.tryPop()) ASSERT_EQ(*v, next++);
    EXPECT_EQ(next, 1000U);
}

TEST(SpscRingTest, FrontPeeksWithoutRemoving) {
    SpscRing<std::string> ring{2};
    EXPECT_EQ(ring.front(), nullptr);
    ASSERT_TRUE(ring.tryEmplace(std::size_t{3}, 'x'));
    ASSERT_NE(ring.front(), nullptr);
    EXPECT_EQ(*ring.front(), "xxx");
    EXPECT_EQ(*ring.front(), "xxx");
    ring.popFront();
    EXPECT_EQ(ring.front(), nullptr);
}

TEST(SpscRingTest, DestroysItemsLeftInTheRing) {
    auto tracker = std::make_shared<int>(0);
    {
        SpscRing<std::shared_ptr<int>> ring{4};
        ASSERT_TRUE(ring.tryPush(tracker));
        ASSERT_TRUE(ring.tryPush(tracker));
        EXPECT_EQ(tracker.use_count(), 3);
    }
    EXPECT_EQ(tracker.use_count(), 1);
}

TEST(SpscRingTest, MovesMoveOnlyItems) {
    SpscRing<std::unique_ptr<int>> ring{2};
    ASSERT_TRUE(ring.tryPush(std::make_unique<int>(42)));
    auto item = ring.tryPop();
    ASSERT_TRUE(item.has_value());
    EXPECT_EQ(**item, 42);
}

// Two threads, millions of items through a small ring: every item arrives, once, in order.
TEST(SpscRingTest, TwoThreadsKeepOrderAndLoseNothing) {
    constexpr std::uint64_t kItems = 4'000'000;
    SpscRing<std::uint64_t> ring{1024};
    std::thread producer{[&] {
        for (std::uint64_t i = 0; i < kItems; ++i) {
            while (!ring.tryPush(i)) std::this_thread::yield();
        }
    }};
    std::uint64_t expected = 0;
    std::uint64_t outOfOrder = 0;
    while (expected < kItems) {
        if (auto v = ring.tryPop()) {
            if (*v != expected) ++outOfOrder;
            ++expected;
        } else {
            std::this_thread::yield();
        }
    }
    producer.join();
    EXPECT_EQ(outOfOrder, 0U);
    EXPECT_EQ(expected, kItems);
    EXPECT_FALSE(ring.tryPop().has_value());
}

// Non-trivial payloads cross threads intact: the release/acquire pair publishes whole objects.
TEST(SpscRingTest, TwoThreadsPassWholeObjects) {
    constexpr int kItems = 200'000;
    SpscRing<std::string> ring{64};
    std::thread producer{[&] {
        for (int i = 0; i < kItems; ++i) {
            std::string s = "item-" + std::to_string(i) + std::string(static_cast<std::size_t>(i % 40), '#');
            while (!ring.tryPush(s)) std::this_thread::yield();
        }
    }};
    int received = 0;
    int mismatches = 0;
    while (received < kItems) {
        if (auto s = ring.tryPop()) {
            const std::string want =
                "item-" + std::to_string(received) + std::string(static_cast<std::size_t>(received % 40), '#');
            if (*s != want) ++mismatches;
            ++received;
        } else {
            std::this_thread::yield();
        }
    }
    producer.join();
    EXPECT_EQ(mismatches, 0);
}

}  // namespace
}  // namespace mos::core
