// Numerals spelled in keys: roots (minor's sixth and seventh degrees by quality), triads and
// sevenths, inversions, applied chords, the Neapolitan, augmented sixths, Cad64, brackets and
// figures with accidentals, in sharp and flat keys.

#include <string>

#include <gtest/gtest.h>

#include "mos/theory/RomanNumeral.hpp"

namespace mos::theory {
namespace {

RomanChord chordOf(const char* numeral, const char* key) {
    const auto parsed = RomanNumeral::parse(numeral);
    const auto inKey = Key::parse(key);
    EXPECT_TRUE(parsed && inKey) << numeral << " in " << key;
    return parsed && inKey ? parsed->toChord(*inKey) : RomanChord{};
}

// The chord's notes, bass first: "F# A C D".
std::string spell(const char* numeral, const char* key) {
    std::string notes;
    for (const NoteName& note : chordOf(numeral, key).notes) {
        if (!notes.empty()) notes += ' ';
        notes += note.toString();
    }
    return notes;
}

std::string quality(const char* numeral, const char* key) {
    return std::string{romanQualityName(chordOf(numeral, key).quality)};
}

TEST(RomanNumeralChordTest, SpellsTheDiatonicTriads) {
    EXPECT_EQ(spell("I", "C"), "C E G");
    EXPECT_EQ(spell("ii", "C"), "D F A");
    EXPECT_EQ(spell("iii", "C"), "E G B");
    EXPECT_EQ(spell("IV", "C"), "F A C");
    EXPECT_EQ(spell("V", "C"), "G B D");
    EXPECT_EQ(spell("vi", "C"), "A C E");
    EXPECT_EQ(spell("viio", "C"), "B D F");
    EXPECT_EQ(spell("i", "c"), "C Eb G");
    EXPECT_EQ(spell("iio", "c"), "D F Ab");
    EXPECT_EQ(spell("III", "c"), "Eb G Bb");
    EXPECT_EQ(spell("iv", "c"), "F Ab C");
    EXPECT_EQ(spell("v", "c"), "G Bb D");
    EXPECT_EQ(spell("V", "c"), "G B D");
    EXPECT_EQ(quality("viio", "C"), "diminished");
    EXPECT_EQ(quality("III+", "c"), "augmented");
    EXPECT_EQ(spell("III+", "c"), "Eb G B");
}

TEST(RomanNumeralChordTest, SpellsInSharpAndFlatKeys) {
    EXPECT_EQ(spell("I", "F#"), "F# A# C#");
    EXPECT_EQ(spell("V7", "F#"), "C# E# G# B");
    EXPECT_EQ(spell("viio7", "F#"), "E# G# B D");
    EXPECT_EQ(spell("It6", "F#"), "D F# B#");
    EXPECT_EQ(spell("i", "eb"), "Eb Gb Bb");
    EXPECT_EQ(spell("V", "eb"), "Bb D F");
    EXPECT_EQ(spell("viio7", "eb"), "D F Ab Cb");
    EXPECT_EQ(spell("VI", "eb"), "Cb Eb Gb");
    EXPECT_EQ(spell("N6", "eb"), "Ab Cb Fb");
    EXPECT_EQ(spell("Ger65", "eb"), "Cb Eb Gb A");
    EXPECT_EQ(spell("V7/V", "Db"), "Eb G Bb Db");
    EXPECT_EQ(spell("V/V", "C#"), "D# F## A#");
}

TEST(RomanNumeralChordTest, MinorSixthAndSeventhDegreesFollowTheQuality) {
    EXPECT_EQ(spell("VII", "c"), "Bb D F");
    EXPECT_EQ(spell("viio", "c"), "B D F");
    EXPECT_EQ(spell("viio7", "c"), "B D F Ab");
    EXPECT_EQ(spell("viiø7", "c"), "B D F A");
    EXPECT_EQ(spell("vii", "c"), "B D F#");
    EXPECT_EQ(spell("VI", "c"), "Ab C Eb");
    EXPECT_EQ(spell("vi", "c"), "A C E");
    EXPECT_EQ(spell("vio", "c"), "A C Eb");
    EXPECT_EQ(spell("#VI", "c"), "A C# E");
    EXPECT_EQ(spell("bvii", "c"), "Bb Db F");
    // Accidentals that only confirm the degree the quality gives.
    EXPECT_EQ(spell("#viio", "c"), spell("viio", "c"));
    EXPECT_EQ(spell("#vi", "c"), spell("vi", "c"));
    EXPECT_EQ(spell("bVI", "c"), spell("VI", "c"));
    EXPECT_EQ(spell("bVII", "c"), spell("VII", "c"));
    // In major the case does not move the root.
    EXPECT_EQ(spell("VI", "C"), "A C# E");
    EXPECT_EQ(spell("bVI", "C"), "Ab C Eb");
}

TEST(RomanNumeralChordTest, FiguresPutAMemberInTheBass) {
    EXPECT_EQ(spell("I6", "C"), "E G C");
    EXPECT_EQ(spell("I64", "C"), "G C E");
    EXPECT_EQ(spell("V65", "C"), "B D F G");
    EXPECT_EQ(spell("V43", "C"), "D F G B");
    EXPECT_EQ(spell("V42", "C"), "F G B D");
    EXPECT_EQ(spell("V2", "C"), "F G B D");
    const RomanChord firstInversion = chordOf("V65", "C");
    EXPECT_EQ(firstInversion.inversion, 1);
    EXPECT_EQ(firstInversion.root.toString(), "G");
    EXPECT_EQ(firstInversion.bass.toString(), "B");
    EXPECT_EQ(chordOf("V42", "C").inversion, 3);
    EXPECT_EQ(chordOf("I64", "C").inversion, 2);
}

TEST(RomanNumeralChordTest, SeventhsComeFromTheKeyUnlessMarked) {
    EXPECT_EQ(spell("I7", "C"), "C E G B");
    EXPECT_EQ(quality("I7", "C"), "major-seventh");
    EXPECT_EQ(spell("IV7", "C"), "F A C E");
    EXPECT_EQ(quality("ii7", "C"), "minor-seventh");
    EXPECT_EQ(quality("V7", "C"), "dominant-seventh");
    EXPECT_EQ(spell("viiø7", "C"), "B D F A");
    EXPECT_EQ(quality("viiø7", "C"), "half-diminished-seventh");
    EXPECT_EQ(spell("viio7", "C"), "B D F Ab");
    EXPECT_EQ(quality("viio7", "C"), "diminished-seventh");
    EXPECT_EQ(spell("i7", "c"), "C Eb G Bb");
    EXPECT_EQ(spell("iv7", "c"), "F Ab C Eb");
    EXPECT_EQ(spell("III7", "c"), "Eb G Bb D");
    EXPECT_EQ(spell("VI7", "c"), "Ab C Eb G");
    EXPECT_EQ(spell("V7", "c"), "G B D F");
    EXPECT_EQ(spell("VII7", "c"), "Bb D F Ab");
    EXPECT_EQ(spell("IVM7", "c"), "F A C E");
    EXPECT_EQ(spell("IVd7", "C"), "F A C Eb");
    EXPECT_EQ(spell("ivM7", "c"), "F Ab C E");
    EXPECT_EQ(quality("ivM7", "c"), "minor-major-seventh");
    EXPECT_EQ(spell("III+M7", "c"), "Eb G B D");
    EXPECT_EQ(quality("III+M7", "c"), "augmented-major-seventh");
    EXPECT_EQ(spell("V+7", "C"), "G B D# F");
    EXPECT_EQ(quality("V+7", "C"), "augmented-seventh");
    EXPECT_EQ(spell("V9", "C"), "G B D F A");
    EXPECT_EQ(spell("V9", "c"), "G B D F Ab");
    // On a chromatic root or a chord of the other mode a bare 7 is a minor seventh, as in a chord
    // symbol (analysts write bVIM7 for the major seventh).
    EXPECT_EQ(spell("bVII7", "C"), "Bb D F Ab");
    EXPECT_EQ(spell("bVI7", "C"), "Ab C Eb Gb");
    EXPECT_EQ(spell("bVIM7", "C"), "Ab C Eb G");
    EXPECT_EQ(spell("bII7", "C"), "Db F Ab Cb");
    EXPECT_EQ(spell("iv7", "C"), "F Ab C Eb");
    EXPECT_EQ(spell("#iv7", "D"), "G# B D# F#");
    EXPECT_EQ(spell("vii7", "c"), "B D F# A");
    EXPECT_EQ(spell("vi7", "c"), "A C E G");
    EXPECT_EQ(spell("#vi65", "Ab"), "A C# E F#");
    EXPECT_EQ(spell("bVI[add9]", "C"), "Ab C Eb Bb");
    EXPECT_EQ(spell("bVI[addb9]", "C"), "Ab C Eb Bbb");
}

TEST(RomanNumeralChordTest, SpellsInChurchModes) {
    EXPECT_EQ(spell("i", "D dorian"), "D F A");
    EXPECT_EQ(spell("IV", "D dorian"), "G B D");
    EXPECT_EQ(spell("VII", "D dorian"), "C E G");
    EXPECT_EQ(spell("vi", "D dorian"), "B D F#");  // the case decides, as in major
    EXPECT_EQ(spell("VII", "G mixolydian"), "F A C");
    EXPECT_EQ(spell("I7", "G mixolydian"), "G B D F");
}

TEST(RomanNumeralChordTest, AppliedChordsAreReadInTheTargetsKey) {
    EXPECT_EQ(spell("V/V", "C"), "D F# A");
    EXPECT_EQ(chordOf("V/V", "C").key, *Key::parse("G"));
    EXPECT_EQ(spell("V65/V", "C"), "F# A C D");
    EXPECT_EQ(spell("V7/ii", "C"), "A C# E G");
    EXPECT_EQ(chordOf("V7/ii", "C").key, *Key::parse("d"));
    EXPECT_EQ(spell("viio7/V", "C"), "F# A C Eb");
    EXPECT_EQ(spell("viiø7/V", "C"), "F# A C E");
    EXPECT_EQ(spell("viio7/ii", "C"), "C# E G Bb");
    EXPECT_EQ(spell("V7/V/V", "C"), "A C# E G");
    EXPECT_EQ(chordOf("V7/V/V", "C").key, *Key::parse("D"));
    EXPECT_EQ(spell("V/bVI", "C"), "Eb G Bb");
    EXPECT_EQ(spell("V7/N", "C"), "Ab C Eb Gb");
    EXPECT_EQ(spell("V/III", "c"), "Bb D F");
    EXPECT_EQ(spell("viio7/iv", "c"), "E G Bb Db");
    EXPECT_EQ(spell("V7/iv", "a"), "A C# E G");
    EXPECT_EQ(spell("viio/vii", "c"), "A# C# E");  // vii in c minor is B minor
}

TEST(RomanNumeralChordTest, SpellsTheNeapolitanAndAugmentedSixths) {
    const RomanChord neapolitan = chordOf("N6", "a");
    EXPECT_EQ(spell("N6", "a"), "D F Bb");
    EXPECT_EQ(neapolitan.bass.toString(), "D");
    EXPECT_EQ(neapolitan.root.toString(), "Bb");
    EXPECT_EQ(neapolitan.inversion, 1);
    EXPECT_EQ(spell("N", "C"), "Db F Ab");
    const RomanChord german = chordOf("Ger65", "C");
    EXPECT_EQ(spell("Ger65", "C"), "Ab C Eb F#");
    EXPECT_EQ(german.root.toString(), "F#");
    EXPECT_EQ(german.inversion, 1);
    EXPECT_EQ(romanQualityName(german.quality), "german-sixth");
    EXPECT_EQ(spell("It6", "C"), "Ab C F#");
    EXPECT_EQ(quality("It6", "C"), "italian-sixth");
    EXPECT_EQ(spell("Fr43", "C"), "Ab C D F#");
    EXPECT_EQ(quality("Fr43", "C"), "french-sixth");
    EXPECT_EQ(chordOf("Fr43", "C").root.toString(), "D");
    EXPECT_EQ(spell("Ger65", "c"), "Ab C Eb F#");
    EXPECT_EQ(spell("Ger6/V", "C"), "Eb G Bb C#");
    EXPECT_EQ(spell("Ger7", "C"), "F# Ab C Eb");
    EXPECT_EQ(spell("It64", "C"), "C F# Ab");
}

TEST(RomanNumeralChordTest, CadentialSixFourIsTheTonicSixFour) {
    const RomanChord major = chordOf("Cad64", "C");
    EXPECT_EQ(spell("Cad64", "C"), "G C E");
    EXPECT_EQ(major.root.toString(), "C");
    EXPECT_EQ(major.inversion, 2);
    EXPECT_EQ(spell("Cad64", "c"), "G C Eb");
    EXPECT_EQ(spell("Cad64/V", "C"), "D G B");
}

TEST(RomanNumeralChordTest, BracketsLeaveOutAddAndAlterTones) {
    EXPECT_EQ(spell("V7[no5]", "C"), "G B F");
    EXPECT_EQ(spell("V[no3][add4]", "C"), "G D C");
    EXPECT_EQ(spell("I[add9]", "C"), "C E G D");
    EXPECT_EQ(spell("V7[no5][add6]", "C"), "G B F E");
    EXPECT_EQ(spell("ii6[no3][add4]", "C"), "F A D G");  // the figures' bass stays
    EXPECT_EQ(spell("I[no1][add2]", "C"), "C E G D");
    EXPECT_EQ(spell("i6[no8][add#7]", "c"), "Eb G B");
    EXPECT_EQ(spell("i[add#7]", "c"), "C Eb G B");
    EXPECT_EQ(spell("V[add#7]", "C"), "G B D F#");
    EXPECT_EQ(spell("V[no5][addb6]", "C"), "G B Eb");
    EXPECT_EQ(spell("V[no5][addb6]", "c"), "G B Eb");
    EXPECT_EQ(spell("V9[b9]", "C"), "G B D F Ab");
    EXPECT_EQ(spell("V9[b9]", "a"), "E G# B D F");
    EXPECT_EQ(spell("V7[b9]", "C"), "G B D F Ab");
    EXPECT_EQ(spell("V43[b5]", "C"), "Db F G B");
    EXPECT_EQ(quality("V43[b5]", "C"), "other");
    EXPECT_EQ(spell("viio6[#3]", "C"), "D# F B");
}

TEST(RomanNumeralChordTest, FigureAccidentalsAlterTheirNote) {
    EXPECT_EQ(spell("Ib7", "C"), "C E G Bb");
    EXPECT_EQ(quality("Ib7", "C"), "dominant-seventh");
    EXPECT_EQ(spell("Vb9", "C"), "G B D F Ab");
    EXPECT_EQ(spell("Vb9", "c"), "G B D F Ab");
    EXPECT_EQ(spell("Vb9", "a"), "E G# B D F");
    EXPECT_EQ(spell("IV6b5", "C"), "A C Eb F");
    EXPECT_EQ(spell("iv6b5", "C"), "Ab C Eb F");
    EXPECT_EQ(spell("V54", "C"), "G B D C");
}

TEST(RomanNumeralChordTest, GivesPitchClassesAndQualityNames) {
    const RomanChord dominant = chordOf("V7", "C");
    EXPECT_EQ(dominant.pitchClasses(), (1U << 7) | (1U << 11) | (1U << 2) | (1U << 5));
    EXPECT_EQ(dominant.rootPitchClass(), 7);
    EXPECT_EQ(chordOf("V65", "C").bassPitchClass(), 11);
    EXPECT_EQ(romanQualityName(RomanQuality::Major), "major");
    EXPECT_EQ(romanQualityName(RomanQuality::MinorMajorSeventh), "minor-major-seventh");
    EXPECT_EQ(romanQualityName(RomanQuality::Other), "other");
}

TEST(RomanNumeralChordTest, NormalizedDropsWhatTheKeyImplies) {
    const auto normal = [](const char* numeral, const char* key) {
        return RomanNumeral::parse(numeral)->normalized(*Key::parse(key)).toString();
    };
    EXPECT_EQ(normal("#viio7", "c"), "viio7");
    EXPECT_EQ(normal("bVI", "c"), "VI");
    EXPECT_EQ(normal("#vi", "c"), "vi");
    EXPECT_EQ(normal("#VI", "c"), "#VI");
    EXPECT_EQ(normal("IVM7", "C"), "IV7");
    EXPECT_EQ(normal("IVM7", "c"), "IVM7");
    EXPECT_EQ(normal("VId7", "C"), "VI7");
    EXPECT_EQ(normal("bVI", "C"), "bVI");
    EXPECT_EQ(normal("V/bVI", "c"), "V/VI");
    EXPECT_EQ(normal("#viio7/vi", "C"), "viio7/vi");  // vi is a minor key
    EXPECT_EQ(normal("#iv", "C"), "#iv");
}

}  // namespace
}  // namespace mos::theory
