#include "formats/musicxml/MusicXmlWriterValues.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace mos::formats::musicxml_writer {
namespace {

// Note types from the longest; each is half the one before, maxima being 8 whole notes.
constexpr std::array<std::string_view, 14> kTypeNames{"maxima", "long", "breve", "whole", "half",  "quarter", "eighth",
                                                      "16th",   "32nd", "64th",  "128th", "256th", "512th",   "1024th"};
constexpr int kLongestTypeExponent = 3;  // maxima = 2^3 whole notes
constexpr int kMostDots = 4;

// The value of type `typeIndex` with `dots` dots: base * (2 - 2^-dots).
core::Rational typeValue(std::size_t typeIndex, int dots) noexcept {
    const int exponent = kLongestTypeExponent - static_cast<int>(typeIndex);
    const core::Rational base =
        exponent >= 0 ? core::Rational{std::int64_t{1} << exponent} : core::Rational{1, std::int64_t{1} << -exponent};
    return base * core::Rational{(std::int64_t{1} << (dots + 1)) - 1, std::int64_t{1} << dots};
}

}  // namespace

std::optional<NoteType> exactNoteTypeOf(core::Rational value) noexcept {
    if (!value.isValid() || value <= core::Rational{0}) return std::nullopt;
    const auto isPowerOfTwo = [](std::int64_t n) { return (n & (n - 1)) == 0; };
    for (int dots = 0; dots <= kMostDots; ++dots) {
        // Without its dots the value must be a power of two: base = value * 2^d / (2^(d+1) - 1).
        const core::Rational base =
            value * core::Rational{std::int64_t{1} << dots, (std::int64_t{1} << (dots + 1)) - 1};
        if (!base.isValid() || !isPowerOfTwo(base.num()) || !isPowerOfTwo(base.den())) continue;
        if (base.num() != 1 && base.den() != 1) continue;
        const int exponent = base.den() == 1 ? std::countr_zero(static_cast<std::uint64_t>(base.num()))
                                             : -std::countr_zero(static_cast<std::uint64_t>(base.den()));
        const int typeIndex = kLongestTypeExponent - exponent;
        if (typeIndex < 0 || typeIndex >= static_cast<int>(kTypeNames.size())) continue;
        return NoteType{kTypeNames[static_cast<std::size_t>(typeIndex)], dots, true};
    }
    return std::nullopt;
}

NoteType noteTypeOf(core::Rational value) noexcept {
    if (auto exact = exactNoteTypeOf(value)) return *exact;
    const double wanted = value.isValid() && value > core::Rational{0} ? std::log2(value.toDouble()) : 0.0;
    NoteType best{kTypeNames[3], 0, false};
    double bestDistance = 1e300;
    for (std::size_t t = 0; t < kTypeNames.size(); ++t) {
        for (int dots = 0; dots <= kMostDots; ++dots) {
            const double distance = std::abs(std::log2(typeValue(t, dots).toDouble()) - wanted);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = NoteType{kTypeNames[t], dots, false};
            }
        }
    }
    return best;
}

std::string decimalText(core::Rational value, int maxFractionDigits) {
    std::int64_t scale = 1;
    for (int i = 0; i < maxFractionDigits; ++i) scale *= 10;
    const std::optional<std::int64_t> scaled = (value * core::Rational{scale}).round();
    std::int64_t units = 0;
    if (scaled) {
        units = *scaled;
    } else if (value.isValid()) {  // too large to scale exactly: round the double
        units = static_cast<std::int64_t>(std::llround(value.toDouble() * static_cast<double>(scale)));
    }
    std::string text;
    if (units < 0) text.push_back('-');
    const std::uint64_t magnitude =
        units < 0 ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
    const auto unsignedScale = static_cast<std::uint64_t>(scale);
    text += std::to_string(magnitude / unsignedScale);
    std::uint64_t fraction = magnitude % unsignedScale;
    if (fraction != 0) {
        std::string digits = std::to_string(fraction);
        digits.insert(0, static_cast<std::size_t>(maxFractionDigits) - digits.size(), '0');
        while (digits.back() == '0') digits.pop_back();
        text.push_back('.');
        text += digits;
    }
    return text;
}

std::string alterText(std::int8_t alter, std::int16_t cents) {
    if (alter == 0 && cents == 0) return {};
    return decimalText(core::Rational{std::int64_t{alter} * 100 + cents, 100}, 2);
}

std::int64_t clampOctave(int octave) noexcept { return std::clamp(octave, 0, 9); }

namespace {

// Moves a pitch name down by the transposition (sounding -> written).
score::KeyAccidental writtenAccidental(score::KeyAccidental sounding, const score::Transposition& transposition) {
    const int soundingStep = static_cast<int>(sounding.step);
    const int writtenStep = ((soundingStep - transposition.diatonic) % 7 + 7) % 7;
    const int soundingSemitone = score::naturalSemitone(sounding.step) + sounding.alter;
    const int writtenNatural = score::naturalSemitone(static_cast<score::Step>(writtenStep));
    int alter = ((soundingSemitone - transposition.chromatic - writtenNatural) % 12 + 12) % 12;
    if (alter > 6) alter -= 12;
    return {static_cast<score::Step>(writtenStep), static_cast<std::int8_t>(alter)};
}

}  // namespace

score::KeySignature writtenKey(const score::KeySignature& concert, const score::Transposition& transposition) {
    if (transposition.diatonic == 0 && transposition.chromatic == 0) return concert;
    // An interval of d steps and c semitones spans 7c - 12d fifths (a major second: +2).
    const int intervalFifths = 7 * transposition.chromatic - 12 * transposition.diatonic;
    int fifths = concert.fifths - intervalFifths;
    while (fifths > 7) fifths -= 12;
    while (fifths < -7) fifths += 12;
    score::KeySignature written = concert;
    written.fifths = static_cast<std::int8_t>(fifths);
    for (score::KeyAccidental& accidental : written.accidentals)
        accidental = writtenAccidental(accidental, transposition);
    return written;
}

std::string_view clefSignName(score::Clef::Sign sign) noexcept {
    switch (sign) {
        case score::Clef::Sign::G:
            return "G";
        case score::Clef::Sign::F:
            return "F";
        case score::Clef::Sign::C:
            return "C";
        case score::Clef::Sign::Percussion:
            return "percussion";
        case score::Clef::Sign::Tab:
            return "TAB";
        case score::Clef::Sign::None:
            return "none";
    }
    return "G";
}

namespace {

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) noexcept {
    return std::find(names.begin(), names.end(), name) != names.end();
}

constexpr std::array<std::string_view, 11> kBarStyles{"regular",     "dotted",      "dashed",      "heavy",
                                                      "light-light", "light-heavy", "heavy-light", "heavy-heavy",
                                                      "tick",        "short",       "none"};

constexpr std::array<std::string_view, 26> kDynamics{
    "p",  "pp", "ppp", "pppp", "ppppp", "pppppp", "f",   "ff",  "fff",  "ffff", "fffff", "ffffff", "mp",
    "mf", "sf", "sfp", "sfpp", "fp",    "rf",     "rfz", "sfz", "sffz", "fz",   "n",     "pf",     "sfzp"};

constexpr std::array<std::string_view, 33> kChordKinds{"major",
                                                       "minor",
                                                       "augmented",
                                                       "diminished",
                                                       "dominant",
                                                       "major-seventh",
                                                       "minor-seventh",
                                                       "diminished-seventh",
                                                       "augmented-seventh",
                                                       "half-diminished",
                                                       "major-minor",
                                                       "major-sixth",
                                                       "minor-sixth",
                                                       "dominant-ninth",
                                                       "major-ninth",
                                                       "minor-ninth",
                                                       "dominant-11th",
                                                       "major-11th",
                                                       "minor-11th",
                                                       "dominant-13th",
                                                       "major-13th",
                                                       "minor-13th",
                                                       "suspended-second",
                                                       "suspended-fourth",
                                                       "Neapolitan",
                                                       "Italian",
                                                       "French",
                                                       "German",
                                                       "pedal",
                                                       "power",
                                                       "Tristan",
                                                       "other",
                                                       "none"};

}  // namespace

bool isBarStyle(std::string_view style) noexcept { return contains(kBarStyles, style); }

bool isDynamicsElement(std::string_view mark) noexcept { return contains(kDynamics, mark); }

bool isChordKind(std::string_view kind) noexcept { return contains(kChordKinds, kind); }

}  // namespace mos::formats::musicxml_writer
