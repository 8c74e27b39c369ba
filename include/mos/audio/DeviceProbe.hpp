#pragma once

// What the audio device back-ends find on this machine, and which one MOS will play through.
// Each back-end (src/audio/backends/<name>/) answers with a report whose available() says whether
// MOS can use it; chooseBackend() is the one place that picks among them.
//
//   const DeviceReport devices = probeDevices(core::Environment::current());
//   devices.use  ->  DeviceBackend::Jack when a JACK server runs, else Alsa when a card can play

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mos/core/Paths.hpp"

namespace mos::audio {

// A JACK server, seen by a client that connects and leaves at once.
struct JackReport {
    std::string serverName;  // the server asked for: $JACK_DEFAULT_SERVER, else "default"
    bool running = false;
    std::uint32_t sampleRate = 0;    // Hz, when running
    std::uint32_t bufferFrames = 0;  // frames per period, when running
    std::string reason;              // why no client could connect, when not running

    // MOS can play through it. Thread: any. RT-safe: yes.
    bool available() const noexcept { return running; }
};

// One ALSA PCM device that can play.
struct AlsaPlaybackDevice {
    std::string id;          // the name ALSA opens it by, e.g. "hw:CARD=PCH,DEV=0"
    std::string cardName;    // e.g. "HDA Intel PCH"
    std::string deviceName;  // e.g. "ALC892 Analog"
    int cardIndex = 0;
    int deviceIndex = 0;
};

// The sound cards' playback devices, as ALSA's control interface lists them.
struct AlsaReport {
    std::vector<AlsaPlaybackDevice> devices;
    std::string reason;  // why the list is empty, when it is

    // MOS can play through a card. Thread: any. RT-safe: yes.
    bool available() const noexcept { return !devices.empty(); }
};

enum class DeviceBackend { Jack, Alsa, None };

// "jack", "alsa" or "none". Thread: any. RT-safe: yes.
std::string_view toString(DeviceBackend backend) noexcept;

// The JACK server libjack would connect to: $JACK_DEFAULT_SERVER, else "default".
// Thread: any. RT-safe: no.
std::string jackServerName(const core::Environment& environment);

// Connects to the named JACK server without starting one, reads its sample rate and buffer size,
// and disconnects. libjack's own error printing is silenced, since a missing server is an answer
// here, not an error. Thread: control. RT-safe: no.
JackReport probeJack(std::string_view serverName);

// Lists every playback PCM device of every sound card. Thread: control. RT-safe: no.
AlsaReport probeAlsa();

// JACK when a server is running (it shares the card with other programs), else ALSA when a card can
// play, else none: MOS still renders to files. Thread: any. RT-safe: yes.
DeviceBackend chooseBackend(const JackReport& jack, const AlsaReport& alsa) noexcept;

// Everything the back-ends find and the one MOS will use.
struct DeviceReport {
    JackReport jack;
    AlsaReport alsa;
    DeviceBackend use = DeviceBackend::None;
};

// Probes every back-end; the JACK server is named by `environment`. Thread: control. RT-safe: no.
DeviceReport probeDevices(const core::Environment& environment);

}  // namespace mos::audio
