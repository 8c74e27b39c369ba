#include "mos/formats/AbcReader.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "formats/AbcTunes.hpp"

namespace mos::formats {
namespace {

using abctest::durations;
using abctest::measureLengths;
using abctest::measureNumbers;
using abctest::messages;
using abctest::notes;
using abctest::offsets;
using abctest::tune;
using core::Rational;

TEST(AbcReaderTest, HeaderFieldsBecomeMetadataTimelineAndExtensions) {
    const auto score = tune(
        "X:7\nT:The Rose Tree\nT:a reel\nC:Trad.\nO:Ireland\nR:reel\nS:Kerr's vol. 2\nZ:Jane Doe\n"
        "N:often played in D\nM:C|\nL:1/4\nQ:1/2=96\nK:G\nG2 B2|d4|\n");
    EXPECT_EQ(score.metadata.title, "The Rose Tree");
    EXPECT_EQ(score.metadata.subtitle, "a reel");
    EXPECT_EQ(score.metadata.composer, "Trad.");
    EXPECT_EQ(score.metadata.source, "Kerr's vol. 2");
    EXPECT_EQ(score.metadata.genre, "reel");
    EXPECT_EQ(score.metadata.tags, std::vector<std::string>{"Ireland"});
    EXPECT_EQ(score.extensions.at("abc"), R"({"N":"often played in D","X":"7","Z":"Jane Doe"})");

    const score::Measure& first = score.timeline.measures.at(0);
    EXPECT_EQ(first.time, (score::TimeSignature{2, 2, score::TimeSignature::Symbol::Cut}));
    ASSERT_EQ(first.keys.size(), 1U);
    EXPECT_EQ(first.keys[0].key.fifths, 1);
    EXPECT_EQ(first.keys[0].key.mode, score::Mode::Major);
    ASSERT_EQ(first.tempos.size(), 1U);
    EXPECT_EQ(first.tempos[0].beatUnit, Rational(1, 2));
    EXPECT_EQ(first.tempos[0].beatsPerMinute, Rational(96));
    EXPECT_EQ(durations(score.parts.at(0)), (std::vector<std::string>{"1/2", "1/2", "1"}));
    EXPECT_EQ(measureNumbers(score), (std::vector<std::string>{"1", "2"}));
}

TEST(AbcReaderTest, UnitLengthDefaultsFromTheMeter) {
    // ABC 2.1: 1/16 when the meter is below 3/4, else 1/8; 1/8 with no meter.
    EXPECT_EQ(durations(tune("X:1\nM:2/4\nK:C\nA B|\n").parts.at(0)), (std::vector<std::string>{"1/16", "1/16"}));
    EXPECT_EQ(durations(tune("X:1\nM:3/4\nK:C\nA B|\n").parts.at(0)), (std::vector<std::string>{"1/8", "1/8"}));
    EXPECT_EQ(durations(tune("X:1\nK:C\nA B|\n").parts.at(0)), (std::vector<std::string>{"1/8", "1/8"}));
    // An L: in the body changes lengths from there on.
    EXPECT_EQ(durations(tune("X:1\nM:4/4\nK:C\nA [L:1/4] B|\n").parts.at(0)), (std::vector<std::string>{"1/8", "1/4"}));
}

TEST(AbcReaderTest, NotesOctavesAndLengths) {
    const auto score = tune("X:1\nL:1/8\nK:C\nC, c' A3/2 B/ G// d/4 e2 z3|\n");
    EXPECT_EQ(notes(score.parts.at(0)), (std::vector<std::string>{"C3", "C6", "A4", "B4", "G4", "D5", "E5", "z"}));
    EXPECT_EQ(durations(score.parts.at(0)),
              (std::vector<std::string>{"1/8", "1/8", "3/16", "1/16", "1/32", "1/32", "1/4", "3/8"}));
    // x is a rest that takes time but is not drawn.
    const auto hidden = tune("X:1\nL:1/4\nK:C\nx2 z2|\n");
    EXPECT_TRUE(hidden.parts.at(0).events.at(0).invisible);
    EXPECT_FALSE(hidden.parts.at(0).events.at(1).invisible);
    EXPECT_EQ(durations(hidden.parts.at(0)), (std::vector<std::string>{"1/2", "1/2"}));
}

TEST(AbcReaderTest, KeysWithModesAndExplicitAccidentals) {
    const auto keyOf = [](std::string_view k) {
        return tune("X:1\nK:" + std::string{k} + "\nA|\n").timeline.measures.at(0).keys.at(0).key;
    };
    EXPECT_EQ(keyOf("Ador").fifths, 1);
    EXPECT_EQ(keyOf("Ador").mode, score::Mode::Dorian);
    EXPECT_EQ(keyOf("F#m").fifths, 3);
    EXPECT_EQ(keyOf("F#m").mode, score::Mode::Minor);
    EXPECT_EQ(keyOf("Bb Mixolydian").fifths, -3);
    EXPECT_EQ(keyOf("E PHR").fifths, 0);
    EXPECT_EQ(keyOf("Eloc").fifths, -1);
    EXPECT_EQ(keyOf("Flyd").fifths, 0);
    EXPECT_EQ(keyOf("Gaeolian").mode, score::Mode::Aeolian);
    EXPECT_EQ(keyOf("Cion").mode, score::Mode::Ionian);
    EXPECT_EQ(keyOf("none").mode, score::Mode::None);
    EXPECT_EQ(keyOf("HP").fifths, 2);
    EXPECT_EQ(keyOf("D exp ^f").accidentals, (std::vector<score::KeyAccidental>{{score::Step::F, 1}}));
    EXPECT_EQ(keyOf("D ^g").accidentals,
              (std::vector<score::KeyAccidental>{{score::Step::F, 1}, {score::Step::C, 1}, {score::Step::G, 1}}));

    // The key spells the notes; explicit accidentals win over the signature.
    EXPECT_EQ(notes(tune("X:1\nK:D\nF C G|\n").parts.at(0)), (std::vector<std::string>{"F#4", "C#4", "G4"}));
    EXPECT_EQ(notes(tune("X:1\nK:D ^g\nF G|\n").parts.at(0)), (std::vector<std::string>{"F#4", "G#4"}));
    EXPECT_EQ(notes(tune("X:1\nK:D exp _b\nF B|\n").parts.at(0)), (std::vector<std::string>{"F4", "Bb4"}));
    EXPECT_EQ(notes(tune("X:1\nK:Bb clef=bass\nB,, E|\n").parts.at(0)), (std::vector<std::string>{"Bb2", "Eb4"}));
    const auto bass = tune("X:1\nK:Bb clef=bass\nB,,|\n");
    ASSERT_EQ(bass.layers.notation.clefs.size(), 1U);
    EXPECT_EQ(bass.layers.notation.clefs[0].sign, score::Clef::Sign::F);
    EXPECT_EQ(bass.layers.notation.clefs[0].line, 4);
}

TEST(AbcReaderTest, AccidentalsLastToTheBarLineInTheirOctave) {
    const auto score = tune("X:1\nK:C\n^F F f =F F | F _B B b | B|\n");
    EXPECT_EQ(notes(score.parts.at(0)),
              (std::vector<std::string>{"F#4", "F#4", "F5", "F4", "F4", "F4", "Bb4", "Bb4", "B5", "B4"}));
}

TEST(AbcReaderTest, TiesCarryTheirAccidentalIntoTheNextBar) {
    const auto score = tune("X:1\nL:1/4\nK:C\nA2 z ^F-|F F2 z|\n");
    const auto& events = score.parts.at(0).events;
    EXPECT_EQ(notes(score.parts.at(0)), (std::vector<std::string>{"A4", "z", "F#4", "F#4", "F4", "z"}));
    EXPECT_TRUE(events[2].notes[0].tieStart);
    EXPECT_FALSE(events[2].notes[0].tieStop);
    EXPECT_TRUE(events[3].notes[0].tieStop);
    EXPECT_FALSE(events[3].notes[0].tieStart);
    EXPECT_FALSE(events[4].notes[0].tieStop);
    // A tie with no note after it to end on is dropped, with a word.
    const auto dangling = readAbc("X:1\nK:C\nA2-|\n", "d.abc");
    ASSERT_TRUE(dangling.ok());
    EXPECT_FALSE(dangling->scores.at(0).parts.at(0).events.at(0).notes.at(0).tieStart);
    EXPECT_EQ(messages(dangling->warnings),
              std::vector<std::string>{"d.abc:3:5: tune 1: a tie '-' from A4 has no note to end on; dropped"});
}

TEST(AbcReaderTest, TiesInChordsAndADashBetweenDifferentPitchesIsASlur) {
    const auto score = tune("X:1\nL:1/4\nK:C\n[CE-G]2 [DE]2|B-c z2|\n");
    const auto& events = score.parts.at(0).events;
    EXPECT_FALSE(events[0].notes[0].tieStart);
    EXPECT_TRUE(events[0].notes[1].tieStart);
    EXPECT_TRUE(events[1].notes[1].tieStop);
    EXPECT_FALSE(events[1].notes[0].tieStop);
    // "B-c" joins two different notes: an arc over them, not a tie.
    EXPECT_FALSE(events[2].notes[0].tieStart);
    ASSERT_EQ(score.layers.notation.slurs.size(), 1U);
    EXPECT_EQ(score.layers.notation.slurs[0].from, events[2].id);
    EXPECT_EQ(score.layers.notation.slurs[0].to, events[3].id);
}

TEST(AbcReaderTest, BrokenRhythm) {
    const auto score = tune("X:1\nL:1/8\nK:C\nA>B C<D E>>F G<<A|\n");
    EXPECT_EQ(durations(score.parts.at(0)),
              (std::vector<std::string>{"3/16", "1/16", "1/16", "3/16", "7/32", "1/32", "1/32", "7/32"}));
    EXPECT_EQ(offsets(score.parts.at(0)).at(2), "0@1/4");
    EXPECT_EQ(measureLengths(score), std::vector<std::string>{"1"});
    // A mark between the note and the '>' has its place already: the rhythm is not changed under it.
    const auto marked = readAbc("X:1\nL:1/8\nK:C\nA!segno!>B|\n", "m.abc");
    ASSERT_TRUE(marked.ok());
    EXPECT_EQ(durations(marked->scores.at(0).parts.at(0)), (std::vector<std::string>{"1/8", "1/8"}));
    EXPECT_EQ(messages(marked->warnings),
              std::vector<std::string>{
                  "m.abc:4:9, measure 1: tune 1: broken rhythm '>' stands between no two notes; ignored"});
    // Grace notes between the two lead into the second, wherever the rhythm puts it.
    EXPECT_EQ(offsets(tune("X:1\nL:1/8\nK:C\nA{g}>B|\n").parts.at(0)),
              (std::vector<std::string>{"0@0", "0@3/16", "0@3/16"}));
}

TEST(AbcReaderTest, TupletsWithTheirDefaults) {
    // (3 is three in the time of two; (p:q:r puts p notes in the time of q for the next r notes.
    auto score = tune("X:1\nM:4/4\nL:1/8\nK:C\n(3ABc (3:2:4d/e/f/g/ (2AB|\n");
    EXPECT_EQ(durations(score.parts.at(0)),
              (std::vector<std::string>{"1/12", "1/12", "1/12", "1/24", "1/24", "1/24", "1/24", "3/16", "3/16"}));
    const auto& events = score.parts.at(0).events;
    EXPECT_EQ(events[0].tuplets, (std::vector<score::Tuplet>{{3, 2, true, false}}));
    EXPECT_EQ(events[2].tuplets, (std::vector<score::Tuplet>{{3, 2, false, true}}));
    EXPECT_EQ(events[6].tuplets, (std::vector<score::Tuplet>{{3, 2, false, true}}));
    EXPECT_EQ(events[7].tuplets, (std::vector<score::Tuplet>{{2, 3, true, false}}));
    // (5 takes the time of 3 in a compound meter, of 2 in a simple one.
    score = tune("X:1\nM:6/8\nL:1/8\nK:C\n(5ABcde z|\n");
    EXPECT_EQ(durations(score.parts.at(0)).at(0), "3/40");
    score = tune("X:1\nM:2/4\nL:1/8\nK:C\n(5ABcde|\n");
    EXPECT_EQ(durations(score.parts.at(0)).at(0), "1/20");
}

TEST(AbcReaderTest, ChordsTakeTheirFirstNotesLengthTimesTheirOwn) {
    const auto score = tune("X:1\nL:1/8\nK:G\n[DFA]2 [D2F2A2] [DF]/2 [G3B]/|\n");
    EXPECT_EQ(notes(score.parts.at(0)), (std::vector<std::string>{"D4+F#4+A4", "D4+F#4+A4", "D4+F#4", "G4+B4"}));
    EXPECT_EQ(durations(score.parts.at(0)), (std::vector<std::string>{"1/4", "1/4", "1/16", "3/16"}));
}

TEST(AbcReaderTest, ChordSymbolsAlternatesAndAnnotations) {
    const auto score = tune("X:1\nL:1/4\nK:C\n\"C\"\"Em\"c \"Am7\"A \"G/B\"B \"Cd\"c|\"^rit.\"\"_dolce\"G4|\n");
    const auto& chords = score.layers.chords;
    ASSERT_EQ(chords.size(), 5U);
    EXPECT_EQ(chords[0].text, "C");
    EXPECT_FALSE(chords[0].alternate);
    EXPECT_EQ(chords[1].text, "Em");
    EXPECT_TRUE(chords[1].alternate);
    EXPECT_EQ(chords[1].at, chords[0].at);
    EXPECT_EQ(chords[2].kind, "minor-seventh");
    EXPECT_EQ(chords[2].root, (score::PitchName{score::Step::A, 0}));
    EXPECT_EQ(chords[2].at, (score::ScorePosition{0, Rational(1, 4)}));
    EXPECT_EQ(chords[3].bass, (score::PitchName{score::Step::B, 0}));
    EXPECT_EQ(chords[3].kind, "major");
    EXPECT_EQ(chords[4].text, "Cd");  // a Nottingham spelling: kept as written, not guessed at
    EXPECT_FALSE(chords[4].root.has_value());
    EXPECT_EQ(chords[4].partId, "P1");
    const auto& texts = score.layers.notation.texts;
    ASSERT_EQ(texts.size(), 2U);
    EXPECT_EQ(texts[0].text, "rit.");
    EXPECT_TRUE(texts[0].above);
    EXPECT_EQ(texts[1].text, "dolce");
    EXPECT_FALSE(texts[1].above);
    EXPECT_EQ(texts[1].at, (score::ScorePosition{1, Rational{}}));
}

TEST(AbcReaderTest, DecorationsGraceNotesAndSlurs) {
    const auto result =
        readAbc("X:1\nL:1/8\nU:W=!wedge!\nK:C\n!trill!A .B ~c !p!d !segno!e !wiggle!f {/g}a {ag}b|(AB)!fermata!Wc5J|\n",
                "t.abc");
    ASSERT_TRUE(result.ok());
    const auto& score = result->scores.at(0);
    const auto& events = score.parts.at(0).events;
    using A = score::Articulation;
    EXPECT_EQ(events[0].articulations, std::vector<A>{A::Trill});
    EXPECT_EQ(events[1].articulations, std::vector<A>{A::Staccato});
    EXPECT_EQ(events[2].articulations, std::vector<A>{A::Turn});  // a roll turns round its note
    ASSERT_EQ(score.parts.at(0).dynamics.size(), 1U);
    EXPECT_EQ(score.parts.at(0).dynamics[0].mark, "p");
    EXPECT_EQ(score.parts.at(0).dynamics[0].at, (score::ScorePosition{0, Rational(3, 8)}));
    ASSERT_EQ(score.timeline.measures[0].navigation.size(), 1U);
    EXPECT_EQ(score.timeline.measures[0].navigation[0].kind, score::NavigationKind::Segno);
    EXPECT_EQ(score.timeline.measures[0].navigation[0].offset, Rational(1, 2));
    EXPECT_EQ(messages(result->warnings),
              (std::vector<std::string>{
                  "t.abc:5:30, measure 1: tune 1: !wiggle! is not an ABC 2.1 decoration; ignored",
                  "t.abc:5:68, measure 2: tune 1: 'J' stands for no decoration (U: defines one); ignored"}));

    EXPECT_EQ(notes(score.parts.at(0), true), (std::vector<std::string>{"A4", "B4", "C5", "D5", "E5", "F5", "~G5", "A5",
                                                                        "~A5", "~G5", "B5", "A4", "B4", "C5"}));
    const score::Event& slashed = events[6];
    ASSERT_TRUE(slashed.grace.has_value());
    EXPECT_TRUE(slashed.grace->slash);
    EXPECT_EQ(slashed.grace->value, Rational(1, 8));
    EXPECT_EQ(slashed.duration, Rational{});
    EXPECT_EQ(slashed.offset, events[7].offset);
    EXPECT_FALSE(events[8].grace->slash);
    EXPECT_EQ(events[13].articulations, (std::vector<A>{A::Fermata, A::Staccatissimo}));
    ASSERT_EQ(score.layers.notation.slurs.size(), 1U);
    EXPECT_EQ(score.layers.notation.slurs[0].from, events[11].id);
    EXPECT_EQ(score.layers.notation.slurs[0].to, events[12].id);
}

TEST(AbcReaderTest, RepeatsAndNumberedEndings) {
    const auto score = tune("X:1\nM:2/4\nL:1/4\nK:C\n|:A B|c d|[1 e f:|[2 g a||\n|:c2|[1 d2:|2 e2|]\n");
    const auto& measures = score.timeline.measures;
    ASSERT_EQ(measures.size(), 7U);
    EXPECT_TRUE(measures[0].repeatStart);
    EXPECT_EQ(measures[2].repeatEnd, 2);
    EXPECT_EQ(measures[3].barline, "light-light");
    EXPECT_TRUE(measures[4].repeatStart);
    EXPECT_EQ(measures[5].repeatEnd, 2);
    EXPECT_EQ(measures[6].barline, "light-heavy");
    const auto& endings = score.timeline.endings;
    ASSERT_EQ(endings.size(), 4U);
    EXPECT_EQ(endings[0], (score::Ending{2, 2, {1}, "1", false}));
    EXPECT_EQ(endings[1], (score::Ending{3, 3, {2}, "2", false}));
    EXPECT_EQ(endings[2], (score::Ending{5, 5, {1}, "1", false}));
    EXPECT_EQ(endings[3], (score::Ending{6, 6, {2}, "2", false}));
    // "::" ends one repeat and starts the next.
    const auto both = tune("X:1\nL:1/4\nK:C\n|:A4::B4:|\n");
    EXPECT_EQ(both.timeline.measures.at(0).repeatEnd, 2);
    EXPECT_TRUE(both.timeline.measures.at(1).repeatStart);
    EXPECT_EQ(both.timeline.measures.at(1).repeatEnd, 2);
}

TEST(AbcReaderTest, AnEndingForSeveralPassesRepeatsThatOften) {
    const auto score = tune("X:1\nL:1/4\nK:C\n|:A4|[1,2 B4:|[3 c4|]\n");
    EXPECT_EQ(score.timeline.measures[1].repeatEnd, 3);
    ASSERT_EQ(score.timeline.endings.size(), 2U);
    EXPECT_EQ(score.timeline.endings[0].numbers, (std::vector<std::uint8_t>{1, 2}));
    EXPECT_EQ(score.timeline.endings[1].numbers, (std::vector<std::uint8_t>{3}));
}

TEST(AbcReaderTest, ALastEndingRunsToADoubleBarOrAsLongAsTheFirst) {
    auto score = tune("X:1\nL:1/4\nK:C\n|:A4|[1 B4|c4:|[2 d4|e4|f4|]\n");
    ASSERT_EQ(score.timeline.endings.size(), 2U);
    EXPECT_EQ(score.timeline.endings[0].lastMeasure, 2U);
    EXPECT_EQ(score.timeline.endings[1].firstMeasure, 3U);
    EXPECT_EQ(score.timeline.endings[1].lastMeasure, 4U);
    score = tune("X:1\nL:1/4\nK:C\n|:A4|[1 B4:|[2 c4 d4|e4 f4||\n");
    EXPECT_EQ(score.timeline.endings.at(1).firstMeasure, 2U);
    EXPECT_EQ(score.timeline.endings.at(1).lastMeasure, 2U);
    score = tune("X:1\nL:1/4\nK:C\n|:A4|[1 B4:|[2 c4|]\n");
    EXPECT_EQ(score.timeline.endings.at(1).lastMeasure, 2U);
}

TEST(AbcReaderTest, PickupAndMeasureNumbersAndLengths) {
    // A bar may go on over a line break; the last bar is as long as its notes.
    auto score = tune("X:1\nM:3/4\nL:1/4\nK:C\nE|A B c|d3|e2\nf|g2|]\n");
    EXPECT_EQ(measureNumbers(score), (std::vector<std::string>{"0", "1", "2", "3", "4"}));
    EXPECT_EQ(measureLengths(score), (std::vector<std::string>{"1/4", "3/4", "3/4", "3/4", "1/2"}));
    EXPECT_TRUE(score.timeline.measures[0].pickup);
    EXPECT_FALSE(score.timeline.measures[4].pickup);
    EXPECT_EQ(notes(score.parts.at(0)), (std::vector<std::string>{"E4", "A4", "B4", "C5", "D5", "E5", "F5", "G5"}));
    // A bar line ending one line and another starting the next are one bar line; a full first bar
    // is no pickup.
    score = tune("X:1\nM:3/4\nL:1/4\nK:C\nA B c|\n|:d3:|\n");
    EXPECT_EQ(measureNumbers(score), (std::vector<std::string>{"1", "2"}));
    EXPECT_TRUE(score.timeline.measures[1].repeatStart);
}

TEST(AbcReaderTest, MultiMeasureRestsExpand) {
    const auto score = tune("X:1\nM:3/4\nK:C\nZ3|A6|\n");
    ASSERT_EQ(score.timeline.measures.size(), 4U);
    const auto& events = score.parts.at(0).events;
    ASSERT_EQ(events.size(), 4U);
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(events[static_cast<std::size_t>(i)].measureRest);
        EXPECT_EQ(events[static_cast<std::size_t>(i)].measure, static_cast<std::uint32_t>(i));
        EXPECT_EQ(events[static_cast<std::size_t>(i)].duration, Rational(3, 4));
    }
    EXPECT_EQ(measureNumbers(score), (std::vector<std::string>{"1", "2", "3", "4"}));
}

TEST(AbcReaderTest, VoicesBecomePartsOnOneTimeline) {
    const auto score = tune(
        "X:1\nM:2/4\nL:1/4\nV:S name=\"Soprano\" sname=\"S.\"\nV:B clef=bass\nK:F\n"
        "[V:S] c d|e2|f2|\n[V:B] F,2|B,,2|\n");
    ASSERT_EQ(score.parts.size(), 2U);
    EXPECT_EQ(score.parts[0].name, "Soprano");
    EXPECT_EQ(score.parts[0].abbreviation, "S.");
    EXPECT_EQ(score.parts[1].name, "B");
    EXPECT_EQ(notes(score.parts[0]), (std::vector<std::string>{"C5", "D5", "E5", "F5"}));
    EXPECT_EQ(notes(score.parts[1]), (std::vector<std::string>{"F3", "Bb2"}));
    EXPECT_EQ(measureLengths(score), (std::vector<std::string>{"1/2", "1/2", "1/2"}));
    ASSERT_EQ(score.layers.notation.clefs.size(), 1U);
    EXPECT_EQ(score.layers.notation.clefs[0].partId, "P2");
    EXPECT_EQ(score.layers.notation.clefs[0].sign, score::Clef::Sign::F);
}

TEST(AbcReaderTest, VoicesDeclaredInTheBodyAndOverlays) {
    const auto score = tune("X:1\nL:1/4\nK:C\nV:1\nC D E F|G4|\nV:2\nc4|B2 & G2|\n");
    ASSERT_EQ(score.parts.size(), 2U);
    const auto& overlaid = score.parts[1].events;
    ASSERT_EQ(overlaid.size(), 3U);
    EXPECT_EQ(overlaid[1].voice, 1);
    EXPECT_EQ(overlaid[2].voice, 2);
    EXPECT_EQ(overlaid[2].offset, Rational{});
    EXPECT_EQ(overlaid[2].measure, 1U);
    EXPECT_EQ(measureLengths(score), (std::vector<std::string>{"1", "1"}));
}

TEST(AbcReaderTest, LyricsAlignToTheNotesAboveThem) {
    const auto score = tune("X:1\nL:1/4\nK:C\nC D E F|G A B c|\nw: hel-lo_ * | wor~ld\nw: a b\nd4|\nw: end\n");
    const auto& events = score.parts.at(0).events;
    const auto& lyrics = score.layers.lyrics;
    using S = score::LyricSyllable::Syllabic;
    ASSERT_EQ(lyrics.size(), 6U);
    EXPECT_EQ(lyrics[0], (score::LyricSyllable{events[0].id, 1, "hel", S::Begin, false}));
    // _ holds "lo" over E, * leaves F without a syllable, | finds the next bar already reached.
    EXPECT_EQ(lyrics[1], (score::LyricSyllable{events[1].id, 1, "lo", S::End, true}));
    EXPECT_EQ(lyrics[2], (score::LyricSyllable{events[4].id, 1, "wor ld", S::Single, false}));
    EXPECT_EQ(lyrics[3], (score::LyricSyllable{events[0].id, 2, "a", S::Single, false}));
    EXPECT_EQ(lyrics[4].event, events[1].id);
    EXPECT_EQ(lyrics[5], (score::LyricSyllable{events[8].id, 1, "end", S::Single, false}));
    // | moves on to the next bar's first note.
    const auto barred = tune("X:1\nL:1/4\nK:C\nC D E F|G A B c|\nw: one | two\n");
    ASSERT_EQ(barred.layers.lyrics.size(), 2U);
    EXPECT_EQ(barred.layers.lyrics[1].event, barred.parts.at(0).events[4].id);
    // The next block of w: lines starts after the notes the last one was under.
    const auto last = tune("X:1\nL:1/4\nK:C\nC D|\nw: a b\nE z F|\nw: c d\n");
    ASSERT_EQ(last.layers.lyrics.size(), 4U);
    EXPECT_EQ(last.layers.lyrics[2].event, last.parts.at(0).events[2].id);
    EXPECT_EQ(last.layers.lyrics[3].event, last.parts.at(0).events[4].id);  // the rest takes none
}

TEST(AbcReaderTest, WordsAfterTheTuneBecomeAText) {
    const auto score = tune("X:1\nK:C\nC|\nW:First verse\nW:goes here\n");
    ASSERT_EQ(score.layers.notation.texts.size(), 1U);
    EXPECT_EQ(score.layers.notation.texts[0].text, "First verse\ngoes here");
    EXPECT_FALSE(score.layers.notation.texts[0].above);
}

TEST(AbcReaderTest, InlineFieldsChangeKeyMeterAndTempoMidTune) {
    const auto score =
        tune("X:1\nM:2/4\nL:1/8\nQ:1/4=100\nK:C\nF2 [K:D] F2|[M:3/4] F6|\nQ:3/8=60\n[Q:\"Allegro\" 1/4=132] c6|\n");
    EXPECT_EQ(notes(score.parts.at(0)), (std::vector<std::string>{"F4", "F#4", "F#4", "C#5"}));
    const auto& measures = score.timeline.measures;
    ASSERT_EQ(measures[0].keys.size(), 2U);
    EXPECT_EQ(measures[0].keys[1].offset, Rational(1, 4));
    EXPECT_EQ(measures[0].keys[1].key.fifths, 2);
    EXPECT_EQ(measures[1].time, (score::TimeSignature{3, 4}));
    EXPECT_FALSE(measures[2].time.has_value());
    ASSERT_EQ(measures[2].tempos.size(), 1U);  // the inline Q: at the same place replaces the line
    EXPECT_EQ(measures[2].tempos[0].text, "Allegro");
    EXPECT_EQ(measures[2].tempos[0].beatsPerMinute, Rational(132));
    EXPECT_EQ(measures[0].tempos.at(0).quarterBpm(), Rational(100));
}

TEST(AbcReaderTest, PartsGiveTheFormInTheHeadersOrder) {
    const auto score = tune("X:1\nP:AABA\nL:1/4\nK:C\nP:A\nC4|D4|\nP:B\nE4|\n");
    const auto& form = score.layers.form;
    ASSERT_EQ(form.size(), 4U);
    EXPECT_EQ(form[0], (score::Section{"A", 0, 1}));
    EXPECT_EQ(form[1], (score::Section{"A", 0, 1}));
    EXPECT_EQ(form[2], (score::Section{"B", 2, 2}));
    EXPECT_EQ(form[3], (score::Section{"A", 0, 1}));
    // The Nottingham books give the order in Y:; without an order the parts are the form as written.
    EXPECT_EQ(tune("X:1\nY:ABB\nK:C\nP:A\nC4|\nP:B\nD4|\n").layers.form.size(), 3U);
    EXPECT_EQ(tune("X:1\nK:C\nP:A\nC4|\nP:B\nD4|\n").layers.form.size(), 2U);
    // A part starts a bar: the Nottingham books end an introduction without a bar line before P:.
    const auto intro = tune("X:1\nY:SAA\nM:6/8\nK:G\nP:S\nd3\nP:A\ngdB GBd|g6|\n");
    EXPECT_EQ(measureLengths(intro), (std::vector<std::string>{"3/8", "3/4", "3/4"}));
    EXPECT_EQ(intro.layers.form, (std::vector<score::Section>{{"S", 0, 0}, {"A", 1, 2}, {"A", 1, 2}}));
}

TEST(AbcReaderTest, ContinuationsCommentsAndDirectives) {
    const auto score = tune(
        "%abc-2.1\nX:1\n%%pagewidth 21cm\nK:C % the key\nC D \\\n% a comment line\nE F|%end\n%%MIDI program 40\nG4|\n");
    EXPECT_EQ(notes(score.parts.at(0)), (std::vector<std::string>{"C4", "D4", "E4", "F4", "G4"}));
    EXPECT_EQ(score.parts.at(0).instrument.gmProgram, 40);
}

TEST(AbcReaderTest, ABookGivesOneScorePerTuneWithTheFileHeaderForEach) {
    const auto book =
        readAbc("C:Trad.\nR:jig\n\nX:1\nT:One\nK:G\nG|\n\nfree text between tunes\n\nX:2\nT:Two\nC:Someone\nK:D\nD|\n",
                "b.abc");
    ASSERT_TRUE(book.ok());
    ASSERT_EQ(book->scores.size(), 2U);
    EXPECT_EQ(book->scores[0].metadata.title, "One");
    EXPECT_EQ(book->scores[0].metadata.composer, "Trad.");
    EXPECT_EQ(book->scores[1].metadata.composer, "Someone");
    EXPECT_EQ(book->scores[1].metadata.genre, "jig");
    EXPECT_TRUE(book->warnings.empty()) << messages(book->warnings).front();

    const auto second = readAbcTune("X:1\nK:C\nC|\n\nX:2\nT:Two\nK:D\nD|\n", "b.abc", 2);
    ASSERT_TRUE(second.ok());
    ASSERT_EQ(second->scores.size(), 1U);
    EXPECT_EQ(second->scores[0].metadata.title, "Two");
    const auto missing = readAbcTune("X:1\nK:C\nC|\n", "b.abc", 3);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, core::ErrorCode::NotFound);
}

TEST(AbcReaderTest, AnUnreadableTuneIsAWarningAndTheOthersImport) {
    const auto book = readAbc("X:1\nT:Fine\nK:C\nC|\n\nX:2\nT:Empty\nK:C\n\nX:3\nT:Also fine\nK:C\nE|\n", "b.abc");
    ASSERT_TRUE(book.ok());
    ASSERT_EQ(book->scores.size(), 2U);
    EXPECT_EQ(book->scores[1].metadata.title, "Also fine");
    EXPECT_EQ(messages(book->warnings), std::vector<std::string>{"b.abc:6:1: tune 2 (Empty): the tune has no music"});
}

TEST(AbcReaderTest, ProblemsNameTheirPlaceAndTune) {
    const auto book = readAbc("X:4\nT:Rough\nK:C\nC D $E|F)G|\n", "r.abc");
    ASSERT_TRUE(book.ok());
    EXPECT_EQ(messages(book->warnings),
              (std::vector<std::string>{"r.abc:4:5: tune 4 (Rough): '$' is not ABC here; skipped",
                                        "r.abc:4:9, measure 2: tune 4 (Rough): ')' closes no slur; ignored"}));
}

TEST(AbcReaderTest, AFileWithNoReadableTuneIsAnError) {
    const auto none = readAbc("just some text\n", "n.abc");
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().describe(), "n.abc: no tune: an ABC tune starts with an X: field and has music");
    const auto empty = readAbc("X:1\nT:Nothing\nK:C\n", "e.abc");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().describe(), "e.abc:1:1: tune 1 (Nothing): the tune has no music");
    const auto huge = readAbc("X:2\nK:C\nZ30000|\n", "h.abc");
    ASSERT_FALSE(huge.ok());
    EXPECT_EQ(huge.error().describe(), "h.abc:3:1: tune 2: the tune is longer than 20,000 measures");
}

TEST(AbcReaderTest, ATuneWithoutXIsStillRead) {
    const auto book = readAbc("T:Snippet\nK:G\nGAB|\n", "s.abc");
    ASSERT_TRUE(book.ok());
    ASSERT_EQ(book->scores.size(), 1U);
    EXPECT_EQ(book->scores[0].metadata.title, "Snippet");
    EXPECT_EQ(messages(book->warnings),
              std::vector<std::string>{"s.abc:1:1: the file has no X: field; it is read as one tune"});
}

}  // namespace
}  // namespace mos::formats
