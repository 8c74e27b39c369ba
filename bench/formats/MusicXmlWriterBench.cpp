// MusicXML export throughput in MB of MusicXML written per second: a large generated orchestral
// score (16 parts x 1000 measures, chords, beams, slurs, lyrics, dynamics, chord symbols), the same
// compressed to .mxl, and every file of the MusicXML corpus (read once, written each iteration).

#include <cstdint>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "BenchCorpus.hpp"
#include "mos/formats/MusicXmlWriter.hpp"

namespace {

using mos::core::Rational;
namespace score = mos::score;

constexpr int kParts = 16;
constexpr std::uint32_t kMeasures = 1000;

// Eight eighths a measure in every part, every other one a triad, beamed in fours, a slur over
// each measure; the first part also has lyrics, chord symbols and dynamics.
score::Score largeScore() {
    score::Score generated;
    generated.metadata.title = "Benchmark Symphony";
    generated.metadata.composer = "MOS";
    for (std::uint32_t m = 0; m < kMeasures; ++m) {
        score::Measure measure;
        measure.number = std::to_string(m + 1);
        measure.duration = Rational{1};
        if (m == 0) {
            measure.time = score::TimeSignature{};
            measure.keys.push_back({Rational{0}, {-2, score::Mode::Major, {}}});
            measure.tempos.push_back({Rational{0}, Rational{1, 4}, Rational{96}, "Allegro"});
        }
        generated.timeline.measures.push_back(measure);
    }
    for (int p = 0; p < kParts; ++p) {
        score::Part part;
        part.id = "P" + std::to_string(p + 1);
        part.name = "Part " + std::to_string(p + 1);
        part.instrument = {"Strings", 48, false, static_cast<std::uint8_t>(p % 16 + 1)};
        generated.layers.notation.clefs.push_back({part.id, 1, {0, Rational{0}}, score::Clef::Sign::G, 2, 0});
        for (std::uint32_t m = 0; m < kMeasures; ++m) {
            std::vector<score::ElementId> beam;
            for (int i = 0; i < 8; ++i) {
                score::Event event;
                event.id = generated.newId();
                event.measure = m;
                event.offset = Rational{i, 8};
                event.duration = Rational{1, 8};
                const int chordSize = i % 2 == 0 ? 3 : 1;
                for (int n = 0; n < chordSize; ++n) {
                    score::Note note;
                    note.id = generated.newId();
                    note.pitch = score::Pitch::fromMidi(60 + (p * 3 + i + 4 * n) % 24, -2);
                    event.notes.push_back(note);
                }
                if (i == 0) event.articulations.push_back(score::Articulation::Accent);
                beam.push_back(event.id);
                if (p == 0) {
                    generated.layers.lyrics.push_back(
                        {event.id, 1, "la", score::LyricSyllable::Syllabic::Single, false});
                }
                part.events.push_back(std::move(event));
                if (beam.size() == 4) {
                    generated.layers.notation.beams.push_back({part.id, beam});
                    beam.clear();
                }
            }
            const auto& events = part.events;
            generated.layers.notation.slurs.push_back({part.id, events[events.size() - 8].id, events.back().id});
            if (m % 8 == 0) part.dynamics.push_back({{m, Rational{0}}, 1, m % 16 == 0 ? "p" : "f", 0});
        }
        generated.parts.push_back(std::move(part));
    }
    for (std::uint32_t m = 0; m < kMeasures; ++m) {
        generated.layers.chords.push_back({{m, Rational{0}}, "P1", m % 2 == 0 ? "Bb" : "F7/A"});
        generated.layers.chords.push_back({{m, Rational{1, 2}}, "P1", "Gm7"});
    }
    return generated;
}

void reportBytes(benchmark::State& state, std::int64_t bytesPerIteration) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * bytesPerIteration);
}

void BM_WriteLargeScore(benchmark::State& state) {
    const score::Score source = largeScore();
    std::int64_t bytes = 0;
    for (auto _ : state) {
        const std::string xml = mos::formats::writeMusicXml(source);
        bytes = static_cast<std::int64_t>(xml.size());
        benchmark::DoNotOptimize(xml.data());
    }
    reportBytes(state, bytes);
    state.counters["measures_per_s"] =
        benchmark::Counter(static_cast<double>(kMeasures) * kParts, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_WriteLargeScore)->Unit(benchmark::kMillisecond);

// Throughput counts the uncompressed MusicXML inside the archive.
void BM_WriteLargeScoreCompressed(benchmark::State& state) {
    const score::Score source = largeScore();
    const auto bytes = static_cast<std::int64_t>(mos::formats::writeMusicXml(source).size());
    for (auto _ : state) {
        const auto mxl = mos::formats::writeCompressedMusicXml(source);
        if (!mxl) {
            state.SkipWithError(mxl.error().describe().c_str());
            return;
        }
        benchmark::DoNotOptimize(mxl->data());
    }
    reportBytes(state, bytes);
}
BENCHMARK(BM_WriteLargeScoreCompressed)->Unit(benchmark::kMillisecond);

void BM_WriteCorpus(benchmark::State& state) {
    const std::vector<score::Score> scores =
        mos::bench::corpusScores(mos::bench::corpusFiles("musicxml", {".musicxml", ".xml", ".mxl"}));
    if (scores.empty()) {
        state.SkipWithError("no MusicXML corpus");
        return;
    }
    std::int64_t bytes = 0;
    for (auto _ : state) {
        bytes = 0;
        for (const score::Score& source : scores) {
            const std::string xml = mos::formats::writeMusicXml(source);
            bytes += static_cast<std::int64_t>(xml.size());
            benchmark::DoNotOptimize(xml.data());
        }
    }
    reportBytes(state, bytes);
    state.counters["files"] = static_cast<double>(scores.size());
}
BENCHMARK(BM_WriteCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
