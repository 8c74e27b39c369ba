#pragma once

// Reading and writing score files in any format MOS knows, all through UMF: the one entry point
// the command line, the daemon and the library use.
//
//   auto file = readScoreFile("jigs.abc");           // a tune book: many scores
//   if (!file) { print(file.error().describe()); }   // "jigs.abc:12:7: ..."
//   writeScoreFile(file->imported.scores[3], "jig.musicxml");

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "mos/core/Result.hpp"
#include "mos/formats/Imported.hpp"
#include "mos/formats/ScoreFormat.hpp"
#include "mos/score/Score.hpp"

namespace mos::formats {

struct ScoreFile {
    ScoreFormat format = ScoreFormat::Umf;
    Imported imported;
};

// Reads a file; its format comes from the extension, else from its content. Thread: control.
// RT-safe: no.
core::Result<ScoreFile> readScoreFile(const std::filesystem::path& path);
// Reads bytes already in memory; `fileName` labels errors and, without `format`, names the format.
// Thread: any. RT-safe: no.
core::Result<ScoreFile> readScoreBytes(std::string_view bytes, const std::string& fileName,
                                       std::optional<ScoreFormat> format = std::nullopt);

// A score as the bytes of a file in `format`; Unsupported for read-only formats. Thread: any.
// RT-safe: no.
core::Result<std::string> encodeScore(const score::Score& score, ScoreFormat format);
// Writes atomically (the old file stays whole if anything fails); the format comes from `format`
// or else the extension. Thread: control. RT-safe: no.
core::Result<void> writeScoreFile(const score::Score& score, const std::filesystem::path& path,
                                  std::optional<ScoreFormat> format = std::nullopt);

}  // namespace mos::formats
