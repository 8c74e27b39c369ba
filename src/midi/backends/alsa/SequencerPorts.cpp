// ALSA sequencer back-end: the ports of every client, through a client MOS opens for the query.

#include "mos/midi/SequencerPorts.hpp"

#include <cerrno>
#include <memory>

#include <alsa/asoundlib.h>

#include "mos/core/UniqueHandle.hpp"

namespace mos::midi {

namespace {

// alsa-lib prints to stderr when it cannot open the sequencer; the caller gets that reason in the
// returned error instead.
void ignoreAlsaMessage(const char* /*file*/, int /*line*/, const char* /*function*/, int /*error*/,
                       const char* /*format*/, ...) {}

// Restores alsa-lib's default handler (which prints) when the query is done.
class SilencedAlsaMessages {
public:
    SilencedAlsaMessages() { snd_lib_error_set_handler(ignoreAlsaMessage); }
    ~SilencedAlsaMessages() { snd_lib_error_set_handler(nullptr); }
    SilencedAlsaMessages(const SilencedAlsaMessages&) = delete;
    SilencedAlsaMessages& operator=(const SilencedAlsaMessages&) = delete;
};

core::Error outOfMemory() {
    return core::fail(core::ErrorCode::Internal, "out of memory listing ALSA sequencer ports");
}

bool hasAll(unsigned capabilities, unsigned wanted) { return (capabilities & wanted) == wanted; }

}  // namespace

std::string SequencerPort::address() const { return std::to_string(client) + ":" + std::to_string(port); }

core::Result<std::vector<SequencerPort>> listSequencerPorts(std::string_view sequencer) {
    const std::string name{sequencer};
    snd_seq_t* rawSequencer = nullptr;
    int openError = 0;
    {
        const SilencedAlsaMessages silenced;
        openError = snd_seq_open(&rawSequencer, name.c_str(), SND_SEQ_OPEN_DUPLEX, 0);
    }
    if (openError < 0) {
        return core::fail(openError == -ENOENT ? core::ErrorCode::NotFound : core::ErrorCode::IoError,
                          "cannot open the ALSA sequencer \"" + name + "\": " + snd_strerror(openError));
    }
    const core::UniqueHandle<snd_seq_t, snd_seq_close> handle{rawSequencer};

    snd_seq_client_info_t* rawClientInfo = nullptr;
    if (snd_seq_client_info_malloc(&rawClientInfo) < 0) return outOfMemory();
    const core::UniqueHandle<snd_seq_client_info_t, snd_seq_client_info_free> clientInfo{rawClientInfo};
    snd_seq_port_info_t* rawPortInfo = nullptr;
    if (snd_seq_port_info_malloc(&rawPortInfo) < 0) return outOfMemory();
    const core::UniqueHandle<snd_seq_port_info_t, snd_seq_port_info_free> portInfo{rawPortInfo};

    std::vector<SequencerPort> ports;
    snd_seq_client_info_set_client(clientInfo.get(), -1);
    while (snd_seq_query_next_client(handle.get(), clientInfo.get()) >= 0) {
        const int client = snd_seq_client_info_get_client(clientInfo.get());
        if (client == SND_SEQ_CLIENT_SYSTEM) continue;
        snd_seq_port_info_set_client(portInfo.get(), client);
        snd_seq_port_info_set_port(portInfo.get(), -1);
        while (snd_seq_query_next_port(handle.get(), portInfo.get()) >= 0) {
            const unsigned capabilities = snd_seq_port_info_get_capability(portInfo.get());
            if ((capabilities & SND_SEQ_PORT_CAP_NO_EXPORT) != 0U) continue;
            const bool input = hasAll(capabilities, SND_SEQ_PORT_CAP_READ | SND_SEQ_PORT_CAP_SUBS_READ);
            const bool output = hasAll(capabilities, SND_SEQ_PORT_CAP_WRITE | SND_SEQ_PORT_CAP_SUBS_WRITE);
            if (!input && !output) continue;
            ports.push_back({client, snd_seq_port_info_get_port(portInfo.get()),
                             snd_seq_client_info_get_name(clientInfo.get()), snd_seq_port_info_get_name(portInfo.get()),
                             input, output});
        }
    }
    return ports;
}

}  // namespace mos::midi
