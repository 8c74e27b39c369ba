// The Guitar Pro reader on beats and notes: durations, tuplets, voices, rests and empty beats, ties,
// dynamics, note and beat effects, grace notes, chord diagrams, texts, tempo changes and lyrics,
// each on a small hand-built file.

#include <gtest/gtest.h>

#include "formats/GuitarProTestFiles.hpp"
#include "mos/formats/GuitarProReader.hpp"

namespace mos::formats {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the file writer's vocabulary
using core::Rational;
using score::Articulation;
using score::Harmonic;
using score::Slide;

BeatSpec note(int string, int fret, std::int8_t duration = 0) {
    return {.duration = duration, .notes = {{.string = string, .fret = fret}}};
}

BeatSpec withNoteEffects(int string, int fret, Bytes effects) {
    return {.notes = {{.string = string, .fret = fret, .effects = std::move(effects)}}};
}

TEST(GuitarProBeatTest, ReadsDurationsDotsTupletsRestsAndEmptyBeats) {
    const std::vector<BeatSpec> beats{
        {.duration = -1, .dotted = true, .notes = {{.string = 1, .fret = 0}}},  // dotted half
        {.duration = 1, .tuplet = 3, .notes = {{.string = 1, .fret = 1}}},      // triplet eighths
        {.duration = 1, .tuplet = 3, .status = 2},
        {.duration = 1, .tuplet = 3, .notes = {{.string = 1, .fret = 3}}},
        {.duration = 2, .status = 0},  // empty: takes a sixteenth, shows nothing
    };
    const auto score = readClean(oneBarSong(5, 10, {beats}));
    const auto& events = score.parts[0].events;
    ASSERT_EQ(events.size(), 4U);
    EXPECT_EQ(events[0].duration, Rational(3, 4));
    EXPECT_TRUE(events[0].tuplets.empty());
    EXPECT_EQ(events[1].offset, Rational(3, 4));
    EXPECT_EQ(events[1].duration, Rational(1, 12));
    EXPECT_EQ(events[1].tuplets, (std::vector<score::Tuplet>{{3, 2, true, false}}));
    EXPECT_TRUE(events[2].isRest());
    EXPECT_EQ(events[2].offset, Rational(5, 6));
    EXPECT_EQ(events[2].tuplets, (std::vector<score::Tuplet>{{3, 2, false, false}}));
    EXPECT_EQ(events[3].offset, Rational(11, 12));
    EXPECT_EQ(events[3].tuplets, (std::vector<score::Tuplet>{{3, 2, false, true}}));
}

TEST(GuitarProBeatTest, ReadsNTuplets) {
    std::vector<BeatSpec> quintuplet(5, {.duration = 2, .tuplet = 5, .notes = {{.string = 1, .fret = 0}}});
    quintuplet.push_back({.duration = -1, .dotted = true, .status = 2});
    const auto score = readClean(oneBarSong(4, 6, {quintuplet}));
    const auto& events = score.parts[0].events;
    ASSERT_EQ(events.size(), 6U);
    EXPECT_EQ(events[0].duration, Rational(1, 20));  // five sixteenths in the time of four
    EXPECT_EQ(events[0].tuplets.at(0), (score::Tuplet{5, 4, true, false}));
    EXPECT_EQ(events[4].tuplets.at(0), (score::Tuplet{5, 4, false, true}));
    EXPECT_EQ(events[5].offset, Rational(1, 4));
}

TEST(GuitarProBeatTest, InterleavesTheTwoVoicesOfGp5) {
    const auto score = readClean(oneBarSong(5, 10, {{note(1, 0, -1), note(1, 2, -1)}, {note(6, 0, -2)}}));
    const auto& events = score.parts[0].events;
    ASSERT_EQ(events.size(), 3U);
    EXPECT_EQ(events[0].voice, 1);
    EXPECT_EQ(events[1].voice, 2);
    EXPECT_EQ(events[1].offset, Rational{});
    EXPECT_EQ(events[1].duration, Rational{1});
    EXPECT_EQ(events[2].voice, 1);
    EXPECT_EQ(events[2].offset, Rational(1, 2));
}

TEST(GuitarProBeatTest, TiedNotesTakeThePreviousFret) {
    // The tied note's own fret byte (0 here) is not what sounds: it continues the fret 7.
    const auto score =
        readClean(oneBarSong(5, 10, {{note(3, 7), {.notes = {{.string = 3, .fret = 0, .type = 2}}}, note(3, 5)}}));
    const auto notes = notesOf(score);
    ASSERT_EQ(notes.size(), 3U);
    EXPECT_TRUE(notes[0]->tieStart);
    EXPECT_FALSE(notes[0]->tieStop);
    EXPECT_TRUE(notes[1]->tieStop);
    EXPECT_FALSE(notes[1]->tieStart);
    EXPECT_EQ(notes[1]->pitch, notes[0]->pitch);
    EXPECT_EQ(tabOf(score, notes[1]->id)->fret, 7);
    EXPECT_FALSE(notes[2]->tieStop);
}

TEST(GuitarProBeatTest, WarnsAboutATieFromNothing) {
    const auto imported =
        readGuitarPro(oneBarSong(5, 10, {{{.notes = {{.string = 2, .fret = 4, .type = 2}}}}}).bytes(), "t.gp5");
    ASSERT_TRUE(imported.ok());
    ASSERT_EQ(imported->warnings.size(), 1U);
    EXPECT_EQ(imported->warnings[0].where.measure, "1");
    const auto notes = notesOf(imported->scores[0]);
    EXPECT_FALSE(notes.at(0)->tieStop);
    EXPECT_EQ(notes.at(0)->pitch.midiNumber(), 59 + 4);
}

TEST(GuitarProBeatTest, ReadsDeadGhostAccentedNotesAndDynamics) {
    const std::vector<BeatSpec> beats{
        {.notes = {{.string = 1, .fret = 1, .type = 3}}},
        {.notes = {{.string = 1, .fret = 2, .dynamic = 2, .ghost = true}}},
        {.notes = {{.string = 1, .fret = 3, .accent = true}}},
        {.notes = {{.string = 1, .fret = 4, .dynamic = 8, .heavyAccent = true}}},
    };
    const auto score = readClean(oneBarSong(5, 10, {beats}));
    const auto& events = score.parts[0].events;
    const auto notes = notesOf(score);
    EXPECT_TRUE(tabOf(score, notes[0]->id)->deadNote);
    EXPECT_EQ(notes[0]->velocity, 95);  // forte, GP's default
    EXPECT_TRUE(tabOf(score, notes[1]->id)->ghost);
    EXPECT_EQ(notes[1]->velocity, 31);  // pp
    EXPECT_EQ(events[2].articulations, (std::vector<Articulation>{Articulation::Accent}));
    EXPECT_EQ(events[3].articulations, (std::vector<Articulation>{Articulation::StrongAccent}));
    EXPECT_EQ(notes[3]->velocity, 127);  // fff
    const auto& dynamics = score.parts[0].dynamics;
    ASSERT_EQ(dynamics.size(), 3U);
    EXPECT_EQ(dynamics[0].mark, "pp");
    EXPECT_EQ(dynamics[0].at, (score::ScorePosition{0, Rational(1, 4)}));
    EXPECT_EQ(dynamics[1].mark, "f");
    EXPECT_EQ(dynamics[2].mark, "fff");
}

TEST(GuitarProBeatTest, ReadsGp5NoteEffects) {
    // Effect flags 1 (0x02 hammer, 0x08 let ring) and 2 (0x01 staccato, 0x02 palm mute, 0x40 vibrato).
    const std::vector<BeatSpec> beats{
        withNoteEffects(2, 5, {0x02 | 0x08, 0x01 | 0x02 | 0x40}),
        withNoteEffects(2, 7, {0x02, 0x00}),                  // hammers up from 5 to 7 …
        note(2, 5),                                           // … and pulls off from 7 to 5
        withNoteEffects(2, 3, {0x00, 0x04 | 0x20, 3, 5, 2}),  // tremolo picking; trill with fret 5
    };
    const auto score = readClean(oneBarSong(5, 10, {beats}));
    const auto notes = notesOf(score);
    const auto* first = tabOf(score, notes[0]->id);
    EXPECT_TRUE(first->hammerOn);
    EXPECT_FALSE(first->pullOff);
    EXPECT_TRUE(first->letRing);
    EXPECT_TRUE(first->palmMute);
    EXPECT_TRUE(first->vibrato);
    const auto* second = tabOf(score, notes[1]->id);
    EXPECT_FALSE(second->hammerOn);
    EXPECT_TRUE(second->pullOff);
    EXPECT_FALSE(tabOf(score, notes[2]->id)->hammerOn);
    const auto& events = score.parts[0].events;
    EXPECT_EQ(events[0].articulations, (std::vector<Articulation>{Articulation::Staccato}));
    EXPECT_EQ(events[3].articulations, (std::vector<Articulation>{Articulation::Tremolo, Articulation::Trill}));
}

TEST(GuitarProBeatTest, ReadsBendPointsInCents) {
    // Full bend (100 = a whole tone) at the middle, held, released.
    const Bytes bend = GpWriter::bend({{0, 0}, {30, 100}, {45, 100}, {60, 25}});
    Bytes effects{0x01, 0x00};
    effects.insert(effects.end(), bend.begin(), bend.end());
    const auto score = readClean(oneBarSong(5, 10, {{withNoteEffects(3, 7, effects)}}));
    const auto* tab = tabOf(score, notesOf(score)[0]->id);
    EXPECT_EQ(tab->bend, (std::vector<score::BendPoint>{
                             {Rational{0}, 0}, {Rational(1, 2), 200}, {Rational(3, 4), 200}, {Rational{1}, 50}}));
}

TEST(GuitarProBeatTest, ReadsSlidesOfEveryVersion) {
    // GP5: a bitmask; GP4: a signed type; GP3: a flag for a shift slide.
    const auto gp5 =
        readClean(oneBarSong(5, 10,
                             {{withNoteEffects(1, 1, {0x00, 0x08, 0x02}), withNoteEffects(1, 2, {0x00, 0x08, 0x10}),
                               withNoteEffects(1, 3, {0x00, 0x08, 0x08})}}));
    auto notes = notesOf(gp5);
    EXPECT_EQ(tabOf(gp5, notes[0]->id)->slide, Slide::Legato);
    EXPECT_EQ(tabOf(gp5, notes[1]->id)->slide, Slide::InFromBelow);
    EXPECT_EQ(tabOf(gp5, notes[2]->id)->slide, Slide::OutUpwards);

    const auto gp4 =
        readClean(oneBarSong(4, 6,
                             {{withNoteEffects(1, 1, {0x00, 0x08, 0xFE}), withNoteEffects(1, 2, {0x00, 0x08, 0x01}),
                               withNoteEffects(1, 3, {0x00, 0x08, 0x03})}}));
    notes = notesOf(gp4);
    EXPECT_EQ(tabOf(gp4, notes[0]->id)->slide, Slide::InFromAbove);
    EXPECT_EQ(tabOf(gp4, notes[1]->id)->slide, Slide::Shift);
    EXPECT_EQ(tabOf(gp4, notes[2]->id)->slide, Slide::OutDownwards);

    const auto gp3 = readClean(oneBarSong(3, 0, {{withNoteEffects(1, 1, {0x04})}}), "test.gp3");
    EXPECT_EQ(tabOf(gp3, notesOf(gp3)[0]->id)->slide, Slide::Shift);
}

TEST(GuitarProBeatTest, ReadsHarmonicsOfEveryVersion) {
    const auto gp5 =
        readClean(oneBarSong(5, 10,
                             {{withNoteEffects(1, 12, {0x00, 0x10, 1}), withNoteEffects(1, 5, {0x00, 0x10, 2, 4, 0, 1}),
                               withNoteEffects(1, 5, {0x00, 0x10, 3, 17}), withNoteEffects(1, 5, {0x00, 0x10, 4})}}));
    auto notes = notesOf(gp5);
    EXPECT_EQ(tabOf(gp5, notes[0]->id)->harmonic, Harmonic::Natural);
    EXPECT_EQ(tabOf(gp5, notes[1]->id)->harmonic, Harmonic::Artificial);
    EXPECT_EQ(tabOf(gp5, notes[2]->id)->harmonic, Harmonic::Tapped);
    EXPECT_EQ(tabOf(gp5, notes[3]->id)->harmonic, Harmonic::Pinch);

    const auto gp4 = readClean(
        oneBarSong(4, 6, {{withNoteEffects(1, 5, {0x00, 0x10, 17}), withNoteEffects(1, 5, {0x00, 0x10, 5})}}));
    notes = notesOf(gp4);
    EXPECT_EQ(tabOf(gp4, notes[0]->id)->harmonic, Harmonic::Artificial);
    EXPECT_EQ(tabOf(gp4, notes[1]->id)->harmonic, Harmonic::Semi);

    // GP3 puts harmonics on the beat, for all its notes.
    BeatSpec beat{.effects = Bytes{0x04}, .notes = {{.string = 1, .fret = 12}, {.string = 2, .fret = 12}}};
    const auto gp3 = readClean(oneBarSong(3, 0, {{beat}}), "test.gp3");
    for (const auto* n : notesOf(gp3)) EXPECT_EQ(tabOf(gp3, n->id)->harmonic, Harmonic::Natural);
}

TEST(GuitarProBeatTest, ReadsGraceNotesAsGraceEvents) {
    // GP5 grace: fret 3, dynamic f, transition 3 (hammer), a sixteenth (3), on the beat (0x02).
    const std::vector<BeatSpec> beats{note(1, 0), withNoteEffects(1, 5, {0x10, 0x00, 3, 6, 3, 3, 0x02})};
    const auto score = readClean(oneBarSong(5, 10, {beats}));
    const auto& events = score.parts[0].events;
    ASSERT_EQ(events.size(), 3U);
    const auto& grace = events[1];
    ASSERT_TRUE(grace.grace.has_value());
    EXPECT_EQ(*grace.grace, (score::Grace{false, Rational(1, 16)}));
    EXPECT_EQ(grace.offset, Rational(1, 4));
    EXPECT_EQ(grace.duration, Rational{});
    EXPECT_EQ(grace.notes.at(0).pitch.midiNumber(), 64 + 3);
    const auto* tab = tabOf(score, grace.notes[0].id);
    EXPECT_EQ(tab->fret, 3);
    EXPECT_TRUE(tab->hammerOn);  // up to the fret 5 it leads into
    EXPECT_FALSE(events[2].grace.has_value());
    EXPECT_EQ(events[2].offset, Rational(1, 4));

    // GP3/GP4 grace notes come before the beat, drawn slashed.
    const auto gp4 = readClean(oneBarSong(4, 6, {{withNoteEffects(1, 5, {0x10, 0x00, 7, 6, 1, 2})}}));
    const auto& gp4Grace = gp4.parts[0].events.at(0);
    EXPECT_EQ(*gp4Grace.grace, (score::Grace{true, Rational(1, 32)}));
    EXPECT_EQ(tabOf(gp4, gp4Grace.notes.at(0).id)->slide, Slide::Legato);
}

TEST(GuitarProBeatTest, ReadsBeatEffects) {
    // Flags 1: 0x20 tapping/slapping/popping, 0x40 stroke; flags 2: 0x02 pick stroke, 0x04 tremolo bar.
    Bytes tremoloBar{0x00, 0x04};
    const Bytes dive = GpWriter::bend({{0, 0}, {60, -100}});
    tremoloBar.insert(tremoloBar.end(), dive.begin(), dive.end());
    const std::vector<BeatSpec> beats{
        {.effects = Bytes{0x20, 0x00, 1}, .notes = {{.string = 1, .fret = 12}}},
        {.effects = Bytes{0x20, 0x00, 2}, .notes = {{.string = 6, .fret = 0}}},
        {.effects = Bytes{0x40, 0x02, 0, 3, 2}, .notes = {{.string = 1, .fret = 0}, {.string = 2, .fret = 1}}},
        {.effects = tremoloBar, .notes = {{.string = 3, .fret = 2}}},
    };
    const auto score = readClean(oneBarSong(5, 10, {beats}));
    const auto notes = notesOf(score);
    EXPECT_TRUE(tabOf(score, notes[0]->id)->tapping);
    ASSERT_EQ(score.layers.notation.texts.size(), 1U);
    EXPECT_EQ(score.layers.notation.texts[0].text, "slap");
    const auto& events = score.parts[0].events;
    EXPECT_EQ(events[2].articulations, (std::vector<Articulation>{Articulation::Arpeggiate, Articulation::DownBow}));
    EXPECT_TRUE(events[3].articulations.empty());  // the tremolo bar is read past and not kept
    EXPECT_EQ(notes.size(), 5U);
}

TEST(GuitarProBeatTest, ReadsGp3BeatEffects) {
    // GP3: one flag byte; 0x01 vibrato; 0x20 with 0 is the tremolo bar and a 32-bit depth.
    const std::vector<BeatSpec> beats{
        {.effects = Bytes{0x01}, .notes = {{.string = 1, .fret = 3}}},
        {.effects = Bytes{0x20, 0, 0x9C, 0xFF, 0xFF, 0xFF}, .notes = {{.string = 1, .fret = 3}}},
        {.effects = Bytes{0x20, 3, 0, 0, 0, 0}, .notes = {{.string = 4, .fret = 3}}},
    };
    const auto score = readClean(oneBarSong(3, 0, {beats}), "test.gp3");
    const auto notes = notesOf(score);
    EXPECT_TRUE(tabOf(score, notes[0]->id)->vibrato);
    EXPECT_FALSE(tabOf(score, notes[1]->id)->vibrato);
    ASSERT_EQ(score.layers.notation.texts.size(), 1U);
    EXPECT_EQ(score.layers.notation.texts[0].text, "pop");
}

TEST(GuitarProBeatTest, ReadsChordDiagramsAndSymbols) {
    GpWriter w{5, 10};
    const Bytes am = w.chord("Am", 9, 4, {0, 1, 2, 2, 0, -1}, {-1, 1, 3, 2, -1, -1});
    const Bytes odd = w.chord("C13b9", 0, 99, {3, 3, 3, 2, 3, -1}, {}, 3);  // a type GP never had
    const std::vector<BeatSpec> beats{
        {.duration = -1, .chord = am, .notes = {{.string = 1, .fret = 0}, {.string = 2, .fret = 1}}},
        {.duration = -1, .status = 2, .chord = odd},  // a chord over a rest: a diagram without notes
    };
    const auto score = readClean(oneBarSong(5, 10, {beats}));
    const auto& diagrams = score.layers.diagrams;
    ASSERT_EQ(diagrams.size(), 2U);
    EXPECT_EQ(diagrams[0], (score::ChordDiagram{{0, {}}, "P1", "Am", 1, {0, 1, 2, 2, 0, -1}, {0, 1, 3, 2, 0, 0}}));
    EXPECT_EQ(diagrams[1].name, "C13b9");
    EXPECT_EQ(diagrams[1].baseFret, 3);
    EXPECT_EQ(diagrams[1].at.offset, Rational(1, 2));
    EXPECT_TRUE(diagrams[1].fingers.empty());
    ASSERT_EQ(score.layers.chords.size(), 2U);
    EXPECT_EQ(score.layers.chords[0].text, "Am");
    EXPECT_EQ(score.layers.chords[0].root, (score::PitchName{score::Step::A, 0}));
    EXPECT_EQ(score.layers.chords[0].kind, "minor");
    EXPECT_EQ(score.layers.chords[1].kind, "");
    EXPECT_TRUE(score.parts[0].events[1].isRest());
}

TEST(GuitarProBeatTest, ReadsOldAndGp3ChordFormats) {
    // GP4 old format: format 0, name, base fret, then frets because the base fret is not 0.
    GpWriter old{4, 6};
    old.u8(0).intByteString("D").i32(1);
    for (const int fret : {2, 3, 2, 0, -1, -1, -1}) old.i32(fret);
    const auto gp4 = readClean(oneBarSong(4, 6, {{{.chord = old.data(), .notes = {{.string = 1, .fret = 2}}}}}));
    EXPECT_EQ(gp4.layers.diagrams.at(0).frets, (std::vector<std::int8_t>{2, 3, 2, 0, -1, -1}));
    EXPECT_EQ(gp4.layers.chords.at(0).text, "D");
    EXPECT_FALSE(gp4.layers.chords.at(0).root.has_value());

    // GP3 new format: the small numbers are 32-bit; six fret slots; two barres.
    GpWriter gp3{3, 0};
    gp3.u8(1).u8(0).zeros(3).i32(7).i32(0).i32(0).i32(-1).i32(0).u8(0).byteString("G", 22);
    gp3.i32(0).i32(0).i32(0).i32(1);
    for (const int fret : {3, 0, 0, 0, 2, 3}) gp3.i32(fret);
    gp3.i32(0).zeros(24).zeros(8);
    const auto score =
        readClean(oneBarSong(3, 0, {{{.chord = gp3.data(), .notes = {{.string = 1, .fret = 3}}}}}), "test.gp3");
    EXPECT_EQ(score.layers.diagrams.at(0).frets, (std::vector<std::int8_t>{3, 0, 0, 0, 2, 3}));
    EXPECT_EQ(score.layers.chords.at(0).root, (score::PitchName{score::Step::G, 0}));
    EXPECT_EQ(score.layers.chords.at(0).kind, "major");
}

TEST(GuitarProBeatTest, ReadsTextsAndTempoChanges) {
    for (const auto& [major, minor] : {std::pair{3, 0}, {4, 6}, {5, 0}, {5, 10}}) {
        SCOPED_TRACE(std::to_string(major) + "." + std::to_string(minor));
        GpWriter w{major, minor};
        const std::vector<BeatSpec> beats{
            note(1, 0, -1),
            {.duration = -1, .text = "rit.", .mixTable = w.tempoChange(90, "Slower"), .notes = {{.string = 1}}},
        };
        const auto score = readClean(oneBarSong(major, minor, {beats}));
        const auto& tempos = score.timeline.measures.at(0).tempos;
        ASSERT_EQ(tempos.size(), 2U);
        EXPECT_EQ(tempos[0].beatsPerMinute, Rational{120});
        EXPECT_EQ(tempos[1].offset, Rational(1, 2));
        EXPECT_EQ(tempos[1].quarterBpm(), Rational{90});
        EXPECT_EQ(tempos[1].text, major >= 5 ? "Slower" : "");
        ASSERT_EQ(score.layers.notation.texts.size(), 1U);
        EXPECT_EQ(score.layers.notation.texts[0], (score::TextMark{"P1", 1, {0, Rational(1, 2)}, "rit.", true}));
    }
}

TEST(GuitarProBeatTest, KeepsTheTempoChangeAndTextOfAnEmptyBeat) {
    GpWriter w{5, 10};
    const std::vector<BeatSpec> beats{
        note(1, 0, -1),
        {.duration = -1, .status = 0, .text = "a tempo", .mixTable = w.tempoChange(100)},
    };
    const auto score = readClean(oneBarSong(5, 10, {beats}));
    EXPECT_EQ(score.parts[0].events.size(), 1U);
    EXPECT_EQ(score.timeline.measures[0].tempos.at(1).offset, Rational(1, 2));
    EXPECT_EQ(score.layers.notation.texts.at(0).text, "a tempo");
}

TEST(GuitarProBeatTest, ReadsFingering) {
    const auto score = readClean(
        oneBarSong(5, 10,
                   {{{.notes = {{.string = 3, .fret = 2, .fingers = std::pair<std::int8_t, std::int8_t>{2, 1}},
                                {.string = 5, .fret = 3, .fingers = std::pair<std::int8_t, std::int8_t>{0, -1}}}}}}));
    const auto notes = notesOf(score);
    EXPECT_EQ(score.layers.fingering,
              (std::vector<score::Fingering>{{notes[0]->id, "2"}, {notes[0]->id, "i"}, {notes[1]->id, "T"}}));
}

TEST(GuitarProBeatTest, SingsLyricsOnTheNotesOfTheLyricTrack) {
    const std::vector<BeatSpec> beats{note(1, 0), {.status = 2}, note(1, 1), note(1, 2)};
    GpWriter w{5, 10};
    w.song({.lyricTrack = 2, .lyrics = {{1, "Hal-le-lu [chorus] jah"}, {2, "late+start"}}, .measures = 2, .tracks = 2});
    w.measureHeader({.numerator = 4, .denominator = 4});
    w.measureHeader({});
    w.track({.name = "Guitar"});
    w.track({.name = "Voice"});
    w.bar({{note(1, 0)}});
    w.bar({beats});
    w.bar({{note(1, 0)}});
    w.bar({{note(1, 5), note(1, 6)}});
    const auto score = readClean(w);
    const auto& voice = score.parts[1].events;
    using Syllabic = score::LyricSyllable::Syllabic;
    // The rest gets no syllable; the comment is not sung; verse 2 starts in bar 2.
    EXPECT_EQ(score.layers.lyrics, (std::vector<score::LyricSyllable>{
                                       {voice[0].id, 1, "Hal", Syllabic::Begin, false},
                                       {voice[2].id, 1, "le", Syllabic::Middle, false},
                                       {voice[3].id, 1, "lu", Syllabic::End, false},
                                       {voice[4].id, 1, "jah", Syllabic::Single, false},
                                       {voice[4].id, 2, "late start", Syllabic::Single, false},
                                   }));
}

}  // namespace
}  // namespace mos::formats
