#include "theory/RomanFigures.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace mos::theory {
namespace {

constexpr std::uint16_t bit(int number) noexcept { return static_cast<std::uint16_t>(1U << number); }

// A shorthand: the figures that must be written, those it stands for, and those MOS prints.
struct Shorthand {
    int inversion;
    int size;
    std::uint16_t required;
    std::uint16_t implied;
    std::uint16_t printed;
};

// Smallest first, so 6 is a triad's first inversion and not a seventh's.
constexpr std::array<Shorthand, 10> kShorthands{{
    {0, 3, 0, bit(3) | bit(5), 0},
    {1, 3, bit(6), bit(3) | bit(6), bit(6)},
    {2, 3, bit(6) | bit(4), bit(4) | bit(6), bit(6) | bit(4)},
    {0, 4, bit(7), bit(3) | bit(5) | bit(7), bit(7)},
    {1, 4, bit(6) | bit(5), bit(3) | bit(5) | bit(6), bit(6) | bit(5)},
    {2, 4, bit(4) | bit(3), bit(3) | bit(4) | bit(6), bit(4) | bit(3)},
    {3, 4, bit(2), bit(2) | bit(4) | bit(6), bit(4) | bit(2)},
    {0, 5, bit(9), bit(3) | bit(5) | bit(7) | bit(9), bit(9)},
    {0, 6, bit(11), bit(3) | bit(5) | bit(7) | bit(9) | bit(11), bit(11)},
    {0, 7, bit(13), bit(3) | bit(5) | bit(7) | bit(9) | bit(11) | bit(13), bit(13)},
}};

std::uint16_t numbersOf(std::span<const RomanFigure> figures) noexcept {
    std::uint16_t numbers = 0;
    for (const RomanFigure& figure : figures) numbers |= bit(figure.number);
    return numbers;
}

const Shorthand* shorthandFor(std::uint16_t numbers) noexcept {
    for (const Shorthand& shorthand : kShorthands) {
        const bool hasRequired = (numbers & shorthand.required) == shorthand.required;
        const bool onlyImplied = (numbers & ~shorthand.implied) == 0;
        if (hasRequired && onlyImplied) return &shorthand;
    }
    return nullptr;
}

// The member in the bass that makes most figures chord tones (thirds above the root), lowest
// inversion first among equals; the chord has a seventh when a figure lands on it.
FigureShape unusualShape(std::span<const RomanFigure> figures) noexcept {
    FigureShape best{0, 3, false};
    int bestMembers = -1;
    for (int inversion = 0; inversion < 4; ++inversion) {
        const int rootAboveBass = (7 - 2 * inversion) % 7;
        int members = 0;
        bool seventh = inversion == 3;
        for (const RomanFigure& figure : figures) {
            const int aboveRoot = ((figure.number - 1) - rootAboveBass + 14) % 7;
            if (aboveRoot % 2 == 0) ++members;
            if (aboveRoot == 6) seventh = true;
        }
        if (members > bestMembers) {
            bestMembers = members;
            best = {inversion, seventh ? 4 : 3, false};
        }
    }
    return best;
}

}  // namespace

FigureShape figureShape(std::span<const RomanFigure> figures) noexcept {
    if (const Shorthand* shorthand = shorthandFor(numbersOf(figures))) {
        return {shorthand->inversion, shorthand->size, true};
    }
    return unusualShape(figures);
}

std::optional<std::vector<RomanFigure>> normalizeFigures(std::span<const RomanFigure> written, std::size_t& repeated) {
    std::uint16_t seen = 0;
    for (std::size_t i = 0; i < written.size(); ++i) {
        if ((seen & bit(written[i].number)) != 0) {
            repeated = i;
            return std::nullopt;
        }
        seen |= bit(written[i].number);
    }
    std::vector<RomanFigure> figures;
    if (const Shorthand* shorthand = shorthandFor(seen)) {
        for (int number = 13; number >= 2; --number) {
            const auto found = std::find_if(written.begin(), written.end(),
                                            [number](const RomanFigure& f) { return f.number == number; });
            const bool printed = (shorthand->printed & bit(number)) != 0;
            const bool altered = found != written.end() && found->alter != 0;
            if (printed || altered) {
                const auto alter = found != written.end() ? found->alter : std::int8_t{0};
                figures.push_back({static_cast<std::int8_t>(number), alter});
            }
        }
        return figures;
    }
    figures.assign(written.begin(), written.end());
    std::sort(figures.begin(), figures.end(),
              [](const RomanFigure& a, const RomanFigure& b) { return a.number > b.number; });
    return figures;
}

std::vector<RomanFigure> figuresOf(int inversion, int size) {
    for (const Shorthand& shorthand : kShorthands) {
        if (shorthand.inversion != inversion || shorthand.size != size) continue;
        std::vector<RomanFigure> figures;
        for (int number = 13; number >= 2; --number) {
            if ((shorthand.printed & bit(number)) != 0) figures.push_back({static_cast<std::int8_t>(number), 0});
        }
        return figures;
    }
    return {};
}

void sortTones(std::vector<RomanTone>& tones) {
    std::sort(tones.begin(), tones.end(), [](const RomanTone& a, const RomanTone& b) {
        return a.number != b.number ? a.number > b.number : a.alter < b.alter;
    });
}

}  // namespace mos::theory
