// tokenizeAbc on arbitrary bytes: never crashes or hangs, and every token points into the input at a
// place that is there, in reading order.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mos/formats/AbcTokenizer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto result = mos::formats::tokenizeAbc(text, "fuzz.abc");
    std::uint32_t lastLine = 1;
    for (const auto& token : result.tokens) {
        if (token.line < lastLine || token.column == 0) std::abort();
        lastLine = token.line;
        if (!token.text.empty() &&
            (token.text.data() < text.data() || token.text.data() + token.text.size() > text.data() + text.size())) {
            std::abort();
        }
        if (token.lengthDenominator == 0 && token.kind != mos::formats::AbcTokenKind::Tuplet) std::abort();
    }
    return 0;
}
