// `mos analyze FILE [--json]`: the keys and harmony of a score: the global key, the key regions,
// each harmonic region's start (measure, beat), chord symbol, Roman numeral and key, and the
// cadences; one analysis per score (per tune of an ABC book).

#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "Command.hpp"
#include "JsonOutput.hpp"
#include "ScoreOutput.hpp"
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
        text << std::left << std::setw(12) << placeText(placeOf(score, chord.at)) << std::setw(12)
             << chord.symbol.toString(theory::ChordStyle::Pop) << std::setw(12)
             << (chord.numeral ? chord.numeral->toString() : "") << chord.key.toString() << '\n';
    }
    text << "cadences  ";
    for (const analysis::FoundCadence& cadence : result.cadences)
        text << ' ' << cadenceName(cadence.kind) << " at " << placeText(placeOf(score, cadence.at)) << ';';
    text << '\n';
    return text.str();
}

}  // namespace

void registerAnalyzeCommand(CLI::App& app, CommandContext& context) {
    auto* command =
        addSubcommand(app, context, "analyze",
                      "Find the keys, chords, Roman numerals and cadences of a score (one analysis per score)");
    auto file = std::make_shared<std::string>();
    command->add_option("FILE", *file, "A score: .umf.json, .musicxml/.xml, .mxl, .mid, .abc, .gp3/.gp4/.gp5")
        ->required();
    command->callback([&context, file] {
        const auto read = formats::readScoreFile(*file);
        if (!read) {
            std::cerr << "mos analyze: " << read.error().describe() << '\n';
            context.exitStatus = 1;
            return;
        }
        for (const core::Error& warning : read->imported.warnings) printWarning(warning);
        const auto& scores = read->imported.scores;
        for (std::size_t i = 0; i < scores.size(); ++i) {
            const analysis::HarmonicAnalysis result = analysis::analyzeHarmony(scores[i]);
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
