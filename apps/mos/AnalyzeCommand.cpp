// `mos analyze FILE [--modes LIST] [--json]`: the keys and harmony of a score: the global key, the
// key regions, each harmonic region's start (measure, beat), chord symbol, Roman numeral and key,
// and the cadences; one analysis per score (per tune of an ABC book). `--modes major,minor,dorian`
// chooses the modes the keys are searched in (major and minor unless asked).

#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "Command.hpp"
#include "JsonOutput.hpp"
#include "ScoreOutput.hpp"
#include "TextColumns.hpp"
#include "mos/analysis/BeatUnits.hpp"
#include "mos/analysis/HarmonicAnalysis.hpp"
#include "mos/formats/ScoreFile.hpp"

namespace mos::cli {
namespace {

// Where a position is as musicians count: the measure's printed number and the beat (1-based,
// fractional between beats).
struct MusicalPlace {
    std::string measure;
    double beat = 1;
};

MusicalPlace placeOf(const score::Score& score, const score::ScorePosition& at) {
    MusicalPlace place;
    if (at.measure < score.timeline.measures.size()) place.measure = score.timeline.measures[at.measure].number;
    place.beat = analysis::beatNumber(score, at).toDouble();
    return place;
}

std::string_view cadenceName(score::CadenceKind kind) {
    switch (kind) {
        case score::CadenceKind::Perfect:
            return "PAC";
        case score::CadenceKind::Imperfect:
            return "IAC";
        case score::CadenceKind::Half:
            return "HC";
        case score::CadenceKind::Deceptive:
            return "DC";
        case score::CadenceKind::Plagal:
            return "PC";
    }
    return "PAC";
}

void writePlace(core::JsonWriter& json, const MusicalPlace& place) {
    json.key("measure");
    json.string(place.measure);
    json.key("beat");
    json.number(place.beat);
}

void writeKey(core::JsonWriter& json, const theory::Key& key) {
    json.key("tonic");
    json.string(key.tonic.toString());
    json.key("mode");
    json.string(theory::modeName(key.mode));
}

void writeAnalysisJson(core::JsonWriter& json, const score::Score& score, const analysis::HarmonicAnalysis& result,
                       const std::string& file, std::size_t tune, std::size_t tunes) {
    json.key("file");
    json.string(file);
    if (tunes > 1) {
        json.key("tune");
        json.unsignedInteger(tune);
    }
    json.key("title");
    json.string(score.metadata.title);
    json.key("key");
    json.beginObject();
    writeKey(json, result.keys.global.key);
    json.key("confidence");
    json.number(result.keys.global.confidence);
    json.endObject();
    json.key("keys");
    json.beginArray();
    for (const analysis::KeyRegion& region : result.keys.regions) {
        json.beginObject();
        writePlace(json, placeOf(score, region.start));
        writeKey(json, region.key);
        json.endObject();
    }
    json.endArray();
    json.key("regions");
    json.beginArray();
    for (const analysis::AnalyzedChord& chord : result.chords) {
        json.beginObject();
        writePlace(json, placeOf(score, chord.at));
        json.key("chord");
        json.string(chord.symbol.toString(theory::ChordStyle::Pop));
        json.key("roman");
        stringOrNull(json, chord.numeral ? std::optional{chord.numeral->toString()} : std::nullopt);
        json.key("key");
        json.string(chord.key.toString());
        json.key("written");
        json.boolean(chord.written);
        json.endObject();
    }
    json.endArray();
    json.key("cadences");
    json.beginArray();
    for (const analysis::FoundCadence& cadence : result.cadences) {
        json.beginObject();
        writePlace(json, placeOf(score, cadence.at));
        json.key("kind");
        json.string(cadenceName(cadence.kind));
        json.key("key");
        json.string(cadence.key.toString());
        json.endObject();
    }
    json.endArray();
}

std::string placeText(const MusicalPlace& place) {
    std::ostringstream text;
    text << 'm' << place.measure << " b" << place.beat;
    return text.str();
}

std::string analysisText(const score::Score& score, const analysis::HarmonicAnalysis& result) {
    std::ostringstream text;
    if (!score.metadata.title.empty()) text << score.metadata.title << '\n';
    text << "key        " << result.keys.global.key.toString() << '\n';
    text << "keys      ";
    for (const analysis::KeyRegion& region : result.keys.regions)
        text << ' ' << placeText(placeOf(score, region.start)) << ' ' << region.key.toString() << ';';
    text << '\n';
    for (const analysis::AnalyzedChord& chord : result.chords) {
        text << padded(placeText(placeOf(score, chord.at)), 12)
             << padded(chord.symbol.toString(theory::ChordStyle::Pop), 12)
             << padded(chord.numeral ? chord.numeral->toString() : "", 12) << chord.key.toString() << '\n';
    }
    text << "cadences  ";
    for (const analysis::FoundCadence& cadence : result.cadences)
        text << ' ' << cadenceName(cadence.kind) << " at " << placeText(placeOf(score, cadence.at)) << ';';
    text << '\n';
    return text.str();
}

// "major,minor,dorian" as modes; an error naming the first name that is no mode.
core::Result<std::vector<theory::Mode>> parseModes(std::string_view list) {
    std::vector<theory::Mode> modes;
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        const std::string_view name = list.substr(0, comma);
        const auto mode = theory::modeFromName(name);
        if (!mode) {
            return core::fail(core::ErrorCode::InvalidArgument,
                              "--modes: \"" + std::string{name} +
                                  "\" is no mode (major, minor, ionian, dorian, phrygian, lydian, mixolydian, "
                                  "aeolian, locrian)");
        }
        if (std::find(modes.begin(), modes.end(), *mode) == modes.end()) modes.push_back(*mode);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
    if (modes.empty()) return core::fail(core::ErrorCode::InvalidArgument, "--modes: no mode given");
    return modes;
}

}  // namespace

void registerAnalyzeCommand(CLI::App& app, CommandContext& context) {
    auto* command =
        addSubcommand(app, context, "analyze",
                      "Find the keys, chords, Roman numerals and cadences of a score (one analysis per score)");
    auto file = std::make_shared<std::string>();
    command->add_option("FILE", *file, "A score: .umf.json, .musicxml/.xml, .mxl, .mid, .abc, .gp3/.gp4/.gp5")
        ->required();
    auto modes = std::make_shared<std::string>();
    command->add_option("--modes", *modes,
                        "The modes keys are searched in, comma-separated (default major,minor; folk tunes: "
                        "major,minor,dorian,mixolydian)");
    command->callback([&context, file, modes] {
        analysis::HarmonicAnalysisOptions options;
        if (!modes->empty()) {
            auto parsed = parseModes(*modes);
            if (!parsed) {
                std::cerr << "mos analyze: " << parsed.error().message << '\n';
                context.exitStatus = 2;
                return;
            }
            options.keys.modes = std::move(*parsed);
        }
        const auto read = openScoreFile("analyze", *file);
        if (!read) {
            context.exitStatus = 1;
            return;
        }
        const auto& scores = read->imported.scores;
        for (std::size_t i = 0; i < scores.size(); ++i) {
            const analysis::HarmonicAnalysis result = analysis::analyzeHarmony(scores[i], options);
            if (context.json) {
                printJsonLine([&](core::JsonWriter& json) {
                    writeAnalysisJson(json, scores[i], result, *file, i + 1, scores.size());
                });
            } else {
                std::cout << (i > 0 ? "\n" : "") << analysisText(scores[i], result);
            }
        }
    });
}

}  // namespace mos::cli
