#pragma once

// What libjack's answer to jack_client_open means, in words, for the probe and the device alike.

#include <string>
#include <string_view>

#include <jack/jack.h>

namespace mos::audio {

// Drops libjack's messages: it prints to stderr when no server answers, which for MOS is an answer
// (the probe's) or an error it reports itself (the device's, from jack_status_t). Process-wide, as
// libjack's handlers are. Thread: control. RT-safe: no.
inline void silenceJackMessages() {
    jack_set_error_function([](const char* /*message*/) {});
    jack_set_info_function([](const char* /*message*/) {});
}

// Why jack_client_open failed with `status`, e.g. "no JACK server \"default\" is running".
// Thread: any. RT-safe: no.
inline std::string describeJackFailure(unsigned status, std::string_view serverName) {
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

}  // namespace mos::audio
