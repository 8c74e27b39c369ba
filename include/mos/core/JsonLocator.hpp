#pragma once

// Finds places in a JSON text for error messages. The fast reader (simdjson's DOM) tells what is
// wrong but not where, so on the error path — and only there — this scanner walks the text again:
// to the first syntax error, or to the value a JSON path names. It parses nothing into memory and
// needs no JSON library.
//
//   text = "{\n  \"parts\": [1, \"x\"]\n}"
//   findJsonSyntaxError(text)                        -> nullopt (it is JSON)
//   locateJsonValue(text, {{"parts"}, {{}, 1, true}})  -> 17 (the "x")
//   lineColumnOf(text, 17)                           -> line 2, column 16
//   formatJsonPath({{"parts"}, {{}, 1, true}})         -> "parts[1]"
//   locateJsonArrayElements(text, {{"parts"}})         -> {14, 17}

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mos::core {

// One step of a JSON path: a member name, or an index into an array.
struct JsonPathStep {
    std::string_view key{};  // the member name; unused for an index
    std::size_t index = 0;
    bool isIndex = false;
};

// "parts[2].events[14].duration"; "(document)" for the empty path. Thread: any. RT-safe: no.
std::string formatJsonPath(std::span<const JsonPathStep> path);

// The byte offset of the first place where `text` is not JSON as simdjson reads it (RFC 8259,
// UTF-8, integers within 64 bits, finite numbers, nesting at most 1024 deep); nullopt when it
// finds none. Thread: any. RT-safe: no.
std::optional<std::size_t> findJsonSyntaxError(std::string_view text);

// The byte offset where the value at `path` starts (for the last step, the last member of that
// name); nullopt when the text has no such value. Thread: any. RT-safe: no.
std::optional<std::size_t> locateJsonValue(std::string_view text, std::span<const JsonPathStep> path);

struct LineColumn {
    std::int64_t line = 1;    // 1-based
    std::int64_t column = 1;  // 1-based, in characters (UTF-8 sequences count once)
};

// The line and column of a byte offset (the end of the text for an offset past it).
// Thread: any. RT-safe: no.
LineColumn lineColumnOf(std::string_view text, std::size_t offset);
// The same for many offsets, in one walk of the text: `ascendingOffsets` in ascending order.
// Thread: any. RT-safe: no.
std::vector<LineColumn> lineColumnsOf(std::string_view text, std::span<const std::size_t> ascendingOffsets);

// Where each element of the array at `path` starts (byte offsets), in one walk of the text: for
// placing many problems in one array without a walk per problem. Empty when `path` names no
// array. Thread: any. RT-safe: no.
std::vector<std::size_t> locateJsonArrayElements(std::string_view text, std::span<const JsonPathStep> path);

}  // namespace mos::core
