#include "support/RealtimeAudit.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>
#include <semaphore.h>

#include "mos/core/SpscRing.hpp"

namespace mos::test {
namespace {

// Hides a pointer's fate from the optimiser, so a deliberate allocation cannot be elided (the
// compiler may otherwise drop a new/delete or malloc/free pair whose memory is never observed).
template <typename T>
T* escape(T* ptr) {
    asm volatile("" : : "g"(ptr) : "memory");
    return ptr;
}

// Static because EXPECT_NONFATAL_FAILURE and EXPECT_FATAL_FAILURE cannot see local variables.
void allocateAndFree() { delete escape(new int{42}); }

std::mutex sharedMutex;
void lockSharedMutex() { const std::scoped_lock lock{sharedMutex}; }

TEST(RealtimeAuditTest, CatchesADeliberateNew) {
    int* leaked = nullptr;
    const auto result = runsRealtimeSafe([&] { leaked = escape(new int{7}); });
    delete leaked;
    EXPECT_FALSE(result);
    EXPECT_THAT(result.message(), ::testing::HasSubstr("1 allocation"));
    EXPECT_THAT(result.message(), ::testing::HasSubstr("operator new (4 bytes)"));
}

TEST(RealtimeAuditTest, CountsEachAllocationAndDeallocationOnce) {
    RealtimeReport report;
    {
        const RealtimeAudit audit;
        allocateAndFree();
        report = audit.report();
    }
    // Exactly one of each, although libstdc++'s operator new itself calls malloc.
    EXPECT_EQ(report.allocations, 1U);
    EXPECT_EQ(report.deallocations, 1U);
    EXPECT_EQ(report.blockingCalls, 0U);
    ASSERT_EQ(report.eventCount, 2U);
    EXPECT_EQ(report.events[0].kind, RealtimeEvent::Kind::Allocation);
    EXPECT_EQ(report.events[1].kind, RealtimeEvent::Kind::Deallocation);
}

TEST(RealtimeAuditTest, CatchesVectorGrowth) {
    std::vector<int> values;
    const auto result = runsRealtimeSafe([&] { values.push_back(1); });
    EXPECT_FALSE(result);
    EXPECT_THAT(result.message(), ::testing::HasSubstr("operator new"));
}

TEST(RealtimeAuditTest, CatchesMalloc) {
    void* block = nullptr;
    const auto result = runsRealtimeSafe([&] { block = escape(std::malloc(16)); });
    std::free(block);
    EXPECT_FALSE(result);
    EXPECT_THAT(result.message(), ::testing::HasSubstr("allocation: malloc (16 bytes)"));
}

TEST(RealtimeAuditTest, CatchesFreeOfMemoryAllocatedBeforeTheAudit) {
    void* block = escape(std::malloc(32));
    const auto result = runsRealtimeSafe([&] { std::free(escape(block)); });
    EXPECT_FALSE(result);
    EXPECT_THAT(result.message(), ::testing::HasSubstr("0 allocations, 1 deallocation"));
    EXPECT_THAT(result.message(), ::testing::HasSubstr("deallocation: free"));
}

TEST(RealtimeAuditTest, CatchesStdMutexLock) {
    std::mutex mutex;
    const auto result = runsRealtimeSafe([&] { const std::scoped_lock lock{mutex}; });
    EXPECT_FALSE(result);
    EXPECT_THAT(result.message(), ::testing::HasSubstr("blocking call: pthread_mutex_lock"));
}

TEST(RealtimeAuditTest, CatchesStdSharedMutexLocks) {
    std::shared_mutex mutex;
    const auto exclusive = runsRealtimeSafe([&] { const std::unique_lock lock{mutex}; });
    EXPECT_FALSE(exclusive);
    EXPECT_THAT(exclusive.message(), ::testing::HasSubstr("pthread_rwlock_wrlock"));
    const auto shared = runsRealtimeSafe([&] { const std::shared_lock lock{mutex}; });
    EXPECT_FALSE(shared);
    EXPECT_THAT(shared.message(), ::testing::HasSubstr("pthread_rwlock_rdlock"));
}

TEST(RealtimeAuditTest, CatchesConditionVariableAndSemaphoreWaits) {
    std::mutex mutex;
    std::condition_variable condition;
    std::unique_lock lock{mutex};
    const auto timedWait = runsRealtimeSafe([&] { condition.wait_for(lock, std::chrono::microseconds{1}); });
    EXPECT_FALSE(timedWait);
    EXPECT_THAT(timedWait.message(), ::testing::HasSubstr("pthread_cond_clockwait"));

    sem_t semaphore;
    ASSERT_EQ(::sem_init(&semaphore, 0, 1), 0);
    const auto semaphoreWait = runsRealtimeSafe([&] { ::sem_wait(&semaphore); });
    ::sem_destroy(&semaphore);
    EXPECT_FALSE(semaphoreWait);
    EXPECT_THAT(semaphoreWait.message(), ::testing::HasSubstr("blocking call: sem_wait"));
}

TEST(RealtimeAuditTest, CatchesSleeping) {
    const auto result = runsRealtimeSafe([] { std::this_thread::sleep_for(std::chrono::microseconds{1}); });
    EXPECT_FALSE(result);
    EXPECT_THAT(result.message(), ::testing::HasSubstr("nanosleep"));
}

TEST(RealtimeAuditTest, MacroFormsReportTheStatementAndWhatItDid) {
    EXPECT_NONFATAL_FAILURE(EXPECT_REALTIME_SAFE(allocateAndFree()),
                            "`allocateAndFree()` is not real-time safe: it made 1 allocation, 1 deallocation");
    EXPECT_NONFATAL_FAILURE(EXPECT_REALTIME_SAFE(lockSharedMutex()), "pthread_mutex_lock");
    EXPECT_FATAL_FAILURE(ASSERT_REALTIME_SAFE(allocateAndFree()), "operator new");
}

TEST(RealtimeAuditTest, ArithmeticIsRealtimeSafe) {
    volatile int input = 20;
    int output = 0;
    EXPECT_REALTIME_SAFE(output = input * 2 + 2);
    EXPECT_EQ(output, 42);
}

TEST(RealtimeAuditTest, AtomicOperationsAreRealtimeSafe) {
    std::atomic<int> counter{0};
    std::atomic<std::int64_t> wide{0};
    EXPECT_REALTIME_SAFE({
        counter.fetch_add(1, std::memory_order_relaxed);
        int expected = 1;
        counter.compare_exchange_strong(expected, 5, std::memory_order_acq_rel);
        wide.store(counter.load(std::memory_order_acquire), std::memory_order_release);
    });
    EXPECT_EQ(wide.load(), 5);
}

TEST(RealtimeAuditTest, SpscRingTryPushAndTryPopAreRealtimeSafe) {
    core::SpscRing<int> ring{8};
    std::optional<int> popped;
    EXPECT_REALTIME_SAFE(ring.tryPush(1), ring.tryPush(2), popped = ring.tryPop());
    EXPECT_EQ(popped, 1);
    EXPECT_REALTIME_SAFE({
        for (int i = 0; i < 100; ++i) {
            ring.tryPush(i);
            ring.tryPop();
        }
    });
}

TEST(RealtimeAuditTest, IgnoresAllocationsOnOtherThreads) {
    std::atomic<bool> go{false};
    std::atomic<bool> done{false};
    std::thread other{[&] {
        // Acquire pairs with the release below, so the allocations happen inside the audit.
        while (!go.load(std::memory_order_acquire)) {}
        std::vector<std::unique_ptr<int>> garbage;
        garbage.reserve(100);
        for (int i = 0; i < 100; ++i) garbage.push_back(std::make_unique<int>(i));
        {
            // The other thread's own audit does see its own allocations.
            const RealtimeAudit audit;
            delete escape(new int{1});
            EXPECT_EQ(audit.report().allocations, 1U);
        }
        // Release pairs with the audited loop's acquire: everything above happens inside the audit.
        done.store(true, std::memory_order_release);
    }};
    RealtimeReport report;
    {
        const RealtimeAudit audit;
        go.store(true, std::memory_order_release);
        while (!done.load(std::memory_order_acquire)) {}
        report = audit.report();
    }
    other.join();
    EXPECT_TRUE(report.clean()) << report.describe();
}

TEST(RealtimeAuditTest, NestedAuditsReportTheirOwnSpans) {
    EXPECT_FALSE(RealtimeAudit::activeOnThisThread());
    const RealtimeAudit outer;
    allocateAndFree();
    {
        const RealtimeAudit inner;
        EXPECT_TRUE(inner.report().clean());
        allocateAndFree();
        EXPECT_EQ(inner.report().allocations, 1U);
        EXPECT_EQ(inner.report().eventCount, 2U);
    }
    EXPECT_TRUE(RealtimeAudit::activeOnThisThread());
    EXPECT_EQ(outer.report().allocations, 2U);
    EXPECT_EQ(outer.report().deallocations, 2U);
    EXPECT_EQ(outer.report().eventCount, 4U);
}

TEST(RealtimeAuditTest, EndingTheAuditStopsCounting) {
    RealtimeReport report;
    {
        const RealtimeAudit audit;
        report = audit.report();
    }
    EXPECT_FALSE(RealtimeAudit::activeOnThisThread());
    allocateAndFree();
    EXPECT_TRUE(report.clean());
    // A fresh audit starts from zero, not from what the thread did while unaudited.
    const RealtimeAudit next;
    EXPECT_TRUE(next.report().clean());
}

TEST(RealtimeAuditTest, DescribeListsTheFirstCallsAndCountsTheRest) {
    RealtimeReport report;
    {
        const RealtimeAudit audit;
        for (int i = 0; i < 10; ++i) allocateAndFree();
        report = audit.report();
    }
    EXPECT_EQ(report.eventCount, RealtimeReport::kMaxEvents);
    EXPECT_THAT(report.describe(), ::testing::HasSubstr("made 10 allocations, 10 deallocations and 0 blocking calls"));
    EXPECT_THAT(report.describe(), ::testing::HasSubstr("... and 12 more"));
}

}  // namespace
}  // namespace mos::test
