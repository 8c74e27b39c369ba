#pragma once

// Real-time audit for tests: proves that a code path (the audio thread's) neither allocates, frees
// nor blocks. RealtimeAudit.cpp, linked into every test executable, interposes the global operator
// new/delete, the C allocator and the blocking pthread, semaphore and sleep functions; while an
// audit is active on a thread, each such call made by that thread is counted and the first few are
// recorded by name. Calls made by other threads are never counted against it.
//
//     TEST(EngineTest, ProcessIsRealtimeSafe) {
//         Engine engine{prepared()};
//         EXPECT_REALTIME_SAFE(engine.process(block));
//     }
//
// What it cannot see: system calls made directly (futex, write, sched_yield), functions that a
// sanitizer runtime implements itself without calling malloc (e.g. strdup under ASan or TSan), and
// non-blocking tries (pthread_mutex_trylock), which real-time code may legitimately use.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include <gtest/gtest.h>

namespace mos::test {

// One audited call: what kind of violation, which function, and how many bytes when known.
struct RealtimeEvent {
    enum class Kind : std::uint8_t {
        Allocation,    // operator new, malloc, calloc, realloc, aligned allocations
        Deallocation,  // operator delete, free
        BlockingCall,  // mutex, rwlock, condition-variable and semaphore waits, sleeps
    };

    Kind kind = Kind::Allocation;
    const char* function = "";  // e.g. "operator new[]", "pthread_mutex_lock"; a string literal
    std::size_t bytes = 0;      // requested size for allocations and sized deletes, else 0
};

// What an audited stretch of code did on its own thread. Trivially copyable, so taking one
// while the audit is active allocates nothing.
struct RealtimeReport {
    static constexpr std::size_t kMaxEvents = 8;

    std::uint64_t allocations = 0;
    std::uint64_t deallocations = 0;
    std::uint64_t blockingCalls = 0;
    std::array<RealtimeEvent, kMaxEvents> events{};  // the first `eventCount` calls, in order
    std::size_t eventCount = 0;

    // Thread: any. RT-safe: yes. True when nothing was counted.
    bool clean() const noexcept { return allocations == 0 && deallocations == 0 && blockingCalls == 0; }

    // Thread: any. RT-safe: no (builds a string: call it after the audit has ended). For example
    //     made 1 allocation, 0 deallocations and 1 blocking call on the audited thread:
    //       allocation: operator new (4 bytes)
    //       blocking call: pthread_mutex_lock
    std::string describe() const;
};

// Audits the current thread from construction to destruction (RAII). Audits nest: an inner audit
// reports only what happened since it began, the outer one everything since it began. Construct
// and destroy it on the same thread, in LIFO order.
//
//     mos::test::RealtimeAudit audit;
//     ring.tryPush(42);
//     EXPECT_TRUE(audit.report().clean()) << audit.report().describe();
class RealtimeAudit {
public:
    // Thread: any. RT-safe: yes. Starts auditing the calling thread.
    RealtimeAudit() noexcept;
    // Thread: the constructing thread. RT-safe: yes. Ends this audit; the thread stays audited
    // while an enclosing audit is alive.
    ~RealtimeAudit();

    RealtimeAudit(const RealtimeAudit&) = delete;
    RealtimeAudit& operator=(const RealtimeAudit&) = delete;

    // Thread: the constructing thread. RT-safe: yes. What the thread did since this audit began;
    // may be called repeatedly while it runs.
    RealtimeReport report() const noexcept;

    // Thread: any. RT-safe: yes. True while at least one audit is alive on the calling thread.
    static bool activeOnThisThread() noexcept;

private:
    std::uint64_t startAllocations_;
    std::uint64_t startDeallocations_;
    std::uint64_t startBlockingCalls_;
    std::uint64_t startEvents_;
};

namespace detail {
// Success or failure with report.describe() as the message.
::testing::AssertionResult toAssertion(const RealtimeReport& report);
}  // namespace detail

// Thread: any. RT-safe: no (reporting allocates, after the audit has ended). Runs `fn` on the
// calling thread under a RealtimeAudit; succeeds when it neither allocated, freed nor blocked, and
// otherwise fails with RealtimeReport::describe() as the message.
//
//     EXPECT_TRUE(mos::test::runsRealtimeSafe([&] { ring.tryPush(1); }));
//     EXPECT_FALSE(mos::test::runsRealtimeSafe([] { std::vector<int>(4); }));
template <typename F>
::testing::AssertionResult runsRealtimeSafe(F&& fn) {
    RealtimeReport report;
    {
        const RealtimeAudit audit;
        std::forward<F>(fn)();
        report = audit.report();
    }
    return detail::toAssertion(report);
}

}  // namespace mos::test

// Runs a statement under a RealtimeAudit and adds a non-fatal failure naming the statement and
// listing the allocations, deallocations and blocking calls it made on this thread. The statement
// runs inside a lambda capturing by reference, so commas and braces are fine but `return` only
// leaves the statement.
//
//     EXPECT_REALTIME_SAFE(rtLog.post(LogLevel::Warn, "audio", "xrun of {} frames", 64));
//     EXPECT_REALTIME_SAFE({ ring.tryPush(1); ring.tryPop(); });
#define EXPECT_REALTIME_SAFE(...) MOS_DETAIL_REALTIME_SAFE(ADD_FAILURE, __VA_ARGS__)

// As EXPECT_REALTIME_SAFE, but a failure is fatal and returns from the current function.
//
//     ASSERT_REALTIME_SAFE(engine.process(block));
#define ASSERT_REALTIME_SAFE(...) MOS_DETAIL_REALTIME_SAFE(FAIL, __VA_ARGS__)

// The switch keeps a following `else` from binding to the macro's `if`, as gtest's own macros do.
#define MOS_DETAIL_REALTIME_SAFE(fail, ...)                                      \
    switch (0)                                                                   \
    case 0:                                                                      \
    default:                                                                     \
        if (const ::testing::AssertionResult mosRealtimeResult_ =                \
                ::mos::test::runsRealtimeSafe([&]() -> void { __VA_ARGS__; })) { \
        } else                                                                   \
            fail() << "`" #__VA_ARGS__ "` is not real-time safe: it " << mosRealtimeResult_.message()
