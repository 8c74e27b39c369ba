#include "mos/audio/AudioDevice.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <numbers>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <jack/jack.h>
#include <unistd.h>

#include "audio/CallbackTimer.hpp"
#include "mos/core/Clock.hpp"
#include "mos/core/UniqueHandle.hpp"
#include "support/DummyJackServer.hpp"
#include "support/RealtimeAudit.hpp"

namespace mos::audio {
namespace {

using namespace std::chrono_literals;
using std::chrono::steady_clock;

constexpr std::uint32_t kRate = 48000;
constexpr std::uint32_t kBlock = 256;
constexpr std::int64_t kBlockBudgetNanos = 5'333'333;  // 256 frames at 48000 Hz, rounded down

// Plays a quiet 440 Hz sine and counts what it was asked for, readable from the test's thread.
class CountingSine final : public AudioCallback {
public:
    void process(float* left, float* right, std::uint32_t frames) noexcept override {
        constexpr float kStep = 2.0F * std::numbers::pi_v<float> * 440.0F / static_cast<float>(kRate);
        for (std::uint32_t frame = 0; frame < frames; ++frame) {
            left[frame] = right[frame] = 0.1F * std::sin(phase_);
            phase_ += kStep;
            if (phase_ > 2.0F * std::numbers::pi_v<float>) phase_ -= 2.0F * std::numbers::pi_v<float>;
        }
        // Relaxed: plain counts, read by the test after stop() (which orders them) or as progress.
        frames_.fetch_add(frames, std::memory_order_relaxed);
        callbacks_.fetch_add(1, std::memory_order_relaxed);
    }

    std::uint64_t frames() const { return frames_.load(std::memory_order_relaxed); }
    std::uint64_t callbacks() const { return callbacks_.load(std::memory_order_relaxed); }

private:
    float phase_ = 0.0F;
    std::atomic<std::uint64_t> frames_{0};
    std::atomic<std::uint64_t> callbacks_{0};
};

// A callback that "takes" a set time on a manual clock.
class ClockAdvancingCallback final : public AudioCallback {
public:
    ClockAdvancingCallback(core::ManualClock& clock, std::chrono::nanoseconds takes) : clock_{clock}, takes_{takes} {}
    void process(float* /*left*/, float* /*right*/, std::uint32_t /*frames*/) noexcept override {
        clock_.advance(takes_);
    }

private:
    core::ManualClock& clock_;
    std::chrono::nanoseconds takes_;
};

class Silence final : public AudioCallback {
public:
    void process(float* left, float* right, std::uint32_t frames) noexcept override {
        std::fill_n(left, frames, 0.0F);
        std::fill_n(right, frames, 0.0F);
    }
};

double seconds(steady_clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

struct SecondStartCallbacks {
    std::uint64_t first = 0;
    std::uint64_t second = 0;
};

// Starts `device`, checks that a second start is refused while it plays, stops it and plays again,
// calling `afterRestart` while it plays the second time: both callbacks must have run. Returns how
// often each ran.
SecondStartCallbacks expectSecondStartRefusedThenRestart(AudioDevice& device, steady_clock::duration playFor,
                                                         const std::function<void()>& afterRestart) {
    CountingSine first;
    CountingSine second;
    EXPECT_TRUE(device.start(first));
    const core::Result<void> again = device.start(second);
    EXPECT_FALSE(again);
    if (!again) {
        EXPECT_EQ(again.error().code, core::ErrorCode::InvalidArgument);
        EXPECT_EQ(again.error().message, device.describe() + " is already playing");
    }
    std::this_thread::sleep_for(playFor);
    device.stop();
    EXPECT_GT(first.callbacks(), 0U);
    EXPECT_EQ(second.callbacks(), 0U);

    EXPECT_TRUE(device.start(second));
    afterRestart();
    std::this_thread::sleep_for(playFor);
    device.stop();
    EXPECT_GT(second.callbacks(), 0U);
    return {first.callbacks(), second.callbacks()};
}

TEST(CallbackTimerTest, CountsAnOverrunWhenACallbackTakesLongerThanItsBudget) {
    core::ManualClock clock;
    CallbackTimer timer{clock};
    ClockAdvancingCallback onTime{clock, std::chrono::nanoseconds{kBlockBudgetNanos}};
    ClockAdvancingCallback late{clock, std::chrono::nanoseconds{kBlockBudgetNanos + 1}};
    std::array<float, kBlock> left{};
    std::array<float, kBlock> right{};

    timer.run(onTime, left.data(), right.data(), kBlock, core::SampleRate{kRate});
    timer.run(late, left.data(), right.data(), kBlock, core::SampleRate{kRate});
    timer.run(onTime, left.data(), right.data(), kBlock, core::SampleRate{kRate});

    const CallbackTiming timing = timer.timing();
    EXPECT_EQ(timing.callbacks, 3U);
    EXPECT_EQ(timing.overruns, 1U);
    EXPECT_EQ(timing.maxNanos, kBlockBudgetNanos + 1);
    EXPECT_EQ(timing.totalNanos, 3 * kBlockBudgetNanos + 1);
    EXPECT_EQ(timing.budgetNanos, kBlockBudgetNanos);
    EXPECT_EQ(timing.deviceXruns, 0U);
}

TEST(CallbackTimerTest, TheBudgetFollowsTheBlockSize) {
    core::ManualClock clock;
    CallbackTimer timer{clock};
    ClockAdvancingCallback takes3ms{clock, 3ms};
    std::array<float, 1024> left{};
    std::array<float, 1024> right{};

    timer.run(takes3ms, left.data(), right.data(), 128, core::SampleRate{kRate});  // 2.67 ms: over
    EXPECT_EQ(timer.timing().budgetNanos, 2'666'666);
    timer.run(takes3ms, left.data(), right.data(), 1024, core::SampleRate{kRate});  // 21.3 ms: within
    EXPECT_EQ(timer.timing().budgetNanos, 21'333'333);
    EXPECT_EQ(timer.timing().overruns, 1U);
}

TEST(CallbackTimerTest, KeepsThePercentilesOfEveryCallback) {
    core::ManualClock clock;
    CallbackTimer timer{clock};
    ClockAdvancingCallback fast{clock, 1ms};
    ClockAdvancingCallback slow{clock, 4ms};
    std::array<float, kBlock> left{};
    std::array<float, kBlock> right{};

    // 995 callbacks of 1 ms and 5 of 4 ms: the median and p99 are fast, p99.9 is slow.
    for (int i = 0; i < 995; ++i) timer.run(fast, left.data(), right.data(), kBlock, core::SampleRate{kRate});
    for (int i = 0; i < 5; ++i) timer.run(slow, left.data(), right.data(), kBlock, core::SampleRate{kRate});

    const CallbackTiming timing = timer.timing();
    // The histogram's buckets are at most 12.5 % wide, so each percentile is within that above the truth.
    EXPECT_GE(timing.p50Nanos, 1'000'000);
    EXPECT_LE(timing.p50Nanos, 1'125'000);
    EXPECT_GE(timing.p99Nanos, 1'000'000);
    EXPECT_LE(timing.p99Nanos, 1'125'000);
    EXPECT_EQ(timing.p999Nanos, 4'000'000);  // capped by the slowest callback
    EXPECT_EQ(timing.maxNanos, 4'000'000);
}

TEST(CallbackTimerTest, CountsTheDevicesXruns) {
    CallbackTimer timer;
    timer.countDeviceXrun();
    timer.countDeviceXrun();
    EXPECT_EQ(timer.timing().deviceXruns, 2U);
    EXPECT_EQ(timer.timing().callbacks, 0U);
}

// The only code a device runs on its audio thread around the callback, besides the driver's own.
TEST(CallbackTimerTest, TimingACallbackIsRealtimeSafe) {
    CallbackTimer timer;  // the steady clock, as the devices use it
    Silence silence;
    std::array<float, kBlock> left{};
    std::array<float, kBlock> right{};

    EXPECT_REALTIME_SAFE(timer.run(silence, left.data(), right.data(), kBlock, core::SampleRate{kRate}));
    EXPECT_REALTIME_SAFE(timer.countDeviceXrun());
    EXPECT_REALTIME_SAFE(static_cast<void>(timer.timing()));
    EXPECT_EQ(timer.timing().callbacks, 1U);
}

// Whether the JACK port `portName` is connected to `otherPort`, as another client of the server sees it.
bool jackPortsConnected(const std::string& serverName, const std::string& portName, const std::string& otherPort) {
    jack_status_t status{};
    const auto options = static_cast<jack_options_t>(JackNoStartServer | JackServerName);
    const core::UniqueHandle<jack_client_t, jack_client_close> observer{
        jack_client_open("mos-test-observer", options, &status, serverName.c_str())};
    if (!observer) return false;
    const jack_port_t* port = jack_port_by_name(observer.get(), portName.c_str());
    return port != nullptr && jack_port_connected_to(port, otherPort.c_str()) != 0;
}

TEST(AudioDeviceTest, JackPlaysAtTheServersRateThroughThePlaybackPortsUntilStopped) {
    test::DummyJackServer server{kRate, kBlock};
    ASSERT_TRUE(server.waitUntilReady(10s)) << "jackd did not come up:\n" << server.log();

    auto device =
        openAudioDevice({.backend = DeviceBackend::Jack, .clientName = "mos-test", .jackServer = server.name()});
    ASSERT_TRUE(device) << device.error().describe();
    EXPECT_EQ((*device)->backend(), DeviceBackend::Jack);
    EXPECT_EQ((*device)->sampleRate(), core::SampleRate{kRate});
    EXPECT_EQ((*device)->bufferFrames(), kBlock);
    EXPECT_EQ((*device)->describe(), "jack: " + server.name() + " (48000 Hz, 256 frames)");

    CountingSine sine;
    const auto begin = steady_clock::now();
    ASSERT_TRUE((*device)->start(sine));
    EXPECT_TRUE(jackPortsConnected(server.name(), "mos-test:out_L", "system:playback_1"));
    EXPECT_TRUE(jackPortsConnected(server.name(), "mos-test:out_R", "system:playback_2"));
    std::this_thread::sleep_for(1500ms);  // a real server plays in real time
    (*device)->stop();
    const double elapsedFrames = seconds(steady_clock::now() - begin) * kRate;

    const std::uint64_t callbacksAtStop = sine.callbacks();
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(sine.callbacks(), callbacksAtStop) << "a callback ran after stop()";

    ASSERT_GT(callbacksAtStop, 0U);
    EXPECT_EQ(sine.frames(), callbacksAtStop * kBlock);
    // The dummy driver keeps time with its own sleeps: loose bounds.
    EXPECT_GT(static_cast<double>(sine.frames()), 0.5 * elapsedFrames);
    EXPECT_LT(static_cast<double>(sine.frames()), 1.1 * elapsedFrames + kBlock);

    const CallbackTiming timing = (*device)->timing();
    EXPECT_EQ(timing.callbacks, callbacksAtStop);
    EXPECT_EQ(timing.overruns, 0U) << "slowest callback: " << timing.maxNanos << " ns";
    EXPECT_EQ(timing.budgetNanos, kBlockBudgetNanos);
    EXPECT_GT(timing.maxNanos, 0);
    EXPECT_GE(timing.totalNanos, timing.maxNanos);
    EXPECT_GT(timing.p50Nanos, 0);
    EXPECT_LE(timing.p50Nanos, timing.p99Nanos);
    EXPECT_LE(timing.p99Nanos, timing.p999Nanos);
    EXPECT_LE(timing.p999Nanos, timing.maxNanos);
    RecordProperty("callbacks", std::to_string(timing.callbacks));
    RecordProperty("p999Nanos", std::to_string(timing.p999Nanos));
    RecordProperty("maxNanos", std::to_string(timing.maxNanos));
    RecordProperty("meanNanos", std::to_string(timing.totalNanos / static_cast<std::int64_t>(timing.callbacks)));
    RecordProperty("overruns", std::to_string(timing.overruns));
    RecordProperty("deviceXruns", std::to_string(timing.deviceXruns));  // the dummy driver's; not asserted
}

TEST(AudioDeviceTest, JackRefusesASecondStartAndPlaysAgainAfterStop) {
    test::DummyJackServer server{kRate, kBlock};
    ASSERT_TRUE(server.waitUntilReady(10s)) << "jackd did not come up:\n" << server.log();
    auto device =
        openAudioDevice({.backend = DeviceBackend::Jack, .clientName = "mos-test", .jackServer = server.name()});
    ASSERT_TRUE(device) << device.error().describe();

    const SecondStartCallbacks callbacks = expectSecondStartRefusedThenRestart(**device, 200ms, [&] {
        EXPECT_TRUE(jackPortsConnected(server.name(), "mos-test:out_L", "system:playback_1"));
    });
    EXPECT_EQ((*device)->timing().callbacks, callbacks.first + callbacks.second);
}

TEST(AudioDeviceTest, JackSaysWhichServerIsNotRunning) {
    const std::string name = "mos-test-nobody-" + std::to_string(::getpid());
    const auto device = openAudioDevice({.backend = DeviceBackend::Jack, .jackServer = name});
    ASSERT_FALSE(device);
    EXPECT_EQ(device.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(device.error().message, "no JACK server \"" + name + "\" is running");
}

TEST(AudioDeviceTest, NullDevicePlaysAtRealTimePaceAndStopsWithinABlock) {
    auto device = openAudioDevice(
        {.backend = DeviceBackend::None, .sampleRate = core::SampleRate{kRate}, .bufferFrames = kBlock});
    ASSERT_TRUE(device) << device.error().describe();
    EXPECT_EQ((*device)->backend(), DeviceBackend::None);
    EXPECT_EQ((*device)->sampleRate(), core::SampleRate{kRate});
    EXPECT_EQ((*device)->bufferFrames(), kBlock);
    EXPECT_EQ((*device)->describe(), "none: null device (48000 Hz, 256 frames)");

    CountingSine sine;
    const auto begin = steady_clock::now();
    ASSERT_TRUE((*device)->start(sine));
    std::this_thread::sleep_for(500ms);
    const auto stopping = steady_clock::now();
    (*device)->stop();
    const auto end = steady_clock::now();
    EXPECT_LT(end - stopping, 50ms) << "one block lasts 5.3 ms";

    // Block k starts no earlier than k blocks after start(): never ahead of real time.
    const auto blocksDue = static_cast<std::uint64_t>(seconds(end - begin) * kRate / kBlock) + 1;
    EXPECT_LE(sine.frames(), blocksDue * kBlock);
    // 500 ms is 24000 frames; a late wake-up is made up for, so little goes missing.
    EXPECT_GE(sine.frames(), 24000U * 9 / 10);

    const std::uint64_t framesAtStop = sine.frames();
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(sine.frames(), framesAtStop) << "a callback ran after stop()";
    EXPECT_EQ((*device)->timing().callbacks, framesAtStop / kBlock);
    EXPECT_EQ((*device)->timing().budgetNanos, kBlockBudgetNanos);
}

TEST(AudioDeviceTest, NullDeviceRefusesASecondStartAndPlaysAgainAfterStop) {
    auto device = openAudioDevice(
        {.backend = DeviceBackend::None, .sampleRate = core::SampleRate{kRate}, .bufferFrames = kBlock});
    ASSERT_TRUE(device) << device.error().describe();

    EXPECT_EQ((*device)->describe(), "none: null device (48000 Hz, 256 frames)");
    expectSecondStartRefusedThenRestart(**device, 50ms, [] {});
    (*device)->stop();  // stopping a stopped device does nothing
}

TEST(AudioDeviceTest, NullDeviceAndAlsaRefuseAnEmptyStreamShape) {
    for (const DeviceBackend backend : {DeviceBackend::None, DeviceBackend::Alsa}) {
        const auto noRate = openAudioDevice({.backend = backend, .sampleRate = core::SampleRate{0}});
        ASSERT_FALSE(noRate);
        EXPECT_EQ(noRate.error().code, core::ErrorCode::InvalidArgument);
        EXPECT_EQ(noRate.error().message, "a sample rate of 0 Hz");
        const auto noFrames = openAudioDevice({.backend = backend, .bufferFrames = 0});
        ASSERT_FALSE(noFrames);
        EXPECT_EQ(noFrames.error().message, "a buffer of 0 frames");
    }
}

// Not a skip: on a machine with a card the device must open, on one without it must say why.
TEST(AudioDeviceTest, AlsaOpensWhenACardCanPlayAndOtherwiseSaysWhy) {
    const AlsaReport alsa = probeAlsa();
    const auto device = openAudioDevice(
        {.backend = DeviceBackend::Alsa, .sampleRate = core::SampleRate{kRate}, .bufferFrames = kBlock});
    if (alsa.available()) {
        ASSERT_TRUE(device) << device.error().describe();
        EXPECT_EQ((*device)->backend(), DeviceBackend::Alsa);
        EXPECT_GT((*device)->sampleRate().value, 0U);
        EXPECT_GT((*device)->bufferFrames(), 0U);
    } else {
        ASSERT_FALSE(device);
        EXPECT_EQ(device.error().code, core::ErrorCode::NotFound);
        EXPECT_EQ(device.error().message, "cannot play through ALSA: " + alsa.reason);
    }
}

}  // namespace
}  // namespace mos::audio
