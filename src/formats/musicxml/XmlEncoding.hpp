#pragma once

// The bytes of an XML document as UTF-8 text, whatever encoding the file used: UTF-8 with or
// without a byte-order mark, UTF-16 little or big endian (with a BOM, or recognised by its "<?"
// opening), or ISO-8859-1/Windows-1252 as declared in the XML declaration. Line breaks and every
// character keep their order, so line numbers found in the result are the file's line numbers.

#include <string>
#include <string_view>

namespace mos::formats::musicxml {

// The document as UTF-8 without a BOM: a view into `bytes` when they already are UTF-8, else into
// `storage`, which receives the transcoded text. Malformed UTF-16 (an unpaired surrogate, an odd
// trailing byte) becomes U+FFFD rather than an error: the XML parser then reports what it cannot
// read. Thread: any. RT-safe: no.
std::string_view decodeXmlText(std::string_view bytes, std::string& storage);

}  // namespace mos::formats::musicxml
