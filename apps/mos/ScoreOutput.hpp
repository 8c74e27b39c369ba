#pragma once

// What `mos info` and `mos convert` print about a score, shared by both.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "mos/core/Error.hpp"
#include "mos/core/JsonWriter.hpp"
#include "mos/formats/ScoreFile.hpp"
#include "mos/formats/ScoreFormat.hpp"
#include "mos/score/Score.hpp"

namespace mos::cli {

// The summary of one score as `mos info` shows it.
struct ScoreInfo {
    std::string file;
    std::optional<std::size_t> tune;  // 1-based, for a score of a tune book
    std::string format;
    std::string title;
    std::string composer;
    std::size_t parts = 0;
    std::size_t measures = 0;
    std::size_t notes = 0;
    double durationSeconds = 0;  // to the millisecond
    std::string key;             // "G major"
    std::string timeSignature;   // "3/4"
    double tempoBpm = 0;         // quarter notes per minute at the start, to 1/1000
};

// The summary of score `tune` of the `tunes` a file holds. Thread: main. RT-safe: no.
ScoreInfo scoreInfo(const score::Score& score, formats::ScoreFormat format, const std::string& file, std::size_t tune,
                    std::size_t tunes);

// The members of the summary object: file, format, title, composer, parts, measures, notes,
// duration_seconds, key, time_signature, tempo_bpm, and tune for a tune book. Thread: main. RT-safe: no.
void writeScoreInfo(core::JsonWriter& json, const ScoreInfo& info);

// The same as aligned "name  value" lines for people. Thread: main. RT-safe: no.
std::string scoreInfoText(const ScoreInfo& info);

// Prints an import warning to stderr as "warning: <place>: <message>". Thread: main. RT-safe: no.
void printWarning(const core::Error& warning);

// Reads a score file for `mos <command>`: prints its import warnings, or prints the error as
// "mos <command>: <error>" and returns nothing. Thread: main. RT-safe: no.
std::optional<formats::ScoreFile> openScoreFile(std::string_view command, const std::string& file);

// A score's title, else "tune N" / the file name, for messages and output names. Thread: main. RT-safe: no.
std::string displayTitle(const score::Score& score, std::size_t tune, const std::string& file);

}  // namespace mos::cli
