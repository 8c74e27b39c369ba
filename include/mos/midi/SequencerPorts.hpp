#pragma once

// The MIDI ports of the ALSA sequencer that MOS can connect to: keyboards and controllers to listen
// to, synthesizers to play. A machine without a sequencer (no snd-seq kernel module, a container
// without /dev/snd/seq) gets an error saying so, never a crash.
//
//   listSequencerPorts()  ->  [{client 20, port 0, "USB Keys", "USB Keys MIDI 1", input, output}]

#include <string>
#include <string_view>
#include <vector>

#include "mos/core/Result.hpp"

namespace mos::midi {

// One sequencer port, with directions seen from MOS.
struct SequencerPort {
    int client = 0;
    int port = 0;
    std::string clientName;  // e.g. "Midi Through"
    std::string portName;    // e.g. "Midi Through Port-0"
    bool input = false;      // MOS can receive from it: it is readable by subscription (a keyboard)
    bool output = false;     // MOS can send to it: it is writable by subscription (a synthesizer)

    // "client:port", e.g. "20:0", as aconnect and aplaymidi write it. Thread: any. RT-safe: no.
    std::string address() const;
};

// The sequencer ALSA's configuration calls "default", the kernel's /dev/snd/seq.
inline constexpr std::string_view kDefaultSequencer = "default";

// Lists every port another program may subscribe to, in client and port order; the system client's
// timer and announce ports carry no music and are left out. Fails (not-found or io-error) with
// alsa-lib's reason when the sequencer cannot be opened. alsa-lib's own stderr messages are
// silenced while it is opened. Thread: control. RT-safe: no.
core::Result<std::vector<SequencerPort>> listSequencerPorts(std::string_view sequencer = kDefaultSequencer);

}  // namespace mos::midi
