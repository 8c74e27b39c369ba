#include "formats/musicxml/XmlValues.hpp"

#include <array>
#include <charconv>
#include <utility>

namespace mos::formats::musicxml {
namespace {

constexpr std::int64_t kMaxInteger = 1'000'000'000'000'000;  // 10^15
constexpr std::size_t kMaxFractionDigits = 9;

bool isXmlSpace(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string_view trimXml(std::string_view text) noexcept {
    while (!text.empty() && isXmlSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isXmlSpace(text.back())) text.remove_suffix(1);
    return text;
}

std::optional<std::int64_t> parseInteger(std::string_view text) noexcept {
    text = trimXml(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
    if (value > kMaxInteger || value < -kMaxInteger) return std::nullopt;
    return value;
}

std::optional<core::Rational> parseDecimal(std::string_view text) noexcept {
    text = trimXml(text);
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    const auto point = text.find('.');
    const std::string_view whole = text.substr(0, point);
    const std::string_view fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    if (whole.empty() && fraction.empty()) return std::nullopt;
    // At most 18 digits in all keeps the numerator inside 64 bits.
    if (whole.size() > 15 || fraction.size() > kMaxFractionDigits || whole.size() + fraction.size() > 18) {
        return std::nullopt;
    }
    std::int64_t numerator = 0;
    std::int64_t denominator = 1;
    for (const char c : whole) {
        if (c < '0' || c > '9') return std::nullopt;
        numerator = numerator * 10 + (c - '0');
    }
    for (const char c : fraction) {
        if (c < '0' || c > '9') return std::nullopt;
        numerator = numerator * 10 + (c - '0');
        denominator *= 10;
    }
    if (denominator == 1) return core::Rational{negative ? -numerator : numerator};
    return core::Rational{negative ? -numerator : numerator, denominator};
}

std::string joined(std::initializer_list<std::string_view> pieces) {
    std::size_t size = 0;
    for (const std::string_view piece : pieces) size += piece.size();
    std::string text;
    text.reserve(size);
    for (const std::string_view piece : pieces) text += piece;
    return text;
}

std::optional<core::Rational> noteTypeValue(std::string_view name, int dots) noexcept {
    static constexpr std::array<std::pair<std::string_view, core::Rational>, 14> kTypes{{
        {"quarter", {1, 4}},
        {"eighth", {1, 8}},
        {"16th", {1, 16}},
        {"half", {1, 2}},
        {"whole", {1}},
        {"32nd", {1, 32}},
        {"64th", {1, 64}},
        {"breve", {2}},
        {"128th", {1, 128}},
        {"long", {4}},
        {"256th", {1, 256}},
        {"maxima", {8}},
        {"512th", {1, 512}},
        {"1024th", {1, 1024}},
    }};
    name = trimXml(name);
    for (const auto& [typeName, value] : kTypes) {
        if (typeName != name) continue;
        // n dots make the value (2 - 1/2^n) times longer.
        const int clampedDots = dots < 0 ? 0 : (dots > 8 ? 8 : dots);
        return value * (core::Rational{2} - core::Rational{1, std::int64_t{1} << clampedDots});
    }
    return std::nullopt;
}

}  // namespace mos::formats::musicxml
