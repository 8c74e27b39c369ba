// Set-class lookups as an analysis pass or a live display makes them: one per chord or window.
// Prime form and Forte name are one table lookup each (no allocation); the normal form is computed.
// Each loop walks all 4096 sets in turn, so no single entry stays hot.

#include <array>
#include <cstdint>

#include <benchmark/benchmark.h>

#include "mos/theory/PitchClassSet.hpp"

namespace {

using mos::theory::PitchClassSet;
using mos::theory::SetClass;

PitchClassSet nextSet(unsigned& mask) {
    mask = (mask + 1) & 0x0FFFU;
    return PitchClassSet::fromMask(static_cast<std::uint16_t>(mask));
}

void BM_PrimeForm(benchmark::State& state) {
    unsigned mask = 0;
    for (auto _ : state) benchmark::DoNotOptimize(nextSet(mask).primeForm());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PrimeForm);

void BM_ForteName(benchmark::State& state) {
    unsigned mask = 0;
    for (auto _ : state) benchmark::DoNotOptimize(nextSet(mask).forteName());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ForteName);

void BM_NormalForm(benchmark::State& state) {
    unsigned mask = 0;
    for (auto _ : state) benchmark::DoNotOptimize(nextSet(mask).normalForm());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalForm);

void BM_IntervalVector(benchmark::State& state) {
    unsigned mask = 0;
    for (auto _ : state) benchmark::DoNotOptimize(nextSet(mask).intervalVector());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IntervalVector);

void BM_ParseForteName(benchmark::State& state) {
    const std::array<const char*, 6> names{"3-11", "4-Z15", "6-Z44", "7-35", "8-28", "5-20"};
    std::size_t next = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(SetClass::parse(names[next]));
        next = next + 1 == names.size() ? 0 : next + 1;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseForteName);

}  // namespace
