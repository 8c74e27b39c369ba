#include "audio/backends/null/NullDevice.hpp"

#include <chrono>
#include <system_error>

namespace mos::audio {

namespace {

// The duration of `frames` at `rate`, exact to the nanosecond below, without overflowing for any
// frame count a stream can reach.
std::chrono::nanoseconds durationOf(std::uint64_t frames, core::SampleRate rate) noexcept {
    const std::uint64_t framesPerSecond = rate.value;
    const std::uint64_t remainderNanos = (frames % framesPerSecond) * 1'000'000'000U / framesPerSecond;
    return std::chrono::seconds{static_cast<std::int64_t>(frames / framesPerSecond)} +
           std::chrono::nanoseconds{static_cast<std::int64_t>(remainderNanos)};
}

}  // namespace

NullDevice::NullDevice(core::SampleRate rate, std::uint32_t bufferFrames)
    : rate_{rate}, bufferFrames_{bufferFrames}, left_(bufferFrames), right_(bufferFrames) {}

core::Result<void> NullDevice::start(AudioCallback& callback) {
    if (thread_.joinable()) return core::fail(core::ErrorCode::InvalidArgument, describe() + " is already playing");
    try {
        thread_ = std::jthread{[this, &callback](const std::stop_token& stop) { play(callback, stop); }};
    } catch (const std::system_error& error) {
        return core::fail(core::ErrorCode::IoError, "cannot start the thread of " + describe() + ": " + error.what());
    }
    return {};
}

void NullDevice::stop() {
    if (!thread_.joinable()) return;
    thread_.request_stop();
    thread_.join();
}

std::string NullDevice::describe() const {
    return "none: null device (" + std::to_string(rate_.value) + " Hz, " + std::to_string(bufferFrames_) + " frames)";
}

void NullDevice::play(AudioCallback& callback, const std::stop_token& stop) noexcept {
    const auto start = std::chrono::steady_clock::now();
    for (std::uint64_t framesPlayed = 0; !stop.stop_requested(); framesPlayed += bufferFrames_) {
        // From the start and the frame count, never from the previous wake-up, so no error accumulates.
        const auto deadline = start + durationOf(framesPlayed, rate_);
        if (std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_until(deadline);
        } else if (framesPlayed != 0) {
            timer_.countDeviceXrun();  // the previous block ended after this one was due
        }
        timer_.run(callback, left_.data(), right_.data(), bufferFrames_, rate_);
    }
}

}  // namespace mos::audio
