// Rational::parse on arbitrary bytes: never crashes, and whatever it accepts prints back to text
// that parses to the same value.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mos/core/Rational.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto value = mos::core::Rational::parse(text);
    if (!value) return 0;
    if (!value->isValid() || value->den() <= 0) std::abort();
    const auto again = mos::core::Rational::parse(value->toString());
    if (!again || *again != *value) std::abort();
    return 0;
}
