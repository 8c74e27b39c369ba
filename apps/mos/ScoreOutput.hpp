#pragma once

// What `mos info` and `mos convert` print about a score, shared by both.

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "mos/core/Error.hpp"
#include "mos/formats/ScoreFormat.hpp"
#include "mos/score/Score.hpp"

namespace mos::cli {

// The summary object of one score: format, title, composer, parts, measures, notes,
// duration_seconds, key, time_signature, tempo_bpm, plus file and (for books) tune. Thread: main.
nlohmann::json scoreInfoJson(const score::Score& score, formats::ScoreFormat format, const std::string& file,
                             std::size_t tune, std::size_t tunes);

// The same as aligned "name  value" lines for people. Thread: main.
std::string scoreInfoText(const nlohmann::json& info);

// Prints an import warning to stderr as "warning: <place>: <message>". Thread: main.
void printWarning(const core::Error& warning);

// A score's title, else "tune N" / the file name, for messages and output names. Thread: main.
std::string displayTitle(const score::Score& score, std::size_t tune, const std::string& file);

}  // namespace mos::cli
