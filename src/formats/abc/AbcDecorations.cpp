#include "formats/abc/AbcDecorations.hpp"

#include <algorithm>
#include <array>

namespace mos::formats::abc {
namespace {

using A = score::Articulation;
using N = score::NavigationKind;
using Kind = Decoration::Kind;

struct Named {
    std::string_view name;
    Decoration meaning;
};

constexpr Decoration articulation(A a) noexcept { return {Kind::Articulation, a, N::Segno, true}; }
constexpr Decoration navigation(N n) noexcept { return {Kind::Navigation, A::Staccato, n, true}; }
constexpr Decoration of(Kind kind, bool crescendo = true) noexcept { return {kind, A::Staccato, N::Segno, crescendo}; }

// ABC 2.1 section 4.14, plus the spellings abcm2ps and abcjs accept. A roll (~) is played as a
// turn around the note, so it is kept as one.
constexpr auto kDecorations = std::to_array<Named>({
    {"staccato", articulation(A::Staccato)},
    {"wedge", articulation(A::Staccatissimo)},
    {"accent", articulation(A::Accent)},
    {"emphasis", articulation(A::Accent)},
    {">", articulation(A::Accent)},
    {"marcato", articulation(A::StrongAccent)},
    {"^", articulation(A::StrongAccent)},
    {"tenuto", articulation(A::Tenuto)},
    {"fermata", articulation(A::Fermata)},
    {"invertedfermata", articulation(A::Fermata)},
    {"trill", articulation(A::Trill)},
    {"trill(", articulation(A::Trill)},
    {"lowermordent", articulation(A::Mordent)},
    {"mordent", articulation(A::Mordent)},
    {"uppermordent", articulation(A::InvertedMordent)},
    {"pralltriller", articulation(A::InvertedMordent)},
    {"turn", articulation(A::Turn)},
    {"turnx", articulation(A::Turn)},
    {"invertedturn", articulation(A::Turn)},
    {"invertedturnx", articulation(A::Turn)},
    {"roll", articulation(A::Turn)},
    {"trem1", articulation(A::Tremolo)},
    {"trem2", articulation(A::Tremolo)},
    {"trem3", articulation(A::Tremolo)},
    {"trem4", articulation(A::Tremolo)},
    {"upbow", articulation(A::UpBow)},
    {"downbow", articulation(A::DownBow)},
    {"arpeggio", articulation(A::Arpeggiate)},
    {"breath", articulation(A::Breath)},
    {"pppp", of(Kind::Dynamic)},
    {"ppp", of(Kind::Dynamic)},
    {"pp", of(Kind::Dynamic)},
    {"p", of(Kind::Dynamic)},
    {"mp", of(Kind::Dynamic)},
    {"mf", of(Kind::Dynamic)},
    {"f", of(Kind::Dynamic)},
    {"ff", of(Kind::Dynamic)},
    {"fff", of(Kind::Dynamic)},
    {"ffff", of(Kind::Dynamic)},
    {"sfz", of(Kind::Dynamic)},
    {"sf", of(Kind::Dynamic)},
    {"fp", of(Kind::Dynamic)},
    {"crescendo(", of(Kind::HairpinStart, true)},
    {"<(", of(Kind::HairpinStart, true)},
    {"crescendo)", of(Kind::HairpinStop, true)},
    {"<)", of(Kind::HairpinStop, true)},
    {"diminuendo(", of(Kind::HairpinStart, false)},
    {">(", of(Kind::HairpinStart, false)},
    {"diminuendo)", of(Kind::HairpinStop, false)},
    {">)", of(Kind::HairpinStop, false)},
    {"segno", navigation(N::Segno)},
    {"coda", navigation(N::Coda)},
    {"dacoda", navigation(N::ToCoda)},
    {"D.C.", navigation(N::DaCapo)},
    {"dacapo", navigation(N::DaCapo)},
    {"D.C.alfine", navigation(N::DaCapoAlFine)},
    {"D.C.alcoda", navigation(N::DaCapoAlCoda)},
    {"D.S.", navigation(N::DalSegno)},
    {"D.S.alfine", navigation(N::DalSegnoAlFine)},
    {"D.S.alcoda", navigation(N::DalSegnoAlCoda)},
    {"fine", navigation(N::Fine)},
    {"0", of(Kind::Fingering)},
    {"1", of(Kind::Fingering)},
    {"2", of(Kind::Fingering)},
    {"3", of(Kind::Fingering)},
    {"4", of(Kind::Fingering)},
    {"5", of(Kind::Fingering)},
    {"trill)", of(Kind::NoEquivalent)},
    {"+", of(Kind::NoEquivalent)},
    {"plus", of(Kind::NoEquivalent)},
    {"snap", of(Kind::NoEquivalent)},
    {"slide", of(Kind::NoEquivalent)},
    {"open", of(Kind::NoEquivalent)},
    {"thumb", of(Kind::NoEquivalent)},
    {"shortphrase", of(Kind::NoEquivalent)},
    {"mediumphrase", of(Kind::NoEquivalent)},
    {"longphrase", of(Kind::NoEquivalent)},
    {"editorial", of(Kind::NoEquivalent)},
    {"courtesy", of(Kind::NoEquivalent)},
    {"ped", of(Kind::NoEquivalent)},
    {"ped-up", of(Kind::NoEquivalent)},
    {"xstem", of(Kind::NoEquivalent)},
    {"beambr1", of(Kind::NoEquivalent)},
    {"beambr2", of(Kind::NoEquivalent)},
    {"invisible", of(Kind::NoEquivalent)},
});

struct Shorthand {
    char character;
    std::string_view name;
};
constexpr auto kShorthands = std::to_array<Shorthand>({
    {'.', "staccato"},
    {'~', "roll"},
    {'H', "fermata"},
    {'L', "accent"},
    {'M', "lowermordent"},
    {'O', "coda"},
    {'P', "uppermordent"},
    {'S', "segno"},
    {'T', "trill"},
    {'u', "upbow"},
    {'v', "downbow"},
});

}  // namespace

Decoration classifyDecoration(std::string_view name) noexcept {
    const auto found =
        std::find_if(kDecorations.begin(), kDecorations.end(), [&](const Named& named) { return named.name == name; });
    return found == kDecorations.end() ? of(Kind::Unknown) : found->meaning;
}

std::string_view shorthandDecorationName(char shorthand) noexcept {
    const auto found = std::find_if(kShorthands.begin(), kShorthands.end(),
                                    [&](const Shorthand& s) { return s.character == shorthand; });
    return found == kShorthands.end() ? std::string_view{} : found->name;
}

}  // namespace mos::formats::abc
