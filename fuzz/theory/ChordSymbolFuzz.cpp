// ChordSymbol::parse on arbitrary bytes: never crashes, and whatever it accepts spells to notes and
// prints, in both styles, to text that parses to the same chord.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mos/theory/ChordSymbol.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto chord = mos::theory::ChordSymbol::parse(text);
    if (!chord) return 0;
    if (!chord->noChord && chord->spell().empty()) std::abort();
    for (const auto style : {mos::theory::ChordStyle::Jazz, mos::theory::ChordStyle::Pop}) {
        const auto again = mos::theory::ChordSymbol::parse(chord->toString(style));
        if (!again || *again != *chord) std::abort();
    }
    return 0;
}
