#include "formats/ChordSuffix.hpp"

#include <array>

namespace mos::formats {

namespace {

struct Spelling {
    std::string_view suffix;
    std::string_view kind;
};

constexpr std::array<Spelling, 49> kSpellings{{
    {"", "major"},
    {"M", "major"},
    {"maj", "major"},
    {"m", "minor"},
    {"min", "minor"},
    {"-", "minor"},
    {"7", "dominant"},
    {"maj7", "major-seventh"},
    {"M7", "major-seventh"},
    {"^7", "major-seventh"},
    {"\u03947", "major-seventh"},  // Δ7
    {"m7", "minor-seventh"},
    {"min7", "minor-seventh"},
    {"-7", "minor-seventh"},
    {"dim", "diminished"},
    {"o", "diminished"},
    {"\u00B0", "diminished"},  // °
    {"dim7", "diminished-seventh"},
    {"o7", "diminished-seventh"},
    {"\u00B07", "diminished-seventh"},
    {"aug", "augmented"},
    {"+", "augmented"},
    {"aug7", "augmented-seventh"},
    {"+7", "augmented-seventh"},
    {"7#5", "augmented-seventh"},
    {"m7b5", "half-diminished"},
    {"\u00F8", "half-diminished"},  // ø
    {"\u00F87", "half-diminished"},
    {"mMaj7", "major-minor"},
    {"mM7", "major-minor"},
    {"m(maj7)", "major-minor"},
    {"6", "major-sixth"},
    {"m6", "minor-sixth"},
    {"9", "dominant-ninth"},
    {"maj9", "major-ninth"},
    {"M9", "major-ninth"},
    {"m9", "minor-ninth"},
    {"11", "dominant-11th"},
    {"maj11", "major-11th"},
    {"m11", "minor-11th"},
    {"13", "dominant-13th"},
    {"maj13", "major-13th"},
    {"m13", "minor-13th"},
    {"sus2", "suspended-second"},
    {"sus4", "suspended-fourth"},
    {"5", "power"},
    {"m7-5", "half-diminished"},
    {"7+", "augmented-seventh"},
    {"sus", "suspended-fourth"},
}};

}  // namespace

std::optional<std::string_view> musicXmlKindOfSuffix(std::string_view suffix) noexcept {
    for (const Spelling& spelling : kSpellings) {
        if (spelling.suffix == suffix) return spelling.kind;
    }
    return std::nullopt;
}

}  // namespace mos::formats
