// The same chord with the fewest signs: each accidental and seventh mark is dropped in turn and
// kept out when the numeral still spells the same notes in the key.

#include <algorithm>

#include "mos/theory/RomanNumeral.hpp"
#include "theory/RomanRealization.hpp"

namespace mos::theory {
namespace {

bool sameChord(const RomanRealization& a, const RomanRealization& b) noexcept {
    return a.key == b.key && a.root == b.root && a.inversion == b.inversion && a.quality == b.quality &&
           a.noteCount == b.noteCount &&
           std::equal(a.notes.begin(), a.notes.begin() + static_cast<std::ptrdiff_t>(a.noteCount), b.notes.begin());
}

}  // namespace

RomanNumeral RomanNumeral::normalized(const Key& key) const {
    const RomanRealization chord = realize(*this, key);
    RomanNumeral simplest = *this;
    const auto tryWithout = [&](auto change) {
        RomanNumeral simpler = simplest;
        change(simpler);
        if (simpler != simplest && sameChord(realize(simpler, key), chord)) simplest = std::move(simpler);
    };
    if (kind == RomanKind::Degree) tryWithout([](RomanNumeral& n) { n.alter = 0; });
    if (mark == RomanMark::MajorSeventh || mark == RomanMark::DominantSeventh) {
        tryWithout([](RomanNumeral& n) { n.mark = RomanMark::None; });
    }
    for (std::size_t i = 0; i < appliedTo.size(); ++i) {
        if (appliedTo[i].kind == RomanKind::Degree) tryWithout([i](RomanNumeral& n) { n.appliedTo[i].alter = 0; });
    }
    return simplest;
}

}  // namespace mos::theory
