#pragma once

// Control-side logging: leveled, one whole line per message, to stderr or an injected sink.
//
//     mos::core::log::warn("audio", "device ", name, " lost");   // mos [warn] audio: device hw:1 lost
//
// The threshold starts at info, or at the level named by the MOS_LOG environment variable
// (MOS_LOG=debug), and can be changed from code with log::setLevel. The audio thread never calls
// these functions: it posts to an RtLog (RtLog.hpp), which a control thread drains into this log.

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>

namespace mos::core {

// Severity of a message, and as a threshold the least severe one written; Off only as a threshold.
enum class LogLevel : std::uint8_t { Trace, Debug, Info, Warn, Error, Off };

// Thread: any. RT-safe: yes. "trace", "debug", "info", "warn", "error" or "off".
std::string_view toString(LogLevel level) noexcept;

// Thread: any. RT-safe: yes. The level a name denotes, ignoring case ("Debug" → Debug); nullopt
// for anything else ("warning", "").
std::optional<LogLevel> parseLogLevel(std::string_view name) noexcept;

namespace log {

// Receives each message as one complete line, "mos [warn] audio: device lost\n". Calls are
// serialised, so a sink needs no locking of its own; it must not log (that would deadlock).
using Sink = std::function<void(std::string_view line)>;

// Thread: any. RT-safe: yes. The threshold.
LogLevel level() noexcept;

// Thread: any. RT-safe: yes. Sets the threshold: messages below it are dropped before their
// arguments are formatted.
void setLevel(LogLevel threshold) noexcept;

// Thread: any. RT-safe: yes. True when a message of `severity` would be written.
bool enabled(LogLevel severity) noexcept;

// Thread: control. RT-safe: no. Sets the threshold from MOS_LOG: unset or empty means info; a
// value that names no level is reported with a warning and also means info. Done once at start-up;
// call again after changing the environment. Returns the threshold now in force.
LogLevel configureFromEnvironment();

// Thread: any. RT-safe: no. Replaces the sink and returns the previous one (to restore it later);
// an empty Sink means stderr.
Sink setSink(Sink sink);

// Thread: any. RT-safe: no. A sink that writes each line to `out`, which must outlive its use.
Sink streamSink(std::ostream& out);

// Thread: any. RT-safe: no. Writes one message if `severity` passes the threshold.
void write(LogLevel severity, std::string_view component, std::string_view text);

// Thread: any. RT-safe: no. Streams `args` into one message, only if `severity` passes the
// threshold (otherwise nothing is formatted):
//     log::message(LogLevel::Info, "core", "loaded ", count, " songs");
template <typename... Args>
void message(LogLevel severity, std::string_view component, const Args&... args) {
    if (!enabled(severity)) return;
    std::ostringstream text;
    (text << ... << args);
    write(severity, component, text.view());
}

// Thread: any. RT-safe: no. log::message at a fixed level: log::error("score", "cannot open ", path).
template <typename... Args>
void trace(std::string_view component, const Args&... args) {
    message(LogLevel::Trace, component, args...);
}
template <typename... Args>
void debug(std::string_view component, const Args&... args) {
    message(LogLevel::Debug, component, args...);
}
template <typename... Args>
void info(std::string_view component, const Args&... args) {
    message(LogLevel::Info, component, args...);
}
template <typename... Args>
void warn(std::string_view component, const Args&... args) {
    message(LogLevel::Warn, component, args...);
}
template <typename... Args>
void error(std::string_view component, const Args&... args) {
    message(LogLevel::Error, component, args...);
}

}  // namespace log
}  // namespace mos::core
