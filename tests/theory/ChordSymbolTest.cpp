#include "mos/theory/ChordSymbol.hpp"

#include <string>

#include <gtest/gtest.h>

namespace mos::theory {
namespace {

ChordSymbol chord(const char* text) {
    auto parsed = ChordSymbol::parse(text);
    EXPECT_TRUE(parsed) << text << ": " << (parsed ? "" : parsed.error().describe());
    return parsed ? *parsed : ChordSymbol{};
}

// The chord's notes from the root in octave 4, as "C4 E4 G4".
std::string notes(const char* text) {
    std::string spelled;
    for (const Pitch& pitch : chord(text).spell()) {
        if (!spelled.empty()) spelled += ' ';
        spelled += pitch.toString();
    }
    return spelled;
}

TEST(ChordSymbolTest, SpellsTheSymbolsChartsUse) {
    EXPECT_EQ(notes("C"), "C4 E4 G4");
    EXPECT_EQ(notes("Cm"), "C4 Eb4 G4");
    EXPECT_EQ(notes("C-"), "C4 Eb4 G4");
    EXPECT_EQ(notes("Cmin"), "C4 Eb4 G4");
    EXPECT_EQ(notes("C7"), "C4 E4 G4 Bb4");
    EXPECT_EQ(notes("Cmaj7"), "C4 E4 G4 B4");
    EXPECT_EQ(notes("C\u03947"), "C4 E4 G4 B4");
    EXPECT_EQ(notes("C\u0394"), "C4 E4 G4 B4");
    EXPECT_EQ(notes("C^7"), "C4 E4 G4 B4");
    EXPECT_EQ(notes("CM7"), "C4 E4 G4 B4");
    EXPECT_EQ(notes("Cm7b5"), "C4 Eb4 Gb4 Bb4");
    EXPECT_EQ(notes("C\u00F8"), "C4 Eb4 Gb4 Bb4");
    EXPECT_EQ(notes("Cdim"), "C4 Eb4 Gb4");
    EXPECT_EQ(notes("Co7"), "C4 Eb4 Gb4 Bbb4");
    EXPECT_EQ(notes("C\u00B07"), "C4 Eb4 Gb4 Bbb4");
    EXPECT_EQ(notes("C07"), "C4 Eb4 Gb4 Bbb4");
    EXPECT_EQ(notes("C+"), "C4 E4 G#4");
    EXPECT_EQ(notes("Caug"), "C4 E4 G#4");
    EXPECT_EQ(notes("C7#9"), "C4 E4 G4 Bb4 D#5");
    EXPECT_EQ(notes("C7b9#11"), "C4 E4 G4 Bb4 Db5 F#5");
    EXPECT_EQ(notes("C13"), "C4 E4 G4 Bb4 D5 A5");
    EXPECT_EQ(notes("Cm11"), "C4 Eb4 G4 Bb4 D5 F5");
    EXPECT_EQ(notes("C69"), "C4 E4 G4 A4 D5");
    EXPECT_EQ(notes("C6/9"), "C4 E4 G4 A4 D5");
    EXPECT_EQ(notes("Csus"), "C4 F4 G4");
    EXPECT_EQ(notes("Csus2"), "C4 D4 G4");
    EXPECT_EQ(notes("C7sus4"), "C4 F4 G4 Bb4");
    EXPECT_EQ(notes("Cadd9"), "C4 E4 G4 D5");
    EXPECT_EQ(notes("Cm(maj7)"), "C4 Eb4 G4 B4");
    EXPECT_EQ(notes("Cm/maj7"), "C4 Eb4 G4 B4");
    EXPECT_EQ(notes("C7alt"), "C4 E4 Bb4 Db5 D#5 Ab5");
    EXPECT_EQ(notes("C5"), "C4 G4");
    EXPECT_EQ(notes("Cmb6"), "C4 Eb4 G4 Ab4");
    EXPECT_EQ(notes("C7(b9,#11)"), "C4 E4 G4 Bb4 Db5 F#5");
    EXPECT_EQ(notes("C7-9"), "C4 E4 G4 Bb4 Db5");
    EXPECT_EQ(notes("C+7"), "C4 E4 G#4 Bb4");
    EXPECT_EQ(notes("C7no5"), "C4 E4 Bb4");
    EXPECT_EQ(notes("Cmaug"), "C4 Eb4 G#4");
    EXPECT_EQ(notes("Cma7"), "C4 E4 G4 B4");
    EXPECT_EQ(notes("Cmadd9"), "C4 Eb4 G4 D5");
}

TEST(ChordSymbolTest, SlashChordsPutTheBassBelow) {
    EXPECT_EQ(notes("C/E"), "E3 C4 E4 G4");
    EXPECT_EQ(notes("D/F#"), "F#3 D4 F#4 A4");
    EXPECT_EQ(notes("C7b9/E"), "E3 C4 E4 G4 Bb4 Db5");
    EXPECT_EQ(notes("Cm7/Bb"), "Bb3 C4 Eb4 G4 Bb4");
    EXPECT_FALSE(chord("C/C").bass);
    EXPECT_EQ(chord("C/E").bassPitchClass(), 4);
}

TEST(ChordSymbolTest, ReadsTheAbcTuneBookDialect) {
    EXPECT_EQ(chord("D/f+"), chord("D/F#"));
    EXPECT_EQ(chord("G/bb"), chord("G/Bb"));
    EXPECT_EQ(chord("A7/c+"), chord("A7/C#"));
    EXPECT_EQ(chord("Cd"), chord("Cdim"));
    EXPECT_EQ(chord("D#d"), chord("D#dim"));
    EXPECT_EQ(chord("Ea"), chord("Eaug"));
    EXPECT_EQ(chord("Fa7"), chord("Faug7"));
    EXPECT_EQ(chord("(E7)"), chord("E7"));
}

TEST(ChordSymbolTest, EquivalentSpellingsGiveOneStructure) {
    EXPECT_EQ(chord("Cm7b5"), chord("C\u00F87"));
    EXPECT_EQ(chord("Cm7b5"), chord("Ch7"));
    EXPECT_EQ(chord("C7#5"), chord("Caug7"));
    EXPECT_EQ(chord("C7#5"), chord("C+7"));
    EXPECT_EQ(chord("Cmaj7"), chord("CMaj7"));
    EXPECT_EQ(chord("Cm(maj7)"), chord("CmMaj7"));
    EXPECT_EQ(chord("Cm(maj7)"), chord("C-\u03947"));
    EXPECT_EQ(chord("Cdim7"), chord("Co7"));
    EXPECT_EQ(chord("C7sus"), chord("C7sus4"));
    EXPECT_EQ(chord("C69"), chord("C6/9"));
    EXPECT_EQ(chord("C\u00D87b5"), chord("Cm7b5"));  // found by libFuzzer: the b5 a half-diminished chord has
    EXPECT_EQ(chord("Caug#5"), chord("Caug"));
    EXPECT_EQ(chord("N.C."), chord("NC"));
    EXPECT_TRUE(chord("N.C.").noChord);
    EXPECT_TRUE(chord("N.C.").spell().empty());
}

TEST(ChordSymbolTest, PrintsInEachStyle) {
    struct Case {
        const char* text;
        const char* jazz;
        const char* pop;
    };
    for (const Case& c :
         {Case{"C", "C", "C"}, Case{"Cm7", "C-7", "Cm7"}, Case{"Cmaj7", "C\u03947", "Cmaj7"},
          Case{"Cm7b5", "C\u00F87", "Cm7b5"}, Case{"Cdim7", "C\u00B07", "Cdim7"}, Case{"Caug", "C+", "Caug"},
          Case{"C7#5", "C7#5", "C7#5"}, Case{"Cm(maj7)", "C-\u03947", "Cm(maj7)"}, Case{"C6/9", "C69", "C6/9"},
          Case{"C7sus", "C7sus4", "C7sus4"}, Case{"C7b9/E", "C7b9/E", "C7b9/E"},
          Case{"Bbmaj9#11", "Bb\u03949#11", "Bbmaj9#11"}, Case{"F#m11", "F#-11", "F#m11"},
          Case{"C7alt", "C7alt", "C7alt"}, Case{"Cadd9", "Cadd9", "Cadd9"}}) {
        const ChordSymbol parsed = chord(c.text);
        EXPECT_EQ(parsed.toString(ChordStyle::Jazz), c.jazz) << c.text;
        EXPECT_EQ(parsed.toString(ChordStyle::Pop), c.pop) << c.text;
        EXPECT_EQ(chord(c.jazz), parsed) << c.text;
        EXPECT_EQ(chord(c.pop), parsed) << c.text;
    }
}

TEST(ChordSymbolTest, MusicXmlKinds) {
    EXPECT_EQ(chord("C").musicXmlKind(), "major");
    EXPECT_EQ(chord("C7").musicXmlKind(), "dominant");
    EXPECT_EQ(chord("C9").musicXmlKind(), "dominant-ninth");
    EXPECT_EQ(chord("Cm7").musicXmlKind(), "minor-seventh");
    EXPECT_EQ(chord("Cm7b5").musicXmlKind(), "half-diminished");
    EXPECT_EQ(chord("Co7").musicXmlKind(), "diminished-seventh");
    EXPECT_EQ(chord("Cm(maj7)").musicXmlKind(), "major-minor");
    EXPECT_EQ(chord("C+7").musicXmlKind(), "augmented-seventh");
    EXPECT_EQ(chord("C6").musicXmlKind(), "major-sixth");
    EXPECT_EQ(chord("Csus4").musicXmlKind(), "suspended-fourth");
    EXPECT_EQ(chord("C5").musicXmlKind(), "power");
    EXPECT_EQ(chord("N.C.").musicXmlKind(), "none");
}

TEST(ChordSymbolTest, BadSymbolsAreErrorsThatSayWhere) {
    for (const char* bad : {"", "H7", "C7x", "Cadd", "C8", "C/", "C/H", "Cno4", "C7#7", "m7"}) {
        const auto parsed = ChordSymbol::parse(bad);
        ASSERT_FALSE(parsed) << bad;
        EXPECT_NE(parsed.error().message.find(bad), std::string::npos) << parsed.error().message;
        EXPECT_TRUE(parsed.error().where.column) << bad;
    }
    EXPECT_EQ(*ChordSymbol::parse("C7x").error().where.column, 3);
}

}  // namespace
}  // namespace mos::theory
