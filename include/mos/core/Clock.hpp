#pragma once

// Host time as an injectable dependency: production code reads the steady clock, tests drive a
// manual clock with advance() and never sleep.

#include <atomic>
#include <chrono>
#include <cstdint>

namespace mos::core {

// A monotonic nanosecond clock.
class Clock {
public:
    virtual ~Clock() = default;
    // Nanoseconds since an arbitrary fixed origin. Thread: any. RT-safe: yes.
    virtual std::int64_t nowNanos() const noexcept = 0;
};

// std::chrono::steady_clock. On Linux it reads the vDSO, so the audio thread may call it without
// entering the kernel.
class SteadyClock final : public Clock {
public:
    std::int64_t nowNanos() const noexcept override {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
    // The process-wide instance. Thread: any. RT-safe: yes.
    static const SteadyClock& instance() noexcept {
        static const SteadyClock clock;
        return clock;
    }
};

// A clock that moves only when told to, for deterministic tests of timing and rates.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t startNanos = 0) noexcept : now_{startNanos} {}

    std::int64_t nowNanos() const noexcept override {
        // Acquire pairs with advance(): a reader sees the clock no earlier than the writer left it.
        return now_.load(std::memory_order_acquire);
    }
    // Thread: any. RT-safe: yes.
    void advance(std::chrono::nanoseconds by) noexcept { now_.fetch_add(by.count(), std::memory_order_acq_rel); }

private:
    std::atomic<std::int64_t> now_;
};

}  // namespace mos::core
