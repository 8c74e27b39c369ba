#pragma once

// The MusicXML <kind> of a chord symbol's quality as charts write it after the root: "m7" is
// "minor-seventh", "ø" "half-diminished". Shared by the importers that read chord text (ABC) and
// the MusicXML writer that has to give text-only symbols a kind. The theory module's full chord
// parser (issue 4) will supersede it.

#include <optional>
#include <string_view>

namespace mos::formats {

// nullopt for a suffix none of the common spellings match. Thread: any. RT-safe: yes.
std::optional<std::string_view> musicXmlKindOfSuffix(std::string_view suffix) noexcept;

}  // namespace mos::formats
