#pragma once

// A numeral's figures and bracketed tones in canonical form. Figured-bass shorthand as Roman
// numerals use it: the figures under a numeral name the chord
// member in the bass and whether the chord has a seventh (or a ninth …). 6 is short for 6 3, 65 for
// 6 5 3, 2 for 6 4 2; figures that are no such shorthand (V54, V74: a suspended fourth) keep their
// numbers, and the member in the bass is the one that makes most of them chord tones.

#include <optional>
#include <span>
#include <vector>

#include "mos/theory/RomanNumeral.hpp"

namespace mos::theory {

struct FigureShape {
    int inversion = 0;  // the bass's chord member: 0 root … 3 seventh
    int size = 3;       // chord members stacked in thirds: 3 triad, 4 seventh, 5 ninth … 7 thirteenth
    bool standard = true;
};

// The shape of a numeral's figures (written or normalised alike). Thread: any. RT-safe: yes.
FigureShape figureShape(std::span<const RomanFigure> figures) noexcept;

// The written figures without those their shape implies, highest number first (6/4 → 64, 653 →
// 65, 2 → 42, 53 → none); figures with an accidental stay. nullopt when a number is written twice,
// with `repeated` set to its index in `written`. Thread: any. RT-safe: no.
std::optional<std::vector<RomanFigure>> normalizeFigures(std::span<const RomanFigure> written, std::size_t& repeated);

// The figures of a shape: {}, {6}, {6,4}, {7}, {6,5}, {4,3}, {4,2}, {9}. Thread: any. RT-safe: no.
std::vector<RomanFigure> figuresOf(int inversion, int size);

// Bracketed tones in their canonical order: highest number first, then flat before sharp.
// Thread: any. RT-safe: no.
void sortTones(std::vector<RomanTone>& tones);

}  // namespace mos::theory
