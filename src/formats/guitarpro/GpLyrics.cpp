// GP4/GP5 lyrics: up to five lines of text for one track, each starting at a bar. Guitar Pro sings
// one syllable on each beat that has notes, in the track's first voice. In the text, blanks separate
// words, a hyphen ends a syllable inside a word ("Hal-le-lu-jah"), a plus joins two words on one
// beat ("a+dream") and [brackets] hold comments that are not sung.

#include <string_view>

#include "formats/guitarpro/GpImport.hpp"

namespace mos::formats::gp {
namespace {

using Syllabic = score::LyricSyllable::Syllabic;

struct Syllable {
    std::string text;
    Syllabic syllabic = Syllabic::Single;
};

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::vector<Syllable> splitSyllables(std::string_view text) {
    std::vector<Syllable> syllables;
    std::string current;
    bool inWord = false;  // the last syllable ended with a hyphen: the word goes on
    const auto endSyllable = [&](bool wordGoesOn) {
        if (current.empty()) return;
        Syllabic syllabic = inWord ? (wordGoesOn ? Syllabic::Middle : Syllabic::End)
                                   : (wordGoesOn ? Syllabic::Begin : Syllabic::Single);
        syllables.push_back(Syllable{std::move(current), syllabic});
        current.clear();
        inWord = wordGoesOn;
    };
    bool inComment = false;
    for (const char c : text) {
        if (inComment) {
            inComment = c != ']';
        } else if (c == '[') {
            inComment = true;
        } else if (isBlank(c)) {
            endSyllable(false);
            inWord = false;
        } else if (c == '-') {
            endSyllable(true);
        } else {
            current += c == '+' ? ' ' : c;
        }
    }
    endSyllable(false);
    return syllables;
}

}  // namespace

void attachLyrics(Import& import) {
    bool any = false;
    for (const LyricLine& line : import.lyrics) any = any || !line.text.empty();
    if (!any) return;
    if (import.lyricTrack < 1 || static_cast<std::size_t>(import.lyricTrack) > import.score.parts.size()) {
        import.warnings.push_back(core::fail(core::ErrorCode::ParseError,
                                             "the lyrics belong to track " + std::to_string(import.lyricTrack) +
                                                 ", which does not exist; they are left out",
                                             core::SourceLocation{import.in.locationAt(0).file}));
        return;
    }
    const score::Part& part = import.score.parts[static_cast<std::size_t>(import.lyricTrack) - 1];
    auto& lyrics = import.score.layers.lyrics;
    for (std::size_t verse = 0; verse < import.lyrics.size(); ++verse) {
        const LyricLine& line = import.lyrics[verse];
        const std::vector<Syllable> syllables = splitSyllables(line.text);
        const auto firstMeasure = static_cast<std::uint32_t>(std::max(line.startMeasure, 1) - 1);
        std::size_t next = 0;
        for (const score::Event& event : part.events) {
            if (next == syllables.size()) break;
            if (event.voice != 1 || event.grace || event.isRest() || event.measure < firstMeasure) continue;
            lyrics.push_back(score::LyricSyllable{event.id, static_cast<std::uint8_t>(verse + 1), syllables[next].text,
                                                  syllables[next].syllabic, false});
            ++next;
        }
    }
}

}  // namespace mos::formats::gp
