// RomanNumeral::parse on arbitrary bytes: never crashes, and whatever it accepts prints to text
// that parses to the same numeral, spells in keys of every kind (its normal form to the same
// notes), and reads back from its notes.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mos/theory/RomanNumeral.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using mos::theory::Key;
    using mos::theory::RomanNumeral;
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto numeral = RomanNumeral::parse(text);
    if (!numeral) return 0;
    const auto again = RomanNumeral::parse(numeral->toString());
    if (!again || *again != *numeral) std::abort();
    for (const char* keyText : {"C", "c#", "Gb", "bb", "D dorian", "B#"}) {
        const Key key = *Key::parse(keyText);
        const auto chord = numeral->toChord(key);
        if (chord.notes.empty() || chord.notes.front() != chord.bass) std::abort();
        if (numeral->normalized(key).toChord(key).notes != chord.notes) std::abort();
        if (!RomanNumeral::fromChord(chord.notes, key)) std::abort();
    }
    return 0;
}
