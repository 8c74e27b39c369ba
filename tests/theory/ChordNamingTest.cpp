#include "mos/theory/ChordNaming.hpp"

#include <array>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/RealtimeAudit.hpp"

namespace mos::theory {
namespace {

std::vector<int> midi(std::initializer_list<const char*> pitches) {
    std::vector<int> notes;
    for (const char* text : pitches) notes.push_back(Pitch::parse(text)->midiNumber());
    return notes;
}

std::string best(std::initializer_list<const char*> pitches, const std::optional<Key>& key = std::nullopt) {
    const auto named = nameChord(midi(pitches), key);
    return named.empty() ? "" : named.front().symbol.toString(ChordStyle::Pop);
}

TEST(ChordNamingTest, NamesCommonChords) {
    EXPECT_EQ(best({"C4", "E4", "G4"}), "C");
    EXPECT_EQ(best({"A3", "C4", "E4"}), "Am");
    EXPECT_EQ(best({"C4", "E4", "G4", "Bb4"}), "C7");
    EXPECT_EQ(best({"C4", "E4", "G4", "B4"}), "Cmaj7");
    EXPECT_EQ(best({"D4", "F4", "A4", "C5"}), "Dm7");
    EXPECT_EQ(best({"B3", "D4", "F4", "A4"}), "Bm7b5");
    EXPECT_EQ(best({"B3", "D4", "F4", "Ab4"}), "Bdim7");
    EXPECT_EQ(best({"C4", "E4", "G#4"}), "Caug");
    EXPECT_EQ(best({"C4", "F4", "G4"}), "Csus4");
    EXPECT_EQ(best({"C4", "G4"}), "C5");
    EXPECT_EQ(best({"G3", "B3", "D4", "F4", "A4"}), "G9");
    EXPECT_EQ(best({"G3", "B3", "F4", "Ab4", "A#4"}), "G7b9#9no5");
    EXPECT_EQ(best({"C4", "Eb4", "G4", "B4"}), "Cm(maj7)");
}

TEST(ChordNamingTest, IncompleteChordsAndAddedTones) {
    EXPECT_EQ(best({"C4", "E4", "Bb4"}), "C7no5");
    EXPECT_EQ(best({"C4", "Eb4", "Bb4"}), "Cm7no5");
    EXPECT_EQ(best({"C4", "E4", "G4", "D5"}), "Cadd9");
    EXPECT_EQ(best({"C4", "E4", "G4", "A4", "D5"}), "C6/9");
}

TEST(ChordNamingTest, TheBassDecidesBetweenEquallySimpleReadings) {
    EXPECT_EQ(best({"C3", "E4", "G4", "A4"}), "C6");
    EXPECT_EQ(best({"A2", "C4", "E4", "G4"}), "Am7");
    EXPECT_EQ(best({"E3", "G3", "C4"}), "C/E");
    EXPECT_EQ(best({"F#3", "D4", "A4"}), "D/F#");
    EXPECT_EQ(best({"Bb2", "C4", "E4", "G4"}), "C7/Bb");  // the bass is the seventh
}

TEST(ChordNamingTest, AnInversionIsReadOverTheChordToneChartsPutInTheBass) {
    // The same four notes over G: the third of Eb6 rather than the fifth of Cm7; over Bb: the
    // seventh of Cm7 rather than the fifth of Eb6.
    EXPECT_EQ(best({"G3", "Bb3", "C4", "Eb4"}), "Eb6/G");
    EXPECT_EQ(best({"Bb3", "C4", "Eb4", "G4"}), "Cm7/Bb");
}

TEST(ChordNamingTest, AFlatThirteenthNeedsTheFifthBesideIt) {
    // A C F G over A is F with an added ninth over its third, not an Am7 with a b13 and no fifth.
    EXPECT_EQ(best({"A3", "C4", "F4", "G4"}), "Fadd9/A");
    EXPECT_EQ(best({"C4", "E4", "G4", "Ab4", "Bb4"}), "C7b13");
}

TEST(ChordNamingTest, TheKeySpellsTheRoot) {
    EXPECT_EQ(best({"C#4", "F4", "G#4"}), "Db");
    EXPECT_EQ(best({"C#4", "F4", "G#4"}, Key::parse("F# major")), "C#");
    EXPECT_EQ(best({"A#3", "D4", "F4"}, Key::parse("F major")), "Bb");
    EXPECT_EQ(best({"D#4", "F#4", "A#4"}, Key::parse("B major")), "D#m");
}

TEST(ChordNamingTest, CandidatesAreRankedWithConfidences) {
    const auto named = nameChord(midi({"C3", "E4", "G4", "A4"}), std::nullopt, 4);
    ASSERT_EQ(named.size(), 4U);
    double total = 0;
    for (std::size_t i = 0; i < named.size(); ++i) {
        total += named[i].confidence;
        if (i > 0) {
            EXPECT_LE(named[i].confidence, named[i - 1].confidence);
        }
    }
    EXPECT_LE(total, 1.0 + 1e-9);
    EXPECT_GT(named[0].confidence, 0.5);
    EXPECT_EQ(named[1].symbol.toString(ChordStyle::Pop), "Am7/C");
    EXPECT_TRUE(nameChord(std::vector<int>{}).empty());
}

TEST(ChordNamingTest, EverySpelledChordIsExplainedExactly) {
    // Whatever is named sounds exactly the notes given, bass included.
    for (const char* text : {"C7b9#11", "F#m11", "Bbmaj9#11", "Eb13", "Ab7alt", "Dm69", "G13sus", "Cmb6", "A7#5#9",
                             "Db6/9", "E7b13", "C9/Bb", "F#m7b5/C"}) {
        const ChordSymbol chord = *ChordSymbol::parse(text);
        std::vector<int> notes;
        for (const Pitch& pitch : chord.spell()) notes.push_back(pitch.midiNumber());
        const auto named = nameChord(notes);
        ASSERT_FALSE(named.empty()) << text;
        EXPECT_EQ(named.front().symbol.pitchClasses(), chord.pitchClasses())
            << text << " named " << named.front().symbol.toString();
    }
}

TEST(ChordNamingTest, NamingIntoASpanIsRealtimeSafe) {
    const ChordSymbol chord = *ChordSymbol::parse("C9/E");
    const std::uint16_t pitchClasses = chord.pitchClasses();
    const std::optional<Key> key = Key::parse("F major");
    std::array<ChordCandidate, 4> out{};
    std::size_t named = 0;
    EXPECT_TRUE(mos::test::runsRealtimeSafe([&] { named = nameChord(pitchClasses, 4, key, out); }));
    ASSERT_GT(named, 0U);
    EXPECT_EQ(out[0].symbol.toString(ChordStyle::Pop), "C9/E");
}

}  // namespace
}  // namespace mos::theory
