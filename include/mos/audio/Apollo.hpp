#pragma once

// The instrument the engine plays through: the sampler (SoundFont or SFZ) once its bank is loaded,
// the built-in fallback synth before that and whenever there is none, so MOS always sounds. Both
// hear every channel message, so programs and controllers are right whichever one plays; when the
// sampler takes over, the fallback's notes fade out beneath it.
//
//   Apollo apollo;
//   audio::Engine engine{player, apollo, options};          // sounds at once, with the fallback
//   apollo.setBank(loadedOnAnotherThread);                  // the sampler from the next block on

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "mos/audio/FallbackSynth.hpp"
#include "mos/audio/Instrument.hpp"
#include "mos/audio/InstrumentBank.hpp"
#include "mos/audio/Sampler.hpp"

namespace mos::audio {

class Apollo final : public Instrument {
public:
    // Thread: control. RT-safe: no.
    Apollo() = default;

    // The sampler plays `bank` from the audio thread's next block on. Thread: control. RT-safe: no.
    void setBank(std::shared_ptr<const InstrumentBank> bank) { sampler_.setBank(std::move(bank)); }
    // True once the sampler plays a bank; until then the fallback synth sounds. Thread: any.
    // RT-safe: yes.
    bool ready() const noexcept { return sampler_.ready(); }
    Sampler& sampler() noexcept { return sampler_; }

    // Thread: control (never while render() runs). RT-safe: no.
    void prepare(core::SampleRate rate, std::uint32_t maxBlockFrames) override;
    // Thread: audio. RT-safe: yes.
    void render(std::span<const InstrumentEvent> events, float* left, float* right,
                std::uint32_t frames) noexcept override;
    // The sampler's look-ahead while it plays, else none. Thread: any. RT-safe: yes.
    std::uint32_t latencyFrames() const noexcept override;
    // Thread: audio, or control while no render() runs. RT-safe: yes.
    std::uint32_t activeVoices() const noexcept override;

private:
    Sampler sampler_;
    FallbackSynth fallback_;
    bool fallbackSilenced_ = false;  // audio thread: the sampler took over and the fallback was told
};

}  // namespace mos::audio
