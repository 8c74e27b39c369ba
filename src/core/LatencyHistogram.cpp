#include "mos/core/LatencyHistogram.hpp"

#include <algorithm>
#include <cmath>

namespace mos::core {

LatencySummary LatencyHistogram::summary() const noexcept {
    std::array<std::uint64_t, kBucketCount> counts{};
    LatencySummary s;
    for (std::size_t i = 0; i < kBucketCount; ++i) {
        counts[i] = buckets_[i].load(std::memory_order_relaxed);
        s.count += counts[i];
    }
    const auto maxValue = max_.load(std::memory_order_relaxed);
    s.maxNanos = static_cast<std::int64_t>(maxValue);
    if (s.count == 0) return s;

    // Nearest rank: the bound of the bucket holding the ceil(fraction * count)-th smallest value,
    // capped by the largest value seen.
    const auto percentile = [&](double fraction) {
        const auto rank = static_cast<std::uint64_t>(std::ceil(fraction * static_cast<double>(s.count)));
        const std::uint64_t target = std::max<std::uint64_t>(1, rank);
        std::uint64_t seen = 0;
        for (std::size_t i = 0; i < kBucketCount; ++i) {
            seen += counts[i];
            if (seen >= target) return static_cast<std::int64_t>(std::min(bucketUpperBound(i), maxValue));
        }
        return static_cast<std::int64_t>(maxValue);
    };
    s.p50Nanos = percentile(0.50);
    s.p90Nanos = percentile(0.90);
    s.p99Nanos = percentile(0.99);
    s.p999Nanos = percentile(0.999);
    return s;
}

void LatencyHistogram::reset() noexcept {
    for (auto& bucket : buckets_) bucket.store(0, std::memory_order_relaxed);
    max_.store(0, std::memory_order_relaxed);
}

}  // namespace mos::core
