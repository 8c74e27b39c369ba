// Every numeral of the RomanText analyses in ../shared/corpora/romantext (When in Rome) parses,
// prints back to itself and spells in its key; spelled and read back, most come out as the
// analyst wrote them.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "mos/core/Files.hpp"
#include "mos/theory/RomanNumeral.hpp"

namespace mos::theory {
namespace {

namespace fs = std::filesystem;

const fs::path kRomanText = fs::path{MOS_SHARED_DIR} / "corpora" / "romantext";

// Tokens of the analyses that are no numerals, with the reason; each must occur and fail.
const std::map<std::string, std::string>& knownBad() {
    static const std::map<std::string, std::string> kBad{
        {"1", "a beat with the digit 1 for its numeral (Monteverdi Book 4/10 m55var1)"},
        {"2-8", "a measure range without its m (m38-44 = 2-8)"},
        {"269", "a measure without its m (m273 = 269)"},
        {"167-174", "a measure range without its m (m175-182 = 167-174)"},
        {"b.25", "a beat without its digit before the point"},
        {"\u00A0V42", "a no-break space glued to the numeral"},
        {"I6+", "a + after the figures"},
        {"III6+", "a + after the figures"},
        {"I7+6", "a + between the figures"},
        {"V7M9", "M9 after the figures: no RomanText mark"},
        {"V65M9", "M9 after the figures: no RomanText mark"},
        {"V43M9", "M9 after the figures: no RomanText mark"},
        {"im7", "m7 after a numeral: no RomanText mark"},
        {"Vi/III", "mixed case in one numeral"},
        {"viio7iv", "a slash missing before the target"},
        {"i6/", "a slash with no target"},
        {"viio6/", "a slash with no target"},
        {"I[no-1][addb7]", "a negative number in a bracket"},
        {"V9[b9b5]", "two alterations in one bracket"},
        {"IV/V[I]", "a second reading in brackets after the target"},
        {"IV6/V[I6]", "a second reading in brackets after the target"},
        {"I6/V[V6]", "a second reading in brackets after the target"},
        {"ii/V[vi]", "a second reading in brackets after the target"},
        {"ii7/V[vi7]", "a second reading in brackets after the target"},
        {"ii/bIII[iv]", "a second reading in brackets after the target"},
    };
    return kBad;
}

// Where a numeral occurs first, and how often.
struct Occurrences {
    std::string first;  // file:line
    std::size_t count = 0;
};

// The numerals of all analyses, counted once per text and once per text in a key.
struct Corpus {
    std::size_t files = 0;
    std::size_t keys = 0;
    std::size_t numerals = 0;
    std::map<std::string, Occurrences> texts;
    std::map<std::pair<std::string, std::string>, std::size_t> inKeys;  // (numeral, key) → count
};

bool startsWithDigitAfter(std::string_view token, char letter) {
    return token.size() > 1 && token[0] == letter && token[1] >= '0' && token[1] <= '9';
}

// A measure line's tokens: "m12", "m5-6", "=", "var1", beats "b2.5", keys "f#:", bar lines
// "||", "|", ":||" are skipped; the rest are numerals, read in the latest key.
void readLine(const std::string& line, const std::string& where, Key& key, Corpus& corpus) {
    std::size_t at = 0;
    while (at < line.size()) {
        const std::size_t start = line.find_first_not_of(" \t", at);
        if (start == std::string::npos) break;
        const std::size_t end = std::min(line.find_first_of(" \t", start), line.size());
        const std::string token = line.substr(start, end - start);
        at = end;
        const bool measure = startsWithDigitAfter(token, 'm') || token == "=" || token.starts_with("var");
        const bool barLine = token.find_first_not_of("|:") == std::string::npos;
        if (measure || barLine || startsWithDigitAfter(token, 'b')) continue;
        if (token.back() == ':') {
            const auto parsed = Key::parse(token.substr(0, token.size() - 1));
            EXPECT_TRUE(parsed) << where << ": key " << token;
            if (parsed) key = *parsed;
            ++corpus.keys;
            continue;
        }
        ++corpus.numerals;
        Occurrences& seen = corpus.texts[token];
        if (seen.count++ == 0) seen.first = where;
        ++corpus.inKeys[{token, key.toString()}];
    }
}

const Corpus& corpus() {
    static const Corpus kCorpus = [] {
        Corpus read;
        std::vector<fs::path> files;
        for (const auto& entry : fs::recursive_directory_iterator{kRomanText}) {
            const std::string name = entry.path().filename().string();
            if (name.starts_with("analysis") && (name.ends_with(".txt") || name.ends_with(".rntxt"))) {
                files.push_back(entry.path());
            }
        }
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) {
            const auto text = core::readWholeFile(file);
            EXPECT_TRUE(text) << file;
            if (!text) continue;
            ++read.files;
            Key key = *Key::parse("C");
            std::size_t lineNumber = 0;
            std::size_t lineStart = 0;
            while (lineStart < text->size()) {
                // Lines end in \n, \r\n or, in a few files, a lone \r.
                const std::size_t lineEnd = std::min(text->find_first_of("\r\n", lineStart), text->size());
                const std::string line = text->substr(lineStart, lineEnd - lineStart);
                const bool crlf = text->compare(lineEnd, 2, "\r\n") == 0;
                lineStart = lineEnd + (crlf ? 2 : 1);
                ++lineNumber;
                const std::size_t first = line.find_first_not_of(" \t");
                if (first == std::string::npos || !startsWithDigitAfter(std::string_view{line}.substr(first), 'm')) {
                    continue;  // headers (Composer:, Time Signature:, Note:, Form:, Pedal: …)
                }
                readLine(line, file.string() + ":" + std::to_string(lineNumber), key, read);
            }
        }
        return read;
    }();
    return kCorpus;
}

// The numerals that parse, once per key, with how often the analyses use them there.
std::vector<std::tuple<RomanNumeral, Key, std::size_t>> distinctInKeys() {
    std::vector<std::tuple<RomanNumeral, Key, std::size_t>> distinct;
    for (const auto& [textAndKey, count] : corpus().inKeys) {
        const auto numeral = RomanNumeral::parse(textAndKey.first);
        if (numeral) distinct.emplace_back(*numeral, *Key::parse(textAndKey.second), count);
    }
    return distinct;
}

TEST(RomanNumeralCorpusTest, EveryNumeralParsesAndPrintsBackToItself) {
    if (!fs::exists(kRomanText)) GTEST_SKIP() << "no corpus at " << kRomanText;
    std::map<std::string, std::size_t> badSeen;
    std::size_t parsed = 0;
    for (const auto& [text, seen] : corpus().texts) {
        const auto numeral = RomanNumeral::parse(text);
        const auto bad = knownBad().find(text);
        if (bad != knownBad().end()) {
            EXPECT_FALSE(numeral) << seen.first << ": " << text << " parses, but is listed as " << bad->second;
            badSeen[text] = seen.count;
            continue;
        }
        EXPECT_TRUE(numeral) << seen.first << " (" << seen.count << " times): " << numeral.error().describe();
        if (!numeral) continue;
        parsed += seen.count;
        const std::string printed = numeral->toString();
        const auto again = RomanNumeral::parse(printed);
        EXPECT_TRUE(again && *again == *numeral) << seen.first << ": " << text << " printed as " << printed;
    }
    for (const auto& [text, reason] : knownBad()) EXPECT_EQ(badSeen.count(text), 1U) << text << " no longer occurs";
    std::size_t bad = 0;
    for (const auto& [text, count] : badSeen) bad += count;
    std::printf(
        "romantext: %zu analyses, %zu key changes, %zu numerals (%zu different): %zu parse, %zu malformed in "
        "the source\n",
        corpus().files, corpus().keys, corpus().numerals, corpus().texts.size(), parsed, bad);
    EXPECT_GT(corpus().files, 1700U);
    EXPECT_GT(parsed, 215000U);
}

TEST(RomanNumeralCorpusTest, EveryNumeralSpellsInItsKey) {
    if (!fs::exists(kRomanText)) GTEST_SKIP() << "no corpus at " << kRomanText;
    for (const auto& [numeral, key, count] : distinctInKeys()) {
        const RomanChord chord = numeral.toChord(key);
        const std::string what = numeral.toString() + " in " + key.toString();
        ASSERT_FALSE(chord.notes.empty()) << what;
        EXPECT_EQ(chord.notes.front(), chord.bass) << what;
        // Double sharps and flats at most, but in the theoretical keys (Abb major has Bbbb).
        const int mostAccidentals = std::abs(key.signature()) <= 7 ? 2 : 3;
        for (std::size_t i = 0; i < chord.notes.size(); ++i) {
            EXPECT_LE(std::abs(chord.notes[i].alter), mostAccidentals) << what << ": " << chord.notes[i].toString();
            for (std::size_t j = 0; j < i; ++j) EXPECT_NE(chord.notes[i], chord.notes[j]) << what << " twice";
        }
        // Unaltered numerals spell one of the chord shapes their case and marks name.
        const bool altered =
            !numeral.alteredTones.empty() || std::any_of(numeral.figures.begin(), numeral.figures.end(),
                                                         [](const RomanFigure& figure) { return figure.alter != 0; });
        if (!altered) {
            EXPECT_NE(chord.quality, RomanQuality::Other) << what;
        }
        const RomanNumeral normal = numeral.normalized(key);
        EXPECT_EQ(normal.toChord(key).notes, chord.notes) << what << " normalised to " << normal.toString();
    }
}

// The numeral without its brackets, as compared: analysts add [no]/[add] for tones that the
// reading of the chord's notes also finds (as [addN]) or leaves open (a missing fifth).
RomanNumeral withoutBrackets(RomanNumeral numeral) {
    numeral.addedTones.clear();
    numeral.alteredTones.clear();
    numeral.omittedTones = 0;
    return numeral;
}

TEST(RomanNumeralCorpusTest, MostNumeralsComeBackFromTheirNotes) {
    if (!fs::exists(kRomanText)) GTEST_SKIP() << "no corpus at " << kRomanText;
    std::size_t total = 0;
    std::size_t sameNumeral = 0;  // the analyst's numeral, normalised, without brackets
    std::size_t sameChord = 0;    // the same root, quality and inversion
    std::map<std::string, std::size_t> misses;
    for (const auto& [numeral, key, count] : distinctInKeys()) {
        const RomanChord chord = numeral.toChord(key);
        RomanReadingOptions options;
        options.cadentialSixFour = numeral.kind == RomanKind::CadentialSixFour;  // the context an analysis gives
        const auto back = RomanNumeral::fromChord(chord.notes, key, options);
        ASSERT_TRUE(back) << numeral.toString() << " in " << key.toString();
        total += count;
        const RomanChord backChord = back->toChord(key);
        if (backChord.rootPitchClass() == chord.rootPitchClass() && backChord.quality == chord.quality &&
            backChord.inversion == chord.inversion) {
            sameChord += count;
        }
        const RomanNumeral expected = withoutBrackets(numeral.normalized(key));
        if (withoutBrackets(*back) == expected) {
            sameNumeral += count;
        } else {
            misses[(key.mode == Mode::Minor ? "minor: " : "major: ") + expected.toString() + " -> " +
                   withoutBrackets(*back).toString()] += count;
        }
    }
    std::vector<std::pair<std::size_t, std::string>> worst;
    worst.reserve(misses.size());
    for (const auto& [miss, count] : misses) worst.emplace_back(count, miss);
    std::sort(worst.rbegin(), worst.rend());
    std::string listed;
    for (std::size_t i = 0; i < std::min<std::size_t>(worst.size(), 15); ++i) {
        listed += "\n  " + worst[i].second + " (" + std::to_string(worst[i].first) + ")";
    }
    const double numeralRate = static_cast<double>(sameNumeral) / static_cast<double>(total);
    const double chordRate = static_cast<double>(sameChord) / static_cast<double>(total);
    std::printf(
        "romantext numerals spelled and read back: the same numeral %zu of %zu (%.2f%%), the same root, "
        "quality and inversion %zu (%.2f%%); most frequent differences:%s\n",
        sameNumeral, total, 100.0 * numeralRate, sameChord, 100.0 * chordRate, listed.c_str());
    // The rest are chords with tones added or left out that read more simply another way (I with
    // an added sixth is vi65), and tonicizations analysts write that a chord alone cannot show
    // (I/V for V).
    EXPECT_GE(numeralRate, 0.91) << listed;
    EXPECT_GE(chordRate, 0.965) << listed;
}

}  // namespace
}  // namespace mos::theory
