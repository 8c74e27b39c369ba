// Harmonic analysis on real music no one here wrote: the 201 textbook examples of the When-in-Rome
// corpus (../shared/corpora/romantext/Textbooks, small enough for every test run), each analysed
// from its score and compared with its human RomanText analysis, numeral by numeral: the chord
// MOS finds where the analyst writes a numeral must have the analyst's root (and quality). The
// floors lie a little below what this test measured, so a change that makes the analysis worse
// fails; bench/eval/mos_eval_roman measures all 436 scores beat by beat.

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "mos/analysis/HarmonicAnalysis.hpp"
#include "mos/formats/ScoreFile.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::analysis {
namespace {

namespace fs = std::filesystem;

const fs::path kTextbooks = fs::path{MOS_SHARED_DIR} / "corpora" / "romantext" / "Textbooks";

struct Agreement {
    std::size_t numerals = 0;
    std::size_t root = 0;
    std::size_t quality = 0;
};

// The chord of `analysis` sounding at the analyst's numeral, matched by printed measure number.
const AnalyzedChord* chordAt(const HarmonicAnalysis& analysis, const score::Score& piece,
                             const std::vector<core::Rational>& starts, const std::string& measureNumber,
                             const core::Rational& offset) {
    const auto& measures = piece.timeline.measures;
    const auto measure = std::find_if(measures.begin(), measures.end(),
                                      [&](const score::Measure& m) { return m.number == measureNumber; });
    if (measure == measures.end()) return nullptr;
    const core::Rational time = starts[static_cast<std::size_t>(measure - measures.begin())] + offset;
    const AnalyzedChord* found = nullptr;
    for (const AnalyzedChord& chord : analysis.chords) {
        if (chord.start <= time) found = &chord;
    }
    return found != nullptr && time < found->end ? found : nullptr;
}

void compare(const score::Score& piece, const score::Score& analysed, Agreement& agreement) {
    const HarmonicAnalysis analysis = analyzeHarmony(piece);
    const std::vector<core::Rational> starts = score::measureStarts(piece.timeline);
    for (const score::RomanNumeral& written : analysed.layers.analysis.numerals) {
        const auto key = theory::Key::parse(written.key);
        const auto numeral = theory::RomanNumeral::parse(written.numeral);
        if (!key || !numeral) continue;
        const std::string& measureNumber = analysed.timeline.measures[written.at.measure].number;
        const AnalyzedChord* chord = chordAt(analysis, piece, starts, measureNumber, written.at.offset);
        ++agreement.numerals;
        if (chord == nullptr || !chord->numeral) continue;
        const theory::RomanChord expected = numeral->toChord(*key);
        const theory::RomanChord found = chord->numeral->toChord(chord->key);
        if (expected.rootPitchClass() == found.rootPitchClass()) ++agreement.root;
        if (expected.quality == found.quality) ++agreement.quality;
    }
}

TEST(HarmonicAnalysisCorpusTest, TextbookExamplesGetTheAnalystsChords) {
    ASSERT_TRUE(fs::exists(kTextbooks)) << kTextbooks << " is missing";
    std::vector<fs::path> scores;
    for (const auto& entry : fs::recursive_directory_iterator(kTextbooks)) {
        if (entry.path().filename() == "score.mxl" && fs::exists(entry.path().parent_path() / "analysis.rntxt")) {
            scores.push_back(entry.path());
        }
    }
    std::sort(scores.begin(), scores.end());
    ASSERT_EQ(scores.size(), 201U);
    Agreement agreement;
    for (const fs::path& path : scores) {
        const auto piece = formats::readScoreFile(path);
        const auto analysed = formats::readScoreFile(path.parent_path() / "analysis.rntxt");
        ASSERT_TRUE(piece) << piece.error().describe();
        ASSERT_TRUE(analysed) << analysed.error().describe();
        ASSERT_FALSE(piece->imported.scores.empty()) << path;
        ASSERT_FALSE(analysed->imported.scores.empty()) << path;
        compare(piece->imported.scores.front(), analysed->imported.scores.front(), agreement);
    }
    const auto percent = [&](std::size_t count) {
        return 100.0 * static_cast<double>(count) / static_cast<double>(agreement.numerals);
    };
    std::printf("textbooks: %zu numerals, root %.1f%%, quality %.1f%%\n", agreement.numerals, percent(agreement.root),
                percent(agreement.quality));
    // Measured: 1,466 numerals, root 90.2%, quality 84.3%.
    EXPECT_GE(agreement.numerals, 1400U);
    EXPECT_GE(percent(agreement.root), 88.0);
    EXPECT_GE(percent(agreement.quality), 82.0);
}

}  // namespace
}  // namespace mos::analysis
