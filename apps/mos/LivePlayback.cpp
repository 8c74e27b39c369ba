#include "LivePlayback.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <thread>

#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include "JsonOutput.hpp"

namespace mos::cli {
namespace {

using namespace std::chrono_literals;

std::atomic<bool> interrupted{false};
extern "C" void onInterrupt(int /*signal*/) { interrupted.store(true); }

// Puts a terminal's stdin into raw mode (keys arrive at once, unechoed) while it lives.
class RawKeys {
public:
    RawKeys() {
        if (::isatty(STDIN_FILENO) != 1 || ::tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios raw = saved_;
        raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
        raw.c_cc[VMIN] = 0;
        raw.c_cc[VTIME] = 0;
        active_ = ::tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
    }
    RawKeys(const RawKeys&) = delete;
    RawKeys& operator=(const RawKeys&) = delete;
    ~RawKeys() {
        if (active_) ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
    }

    // The next key pressed, if one is waiting; stdin at its end gives none, ever after.
    std::optional<char> next() {
        if (ended_) return std::nullopt;
        pollfd input{.fd = STDIN_FILENO, .events = POLLIN, .revents = 0};
        if (::poll(&input, 1, 0) <= 0) return std::nullopt;
        char key = 0;
        if (::read(STDIN_FILENO, &key, 1) != 1) {
            ended_ = true;
            return std::nullopt;
        }
        return key;
    }

private:
    termios saved_{};
    bool active_ = false;
    bool ended_ = false;
};

std::optional<audio::DeviceBackend> backendNamed(const std::string& name) {
    if (name == "jack") return audio::DeviceBackend::Jack;
    if (name == "alsa") return audio::DeviceBackend::Alsa;
    if (name == "null" || name == "none") return audio::DeviceBackend::None;
    return std::nullopt;
}

std::string clockTime(double seconds) {
    char text[32];
    const int minutes = static_cast<int>(seconds / 60);
    std::snprintf(text, sizeof text, "%d:%04.1f", minutes, seconds - minutes * 60.0);
    return text;
}

// What the position line shows, and what a change of it prints.
struct Shown {
    core::TransportStatus status = core::TransportStatus::Idle;
    std::string measure;
    std::int32_t beat = 0;
    std::uint16_t pass = 0;
    bool countingIn = false;

    friend bool operator==(const Shown&, const Shown&) = default;
};

Shown shownOf(const transport::TransportPosition& now) {
    return {now.status, now.measureNumber, now.beat, now.pass, now.countingIn};
}

void printJsonPosition(const transport::TransportPosition& now) {
    printJsonLine([&](core::JsonWriter& json) {
        json.key("event");
        json.string("position");
        json.key("status");
        json.string(toString(now.status));
        json.key("measure");
        json.string(now.measureNumber);
        json.key("pass");
        json.unsignedInteger(now.pass);
        json.key("beat");
        json.integer(now.beat);
        json.key("seconds");
        json.number(now.seconds);
        json.key("counting_in");
        json.boolean(now.countingIn);
    });
}

// "12:3  0:23.4 / 2:05.0  q=120 x1.00  playing", and "(pass 2)" the second time through a repeat.
std::string positionLine(const transport::TransportPosition& now) {
    const std::string state{now.countingIn ? "counting in" : toString(now.status)};
    char text[200];
    std::snprintf(text, sizeof text, "%s:%d  %s / %s  q=%.0f x%.2f  %s", now.measureNumber.c_str(), now.beat,
                  clockTime(now.seconds).c_str(), clockTime(now.lengthSeconds).c_str(), now.quarterBpm, now.tempoScale,
                  state.c_str());
    std::string line = text;
    if (now.pass > 1) line += "  (pass " + std::to_string(now.pass) + ")";
    return line;
}

void printSummary(const engine::Engine& engine, const engine::LoadedScore& loaded, bool quit, bool json) {
    const audio::CallbackTiming timing = engine.timing();
    const double meanMicros =
        timing.callbacks == 0 ? 0.0
                              : static_cast<double>(timing.totalNanos) / static_cast<double>(timing.callbacks) / 1000.0;
    if (json) {
        printJsonLine([&](core::JsonWriter& out) {
            out.key("event");
            out.string("summary");
            out.key("title");
            out.string(loaded.title);
            out.key("ended");
            out.string(quit ? "quit" : "end");
            out.key("device");
            out.string(engine.deviceDescription());
            out.key("callbacks");
            out.unsignedInteger(timing.callbacks);
            out.key("overruns");
            out.unsignedInteger(timing.overruns);
            out.key("max_callback_us");
            out.number(static_cast<double>(timing.maxNanos) / 1000.0);
            out.key("mean_callback_us");
            out.number(meanMicros);
            out.key("p50_callback_us");
            out.number(static_cast<double>(timing.p50Nanos) / 1000.0);
            out.key("p99_callback_us");
            out.number(static_cast<double>(timing.p99Nanos) / 1000.0);
            out.key("p999_callback_us");
            out.number(static_cast<double>(timing.p999Nanos) / 1000.0);
            out.key("budget_us");
            out.number(static_cast<double>(timing.budgetNanos) / 1000.0);
            out.key("device_xruns");
            out.unsignedInteger(timing.deviceXruns);
            out.key("dropped_events");
            out.unsignedInteger(engine.droppedEvents());
        });
        return;
    }
    char line[300];
    std::snprintf(line, sizeof line,
                  "%s through %s: %llu callbacks, %llu overran their %.2f ms budget (slowest %.3f ms, mean %.3f "
                  "ms); the device reported %llu xruns\n",
                  quit ? "quit" : "played to the end", engine.deviceDescription().c_str(),
                  static_cast<unsigned long long>(timing.callbacks), static_cast<unsigned long long>(timing.overruns),
                  static_cast<double>(timing.budgetNanos) / 1e6, static_cast<double>(timing.maxNanos) / 1e6,
                  meanMicros / 1000.0, static_cast<unsigned long long>(timing.deviceXruns));
    std::cout << line;
}

}  // namespace

core::Result<std::unique_ptr<engine::Engine>> startEngine(const std::string& device) {
    engine::EngineOptions options;
    if (!device.empty()) {
        options.backend = backendNamed(device);
        if (!options.backend) {
            return core::fail(core::ErrorCode::InvalidArgument,
                              "--device is jack, alsa or null, not \"" + device + "\"");
        }
    }
    return engine::Engine::start(options);
}

void playLive(engine::Engine& engine, const engine::LoadedScore& loaded, bool json) {
    const bool terminal = !json && ::isatty(STDOUT_FILENO) == 1;
    if (!json) std::cout << loaded.title << " (" << engine.deviceDescription() << ")\n" << std::flush;

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    RawKeys keys;
    (void)engine.play();  // the caller loaded a score: play cannot be refused
    bool quit = false;
    std::optional<Shown> shown;
    while (true) {
        while (const auto key = keys.next()) {
            if (*key == 'q' || *key == 'Q') quit = true;
            if (*key == ' ') {
                const bool playing = engine.position().status == core::TransportStatus::Playing;
                (void)(playing ? engine.pause() : engine.play());
            }
        }
        if (interrupted.load()) quit = true;
        const transport::TransportPosition now = engine.position();
        if (terminal) {
            std::cout << "\r\x1b[K" << positionLine(now) << std::flush;
        } else if (shownOf(now) != shown) {
            if (json) {
                printJsonPosition(now);
            } else {
                std::cout << positionLine(now) << '\n';
            }
        }
        shown = shownOf(now);
        if (quit || now.status == core::TransportStatus::Stopped) break;
        std::this_thread::sleep_for(20ms);
    }
    if (terminal) std::cout << '\n';
    (void)engine.stop();
    printSummary(engine, loaded, quit, json);
}

}  // namespace mos::cli
