#include "audio/sampler/SfzValues.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

namespace mos::audio::sfz {

namespace {

// from_chars takes no leading '+', which SFZ files write ("tune=+5").
std::string_view withoutPlus(std::string_view text) noexcept {
    if (text.size() > 1 && text.front() == '+' && text[1] != '-' && text[1] != '+') text.remove_prefix(1);
    return text;
}

template <typename T>
std::optional<T> parseWhole(std::string_view text) noexcept {
    text = withoutPlus(text);
    T value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// Semitones above C of each letter A…G.
constexpr std::array<int, 7> kLetterSemitones{9, 11, 0, 2, 4, 5, 7};

}  // namespace

std::optional<double> parseNumber(std::string_view text) noexcept {
    const auto value = parseWhole<double>(text);
    // from_chars also reads "inf" and "nan", which are no numbers an instrument can use.
    if (!value || !std::isfinite(*value)) return std::nullopt;
    return value;
}

std::optional<std::int64_t> parseInteger(std::string_view text) noexcept { return parseWhole<std::int64_t>(text); }

std::optional<std::int64_t> parseKey(std::string_view text) noexcept {
    if (const auto number = parseInteger(text)) return number;
    if (text.size() < 2) return std::nullopt;
    const char letter = static_cast<char>(text.front() | 0x20);  // lower case
    if (letter < 'a' || letter > 'g') return std::nullopt;
    std::int64_t semitone = kLetterSemitones[static_cast<std::size_t>(letter - 'a')];
    text.remove_prefix(1);
    if (text.front() == '#') {
        ++semitone;
        text.remove_prefix(1);
    } else if (text.front() == 'b' || text.front() == 'B') {
        --semitone;
        text.remove_prefix(1);
    }
    // The octave is a plain number: no sign but the minus of octave -1.
    if (text.empty() || text.front() == '+') return std::nullopt;
    const auto octave = parseInteger(text);
    if (!octave || *octave < -1 || *octave > 9) return std::nullopt;
    return (*octave + 1) * 12 + semitone;
}

std::string formatNumber(double value) {
    std::array<char, 32> text{};
    const auto written = std::to_chars(text.data(), text.data() + text.size(), value);
    return {text.data(), written.ptr};
}

}  // namespace mos::audio::sfz
