// Voice leading as jam and practice use it: one call per chord change, the previous voicing in,
// the next one out, in four and five voices over a jazz progression with extended and altered
// chords (so tones must be dropped) and slash chords. The mask overload is the real-time path.

#include <array>
#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "mos/theory/VoiceLeading.hpp"

namespace {

using mos::theory::ChordSymbol;

struct Chord {
    std::uint16_t pitchClasses = 0;
    int bass = 0;
};

std::vector<Chord> progression() {
    std::vector<Chord> chords;
    for (const char* text : {"Dm9", "G13",  "Cmaj7", "A7b9",   "Dm7",  "G7alt", "Cmaj9", "C7/E",     "Fmaj7", "Fm6",
                             "Em7", "A7#5", "Dm7",   "Db7#11", "C6/9", "Bm7b5", "E7b9",  "Am(maj7)", "D9",    "Ab7"}) {
        const ChordSymbol chord = *ChordSymbol::parse(text);
        chords.push_back({chord.pitchClasses(), chord.bassPitchClass()});
    }
    return chords;
}

template <std::size_t Voices>
void voiceLead(benchmark::State& state, std::array<int, Voices> voicing, bool bassInLowestVoice) {
    const auto chords = progression();
    mos::theory::VoicingOptions options;
    options.lowestNote = 36;
    options.highestNote = 84;
    options.bassInLowestVoice = bassInLowestVoice;
    std::array<int, Voices> next{};
    std::size_t at = 0;
    for (auto _ : state) {
        const Chord& chord = chords[at];
        at = at + 1 == chords.size() ? 0 : at + 1;
        if (mos::theory::nextVoicing(voicing, chord.pitchClasses, chord.bass, next, options) == Voices) voicing = next;
        benchmark::DoNotOptimize(voicing);
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_NextVoicing4(benchmark::State& state) { voiceLead<4>(state, {50, 53, 57, 60}, false); }
BENCHMARK(BM_NextVoicing4);

void BM_NextVoicing5(benchmark::State& state) { voiceLead<5>(state, {50, 53, 57, 60, 64}, false); }
BENCHMARK(BM_NextVoicing5);

void BM_NextVoicing4WithBass(benchmark::State& state) { voiceLead<4>(state, {38, 53, 57, 60}, true); }
BENCHMARK(BM_NextVoicing4WithBass);

void BM_NextVoicing5WithBass(benchmark::State& state) { voiceLead<5>(state, {38, 53, 57, 60, 64}, true); }
BENCHMARK(BM_NextVoicing5WithBass);

// The worst case known: ten voices over all twelve pitch classes, ten of which must sound once
// each, from a voicing of whole tones; the search uses up its step budget, so this is the bound.
void BM_NextVoicing10Chromatic(benchmark::State& state) {
    const std::array<int, 10> previous{38, 42, 46, 50, 54, 58, 62, 66, 70, 74};
    std::array<int, 10> next{};
    for (auto _ : state) {
        benchmark::DoNotOptimize(mos::theory::nextVoicing(previous, 0x0FFF, 0, next));
        benchmark::DoNotOptimize(next);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NextVoicing10Chromatic);

void BM_VoiceLeadingDistance(benchmark::State& state) {
    const std::array<int, 5> from{50, 53, 57, 60, 64};
    const std::array<int, 5> to{49, 53, 55, 59, 64};
    for (auto _ : state) benchmark::DoNotOptimize(mos::theory::voiceLeadingDistance(from, to));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VoiceLeadingDistance);

}  // namespace
