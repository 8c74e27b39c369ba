#include "UmfSamples.hpp"

namespace mos::score::testing {

namespace {

using core::Rational;

Timeline everyFieldTimeline() {
    Timeline timeline;
    Measure pickup;
    pickup.number = "0";
    pickup.duration = Rational{1, 4};
    pickup.pickup = true;
    pickup.time = TimeSignature{4, 4, TimeSignature::Symbol::Common};
    pickup.keys.push_back({Rational{}, KeySignature{-3, Mode::Minor, {}}});
    pickup.tempos.push_back({Rational{1, 8}, Rational{3, 8}, Rational{185, 2}, "Andante", true});
    pickup.repeatStart = true;
    timeline.measures.push_back(pickup);

    Measure second;
    second.number = "1a";
    second.duration = Rational{1};
    second.keys.push_back({Rational{1, 2}, KeySignature{1, Mode::Dorian, {{Step::F, 1}, {Step::B, -1}}}});
    second.repeatEnd = 3;
    second.navigation.push_back({NavigationKind::DalSegnoAlCoda, Rational{1}, "D.S. al Coda"});
    second.navigation.push_back({NavigationKind::Segno, Rational{1, 4}, ""});
    second.barline = "light-heavy";
    timeline.measures.push_back(second);

    timeline.endings.push_back({1, 1, {1, 3}, "1., 3.", true});
    return timeline;
}

Part clarinet() {
    Part part;
    part.id = "P1";
    part.name = "Clarinet in B\xE2\x99\xAD";  // a real flat sign: text is UTF-8
    part.abbreviation = "Cl.";
    part.instrument = {"Clarinet", 71, true, 3};
    part.transposition = {-1, -2, -1};
    part.staves = 2;

    Event grace;
    grace.id = 1;
    grace.measure = 0;
    grace.duration = Rational{0};
    grace.grace = Grace{true, Rational{1, 16}};
    Note graceNote;
    graceNote.id = 2;
    graceNote.pitch = Pitch{Step::D, 1, 5, 0};
    grace.notes.push_back(graceNote);
    part.events.push_back(grace);

    Event chord;
    chord.id = 3;
    chord.measure = 0;
    chord.offset = Rational{0};
    chord.duration = Rational{1, 12};
    chord.voice = 2;
    chord.staff = 2;
    Note low;
    low.id = 4;
    low.pitch = Pitch{Step::B, -2, 3, -25};
    low.percussionKey = 38;
    low.tieStart = true;
    low.tieStop = true;
    low.velocity = 90;
    low.performed = PerformedTiming{Rational{1, 97}, Rational{7, 96}};
    Note high;
    high.id = 5;
    high.pitch = Pitch{Step::C, 3, -1, 1200};
    chord.notes = {low, high};
    chord.tuplets = {Tuplet{3, 2, true, false}, Tuplet{5, 4, false, true}};
    chord.cue = true;
    chord.measureRest = true;
    chord.invisible = true;
    chord.articulations = {Articulation::StrongAccent, Articulation::DetachedLegato, Articulation::Breath};
    part.events.push_back(chord);

    Event rest;
    rest.id = 6;
    rest.measure = 1;
    rest.offset = Rational{1, 2};
    rest.duration = Rational{1, 2};
    part.events.push_back(rest);

    part.dynamics.push_back({ScorePosition{1, Rational{1, 4}}, 2, "sfz", 112});
    return part;
}

Part guitar() {
    Part part;
    part.id = "P2";
    part.name = "Guitar";
    part.instrument.name = "Acoustic Guitar (nylon)";
    part.instrument.gmProgram = 24;
    part.transposition.octaveChange = -1;
    part.tuning = {Pitch{Step::E, 0, 4, 0}, Pitch{Step::B, 0, 3, 0}, Pitch{Step::G, 0, 3, 0},
                   Pitch{Step::D, 0, 3, 0}, Pitch{Step::A, 0, 2, 0}, Pitch{Step::E, 0, 2, 0}};
    part.capo = 2;

    Event note;
    note.id = 7;
    note.measure = 1;
    note.duration = Rational{1};
    Note played;
    played.id = 8;
    played.pitch = Pitch{Step::A, 0, 4, 0};
    note.notes.push_back(played);
    part.events.push_back(note);
    return part;
}

Layers everyFieldLayers() {
    Layers layers;
    layers.form.push_back({"Intro", 0, 1});

    ChordSymbol chord;
    chord.at = {1, Rational{1, 2}};
    chord.partId = "P2";
    chord.text = "Cm7b5/Gb";
    chord.root = PitchName{Step::C, 0};
    chord.kind = "half-diminished";
    chord.bass = PitchName{Step::G, -1};
    chord.degrees = {ChordDegree{9, -1, ChordDegree::Type::Alter}, ChordDegree{3, 0, ChordDegree::Type::Subtract}};
    chord.alternate = true;
    chord.noChord = true;
    layers.chords.push_back(chord);

    layers.analysis.keys.push_back({ScorePosition{0, Rational{1, 8}}, PitchName{Step::E, -1}, Mode::Mixolydian});
    layers.analysis.numerals.push_back({ScorePosition{1, Rational{}}, "V65/V", "Eb"});
    layers.analysis.cadences.push_back({ScorePosition{1, Rational{3, 4}}, CadenceKind::Deceptive});

    TabNote tab;
    tab.note = 8;
    tab.string = 3;
    tab.fret = 2;
    tab.bend = {BendPoint{Rational{0}, 0}, BendPoint{Rational{1, 2}, 200}, BendPoint{Rational{1}, -50}};
    tab.slide = Slide::InFromBelow;
    tab.harmonic = Harmonic::Pinch;
    tab.hammerOn = true;
    tab.pullOff = true;
    tab.vibrato = true;
    tab.palmMute = true;
    tab.deadNote = true;
    tab.ghost = true;
    tab.letRing = true;
    tab.tapping = true;
    layers.tablature.push_back(tab);

    layers.diagrams.push_back({ScorePosition{1, Rational{}}, "P2", "Am7", 5, {-1, 0, 2, 0, 1, 0}, {0, 0, 2, 0, 1, 5}});
    layers.fingering.push_back({8, "p"});

    NotationLayer& notation = layers.notation;
    notation.clefs.push_back({"P1", 2, ScorePosition{0, Rational{}}, Clef::Sign::F, 4, -1});
    notation.beams.push_back({"P1", {3, 6}});
    notation.stems.push_back({3, Stem::Direction::Down});
    notation.slurs.push_back({"P1", 1, 3});
    notation.hairpins.push_back({"P1", 2, ScorePosition{0, Rational{}}, ScorePosition{1, Rational{1, 2}}, false});
    notation.texts.push_back({"P2", 2, ScorePosition{1, Rational{1, 4}}, "let ring \"loose\"\n", false});

    layers.lyrics.push_back({3, 2, "Hal-", LyricSyllable::Syllabic::Begin, true});
    layers.markers.push_back({ScorePosition{1, Rational{}}, Marker::Kind::PointOfInterest, "Tricky run"});
    return layers;
}

}  // namespace

Score everyFieldScore() {
    Score score;
    score.metadata = {"Étude",
                      "No. 1",
                      "Composer",
                      "Lyricist",
                      "Arranger",
                      "© 2024",
                      "Hand-built test score",
                      "Test",
                      {"tag one", "tag\ttwo"}};
    score.timeline = everyFieldTimeline();
    score.parts = {clarinet(), guitar()};
    score.layers = everyFieldLayers();
    score.learning.pointsOfInterest.push_back({0, 1, "The run", "Slowly, then faster"});
    score.learning.annotations.push_back({ScorePosition{1, Rational{1, 3}}, "P1", "Breathe here", "Teacher"});
    score.audio.push_back({"recordings/take1.flac", "audio/flac", "Take 1", Rational{-3, 2}});
    // Extension text in its canonical form (members sorted, no spaces), as reading leaves it.
    score.extensions["org.example.plugin"] = "{\"a\":{\"y\":-7,\"z\":\"\xC3\xA9\"},\"b\":[1,2.5,true,null]}";
    score.extensions["second"] = "\"just a string\"";
    score.nextId = 42;  // ids 9…41 were handed out and their elements deleted
    return score;
}

Score minimalScore() { return Score{}; }

}  // namespace mos::score::testing
