#pragma once

// The voice grouping of the %%score and %%staves directives (ABC 2.1 section 11.1), as UMF parts:
// voices in parentheses share a staff; the staves in braces are one part (a piano's two hands);
// any other staff is a part of its own. Brackets, bar separators '|' and the order of the staves
// only lay out the page; the order of the voices is the order of the parts, top to bottom. A
// floating voice (*M) goes on the staff before it, as the standard allows.
//
//   parseStaffLayout("Solo [(S A) (T B)] {RH | (LH1 LH2)}")
//     -> Solo part 0; S, A part 1 staff 1; T, B part 2 staff 1; RH part 3 staff 1; LH1, LH2 part 3 staff 2

#include <cstdint>
#include <string_view>
#include <vector>

#include "mos/core/Result.hpp"

namespace mos::formats::abc {

struct StaffLayout {
    struct Place {
        std::string_view voice;   // the voice's V: id
        std::uint8_t part = 0;    // 0-based, top to bottom
        std::uint8_t staff = 1;   // 1-based, within the part
        std::uint8_t number = 1;  // 1-based, within the part: the events' voice
    };

    std::vector<Place> places;                // in the order written
    std::vector<std::uint8_t> stavesPerPart;  // by part
    std::vector<std::uint8_t> voicesPerPart;  // by part

    // The place of a voice; null when the layout does not list it. Thread: any. RT-safe: yes.
    const Place* find(std::string_view voice) const noexcept;
};

// The layout a directive's text after "score" or "staves" gives (a "% comment" ends it), for at
// most `mostVoices` voices; an error saying what is wrong when it is malformed (a bracket not
// closed, a voice listed twice, none listed). Thread: any. RT-safe: no.
core::Result<StaffLayout> parseStaffLayout(std::string_view text, std::size_t mostVoices);

}  // namespace mos::formats::abc
