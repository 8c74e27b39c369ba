// readHermesTimeline on arbitrary bytes: never crashes or hangs, every error names the file (and a
// syntax error its place), and whatever it reads it writes as a timeline that reads back with the
// same chords and still keeps the events UMF does not model.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mos/formats/HermesTimeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto read = mos::formats::readHermesTimeline(text, "fuzz.hermes.json");
    if (!read) {
        // Every error names the file; text that is not JSON also gets its line and column, so the
        // locator must find the syntax error simdjson found.
        const auto& error = read.error();
        if (error.where.file != "fuzz.hermes.json" ||
            (error.message.starts_with("not valid JSON") && (!error.where.line || !error.where.byteOffset))) {
            std::abort();
        }
        return 0;
    }
    const auto again = mos::formats::readHermesTimeline(mos::formats::writeHermesTimeline(read->scores.at(0)), "again");
    if (!again) {
        std::abort();
    }
    std::size_t chords = 0;
    for (const auto& chord : read->scores[0].layers.chords) {
        chords += chord.alternate ? 0 : 1;
    }
    if (again->scores.at(0).layers.chords.size() != chords) {
        std::abort();
    }
    if (read->scores[0].extensions.contains("hermes") != again->scores[0].extensions.contains("hermes")) {
        std::abort();
    }
    return 0;
}
