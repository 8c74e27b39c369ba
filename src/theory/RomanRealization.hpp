#pragma once

// A numeral's chord in a key, without allocating: toChord publishes it, and fromChord realises
// many candidate numerals per chord it names.

#include <array>
#include <cstddef>
#include <cstdint>

#include "mos/theory/RomanNumeral.hpp"

namespace mos::theory {

struct RomanRealization {
    Key key{};  // the key the numeral is read in, after its targets
    NoteName root{};
    int inversion = 0;
    RomanQuality quality = RomanQuality::Major;
    // The members stacked in thirds (root, third, fifth, seventh, ninth …), brackets' alterations
    // included, before any is left out.
    std::array<NoteName, 7> members{};
    int memberCount = 3;
    // The notes: the bass first, then as stacked above it, then ninths …, then added tones; less
    // those the brackets leave out. Empty only when the brackets leave out every note.
    std::array<NoteName, 48> notes{};
    std::size_t noteCount = 0;

    // Thread: any. RT-safe: yes.
    std::uint16_t pitchClasses() const noexcept;
};

// Thread: any. RT-safe: yes.
RomanRealization realize(const RomanNumeral& numeral, const Key& key) noexcept;

}  // namespace mos::theory
