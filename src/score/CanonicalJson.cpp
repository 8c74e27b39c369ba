#include "CanonicalJson.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace mos::score::umf {

bool writeCanonical(simdjson::dom::element value, core::JsonWriter& out) {
    using simdjson::dom::element_type;
    switch (value.type()) {
        case element_type::OBJECT: {
            std::vector<std::pair<std::string_view, simdjson::dom::element>> members;
            const simdjson::dom::object object = value.get_object().value_unsafe();
            for (const auto field : object) members.emplace_back(field.key, field.value);
            std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            const auto twice = std::adjacent_find(members.begin(), members.end(),
                                                  [](const auto& a, const auto& b) { return a.first == b.first; });
            if (twice != members.end()) return false;
            out.beginObject();
            for (const auto& [name, member] : members) {
                out.escapedKey(name);
                if (!writeCanonical(member, out)) return false;
            }
            out.endObject();
            return true;
        }
        case element_type::ARRAY: {
            const simdjson::dom::array array = value.get_array().value_unsafe();
            out.beginArray();
            for (const auto item : array) {
                if (!writeCanonical(item, out)) return false;
            }
            out.endArray();
            return true;
        }
        case element_type::STRING:
            out.string(value.get_string().value_unsafe());
            return true;
        case element_type::INT64:
            out.integer(value.get_int64().value_unsafe());
            return true;
        case element_type::UINT64:
            out.unsignedInteger(value.get_uint64().value_unsafe());
            return true;
        case element_type::DOUBLE:
            out.number(value.get_double().value_unsafe());
            return true;
        case element_type::BOOL:
            out.boolean(value.get_bool().value_unsafe());
            return true;
        case element_type::NULL_VALUE:
            out.null();
            return true;
    }
    return false;
}

}  // namespace mos::score::umf
