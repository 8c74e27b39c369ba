// Offline render speed with the fallback synth: real scores from ../shared/corpora (a piano
// prelude, and an orchestral score for many voices at once) played through the player and
// audio::Engine in 512-frame blocks at 48 kHz, as `mos render` does, without the file writing.
// x_realtime is seconds of audio rendered per second of CPU time.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "mos/audio/Engine.hpp"
#include "mos/audio/FallbackSynth.hpp"
#include "mos/formats/ScoreFile.hpp"
#include "mos/transport/Player.hpp"

namespace mos::transport {
namespace {

constexpr core::SampleRate kRate{48000};
constexpr std::uint32_t kBlockFrames = 512;

void BM_RenderCorpusScore(benchmark::State& state, const std::string& file) {
    const auto read = formats::readScoreFile(std::filesystem::path{MOS_SHARED_DIR} / "corpora/musicxml" / file);
    if (!read || read->imported.scores.empty()) {
        state.SkipWithError(("cannot read " + file).c_str());
        return;
    }
    auto program = std::make_unique<Program>(compile(read->imported.scores.front(), {.sampleRate = kRate}));
    const std::int64_t frames = program->endSample();
    const std::size_t notes = program->notes().size();
    Player player;
    player.publish(std::move(program));
    audio::FallbackSynth synth;
    audio::Engine engine{player, synth, {.sampleRate = kRate, .maxBlockFrames = kBlockFrames}};
    std::vector<float> left(kBlockFrames);
    std::vector<float> right(kBlockFrames);
    for (auto _ : state) {
        player.seek(core::Rational{0});
        player.play();
        for (std::int64_t done = 0; done < frames; done += kBlockFrames) {
            const auto block = static_cast<std::uint32_t>(std::min<std::int64_t>(kBlockFrames, frames - done));
            engine.process(left.data(), right.data(), block);
            benchmark::DoNotOptimize(left.data());
        }
    }
    const double audioSeconds = static_cast<double>(frames) / kRate.value;
    state.counters["x_realtime"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * audioSeconds, benchmark::Counter::kIsRate);
    state.counters["audio_s"] = audioSeconds;
    state.counters["notes"] = static_cast<double>(notes);
}
BENCHMARK_CAPTURE(BM_RenderCorpusScore, bach_prelude, std::string{"JohannSebastianBach_PraeludiumInCDur_BWV846_1.xml"})
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RenderCorpusScore, actor_prelude_orchestra, std::string{"ActorPreludeSample.xml"})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mos::transport
