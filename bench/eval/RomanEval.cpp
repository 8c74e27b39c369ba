// Harmonic analysis against the When-in-Rome analyses: for every score.mxl of
// ../shared/corpora/romantext that sits beside a human RomanText analysis, MOS analyses the score
// and, on every beat of every measure the analysis names, its local key, chord root, chord quality,
// inversion and full numeral are compared with the analyst's.
//
//   mos_eval_roman [../shared/corpora/romantext] [--json] [--per-score]
//
// The analyst's numeral in force at a beat is the last one at or before it; MOS's is the chord
// region the beat falls in. Keys compare by tonic pitch class and mode; roots, qualities and
// inversions as the numerals spell them in their keys (RomanNumeral::toChord); the full numeral
// also needs the key, and compares the normalised numerals without bracketed tones.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "EvalMain.hpp"
#include "mos/analysis/BeatUnits.hpp"
#include "mos/analysis/HarmonicAnalysis.hpp"
#include "mos/analysis/SoundingNotes.hpp"
#include "mos/core/JsonWriter.hpp"
#include "mos/formats/ScoreFile.hpp"
#include "mos/theory/RomanNumeral.hpp"

namespace {

namespace fs = std::filesystem;
using namespace mos;

struct Tally {
    std::size_t beats = 0;
    std::size_t key = 0;
    std::size_t root = 0;
    std::size_t quality = 0;
    std::size_t inversion = 0;
    std::size_t numeral = 0;

    Tally& operator+=(const Tally& other) {
        beats += other.beats;
        key += other.key;
        root += other.root;
        quality += other.quality;
        inversion += other.inversion;
        numeral += other.numeral;
        return *this;
    }
};

double percentOf(std::size_t count, std::size_t beats) {
    return beats == 0 ? 0.0 : 100.0 * static_cast<double>(count) / static_cast<double>(beats);
}

bool before(const score::ScorePosition& a, const score::ScorePosition& b) {
    return a.measure != b.measure ? a.measure < b.measure : a.offset < b.offset;
}

bool sameKey(const theory::Key& a, const theory::Key& b) {
    const auto tonal = [](theory::Mode mode) {
        if (mode == theory::Mode::Ionian) return theory::Mode::Major;
        if (mode == theory::Mode::Aeolian) return theory::Mode::Minor;
        return mode;
    };
    return a.tonic.pitchClass() == b.tonic.pitchClass() && tonal(a.mode) == tonal(b.mode);
}

std::string plainNumeral(const theory::RomanNumeral& numeral, const theory::Key& key) {
    theory::RomanNumeral plain = numeral.normalized(key);
    plain.alteredTones.clear();
    plain.addedTones.clear();
    plain.omittedTones = 0;
    return plain.toString();
}

struct Reference {
    score::ScorePosition at;
    std::optional<theory::RomanNumeral> numeral;  // none for N.C. or what does not parse
    theory::Key key;
};

void evaluate(const score::Score& piece, const score::Score& analysed, Tally& tally) {
    // In time order (a lettered pass may go back), each in its key.
    const auto& numerals = analysed.layers.analysis.numerals;
    std::vector<std::size_t> order(numerals.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return before(numerals[a].at, numerals[b].at); });
    std::vector<Reference> references;
    for (const std::size_t i : order) {
        Reference& reference = references.emplace_back();
        reference.at = numerals[i].at;
        const auto key = theory::Key::parse(numerals[i].key);
        const auto numeral = theory::RomanNumeral::parse(numerals[i].numeral);
        if (key && numeral) {
            reference.key = *key;
            reference.numeral = *numeral;
        }
    }
    if (references.empty()) return;

    std::map<std::string, std::uint32_t> scoreMeasure;
    for (std::uint32_t i = 0; i < piece.timeline.measures.size(); ++i)
        scoreMeasure.emplace(piece.timeline.measures[i].number, i);

    const analysis::HarmonicAnalysis result = analysis::analyzeHarmony(piece);
    const std::vector<analysis::SoundingNote> notes = analysis::soundingNotes(piece);
    const analysis::BeatUnits beats = analysis::beatUnits(piece, notes);
    std::size_t region = 0;
    for (std::size_t b = 0; b < beats.positions.size(); ++b) {
        const score::ScorePosition at = beats.positions[b];
        while (region + 1 < result.chords.size() && result.chords[region + 1].start <= beats.starts[b]) ++region;
        // The same place in the analysis: the measure with the same printed number.
        const std::string& label = piece.timeline.measures[at.measure].number;
        const auto& analysedMeasures = analysed.timeline.measures;
        const auto match = std::find_if(analysedMeasures.begin(), analysedMeasures.end(),
                                        [&](const score::Measure& m) { return m.number == label; });
        if (match == analysedMeasures.end() || scoreMeasure[label] != at.measure) continue;
        const score::ScorePosition there{static_cast<std::uint32_t>(match - analysedMeasures.begin()), at.offset};
        const auto after =
            std::upper_bound(references.begin(), references.end(), there,
                             [](const score::ScorePosition& p, const Reference& r) { return before(p, r.at); });
        if (after == references.begin()) continue;
        const Reference& reference = *(after - 1);
        if (!reference.numeral || result.chords.empty() || result.chords[region].start > beats.starts[b]) continue;
        ++tally.beats;
        const analysis::AnalyzedChord& chord = result.chords[region];
        const bool keyRight = sameKey(chord.key, reference.key);
        if (keyRight) ++tally.key;
        if (!chord.numeral) continue;
        const theory::RomanChord expected = reference.numeral->toChord(reference.key);
        const theory::RomanChord found = chord.numeral->toChord(chord.key);
        if (expected.rootPitchClass() == found.rootPitchClass()) ++tally.root;
        if (expected.quality == found.quality) ++tally.quality;
        if (expected.inversion == found.inversion) ++tally.inversion;
        if (keyRight && plainNumeral(*reference.numeral, reference.key) == plainNumeral(*chord.numeral, chord.key))
            ++tally.numeral;
    }
}

int run(int argc, char** argv) {
    fs::path folder = fs::path{MOS_SHARED_DIR} / "corpora" / "romantext";
    bool json = false;
    bool perScore = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--json") {
            json = true;
        } else if (argument == "--per-score") {
            perScore = true;
        } else {
            folder = argument;
        }
    }
    std::vector<fs::path> scores;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.path().filename() == "score.mxl") scores.push_back(entry.path());
    }
    std::sort(scores.begin(), scores.end());
    Tally tally;
    std::size_t pieces = 0;
    for (const fs::path& path : scores) {
        // The corpus names a textbook's analysis analysis.rntxt, every other analysis.txt.
        fs::path analysisPath = path.parent_path() / "analysis.txt";
        if (!fs::exists(analysisPath)) analysisPath.replace_extension(".rntxt");
        if (!fs::exists(analysisPath)) continue;
        const auto piece = formats::readScoreFile(path);
        const auto analysed = formats::readScoreFile(analysisPath);
        if (!piece || !analysed || piece->imported.scores.empty() || analysed->imported.scores.empty()) {
            std::fprintf(stderr, "skipped %s\n", path.c_str());
            continue;
        }
        Tally one;
        evaluate(piece->imported.scores.front(), analysed->imported.scores.front(), one);
        if (perScore) {
            std::printf("%5zu %5.1f %5.1f %5.1f %5.1f %5.1f %s\n", one.beats, percentOf(one.key, one.beats),
                        percentOf(one.root, one.beats), percentOf(one.quality, one.beats),
                        percentOf(one.inversion, one.beats), percentOf(one.numeral, one.beats),
                        fs::relative(path.parent_path(), folder).c_str());
        }
        tally += one;
        ++pieces;
    }
    const auto percent = [&](std::size_t count) { return percentOf(count, tally.beats); };
    if (json) {
        core::JsonWriter out{false};
        out.beginObject();
        out.key("scores");
        out.unsignedInteger(pieces);
        out.key("beats");
        out.unsignedInteger(tally.beats);
        for (const auto& [name, count] :
             {std::pair{"key", tally.key}, std::pair{"root", tally.root}, std::pair{"quality", tally.quality},
              std::pair{"inversion", tally.inversion}, std::pair{"numeral", tally.numeral}}) {
            out.key(name);
            out.number(percent(count));
        }
        out.endObject();
        std::printf("%s\n", out.take().c_str());
        return 0;
    }
    std::printf("When in Rome: %zu scores with their analysis, %zu beats compared\n\n", pieces, tally.beats);
    std::printf("| local key | root | quality | inversion | full numeral |\n|---|---|---|---|---|\n");
    std::printf("| %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% |\n", percent(tally.key), percent(tally.root),
                percent(tally.quality), percent(tally.inversion), percent(tally.numeral));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    return mos::eval::reportingErrors("mos_eval_roman", [&] { return run(argc, argv); });
}
