#pragma once

// Numbers and words in XML text, read without allocating: integers, exact decimals (MusicXML's
// divisions, durations, alters and tempos are xs:decimal) and note-type names.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "mos/core/Rational.hpp"

namespace mos::formats::musicxml {

// `text` without the XML white space around it. Thread: any. RT-safe: yes.
std::string_view trimXml(std::string_view text) noexcept;

// A whole number ("12", "-3", "+4", spaces around allowed); nullopt for anything else or a value
// beyond ±10^15. Thread: any. RT-safe: yes.
std::optional<std::int64_t> parseInteger(std::string_view text) noexcept;

// An xs:decimal ("2", "-0.5", ".75", "92.50") as an exact fraction; nullopt for anything else or
// for more than 15 integer digits, 9 fraction digits or 18 digits in all. Thread: any. RT-safe: yes.
std::optional<core::Rational> parseDecimal(std::string_view text) noexcept;

// The length in whole notes of a note-type name ("quarter" → 1/4, "breve" → 2, "1024th" → 1/1024),
// with `dots` augmentation dots; nullopt for an unknown name. Thread: any. RT-safe: yes.
std::optional<core::Rational> noteTypeValue(std::string_view name, int dots = 0) noexcept;

// The pieces one after another, for diagnostics: `joined({"<", name, "> is empty"})`. (Chains of
// std::string operator+ trip GCC 12's -Wrestrict false positives at -O3.) Thread: any. RT-safe: no.
std::string joined(std::initializer_list<std::string_view> pieces);

}  // namespace mos::formats::musicxml
