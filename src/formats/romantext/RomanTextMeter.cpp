#include "formats/romantext/RomanTextMeter.hpp"

#include <algorithm>
#include <cstdint>

#include "formats/romantext/RomanTextLines.hpp"

namespace mos::formats::romantext {
namespace {

using core::Rational;
using score::TimeSignature;

constexpr std::uint32_t kMaxNumerator = 255;
constexpr std::uint32_t kMaxDenominator = 128;

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `text` starts with `word` (lower case) in any case, followed by a blank or its end.
bool startsWithWord(std::string_view text, std::string_view word) noexcept {
    if (text.size() < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (lower(text[i]) != word[i]) return false;
    }
    return text.size() == word.size() || text[word.size()] == ' ' || text[word.size()] == '\t';
}

// Digits at the start of `text` as a number up to `max`; advances `text` past them.
std::optional<std::uint32_t> leadingNumber(std::string_view& text, std::uint32_t max) noexcept {
    std::uint32_t value = 0;
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
        value = value * 10 + static_cast<std::uint32_t>(text[digits] - '0');
        if (value > max) return std::nullopt;
        ++digits;
    }
    if (digits == 0) return std::nullopt;
    text.remove_prefix(digits);
    return value;
}

bool isPowerOfTwo(std::uint32_t n) noexcept { return n != 0 && (n & (n - 1)) == 0; }

}  // namespace

std::optional<ParsedMeter> parseMeter(std::string_view value) noexcept {
    std::string_view text = trim(value);
    Meter meter;
    if (startsWithWord(text, "fast")) {
        meter.pace = Meter::Pace::Fast;
        text = trim(text.substr(4));
    } else if (startsWithWord(text, "slow")) {
        meter.pace = Meter::Pace::Slow;
        text = trim(text.substr(4));
    }
    // A symbol instead of numbers: "C" (common time) or "Cut", then perhaps more text.
    const std::size_t wordEnd = std::min(text.find_first_of(" \t"), text.size());
    const bool trailing = !trim(text.substr(wordEnd)).empty();
    if (startsWithWord(text, "c") || startsWithWord(text, "common")) {
        meter.signature = TimeSignature{4, 4, TimeSignature::Symbol::Common};
        return ParsedMeter{meter, trailing};
    }
    if (startsWithWord(text, "cut")) {
        meter.signature = TimeSignature{2, 2, TimeSignature::Symbol::Cut};
        return ParsedMeter{meter, trailing};
    }
    const auto numerator = leadingNumber(text, kMaxNumerator);
    if (!numerator || *numerator == 0 || text.empty() || text.front() != '/') return std::nullopt;
    text.remove_prefix(1);
    const auto denominator = leadingNumber(text, kMaxDenominator);
    if (!denominator || !isPowerOfTwo(*denominator)) return std::nullopt;
    meter.signature = TimeSignature{static_cast<std::uint16_t>(*numerator), static_cast<std::uint16_t>(*denominator)};
    return ParsedMeter{meter, !trim(text).empty()};
}

bool hasAmbiguousBeat(const Meter& meter) noexcept {
    return meter.pace == Meter::Pace::Unmarked && meter.signature.numerator == 3 && meter.signature.denominator >= 8;
}

Rational beatLength(const Meter& meter, bool eachNoteABeat) noexcept {
    const TimeSignature& signature = meter.signature;
    const Rational note{1, signature.denominator};
    const bool threes = signature.numerator % 3 == 0;
    switch (meter.pace) {
        case Meter::Pace::Slow:
            return note;
        case Meter::Pace::Fast:
            return threes ? note * Rational{3} : note;
        case Meter::Pace::Unmarked:
            break;
    }
    if (hasAmbiguousBeat(meter)) return eachNoteABeat ? note : note * Rational{3};
    // Compound meters (6/8, 9/8, 12/8, 6/4, 12/16, 33/8 …) count their dotted beats.
    return threes && signature.numerator > 3 ? note * Rational{3} : note;
}

}  // namespace mos::formats::romantext
