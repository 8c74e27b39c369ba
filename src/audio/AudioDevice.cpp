// The one place that turns AudioDeviceOptions into a back-end's device.

#include "mos/audio/AudioDevice.hpp"

#include <memory>
#include <utility>

#include "audio/backends/alsa/RtAudioDevice.hpp"
#include "audio/backends/jack/JackDevice.hpp"
#include "audio/backends/null/NullDevice.hpp"

namespace mos::audio {

namespace {

// ALSA and the null device play at the rate and block size asked for; JACK's server decides its own.
core::Result<void> checkStreamShape(const AudioDeviceOptions& options) {
    if (options.sampleRate.value == 0) return core::fail(core::ErrorCode::InvalidArgument, "a sample rate of 0 Hz");
    if (options.bufferFrames == 0) return core::fail(core::ErrorCode::InvalidArgument, "a buffer of 0 frames");
    return {};
}

}  // namespace

core::Result<std::unique_ptr<AudioDevice>> openAudioDevice(const AudioDeviceOptions& options) {
    switch (options.backend) {
        case DeviceBackend::Jack:
            return JackDevice::open(options);
        case DeviceBackend::Alsa:
            if (auto checked = checkStreamShape(options); !checked) return std::move(checked).error();
            return RtAudioDevice::open(options);
        case DeviceBackend::None:
            if (auto checked = checkStreamShape(options); !checked) return std::move(checked).error();
            return std::unique_ptr<AudioDevice>{std::make_unique<NullDevice>(options.sampleRate, options.bufferFrames)};
    }
    return core::fail(core::ErrorCode::InvalidArgument, "no such audio back-end");
}

}  // namespace mos::audio
