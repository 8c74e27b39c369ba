#pragma once

// Logging from the audio thread. The audio thread may not format, allocate, lock or write to a
// file, so it posts fixed-size records (a format string literal and up to four numbers) into a
// lock-free ring; a control thread drains them into the ordinary log (Log.hpp), formatting there.
//
//     // audio thread
//     rtLog.post(LogLevel::Warn, "audio", "xrun: {} frames late at {} Hz", lateFrames, sampleRate);
//     // control thread, periodically
//     rtLog.drain();   // mos [warn] audio: xrun: 64 frames late at 48000 Hz

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <variant>

#include "mos/core/Log.hpp"
#include "mos/core/SpscRing.hpp"

namespace mos::core {

// One numeric argument, kept in the widest type of its kind so any integer or floating value fits.
using RtLogArg = std::variant<std::int64_t, std::uint64_t, double>;

// What the audio thread posts: everything by value or by pointer to static storage.
struct RtLogRecord {
    static constexpr std::size_t kMaxArgs = 4;

    LogLevel level = LogLevel::Info;
    std::uint8_t argCount = 0;
    const char* component = "";  // a string literal such as "audio"
    const char* format = "";     // a string literal; each "{}" takes the next argument
    std::array<RtLogArg, kMaxArgs> args{};
};

// Thread: any. RT-safe: no. The message a record stands for: "{}" placeholders replaced by the
// arguments in order (integers in decimal, doubles in their shortest round-trip form), a "{}"
// without an argument left as it is, and unused arguments appended:
//     "gain {} on channel {}" with 0.5      → "gain 0.5 on channel {}"
//     "voice {} stolen" with 7, 5, 1.5      → "voice 7 stolen (extra arguments: 5, 1.5)"
std::string formatRtLogRecord(const RtLogRecord& record);

// A log for one real-time producer thread, drained by one control thread. When the ring is full a
// post is dropped and counted; the next drain reports how many were lost.
class RtLog {
public:
    static constexpr std::size_t kDefaultCapacity = 1024;

    // Thread: control. RT-safe: no. Allocates the ring: `capacity` records, rounded up to a power
    // of two.
    explicit RtLog(std::size_t capacity = kDefaultCapacity);

    RtLog(const RtLog&) = delete;
    RtLog& operator=(const RtLog&) = delete;

    // Thread: audio (the single producer). RT-safe: yes. Queues a record if `severity` passes the
    // log threshold; drops and counts it when the ring is full. `component` and `format` must be
    // string literals: they are read later, on the control side.
    template <typename... Args>
    void post(LogLevel severity, const char* component, const char* format, Args... args) noexcept {
        static_assert(sizeof...(Args) <= RtLogRecord::kMaxArgs, "an RtLog record holds at most 4 arguments");
        static_assert((std::is_arithmetic_v<Args> && ...), "RtLog arguments are integers or floating-point numbers");
        if (!log::enabled(severity)) return;
        if (!ring_.tryPush(RtLogRecord{
                severity, static_cast<std::uint8_t>(sizeof...(Args)), component, format, {toArg(args)...}})) {
            dropped_.fetch_add(1, std::memory_order_relaxed);
        }
    }

    // Thread: control (the single consumer). RT-safe: no. Writes every queued record through
    // log::write, then, if records were dropped since the last drain, one warning "audio log
    // dropped N records". Returns the number of records written. Records still queued when the
    // RtLog is destroyed are lost, so owners drain before that.
    std::size_t drain();

    // Thread: any. RT-safe: yes. Records dropped because the ring was full, since construction.
    std::uint64_t dropped() const noexcept;

private:
    template <typename T>
    static RtLogArg toArg(T value) noexcept {
        if constexpr (std::is_floating_point_v<T>) {
            return static_cast<double>(value);
        } else if constexpr (std::is_signed_v<T>) {
            return static_cast<std::int64_t>(value);
        } else {
            return static_cast<std::uint64_t>(value);
        }
    }

    SpscRing<RtLogRecord> ring_;
    // Incremented by the producer, read by the consumer and by anyone asking. Relaxed throughout:
    // a statistic that publishes no other data, so only its value matters, never its order.
    std::atomic<std::uint64_t> dropped_{0};
    std::uint64_t droppedReported_ = 0;  // consumer-only: the part of dropped_ already warned about
};

}  // namespace mos::core
