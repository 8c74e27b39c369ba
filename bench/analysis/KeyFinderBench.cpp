// Key finding on one long score, read once: the second movement of Beethoven's string quartet
// op. 59 no. 1 from the When-in-Rome corpus (four parts, several hundred measures, modulating).
// Measures the passes separately: flattening into sounding notes, measure windows with bass and
// accent weights, and the whole KeyFinder::analyze (global key and Viterbi regions, notes
// flattened inside the loop) with the default options, with the folk modes added, and as the
// textbook Krumhansl-Schmuckler finder.

#include <filesystem>
#include <string>

#include <benchmark/benchmark.h>

#include "mos/analysis/KeyFinder.hpp"
#include "mos/analysis/PitchClassWindows.hpp"
#include "mos/analysis/SoundingNotes.hpp"
#include "mos/formats/ScoreFile.hpp"

namespace {

using mos::analysis::KeyFinder;
using mos::analysis::KeyFinderOptions;

constexpr const char* kLongScore = "corpora/romantext/Quartets/Beethoven,_Ludwig_van/Op059_No1/2/score.mxl";
constexpr const char* kMissing = "the Beethoven quartet score is missing from ../shared/corpora/romantext";

const mos::score::Score* longScore() {
    static const auto read = mos::formats::readScoreFile(std::filesystem::path{MOS_SHARED_DIR} / kLongScore);
    return read && !read->imported.scores.empty() ? &read->imported.scores.front() : nullptr;
}

void setCounters(benchmark::State& state, const mos::score::Score& score, std::size_t notes) {
    state.counters["measures"] = static_cast<double>(score.timeline.measures.size());
    state.counters["notes"] = static_cast<double>(notes);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(notes));
}

void BM_SoundingNotes(benchmark::State& state) {
    const auto* score = longScore();
    if (!score) return state.SkipWithError(kMissing);
    std::size_t notes = 0;
    for (auto _ : state) {
        const auto flat = mos::analysis::soundingNotes(*score);
        notes = flat.size();
        benchmark::DoNotOptimize(flat.data());
    }
    setCounters(state, *score, notes);
}

void BM_MeasureWindows(benchmark::State& state) {
    const auto* score = longScore();
    if (!score) return state.SkipWithError(kMissing);
    const auto notes = mos::analysis::soundingNotes(*score);
    const mos::analysis::WindowOptions options{.bassWeight = 1.0, .accentWeight = 1.0};
    for (auto _ : state) {
        const auto windows = mos::analysis::measureWindows(*score, notes, options);
        benchmark::DoNotOptimize(windows.data());
    }
    setCounters(state, *score, notes.size());
}

void analyzeWith(benchmark::State& state, const KeyFinderOptions& options) {
    const auto* score = longScore();
    if (!score) return state.SkipWithError(kMissing);
    const KeyFinder finder{options};
    std::size_t notes = 0;
    for (auto _ : state) {
        const auto flat = mos::analysis::soundingNotes(*score);
        const auto keys = finder.analyze(*score, flat);
        notes = flat.size();
        benchmark::DoNotOptimize(keys.regions.data());
    }
    setCounters(state, *score, notes);
}

void BM_KeyFinderDefault(benchmark::State& state) { analyzeWith(state, {}); }

void BM_KeyFinderWithFolkModes(benchmark::State& state) {
    KeyFinderOptions options;
    options.modes = {mos::theory::Mode::Major, mos::theory::Mode::Minor, mos::theory::Mode::Dorian,
                     mos::theory::Mode::Mixolydian};
    analyzeWith(state, options);
}

void BM_KeyFinderKrumhanslSchmuckler(benchmark::State& state) {
    analyzeWith(state, KeyFinderOptions::krumhanslSchmuckler());
}

BENCHMARK(BM_SoundingNotes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MeasureWindows)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_KeyFinderDefault)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_KeyFinderWithFolkModes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_KeyFinderKrumhanslSchmuckler)->Unit(benchmark::kMicrosecond);

}  // namespace
