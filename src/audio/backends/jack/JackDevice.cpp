#include "audio/backends/jack/JackDevice.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <string>
#include <thread>
#include <utility>

#include "audio/backends/jack/JackStatus.hpp"
#include "mos/core/Paths.hpp"

namespace mos::audio {

namespace {

using PortNames = core::UniqueHandle<const char*, jack_free>;

core::Error jackError(const std::string& message) { return core::fail(core::ErrorCode::IoError, message); }

}  // namespace

core::Result<std::unique_ptr<AudioDevice>> JackDevice::open(const AudioDeviceOptions& options) {
    std::string serverName =
        options.jackServer.empty() ? jackServerName(core::Environment::current()) : options.jackServer;
    // Not make_unique: the constructor is private.
    std::unique_ptr<JackDevice> device{new JackDevice{std::move(serverName), options.connectOutputs}};
    if (auto opened = device->openClient(options.clientName); !opened) return std::move(opened).error();
    return std::unique_ptr<AudioDevice>{std::move(device)};
}

JackDevice::JackDevice(std::string serverName, bool connectOutputs) noexcept
    : serverName_{std::move(serverName)}, connectOutputs_{connectOutputs} {}

core::Result<void> JackDevice::openClient(const std::string& clientName) {
    silenceJackMessages();
    jack_status_t status{};
    const auto options = static_cast<jack_options_t>(JackNoStartServer | JackServerName);
    client_.reset(jack_client_open(clientName.c_str(), options, &status, serverName_.c_str()));
    if (!client_) {
        const auto code = (status & JackServerFailed) != 0 ? core::ErrorCode::NotFound : core::ErrorCode::IoError;
        return core::fail(code, describeJackFailure(static_cast<unsigned>(status), serverName_));
    }
    sampleRate_ = core::SampleRate{jack_get_sample_rate(client_.get())};

    left_ = jack_port_register(client_.get(), "out_L", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
    right_ = jack_port_register(client_.get(), "out_R", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
    if (left_ == nullptr || right_ == nullptr) {
        return jackError("cannot register the output ports of JACK client \"" + clientName + "\"");
    }
    if (jack_set_process_callback(client_.get(), onProcess, this) != 0 ||
        jack_set_xrun_callback(client_.get(), onXrun, this) != 0) {
        return jackError("cannot set the callbacks of JACK client \"" + clientName + "\"");
    }
    return {};
}

core::Result<void> JackDevice::start(AudioCallback& callback) {
    if (running_) return core::fail(core::ErrorCode::InvalidArgument, describe() + " is already playing");
    // Release pairs with the acquire in onProcess, which runs only after jack_activate().
    callback_.store(&callback, std::memory_order_release);
    silenced_.store(false);
    if (jack_activate(client_.get()) != 0) return jackError("cannot activate the JACK client of " + describe());
    running_ = true;
    if (connectOutputs_) {
        if (auto connected = connectToPlayback(); !connected) {
            stop();
            return connected;
        }
    }
    return {};
}

core::Result<void> JackDevice::connectToPlayback() {
    // "Physical input" ports are the ones that take sound to the hardware, e.g. system:playback_1.
    const PortNames playback{jack_get_ports(client_.get(), nullptr, JACK_DEFAULT_AUDIO_TYPE,
                                            static_cast<unsigned long>(JackPortIsPhysical | JackPortIsInput))};
    if (!playback || playback.get()[0] == nullptr) return {};  // nothing to connect to: not an error
    const char* firstPort = playback.get()[0];
    const char* secondPort = playback.get()[1] != nullptr ? playback.get()[1] : firstPort;  // mono card: both
    for (const auto& [port, destination] : {std::pair{left_, firstPort}, std::pair{right_, secondPort}}) {
        const char* source = jack_port_name(port);
        if (const int error = jack_connect(client_.get(), source, destination); error != 0 && error != EEXIST) {
            return jackError(std::string{"cannot connect "} + source + " to " + destination);
        }
    }
    return {};
}

void JackDevice::stop() {
    if (!running_) return;
    silenced_.store(true);
    while (busy_.load()) std::this_thread::sleep_for(std::chrono::microseconds{100});
    jack_deactivate(client_.get());
    running_ = false;
}

std::uint32_t JackDevice::bufferFrames() const noexcept { return jack_get_buffer_size(client_.get()); }

std::string JackDevice::describe() const {
    return "jack: " + serverName_ + " (" + std::to_string(sampleRate().value) + " Hz, " +
           std::to_string(bufferFrames()) + " frames)";
}

int JackDevice::onProcess(jack_nframes_t frames, void* self) noexcept {
    auto& device = *static_cast<JackDevice*>(self);
    auto* left = static_cast<float*>(jack_port_get_buffer(device.left_, frames));
    auto* right = static_cast<float*>(jack_port_get_buffer(device.right_, frames));
    device.busy_.store(true);
    if (device.silenced_.load()) {
        std::fill_n(left, frames, 0.0F);
        std::fill_n(right, frames, 0.0F);
    } else {
        // Acquire pairs with start(): the callback is set before the client was activated.
        AudioCallback& callback = *device.callback_.load(std::memory_order_acquire);
        device.timer_.run(callback, left, right, frames, device.sampleRate_);
    }
    device.busy_.store(false);
    return 0;
}

int JackDevice::onXrun(void* self) noexcept {
    static_cast<JackDevice*>(self)->timer_.countDeviceXrun();
    return 0;
}

}  // namespace mos::audio
