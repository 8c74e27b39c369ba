#pragma once

// The user's settings file, <configuration directory>/config.json (see configDirectory): one JSON
// object whose members override MOS's defaults. Today MOS reads one member:
//
//   {"soundfont": "sounds/SalamanderGrandPiano.sfz"}
//
//   readUserConfig(Environment{{{"MOS_CONFIG_DIR", "config/mos"}}})->soundfont
//     -> config/mos/sounds/SalamanderGrandPiano.sfz
//
// Members MOS does not know are left alone, so a file a newer MOS wrote still reads; a relative path
// is taken from the configuration directory, where the file is.

#include <filesystem>
#include <optional>
#include <string_view>

#include "mos/core/Paths.hpp"
#include "mos/core/Result.hpp"

namespace mos::core {

struct UserConfig {
    std::filesystem::path file{};                      // where it was looked for; empty: no config directory
    std::optional<std::filesystem::path> soundfont{};  // "soundfont": an instrument file or a folder of them
};

// Reads <configDirectory(environment)>/config.json; no file, or no configuration directory, is the
// empty config. Errors name the file, line and column: text that is not JSON, a document that is
// not an object, a known member of the wrong type. Thread: control. RT-safe: no.
Result<UserConfig> readUserConfig(const Environment& environment);

// The same for text already read from `file`, which names it in errors and anchors relative paths.
// Thread: any. RT-safe: no.
Result<UserConfig> parseUserConfig(std::string_view text, const std::filesystem::path& file);

}  // namespace mos::core
