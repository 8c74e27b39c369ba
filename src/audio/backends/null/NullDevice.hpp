#pragma once

// The null back-end ("none"; `mos play --device null`): plays into nothing at real-time pace, so the
// engine runs exactly as it would on a card on machines without one, and in tests. Its thread calls
// the callback for block k at start + k × (frames / rate), by an absolute deadline on the steady
// clock, so the pace never drifts however long it plays.

#include <cstdint>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "audio/CallbackTimer.hpp"
#include "mos/audio/AudioDevice.hpp"
#include "mos/core/Result.hpp"

namespace mos::audio {

class NullDevice final : public AudioDevice {
public:
    // `rate` and `bufferFrames` > 0; allocates the two channel buffers. Thread: control. RT-safe: no.
    NullDevice(core::SampleRate rate, std::uint32_t bufferFrames);
    // Not copyable or movable: the playing thread holds `this`.
    NullDevice(const NullDevice&) = delete;
    NullDevice& operator=(const NullDevice&) = delete;

    // Starts the playing thread; an error when already started (the first callback keeps playing).
    // Thread: control. RT-safe: no.
    core::Result<void> start(AudioCallback& callback) override;
    // Returns within one block's duration plus the callback's own time. Thread: control. RT-safe: no.
    void stop() override;

    DeviceBackend backend() const noexcept override { return DeviceBackend::None; }
    core::SampleRate sampleRate() const noexcept override { return rate_; }
    std::uint32_t bufferFrames() const noexcept override { return bufferFrames_; }
    std::string describe() const override;
    CallbackTiming timing() const noexcept override { return timer_.timing(); }

private:
    // The playing thread's loop. A block whose deadline has passed when its turn comes is counted as
    // a device xrun and played at once, so the schedule catches up instead of shifting.
    void play(AudioCallback& callback, const std::stop_token& stop) noexcept;

    core::SampleRate rate_;
    std::uint32_t bufferFrames_;
    std::vector<float> left_;
    std::vector<float> right_;
    CallbackTimer timer_;
    std::jthread thread_;  // last: stopped and joined before the buffers and the timer it uses go away
};

}  // namespace mos::audio
