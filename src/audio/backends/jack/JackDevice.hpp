#pragma once

// JACK back-end: a client of a running JACK server (MOS never starts one) with two output ports,
// out_L and out_R, which JACK's process thread fills through the AudioCallback. The server decides
// the sample rate and buffer size.

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include <jack/jack.h>

#include "audio/CallbackTimer.hpp"
#include "mos/audio/AudioDevice.hpp"
#include "mos/core/Result.hpp"
#include "mos/core/UniqueHandle.hpp"

namespace mos::audio {

class JackDevice final : public AudioDevice {
public:
    // Connects to options.jackServer (else $JACK_DEFAULT_SERVER, else "default") as
    // options.clientName and registers the ports; fails with why, e.g. "no JACK server \"default\"
    // is running". Thread: control. RT-safe: no.
    static core::Result<std::unique_ptr<AudioDevice>> open(const AudioDeviceOptions& options);

    // Activates the client and, when asked at open, connects the ports to the physical playback
    // ports; an error when already started. Thread: control. RT-safe: no.
    core::Result<void> start(AudioCallback& callback) override;
    // Silences the callbacks, waits for one in progress to return, then deactivates the client.
    // Thread: control. RT-safe: no.
    void stop() override;

    DeviceBackend backend() const noexcept override { return DeviceBackend::Jack; }
    // The server's (JACK 2 cannot change it while running). Thread: any. RT-safe: yes.
    core::SampleRate sampleRate() const noexcept override { return sampleRate_; }
    // The server's current buffer size. Thread: any. RT-safe: yes.
    std::uint32_t bufferFrames() const noexcept override;
    std::string describe() const override;
    CallbackTiming timing() const noexcept override { return timer_.timing(); }

private:
    using Client = core::UniqueHandle<jack_client_t, jack_client_close>;

    JackDevice(std::string serverName, bool connectOutputs) noexcept;
    // Opens the client and registers the ports and callbacks, which point at this object.
    core::Result<void> openClient(const std::string& clientName);
    core::Result<void> connectToPlayback();

    static int onProcess(jack_nframes_t frames, void* self) noexcept;
    static int onXrun(void* self) noexcept;

    std::string serverName_;
    bool connectOutputs_;
    core::SampleRate sampleRate_{};
    bool running_ = false;
    CallbackTimer timer_;
    // Set by start() before jack_activate(), read by the process thread. libjack documents no
    // ordering between the two, so the pointer is published with release and read with acquire.
    std::atomic<AudioCallback*> callback_{nullptr};
    // jack_deactivate() ends the process thread with an asynchronous pthread_cancel, even when a
    // late callback is still running (the server stops waiting for a slow client); unwinding
    // through a noexcept callback then aborts. So stop() sets silenced_, after which onProcess
    // only writes silence, and waits while busy_ says the callback runs. Both are seq_cst: each
    // side stores its own flag, then loads the other's, so either the process thread sees
    // silenced_ or stop() sees busy_ (Dekker's handshake).
    std::atomic<bool> silenced_{false};
    std::atomic<bool> busy_{false};
    jack_port_t* left_ = nullptr;   // owned by client_
    jack_port_t* right_ = nullptr;  // owned by client_
    // Last, so it closes first: jack_client_close stops the process and xrun callbacks before the
    // members they use go away.
    Client client_;
};

}  // namespace mos::audio
