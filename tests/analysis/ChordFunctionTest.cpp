#include "mos/analysis/ChordFunction.hpp"

#include <gtest/gtest.h>

namespace mos::analysis {
namespace {

ChordFunction in(const char* chord, const char* key) {
    return chordFunction(*theory::ChordSymbol::parse(chord), *theory::Key::parse(key));
}

TEST(ChordFunctionTest, MajorKeys) {
    EXPECT_EQ(in("C", "C"), ChordFunction::Tonic);
    EXPECT_EQ(in("Cmaj7", "C"), ChordFunction::Tonic);
    EXPECT_EQ(in("G", "C"), ChordFunction::Dominant);
    EXPECT_EQ(in("G7/B", "C"), ChordFunction::Dominant);
    EXPECT_EQ(in("Bdim", "C"), ChordFunction::Dominant);
    EXPECT_EQ(in("Bm7b5", "C"), ChordFunction::Dominant);
    EXPECT_EQ(in("Dm7", "C"), ChordFunction::Diatonic);
    EXPECT_EQ(in("Am", "C"), ChordFunction::Diatonic);
    EXPECT_EQ(in("F", "C"), ChordFunction::Diatonic);
    EXPECT_EQ(in("D7", "C"), ChordFunction::Applied);  // V7/V
    EXPECT_EQ(in("C7", "C"), ChordFunction::Applied);  // V7/IV
    EXPECT_EQ(in("E", "C"), ChordFunction::Applied);   // V/vi
    EXPECT_EQ(in("Eb", "C"), ChordFunction::Foreign);  // bIII
    EXPECT_EQ(in("Fm", "C"), ChordFunction::Foreign);  // iv
    EXPECT_EQ(in("Db", "C"), ChordFunction::Foreign);  // N
}

TEST(ChordFunctionTest, MinorKeys) {
    EXPECT_EQ(in("Cm", "c"), ChordFunction::Tonic);
    EXPECT_EQ(in("C", "c"), ChordFunction::Applied);  // V/iv (or a Picardy third)
    EXPECT_EQ(in("G7", "c"), ChordFunction::Dominant);
    EXPECT_EQ(in("Gm", "c"), ChordFunction::Diatonic);
    EXPECT_EQ(in("Eb", "c"), ChordFunction::Diatonic);
    EXPECT_EQ(in("Ab", "c"), ChordFunction::Diatonic);
    EXPECT_EQ(in("Bb", "c"), ChordFunction::Diatonic);
    EXPECT_EQ(in("Fm", "c"), ChordFunction::Diatonic);
    EXPECT_EQ(in("Ddim", "c"), ChordFunction::Diatonic);
    EXPECT_EQ(in("E", "c"), ChordFunction::Foreign);
}

TEST(ChordFunctionTest, ADiminishedSeventhLeadsToItsKeyOnAnyOfItsRoots) {
    EXPECT_EQ(in("Bdim7", "C"), ChordFunction::Dominant);
    EXPECT_EQ(in("Ddim7", "C"), ChordFunction::Dominant);   // B D F Ab respelt
    EXPECT_EQ(in("G#dim7", "C"), ChordFunction::Dominant);  // also viio7/vi: the same tones
    EXPECT_EQ(in("C#dim7", "C"), ChordFunction::Applied);   // viio7/ii
    EXPECT_EQ(in("Bdim7", "c"), ChordFunction::Dominant);
}

TEST(ChordFunctionTest, NamesAndNoChord) {
    EXPECT_EQ(chordFunctionName(ChordFunction::Tonic), "tonic");
    EXPECT_EQ(chordFunctionName(ChordFunction::Foreign), "foreign");
    theory::ChordSymbol none;
    none.noChord = true;
    EXPECT_EQ(chordFunction(none, *theory::Key::parse("C")), ChordFunction::Foreign);
}

}  // namespace
}  // namespace mos::analysis
