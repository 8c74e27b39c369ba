#include "mos/audio/DeviceProbe.hpp"

#include <fstream>
#include <set>
#include <string>
#include <utility>

#include <gtest/gtest.h>
#include <unistd.h>

#include "support/DummyJackServer.hpp"

namespace mos::audio {
namespace {

using namespace std::chrono_literals;

TEST(DeviceProbeTest, ReportsARunningJackServerWithItsSampleRateAndBufferSize) {
    test::DummyJackServer server{48000, 256};
    ASSERT_TRUE(server.waitUntilReady(10s)) << "jackd did not come up:\n" << server.log();

    const JackReport jack = probeJack(server.name());
    EXPECT_TRUE(jack.running);
    EXPECT_TRUE(jack.available());
    EXPECT_EQ(jack.serverName, server.name());
    EXPECT_EQ(jack.sampleRate, 48000U);
    EXPECT_EQ(jack.bufferFrames, 256U);
    EXPECT_EQ(jack.reason, "");

    // probeDevices finds the server the environment names, as libjack would, and picks JACK.
    const DeviceReport devices = probeDevices(core::Environment{{{"JACK_DEFAULT_SERVER", server.name()}}});
    EXPECT_TRUE(devices.jack.running);
    EXPECT_EQ(devices.jack.serverName, server.name());
    EXPECT_EQ(devices.use, DeviceBackend::Jack);
}

TEST(DeviceProbeTest, ReportsNoJackServerForANameNobodyServes) {
    const std::string name = "mos-test-nobody-" + std::to_string(::getpid());
    const JackReport jack = probeJack(name);
    EXPECT_FALSE(jack.running);
    EXPECT_FALSE(jack.available());
    EXPECT_EQ(jack.serverName, name);
    EXPECT_EQ(jack.sampleRate, 0U);
    EXPECT_EQ(jack.bufferFrames, 0U);
    EXPECT_EQ(jack.reason, "no JACK server \"" + name + "\" is running");
}

TEST(DeviceProbeTest, JackServerNameFollowsJackDefaultServerLikeLibjack) {
    EXPECT_EQ(jackServerName(core::Environment{{{"JACK_DEFAULT_SERVER", "studio"}}}), "studio");
    EXPECT_EQ(jackServerName(core::Environment{}), "default");
    EXPECT_EQ(jackServerName(core::Environment{{{"JACK_DEFAULT_SERVER", ""}}}), "default");
}

TEST(DeviceProbeTest, ChoosesJackOverAlsaAndNoneWithoutDevices) {
    const JackReport running{"default", true, 48000, 256, ""};
    const JackReport stopped{"default", false, 0, 0, "no JACK server \"default\" is running"};
    const AlsaReport card{{{"hw:CARD=PCH,DEV=0", "HDA Intel PCH", "ALC892 Analog", 0, 0}}, ""};
    const AlsaReport noCard{{}, "no sound card found"};

    EXPECT_EQ(chooseBackend(running, card), DeviceBackend::Jack);
    EXPECT_EQ(chooseBackend(running, noCard), DeviceBackend::Jack);
    EXPECT_EQ(chooseBackend(stopped, card), DeviceBackend::Alsa);
    EXPECT_EQ(chooseBackend(stopped, noCard), DeviceBackend::None);
    EXPECT_EQ(toString(DeviceBackend::Jack), "jack");
    EXPECT_EQ(toString(DeviceBackend::Alsa), "alsa");
    EXPECT_EQ(toString(DeviceBackend::None), "none");
}

// The kernel's own list of PCM devices, "CC-DD: id : name : playback 1 : capture 1" per line, as
// (card, device) pairs of those that can play; empty when the machine has no ALSA at all.
std::set<std::pair<int, int>> kernelPlaybackDevices() {
    std::set<std::pair<int, int>> devices;
    std::ifstream pcm{"/proc/asound/pcm"};
    for (std::string line; std::getline(pcm, line);) {
        if (line.find(": playback ") == std::string::npos) continue;
        devices.emplace(std::stoi(line.substr(0, 2)), std::stoi(line.substr(3, 2)));
    }
    return devices;
}

TEST(DeviceProbeTest, AlsaListsThePlaybackDevicesTheKernelKnows) {
    const AlsaReport alsa = probeAlsa();
    std::set<std::pair<int, int>> probed;
    for (const AlsaPlaybackDevice& device : alsa.devices) {
        probed.emplace(device.cardIndex, device.deviceIndex);
        EXPECT_EQ(device.id.rfind("hw:CARD=", 0), 0U) << device.id;
        EXPECT_NE(device.id.find(",DEV=" + std::to_string(device.deviceIndex)), std::string::npos) << device.id;
        EXPECT_FALSE(device.cardName.empty());
    }
    EXPECT_EQ(probed, kernelPlaybackDevices());
    EXPECT_EQ(alsa.available(), !probed.empty());
    // An empty list always comes with the reason.
    EXPECT_EQ(alsa.reason.empty(), alsa.available());
}

}  // namespace
}  // namespace mos::audio
