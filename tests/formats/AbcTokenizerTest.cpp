#include "mos/formats/AbcTokenizer.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace mos::formats {
namespace {

using Kind = AbcTokenKind;

std::vector<Kind> kinds(const AbcTokens& t) {
    std::vector<Kind> out;
    for (const auto& token : t.tokens) out.push_back(token.kind);
    return out;
}

// The tokens of one music line, without the trailing LineBreak.
std::vector<AbcToken> music(std::string_view line) {
    auto tokens = tokenizeAbc(line, "t.abc").tokens;
    EXPECT_EQ(tokens.back().kind, Kind::LineBreak);
    tokens.pop_back();
    return tokens;
}

TEST(AbcTokenizerTest, HeaderFieldsAndCommentsAndBlankLines) {
    const std::string text = "X: 1\nT:A and A's Waltz\n% Nottingham Music Database\nK:G % the key\n\nX:2\n";
    const auto t = tokenizeAbc(text, "t.abc");
    EXPECT_EQ(kinds(t), (std::vector<Kind>{Kind::Field, Kind::LineBreak, Kind::Field, Kind::LineBreak, Kind::Field,
                                           Kind::LineBreak, Kind::BlankLine, Kind::Field, Kind::LineBreak}));
    EXPECT_EQ(t.tokens[0].name, 'X');
    EXPECT_EQ(t.tokens[0].text, "1");
    EXPECT_EQ(t.tokens[2].text, "A and A's Waltz");
    EXPECT_EQ(t.tokens[4].text, "G");
    EXPECT_EQ(t.tokens[4].line, 4U);
    EXPECT_TRUE(t.warnings.empty());
}

TEST(AbcTokenizerTest, NotesWithAccidentalsOctavesAndLengths) {
    const auto t = music("^^C,, _B =e' c'' A3/2 B/ G// d/4 F2");
    std::vector<AbcToken> notes;
    for (const auto& token : t) {
        if (token.kind == Kind::Note) notes.push_back(token);
    }
    ASSERT_EQ(notes.size(), 9U);
    EXPECT_EQ(notes[0].accidental, 2);
    EXPECT_EQ(notes[0].name, 'C');
    EXPECT_EQ(notes[0].octave, -2);
    EXPECT_EQ(notes[1].accidental, -1);
    EXPECT_TRUE(notes[2].natural);
    EXPECT_EQ(notes[2].octave, 1);
    EXPECT_EQ(notes[3].octave, 2);
    EXPECT_EQ(notes[4].lengthNumerator, 3);
    EXPECT_EQ(notes[4].lengthDenominator, 2);
    EXPECT_EQ(notes[5].lengthDenominator, 2);
    EXPECT_EQ(notes[6].lengthDenominator, 4);
    EXPECT_EQ(notes[7].lengthDenominator, 4);
    EXPECT_EQ(notes[8].lengthNumerator, 2);
    EXPECT_EQ(notes[4].text, "A3/2");
    EXPECT_EQ(notes[4].column, 18U);
}

TEST(AbcTokenizerTest, ChordSymbolsAnnotationsAndDecorations) {
    const auto t = music(R"("G"d2"^rit."!trill!B+fermata+~c.e)");
    EXPECT_EQ(kinds(AbcTokens{t, {}}),
              (std::vector<Kind>{Kind::ChordSymbol, Kind::Note, Kind::Annotation, Kind::Decoration, Kind::Note,
                                 Kind::Decoration, Kind::Decoration, Kind::Note, Kind::Decoration, Kind::Note}));
    EXPECT_EQ(t[0].text, "G");
    EXPECT_EQ(t[2].text, "^rit.");
    EXPECT_EQ(t[3].text, "trill");
    EXPECT_EQ(t[5].text, "fermata");
    EXPECT_EQ(t[6].text, "~");
}

TEST(AbcTokenizerTest, ShorthandDecorationsCarryTheirCharacter) {
    // "T" and "!p!" both have one-letter text; only the shorthand has a name.
    const auto t = music("TA !p!B !1!c");
    EXPECT_EQ(t[0].text, "T");
    EXPECT_EQ(t[0].name, 'T');
    EXPECT_EQ(t[3].text, "p");
    EXPECT_EQ(t[3].name, 0);
    EXPECT_EQ(t[6].text, "1");
    EXPECT_EQ(t[6].name, 0);
}

TEST(AbcTokenizerTest, APieceOfAFileKeepsItsLineNumbersAndReusesTheBuffer) {
    AbcTokens tokens;
    tokenizeAbc("X:1\nK:C\nab $c\n", "t.abc", 40, tokens);
    EXPECT_EQ(tokens.tokens.front().line, 40U);
    EXPECT_EQ(tokens.tokens.back().line, 42U);
    ASSERT_EQ(tokens.warnings.size(), 1U);
    EXPECT_EQ(tokens.warnings[0].describe(), "t.abc:42:4: '$' is not ABC here; skipped");
    tokenizeAbc("K:D\r\nd\re", "t.abc", 7, tokens);  // CRLF and a lone CR both end a line
    EXPECT_TRUE(tokens.warnings.empty());
    std::vector<std::uint32_t> lines;
    for (const auto& token : tokens.tokens) {
        if (token.kind != Kind::LineBreak) lines.push_back(token.line);
    }
    EXPECT_EQ(lines, (std::vector<std::uint32_t>{7, 8, 9}));
}

TEST(AbcTokenizerTest, BarLinesRepeatsAndEndings) {
    const auto t = music("|: A :|1 B :|2 c || d |] [| e :: f [1,3 g |2 a");
    std::vector<std::string> bars;
    std::vector<std::string> endings;
    for (const auto& token : t) {
        if (token.kind == Kind::BarLine) bars.emplace_back(token.text);
        if (token.kind == Kind::Ending) endings.emplace_back(token.text);
    }
    EXPECT_EQ(bars, (std::vector<std::string>{"|:", ":|", ":|", "||", "|]", "[|", "::", "|"}));
    EXPECT_EQ(endings, (std::vector<std::string>{"1", "2", "1,3", "2"}));
}

TEST(AbcTokenizerTest, ChordsTupletsSlursTiesGracesAndBrokenRhythm) {
    const auto t = music("[CEG]2 (3abc (3:2:3def (A-A) B>c d<<e {/g}a {ag}b & z2 x Z4");
    std::vector<Kind> seen;
    for (const auto& token : t) {
        if (token.kind != Kind::Space && token.kind != Kind::Note) seen.push_back(token.kind);
    }
    EXPECT_EQ(seen, (std::vector<Kind>{Kind::ChordStart, Kind::ChordEnd, Kind::Tuplet, Kind::Tuplet, Kind::SlurStart,
                                       Kind::Tie, Kind::SlurEnd, Kind::BrokenRhythm, Kind::BrokenRhythm,
                                       Kind::GraceStart, Kind::GraceEnd, Kind::GraceStart, Kind::GraceEnd,
                                       Kind::VoiceOverlay, Kind::Rest, Kind::Rest, Kind::MeasureRest}));
    const auto find = [&](Kind kind, int nth) {
        for (const auto& token : t) {
            if (token.kind == kind && nth-- == 0) return token;
        }
        return AbcToken{};
    };
    EXPECT_EQ(find(Kind::ChordEnd, 0).lengthNumerator, 2);
    EXPECT_EQ(find(Kind::Tuplet, 1).lengthNumerator, 3);
    EXPECT_EQ(find(Kind::Tuplet, 1).lengthDenominator, 2);
    EXPECT_EQ(find(Kind::Tuplet, 1).tupletNotes, 3);
    EXPECT_EQ(find(Kind::BrokenRhythm, 1).text, "<<");
    EXPECT_EQ(find(Kind::GraceStart, 0).text, "/");
    EXPECT_EQ(find(Kind::Rest, 0).lengthNumerator, 2);
    EXPECT_EQ(find(Kind::Rest, 1).name, 'x');
    EXPECT_EQ(find(Kind::MeasureRest, 0).lengthNumerator, 4);
}

TEST(AbcTokenizerTest, InlineFieldsContinuationsAndDirectives) {
    const auto t = tokenizeAbc("%%score (T1 T2)\nabc [K:D] def\\\nw: la la\r\nA|\n", "t.abc");
    EXPECT_EQ(t.tokens[0].kind, Kind::Directive);
    EXPECT_EQ(t.tokens[0].text, "score (T1 T2)");
    std::vector<Kind> line2;
    for (const auto& token : t.tokens) {
        if (token.line == 2) line2.push_back(token.kind);
    }
    EXPECT_EQ(line2, (std::vector<Kind>{Kind::Note, Kind::Note, Kind::Note, Kind::Space, Kind::InlineField, Kind::Space,
                                        Kind::Note, Kind::Note, Kind::Note, Kind::Continuation, Kind::LineBreak}));
    for (const auto& token : t.tokens) {
        if (token.kind == Kind::InlineField) {
            EXPECT_EQ(token.name, 'K');
            EXPECT_EQ(token.text, "D");
        }
        if (token.kind == Kind::Field) {
            EXPECT_EQ(token.name, 'w');
            EXPECT_EQ(token.text, "la la");  // the \r of the CRLF line ending is not part of it
        }
    }
    EXPECT_TRUE(t.warnings.empty());
}

TEST(AbcTokenizerTest, UnknownCharactersAreWarningsWithTheirPlace) {
    const auto t = tokenizeAbc("K:C\nab $c \"unclosed\n^|\n", "t.abc");
    ASSERT_EQ(t.warnings.size(), 3U);
    EXPECT_EQ(t.warnings[0].describe(), "t.abc:2:4: '$' is not ABC here; skipped");
    EXPECT_EQ(t.warnings[1].describe(),
              "t.abc:2:7: a quoted chord symbol or annotation is not closed on its line; the rest is skipped");
    EXPECT_EQ(t.warnings[2].describe(), "t.abc:3:1: an accidental without a note; skipped");
}

TEST(AbcTokenizerTest, AbsurdLengthsAreWarningsNotOverflows) {
    const auto t = tokenizeAbc("A99999 B///////////////////// c/0 d0\n", "t.abc");
    ASSERT_EQ(t.warnings.size(), 4U);
    EXPECT_EQ(t.warnings[2].describe(), "t.abc:1:32: the note length /0 is zero or divided too finely; using 1");
    for (const auto& token : t.tokens) {
        if (token.kind != AbcTokenKind::Note) continue;
        EXPECT_EQ(token.lengthNumerator, 1) << token.text;
        EXPECT_EQ(token.lengthDenominator, 1) << token.text;
    }
}

}  // namespace
}  // namespace mos::formats
