#pragma once

// Looking up members of a Hermes timeline's JSON (simdjson's DOM), shared by the reader and by the
// writer, which reads back the events the reader kept. A timeline's events hold free-form data, so
// every lookup tolerates a missing member or one of another type.

#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

namespace mos::formats::hermes {

// The score extension that keeps the events UMF does not model: {"events": [...]}.
constexpr std::string_view kExtension = "hermes";

// A JSON value that may be missing (a member an event does not have).
using Value = std::optional<simdjson::dom::element>;

// The member `name` of `value` when it is an object that has one. Of a name given twice, the last,
// as readers that keep one member per name do. Thread: any. RT-safe: no.
inline Value member(Value value, std::string_view name) {
    simdjson::dom::object object;
    if (!value || value->get_object().get(object) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    Value found;
    for (const auto field : object) {
        if (field.key == name) {
            found = field.value;
        }
    }
    return found;
}

// A string member, or `fallback` when it is missing or not a string. Thread: any. RT-safe: no.
inline std::string text(Value value, std::string_view name, const std::string& fallback = {}) {
    const Value found = member(value, name);
    std::string_view result;
    return found && found->get_string().get(result) == simdjson::SUCCESS ? std::string{result} : fallback;
}

// A number member (integer or not), or nullopt when it is missing or not a number.
// Thread: any. RT-safe: no.
inline std::optional<double> number(Value value, std::string_view name) {
    const Value found = member(value, name);
    double result = 0;
    return found && found->get_double().get(result) == simdjson::SUCCESS ? std::optional{result} : std::nullopt;
}

// The members that time an event; the writer derives them all from the tick.
inline bool isTimingField(std::string_view name) {
    return name == "timestamp" || name == "tick" || name == "measure" || name == "beat";
}

}  // namespace mos::formats::hermes
