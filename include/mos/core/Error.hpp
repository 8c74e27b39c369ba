#pragma once

// The error every control-side operation reports: what went wrong and where, so a user can find the
// place in their file ("song.musicxml:812:7, measure 34: <duration> is not a number").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mos::core {

enum class ErrorCode {
    InvalidArgument,  // the caller asked for something malformed
    NotFound,         // a file, part, device or id that does not exist
    ParseError,       // input text or bytes do not follow their format
    Unsupported,      // well-formed input using a feature MOS does not handle
    IoError,          // the operating system refused a read or write
    OutOfRange,       // a value outside what the operation accepts
    Overflow,         // exact arithmetic left the representable range
    Internal,         // a broken invariant inside MOS
};

// Stable lower-case name of a code, e.g. "parse-error". Thread: any. RT-safe: yes.
std::string_view toString(ErrorCode code) noexcept;

// Where in the input an error was found. Every field is optional; set those that are known.
struct SourceLocation {
    std::string file{};                        // the path as the user gave it
    std::optional<std::int64_t> line{};        // 1-based
    std::optional<std::int64_t> column{};      // 1-based, with line
    std::optional<std::int64_t> byteOffset{};  // 0-based, for binary formats
    std::string measure{};                     // the measure's number as the score labels it, e.g. "12a"

    bool empty() const noexcept { return file.empty() && !line && !byteOffset && measure.empty(); }
    // "song.xml:12:5, measure 3" or "song.mid at byte 1042"; empty when nothing is known.
    std::string toString() const;

    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message{};
    SourceLocation where{};

    // "song.xml:12:5, measure 3: <duration> is not a number". Thread: any. RT-safe: no.
    std::string describe() const;
};

// Builds an error; reads well at a return site: `return fail(ErrorCode::NotFound, "no part 3");`.
inline Error fail(ErrorCode code, std::string message, SourceLocation where = {}) {
    return Error{code, std::move(message), std::move(where)};
}

}  // namespace mos::core
