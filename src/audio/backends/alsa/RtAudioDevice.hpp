#pragma once

// ALSA back-end: stereo float playback on ALSA's "default" PCM (which shares the card with other
// programs), through RtAudio. RtAudio 5 throws RtAudioError from its control calls; they are caught
// here and become core::Error, so no exception leaves the module. On its own thread it reports only
// warnings, which are silenced.

#include <cstdint>
#include <memory>
#include <string>

#include <RtAudio.h>

#include "audio/CallbackTimer.hpp"
#include "mos/audio/AudioDevice.hpp"
#include "mos/core/Result.hpp"

namespace mos::audio {

class RtAudioDevice final : public AudioDevice {
public:
    // Opens a stream at options.sampleRate and options.bufferFrames, which the card may change;
    // fails with why, e.g. "cannot play through ALSA: no sound card found". Thread: control.
    // RT-safe: no.
    static core::Result<std::unique_ptr<AudioDevice>> open(const AudioDeviceOptions& options);

    // Starts the stream, reopening it after a stop(); an error when already started.
    // Thread: control. RT-safe: no.
    core::Result<void> start(AudioCallback& callback) override;
    // Closes the stream, which joins RtAudio's callback thread (stopping alone may return while a
    // callback runs). Thread: control. RT-safe: no.
    void stop() override;

    DeviceBackend backend() const noexcept override { return DeviceBackend::Alsa; }
    core::SampleRate sampleRate() const noexcept override { return sampleRate_; }
    std::uint32_t bufferFrames() const noexcept override { return bufferFrames_; }
    std::string describe() const override;
    CallbackTiming timing() const noexcept override { return timer_.timing(); }

private:
    RtAudioDevice(core::SampleRate sampleRate, std::uint32_t bufferFrames) noexcept;
    // Opens the stream at sampleRate_ and bufferFrames_ and sets them to what the card accepted.
    core::Result<void> openStream();

    static int onBlock(void* output, void* input, unsigned int frames, double streamTime, RtAudioStreamStatus status,
                       void* self) noexcept;

    core::SampleRate sampleRate_;
    std::uint32_t bufferFrames_;
    bool running_ = false;
    CallbackTimer timer_;
    // Set by start() before RtAudio::startStream, whose mutex hands it to the callback thread.
    AudioCallback* callback_ = nullptr;
    // Last, so it closes first: its destructor joins the callback thread before the members it uses
    // go away.
    std::unique_ptr<RtAudio> rtAudio_;
};

}  // namespace mos::audio
