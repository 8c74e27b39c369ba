#include "mos/theory/Key.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "theory/Modulo.hpp"

namespace mos::theory {
namespace {

struct ModeInfo {
    Mode mode;
    std::string_view name;
    int signatureOffset;
    ScaleType scale;
};

constexpr std::array<ModeInfo, 10> kModes{{
    {Mode::Major, "major", 0, ScaleType::Major},
    {Mode::Minor, "minor", -3, ScaleType::NaturalMinor},
    {Mode::Ionian, "ionian", 0, ScaleType::Major},
    {Mode::Dorian, "dorian", -2, ScaleType::Dorian},
    {Mode::Phrygian, "phrygian", -4, ScaleType::Phrygian},
    {Mode::Lydian, "lydian", 1, ScaleType::Lydian},
    {Mode::Mixolydian, "mixolydian", -1, ScaleType::Mixolydian},
    {Mode::Aeolian, "aeolian", -3, ScaleType::NaturalMinor},
    {Mode::Locrian, "locrian", -5, ScaleType::Locrian},
    {Mode::None, "none", 0, ScaleType::Major},
}};
static_assert([] {
    for (std::size_t i = 0; i < kModes.size(); ++i) {
        if (static_cast<std::size_t>(kModes[i].mode) != i) return false;
    }
    return true;
}());

const ModeInfo& info(Mode mode) noexcept { return kModes[static_cast<std::size_t>(mode)]; }

std::string lowered(std::string_view text) {
    std::string lower;
    for (const char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

}  // namespace

std::string_view modeName(Mode mode) noexcept { return info(mode).name; }

std::optional<Mode> modeFromName(std::string_view name) {
    if (name == "m") return Mode::Minor;  // "Em": only the lower-case letter means minor
    const std::string wanted = lowered(name);
    for (const ModeInfo& mode : kModes) {
        // Full names, and their first three letters ("maj", "min", "dor", "mix" …).
        if (wanted == mode.name || (wanted.size() == 3 && mode.name.starts_with(wanted))) return mode.mode;
    }
    return std::nullopt;
}

int modeSignatureOffset(Mode mode) noexcept { return info(mode).signatureOffset; }

ScaleType modeScale(Mode mode) noexcept { return info(mode).scale; }

Key Key::fromSignature(int fifths, Mode mode) noexcept {
    return {NoteName::fromFifths(fifths - modeSignatureOffset(mode)), mode};
}

NoteName Key::degree(int number) const noexcept {
    const auto intervals = scaleIntervals(modeScale(mode));
    const int index = floorMod(number - 1, static_cast<int>(intervals.size()));
    return transpose(tonic, intervals[static_cast<std::size_t>(index)]);
}

int Key::signatureAlter(Step step) const noexcept {
    // The n-th sharp falls on F C G D A E B (n = 1…7), the n-th flat on B E A D G C F.
    const int fifths = signature();
    const int position = NoteName{step, 0}.fifths() + 1;  // F = 0 … B = 6
    if (fifths >= 0) return floorDiv(fifths - position + 6, 7);
    return -floorDiv(-fifths - (6 - position) + 6, 7);
}

Key Key::relative() const noexcept {
    const Mode other = (mode == Mode::Minor || mode == Mode::Aeolian) ? Mode::Major : Mode::Minor;
    if (mode != Mode::Major && mode != Mode::Ionian && mode != Mode::Minor && mode != Mode::Aeolian) {
        return fromSignature(signature(), Mode::Major);
    }
    return fromSignature(signature(), other);
}

Key Key::parallel() const noexcept {
    return {tonic, (mode == Mode::Minor || mode == Mode::Aeolian) ? Mode::Major : Mode::Minor};
}

std::string Key::toString() const { return tonic.toString() + " " + std::string{modeName(mode)}; }

std::optional<Key> Key::parse(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    // A lower-case tonic letter means minor ("e", "f#").
    const bool lowerTonic = text.front() >= 'a' && text.front() <= 'g';
    std::string tonicText{text};
    if (lowerTonic) tonicText.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(tonicText.front())));
    std::size_t length = 0;
    const auto tonic = NoteName::parsePrefix(tonicText, length);
    if (!tonic) return std::nullopt;
    std::string_view rest = text.substr(length);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty()) return Key{*tonic, lowerTonic ? Mode::Minor : Mode::Major};
    const auto mode = modeFromName(rest);
    if (!mode || lowerTonic) return std::nullopt;
    return Key{*tonic, *mode};
}

}  // namespace mos::theory
