#include "mos/audio/SampleStore.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace mos::audio {

void Sample::finish() {
    frames = static_cast<std::uint32_t>(data.size() / channels);
    peak = 0.0F;
    for (const float value : data) peak = std::max(peak, std::abs(value));
    data.resize(data.size() + std::size_t{kGuardFrames} * channels, 0.0F);
    data.shrink_to_fit();
}

core::Result<SampleHandle> SampleStore::findOrAdd(const std::string& key,
                                                  const std::function<core::Result<Sample>()>& decode) {
    {
        const std::lock_guard lock(mutex_);
        if (const auto found = samples_.find(key); found != samples_.end()) return found->second;
    }
    // Decoding can take long (an SF3's Vorbis samples): other loads go on meanwhile. Two loads of
    // one key may both decode it; the first stored wins and the other's copy is dropped.
    auto decoded = decode();
    if (!decoded) return decoded.error();
    auto sample = std::make_shared<const Sample>(std::move(*decoded));
    const std::lock_guard lock(mutex_);
    return samples_.try_emplace(key, std::move(sample)).first->second;
}

void SampleStore::prune() {
    const std::lock_guard lock(mutex_);
    std::erase_if(samples_, [](const auto& entry) { return entry.second.use_count() == 1; });
}

std::size_t SampleStore::bytes() const {
    const std::lock_guard lock(mutex_);
    std::size_t total = 0;
    for (const auto& [key, sample] : samples_) total += sample->bytes();
    return total;
}

std::size_t SampleStore::size() const {
    const std::lock_guard lock(mutex_);
    return samples_.size();
}

}  // namespace mos::audio
