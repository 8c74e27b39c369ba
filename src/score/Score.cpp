#include "mos/score/Score.hpp"

#include <algorithm>

namespace mos::score {

const Part* Score::findPart(std::string_view partId) const noexcept {
    const auto found = std::find_if(parts.begin(), parts.end(), [&](const Part& part) { return part.id == partId; });
    return found == parts.end() ? nullptr : &*found;
}

Part* Score::findPart(std::string_view partId) noexcept {
    return const_cast<Part*>(static_cast<const Score&>(*this).findPart(partId));
}

}  // namespace mos::score
