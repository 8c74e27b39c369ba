#pragma once

// A small score that uses every part of the model the store edits: two parts (a flute and a
// guitar), four 4/4 measures and a 3/4 one with keys, tempos, a repeat and an ending, chords, a triplet, a grace
// note, performed timing, and an entry in every layer, the learning block, audio and extensions.

#include <utility>

#include "mos/score/Score.hpp"
#include "mos/score/Store.hpp"

namespace mos::score::testing {

using core::Rational;

inline Pitch pitch(const char* text) { return *Pitch::parse(text); }

inline Event noteEvent(Score& score, std::uint32_t measure, Rational offset, Rational duration,
                       std::initializer_list<const char*> pitches) {
    Event event;
    event.id = score.newId();
    event.measure = measure;
    event.offset = offset;
    event.duration = duration;
    for (const char* name : pitches) event.notes.push_back(Note{.id = score.newId(), .pitch = pitch(name)});
    return event;
}

inline Score fixtureScore() {
    Score score;
    score.metadata.title = "Fixture";
    score.metadata.composer = "Nobody";
    for (int i = 0; i < 4; ++i) {
        Measure measure;
        measure.number = std::to_string(i + 1);
        measure.duration = Rational{1};
        score.timeline.measures.push_back(measure);
    }
    Measure& first = score.timeline.measures[0];
    first.time = TimeSignature{4, 4};
    first.keys.push_back({Rational{}, KeySignature{1, Mode::Major}});
    first.tempos.push_back(TempoMark{Rational{}, Rational{1, 4}, Rational{96}, "Andante"});
    score.timeline.measures[2].repeatStart = true;
    score.timeline.measures[2].keys.push_back({Rational{1, 2}, KeySignature{-2, Mode::Minor}});
    score.timeline.measures[3].repeatEnd = 2;
    score.timeline.measures[3].navigation.push_back(Navigation{NavigationKind::Segno, Rational{}, ""});
    Measure last;  // a 3/4 measure after the repeat
    last.number = "5";
    last.duration = Rational{3, 4};
    last.time = TimeSignature{3, 4};
    last.tempos.push_back(TempoMark{Rational{}, Rational{1, 4}, Rational{80}, "Meno mosso"});
    score.timeline.measures.push_back(last);
    score.timeline.endings.push_back(Ending{3, 3, {1}, "1.", false});

    Part flute;
    flute.id = "P1";
    flute.name = "Flute";
    flute.instrument = Instrument{"Flute", 73, false, std::nullopt};
    const char* scale[] = {"C5", "D5", "E5", "F5"};
    for (int i = 0; i < 4; ++i) flute.events.push_back(noteEvent(score, 0, Rational{i, 4}, Rational{1, 4}, {scale[i]}));
    Event grace = noteEvent(score, 1, Rational{}, Rational{}, {"A5"});
    grace.grace = Grace{true, Rational{1, 8}};
    flute.events.push_back(grace);
    flute.events.push_back(noteEvent(score, 1, Rational{}, Rational{1, 2}, {"G5"}));
    flute.events.push_back(noteEvent(score, 1, Rational{1, 2}, Rational{1, 2}, {}));  // a rest
    for (int i = 0; i < 3; ++i) {
        Event triplet = noteEvent(score, 2, Rational{i, 12}, Rational{1, 12}, {"E5"});
        triplet.tuplets.push_back(Tuplet{3, 2, i == 0, i == 2});
        flute.events.push_back(triplet);
    }
    flute.events.push_back(noteEvent(score, 2, Rational{1, 4}, Rational{3, 4}, {"D5"}));
    Event performed = noteEvent(score, 3, Rational{}, Rational{1}, {"C5"});
    performed.notes[0].performed = PerformedTiming{Rational{301, 100}, Rational{97, 100}};
    flute.events.push_back(performed);
    flute.events.push_back(noteEvent(score, 4, Rational{}, Rational{1, 2}, {"B4"}));
    flute.events.push_back(noteEvent(score, 4, Rational{1, 2}, Rational{1, 4}, {"A4"}));
    flute.dynamics.push_back(DynamicMark{{0, Rational{}}, 1, "mf", 0});

    Part guitar;
    guitar.id = "P2";
    guitar.name = "Guitar";
    guitar.instrument = Instrument{"Acoustic Guitar (nylon)", 24, false, std::nullopt};
    guitar.transposition = Transposition{0, 0, -1};
    for (const char* open : {"E4", "B3", "G3", "D3", "A2", "E2"}) guitar.tuning.push_back(pitch(open));
    guitar.events.push_back(noteEvent(score, 0, Rational{}, Rational{1}, {"C4", "E4", "G4"}));
    for (std::uint32_t m = 1; m < 4; ++m) {
        for (int i = 0; i < 2; ++i)
            guitar.events.push_back(noteEvent(score, m, Rational{i, 2}, Rational{1, 2}, {"G3"}));
    }
    score.parts.push_back(flute);
    score.parts.push_back(guitar);

    const Part& f = score.parts[0];
    const Part& g = score.parts[1];
    Layers& layers = score.layers;
    layers.form.push_back(Section{"A", 0, 1});
    layers.form.push_back(Section{"B", 2, 3});
    layers.chords.push_back(
        ChordSymbol{.at = {0, Rational{}}, .text = "C", .root = PitchName{Step::C, 0}, .kind = "major"});
    layers.chords.push_back(ChordSymbol{.at = {1, Rational{}}, .text = "G7", .kind = "dominant"});
    layers.analysis.keys.push_back(KeyRegion{{0, Rational{}}, PitchName{Step::G, 0}, Mode::Major});
    layers.analysis.numerals.push_back(RomanNumeral{{1, Rational{}}, "V7", "G"});
    layers.analysis.cadences.push_back(Cadence{{3, Rational{}}, CadenceKind::Perfect});
    layers.tablature.push_back(TabNote{.note = g.events[0].notes[0].id, .string = 5, .fret = 3});
    layers.tablature.push_back(TabNote{.note = g.events[1].notes[0].id, .string = 3, .fret = 0});
    layers.diagrams.push_back(ChordDiagram{{0, Rational{}}, "P2", "C", 1, {0, 1, 0, 2, 3, -1}, {}});
    layers.fingering.push_back(Fingering{f.events[0].notes[0].id, "1"});
    layers.notation.clefs.push_back(Clef{"P2", 1, {0, Rational{}}, Clef::Sign::G, 2, -1});
    layers.notation.beams.push_back(Beam{"P1", {f.events[0].id, f.events[1].id, f.events[2].id}});
    layers.notation.stems.push_back(Stem{f.events[3].id, Stem::Direction::Down});
    layers.notation.slurs.push_back(Slur{"P1", f.events[0].id, f.events[3].id});
    layers.notation.hairpins.push_back(Hairpin{"P1", 1, {0, Rational{}}, {2, Rational{1, 2}}, true});
    layers.notation.texts.push_back(TextMark{"P1", 1, {1, Rational{}}, "dolce", true});
    layers.lyrics.push_back(LyricSyllable{f.events[0].id, 1, "Hel", LyricSyllable::Syllabic::Begin, false});
    layers.lyrics.push_back(LyricSyllable{f.events[1].id, 1, "lo", LyricSyllable::Syllabic::End, false});
    layers.markers.push_back(Marker{{2, Rational{}}, Marker::Kind::Rehearsal, "A"});
    score.learning.pointsOfInterest.push_back(PointOfInterest{2, 3, "The run", "Slow practice"});
    score.learning.annotations.push_back(Annotation{{1, Rational{}}, "P1", "Breathe here", "teacher"});
    score.audio.push_back(AudioReference{"take1.flac", "audio/flac", "First take", Rational{1, 2}});
    score.extensions["mos.test"] = R"({"answer":42})";
    return score;
}

// A store with the fixture score open, and shorthands for the tests.
struct Session {
    Store store;
    DocumentId doc = store.open(fixtureScore());

    core::Result<Commit> apply(Edit edit) { return store.apply(doc, Transaction{{std::move(edit)}, ""}); }
    core::Result<Commit> apply(std::vector<Edit> edits) { return store.apply(doc, Transaction{std::move(edits), ""}); }
    Score score() const { return *store.snapshot(doc)->score; }
    const Part& part(const Score& s, std::size_t i) const { return s.parts[i]; }
};

}  // namespace mos::score::testing
