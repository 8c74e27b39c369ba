#include "mos/midi/SequencerPorts.hpp"

#include <algorithm>
#include <memory>
#include <string>

#include <alsa/asoundlib.h>
#include <gtest/gtest.h>

namespace mos::midi {
namespace {

TEST(SequencerPortsTest, AnUnknownSequencerIsAnErrorNamingIt) {
    const auto ports = listSequencerPorts("mos-test-no-such-sequencer");
    ASSERT_FALSE(ports.ok());
    EXPECT_EQ(ports.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(ports.error().message,
              "cannot open the ALSA sequencer \"mos-test-no-such-sequencer\": No such file or directory");
}

void ignoreAlsaMessage(const char*, int, const char*, int, const char*, ...) {}

struct SequencerCloser {
    void operator()(snd_seq_t* sequencer) const noexcept { snd_seq_close(sequencer); }
};

// Whatever this machine offers, the list agrees with alsa-lib asked directly: with a sequencer, a
// port this test creates is listed with its address, names and direction; without one (a container
// without /dev/snd/seq), the error carries alsa-lib's reason.
TEST(SequencerPortsTest, AgreesWithTheDefaultSequencer) {
    snd_seq_t* raw = nullptr;
    snd_lib_error_set_handler(ignoreAlsaMessage);
    const int openError = snd_seq_open(&raw, "default", SND_SEQ_OPEN_DUPLEX, 0);
    snd_lib_error_set_handler(nullptr);

    if (openError < 0) {
        const auto ports = listSequencerPorts();
        ASSERT_FALSE(ports.ok());
        EXPECT_EQ(ports.error().message,
                  std::string{"cannot open the ALSA sequencer \"default\": "} + snd_strerror(openError));
        return;
    }

    const std::unique_ptr<snd_seq_t, SequencerCloser> sequencer{raw};
    ASSERT_EQ(snd_seq_set_client_name(raw, "mos-test-keys"), 0);
    const int port = snd_seq_create_simple_port(raw, "mos-test-out", SND_SEQ_PORT_CAP_READ | SND_SEQ_PORT_CAP_SUBS_READ,
                                                SND_SEQ_PORT_TYPE_MIDI_GENERIC | SND_SEQ_PORT_TYPE_APPLICATION);
    ASSERT_GE(port, 0);
    const int hidden = snd_seq_create_simple_port(
        raw, "mos-test-private", SND_SEQ_PORT_CAP_WRITE | SND_SEQ_PORT_CAP_SUBS_WRITE | SND_SEQ_PORT_CAP_NO_EXPORT,
        SND_SEQ_PORT_TYPE_APPLICATION);
    ASSERT_GE(hidden, 0);
    const int client = snd_seq_client_id(raw);

    const auto ports = listSequencerPorts();
    ASSERT_TRUE(ports.ok()) << ports.error().describe();
    const auto ours = std::find_if(ports->begin(), ports->end(),
                                   [&](const SequencerPort& p) { return p.client == client && p.port == port; });
    ASSERT_NE(ours, ports->end());
    EXPECT_EQ(ours->address(), std::to_string(client) + ":" + std::to_string(port));
    EXPECT_EQ(ours->clientName, "mos-test-keys");
    EXPECT_EQ(ours->portName, "mos-test-out");
    EXPECT_TRUE(ours->input);
    EXPECT_FALSE(ours->output);
    EXPECT_TRUE(std::none_of(ports->begin(), ports->end(), [&](const SequencerPort& p) {
        return p.client == SND_SEQ_CLIENT_SYSTEM || (p.client == client && p.port == hidden);
    }));
}

TEST(SequencerPortsTest, AddressIsClientColonPort) {
    const SequencerPort port{20, 1, "USB Keys", "USB Keys MIDI 2", true, false};
    EXPECT_EQ(port.address(), "20:1");
}

}  // namespace
}  // namespace mos::midi
