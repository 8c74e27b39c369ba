// Apollo's real-time proof, with Debian's FluidR3_GM.sf2 (real presets: stereo samples, filters,
// modulators): the audio path allocates nothing and takes no lock at full polyphony, through every
// kind of channel message and through voice stealing; and on a dummy JACK server at 64-frame blocks
// it keeps voices sounding with its callbacks within their budget. The full 256 voices are
// measured in the release build by bench/compare/realtime.sh; this suite, also built for Debug with
// sanitizers, asserts a voice count such a build sustains with room to spare on a loaded two-core
// machine.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "mos/audio/Apollo.hpp"
#include "mos/audio/AudioDevice.hpp"
#include "mos/audio/InstrumentLoader.hpp"
#include "mos/audio/Sampler.hpp"
#include "support/DummyJackServer.hpp"
#include "support/RealtimeAudit.hpp"
#include "support/SustainedVoices.hpp"

namespace mos::audio {
namespace {

using namespace std::chrono_literals;
using Kind = InstrumentEvent::Kind;

const std::filesystem::path kSoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";
constexpr std::uint32_t kRate = 48000;
constexpr std::uint32_t kBlock = 64;

std::shared_ptr<const InstrumentBank> fluidR3() {
    SampleStore store;  // the bank's regions keep their samples alive
    auto bank = loadInstrument({kSoundFont, InstrumentFormat::Sf2}, store);
    EXPECT_TRUE(bank) << bank.error().describe();
    return bank ? *bank : nullptr;
}

InstrumentEvent controller(std::uint8_t channel, std::uint8_t number, std::uint8_t value) {
    return {0, Kind::ControlChange, channel, number, value};
}

// Every channel message the sampler takes, on one channel.
std::vector<InstrumentEvent> everyChannelMessage(std::uint8_t channel) {
    return {controller(channel, 0, 0),  // bank select
            {0, Kind::ProgramChange, channel, 19, 0},
            controller(channel, 1, 64),    // modulation wheel
            controller(channel, 7, 90),    // volume
            controller(channel, 10, 20),   // pan
            controller(channel, 11, 100),  // expression
            controller(channel, 91, 80),   // reverb send
            controller(channel, 93, 40),   // chorus send
            controller(channel, 101, 0),   // RPN 0: pitch-bend range …
            controller(channel, 100, 0),
            controller(channel, 6, 12),  // … an octave
            controller(channel, 38, 0),
            {0, Kind::PitchBend, channel, 0, 80},
            {0, Kind::ChannelPressure, channel, 100, 0},
            controller(channel, 64, 127),  // sustain pedal down
            controller(channel, 66, 127),  // sostenuto down
            InstrumentEvent::noteOff(0, channel, 60),
            controller(channel, 64, 0),
            controller(channel, 66, 0),
            {0, Kind::AllNotesOff, channel, 0, 0},
            controller(channel, 121, 0),  // reset all controllers
            {0, Kind::AllSoundOff, channel, 0, 0}};
}

// More notes than Sampler::kMaxVoices, across the melodic channels: the later ones steal.
std::vector<InstrumentEvent> moreNotesThanVoices() {
    std::vector<InstrumentEvent> notes;
    for (std::uint32_t n = 0; n < Sampler::kMaxVoices + 64; ++n) {
        const auto channel = static_cast<std::uint8_t>(n % 15 < 9 ? n % 15 : n % 15 + 1);
        notes.push_back(InstrumentEvent::noteOn(n % kBlock, channel, static_cast<std::uint8_t>(30 + n % 70), 100));
    }
    std::stable_sort(notes.begin(), notes.end(),
                     [](const auto& a, const auto& b) { return a.frameOffset < b.frameOffset; });
    return notes;
}

TEST(SamplerRealtimeTest, FullPolyphonyStealingAndEveryChannelMessageAreRealtimeSafe) {
    Sampler sampler;
    sampler.prepare(core::SampleRate{kRate}, kBlock);
    sampler.setBank(fluidR3());
    std::vector<float> left(kBlock);
    std::vector<float> right(kBlock);
    std::vector<InstrumentEvent> programs;
    for (std::uint8_t channel = 0; channel < 16; ++channel) {
        programs.push_back({0, Kind::ProgramChange, channel, static_cast<std::uint8_t>(48 + channel), 0});
    }
    sampler.render(programs, left.data(), right.data(), kBlock);  // adopts the bank
    ASSERT_TRUE(sampler.ready());

    const auto notes = moreNotesThanVoices();
    EXPECT_REALTIME_SAFE(sampler.render(notes, left.data(), right.data(), kBlock));
    EXPECT_GE(sampler.activeVoices(), Sampler::kMaxVoices);
    EXPECT_GT(sampler.stolenVoices(), 0U);
    EXPECT_REALTIME_SAFE(sampler.render({}, left.data(), right.data(), kBlock));     // 256 voices sounding
    EXPECT_REALTIME_SAFE(sampler.render(notes, left.data(), right.data(), kBlock));  // stealing while full

    for (std::uint8_t channel = 0; channel < 16; ++channel) {
        const auto messages = everyChannelMessage(channel);
        EXPECT_REALTIME_SAFE(sampler.render(messages, left.data(), right.data(), kBlock));
    }
    sampler.setInterpolation(Interpolation::Sinc);
    EXPECT_REALTIME_SAFE(sampler.render(notes, left.data(), right.data(), kBlock));
}

TEST(SamplerRealtimeTest, KeepingTheVoicesSoundingIsRealtimeSafeBlockAfterBlock) {
    Apollo apollo;
    apollo.prepare(core::SampleRate{kRate}, kBlock);
    apollo.setBank(fluidR3());
    test::SustainedVoices load{apollo, Sampler::kMaxVoices, 1};  // a note released every block
    std::vector<float> left(kBlock);
    std::vector<float> right(kBlock);
    const std::uint32_t blocks = kRate / kBlock;  // a second
    EXPECT_REALTIME_SAFE(
        for (std::uint32_t i = 0; i < blocks; ++i) { load.process(left.data(), right.data(), kBlock); });
    // Voices whose release ended within a block are replaced at the next.
    EXPECT_GE(load.meanVoicesSinceFull(), Sampler::kMaxVoices - 1.0);
}

// Runs another callback under a RealtimeAudit on the device's own thread and keeps the first
// report that was not clean, so a test sees what the real audio thread did.
class AuditedCallback final : public AudioCallback {
public:
    explicit AuditedCallback(AudioCallback& inner) noexcept : inner_{inner} {}

    void process(float* left, float* right, std::uint32_t frames) noexcept override {
        const test::RealtimeAudit audit;
        inner_.process(left, right, frames);
        const test::RealtimeReport report = audit.report();
        // Relaxed: only the audio thread writes; the test reads after stop(), which orders it.
        if (!report.clean() && !dirty_.load(std::memory_order_relaxed)) {
            firstDirty_ = report;
            dirty_.store(true, std::memory_order_relaxed);
        }
    }

    // Thread: control, after the device stopped.
    ::testing::AssertionResult clean() const { return test::detail::toAssertion(firstDirty_); }

private:
    AudioCallback& inner_;
    test::RealtimeReport firstDirty_{};
    std::atomic<bool> dirty_{false};
};

// What a Debug build with AddressSanitizer and UndefinedBehaviorSanitizer sustains at 64 frames on
// two cores busy compiling, with room to spare. Measured with the server real-time (the callbacks
// not preempted): 8 voices take p50 0.3 ms, p99.9 0.6-1.0 ms of the 1.33 ms budget, most of it the
// sanitizers' fixed cost per block (2 voices: p50 0.17 ms); 24 voices already overran now and then.
// The release build plays 256 (bench/compare/realtime.sh).
constexpr std::uint32_t kDebugVoices = 8;

TEST(SamplerRealtimeTest, JackPlaysVoicesAtSixtyFourFramesWithinTheBlockBudget) {
    test::DummyJackServer server{kRate, kBlock, test::DummyJackServer::Scheduling::Realtime};
    ASSERT_TRUE(server.waitUntilReady(10s)) << "jackd did not come up:\n" << server.log();
    auto device =
        openAudioDevice({.backend = DeviceBackend::Jack, .clientName = "mos-test", .jackServer = server.name()});
    ASSERT_TRUE(device) << device.error().describe();
    ASSERT_EQ((*device)->bufferFrames(), kBlock);

    Apollo apollo;
    apollo.prepare((*device)->sampleRate(), kBlock);
    apollo.setBank(fluidR3());
    test::SustainedVoices load{apollo, kDebugVoices};
    AuditedCallback audited{load};
    ASSERT_TRUE((*device)->start(audited));
    std::this_thread::sleep_for(3s);
    (*device)->stop();

    const CallbackTiming timing = (*device)->timing();
    EXPECT_TRUE(audited.clean());
    EXPECT_GT(timing.callbacks, 1000U);  // 3 s is 2250 blocks of 64 frames
    // Voices whose release ended within a block are replaced at the next.
    EXPECT_GE(load.meanVoicesSinceFull(), kDebugVoices - 1.0);
    // Not a strict zero: the machine adds stalls no voice count avoids. With the server real-time,
    // 3 runs in 10 at 8 voices had 1 to 9 callbacks stretched to 2-3.3 ms (in the thread's CPU time
    // too: interrupts and the virtual machine's stolen time are charged to it) while p99 stayed at
    // 0.4-0.6 ms. So p99 must stay within the budget, and all but 1 % of the callbacks.
    EXPECT_LE(timing.p99Nanos, timing.budgetNanos);
    EXPECT_LE(timing.overruns, timing.callbacks / 100)
        << timing.callbacks << " callbacks, p50 " << timing.p50Nanos << " ns, p99 " << timing.p99Nanos << " ns, p99.9 "
        << timing.p999Nanos << " ns, slowest " << timing.maxNanos << " ns of " << timing.budgetNanos;
    EXPECT_GT(timing.p50Nanos, 0);
    EXPECT_LE(timing.p50Nanos, timing.p99Nanos);
    EXPECT_LE(timing.p99Nanos, timing.p999Nanos);
    EXPECT_LE(timing.p999Nanos, timing.maxNanos);
    RecordProperty("voices", std::to_string(kDebugVoices));
    RecordProperty("p50Nanos", std::to_string(timing.p50Nanos));
    RecordProperty("p99Nanos", std::to_string(timing.p99Nanos));
    RecordProperty("p999Nanos", std::to_string(timing.p999Nanos));
    RecordProperty("maxNanos", std::to_string(timing.maxNanos));
    RecordProperty("overruns", std::to_string(timing.overruns));
    // The dummy driver's own, which it reports under load even for a silent client: not asserted.
    RecordProperty("deviceXruns", std::to_string(timing.deviceXruns));
}

}  // namespace
}  // namespace mos::audio
