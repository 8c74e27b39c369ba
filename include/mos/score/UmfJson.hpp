#pragma once

// UMF's JSON form (docs/umf/spec.md, docs/umf/umf.schema.json): reading a document into a Score and
// writing a Score out, losslessly — write then read gives a Score equal to the one written.
//
//   auto score = readUmf(text, "song.umf.json");
//   if (!score) std::cerr << score.error().describe() << '\n';  // song.umf.json:12:5: parts[0]…
//   std::string file = writeUmf(*score, UmfStyle::Pretty);

#include <string>
#include <string_view>

#include "mos/core/Result.hpp"
#include "mos/score/Score.hpp"

namespace mos::score {

enum class UmfStyle {
    Pretty,   // indented, one measure, event or layer entry per line: for files people read and diff
    Compact,  // no whitespace: the canonical form that content ids hash
};

// Reads a UMF document of any 1.x version (fields it does not know are ignored). Everything the
// schema rejects is an error, and so are duplicate keys, duplicate ids, references to events, notes,
// parts or measures that do not exist, and a major version other than 1; the error names the file,
// the line:column and the JSON path ("parts[2].events[14].duration: …").
// Thread: any. RT-safe: no.
[[nodiscard]] core::Result<Score> readUmf(std::string_view json, const std::string& fileName);

// Writes UMF 1.0. Fields equal to their default are left out, so a score has exactly one compact
// form. Text is written as UTF-8 (bytes that are not UTF-8 become U+FFFD); an extension whose text
// is not JSON is kept as a JSON string. Thread: any. RT-safe: no.
std::string writeUmf(const Score& score, UmfStyle style);

}  // namespace mos::score
