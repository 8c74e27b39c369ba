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

nlohmann::json scoreInfoJson(const score::Score& score, formats::ScoreFormat format, const std::string& file,
                             std::size_t tune, std::size_t tunes) {
    const score::Summary summary = score::summarize(score);
    nlohmann::json info{
        {"file", file},
        {"format", formats::formatName(format)},
        {"title", score.metadata.title},
        {"composer", score.metadata.composer},
        {"parts", summary.parts},
        {"measures", summary.measures},
        {"notes", summary.notes},
        {"duration_seconds", roundedToMilliseconds(summary.durationSeconds)},
        {"key", score::keyName(summary.key)},
        {"time_signature", score::timeSignatureName(summary.time)},
        {"tempo_bpm", std::round(summary.tempoBpm.toDouble() * 1000.0) / 1000.0},
    };
    if (tunes > 1) {
        info["tune"] = tune;
    }
    return info;
}

std::string scoreInfoText(const nlohmann::json& info) {
    std::ostringstream text;
    text << info["file"].get<std::string>();
    if (info.contains("tune")) {
        text << ", tune " << info["tune"].get<std::size_t>();
    }
    text << " (" << info["format"].get<std::string>() << ")\n";
    const auto line = [&](const char* name, const std::string& value) {
        if (!value.empty()) {
            text << "  " << name << std::string(11 - std::string_view{name}.size(), ' ') << value << '\n';
        }
    };
    line("title", info["title"].get<std::string>());
    line("composer", info["composer"].get<std::string>());
    line("parts", std::to_string(info["parts"].get<std::size_t>()));
    line("measures", std::to_string(info["measures"].get<std::size_t>()));
    line("notes", std::to_string(info["notes"].get<std::size_t>()));
    std::ostringstream seconds;
    seconds << info["duration_seconds"].get<double>() << " s";
    line("duration", seconds.str());
    line("key", info["key"].get<std::string>());
    line("time", info["time_signature"].get<std::string>());
    std::ostringstream tempo;
    tempo << info["tempo_bpm"].get<double>() << " quarter notes per minute";
    line("tempo", tempo.str());
    return text.str();
}

void printWarning(const core::Error& warning) { std::cerr << "warning: " << warning.describe() << '\n'; }

std::string displayTitle(const score::Score& score, std::size_t tune, const std::string& file) {
    if (!score.metadata.title.empty()) {
        return score.metadata.title;
    }
    return tune > 0 ? "tune " + std::to_string(tune) : std::filesystem::path{file}.stem().string();
}

}  // namespace mos::cli
