#include "mos/audio/Apollo.hpp"

#include <array>

namespace mos::audio {

void Apollo::prepare(core::SampleRate rate, std::uint32_t maxBlockFrames) {
    sampler_.prepare(rate, maxBlockFrames);
    fallback_.prepare(rate, maxBlockFrames);
    fallbackSilenced_ = false;
}

void Apollo::render(std::span<const InstrumentEvent> events, float* left, float* right, std::uint32_t frames) noexcept {
    sampler_.render(events, left, right, frames);
    if (!sampler_.ready()) {
        fallback_.render(events, left, right, frames);
        return;
    }
    // The sampler has taken over: the fallback's notes fade out (All Sound Off takes a few
    // milliseconds) and it falls silent.
    if (!fallbackSilenced_) {
        std::array<InstrumentEvent, 16> silence{};
        for (std::size_t channel = 0; channel < silence.size(); ++channel) {
            silence[channel] = {0, InstrumentEvent::Kind::AllSoundOff, static_cast<std::uint8_t>(channel), 0, 0};
        }
        fallback_.render(silence, left, right, frames);
        fallbackSilenced_ = true;
    } else if (fallback_.activeVoices() > 0) {
        fallback_.render({}, left, right, frames);
    }
}

std::uint32_t Apollo::latencyFrames() const noexcept { return sampler_.ready() ? sampler_.latencyFrames() : 0; }

std::uint32_t Apollo::activeVoices() const noexcept { return sampler_.activeVoices() + fallback_.activeVoices(); }

}  // namespace mos::audio
