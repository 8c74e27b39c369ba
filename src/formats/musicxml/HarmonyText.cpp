#include "formats/musicxml/HarmonyText.hpp"

#include <array>
#include <utility>

namespace mos::formats::musicxml {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 33> kSuffixes{{
    {"major", ""},
    {"minor", "m"},
    {"augmented", "+"},
    {"diminished", "dim"},
    {"dominant", "7"},
    {"major-seventh", "maj7"},
    {"minor-seventh", "m7"},
    {"diminished-seventh", "dim7"},
    {"augmented-seventh", "+7"},
    {"half-diminished", "m7b5"},
    {"major-minor", "m(maj7)"},
    {"major-sixth", "6"},
    {"minor-sixth", "m6"},
    {"dominant-ninth", "9"},
    {"major-ninth", "maj9"},
    {"minor-ninth", "m9"},
    {"dominant-11th", "11"},
    {"major-11th", "maj11"},
    {"minor-11th", "m11"},
    {"dominant-13th", "13"},
    {"major-13th", "maj13"},
    {"minor-13th", "m13"},
    {"suspended-second", "sus2"},
    {"suspended-fourth", "sus4"},
    {"Neapolitan", "N6"},
    {"Italian", "It+6"},
    {"French", "Fr+6"},
    {"German", "Ger+6"},
    {"pedal", "ped"},
    {"power", "5"},
    {"Tristan", "Tristan"},
    {"other", ""},
    {"none", "N.C."},
}};

}  // namespace

std::string_view chordKindSuffix(std::string_view kind) noexcept {
    for (const auto& [name, suffix] : kSuffixes) {
        if (name == kind) return suffix;
    }
    return kind;
}

std::string_view chordKindFromText(std::string_view text) noexcept {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kAliases{{
        {"aug", "augmented"},
        {"min", "minor"},
        {"mi", "minor"},
        {"-", "minor"},
        {"o", "diminished"},
        {"\u00F87", "half-diminished"},
        {"\u00F8", "half-diminished"},
        {"\u25B37", "major-seventh"},
        {"\u03947", "major-seventh"},
        {"M7", "major-seventh"},
        {"ma7", "major-seventh"},
        {"mi7", "minor-seventh"},
    }};
    for (const auto& [alias, kind] : kAliases) {
        if (alias == text) return kind;
    }
    for (const auto& [kind, suffix] : kSuffixes) {
        if (suffix == text) return kind;
    }
    return "major";
}

std::string pitchNameText(const score::PitchName& name) {
    std::string text(1, score::toLetter(name.step));
    const int alter = name.alter;
    for (int i = 0; i < alter; ++i) text += '#';
    for (int i = 0; i > alter; --i) text += 'b';
    return text;
}

std::string chordDegreeText(const score::ChordDegree& degree) {
    std::string text;
    switch (degree.type) {
        case score::ChordDegree::Type::Add:
            // An added altered degree reads as the alteration alone: "b9", not "addb9".
            if (degree.alter == 0) text = "add";
            break;
        case score::ChordDegree::Type::Subtract:
            return "no" + std::to_string(degree.value);
        case score::ChordDegree::Type::Alter:
            break;
    }
    for (int i = 0; i < degree.alter; ++i) text += '#';
    for (int i = 0; i > degree.alter; --i) text += 'b';
    return text + std::to_string(degree.value);
}

}  // namespace mos::formats::musicxml
