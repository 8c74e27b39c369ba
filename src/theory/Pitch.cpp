#include "mos/theory/Pitch.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include "theory/Modulo.hpp"

namespace mos::theory {

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

// Steps along the line of fifths from F: F C G D A E B.
constexpr std::array<Step, 7> kFifthsOrder{Step::F, Step::C, Step::G, Step::D, Step::A, Step::E, Step::B};
constexpr std::array<int, 7> kStepFifths{0, 2, 4, -1, 1, 3, 5};  // C D E F G A B

// One accidental sign at the start of `text`: its alteration and its length in bytes.
struct Sign {
    int alter = 0;
    std::size_t length = 0;
};
Sign signAt(std::string_view text) noexcept {
    if (text.empty()) return {};
    if (text.front() == '#') return {1, 1};
    if (text.front() == 'b') return {-1, 1};
    if (text.front() == 'x') return {2, 1};
    if (text.starts_with("\u266F")) return {1, 3};   // ♯
    if (text.starts_with("\u266D")) return {-1, 3};  // ♭
    return {};
}

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

int NoteName::pitchClass() const noexcept { return floorMod(naturalSemitone(step) + alter, 12); }

int NoteName::fifths() const noexcept { return kStepFifths[static_cast<std::size_t>(step)] + 7 * alter; }

NoteName NoteName::fromFifths(int fifths) noexcept {
    const int fromF = fifths + 1;
    return {kFifthsOrder[static_cast<std::size_t>(floorMod(fromF, 7))], static_cast<std::int8_t>(floorDiv(fromF, 7))};
}

std::string NoteName::toString() const {
    std::string text(1, toLetter(step));
    text.append(static_cast<std::size_t>(alter > 0 ? alter : 0), '#');
    text.append(static_cast<std::size_t>(alter < 0 ? -alter : 0), 'b');
    return text;
}

std::optional<NoteName> NoteName::parsePrefix(std::string_view text, std::size_t& length) {
    length = 0;
    if (text.empty() || text.front() < 'A' || text.front() > 'G') return std::nullopt;
    NoteName name{*stepFromLetter(text.front()), 0};
    std::size_t at = 1;
    int alter = 0;
    int direction = 0;
    for (Sign sign = signAt(text.substr(at)); sign.length > 0; sign = signAt(text.substr(at))) {
        const int signDirection = sign.alter > 0 ? 1 : -1;
        if (direction != 0 && signDirection != direction) break;  // "Cb#" is not a name
        direction = signDirection;
        alter += sign.alter;
        at += sign.length;
    }
    if (alter < -2 || alter > 2) return std::nullopt;
    name.alter = static_cast<std::int8_t>(alter);
    length = at;
    return name;
}

std::optional<NoteName> NoteName::parse(std::string_view text) {
    std::size_t length = 0;
    const auto name = parsePrefix(text, length);
    if (!name || length != text.size()) return std::nullopt;
    return name;
}

double Pitch::frequency(double a4) const noexcept {
    const double semitones = midiNumber() - 69 + cents / 100.0;
    return a4 * std::exp2(semitones / 12.0);
}

Pitch Pitch::of(NoteName name, int octave) noexcept {
    Pitch pitch;
    pitch.step = name.step;
    pitch.alter = name.alter;
    pitch.octave = static_cast<std::int8_t>(octave);
    return pitch;
}

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

}  // namespace mos::theory
