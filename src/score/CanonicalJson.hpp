#pragma once

// The canonical form of plugin data (Score::extensions): any JSON value, written without
// whitespace, object members sorted by name (byte order), strings with the shortest escapes,
// integers as integers and other numbers in their shortest exact form. Equal data gives equal text,
// so content ids do not depend on how a plugin spaced or ordered its JSON.

#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "mos/core/JsonWriter.hpp"

namespace mos::score::umf {

// Writes `value` canonically; false when an object in it has a member name twice (the canonical
// form would have to drop one). Thread: any. RT-safe: no.
[[nodiscard]] bool writeCanonical(simdjson::dom::element value, core::JsonWriter& out);

}  // namespace mos::score::umf
