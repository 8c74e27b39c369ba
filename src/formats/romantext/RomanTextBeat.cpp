#include "formats/romantext/RomanTextBeat.hpp"

#include <array>
#include <cstdint>

namespace mos::formats::romantext {
namespace {

using core::Rational;

constexpr std::size_t kMaxBeatDigits = 4;
constexpr std::size_t kMaxDecimalDigits = 9;
// An exact decimal keeps a denominator up to this (b1.2 = 6/5, b1.0625 = 17/16).
constexpr std::int64_t kMaxExactDenominator = 16;
// The divisions of a beat music uses, tried in this order for a decimal that is not exact: halves,
// thirds, quarters … sixteenths (no sevenths: b1.58 is 7/12, not 4/7).
constexpr std::array<std::int64_t, 10> kDivisions{2, 3, 4, 5, 6, 8, 9, 10, 12, 16};

bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }

std::optional<std::int64_t> digitsValue(std::string_view digits, std::size_t maxDigits) noexcept {
    if (digits.empty() || digits.size() > maxDigits) return std::nullopt;
    std::int64_t value = 0;
    for (const char c : digits) {
        if (!isDigit(c)) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// The fraction a decimal part stands for: exact when it is a fraction with a small denominator;
// else the first division p/q within one unit of its last digit (.33 → 1/3, .67 → 2/3, .83 → 5/6);
// else the decimal itself (.01 → 1/100).
std::optional<Rational> decimalFraction(std::string_view digits) noexcept {
    const auto numerator = digitsValue(digits, kMaxDecimalDigits);
    if (!numerator) return std::nullopt;
    std::int64_t scale = 1;
    for (std::size_t i = 0; i < digits.size(); ++i) scale *= 10;
    for (std::int64_t q = 1; q <= kMaxExactDenominator; ++q) {
        if ((*numerator * q) % scale == 0) return Rational{*numerator * q / scale, q};
    }
    for (const std::int64_t q : kDivisions) {
        const std::int64_t p = (*numerator * q * 2 + scale) / (scale * 2);  // the nearest p/q
        // |n/scale − p/q| < 1/scale  ⇔  |n·q − p·scale| < q
        const std::int64_t distance = *numerator * q - p * scale;
        if (distance < q && -distance < q) return Rational{p, q};
    }
    return Rational{*numerator, scale};
}

}  // namespace

bool isBeatToken(std::string_view token) noexcept {
    return token.size() >= 2 && token[0] == 'b' && (isDigit(token[1]) || token[1] == '.');
}

std::optional<Rational> parseBeat(std::string_view token) noexcept {
    if (!isBeatToken(token)) return std::nullopt;
    std::string_view rest = token.substr(1);
    const std::size_t firstDot = rest.find('.');
    const auto whole = digitsValue(rest.substr(0, firstDot), kMaxBeatDigits);
    if (!whole || *whole < 1) return std::nullopt;
    Rational beat{*whole};
    if (firstDot == std::string_view::npos) return beat;
    rest = rest.substr(firstDot + 1);
    const std::size_t secondDot = rest.find('.');
    const auto part = decimalFraction(rest.substr(0, secondDot));
    if (!part) return std::nullopt;
    beat += *part;
    if (secondDot == std::string_view::npos) return beat;
    const auto subPart = decimalFraction(rest.substr(secondDot + 1));
    if (!subPart) return std::nullopt;  // also a third '.': no more than two decimals
    return beat + *subPart / Rational{part->den()};
}

}  // namespace mos::formats::romantext
