// RomanText numerals as text: what parse reads from each part of a numeral, the canonical form
// toString writes, and errors that name the column.

#include <string>

#include <gtest/gtest.h>

#include "mos/theory/RomanNumeral.hpp"

namespace mos::theory {
namespace {

RomanNumeral numeral(const char* text) {
    auto parsed = RomanNumeral::parse(text);
    EXPECT_TRUE(parsed) << text << ": " << (parsed ? "" : parsed.error().describe());
    return parsed ? *parsed : RomanNumeral{};
}

std::string canonical(const char* text) { return numeral(text).toString(); }

TEST(RomanNumeralTextTest, ReadsDegreeCaseAndAccidentals) {
    const RomanNumeral flatSix = numeral("bVI");
    EXPECT_EQ(flatSix.kind, RomanKind::Degree);
    EXPECT_EQ(flatSix.degree, 6);
    EXPECT_EQ(flatSix.alter, -1);
    EXPECT_TRUE(flatSix.upperCase);
    const RomanNumeral sharpFour = numeral("#iv");
    EXPECT_EQ(sharpFour.degree, 4);
    EXPECT_EQ(sharpFour.alter, 1);
    EXPECT_FALSE(sharpFour.upperCase);
    EXPECT_EQ(numeral("vii").degree, 7);
    EXPECT_EQ(numeral("III").degree, 3);
    EXPECT_EQ(numeral("bbVII").alter, -2);
    EXPECT_EQ(canonical("-VI"), "bVI");  // '-' is a flat, as in music21's note names
    EXPECT_EQ(canonical("##IV"), "##IV");
}

TEST(RomanNumeralTextTest, ReadsQualityMarks) {
    EXPECT_EQ(numeral("viio").mark, RomanMark::Diminished);
    EXPECT_EQ(canonical("vii\u00B07"), "viio7");
    EXPECT_EQ(canonical("vii07"), "viio7");
    EXPECT_EQ(numeral("vii\u00F87").mark, RomanMark::HalfDiminished);
    EXPECT_EQ(canonical("vii/o7"), "vii\u00F87");
    EXPECT_EQ(canonical("ii/o6/5"), "ii\u00F865");
    EXPECT_EQ(numeral("III+").mark, RomanMark::Augmented);
    EXPECT_EQ(canonical("V+7"), "V+7");
    EXPECT_EQ(numeral("IVM7").mark, RomanMark::MajorSeventh);
    EXPECT_EQ(canonical("IVmaj6/5"), "IVM65");
    EXPECT_EQ(canonical("III+maj7"), "III+M7");
    EXPECT_EQ(numeral("III+M7").mark, RomanMark::AugmentedMajorSeventh);
    EXPECT_EQ(numeral("IVd7").mark, RomanMark::DominantSeventh);
    EXPECT_EQ(canonical("Vd"), "Vd");
    EXPECT_EQ(numeral("V").mark, RomanMark::None);
}

TEST(RomanNumeralTextTest, WritesFiguresInTheirShortestForm) {
    EXPECT_EQ(canonical("V6/5"), "V65");
    EXPECT_EQ(canonical("V653"), "V65");
    EXPECT_EQ(canonical("V4/3"), "V43");
    EXPECT_EQ(canonical("V643"), "V43");
    EXPECT_EQ(canonical("V2"), "V42");
    EXPECT_EQ(canonical("V4/2"), "V42");
    EXPECT_EQ(canonical("V642"), "V42");
    EXPECT_EQ(canonical("I6/4"), "I64");
    EXPECT_EQ(canonical("I63"), "I6");
    EXPECT_EQ(canonical("I53"), "I");
    EXPECT_EQ(canonical("I5"), "I");
    EXPECT_EQ(canonical("V753"), "V7");
    EXPECT_EQ(canonical("V9753"), "V9");
    EXPECT_EQ(numeral("V2"), numeral("V42"));
    EXPECT_EQ(numeral("V65").figures, (std::vector<RomanFigure>{{6, 0}, {5, 0}}));
}

TEST(RomanNumeralTextTest, FiguresGiveTheInversion) {
    EXPECT_EQ(numeral("I").inversion(), 0);
    EXPECT_EQ(numeral("I6").inversion(), 1);
    EXPECT_EQ(numeral("I64").inversion(), 2);
    EXPECT_EQ(numeral("V7").inversion(), 0);
    EXPECT_EQ(numeral("V65").inversion(), 1);
    EXPECT_EQ(numeral("V43").inversion(), 2);
    EXPECT_EQ(numeral("V42").inversion(), 3);
    EXPECT_EQ(numeral("V2").inversion(), 3);
    EXPECT_EQ(numeral("Cad64").inversion(), 2);
    EXPECT_FALSE(numeral("V6").hasSeventh());
    EXPECT_TRUE(numeral("V43").hasSeventh());
    EXPECT_TRUE(numeral("V9").hasSeventh());
    EXPECT_TRUE(numeral("ii/o/V").hasSeventh());  // ø means the half-diminished seventh chord
    EXPECT_TRUE(numeral("Vd").hasSeventh());
    EXPECT_FALSE(numeral("viio").hasSeventh());
    EXPECT_TRUE(numeral("Ger65").hasSeventh());
    EXPECT_FALSE(numeral("It6").hasSeventh());
}

TEST(RomanNumeralTextTest, KeepsFiguresThatAreNoShorthand) {
    EXPECT_EQ(numeral("Ib7").figures, (std::vector<RomanFigure>{{7, -1}}));
    EXPECT_EQ(canonical("V7b9"), "Vb9");  // b9 implies the seventh
    EXPECT_EQ(canonical("IV6b5"), "IV6b5");
    EXPECT_EQ(canonical("viio64b3"), "viio4b3");
    const RomanNumeral suspended = numeral("V54");
    EXPECT_EQ(suspended.figures, (std::vector<RomanFigure>{{5, 0}, {4, 0}}));
    EXPECT_EQ(suspended.inversion(), 0);
    EXPECT_EQ(canonical("V754"), "V754");
}

TEST(RomanNumeralTextTest, ReadsBrackets) {
    const RomanNumeral appoggiatura = numeral("V7[no5][add6]");
    EXPECT_EQ(appoggiatura.omittedTones, 1U << 5);
    EXPECT_EQ(appoggiatura.addedTones, (std::vector<RomanTone>{{6, 0}}));
    EXPECT_EQ(numeral("I[no3no5]").omittedTones, (1U << 3) | (1U << 5));
    EXPECT_EQ(canonical("I[no3no5]"), "I[no3][no5]");
    EXPECT_EQ(canonical("I[no5][no5][no3][add6][add#4]"), "I[no3][no5][add6][add#4]");
    EXPECT_EQ(canonical("V[add4][no3]"), "V[no3][add4]");
    EXPECT_EQ(canonical("I[add#4][add9]"), "I[add9][add#4]");
    EXPECT_EQ(numeral("V9[b9]").alteredTones, (std::vector<RomanTone>{{9, -1}}));
    EXPECT_EQ(canonical("V43[b5]"), "V43[b5]");
    EXPECT_EQ(numeral("V[addbb9]").addedTones, (std::vector<RomanTone>{{9, -2}}));
    EXPECT_EQ(numeral("i6[no8][add#7]").omittedTones, 1U << 8);
}

TEST(RomanNumeralTextTest, ReadsAppliedChains) {
    const RomanNumeral chain = numeral("V7/V/vi");
    ASSERT_EQ(chain.appliedTo.size(), 2U);
    EXPECT_EQ(chain.appliedTo[0], (RomanTarget{RomanKind::Degree, 5, 0, true}));
    EXPECT_EQ(chain.appliedTo[1], (RomanTarget{RomanKind::Degree, 6, 0, false}));
    EXPECT_EQ(numeral("viio7/bVI").appliedTo.front(), (RomanTarget{RomanKind::Degree, 6, -1, true}));
    EXPECT_EQ(numeral("V7/N").appliedTo.front().kind, RomanKind::Neapolitan);
    EXPECT_EQ(canonical("viio4/3/V"), "viio43/V");
    EXPECT_EQ(canonical("vii/o4/3/V"), "vii\u00F843/V");
    EXPECT_EQ(canonical("ii/o/V"), "ii\u00F8/V");
    EXPECT_EQ(canonical("V7[add9]/IV"), "V7[add9]/IV");
    EXPECT_EQ(canonical("V6/5/V"), "V65/V");
    EXPECT_EQ(canonical("iv65/#iii/V"), "iv65/#iii/V");
}

TEST(RomanNumeralTextTest, ReadsTheNamedChords) {
    const RomanNumeral neapolitan = numeral("N6");
    EXPECT_EQ(neapolitan.kind, RomanKind::Neapolitan);
    EXPECT_EQ(neapolitan.degree, 2);
    EXPECT_EQ(neapolitan.alter, -1);
    EXPECT_EQ(canonical("N"), "N");
    EXPECT_EQ(canonical("N6/4"), "N64");
    EXPECT_EQ(canonical("Nmaj7"), "NM7");
    EXPECT_EQ(numeral("It6").kind, RomanKind::ItalianSixth);
    for (const char* italian : {"It", "It6", "It+6", "It+"}) EXPECT_EQ(canonical(italian), "It6") << italian;
    for (const char* french : {"Fr", "Fr6", "Fr+6", "Fr43", "Fr4/3"}) EXPECT_EQ(canonical(french), "Fr43") << french;
    for (const char* german : {"Ger", "Ger6", "Ger+6", "Ger65", "Ger6/5"})
        EXPECT_EQ(canonical(german), "Ger65") << german;
    EXPECT_EQ(canonical("Ger7"), "Ger7");
    EXPECT_EQ(canonical("Ger2"), "Ger42");
    EXPECT_EQ(canonical("It64"), "It64");
    EXPECT_EQ(canonical("Ger6/V"), "Ger65/V");
    EXPECT_EQ(numeral("Fr43").degree, 2);
    EXPECT_EQ(numeral("Ger65").degree, 4);
    EXPECT_EQ(numeral("Cad64").kind, RomanKind::CadentialSixFour);
    EXPECT_EQ(canonical("Cad64/V"), "Cad64/V");
}

struct BadNumeral {
    const char* text;
    int column;
    const char* says;
};

TEST(RomanNumeralTextTest, ErrorsNameTheColumn) {
    for (const BadNumeral& bad : std::initializer_list<BadNumeral>{
             {"", 1, "cannot be empty"},
             {"X", 1, "expected a numeral"},
             {"IIII", 1, "\"IIII\" is no numeral"},
             {"Vi/III", 2, "unexpected 'i'"},
             {"V7/", 4, "a numeral must follow '/'"},
             {"i6/", 4, "a numeral must follow '/'"},
             {"V[no]", 5, "expected a number 1 … 15"},
             {"I[no-1]", 5, "expected a number 1 … 15"},
             {"V[foo]", 3, "a bracket holds"},
             {"V[add9", 7, "expected ']'"},
             {"bN6", 1, "takes no accidental"},
             {"b#V", 2, "cannot be mixed"},
             {"bbbV", 3, "at most two accidentals"},
             {"V77", 3, "figure 7 twice"},
             {"V1", 2, "expected a figure"},
             {"It7", 3, "an Italian sixth has no seventh"},
             {"Ger9", 4, "has no ninth"},
             {"ii/V[vi]", 5, "after the numeral after '/'"},
             {"viio7iv", 6, "unexpected 'i'"},
             {"V7\u00E9", 3, "unexpected '\u00E9'"},
             {"V/V/V/V/V/V", 10, "at most 4 numerals"},
         }) {
        const auto parsed = RomanNumeral::parse(bad.text);
        ASSERT_FALSE(parsed) << bad.text;
        EXPECT_EQ(parsed.error().code, core::ErrorCode::ParseError) << bad.text;
        EXPECT_EQ(parsed.error().where.line, 1) << bad.text;
        EXPECT_EQ(parsed.error().where.column, bad.column) << bad.text << ": " << parsed.error().describe();
        EXPECT_NE(parsed.error().message.find(bad.says), std::string::npos) << parsed.error().describe();
    }
}

TEST(RomanNumeralTextTest, PrintsWhatItParses) {
    for (const char* text : {"I",          "V65/V",  "viio7",  "bVI",           "Ger65",  "viiø7/V",          "V7/V/V",
                             "#viio42/ii", "N6",     "Cad64",  "It6/V",         "V9[b9]", "iv[add#7]",        "V7[no5]",
                             "I+",         "V+7",    "III+M7", "IVd43/IV",      "Vb9/V",  "V[no3][add4]/bVI", "Fr42",
                             "bbVII6",     "NM65/V", "V54",    "i6[no8][add#7]"}) {
        const RomanNumeral parsed = numeral(text);
        EXPECT_EQ(parsed.toString(), text);
        EXPECT_EQ(numeral(parsed.toString().c_str()), parsed) << text;
    }
}

}  // namespace
}  // namespace mos::theory
