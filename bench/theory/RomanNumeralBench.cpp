// Roman numerals as harmonic analysis uses them: reading one per harmonic region (fromChord, no
// hard goal, but a piece has hundreds of regions), and parsing and spelling RomanText numerals
// (an analysis file has thousands).

#include <array>
#include <cstddef>
#include <vector>

#include <benchmark/benchmark.h>

#include "mos/theory/RomanNumeral.hpp"

namespace {

using mos::theory::Key;
using mos::theory::NoteName;
using mos::theory::RomanNumeral;

// The chords of a classical phrase, spelled bass first, in C major: diatonic, applied, borrowed,
// the Neapolitan, an augmented sixth, a chromatic chord that only the last candidates read.
std::vector<std::vector<NoteName>> phrase() {
    std::vector<std::vector<NoteName>> chords;
    for (const char* numeral : {"I", "vi6", "ii65", "V7", "I6", "V65/V", "viio7/vi", "iv6", "bVI", "N6", "Ger65",
                                "Cad64", "V7[no5][add6]", "I[add9]", "#IV", "bIId7"}) {
        chords.push_back(RomanNumeral::parse(numeral)->toChord(*Key::parse("C")).notes);
    }
    return chords;
}

void BM_RomanFromChord(benchmark::State& state) {
    const auto chords = phrase();
    const Key key = *Key::parse("C");
    std::size_t next = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(RomanNumeral::fromChord(chords[next], key));
        next = next + 1 == chords.size() ? 0 : next + 1;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RomanFromChord);

// The most expensive reading: a chord no earlier candidate accounts for.
void BM_RomanFromChordAnyRoot(benchmark::State& state) {
    const auto chord = RomanNumeral::parse("bIId7")->toChord(*Key::parse("C")).notes;
    const Key key = *Key::parse("C");
    for (auto _ : state) benchmark::DoNotOptimize(RomanNumeral::fromChord(chord, key));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RomanFromChordAnyRoot);

void BM_RomanParseAndSpell(benchmark::State& state) {
    const std::array<const char*, 8> numerals{"V65/V",         "viio7", "bVI",   "Ger65",
                                              "V7[no5][add6]", "iiø65", "Cad64", "#viio42/ii"};
    const Key key = *Key::parse("f#");
    std::size_t next = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(RomanNumeral::parse(numerals[next])->toChord(key));
        next = next + 1 == numerals.size() ? 0 : next + 1;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RomanParseAndSpell);

}  // namespace
