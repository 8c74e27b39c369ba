#pragma once

// Apollo, the sampled-instrument engine: plays a SoundFont or SFZ InstrumentBank on 16 General MIDI
// channels. Every note starts on its exact frame; up to kMaxVoices sound at once, and a note beyond
// them steals the voice that will be missed least (released first, then the quietest, then the
// oldest), fading it out underneath the new one. Voices mix into a dry bus and reverb and chorus
// sends (CC 91 and CC 93), and a look-ahead limiter keeps the sum below full scale; it delays the
// whole output by latencyFrames(), which an offline render takes back out.
//
// A bank is loaded on a control thread and handed over with setBank(); the audio thread adopts it
// at the start of its next block, fading out the notes of the bank it replaces. Banks the audio
// thread has let go are freed by the control side (setBank() and collectRetired()), never on the
// audio thread.
//
//   Sampler sampler;
//   sampler.prepare(core::SampleRate{48000}, 256);
//   sampler.setBank(std::make_shared<InstrumentBank>(std::move(*loadSoundFont(path, store))));
//   const InstrumentEvent events[] = {InstrumentEvent::noteOn(17, 0, 60, 100)};
//   sampler.render(events, left, right, 256);   // a piano's middle C from frame 17
//
// Channel messages: note on/off, program change with bank select (CC 0; channel 10 plays the drum
// bank), pitch bend with its range (RPN 0), channel pressure, CC 1, 7, 10, 11 and the rest through
// the regions' modulators, sustain (64) and sostenuto (66) pedals, All Sound Off (120), Reset All
// Controllers (121), All Notes Off (123).

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "mos/audio/Instrument.hpp"
#include "mos/audio/InstrumentBank.hpp"
#include "mos/core/SampleTime.hpp"
#include "mos/core/SpscRing.hpp"

namespace mos::audio {

// How voices read samples between their frames.
enum class Interpolation : std::uint8_t {
    Cubic,  // 4-point Hermite: the default
    Sinc,   // 8-point windowed sinc: cleaner highs, about twice the cost
};

class Sampler final : public Instrument {
public:
    static constexpr std::uint32_t kMaxVoices = 256;
    // Voices beyond kMaxVoices that only fade out notes that were stolen or silenced.
    static constexpr std::uint32_t kFadeVoices = 64;
    static constexpr float kStealFadeSeconds = 0.005F;
    static constexpr float kAllSoundOffSeconds = 0.005F;
    // How fast a note silences the notes of its exclusive class (an open hi-hat by a closed one).
    static constexpr float kChokeSeconds = 0.01F;
    // Scales the mix so that a few loud notes stay below full scale before the limiter.
    static constexpr float kMasterGain = 0.3F;

    // Thread: control. RT-safe: no.
    Sampler();
    // The audio thread must no longer call render(). Thread: control.
    ~Sampler() override;
    Sampler(const Sampler&) = delete;
    Sampler& operator=(const Sampler&) = delete;

    // Hands `bank` to the audio thread, which adopts it at its next block; until then the previous
    // bank plays. A bank handed over earlier but not yet adopted is replaced. Frees the banks the
    // audio thread has let go. Thread: control. RT-safe: no.
    void setBank(std::shared_ptr<const InstrumentBank> bank);
    // Frees the banks the audio thread has let go. Thread: control. RT-safe: no.
    void collectRetired();
    // True once the audio thread plays a bank (the vision's isReady). Thread: any. RT-safe: yes.
    bool ready() const noexcept { return ready_.load(std::memory_order_acquire); }

    // For notes started from now on. Thread: any. RT-safe: yes.
    void setInterpolation(Interpolation quality) noexcept { interpolation_.store(quality, std::memory_order_relaxed); }

    // Allocates the buses and effects for this rate and block size, silences every voice and resets
    // every channel. Thread: control (never while render() runs). RT-safe: no.
    void prepare(core::SampleRate rate, std::uint32_t maxBlockFrames) override;

    // Applies each event at its frame and ADDS `frames` frames of stereo sound to left and right.
    // Before prepare(), or with no bank, it adds nothing. Thread: audio. RT-safe: yes.
    void render(std::span<const InstrumentEvent> events, float* left, float* right,
                std::uint32_t frames) noexcept override;

    // How late the sound comes out: the limiter's look-ahead. Thread: any. RT-safe: yes.
    std::uint32_t latencyFrames() const noexcept override;

    // Voices sounding now, fading ones included. Thread: audio, or control while no render() runs.
    // RT-safe: yes.
    std::uint32_t activeVoices() const noexcept override;
    // The most voices that sounded at once since prepare(). Thread: any. RT-safe: yes.
    std::uint32_t peakVoices() const noexcept { return peakVoices_.load(std::memory_order_relaxed); }
    // Notes that took the voice of another. Thread: any. RT-safe: yes.
    std::uint64_t stolenVoices() const noexcept { return stolen_.load(std::memory_order_relaxed); }

private:
    struct State;
    std::unique_ptr<State> state_;

    static constexpr std::size_t kRetiredCapacity = 16;
    // A bank on its way back to the control side.
    struct Retired {
        const InstrumentBank* bank = nullptr;
    };
    // The bank waiting to be adopted, or null. Exchanged by both sides (acq_rel): the control side's
    // writes building the bank happen before the audio thread reads it.
    std::atomic<const InstrumentBank*> published_{nullptr};
    // Audio → control: banks no voice uses any more.
    core::SpscRing<Retired> retired_{kRetiredCapacity};
    // Control side: the banks handed over and not yet retired, kept alive here.
    std::vector<std::shared_ptr<const InstrumentBank>> owned_;

    std::atomic<Interpolation> interpolation_{Interpolation::Cubic};
    std::atomic<bool> ready_{false};  // release: pairs with ready()'s acquire
    std::atomic<std::uint32_t> peakVoices_{0};
    std::atomic<std::uint64_t> stolen_{0};
};

}  // namespace mos::audio
