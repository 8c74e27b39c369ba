// Key finding on real music no one here wrote: every tune of the Nottingham ABC collection
// against its K: field, with floors a little below what bench/eval/mos_eval_keys measured, so a
// change that makes the finder worse fails; and every MusicXML score of the corpus, for regions
// that cover the score and notes in time order.

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "mos/analysis/KeyFinder.hpp"
#include "mos/formats/ScoreFile.hpp"

namespace mos::analysis {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpora = fs::path{MOS_SHARED_DIR} / "corpora";

std::vector<fs::path> filesIn(const fs::path& folder, const std::vector<std::string>& extensions) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        for (const std::string& extension : extensions) {
            if (entry.path().extension() == extension) files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

bool sameKey(const theory::Key& a, const theory::Key& b) {
    return a.tonic.pitchClass() == b.tonic.pitchClass() && a.mode == b.mode;
}

TEST(KeyFinderCorpusTest, NottinghamTunesAreInTheirWrittenKey) {
    const fs::path folder = kCorpora / "abc-nottingham";
    if (!fs::exists(folder)) GTEST_SKIP() << folder << " is missing";
    KeyFinderOptions signatureOptions;
    signatureOptions.signatureWeight = 1;
    KeyFinderOptions noChordOptions;
    noChordOptions.chordWeight = 0;
    noChordOptions.firstChordWeight = 0;
    const KeyFinder finder;
    const KeyFinder withSignature{signatureOptions};
    const KeyFinder withoutChords{noChordOptions};
    const KeyFinder textbook{KeyFinderOptions::krumhanslSchmuckler()};
    int tunes = 0;
    int exact = 0;
    int exactWithSignature = 0;
    int exactWithoutChords = 0;
    int exactTextbook = 0;
    int measures = 0;
    int measuresInKey = 0;
    for (const fs::path& path : filesIn(folder, {".abc"})) {
        const auto read = formats::readScoreFile(path);
        ASSERT_TRUE(read) << read.error().describe();
        for (const score::Score& score : read->imported.scores) {
            ASSERT_FALSE(score.timeline.measures.empty()) << path << ": " << score.metadata.title;
            const auto signature = score::keyAt(score.timeline, {});
            const theory::Key written = theory::Key::fromSignature(signature.fifths, signature.mode);
            const auto notes = soundingNotes(score);
            const KeyAnalysis keys = finder.analyze(score, notes);
            ++tunes;
            exact += sameKey(keys.global.key, written) ? 1 : 0;
            exactWithSignature += sameKey(withSignature.rankKeys(score, notes).front().key, written) ? 1 : 0;
            exactWithoutChords += sameKey(withoutChords.rankKeys(score, notes).front().key, written) ? 1 : 0;
            exactTextbook += sameKey(textbook.rankKeys(score, notes).front().key, written) ? 1 : 0;
            for (const KeyRegion& region : keys.regions) {
                const std::uint32_t end = &region == &keys.regions.back() ? region.end.measure + 1 : region.end.measure;
                for (std::uint32_t m = region.start.measure; m < end; ++m) {
                    const auto inForce = score::keyAt(score.timeline, {m, {}});
                    ++measures;
                    measuresInKey += sameKey(region.key, theory::Key::fromSignature(inForce.fifths, inForce.mode));
                }
            }
        }
    }
    // Measured (bench/eval/README.md): 948 tunes; 94.4% exact from the music, 90.6% with the
    // chord symbols ignored too, 98.2% with the signature, 79.9% for the textbook finder; 91.6%
    // of measures in the written key.
    EXPECT_EQ(tunes, 948);
    EXPECT_GE(exact, tunes * 93 / 100);
    EXPECT_GE(exactWithoutChords, tunes * 89 / 100);
    EXPECT_GE(exactWithSignature, tunes * 97 / 100);
    EXPECT_GE(exactTextbook, tunes * 78 / 100);
    EXPECT_GE(measuresInKey, measures * 90 / 100);
}

TEST(KeyFinderCorpusTest, EveryMusicXmlScoreGetsRegionsThatCoverIt) {
    const fs::path folder = kCorpora / "musicxml";
    if (!fs::exists(folder)) GTEST_SKIP() << folder << " is missing";
    const KeyFinder finder;
    int scores = 0;
    for (const fs::path& path : filesIn(folder, {".musicxml", ".xml", ".mxl"})) {
        const auto read = formats::readScoreFile(path);
        if (!read) continue;  // the formats tests account for the files that do not read
        for (const score::Score& score : read->imported.scores) {
            ++scores;
            const auto notes = soundingNotes(score);
            for (std::size_t i = 1; i < notes.size(); ++i) {
                ASSERT_LE(notes[i - 1].onset, notes[i].onset) << path;
                ASSERT_LT(notes[i].at.measure, score.timeline.measures.size()) << path;
            }
            const KeyAnalysis keys = finder.analyze(score, notes);
            if (score.timeline.measures.empty()) {
                EXPECT_TRUE(keys.regions.empty()) << path;
                continue;
            }
            ASSERT_FALSE(keys.regions.empty()) << path;
            EXPECT_EQ(keys.regions.front().start, (score::ScorePosition{0, 0})) << path;
            for (std::size_t r = 1; r < keys.regions.size(); ++r) {
                EXPECT_EQ(keys.regions[r].start, keys.regions[r - 1].end) << path;
                EXPECT_NE(keys.regions[r].key, keys.regions[r - 1].key) << path;
            }
            EXPECT_EQ(keys.regions.back().end.measure, score.timeline.measures.size() - 1) << path;
            for (const KeyRegion& region : keys.regions) {
                EXPECT_GT(region.confidence, 0.0) << path;
                EXPECT_LE(region.confidence, 1.0 + 1e-9) << path;
            }
        }
    }
    EXPECT_GT(scores, 150);
}

}  // namespace
}  // namespace mos::analysis
