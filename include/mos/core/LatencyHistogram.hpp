#pragma once

// A lock-free log-linear histogram of durations for percentiles (p50, p99, …) of event delivery and
// audio callback times. Recording is one relaxed atomic increment, so any thread may record, the
// audio thread included.

#include <array>
#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace mos::core {

struct LatencySummary {
    std::uint64_t count = 0;
    std::int64_t p50Nanos = 0;
    std::int64_t p90Nanos = 0;
    std::int64_t p99Nanos = 0;
    std::int64_t p999Nanos = 0;
    std::int64_t maxNanos = 0;
};

// Values are bucketed by their power of two and, within it, by the next kSubBucketBits bits: every
// reported percentile is within 1/2^kSubBucketBits (12.5 %) above the true value.
class LatencyHistogram {
public:
    // Thread: any. RT-safe: yes.
    void record(std::int64_t nanos) noexcept {
        const std::uint64_t value = nanos < 0 ? 0 : static_cast<std::uint64_t>(nanos);
        // Relaxed: counts are statistics; summary() tolerates a record landing mid-read.
        buckets_[bucketOf(value)].fetch_add(1, std::memory_order_relaxed);
        std::uint64_t seen = max_.load(std::memory_order_relaxed);
        while (value > seen && !max_.compare_exchange_weak(seen, value, std::memory_order_relaxed)) {}
    }

    // Counts and percentiles of everything recorded. Thread: any. RT-safe: yes (not cheap).
    LatencySummary summary() const noexcept;

    // Thread: any, but records racing a reset may survive it. RT-safe: yes.
    void reset() noexcept;

private:
    static constexpr unsigned kSubBucketBits = 3;
    static constexpr std::size_t kSubBuckets = std::size_t{1} << kSubBucketBits;
    // Exact buckets for 0..kSubBuckets-1, then kSubBuckets per power of two up to 2^63.
    static constexpr std::size_t kBucketCount = kSubBuckets * (64 - kSubBucketBits + 1);

    static constexpr std::size_t bucketOf(std::uint64_t value) noexcept {
        if (value < kSubBuckets) return static_cast<std::size_t>(value);
        const unsigned magnitude = static_cast<unsigned>(std::bit_width(value)) - 1;  // >= kSubBucketBits
        const std::uint64_t sub = (value >> (magnitude - kSubBucketBits)) & (kSubBuckets - 1);
        return (magnitude - kSubBucketBits + 1) * kSubBuckets + static_cast<std::size_t>(sub);
    }
    // The largest value that falls into a bucket.
    static constexpr std::uint64_t bucketUpperBound(std::size_t bucket) noexcept {
        if (bucket < kSubBuckets) return bucket;
        const unsigned magnitude = static_cast<unsigned>(bucket / kSubBuckets) + kSubBucketBits - 1;
        const std::uint64_t sub = bucket % kSubBuckets;
        const unsigned shift = magnitude - kSubBucketBits;
        return ((kSubBuckets + sub + 1) << shift) - 1;
    }

    std::array<std::atomic<std::uint64_t>, kBucketCount> buckets_{};
    std::atomic<std::uint64_t> max_{0};
};

}  // namespace mos::core
