#include "formats/romantext/RomanTextKey.hpp"

#include <algorithm>

#include "mos/theory/Key.hpp"

namespace mos::formats::romantext {
namespace {

// More accidentals than this on a tonic is no key anyone writes (Bbb: has two).
constexpr std::size_t kMaxAccidentals = 3;
constexpr int kMaxSignature = 7;

// A key's name without its colon: "f#", "Bb".
std::optional<KeyToken> parseKeyName(std::string_view name) noexcept {
    if (name.empty() || name.size() > 1 + kMaxAccidentals) return std::nullopt;
    KeyToken key;
    const char letter = name.front();
    if (letter >= 'A' && letter <= 'G') {
        key.mode = score::Mode::Major;
    } else if (letter >= 'a' && letter <= 'g') {
        key.mode = score::Mode::Minor;
    } else {
        return std::nullopt;
    }
    key.tonic.step = score::stepFromLetter(letter).value_or(score::Step::C);
    const std::string_view accidentals = name.substr(1);
    const bool sharps = std::all_of(accidentals.begin(), accidentals.end(), [](char c) { return c == '#'; });
    const bool flats = std::all_of(accidentals.begin(), accidentals.end(), [](char c) { return c == 'b' || c == '-'; });
    if (!sharps && !flats) return std::nullopt;
    const auto count = static_cast<std::int8_t>(accidentals.size());
    key.tonic.alter = sharps ? count : static_cast<std::int8_t>(-count);
    key.name = name;
    return key;
}

}  // namespace

std::optional<KeyToken> parseKeyToken(std::string_view token) noexcept {
    const bool setsSignature = token.ends_with(";:");
    if (!setsSignature && !token.ends_with(':')) return std::nullopt;
    auto key = parseKeyName(token.substr(0, token.size() - (setsSignature ? 2 : 1)));
    if (key) key->setsSignature = setsSignature;
    return key;
}

bool isOptionalKeyToken(std::string_view token) noexcept {
    if (!token.starts_with("?(") && !token.starts_with("?)")) return false;
    std::string_view name = token.substr(2);
    if (name.ends_with(':')) name.remove_suffix(1);  // "?)Bb" closes too, without its colon
    return parseKeyName(name).has_value();
}

std::optional<std::int8_t> parseKeySignatureToken(std::string_view token) noexcept {
    if (!token.starts_with("KS")) return std::nullopt;
    std::string_view digits = token.substr(2);
    const bool negative = digits.starts_with('-');
    if (negative) digits.remove_prefix(1);
    if (digits.size() != 1 || digits[0] < '0' || digits[0] > '0' + kMaxSignature) return std::nullopt;
    const auto count = static_cast<std::int8_t>(digits[0] - '0');
    return negative ? static_cast<std::int8_t>(-count) : count;
}

std::int8_t signatureOf(const KeyToken& key) noexcept {
    const theory::Key theoryKey{theory::NoteName{key.tonic.step, key.tonic.alter}, key.mode};
    return static_cast<std::int8_t>(std::clamp(theoryKey.signature(), -kMaxSignature, kMaxSignature));
}

}  // namespace mos::formats::romantext
