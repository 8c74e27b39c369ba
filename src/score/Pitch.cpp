#include "mos/score/Pitch.hpp"

#include <array>
#include <charconv>

namespace mos::score {

namespace {

constexpr std::array<char, 7> kLetters{'C', 'D', 'E', 'F', 'G', 'A', 'B'};
constexpr std::array<int, 7> kNaturalSemitones{0, 2, 4, 5, 7, 9, 11};

// Spellings of the 12 pitch classes: with sharps for sharp keys and C major, with flats otherwise.
struct Spelling {
    Step step;
    std::int8_t alter;
};
constexpr std::array<Spelling, 12> kSharpSpellings{{{Step::C, 0},
                                                    {Step::C, 1},
                                                    {Step::D, 0},
                                                    {Step::D, 1},
                                                    {Step::E, 0},
                                                    {Step::F, 0},
                                                    {Step::F, 1},
                                                    {Step::G, 0},
                                                    {Step::G, 1},
                                                    {Step::A, 0},
                                                    {Step::A, 1},
                                                    {Step::B, 0}}};
constexpr std::array<Spelling, 12> kFlatSpellings{{{Step::C, 0},
                                                   {Step::D, -1},
                                                   {Step::D, 0},
                                                   {Step::E, -1},
                                                   {Step::E, 0},
                                                   {Step::F, 0},
                                                   {Step::G, -1},
                                                   {Step::G, 0},
                                                   {Step::A, -1},
                                                   {Step::A, 0},
                                                   {Step::B, -1},
                                                   {Step::B, 0}}};

int floorDiv(int a, int b) noexcept { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

}  // namespace

char toLetter(Step step) noexcept { return kLetters[static_cast<std::size_t>(step)]; }

std::optional<Step> stepFromLetter(char letter) noexcept {
    const char upper = (letter >= 'a' && letter <= 'g') ? static_cast<char>(letter - 'a' + 'A') : letter;
    for (std::size_t i = 0; i < kLetters.size(); ++i) {
        if (kLetters[i] == upper) {
            return static_cast<Step>(i);
        }
    }
    return std::nullopt;
}

int naturalSemitone(Step step) noexcept { return kNaturalSemitones[static_cast<std::size_t>(step)]; }

std::string Pitch::toString() const {
    std::string text(1, toLetter(step));
    text.append(static_cast<std::size_t>(alter > 0 ? alter : 0), '#');
    text.append(static_cast<std::size_t>(alter < 0 ? -alter : 0), 'b');
    text += std::to_string(octave);
    if (cents != 0) {
        text += cents > 0 ? "+" : "-";
        text += std::to_string(cents > 0 ? cents : -cents);
        text += 'c';
    }
    return text;
}

std::optional<Pitch> Pitch::parse(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    const auto step = stepFromLetter(text.front());
    if (!step || text.front() < 'A' || text.front() > 'G') {
        return std::nullopt;
    }
    Pitch pitch;
    pitch.step = *step;
    std::size_t i = 1;
    int alter = 0;
    while (i < text.size() && (text[i] == '#' || text[i] == 'b')) {
        alter += text[i] == '#' ? 1 : -1;
        if ((text[i] == '#') != (text[1] == '#')) {
            return std::nullopt;  // "C#b4" mixes the two
        }
        ++i;
    }
    if (alter < -3 || alter > 3) {
        return std::nullopt;
    }
    pitch.alter = static_cast<std::int8_t>(alter);
    const char* begin = text.data() + i;
    const char* end = text.data() + text.size();
    int octave = 0;
    auto [afterOctave, octaveError] = std::from_chars(begin, end, octave);
    if (octaveError != std::errc{} || octave < -1 || octave > 10) {
        return std::nullopt;
    }
    pitch.octave = static_cast<std::int8_t>(octave);
    if (afterOctave == end) {
        return pitch;
    }
    // Cents: "+50c" or "-25c".
    const char sign = *afterOctave;
    if ((sign != '+' && sign != '-') || end - afterOctave < 3 || *(end - 1) != 'c') {
        return std::nullopt;
    }
    int cents = 0;
    auto [afterCents, centsError] = std::from_chars(afterOctave + 1, end - 1, cents);
    if (centsError != std::errc{} || afterCents != end - 1 || cents == 0 || cents > 1200) {
        return std::nullopt;
    }
    pitch.cents = static_cast<std::int16_t>(sign == '+' ? cents : -cents);
    return pitch;
}

Pitch Pitch::fromMidi(int midiNumber, int fifths) noexcept {
    const int octave = floorDiv(midiNumber, 12) - 1;
    const int pitchClass = midiNumber - (octave + 1) * 12;
    const Spelling spelling = (fifths < 0 ? kFlatSpellings : kSharpSpellings)[static_cast<std::size_t>(pitchClass)];
    Pitch pitch;
    pitch.step = spelling.step;
    pitch.alter = spelling.alter;
    pitch.octave = static_cast<std::int8_t>(octave);
    return pitch;
}

}  // namespace mos::score
