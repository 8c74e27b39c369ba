// Every RomanText analysis of the When in Rome corpus (../shared/corpora/romantext, 1,711 human
// analyses no one here wrote) reads as RomanText, with no error and only the warnings the corpus's
// known slips call for; where an analysis has no slip, a plain token count agrees with the reader's
// numerals. The 436 analyses that sit beside their score.mxl are then laid over the score: the
// figures printed say how many name measures the score lacks or beats beyond the score's measure,
// and how many numerals start where a note does (an independent check of how beats are counted).

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "mos/formats/RomanTextReader.hpp"
#include "mos/formats/ScoreFile.hpp"

namespace mos::formats {
namespace {

namespace fs = std::filesystem;
using core::Rational;

const fs::path kCorpus = fs::path{MOS_SHARED_DIR} / "corpora" / "romantext";

bool isAnalysis(const fs::path& path) {
    const std::string name = path.filename().string();
    return name.starts_with("analysis") && (name.ends_with(".txt") || name.ends_with(".rntxt"));
}

std::vector<fs::path> analysisFiles() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator{kCorpus}) {
        if (entry.is_regular_file() && isAnalysis(entry.path())) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string bytesOf(const fs::path& path) {
    std::ifstream in{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

// The slips the corpus holds, each a kind of warning the reader gives for it. Any other warning
// fails the test: it means the reader misread something.
struct WarningKind {
    const char* name;
    const char* pattern;
};
constexpr std::array<WarningKind, 10> kExpectedWarnings{{
    {"stray line", "is neither a measure line"},
    {"copy without '='", "read as a copy, which is written"},
    {"beat written backwards", "comes before the beat written before it"},
    {"beat beyond its measure", "lies beyond the end of the measure"},
    {"measure line out of order", "measure lines must go forward"},
    {"measure named twice", "is in the analysis already"},
    {"copy of a missing measure", "is not in the analysis, so it cannot be copied"},
    {"copy of a later measure", "copies measures that do not come before it"},
    {"text after a meter", "the text after it is ignored"},
    {"two numerals at one beat", "follows another numeral at the same beat"},
}};

const char* kindOf(const core::Error& warning) {
    for (const WarningKind& kind : kExpectedWarnings) {
        if (warning.message.find(kind.pattern) != std::string::npos) return kind.name;
    }
    return nullptr;
}

bool before(const score::ScorePosition& a, const score::ScorePosition& b) {
    return a.measure < b.measure || (a.measure == b.measure && a.offset < b.offset);
}

// Numerals as a plain tokenizer sees them: in measure lines that are no variant, copy or range,
// every token after the measure number that is no beat, key, repeat or phrase sign.
std::size_t plainNumeralCount(const std::string& text) {
    static const std::regex kMeasure{R"(^\s*m\d+[a-z]?(\s|$))"};
    static const std::regex kNotNumeral{R"(^(b[0-9.]+|\S*:|\|\||\||:\|\||\|\|:|\(|\)|\|\*|\*\||\?\S*|KS-?\d)$)"};
    std::size_t count = 0;
    std::string line;
    for (const char c : text + "\n") {
        if (c != '\n' && c != '\r') {
            line += c;
            continue;
        }
        if (std::regex_search(line, kMeasure)) {
            std::istringstream tokens{line};
            std::string token;
            tokens >> token;  // the measure number
            while (tokens >> token) count += std::regex_match(token, kNotNumeral) ? 0 : 1;
        }
        line.clear();
    }
    return count;
}

bool hasCopiesOrVariants(const std::string& text) {
    static const std::regex kSpecial{R"((^|[\r\n])\s*m\d+(-|\S*var|\s+var|\s*=))"};
    return std::regex_search(text, kSpecial);
}

TEST(RomanTextCorpusTest, EveryAnalysisReadsWithOnlyTheCorpusSlipsAsWarnings) {
    if (!fs::is_directory(kCorpus)) GTEST_SKIP() << "no corpus at " << kCorpus;
    const auto files = analysisFiles();
    std::size_t numerals = 0;
    std::size_t keys = 0;
    std::size_t measures = 0;
    std::size_t warnings = 0;
    std::size_t crossChecked = 0;
    std::map<std::string, std::size_t> kinds;
    for (const fs::path& path : files) {
        SCOPED_TRACE(path.string());
        const std::string text = bytesOf(path);
        EXPECT_TRUE(looksLikeRomanText(text));
        const auto read = readScoreFile(path);  // .txt files are RomanText by their content
        ASSERT_TRUE(read.ok()) << read.error().describe();
        EXPECT_EQ(read->format, ScoreFormat::RomanText);
        const score::Score& analysis = read->imported.scores.at(0);
        const auto& timeline = analysis.timeline.measures;
        const score::ScorePosition* previous = nullptr;
        for (const auto& numeral : analysis.layers.analysis.numerals) {
            ASSERT_LT(numeral.at.measure, timeline.size());
            EXPECT_LT(numeral.at.offset, timeline[numeral.at.measure].duration);
            EXPECT_FALSE(previous != nullptr && before(numeral.at, *previous)) << numeral.numeral;
            previous = &numeral.at;
        }
        numerals += analysis.layers.analysis.numerals.size();
        keys += analysis.layers.analysis.keys.size();
        measures += timeline.size();
        warnings += read->imported.warnings.size();
        for (const auto& warning : read->imported.warnings) {
            EXPECT_EQ(warning.where.file, path.string());
            EXPECT_TRUE(warning.where.line.has_value());
            const char* kind = kindOf(warning);
            if (kind == nullptr) {
                ADD_FAILURE() << "unexpected warning: " << warning.describe();
            } else {
                ++kinds[kind];
            }
        }
        if (read->imported.warnings.empty() && !hasCopiesOrVariants(text)) {
            EXPECT_EQ(analysis.layers.analysis.numerals.size(), plainNumeralCount(text));
            ++crossChecked;
        }
    }
    std::printf(
        "RomanText corpus: %zu analyses, %zu measures, %zu numerals, %zu key regions, %zu warnings; %zu "
        "analyses cross-checked against a plain token count\n",
        files.size(), measures, numerals, keys, warnings, crossChecked);
    for (const auto& [kind, count] : kinds) std::printf("  %5zu  %s\n", count, kind.c_str());
    EXPECT_EQ(files.size(), 1711U);
    EXPECT_GE(crossChecked, 1200U);
}

// How an analysis lies over its score: numerals at measures the score has (by label), within the
// score's measure, and where a note of the score starts: harmony changes with the notes, so a beat
// read wrongly (a 6/8 counted in eighths) lands between them.
struct Fit {
    std::size_t numerals = 0;
    std::size_t missingMeasure = 0;  // numerals at a label the score does not have
    std::size_t beyondMeasure = 0;   // numerals past the end of the score's measure of that label
    std::size_t onNoteOnset = 0;     // numerals at a label the score has, where one of its notes starts
    bool pickupAgrees = true;        // an m0 as long as the score's measure 0
};

Fit fitOf(const score::Score& analysis, const score::Score& score) {
    std::map<std::string, std::uint32_t> measureOf;
    for (std::uint32_t i = 0; i < score.timeline.measures.size(); ++i) {
        measureOf.emplace(score.timeline.measures[i].number, i);
    }
    std::set<std::pair<std::uint32_t, std::pair<std::int64_t, std::int64_t>>> onsets;
    for (const auto& part : score.parts) {
        for (const auto& event : part.events) {
            if (!event.notes.empty()) onsets.insert({event.measure, {event.offset.num(), event.offset.den()}});
        }
    }
    Fit fit;
    for (const auto& numeral : analysis.layers.analysis.numerals) {
        ++fit.numerals;
        const auto measure = measureOf.find(analysis.timeline.measures[numeral.at.measure].number);
        if (measure == measureOf.end()) {
            ++fit.missingMeasure;
            continue;
        }
        if (!(numeral.at.offset < score.timeline.measures[measure->second].duration)) ++fit.beyondMeasure;
        if (onsets.count({measure->second, {numeral.at.offset.num(), numeral.at.offset.den()}}) != 0) {
            ++fit.onNoteOnset;
        }
    }
    const auto& first = analysis.timeline.measures.front();
    if (first.pickup) {
        const auto scorePickup = measureOf.find("0");
        fit.pickupAgrees =
            scorePickup != measureOf.end() && score.timeline.measures[scorePickup->second].duration == first.duration;
    }
    return fit;
}

TEST(RomanTextCorpusTest, AnalysesBesideTheirScoresFitThem) {
    if (!fs::is_directory(kCorpus)) GTEST_SKIP() << "no corpus at " << kCorpus;
    std::size_t analyses = 0;
    std::size_t aligned = 0;
    std::size_t withMissingMeasure = 0;
    std::size_t withBeyondMeasure = 0;
    std::size_t pickups = 0;
    std::size_t pickupsDisagreeing = 0;
    Fit total;
    for (const auto& entry : fs::recursive_directory_iterator{kCorpus}) {
        if (entry.path().filename() != "score.mxl") continue;
        SCOPED_TRACE(entry.path().string());
        const auto score = readScoreFile(entry.path());
        ASSERT_TRUE(score.ok()) << score.error().describe();
        for (const auto& sibling : fs::directory_iterator{entry.path().parent_path()}) {
            if (!isAnalysis(sibling.path())) continue;
            const auto read = readScoreFile(sibling.path());
            ASSERT_TRUE(read.ok()) << read.error().describe();
            const score::Score& analysis = read->imported.scores.at(0);
            const Fit fit = fitOf(analysis, score->imported.scores.at(0));
            ++analyses;
            total.numerals += fit.numerals;
            total.missingMeasure += fit.missingMeasure;
            total.beyondMeasure += fit.beyondMeasure;
            total.onNoteOnset += fit.onNoteOnset;
            withMissingMeasure += fit.missingMeasure > 0 ? 1 : 0;
            withBeyondMeasure += fit.beyondMeasure > 0 ? 1 : 0;
            aligned += fit.missingMeasure == 0 && fit.beyondMeasure == 0 ? 1 : 0;
            if (analysis.timeline.measures.front().pickup) {
                ++pickups;
                pickupsDisagreeing += fit.pickupAgrees ? 0 : 1;
            }
        }
    }
    std::printf(
        "RomanText over score.mxl: %zu analyses, %zu fit their score entirely; %zu name a measure label the "
        "score lacks (%zu numerals), %zu put a numeral beyond the score's measure (%zu numerals); %zu of "
        "%zu numerals fit. %zu of %zu pickups differ in length from the score's measure 0. %zu of the %zu "
        "numerals at a measure the score has start where a note of the score starts\n",
        analyses, aligned, withMissingMeasure, total.missingMeasure, withBeyondMeasure, total.beyondMeasure,
        total.numerals - total.missingMeasure - total.beyondMeasure, total.numerals, pickupsDisagreeing, pickups,
        total.onNoteOnset, total.numerals - total.missingMeasure);
    EXPECT_EQ(analyses, 436U);
    // Floors at what the reader achieves today: a change that misplaces numerals shows here.
    EXPECT_GE(aligned, 364U);
    EXPECT_LE(total.missingMeasure + total.beyondMeasure, 538U);
    // 99.4% today; the rest are chords over a held note or a rest, and slips in the analyses.
    EXPECT_GE(total.onNoteOnset * 1000, (total.numerals - total.missingMeasure) * 990);
}

}  // namespace
}  // namespace mos::formats
