// readUmf on arbitrary bytes: never crashes or hangs, every error names the file and a place, and
// whatever it reads writes back (compact and pretty) to text that reads as an equal score with the
// same content id.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mos/score/ContentId.hpp"
#include "mos/score/UmfJson.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using mos::score::readUmf;
    using mos::score::UmfStyle;
    using mos::score::writeUmf;
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto score = readUmf(text, "fuzz.umf.json");
    if (!score) {
        if (score.error().where.file != "fuzz.umf.json" || score.error().message.empty()) std::abort();
        return 0;
    }
    const std::string compact = writeUmf(*score, UmfStyle::Compact);
    for (const UmfStyle style : {UmfStyle::Compact, UmfStyle::Pretty}) {
        const auto again = readUmf(style == UmfStyle::Compact ? compact : writeUmf(*score, style), "again.umf.json");
        if (!again || !(*again == *score)) std::abort();
        if (writeUmf(*again, UmfStyle::Compact) != compact) std::abort();
    }
    if (mos::score::contentId(*score).size() != 7 + 64) std::abort();
    return 0;
}
