#pragma once

// What an ABC 2.1 decoration (!trill!, !p!, !segno!, !<(!, the shorthand T or . …) means in the
// score model: an articulation on the next note, a dynamic, a navigation mark, a hairpin end, a
// fingering, or something the model does not keep (a known ABC decoration without an equivalent).

#include <cstdint>
#include <string_view>

#include "mos/score/Part.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::formats::abc {

struct Decoration {
    enum class Kind : std::uint8_t {
        Articulation,  // `articulation`, on the next event
        Dynamic,       // p, mf, sfz …: the name is the mark
        Navigation,    // `navigation`, at the current place
        HairpinStart,  // `crescendo` says which
        HairpinStop,
        Fingering,     // 0…5: the name is the finger, on the next note
        NoEquivalent,  // an ABC 2.1 decoration the model has no place for (!slide!, !ped!, …)
        Unknown,       // not an ABC 2.1 decoration at all
    };

    Kind kind = Kind::Unknown;
    score::Articulation articulation = score::Articulation::Staccato;
    score::NavigationKind navigation = score::NavigationKind::Segno;
    bool crescendo = true;
};

// The meaning of a decoration by its name as written between ! ! (or a shorthand letter's
// standard name: T → "trill"). Thread: any. RT-safe: yes.
Decoration classifyDecoration(std::string_view name) noexcept;

// The standard name of a shorthand decoration character (. ~ H L M O P S T u v); empty for others.
std::string_view shorthandDecorationName(char shorthand) noexcept;

}  // namespace mos::formats::abc
