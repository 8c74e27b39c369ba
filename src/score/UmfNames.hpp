#pragma once

// The JSON names of the model's enumerations: lower-case, words joined by '-' ("strong-accent",
// "dal-segno-al-coda"). Each table lists the names in the enumeration's order, so a value's name
// is names[value] and the reader and the writer cannot disagree.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "mos/score/Layers.hpp"
#include "mos/score/Part.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::score::umf {

template <typename Enum>
struct EnumNames;

template <>
struct EnumNames<TimeSignature::Symbol> {
    static constexpr std::array<std::string_view, 3> kNames{"normal", "common", "cut"};
};

template <>
struct EnumNames<Mode> {
    static constexpr std::array<std::string_view, 10> kNames{"major",  "minor",      "ionian",  "dorian",  "phrygian",
                                                             "lydian", "mixolydian", "aeolian", "locrian", "none"};
};

template <>
struct EnumNames<NavigationKind> {
    static constexpr std::array<std::string_view, 10> kNames{"segno",
                                                             "coda",
                                                             "to-coda",
                                                             "fine",
                                                             "da-capo",
                                                             "da-capo-al-fine",
                                                             "da-capo-al-coda",
                                                             "dal-segno",
                                                             "dal-segno-al-fine",
                                                             "dal-segno-al-coda"};
};

template <>
struct EnumNames<Articulation> {
    static constexpr std::array<std::string_view, 16> kNames{
        "staccato", "staccatissimo",    "accent", "strong-accent", "tenuto", "detached-legato", "fermata",    "trill",
        "mordent",  "inverted-mordent", "turn",   "tremolo",       "up-bow", "down-bow",        "arpeggiate", "breath"};
};

template <>
struct EnumNames<ChordDegree::Type> {
    static constexpr std::array<std::string_view, 3> kNames{"add", "alter", "subtract"};
};

template <>
struct EnumNames<CadenceKind> {
    static constexpr std::array<std::string_view, 5> kNames{"perfect", "imperfect", "half", "deceptive", "plagal"};
};

template <>
struct EnumNames<Slide> {
    static constexpr std::array<std::string_view, 7> kNames{
        "none", "shift", "legato", "in-from-below", "in-from-above", "out-downwards", "out-upwards"};
};

template <>
struct EnumNames<Harmonic> {
    static constexpr std::array<std::string_view, 6> kNames{"none", "natural", "artificial", "pinch", "tapped", "semi"};
};

template <>
struct EnumNames<Clef::Sign> {
    static constexpr std::array<std::string_view, 6> kNames{"g", "f", "c", "percussion", "tab", "none"};
};

template <>
struct EnumNames<Stem::Direction> {
    static constexpr std::array<std::string_view, 3> kNames{"up", "down", "none"};
};

template <>
struct EnumNames<LyricSyllable::Syllabic> {
    static constexpr std::array<std::string_view, 4> kNames{"single", "begin", "middle", "end"};
};

template <>
struct EnumNames<Marker::Kind> {
    static constexpr std::array<std::string_view, 3> kNames{"rehearsal", "point-of-interest", "text"};
};

// The JSON name of a value. Thread: any. RT-safe: yes.
template <typename Enum>
constexpr std::string_view enumName(Enum value) noexcept {
    const auto index = static_cast<std::size_t>(value);
    const auto& names = EnumNames<Enum>::kNames;
    return index < names.size() ? names[index] : std::string_view{};
}

// The value a JSON name stands for; nullopt for an unknown name. Thread: any. RT-safe: yes.
template <typename Enum>
constexpr std::optional<Enum> enumFromName(std::string_view name) noexcept {
    const auto& names = EnumNames<Enum>::kNames;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) return static_cast<Enum>(i);
    }
    return std::nullopt;
}

}  // namespace mos::score::umf
