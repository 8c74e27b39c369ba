// readMusicXml: from bytes (a document or an .mxl archive, in any encoding MusicXML files use) to a
// parsed DOM, then through the importer to a score.

#include "mos/formats/MusicXmlReader.hpp"

#include <pugixml.hpp>

#include "formats/musicxml/MusicXmlImporter.hpp"
#include "formats/musicxml/MxlArchive.hpp"
#include "formats/musicxml/TextLines.hpp"
#include "formats/musicxml/XmlEncoding.hpp"

namespace mos::formats {

bool isMxlArchive(std::string_view bytes) noexcept {
    return bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == '\x03' && bytes[3] == '\x04';
}

core::Result<Imported> readMusicXml(std::string_view bytes, const std::string& fileName) {
    std::string inflated;
    if (isMxlArchive(bytes)) {
        auto root = musicxml::extractMxlRootFile(bytes, fileName);
        if (!root) return std::move(root).error();
        inflated = std::move(*root);
        bytes = inflated;
    }
    std::string transcoded;
    const std::string_view text = musicxml::decodeXmlText(bytes, transcoded);
    musicxml::TextLines lines{text};

    pugi::xml_document document;
    const pugi::xml_parse_result parsed =
        document.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        const musicxml::LineColumn place =
            lines.at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)));
        return core::fail(core::ErrorCode::ParseError, std::string{"not well-formed XML: "} + parsed.description(),
                          core::SourceLocation{fileName, place.line, place.column, {}, {}});
    }

    Imported imported;
    score::Score& score = imported.scores.emplace_back();
    try {
        musicxml::Importer importer{fileName, lines, score, imported.warnings};
        importer.importDocument(document.document_element());
    } catch (musicxml::ImportFailure& failure) {
        return std::move(failure.error);
    }
    return imported;
}

}  // namespace mos::formats
