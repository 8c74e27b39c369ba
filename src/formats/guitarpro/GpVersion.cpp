// The version string that opens every Guitar Pro file: a length byte and a 30-byte field.
// "FICHIER GUITAR PRO v3.00" … "v5.10" (also "L4.06"), or "CLIPBOARD GP 5.x" for bars that Guitar
// Pro 5 copied to the clipboard, which holds a GP5 song cut to the copied bars.

#include <charconv>

#include "formats/guitarpro/GpImport.hpp"

namespace mos::formats::gp {
namespace {

constexpr std::string_view kFilePrefix = "FICHIER GUITAR PRO ";
constexpr std::string_view kClipboardPrefix = "CLIPBOARD GP ";
constexpr std::size_t kVersionField = 30;
constexpr std::int32_t kMaxBarNumber = 100000;
// After the first bar: the last bar, the first and last track, the first and last beat, and
// whether part of a bar was copied, six 32-bit integers.
constexpr std::size_t kClipboardRangeBytes = 24;

// "5.10" → {5, 10}; nullopt unless it is digits, a dot and two digits.
std::optional<std::pair<int, int>> parseNumber(std::string_view text) {
    const auto dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    int major = 0;
    int minor = 0;
    const auto* majorEnd = text.data() + dot;
    const auto* end = text.data() + text.size();
    if (std::from_chars(text.data(), majorEnd, major).ptr != majorEnd) return std::nullopt;
    if (std::from_chars(majorEnd + 1, end, minor).ptr != end) return std::nullopt;
    // A single decimal ("5.2") counts tenths like the file versions do ("5.10").
    if (text.size() - dot - 1 == 1) minor *= 10;
    return std::pair{major, minor};
}

bool isSupported(int major, int minor) {
    return (major == 3 && minor == 0) || (major == 4 && (minor == 0 || minor == 6)) || (major == 5 && minor <= 20);
}

}  // namespace

void readVersion(Import& import) {
    ByteReader& in = import.in;
    const std::string text = in.byteSizeString(kVersionField);
    if (!in.ok()) return;
    import.version.text = text;

    const std::string_view view{text};
    std::optional<std::pair<int, int>> number;
    if (view.starts_with(kFilePrefix) && view.size() > kFilePrefix.size()) {
        // "v5.10", or "L4.06" for the light edition of Guitar Pro 4.
        const char edition = view[kFilePrefix.size()];
        if (edition == 'v' || edition == 'L') number = parseNumber(view.substr(kFilePrefix.size() + 1));
    } else if (view.starts_with(kClipboardPrefix)) {
        number = parseNumber(view.substr(kClipboardPrefix.size()));
        if (number && number->first != 5) number.reset();
        import.version.clipboard = true;
    }
    if (!number || !isSupported(number->first, number->second)) {
        in.failAt(0, "\"" + text + "\" is not a Guitar Pro 3, 4 or 5 file this reader supports",
                  core::ErrorCode::Unsupported);
        return;
    }
    import.version.major = number->first;
    import.version.minor = number->second;

    if (import.version.clipboard) {
        // Which bars, tracks and beats were copied; the song below holds exactly those bars.
        import.firstMeasureNumber = in.i32();
        in.skip(kClipboardRangeBytes);
        if (import.firstMeasureNumber < 1 || import.firstMeasureNumber > kMaxBarNumber) import.firstMeasureNumber = 1;
    }
}

}  // namespace mos::formats::gp
