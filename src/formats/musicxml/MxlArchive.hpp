#pragma once

// The compressed MusicXML container (.mxl): a zip archive whose META-INF/container.xml names the
// score's root file. Read from memory with libzip, each entry capped in size so a zip bomb cannot
// exhaust memory.

#include <string>
#include <string_view>

#include "mos/core/Result.hpp"

namespace mos::formats::musicxml {

// Largest entry MOS inflates (the biggest real scores are a few tens of megabytes).
inline constexpr std::size_t kMaxMxlEntryBytes = std::size_t{128} << 20U;

// The bytes of the archive's root score file: the first <rootfile> of META-INF/container.xml, or
// (when the container is missing) the only MusicXML file outside META-INF. `fileName` labels errors.
// Thread: any. RT-safe: no.
core::Result<std::string> extractMxlRootFile(std::string_view archive, const std::string& fileName);

}  // namespace mos::formats::musicxml
