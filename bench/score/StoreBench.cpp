// score::Store on a 1,000-measure orchestral score (20 parts, a few notes per part per measure,
// chords, triplets, a chord symbol per measure): opening it, the first edit (which builds the id
// index), one-note inserts, undo, an id-addressed delete, inserting a measure (everything after it
// moves) and a snapshot (a full copy). The goal: loading such a score and opening it in the
// store under 100 ms, with opening a small part of it.
//
// Timed with manual time so only the operation counts, not the setup or clean-up around it; the
// iteration counts are fixed because that setup (a copy of the score, an undo) costs far more than
// the operations timed.

#include <chrono>
#include <utility>

#include <benchmark/benchmark.h>

#include "mos/score/Store.hpp"

namespace mos::score {
namespace {

using core::Rational;
using Clock = std::chrono::steady_clock;

constexpr std::uint32_t kMeasures = 1000;
constexpr int kParts = 20;

Note note(Score& score, int midi) { return Note{.id = score.newId(), .pitch = Pitch::fromMidi(midi)}; }

Event event(Score& score, std::uint32_t measure, Rational offset, Rational duration) {
    return Event{.id = score.newId(), .measure = measure, .offset = offset, .duration = duration};
}

// One measure of one part: quarters (the strings double-stop), a three-note chord, or a triplet
// figure, varied by part and measure.
void fillMeasure(Score& score, Part& part, int partIndex, std::uint32_t measure) {
    const int base = 48 + (partIndex * 7) % 30;
    switch ((measure + static_cast<std::uint32_t>(partIndex)) % 4) {
        case 0:
        case 1:
            for (int beat = 0; beat < 4; ++beat) {
                Event quarter = event(score, measure, Rational{beat, 4}, Rational{1, 4});
                quarter.notes.push_back(note(score, base + beat * 2));
                if (partIndex >= 12) quarter.notes.push_back(note(score, base + beat * 2 + 4));
                part.events.push_back(std::move(quarter));
            }
            break;
        case 2: {
            Event chord = event(score, measure, Rational{}, Rational{1, 2});
            for (int interval : {0, 4, 7}) chord.notes.push_back(note(score, base + interval));
            part.events.push_back(std::move(chord));
            Event half = event(score, measure, Rational{1, 2}, Rational{1, 2});
            half.notes.push_back(note(score, base + 5));
            part.events.push_back(std::move(half));
            break;
        }
        default:
            for (int i = 0; i < 3; ++i) {
                Event triplet = event(score, measure, Rational{i, 12}, Rational{1, 12});
                triplet.tuplets.push_back(Tuplet{3, 2, i == 0, i == 2});
                triplet.notes.push_back(note(score, base + i));
                part.events.push_back(std::move(triplet));
            }
            Event rest = event(score, measure, Rational{1, 4}, Rational{1, 4});
            part.events.push_back(std::move(rest));
            Event half = event(score, measure, Rational{1, 2}, Rational{1, 2});
            half.notes.push_back(note(score, base + 12));
            part.events.push_back(std::move(half));
            break;
    }
}

const Score& orchestralScore() {
    static const Score built = [] {
        Score score;
        score.metadata.title = "Benchmark Symphony";
        for (std::uint32_t m = 0; m < kMeasures; ++m) {
            Measure measure;
            measure.number = std::to_string(m + 1);
            measure.duration = Rational{1};
            score.timeline.measures.push_back(std::move(measure));
            score.layers.chords.push_back(ChordSymbol{.at = {m, Rational{}}, .text = (m % 2) == 0 ? "C" : "G7"});
        }
        score.timeline.measures[0].time = TimeSignature{4, 4};
        score.timeline.measures[0].keys.push_back({Rational{}, KeySignature{}});
        score.timeline.measures[0].tempos.push_back(TempoMark{});
        for (int p = 0; p < kParts; ++p) {
            Part part;
            part.id = "P" + std::to_string(p + 1);
            part.name = "Part " + std::to_string(p + 1);
            part.instrument.gmProgram = static_cast<std::uint8_t>(40 + p);
            for (std::uint32_t m = 0; m < kMeasures; ++m) fillMeasure(score, part, p, m);
            score.parts.push_back(std::move(part));
        }
        return score;
    }();
    return built;
}

Transaction insertOneNote(std::uint32_t i) {
    return Transaction{{InsertEvent{"P7", Event{.measure = (i * 37) % kMeasures,
                                                .offset = Rational{1, 8},
                                                .duration = Rational{1, 8},
                                                .voice = 2,
                                                .notes = {Note{.pitch = Pitch::fromMidi(67)}}}}},
                       "Insert note"};
}

template <typename Fn>
double seconds(Fn&& fn) {
    const auto start = Clock::now();
    fn();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

void storeOpen(benchmark::State& state) {
    Store store;
    for (auto _ : state) {
        Score copy = orchestralScore();
        DocumentId doc{};
        state.SetIterationTime(seconds([&] { doc = store.open(std::move(copy)); }));
        benchmark::DoNotOptimize(doc);
        (void)store.close(doc);
    }
}
BENCHMARK(storeOpen)->UseManualTime()->Iterations(30)->Unit(benchmark::kMicrosecond);

// The first transaction of a document builds its id index.
void storeOpenAndFirstEdit(benchmark::State& state) {
    Store store;
    for (auto _ : state) {
        Score copy = orchestralScore();
        DocumentId doc{};
        state.SetIterationTime(seconds([&] {
            doc = store.open(std::move(copy));
            benchmark::DoNotOptimize(store.apply(doc, insertOneNote(0)));
        }));
        (void)store.close(doc);
    }
}
BENCHMARK(storeOpenAndFirstEdit)->UseManualTime()->Iterations(30)->Unit(benchmark::kMillisecond);

// A document opened and edited once, so later edits see the steady state.
struct Edited {
    Store store;
    DocumentId doc = store.open(orchestralScore());
    Edited() { (void)store.apply(doc, Transaction{}); }
};

void applyInsertNote(benchmark::State& state) {
    Edited edited;
    std::uint32_t i = 0;
    for (auto _ : state) {
        state.SetIterationTime(
            seconds([&] { benchmark::DoNotOptimize(edited.store.apply(edited.doc, insertOneNote(i))); }));
        (void)edited.store.undo(edited.doc);
        ++i;
    }
}
BENCHMARK(applyInsertNote)->UseManualTime()->Iterations(20000)->Unit(benchmark::kMicrosecond);

void undoInsertNote(benchmark::State& state) {
    Edited edited;
    std::uint32_t i = 0;
    for (auto _ : state) {
        (void)edited.store.apply(edited.doc, insertOneNote(i));
        state.SetIterationTime(seconds([&] { benchmark::DoNotOptimize(edited.store.undo(edited.doc)); }));
        ++i;
    }
}
BENCHMARK(undoInsertNote)->UseManualTime()->Iterations(20000)->Unit(benchmark::kMicrosecond);

void applyDeleteEventById(benchmark::State& state) {
    Edited edited;
    const Score& score = orchestralScore();
    std::uint32_t i = 0;
    for (auto _ : state) {
        const Part& part = score.parts[i % kParts];
        const ElementId target = part.events[(i * 131) % part.events.size()].id;
        state.SetIterationTime(seconds([&] {
            benchmark::DoNotOptimize(edited.store.apply(edited.doc, Transaction{{DeleteEvent{target}}, ""}));
        }));
        (void)edited.store.undo(edited.doc);
        ++i;
    }
}
BENCHMARK(applyDeleteEventById)->UseManualTime()->Iterations(20000)->Unit(benchmark::kMicrosecond);

// The heaviest kind of edit: everything after the new measure moves.
void applyInsertMeasure(benchmark::State& state) {
    Edited edited;
    for (auto _ : state) {
        state.SetIterationTime(seconds([&] {
            benchmark::DoNotOptimize(edited.store.apply(edited.doc, Transaction{{InsertMeasures{500, 1}}, ""}));
        }));
        (void)edited.store.undo(edited.doc);
    }
}
BENCHMARK(applyInsertMeasure)->UseManualTime()->Iterations(30)->Unit(benchmark::kMillisecond);

// A snapshot after a change: one full copy, shared by every reader of that revision.
void snapshotAfterChange(benchmark::State& state) {
    Edited edited;
    std::uint32_t i = 0;
    for (auto _ : state) {
        (void)edited.store.apply(edited.doc, insertOneNote(i++));
        state.SetIterationTime(seconds([&] { benchmark::DoNotOptimize(edited.store.snapshot(edited.doc)); }));
        (void)edited.store.undo(edited.doc);
    }
}
BENCHMARK(snapshotAfterChange)->UseManualTime()->Iterations(30)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mos::score
