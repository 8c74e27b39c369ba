#pragma once

// Aligned columns in the human-readable output. std::setw pads by bytes, so a column holding
// "viiø7" or "CΔ7" (a character of two bytes) came out one space short; these pad by characters
// as a terminal shows them (a UTF-8 sequence is one).

#include <cstddef>
#include <string>
#include <string_view>

namespace mos::cli {

// `text` followed by spaces up to `width` characters (at least one space when it is as wide or
// wider). Thread: any. RT-safe: no.
inline std::string padded(std::string_view text, std::size_t width) {
    std::size_t characters = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++characters;
    }
    std::string out{text};
    out.append(characters < width ? width - characters : 1, ' ');
    return out;
}

}  // namespace mos::cli
