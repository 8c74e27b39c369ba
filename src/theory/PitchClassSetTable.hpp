#pragma once

// Forte's list of set classes and the lookup from each of the 4096 pitch-class sets to its class,
// both fixed at compile time (PitchClassSetTable.cpp), and the mask operations both are built
// from. Private to the theory module.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace mos::theory::forte {

constexpr std::uint16_t kAllPitchClasses = 0x0FFF;

// Tn on a mask: bit p moves to bit (p + semitones) mod 12, for semitones 0 … 11.
constexpr std::uint16_t rotateUp(std::uint16_t mask, int semitones) noexcept {
    return semitones == 0
               ? mask
               : static_cast<std::uint16_t>(((mask << semitones) | (mask >> (12 - semitones))) & kAllPitchClasses);
}

// T0I on a mask: bit p moves to bit (12 - p) mod 12.
constexpr std::uint16_t inverted(std::uint16_t mask) noexcept {
    std::uint16_t result = 0;
    for (int pc = 0; pc < 12; ++pc) {
        if ((mask >> pc & 1U) != 0) result = static_cast<std::uint16_t>(result | 1U << ((12 - pc) % 12));
    }
    return result;
}

// A set meets its transposition by i semitones in as many pitch classes as it has pairs i apart
// (counting each tritone pair from both ends).
constexpr std::array<int, 6> intervalVectorOf(std::uint16_t mask) noexcept {
    std::array<int, 6> vector{};
    for (int ic = 1; ic <= 6; ++ic) {
        vector[static_cast<std::size_t>(ic - 1)] = std::popcount(static_cast<unsigned>(mask & rotateUp(mask, ic)));
    }
    vector[5] /= 2;
    return vector;
}

constexpr std::uint8_t kNoPartner = 0xFF;

struct Entry {
    std::string_view name;               // "4-Z15"
    std::uint16_t prime = 0;             // the prime form as a mask (bit 0 = pitch class 0)
    std::uint8_t cardinality = 0;        // 4
    std::uint8_t ordinal = 0;            // 15
    bool z = false;                      // the name has a Z
    std::uint8_t complement = 0;         // index of the complement's class
    std::uint8_t zPartner = kNoPartner;  // index of the class with the same interval vector
};

// The 224 classes in order of cardinality, then ordinal; SetClass indexes this list.
const std::array<Entry, 224>& entries() noexcept;
// The index in entries() of the class of a 12-bit mask.
std::uint8_t classIndex(std::uint16_t mask) noexcept;

}  // namespace mos::theory::forte
