#pragma once

// Finds places in a JSON text for error messages. The fast reader (simdjson's DOM) tells what is
// wrong but not where, so on the error path — and only there — this scanner walks the text again:
// to the first syntax error, or to the value a JSON path names.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mos::score::umf {

// One step of a JSON path: a member name, or an index into an array.
struct PathStep {
    std::string_view key{};  // the member name; unused for an index
    std::size_t index = 0;
    bool isIndex = false;
};

// "parts[2].events[14].duration"; "(document)" for the empty path. Thread: any. RT-safe: no.
std::string formatPath(std::span<const PathStep> path);

// The byte offset of the first place where `text` is not JSON as simdjson reads it (RFC 8259,
// UTF-8, integers within 64 bits, finite numbers, nesting at most 1024 deep); nullopt when it
// finds none. Thread: any. RT-safe: no.
std::optional<std::size_t> findSyntaxError(std::string_view text);

// The byte offset where the value at `path` starts (for the last step, the last member of that
// name); nullopt when the text has no such value. Thread: any. RT-safe: no.
std::optional<std::size_t> locateValue(std::string_view text, std::span<const PathStep> path);

struct LineColumn {
    std::int64_t line = 1;    // 1-based
    std::int64_t column = 1;  // 1-based, in characters (UTF-8 sequences count once)
};

// The line and column of a byte offset. Thread: any. RT-safe: no.
LineColumn lineColumnOf(std::string_view text, std::size_t offset);

}  // namespace mos::score::umf
