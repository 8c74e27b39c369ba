// SetClass::parse on arbitrary bytes: never crashes; every error says where; whatever it accepts is
// a class whose name parses back to it, with a prime form of the named cardinality.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mos/theory/PitchClassSet.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto parsed = mos::theory::SetClass::parse(text);
    if (!parsed) {
        const auto column = parsed.error().where.column;
        if (!column || *column < 1 || static_cast<std::size_t>(*column) > size + 1) std::abort();
        return 0;
    }
    const auto again = mos::theory::SetClass::parse(parsed->name());
    if (!again || *again != *parsed) std::abort();
    if (static_cast<int>(parsed->primeForm().size()) != parsed->cardinality()) std::abort();
    if (parsed->primeForm().set().setClass() != *parsed) std::abort();
    return 0;
}
