// The MusicXML writer on every score the MusicXML reader makes of arbitrary bytes: it never crashes,
// what it writes (plain and .mxl) reads back, and the read-back score has the same parts, measures
// and notes per part.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "mos/formats/MusicXmlReader.hpp"
#include "mos/formats/MusicXmlWriter.hpp"

namespace {

std::vector<std::size_t> notesPerPart(const mos::score::Score& score) {
    std::vector<std::size_t> counts;
    for (const auto& part : score.parts) {
        std::size_t notes = 0;
        for (const auto& event : part.events) notes += event.notes.size();
        counts.push_back(notes);
    }
    return counts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes{reinterpret_cast<const char*>(data), size};
    const auto imported = mos::formats::readMusicXml(bytes, "fuzz.musicxml");
    if (!imported) return 0;
    const mos::score::Score& score = imported->scores.front();

    const std::string xml = mos::formats::writeMusicXml(score);
    const auto again = mos::formats::readMusicXml(xml, "fuzz-written.musicxml");
    if (!again) std::abort();
    const mos::score::Score& back = again->scores.front();
    if (back.timeline.measures.size() != std::max<std::size_t>(score.timeline.measures.size(), 1)) std::abort();
    if (!score.parts.empty() && notesPerPart(back) != notesPerPart(score)) std::abort();

    const auto mxl = mos::formats::writeCompressedMusicXml(score);
    if (!mxl) std::abort();
    const std::string_view archive{reinterpret_cast<const char*>(mxl->data()), mxl->size()};
    if (!mos::formats::readMusicXml(archive, "fuzz-written.mxl")) std::abort();
    return 0;
}
