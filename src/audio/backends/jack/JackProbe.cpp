// JACK back-end probe: is a JACK server running, and at what sample rate and buffer size.

#include <memory>
#include <string>

#include <jack/jack.h>

#include "mos/audio/DeviceProbe.hpp"
#include "mos/core/UniqueHandle.hpp"

namespace mos::audio {

namespace {

// libjack prints to stderr when no server answers; for a probe that is the expected answer, so its
// messages are dropped (jack_status_t says what happened).
void ignoreJackMessage(const char* /*message*/) {}

std::string describeFailure(unsigned status, std::string_view serverName) {
    // Built by append: GCC 12 at -O3 wrongly warns (-Wrestrict, bug 105329) on "literal" + string&&.
    std::string server{"\""};
    server.append(serverName).append("\"");
    if ((status & JackServerFailed) != 0U) return "no JACK server " + server + " is running";
    if ((status & JackServerError) != 0U) return "the JACK server " + server + " did not answer";
    if ((status & JackVersionError) != 0U) {
        return "the JACK server " + server + " speaks another protocol version than this libjack";
    }
    if ((status & JackShmFailure) != 0U) return "cannot reach JACK's shared memory";
    return "libjack refused the connection (status " + std::to_string(status) + ")";
}

}  // namespace

std::string jackServerName(const core::Environment& environment) {
    // libjack's own rule (jack_default_server_name), so MOS talks to the server other clients see.
    return environment.get("JACK_DEFAULT_SERVER").value_or("default");
}

JackReport probeJack(std::string_view serverName) {
    JackReport report;
    report.serverName = serverName;
    jack_set_error_function(ignoreJackMessage);
    jack_set_info_function(ignoreJackMessage);

    jack_status_t status{};
    const auto options = static_cast<jack_options_t>(JackNoStartServer | JackServerName);
    const core::UniqueHandle<jack_client_t, jack_client_close> client{
        jack_client_open("mos-probe", options, &status, report.serverName.c_str())};
    if (!client) {
        report.reason = describeFailure(static_cast<unsigned>(status), serverName);
        return report;
    }
    report.running = true;
    report.sampleRate = jack_get_sample_rate(client.get());
    report.bufferFrames = jack_get_buffer_size(client.get());
    return report;
}

}  // namespace mos::audio
