// Chord naming as a live player needs it: one call per chord played. The goal is at most 1 µs per
// call (issue 4). The chords are the voicings of a jazz chart: triads, sevenths, extended and
// altered dominants, slash chords, spelled from their symbols.

#include <array>
#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "mos/theory/ChordNaming.hpp"

namespace {

using mos::theory::ChordCandidate;
using mos::theory::ChordSymbol;

struct Voicing {
    std::uint16_t pitchClasses = 0;
    int bass = 0;
};

std::vector<Voicing> voicings() {
    std::vector<Voicing> chords;
    for (const char* text :
         {"C",   "Am",       "Dm7",  "G7",     "Cmaj7",    "F#m7b5", "B7b9",  "Em",  "A7#5#9", "Dm9",
          "G13", "Cmaj9#11", "Ebo7", "Bb7sus", "Abmaj7/C", "C6",     "Am7/G", "F69", "E7alt",  "Gm(maj7)"}) {
        const ChordSymbol chord = *ChordSymbol::parse(text);
        chords.push_back({chord.pitchClasses(), chord.bassPitchClass()});
    }
    return chords;
}

void BM_NameChord(benchmark::State& state) {
    const auto chords = voicings();
    std::array<ChordCandidate, 5> out{};
    std::size_t next = 0;
    for (auto _ : state) {
        const Voicing& chord = chords[next];
        next = next + 1 == chords.size() ? 0 : next + 1;
        benchmark::DoNotOptimize(mos::theory::nameChord(chord.pitchClasses, chord.bass, std::nullopt, out));
        benchmark::DoNotOptimize(out);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NameChord);

void BM_NameChordInKey(benchmark::State& state) {
    const auto chords = voicings();
    const auto key = mos::theory::Key::parse("Bb major");
    std::array<ChordCandidate, 5> out{};
    std::size_t next = 0;
    for (auto _ : state) {
        const Voicing& chord = chords[next];
        next = next + 1 == chords.size() ? 0 : next + 1;
        benchmark::DoNotOptimize(mos::theory::nameChord(chord.pitchClasses, chord.bass, key, out));
        benchmark::DoNotOptimize(out);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NameChordInKey);

void BM_ParseChordSymbol(benchmark::State& state) {
    const std::array<const char*, 6> symbols{"C7b9/E", "Bbmaj9#11", "F#m7b5", "Eb-\u03947", "G13sus", "A6/9"};
    std::size_t next = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(ChordSymbol::parse(symbols[next]));
        next = next + 1 == symbols.size() ? 0 : next + 1;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseChordSymbol);

}  // namespace
