#include "UmfText.hpp"

#include <array>
#include <charconv>
#include <cstdint>

namespace mos::score::umf {

namespace {

bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }

// A run of digits without a leading zero (or the single digit "0" when `allowZero`), as a value
// that fits `Int`; advances `at` past it.
template <typename Int>
std::optional<Int> readNatural(std::string_view text, std::size_t& at, bool allowZero) {
    const std::size_t begin = at;
    while (at < text.size() && isDigit(text[at])) ++at;
    if (at == begin) return std::nullopt;
    if (text[begin] == '0' && (at - begin > 1 || !allowZero)) return std::nullopt;
    Int value{};
    const auto [end, error] = std::from_chars(text.data() + begin, text.data() + at, value);
    if (error != std::errc{} || end != text.data() + at) return std::nullopt;
    return value;
}

// Letter and accidentals ("F#", "Bbb"); advances `at` past them.
std::optional<PitchName> readPitchName(std::string_view text, std::size_t& at) {
    if (at >= text.size() || text[at] < 'A' || text[at] > 'G') return std::nullopt;
    PitchName name{*stepFromLetter(text[at]), 0};
    ++at;
    const std::size_t accidentals = at;
    while (at < text.size() && (text[at] == '#' || text[at] == 'b') && text[at] == text[accidentals]) ++at;
    const auto count = static_cast<std::int8_t>(at - accidentals);
    if (count > 3) return std::nullopt;
    name.alter = count == 0 ? std::int8_t{0} : (text[accidentals] == '#' ? count : static_cast<std::int8_t>(-count));
    return name;
}

void appendAccidentals(std::string& out, int alter) {
    out.append(static_cast<std::size_t>(alter > 0 ? alter : -alter), alter > 0 ? '#' : 'b');
}

template <typename Int>
void appendInteger(std::string& out, Int value) {
    std::array<char, 24> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    out.append(digits.data(), result.ptr);
}

}  // namespace

std::optional<core::Rational> parseRational(std::string_view text, Sign sign) {
    std::size_t at = 0;
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) {
        if (sign != Sign::Any) return std::nullopt;
        ++at;
    }
    // Read the magnitude as unsigned so that "-9223372036854775808" is representable.
    const auto numerator = readNatural<std::uint64_t>(text, at, !negative);
    if (!numerator) return std::nullopt;
    std::uint64_t denominator = 1;
    if (at < text.size()) {
        if (text[at] != '/' || *numerator == 0) return std::nullopt;
        ++at;
        const auto parsed = readNatural<std::uint64_t>(text, at, false);
        if (!parsed || at != text.size() || *parsed > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
        denominator = *parsed;
    }
    constexpr auto kMax = static_cast<std::uint64_t>(INT64_MAX);
    if (*numerator > kMax + (negative ? 1U : 0U)) return std::nullopt;
    if (sign == Sign::Positive && *numerator == 0) return std::nullopt;
    const std::int64_t signedNumerator =
        negative ? static_cast<std::int64_t>(0U - *numerator) : static_cast<std::int64_t>(*numerator);
    const core::Rational value{signedNumerator, static_cast<std::int64_t>(denominator)};
    if (!value.isValid()) return std::nullopt;
    return value;
}

void appendRational(std::string& out, core::Rational value) {
    appendInteger(out, value.num());
    if (value.den() != 1) {
        out += '/';
        appendInteger(out, value.den());
    }
}

std::optional<Pitch> parsePitch(std::string_view text) {
    std::size_t at = 0;
    const auto name = readPitchName(text, at);
    if (!name) return std::nullopt;
    Pitch pitch;
    pitch.step = name->step;
    pitch.alter = name->alter;
    if (at < text.size() && text[at] == '-') {
        if (text.substr(at, 2) != "-1") return std::nullopt;
        pitch.octave = -1;
        at += 2;
    } else {
        const auto octave = readNatural<int>(text, at, true);
        if (!octave || *octave > 10) return std::nullopt;
        pitch.octave = static_cast<std::int8_t>(*octave);
    }
    if (at == text.size()) return pitch;
    const char sign = text[at++];
    if (sign != '+' && sign != '-') return std::nullopt;
    const auto cents = readNatural<int>(text, at, false);
    if (!cents || *cents > 1200 || at + 1 != text.size() || text[at] != 'c') return std::nullopt;
    pitch.cents = static_cast<std::int16_t>(sign == '+' ? *cents : -*cents);
    return pitch;
}

void appendPitch(std::string& out, const Pitch& pitch) {
    out += toLetter(pitch.step);
    appendAccidentals(out, pitch.alter);
    appendInteger(out, static_cast<int>(pitch.octave));
    if (pitch.cents != 0) {
        out += pitch.cents > 0 ? '+' : '-';
        appendInteger(out, pitch.cents > 0 ? static_cast<int>(pitch.cents) : -static_cast<int>(pitch.cents));
        out += 'c';
    }
}

std::optional<PitchName> parsePitchName(std::string_view text) {
    std::size_t at = 0;
    const auto name = readPitchName(text, at);
    if (!name || at != text.size()) return std::nullopt;
    return name;
}

void appendPitchName(std::string& out, PitchName name) {
    out += toLetter(name.step);
    appendAccidentals(out, name.alter);
}

std::optional<TimeSignature> parseMeter(std::string_view text) {
    std::size_t at = 0;
    const auto numerator = readNatural<std::uint16_t>(text, at, false);
    if (!numerator || at >= text.size() || text[at] != '/') return std::nullopt;
    ++at;
    const auto denominator = readNatural<std::uint16_t>(text, at, false);
    if (!denominator || at != text.size()) return std::nullopt;
    return TimeSignature{*numerator, *denominator, TimeSignature::Symbol::Normal};
}

void appendMeter(std::string& out, const TimeSignature& time) {
    appendInteger(out, time.numerator);
    out += '/';
    appendInteger(out, time.denominator);
}

}  // namespace mos::score::umf
