#pragma once

// Times another device callback in the CPU time of the audio thread, which neither preemption nor
// a virtual machine's stolen time stretches: where the device's wall-clock timing (CallbackTiming)
// shows a callback over its budget but this shows none, the machine, not MOS, made it late (on a
// virtual machine, interrupts and stolen time may still be charged to the thread). For benchmarks
// only: reading a thread's CPU clock is a system call (about a microsecond for the pair), which
// MOS's own audio path never makes.
//
//   CpuTimedCallback cpu{sampler, device->sampleRate()};
//   device->start(cpu);  ...  device->stop();
//   cpu.overruns()   // callbacks that needed more CPU time than their block lasts

#include <atomic>
#include <cstdint>
#include <ctime>

#include "mos/audio/AudioDevice.hpp"
#include "mos/core/SampleTime.hpp"

namespace mos::bench {

class CpuTimedCallback final : public audio::AudioCallback {
public:
    // `inner` must outlive this. Thread: control. RT-safe: yes.
    CpuTimedCallback(audio::AudioCallback& inner, core::SampleRate rate) noexcept : inner_{inner}, rate_{rate} {}

    // Thread: audio. RT-safe: yes, but for the system calls that read the clock.
    void process(float* left, float* right, std::uint32_t frames) noexcept override {
        const std::int64_t begin = threadCpuNanos();
        inner_.process(left, right, frames);
        const std::int64_t elapsed = threadCpuNanos() - begin;
        const std::int64_t budget = std::int64_t{frames} * kNanosPerSecond / std::int64_t{rate_.value};
        // Relaxed: statistics with one writer, the audio thread; read after the device stopped
        // (which orders them) or as progress.
        if (elapsed > budget) overruns_.fetch_add(1, std::memory_order_relaxed);
        if (elapsed > maxNanos_.load(std::memory_order_relaxed)) maxNanos_.store(elapsed, std::memory_order_relaxed);
    }

    // The most CPU time one callback took. Thread: any. RT-safe: yes.
    std::int64_t maxNanos() const noexcept { return maxNanos_.load(std::memory_order_relaxed); }
    // Callbacks whose CPU time exceeded their block's duration. Thread: any. RT-safe: yes.
    std::uint64_t overruns() const noexcept { return overruns_.load(std::memory_order_relaxed); }

private:
    static constexpr std::int64_t kNanosPerSecond = 1'000'000'000;

    static std::int64_t threadCpuNanos() noexcept {
        timespec now{};
        ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return std::int64_t{now.tv_sec} * kNanosPerSecond + now.tv_nsec;
    }

    audio::AudioCallback& inner_;
    core::SampleRate rate_;
    std::atomic<std::int64_t> maxNanos_{0};
    std::atomic<std::uint64_t> overruns_{0};
};

}  // namespace mos::bench
