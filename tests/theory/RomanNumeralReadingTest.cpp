// Reading chords as numerals: the key's own chords first, then applied dominants and leading-tone
// chords, mixture, the Neapolitan, augmented sixths, Cad64 when asked, and any root last; spelled
// notes and chord symbols alike.

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "mos/theory/RomanNumeral.hpp"

namespace mos::theory {
namespace {

std::vector<NoteName> notesOf(const char* text) {
    std::vector<NoteName> notes;
    std::istringstream words{text};
    std::string word;
    while (words >> word) {
        const auto note = NoteName::parse(word);
        EXPECT_TRUE(note) << word;
        if (note) notes.push_back(*note);
    }
    return notes;
}

// The numeral for notes written bass first ("F# A C D") in a key ("C", "a").
std::string read(const char* notes, const char* key, RomanReadingOptions options = {}) {
    const auto numeral = RomanNumeral::fromChord(notesOf(notes), *Key::parse(key), options);
    EXPECT_TRUE(numeral) << notes << ": " << (numeral ? "" : numeral.error().describe());
    return numeral ? numeral->toString() : "";
}

std::string readSymbol(const char* symbol, const char* key) {
    const auto numeral = RomanNumeral::fromChord(*ChordSymbol::parse(symbol), *Key::parse(key));
    EXPECT_TRUE(numeral) << symbol << ": " << (numeral ? "" : numeral.error().describe());
    return numeral ? numeral->toString() : "";
}

TEST(RomanNumeralReadingTest, ReadsTheKeysOwnChords) {
    EXPECT_EQ(read("C E G", "C"), "I");
    EXPECT_EQ(read("E G C", "C"), "I6");
    EXPECT_EQ(read("G C E", "C"), "I64");
    EXPECT_EQ(read("D F A", "C"), "ii");
    EXPECT_EQ(read("G B D F", "C"), "V7");
    EXPECT_EQ(read("B D F G", "C"), "V65");
    EXPECT_EQ(read("D F G B", "C"), "V43");
    EXPECT_EQ(read("F G B D", "C"), "V42");
    EXPECT_EQ(read("F A C D", "C"), "ii65");
    EXPECT_EQ(read("B D F", "C"), "viio");
    EXPECT_EQ(read("B D F A", "C"), "vii\u00F87");
    EXPECT_EQ(read("B D F Ab", "C"), "viio7");
    EXPECT_EQ(read("C E G B", "C"), "I7");
    EXPECT_EQ(read("G B D F A", "C"), "V9");
    EXPECT_EQ(read("A C E", "a"), "i");
    EXPECT_EQ(read("E G# B", "a"), "V");
    EXPECT_EQ(read("E G B", "a"), "v");
    EXPECT_EQ(read("G B D", "a"), "VII");
    EXPECT_EQ(read("G# B D F", "a"), "viio7");
    EXPECT_EQ(read("B D F A", "a"), "ii\u00F87");
    EXPECT_EQ(read("F A C", "a"), "VI");
    EXPECT_EQ(read("D F# A", "a"), "IV");
    EXPECT_EQ(read("F# A C", "a"), "vio");
    EXPECT_EQ(read("C E G#", "a"), "III+");
    EXPECT_EQ(read("A C# E", "a"), "I");  // the Picardy third, as analysts write it
}

TEST(RomanNumeralReadingTest, ReadsTheChordsOfChurchModes) {
    EXPECT_EQ(read("D F A", "D dorian"), "i");
    EXPECT_EQ(read("G B D", "D dorian"), "IV");
    EXPECT_EQ(read("C E G", "D dorian"), "VII");
    EXPECT_EQ(read("A C E", "D dorian"), "v");
    EXPECT_EQ(read("B D F", "D dorian"), "vio");
    EXPECT_EQ(read("E G B D", "D dorian"), "ii7");
    EXPECT_EQ(read("F A C", "G mixolydian"), "VII");
    EXPECT_EQ(read("D F A", "G mixolydian"), "v");
    EXPECT_EQ(read("G B D F", "G mixolydian"), "I7");
    EXPECT_EQ(read("B D F A", "G mixolydian"), "iii\u00F87");
}

TEST(RomanNumeralReadingTest, ReadsAppliedDominantsAndLeadingToneChords) {
    EXPECT_EQ(read("D F# A", "C"), "V/V");
    EXPECT_EQ(read("F# A C D", "C"), "V65/V");
    EXPECT_EQ(read("A C# E G", "C"), "V7/ii");
    EXPECT_EQ(read("G C# E A", "C"), "V42/ii");
    EXPECT_EQ(read("E G# B D", "C"), "V7/vi");
    EXPECT_EQ(read("C E G Bb", "C"), "V7/IV");
    EXPECT_EQ(read("F# A C", "C"), "viio/V");
    EXPECT_EQ(read("F# A C Eb", "C"), "viio7/V");
    EXPECT_EQ(read("F# A C E", "C"), "vii\u00F87/V");
    EXPECT_EQ(read("B D# F# A", "C"), "V7/iii");
    EXPECT_EQ(read("Bb D F Ab", "c"), "V7/III");
    EXPECT_EQ(read("D F# A C", "c"), "V7/V");
    EXPECT_EQ(read("C E G Bb", "c"), "V7/iv");
    EXPECT_EQ(read("E G Bb Db", "c"), "viio7/iv");
}

TEST(RomanNumeralReadingTest, SpellingDecidesTheRootOfSymmetricChords) {
    EXPECT_EQ(read("B D F Ab", "C"), "viio7");
    EXPECT_EQ(read("G# B D F", "C"), "viio7/vi");
    EXPECT_EQ(read("D F Ab B", "C"), "viio65");
    EXPECT_EQ(read("D F G# B", "C"), "viio43/vi");
    EXPECT_EQ(read("C Eb F# A", "C"), "viio43/V");
}

TEST(RomanNumeralReadingTest, ReadsMixtureAndTheNeapolitan) {
    EXPECT_EQ(read("F Ab C", "C"), "iv");
    EXPECT_EQ(read("Ab C Eb", "C"), "bVI");
    EXPECT_EQ(read("Bb D F", "C"), "bVII");
    EXPECT_EQ(read("Eb G Bb", "C"), "bIII");
    EXPECT_EQ(read("D F Ab", "C"), "iio");
    EXPECT_EQ(read("D F Ab C", "C"), "ii\u00F87");
    EXPECT_EQ(read("C Eb G", "C"), "i");
    EXPECT_EQ(read("Ab C Eb G", "C"), "bVIM7");
    EXPECT_EQ(read("Eb G Bb Db", "C"), "V7/bVI");
    EXPECT_EQ(read("Bb D F Ab", "C"), "V7/bIII");
    EXPECT_EQ(read("F Ab Db", "C"), "N6");
    EXPECT_EQ(read("D F Bb", "a"), "N6");
    EXPECT_EQ(read("Db F Ab", "C"), "bII");
    EXPECT_EQ(read("Ab Db F", "C"), "bII64");
    EXPECT_EQ(read("Ab C Eb Gb", "C"), "V7/bII");
}

TEST(RomanNumeralReadingTest, ReadsAugmentedSixths) {
    EXPECT_EQ(read("Ab C F#", "C"), "It6");
    EXPECT_EQ(read("Ab C D F#", "C"), "Fr43");
    EXPECT_EQ(read("Ab C Eb F#", "C"), "Ger65");
    EXPECT_EQ(read("Ab C Eb F#", "c"), "Ger65");
    EXPECT_EQ(read("F A D#", "a"), "It6");
    EXPECT_EQ(read("Cb Eb Gb A", "eb"), "Ger65");
    // Spelled from its root in another position.
    EXPECT_EQ(read("F# Ab C Eb", "C"), "Ger7");
    EXPECT_EQ(read("C F# Ab", "C"), "It64");
    // A chord symbol spells a German sixth as the dominant seventh on its bass.
    EXPECT_EQ(readSymbol("Ab7", "C"), "Ger65");
}

TEST(RomanNumeralReadingTest, ReadsCadentialSixFourOnlyWhenAsked) {
    const RomanReadingOptions cadential{.cadentialSixFour = true};
    EXPECT_EQ(read("G C E", "C"), "I64");
    EXPECT_EQ(read("G C E", "C", cadential), "Cad64");
    EXPECT_EQ(read("G C Eb", "c", cadential), "Cad64");
    EXPECT_EQ(read("G B D", "C", cadential), "V");
    EXPECT_EQ(read("C E G", "C", cadential), "I");
    EXPECT_EQ(read("D G B", "C", cadential), "Cad64/V");
    EXPECT_EQ(read("E A C#", "a", cadential), "I64");  // a Picardy six-four is no i64
}

TEST(RomanNumeralReadingTest, ReadsIncompleteAndAddedToneChords) {
    EXPECT_EQ(read("C E", "C"), "I");
    EXPECT_EQ(read("G B F", "C"), "V7");
    EXPECT_EQ(read("G D", "C"), "V[no3]");
    EXPECT_EQ(read("C", "C"), "I[no3][no5]");
    EXPECT_EQ(read("C E G D", "C"), "I[add9]");
    EXPECT_EQ(read("C E G F#", "C"), "I[add#4]");
    EXPECT_EQ(read("G C D", "C"), "V[no3][add4]");
    EXPECT_EQ(read("G C D F", "C"), "V7[no3][add4]");
    EXPECT_EQ(read("G B F E", "C"), "V7[no5][add6]");
}

TEST(RomanNumeralReadingTest, ReadsAnyChordOnAnyRoot) {
    EXPECT_EQ(read("F# A# C#", "C"), "#IV");
    EXPECT_EQ(read("Db F Ab Cb", "C"), "bII7");
    EXPECT_EQ(read("F A C Eb", "C"), "V7/bVII");
    EXPECT_EQ(read("E G# B", "c"), "#III");
    EXPECT_EQ(read("Gb Bb Db", "C"), "bV");
}

TEST(RomanNumeralReadingTest, ReadsChordSymbols) {
    EXPECT_EQ(readSymbol("G7", "C"), "V7");
    EXPECT_EQ(readSymbol("D7/F#", "C"), "V65/V");
    EXPECT_EQ(readSymbol("Bm7b5", "C"), "vii\u00F87");
    EXPECT_EQ(readSymbol("G7sus4", "C"), "V7[no3][add4]");
    EXPECT_EQ(readSymbol("Cmaj7", "C"), "I7");
    EXPECT_EQ(readSymbol("Fm6", "C"), "ii\u00F865");
    EXPECT_EQ(readSymbol("E", "a"), "V");
    EXPECT_EQ(readSymbol("G#o7", "C"), "viio7/vi");
    EXPECT_EQ(readSymbol("Bo7", "C"), "viio7");
    const auto noChord = RomanNumeral::fromChord(*ChordSymbol::parse("N.C."), *Key::parse("C"));
    ASSERT_FALSE(noChord);
    EXPECT_EQ(noChord.error().code, core::ErrorCode::InvalidArgument);
}

TEST(RomanNumeralReadingTest, FailsForNoNotes) {
    const auto empty = RomanNumeral::fromChord(std::vector<NoteName>{}, *Key::parse("C"));
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().code, core::ErrorCode::InvalidArgument);
}

// Every diatonic and chromatic numeral a teacher writes, spelled in a key and read back.
TEST(RomanNumeralReadingTest, ReadsBackWhatItSpells) {
    const std::vector<std::pair<const char*, std::vector<const char*>>> byMode{
        {"C Bb F# Db", {"I",     "I6",     "I64",     "ii",       "ii6",     "iii",    "IV",    "IV6",    "V",
                        "V6",    "V64",    "vi",      "viio6",    "V7",      "V65",    "V43",   "V42",    "ii7",
                        "ii65",  "IV7",    "I7",      "viiø7",    "viio7",   "viio65", "V/V",   "V65/V",  "V7/ii",
                        "V7/vi", "V42/IV", "viio7/V", "viiø43/V", "viio/ii", "V7/iii", "iv",    "bVI",    "bVII",
                        "bIII",  "iio6",   "iiø65",   "N6",       "It6",     "Fr43",   "Ger65", "V7/bVI", "V9"}},
        {"a c# eb bb",
         {"i",      "i6",    "i64",     "iio6",     "III", "iv",   "iv6",   "V",     "V6",    "v",      "VI",  "VII",
          "viio",   "V7",    "V65",     "V43",      "V42", "iiø7", "iiø65", "iv7",   "viio7", "viio42", "V/V", "V7/iv",
          "V7/III", "V7/VI", "viio7/V", "viio7/iv", "N6",  "It6",  "Fr43",  "Ger65", "IV",    "I",      "III+"}},
    };
    for (const auto& [keys, numerals] : byMode) {
        std::istringstream words{keys};
        std::string keyText;
        while (words >> keyText) {
            const Key key = *Key::parse(keyText);
            for (const char* text : numerals) {
                const RomanNumeral numeral = *RomanNumeral::parse(text);
                const auto back = RomanNumeral::fromChord(numeral.toChord(key).notes, key);
                ASSERT_TRUE(back) << text << " in " << keyText;
                EXPECT_EQ(back->toString(), text) << "in " << keyText;
            }
        }
    }
}

}  // namespace
}  // namespace mos::theory
