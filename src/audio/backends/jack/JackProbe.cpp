// JACK back-end probe: is a JACK server running, and at what sample rate and buffer size.

#include <memory>
#include <string>

#include <jack/jack.h>

#include "audio/backends/jack/JackStatus.hpp"
#include "mos/audio/DeviceProbe.hpp"
#include "mos/core/UniqueHandle.hpp"

namespace mos::audio {

std::string jackServerName(const core::Environment& environment) {
    // libjack's own rule (jack_default_server_name), so MOS talks to the server other clients see.
    return environment.get("JACK_DEFAULT_SERVER").value_or("default");
}

JackReport probeJack(std::string_view serverName) {
    JackReport report;
    report.serverName = serverName;
    silenceJackMessages();

    jack_status_t status{};
    const auto options = static_cast<jack_options_t>(JackNoStartServer | JackServerName);
    const core::UniqueHandle<jack_client_t, jack_client_close> client{
        jack_client_open("mos-probe", options, &status, report.serverName.c_str())};
    if (!client) {
        report.reason = describeJackFailure(static_cast<unsigned>(status), serverName);
        return report;
    }
    report.running = true;
    report.sampleRate = jack_get_sample_rate(client.get());
    report.bufferFrames = jack_get_buffer_size(client.get());
    return report;
}

}  // namespace mos::audio
