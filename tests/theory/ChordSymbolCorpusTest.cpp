// Every chord symbol of the jazz-standards charts and of the Nottingham ABC tune books parses, and
// prints back (in both styles) to a symbol that parses to the same chord; spelled to notes and
// named back, the jazz chords come out as themselves (same root, bass and pitch classes).

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "mos/core/Files.hpp"
#include "mos/theory/ChordNaming.hpp"
#include "mos/theory/ChordSymbol.hpp"
#include "support/JazzCharts.hpp"

namespace mos::theory {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpora = fs::path{MOS_SHARED_DIR} / "corpora";

std::vector<fs::path> filesIn(const fs::path& folder, const std::string& extension) {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator{folder}) {
        if (entry.path().extension() == extension) paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

// The chord symbols of ABC tune bodies: quoted text that is not an annotation (^_<>@ first).
std::vector<std::string> abcSymbols(const std::string& book) {
    std::vector<std::string> symbols;
    std::size_t lineStart = 0;
    while (lineStart < book.size()) {
        const std::size_t lineEnd = std::min(book.find('\n', lineStart), book.size());
        const std::string line = book.substr(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        const bool field = line.size() >= 2 && line[1] == ':' && std::isalpha(static_cast<unsigned char>(line[0]));
        if (field || line.starts_with('%')) continue;
        for (std::size_t open = line.find('"'); open != std::string::npos;) {
            const std::size_t close = line.find('"', open + 1);
            if (close == std::string::npos) break;
            const std::string text = line.substr(open + 1, close - open - 1);
            const bool blank = text.find_first_not_of(' ') == std::string::npos;  // '" "' holds no chord
            if (!blank && std::string_view{"^_<>@"}.find(text.front()) == std::string_view::npos) {
                symbols.push_back(text);
            }
            open = line.find('"', close + 1);
        }
    }
    return symbols;
}

// How often each symbol occurs in the folder's files; `total` counts them all.
template <typename Extract>
std::map<std::string, std::size_t> countSymbols(const fs::path& folder, const std::string& extension, Extract extract,
                                                std::size_t& total) {
    std::map<std::string, std::size_t> symbols;
    for (const fs::path& file : filesIn(folder, extension)) {
        const auto text = core::readWholeFile(file);
        EXPECT_TRUE(text) << file;
        if (!text) continue;
        for (const std::string& symbol : extract(*text)) {
            ++symbols[symbol];
            ++total;
        }
    }
    return symbols;
}

void checkAll(const std::map<std::string, std::size_t>& symbols, std::size_t& parsed) {
    for (const auto& [text, count] : symbols) {
        const auto chord = ChordSymbol::parse(text);
        EXPECT_TRUE(chord) << text << " (" << count << " times): " << chord.error().describe();
        if (!chord) continue;
        parsed += count;
        for (const ChordStyle style : {ChordStyle::Jazz, ChordStyle::Pop}) {
            const std::string printed = chord->toString(style);
            const auto again = ChordSymbol::parse(printed);
            EXPECT_TRUE(again && *again == *chord) << text << " printed as " << printed;
        }
    }
}

TEST(ChordSymbolCorpusTest, EveryJazzStandardsSymbolParses) {
    const fs::path folder = kCorpora / "jazz-standards";
    if (!fs::exists(folder)) GTEST_SKIP() << "no corpus at " << folder;
    std::size_t total = 0;
    const auto symbols = countSymbols(folder, ".json", test::jazzChartSymbols, total);
    EXPECT_GT(total, 40000U);  // the charts hold about 45,000 chords
    std::size_t parsed = 0;
    checkAll(symbols, parsed);
    EXPECT_EQ(parsed, total);
}

TEST(ChordSymbolCorpusTest, JazzStandardsChordsNamedFromTheirNotesComeBack) {
    const fs::path folder = kCorpora / "jazz-standards";
    if (!fs::exists(folder)) GTEST_SKIP() << "no corpus at " << folder;
    std::size_t total = 0;
    std::size_t same = 0;   // same root, bass and pitch classes
    std::size_t sound = 0;  // same bass and pitch classes: the same notes, maybe another root (C6, Am7/C)
    std::map<std::string, std::size_t> misses;
    for (const fs::path& file : filesIn(folder, ".json")) {
        for (const std::string& symbol : test::jazzChartSymbols(*core::readWholeFile(file))) {
            const auto chord = ChordSymbol::parse(symbol);
            if (!chord || chord->noChord) continue;
            std::vector<int> notes;
            for (const Pitch& pitch : chord->spell()) notes.push_back(pitch.midiNumber());
            const auto named = nameChord(notes, std::nullopt, 1);
            ++total;
            const ChordSymbol& back = named.front().symbol;
            if (back.bassPitchClass() == chord->bassPitchClass() && back.pitchClasses() == chord->pitchClasses())
                ++sound;
            if (back.root.pitchClass() == chord->root.pitchClass() &&
                back.bassPitchClass() == chord->bassPitchClass() && back.pitchClasses() == chord->pitchClasses()) {
                ++same;
            } else {
                ++misses[symbol + " -> " + back.toString(ChordStyle::Pop)];
            }
        }
    }
    const double rate = static_cast<double>(same) / static_cast<double>(total);
    std::string worst;
    for (const auto& [miss, count] : misses) worst += "\n  " + miss + " (" + std::to_string(count) + ")";
    std::printf("jazz-standards chords named back: same notes and bass %zu of %zu, also the same root %zu (%.2f%%)\n",
                sound, total, same, 100.0 * rate);
    EXPECT_EQ(sound, total);
    // The rest are the same notes under another root that the chart chose by convention (Gm7/C
    // for C9sus4, Eb6/Bb for Cm7/Bb); the bass decides C6 over Am7/C, as musicians read it.
    EXPECT_GE(rate, 0.988) << worst;
}

TEST(ChordSymbolCorpusTest, EveryNottinghamChordSymbolParses) {
    const fs::path folder = kCorpora / "abc-nottingham";
    if (!fs::exists(folder)) GTEST_SKIP() << "no corpus at " << folder;
    std::size_t total = 0;
    const auto symbols = countSymbols(folder, ".abc", abcSymbols, total);
    EXPECT_GT(total, 20000U);
    std::size_t parsed = 0;
    checkAll(symbols, parsed);
    EXPECT_EQ(parsed, total);
}

}  // namespace
}  // namespace mos::theory
