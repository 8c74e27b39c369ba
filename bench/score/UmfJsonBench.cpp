// UMF JSON throughput on a 1,000-measure orchestral score (OrchestralScore.hpp), from memory. The
// issue's goal — load such a score and open it in the store in under 100 ms — leaves the read
// about half of that.
//
// The parse-only benchmarks are the evidence for the JSON library choice (ARCHITECTURE.md: one
// library, chosen by benchmark): simdjson's DOM against nlohmann-json's DOM and SAX parsers on the
// same text, before any UMF conversion. simdjson won, so MOS reads all its JSON with it and writes
// with its own core::JsonWriter; this benchmark is the one place that still builds nlohmann-json,
// to keep the comparison repeatable.
//
//   cmake --preset release && cmake --build build/release --target mos_score_bench
//   build/release/bench/score/mos_score_bench

#include <cstdint>
#include <string>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "OrchestralScore.hpp"
#include "mos/score/ContentId.hpp"
#include "mos/score/UmfJson.hpp"

namespace {

using mos::score::Score;
using mos::score::UmfStyle;

constexpr std::uint32_t kMeasures = 1000;

const Score& orchestra() {
    static const Score score = mos::score::bench::orchestralScore(kMeasures);
    return score;
}

const std::string& orchestraJson(UmfStyle style) {
    static const std::string compact = mos::score::writeUmf(orchestra(), UmfStyle::Compact);
    static const std::string pretty = mos::score::writeUmf(orchestra(), UmfStyle::Pretty);
    return style == UmfStyle::Compact ? compact : pretty;
}

void addCounters(benchmark::State& state, std::size_t bytes) {
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
    std::size_t events = 0;
    for (const auto& part : orchestra().parts) events += part.events.size();
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
    state.counters["events"] = static_cast<double>(events);
}

void BM_ReadUmf(benchmark::State& state, UmfStyle style) {
    const std::string& json = orchestraJson(style);
    for (auto _ : state) {
        auto score = mos::score::readUmf(json, "orchestra.umf.json");
        if (!score) state.SkipWithError(score.error().describe().c_str());
        benchmark::DoNotOptimize(score);
    }
    addCounters(state, json.size());
}
BENCHMARK_CAPTURE(BM_ReadUmf, compact, UmfStyle::Compact)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadUmf, pretty, UmfStyle::Pretty)->Unit(benchmark::kMillisecond);

void BM_WriteUmf(benchmark::State& state, UmfStyle style) {
    const Score& score = orchestra();
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string json = mos::score::writeUmf(score, style);
        bytes = json.size();
        benchmark::DoNotOptimize(json.data());
    }
    addCounters(state, bytes);
}
BENCHMARK_CAPTURE(BM_WriteUmf, compact, UmfStyle::Compact)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WriteUmf, pretty, UmfStyle::Pretty)->Unit(benchmark::kMillisecond);

void BM_ContentId(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(mos::score::contentId(orchestra()));
    addCounters(state, orchestraJson(UmfStyle::Compact).size());
}
BENCHMARK(BM_ContentId)->Unit(benchmark::kMillisecond);

// Parsing alone, no UMF conversion: the JSON library choice.
void BM_ParseOnlySimdjsonDom(benchmark::State& state) {
    const std::string& json = orchestraJson(UmfStyle::Compact);
    for (auto _ : state) {
        simdjson::dom::parser parser;
        simdjson::dom::element root;
        if (parser.parse(json).get(root) != simdjson::SUCCESS) state.SkipWithError("simdjson failed");
        benchmark::DoNotOptimize(root);
    }
    addCounters(state, json.size());
}
BENCHMARK(BM_ParseOnlySimdjsonDom)->Unit(benchmark::kMillisecond);

void BM_ParseOnlyNlohmannDom(benchmark::State& state) {
    const std::string& json = orchestraJson(UmfStyle::Compact);
    for (auto _ : state) {
        auto document = nlohmann::json::parse(json);
        benchmark::DoNotOptimize(document);
    }
    addCounters(state, json.size());
}
BENCHMARK(BM_ParseOnlyNlohmannDom)->Unit(benchmark::kMillisecond);

// nlohmann's parser building nothing (accept() runs it with a SAX handler that keeps nothing): the
// floor under any nlohmann-based reader.
void BM_ParseOnlyNlohmannAccept(benchmark::State& state) {
    const std::string& json = orchestraJson(UmfStyle::Compact);
    for (auto _ : state) benchmark::DoNotOptimize(nlohmann::json::accept(json));
    addCounters(state, json.size());
}
BENCHMARK(BM_ParseOnlyNlohmannAccept)->Unit(benchmark::kMillisecond);

}  // namespace
