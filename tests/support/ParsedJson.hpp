#pragma once

// A JSON text parsed with simdjson, the library MOS reads JSON with, kept together with the parser
// that owns its values, so a test can hold several documents at once. Tests use simdjson's
// throwing accessors: a missing member or a value of the wrong type throws simdjson_error, which
// fails the test with simdjson's reason.
//
//   const ParsedJson info{R"({"format": "abc", "notes": 12})"};
//   std::string_view(info["format"])  -> "abc"
//   std::int64_t(info["notes"])       -> 12

#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

namespace mos::test {

class ParsedJson {
public:
    // Throws simdjson_error when `text` is not JSON.
    explicit ParsedJson(std::string_view text)
        : parser_{std::make_unique<simdjson::dom::parser>()}, root_{parser_->parse(text.data(), text.size(), true)} {}

    simdjson::dom::element root() const { return root_; }
    // The member `key` of the root object; throws simdjson_error when there is none.
    simdjson::dom::element operator[](std::string_view key) const { return root_[key].value(); }
    bool contains(std::string_view key) const { return root_[key].error() == simdjson::SUCCESS; }

private:
    std::unique_ptr<simdjson::dom::parser> parser_;  // on the heap: the values point into it
    simdjson::dom::element root_;
};

// Each line of `text` (what `mos --json` prints: one object per line), parsed.
inline std::vector<ParsedJson> jsonLines(const std::string& text) {
    std::vector<ParsedJson> lines;
    std::istringstream stream{text};
    for (std::string line; std::getline(stream, line);) lines.emplace_back(line);
    return lines;
}

// The text of a value in simdjson's compact form, to compare values of any type.
inline std::string compactJson(simdjson::dom::element value) { return simdjson::to_string(value); }

}  // namespace mos::test
