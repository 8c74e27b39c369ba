#include "mos/core/Log.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <utility>

namespace mos::core {
namespace {

constexpr std::string_view kLevelNames[] = {"trace", "debug", "info", "warn", "error", "off"};

// Relaxed everywhere: the threshold guards no other data, and a thread that sees a change a little
// late only writes or skips a message it would have skipped or written a moment earlier.
// Constant-initialised, so reading it is safe from any static initialiser and from the audio thread.
constinit std::atomic<LogLevel> threshold{LogLevel::Info};

// The sink and the lock that serialises lines. Never destroyed, so static destructors that run after
// this translation unit's can still log.
struct Output {
    std::mutex mutex;
    log::Sink sink;  // empty: stderr
};

Output& output() {
    static auto* const instance = new Output{};
    return *instance;
}

// ASCII only, unlike std::tolower, so the process locale cannot change how MOS_LOG is read.
char asciiLower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoringCase(std::string_view a, std::string_view b) noexcept {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](char x, char y) { return asciiLower(x) == asciiLower(y); });
}

}  // namespace

std::string_view toString(LogLevel level) noexcept { return kLevelNames[static_cast<std::size_t>(level)]; }

std::optional<LogLevel> parseLogLevel(std::string_view name) noexcept {
    for (std::size_t i = 0; i < std::size(kLevelNames); ++i) {
        if (equalsIgnoringCase(name, kLevelNames[i])) return static_cast<LogLevel>(i);
    }
    return std::nullopt;
}

namespace log {

LogLevel level() noexcept { return threshold.load(std::memory_order_relaxed); }

void setLevel(LogLevel newThreshold) noexcept { threshold.store(newThreshold, std::memory_order_relaxed); }

bool enabled(LogLevel severity) noexcept { return severity != LogLevel::Off && severity >= level(); }

LogLevel configureFromEnvironment() {
    const char* value = std::getenv("MOS_LOG");
    const std::string_view spec = value != nullptr ? value : "";
    const std::optional<LogLevel> parsed = spec.empty() ? LogLevel::Info : parseLogLevel(spec);
    setLevel(parsed.value_or(LogLevel::Info));
    if (!parsed) {
        warn("core", "MOS_LOG=\"", spec, "\" names no log level (trace, debug, info, warn, error, off); using info");
    }
    return level();
}

Sink setSink(Sink sink) {
    Output& out = output();
    const std::scoped_lock lock{out.mutex};
    return std::exchange(out.sink, std::move(sink));
}

Sink streamSink(std::ostream& out) {
    return [&out](std::string_view line) { out << line; };
}

void write(LogLevel severity, std::string_view component, std::string_view text) {
    if (!enabled(severity)) return;
    // Built whole before taking the lock, so the lock covers only the hand-over to the sink.
    std::string line;
    const std::string_view name = toString(severity);
    line.reserve(8 + name.size() + component.size() + text.size());
    line.append("mos [").append(name).append("] ").append(component).append(": ").append(text).push_back('\n');

    Output& out = output();
    const std::scoped_lock lock{out.mutex};
    if (out.sink) {
        out.sink(line);
    } else {
        std::fwrite(line.data(), 1, line.size(), stderr);
    }
}

}  // namespace log

namespace {

// MOS_LOG takes effect before main(), as soon as any program that logs starts.
[[maybe_unused]] const LogLevel startupThreshold = log::configureFromEnvironment();

}  // namespace
}  // namespace mos::core
