#include "mos/theory/Scale.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace mos::theory {
namespace {

// Diatonic steps and semitones of each degree, named as musicians write intervals.
// NOLINTBEGIN(readability-identifier-naming)
constexpr Interval P1{0, 0}, m2{1, 1}, M2{1, 2}, A2{1, 3}, m3{2, 3}, M3{2, 4}, d4{3, 4}, P4{3, 5}, A4{3, 6}, d5{4, 6},
    P5{4, 7}, A5{4, 8}, m6{5, 8}, M6{5, 9}, A6{5, 10}, m7{6, 10}, M7{6, 11}, A1{0, 1};
// NOLINTEND(readability-identifier-naming)

struct ScaleInfo {
    ScaleType type;
    std::string_view name;
    std::array<Interval, 12> intervals;
    std::size_t size;
};

constexpr std::array<ScaleInfo, 23> kScales{{
    {ScaleType::Major, "major", {P1, M2, M3, P4, P5, M6, M7}, 7},
    {ScaleType::NaturalMinor, "natural minor", {P1, M2, m3, P4, P5, m6, m7}, 7},
    {ScaleType::HarmonicMinor, "harmonic minor", {P1, M2, m3, P4, P5, m6, M7}, 7},
    {ScaleType::MelodicMinor, "melodic minor", {P1, M2, m3, P4, P5, M6, M7}, 7},
    {ScaleType::Dorian, "dorian", {P1, M2, m3, P4, P5, M6, m7}, 7},
    {ScaleType::Phrygian, "phrygian", {P1, m2, m3, P4, P5, m6, m7}, 7},
    {ScaleType::Lydian, "lydian", {P1, M2, M3, A4, P5, M6, M7}, 7},
    {ScaleType::Mixolydian, "mixolydian", {P1, M2, M3, P4, P5, M6, m7}, 7},
    {ScaleType::Locrian, "locrian", {P1, m2, m3, P4, d5, m6, m7}, 7},
    {ScaleType::MajorPentatonic, "major pentatonic", {P1, M2, M3, P5, M6}, 5},
    {ScaleType::MinorPentatonic, "minor pentatonic", {P1, m3, P4, P5, m7}, 5},
    {ScaleType::Blues, "blues", {P1, m3, P4, d5, P5, m7}, 6},
    {ScaleType::MajorBlues, "major blues", {P1, M2, m3, M3, P5, M6}, 6},
    {ScaleType::BebopDominant, "bebop dominant", {P1, M2, M3, P4, P5, M6, m7, M7}, 8},
    {ScaleType::BebopMajor, "bebop major", {P1, M2, M3, P4, P5, A5, M6, M7}, 8},
    {ScaleType::WholeTone, "whole tone", {P1, M2, M3, A4, A5, A6}, 6},
    {ScaleType::OctatonicHalfWhole, "octatonic half-whole", {P1, m2, m3, M3, A4, P5, M6, m7}, 8},
    {ScaleType::OctatonicWholeHalf, "octatonic whole-half", {P1, M2, m3, P4, d5, m6, M6, M7}, 8},
    {ScaleType::HarmonicMajor, "harmonic major", {P1, M2, M3, P4, P5, m6, M7}, 7},
    {ScaleType::LydianDominant, "lydian dominant", {P1, M2, M3, A4, P5, M6, m7}, 7},
    {ScaleType::Altered, "altered", {P1, m2, m3, d4, d5, m6, m7}, 7},
    {ScaleType::PhrygianDominant, "phrygian dominant", {P1, m2, M3, P4, P5, m6, m7}, 7},
    {ScaleType::Chromatic, "chromatic", {P1, A1, M2, A2, M3, P4, A4, P5, A5, M6, A6, M7}, 12},
}};

// info() indexes the table by the enum.
static_assert([] {
    for (std::size_t i = 0; i < kScales.size(); ++i) {
        if (static_cast<std::size_t>(kScales[i].type) != i) return false;
    }
    return true;
}());

constexpr std::array<ScaleType, kScales.size()> kAllTypes = [] {
    std::array<ScaleType, kScales.size()> types{};
    for (std::size_t i = 0; i < kScales.size(); ++i) types[i] = kScales[i].type;
    return types;
}();

const ScaleInfo& info(ScaleType type) noexcept { return kScales[static_cast<std::size_t>(type)]; }

// Lower case, with '-' and '_' as spaces, so "Whole-Tone" finds "whole tone".
std::string normalized(std::string_view name) {
    std::string text;
    for (const char c : name) {
        text += (c == '-' || c == '_') ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

}  // namespace

std::span<const ScaleType> allScaleTypes() noexcept { return kAllTypes; }

std::span<const Interval> scaleIntervals(ScaleType type) noexcept {
    const ScaleInfo& scale = info(type);
    return {scale.intervals.data(), scale.size};
}

std::string_view scaleName(ScaleType type) noexcept { return info(type).name; }

std::optional<ScaleType> scaleFromName(std::string_view name) {
    const std::string wanted = normalized(name);
    for (const ScaleInfo& scale : kScales) {
        if (normalized(scale.name) == wanted) return scale.type;
    }
    struct Alias {
        std::string_view name;
        ScaleType type;
    };
    constexpr std::array<Alias, 8> kAliases{{{"minor", ScaleType::NaturalMinor},
                                             {"ionian", ScaleType::Major},
                                             {"aeolian", ScaleType::NaturalMinor},
                                             {"diminished", ScaleType::OctatonicHalfWhole},
                                             {"half whole", ScaleType::OctatonicHalfWhole},
                                             {"whole half", ScaleType::OctatonicWholeHalf},
                                             {"super locrian", ScaleType::Altered},
                                             {"jazz minor", ScaleType::MelodicMinor}}};
    const auto alias = std::find_if(kAliases.begin(), kAliases.end(), [&](const Alias& a) { return a.name == wanted; });
    if (alias != kAliases.end()) return alias->type;
    return std::nullopt;
}

std::vector<NoteName> spellScale(NoteName tonic, ScaleType type) {
    std::vector<NoteName> degrees;
    for (const Interval interval : scaleIntervals(type)) degrees.push_back(transpose(tonic, interval));
    return degrees;
}

std::uint16_t scalePitchClasses(NoteName tonic, ScaleType type) noexcept {
    std::uint16_t mask = 0;
    for (const Interval interval : scaleIntervals(type)) {
        mask = static_cast<std::uint16_t>(mask | (1U << ((tonic.pitchClass() + interval.semitones) % 12)));
    }
    return mask;
}

}  // namespace mos::theory
