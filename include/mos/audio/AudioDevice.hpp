#pragma once

// A sound card, a JACK server or nothing at all (the null device), seen the same way: MOS gives it
// a callback, and the device calls it on its real-time thread for every block it plays. The device
// also times each callback against the block's budget (frames / sample rate), so tests and
// `mos doctor` can show that MOS never overruns.
//
//   auto device = openAudioDevice({.backend = DeviceBackend::Jack});
//   if (!device) { report(device.error()); return; }
//   (*device)->start(engine);         // engine implements AudioCallback
//   ...
//   (*device)->stop();

#include <cstdint>
#include <memory>
#include <string>

#include "mos/audio/DeviceProbe.hpp"
#include "mos/core/Result.hpp"
#include "mos/core/SampleTime.hpp"

namespace mos::audio {

// What the device calls for every block.
class AudioCallback {
public:
    virtual ~AudioCallback() = default;
    // Writes (overwrites) `frames` frames of stereo output. Thread: audio. RT-safe: must be.
    virtual void process(float* left, float* right, std::uint32_t frames) noexcept = 0;
};

// How long the callbacks took, measured around AudioCallback::process on the device's thread.
// The percentiles come from a log-linear histogram of every callback (core::LatencyHistogram): each
// is at most 12.5 % above the true value and never above maxNanos.
struct CallbackTiming {
    std::uint64_t callbacks = 0;
    std::uint64_t overruns = 0;     // callbacks that took longer than their block's budget
    std::int64_t maxNanos = 0;      // slowest callback
    std::int64_t totalNanos = 0;    // sum over all callbacks
    std::int64_t budgetNanos = 0;   // frames / sample rate of the device's block
    std::uint64_t deviceXruns = 0;  // under/overruns the device or server itself reported
    std::int64_t p50Nanos = 0;      // median callback
    std::int64_t p99Nanos = 0;
    std::int64_t p999Nanos = 0;  // 99.9th percentile: the tail a budget must cover
};

struct AudioDeviceOptions {
    DeviceBackend backend = DeviceBackend::Jack;
    std::string clientName = "mos";      // JACK client name
    std::string jackServer{};            // empty: $JACK_DEFAULT_SERVER, else "default"
    core::SampleRate sampleRate{48000};  // asked of ALSA and the null device; JACK's server decides
    std::uint32_t bufferFrames = 256;    // likewise
    bool connectOutputs = true;          // JACK: connect to the system playback ports when present
};

class AudioDevice {
public:
    virtual ~AudioDevice() = default;

    // Starts calling `callback` (which must outlive stop()). Thread: control. RT-safe: no.
    virtual core::Result<void> start(AudioCallback& callback) = 0;
    // Stops the callbacks; after it returns, none runs. Thread: control. RT-safe: no.
    virtual void stop() = 0;

    virtual DeviceBackend backend() const noexcept = 0;
    virtual core::SampleRate sampleRate() const noexcept = 0;
    virtual std::uint32_t bufferFrames() const noexcept = 0;
    // "jack: default (48000 Hz, 256 frames)". Thread: control. RT-safe: no.
    virtual std::string describe() const = 0;
    // Thread: any. RT-safe: yes.
    virtual CallbackTiming timing() const noexcept = 0;
};

// Opens (without starting) the device of `options.backend`; an error says why it cannot play, e.g.
// "no JACK server \"default\" is running". Thread: control. RT-safe: no.
core::Result<std::unique_ptr<AudioDevice>> openAudioDevice(const AudioDeviceOptions& options);

}  // namespace mos::audio
