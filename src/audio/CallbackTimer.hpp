#pragma once

// Times every AudioCallback::process call of a device against its block's budget (frames / sample
// rate), keeps each duration in a histogram for percentiles, and counts the device's own xruns, for
// AudioDevice::timing(). Every back-end runs its callbacks through one of these; the audio thread's
// part is two clock reads and a few relaxed atomic operations, so it allocates nothing, takes no
// lock and enters no system call (the steady clock reads the vDSO).
//
//   CallbackTimer timer;                                              // steady clock
//   timer.run(callback, left, right, 256, core::SampleRate{48000});   // on the audio thread
//   timer.timing().overruns                                           // on any thread

#include <atomic>
#include <cstdint>

#include "mos/audio/AudioDevice.hpp"
#include "mos/core/Clock.hpp"
#include "mos/core/LatencyHistogram.hpp"
#include "mos/core/SampleTime.hpp"

namespace mos::audio {

class CallbackTimer {
public:
    // `clock` must outlive the timer. Thread: control. RT-safe: yes.
    explicit CallbackTimer(const core::Clock& clock = core::SteadyClock::instance()) noexcept : clock_{clock} {}

    // Calls callback.process(left, right, frames) and records how long it took against the budget of
    // `frames` at `rate` (> 0). Only one thread at a time may call it (the device's audio thread).
    // Thread: audio. RT-safe: yes.
    void run(AudioCallback& callback, float* left, float* right, std::uint32_t frames, core::SampleRate rate) noexcept {
        const std::int64_t begin = clock_.nowNanos();
        callback.process(left, right, frames);
        const std::int64_t elapsed = clock_.nowNanos() - begin;
        const std::int64_t budget = std::int64_t{frames} * kNanosPerSecond / std::int64_t{rate.value};

        // Relaxed throughout: each counter is a statistic read on its own and publishes no other
        // data. A timing() racing this call may see the callback counted before its nanoseconds (off
        // by one callback at most); once the device has stopped, joining or deactivating its audio
        // thread orders every count before the reader.
        callbacks_.fetch_add(1, std::memory_order_relaxed);
        totalNanos_.fetch_add(elapsed, std::memory_order_relaxed);
        budgetNanos_.store(budget, std::memory_order_relaxed);
        if (elapsed > budget) overruns_.fetch_add(1, std::memory_order_relaxed);
        durations_.record(elapsed);
        // Load-then-store is enough, with no compare-exchange: only this (single) audio thread writes.
        if (elapsed > maxNanos_.load(std::memory_order_relaxed)) maxNanos_.store(elapsed, std::memory_order_relaxed);
    }

    // Counts an under/overrun the device or server reported (JACK calls it from its notification
    // thread, concurrently with run()). Thread: any. RT-safe: yes.
    void countDeviceXrun() noexcept {
        // Relaxed: a statistic, as above; the read-modify-write keeps counts from a thread other than
        // run()'s exact.
        deviceXruns_.fetch_add(1, std::memory_order_relaxed);
    }

    // Everything recorded since the timer was made. Thread: any. RT-safe: yes.
    CallbackTiming timing() const noexcept {
        CallbackTiming timing;
        timing.callbacks = callbacks_.load(std::memory_order_relaxed);
        timing.overruns = overruns_.load(std::memory_order_relaxed);
        timing.maxNanos = maxNanos_.load(std::memory_order_relaxed);
        timing.totalNanos = totalNanos_.load(std::memory_order_relaxed);
        timing.budgetNanos = budgetNanos_.load(std::memory_order_relaxed);
        timing.deviceXruns = deviceXruns_.load(std::memory_order_relaxed);
        const core::LatencySummary durations = durations_.summary();
        timing.p50Nanos = durations.p50Nanos;
        timing.p99Nanos = durations.p99Nanos;
        timing.p999Nanos = durations.p999Nanos;
        return timing;
    }

private:
    static constexpr std::int64_t kNanosPerSecond = 1'000'000'000;

    const core::Clock& clock_;
    std::atomic<std::uint64_t> callbacks_{0};
    std::atomic<std::uint64_t> overruns_{0};
    std::atomic<std::int64_t> maxNanos_{0};
    std::atomic<std::int64_t> totalNanos_{0};
    std::atomic<std::int64_t> budgetNanos_{0};
    std::atomic<std::uint64_t> deviceXruns_{0};
    core::LatencyHistogram durations_;  // every callback's duration, for the percentiles
};

}  // namespace mos::audio
