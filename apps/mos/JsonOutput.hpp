#pragma once

// Machine-readable output of the `mos` command: one compact JSON object per line on stdout, written
// with core::JsonWriter (MOS's one JSON writer).
//
//   printJsonLine([&](core::JsonWriter& json) {
//       json.key("name");
//       json.string("mos");
//   });                                   // prints {"name":"mos"}

#include <iostream>
#include <optional>
#include <string>

#include "mos/core/JsonWriter.hpp"

namespace mos::cli {

// Prints the object whose members `writeMembers(json)` writes, on one line. Thread: main. RT-safe: no.
template <typename WriteMembers>
void printJsonLine(WriteMembers&& writeMembers) {
    core::JsonWriter json{false};
    json.beginObject();
    writeMembers(json);
    json.endObject();
    std::cout << json.take() << '\n';
}

// The string, or null when there is none. Thread: main. RT-safe: no.
inline void stringOrNull(core::JsonWriter& json, const std::optional<std::string>& text) {
    if (text) {
        json.string(*text);
    } else {
        json.null();
    }
}

}  // namespace mos::cli
