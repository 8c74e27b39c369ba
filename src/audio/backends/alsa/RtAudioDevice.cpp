#include "audio/backends/alsa/RtAudioDevice.hpp"

#include <exception>
#include <string_view>
#include <utility>

#include "mos/audio/DeviceProbe.hpp"

namespace mos::audio {

namespace {

core::Error cannotPlay(core::ErrorCode code, std::string_view why) {
    return core::fail(code, "cannot play through ALSA: " + std::string{why});
}

}  // namespace

core::Result<std::unique_ptr<AudioDevice>> RtAudioDevice::open(const AudioDeviceOptions& options) {
    // Without a card RtAudio would answer "output device parameter value is invalid", after libasound
    // printed a page of configuration errors; the probe says what is missing.
    const AlsaReport alsa = probeAlsa();
    if (!alsa.available()) return cannotPlay(core::ErrorCode::NotFound, alsa.reason);

    // Not make_unique: the constructor is private.
    std::unique_ptr<RtAudioDevice> device{new RtAudioDevice{options.sampleRate, options.bufferFrames}};
    try {
        device->rtAudio_ = std::make_unique<RtAudio>(RtAudio::LINUX_ALSA);
        device->rtAudio_->showWarnings(false);
    } catch (const std::exception& error) {
        return cannotPlay(core::ErrorCode::IoError, error.what());
    }
    if (auto opened = device->openStream(); !opened) return std::move(opened).error();
    return std::unique_ptr<AudioDevice>{std::move(device)};
}

RtAudioDevice::RtAudioDevice(core::SampleRate sampleRate, std::uint32_t bufferFrames) noexcept
    : sampleRate_{sampleRate}, bufferFrames_{bufferFrames} {}

core::Result<void> RtAudioDevice::openStream() {
    RtAudio::StreamParameters output;
    output.nChannels = 2;
    RtAudio::StreamOptions streamOptions;
    streamOptions.flags = RTAUDIO_NONINTERLEAVED | RTAUDIO_ALSA_USE_DEFAULT;
    unsigned int frames = bufferFrames_;
    try {
        // With RTAUDIO_ALSA_USE_DEFAULT RtAudio opens "default" whatever the id, but wants a valid one.
        output.deviceId = rtAudio_->getDefaultOutputDevice();
        rtAudio_->openStream(&output, nullptr, RTAUDIO_FLOAT32, sampleRate_.value, &frames, onBlock, this,
                             &streamOptions);
        sampleRate_ = core::SampleRate{rtAudio_->getStreamSampleRate()};
    } catch (const std::exception& error) {
        return cannotPlay(core::ErrorCode::IoError, error.what());
    }
    bufferFrames_ = frames;
    return {};
}

core::Result<void> RtAudioDevice::start(AudioCallback& callback) {
    if (running_) return core::fail(core::ErrorCode::InvalidArgument, describe() + " is already playing");
    if (!rtAudio_->isStreamOpen()) {
        if (auto opened = openStream(); !opened) return opened;
    }
    callback_ = &callback;
    try {
        rtAudio_->startStream();
    } catch (const std::exception& error) {
        return cannotPlay(core::ErrorCode::IoError, error.what());
    }
    running_ = true;
    return {};
}

void RtAudioDevice::stop() {
    if (!running_) return;
    // RtApiAlsa::closeStream reports its problems as warnings (silenced), never by throwing.
    rtAudio_->closeStream();
    running_ = false;
}

std::string RtAudioDevice::describe() const {
    return "alsa: default (" + std::to_string(sampleRate_.value) + " Hz, " + std::to_string(bufferFrames_) + " frames)";
}

int RtAudioDevice::onBlock(void* output, void* /*input*/, unsigned int frames, double /*streamTime*/,
                           RtAudioStreamStatus status, void* self) noexcept {
    auto& device = *static_cast<RtAudioDevice*>(self);
    if ((status & RTAUDIO_OUTPUT_UNDERFLOW) != 0U) device.timer_.countDeviceXrun();
    // Non-interleaved: the right channel's frames follow the left's.
    auto* left = static_cast<float*>(output);
    device.timer_.run(*device.callback_, left, left + frames, frames, device.sampleRate_);
    return 0;  // keep playing
}

}  // namespace mos::audio
