// The settings file through simdjson's DOM (the JSON library MOS uses); places for error messages
// come from JsonLocator, on the error path only.

#include "mos/core/UserConfig.hpp"

#include <array>
#include <string>
#include <utility>

#include <simdjson.h>

#include "mos/core/Files.hpp"
#include "mos/core/JsonLocator.hpp"

namespace mos::core {

namespace {

constexpr std::string_view kFileName = "config.json";
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The error at byte `offset` of the text (after any byte-order mark), when one is known.
Error configError(std::string_view text, const std::filesystem::path& file, std::optional<std::size_t> offset,
                  std::string message) {
    SourceLocation where{file.string()};
    if (offset) {
        const LineColumn place = lineColumnOf(text, *offset);
        where.line = place.line;
        where.column = place.column;
    }
    return fail(ErrorCode::ParseError, std::move(message), std::move(where));
}

}  // namespace

Result<UserConfig> parseUserConfig(std::string_view text, const std::filesystem::path& file) {
    const std::size_t bom = text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
    const std::string_view body = text.substr(bom);
    const auto at = [bom](std::optional<std::size_t> offset) -> std::optional<std::size_t> {
        if (offset) return *offset + bom;
        return std::nullopt;
    };

    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (const auto code = parser.parse(body.data(), body.size(), true).get(root); code != simdjson::SUCCESS) {
        return configError(text, file, at(findJsonSyntaxError(body)),
                           std::string{"not JSON: "} + simdjson::error_message(code));
    }
    simdjson::dom::object members;
    if (root.get_object().get(members) != simdjson::SUCCESS) {
        return configError(text, file, at(locateJsonValue(body, {})), "the settings must be a JSON object");
    }

    UserConfig config{file, std::nullopt};
    simdjson::dom::element soundfont;
    if (members["soundfont"].get(soundfont) == simdjson::SUCCESS) {
        std::string_view path;
        if (soundfont.get_string().get(path) != simdjson::SUCCESS || path.empty()) {
            const std::array<JsonPathStep, 1> where{JsonPathStep{"soundfont"}};
            return configError(text, file, at(locateJsonValue(body, where)),
                               "\"soundfont\" must be the path of a .sf2, .sf3 or .sfz file, or of a folder of them");
        }
        config.soundfont = file.parent_path() / std::filesystem::path{path};
    }
    return config;
}

Result<UserConfig> readUserConfig(const Environment& environment) {
    const auto directory = configDirectory(environment);
    if (!directory) return UserConfig{};
    const std::filesystem::path file = *directory / kFileName;
    auto text = readWholeFile(file);
    if (!text) {
        if (text.error().code == ErrorCode::NotFound) return UserConfig{file, std::nullopt};
        return std::move(text).error();
    }
    return parseUserConfig(*text, file);
}

}  // namespace mos::core
