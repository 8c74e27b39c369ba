#include "ScoreOutput.hpp"

#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "mos/score/Summary.hpp"

namespace mos::cli {

namespace {

// Decimal seconds to the millisecond, so JSON shows 12.5 rather than 12.499999999.
double roundedToMilliseconds(double seconds) { return std::round(seconds * 1000.0) / 1000.0; }

}  // namespace

ScoreInfo scoreInfo(const score::Score& score, formats::ScoreFormat format, const std::string& file, std::size_t tune,
                    std::size_t tunes) {
    const score::Summary summary = score::summarize(score);
    ScoreInfo info;
    info.file = file;
    if (tunes > 1) {
        info.tune = tune;
    }
    info.format = formats::formatName(format);
    info.title = score.metadata.title;
    info.composer = score.metadata.composer;
    info.parts = summary.parts;
    info.measures = summary.measures;
    info.notes = summary.notes;
    info.durationSeconds = roundedToMilliseconds(summary.durationSeconds);
    info.key = score::keyName(summary.key);
    info.timeSignature = score::timeSignatureName(summary.time);
    info.tempoBpm = std::round(summary.tempoBpm.toDouble() * 1000.0) / 1000.0;
    return info;
}

void writeScoreInfo(core::JsonWriter& json, const ScoreInfo& info) {
    json.key("file");
    json.string(info.file);
    if (info.tune) {
        json.key("tune");
        json.unsignedInteger(*info.tune);
    }
    json.key("format");
    json.string(info.format);
    json.key("title");
    json.string(info.title);
    json.key("composer");
    json.string(info.composer);
    json.key("parts");
    json.unsignedInteger(info.parts);
    json.key("measures");
    json.unsignedInteger(info.measures);
    json.key("notes");
    json.unsignedInteger(info.notes);
    json.key("duration_seconds");
    json.number(info.durationSeconds);
    json.key("key");
    json.string(info.key);
    json.key("time_signature");
    json.string(info.timeSignature);
    json.key("tempo_bpm");
    json.number(info.tempoBpm);
}

std::string scoreInfoText(const ScoreInfo& info) {
    std::ostringstream text;
    text << info.file;
    if (info.tune) {
        text << ", tune " << *info.tune;
    }
    text << " (" << info.format << ")\n";
    const auto line = [&](const char* name, const std::string& value) {
        if (!value.empty()) {
            text << "  " << name << std::string(11 - std::string_view{name}.size(), ' ') << value << '\n';
        }
    };
    line("title", info.title);
    line("composer", info.composer);
    line("parts", std::to_string(info.parts));
    line("measures", std::to_string(info.measures));
    line("notes", std::to_string(info.notes));
    std::ostringstream seconds;
    seconds << info.durationSeconds << " s";
    line("duration", seconds.str());
    line("key", info.key);
    line("time", info.timeSignature);
    std::ostringstream tempo;
    tempo << info.tempoBpm << " quarter notes per minute";
    line("tempo", tempo.str());
    return text.str();
}

void printWarning(const core::Error& warning) { std::cerr << "warning: " << warning.describe() << '\n'; }

std::optional<formats::ScoreFile> openScoreFile(std::string_view command, const std::string& file) {
    auto read = formats::readScoreFile(file);
    if (!read) {
        std::cerr << "mos " << command << ": " << read.error().describe() << '\n';
        return std::nullopt;
    }
    for (const core::Error& warning : read->imported.warnings) printWarning(warning);
    return std::move(*read);
}

std::string displayTitle(const score::Score& score, std::size_t tune, const std::string& file) {
    if (!score.metadata.title.empty()) {
        return score.metadata.title;
    }
    return tune > 0 ? "tune " + std::to_string(tune) : std::filesystem::path{file}.stem().string();
}

}  // namespace mos::cli
