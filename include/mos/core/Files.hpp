#pragma once

// Whole-file reads and crash-safe writes. Saving goes through a temporary file that is flushed to
// disk and then renamed over the target, so a crash or a full disk never leaves a half-written
// score where the user's file was.

#include <filesystem>
#include <string>
#include <string_view>

#include "mos/core/Result.hpp"

namespace mos::core {

// The bytes of a file. NotFound when it does not exist, IoError when it cannot be read (a folder,
// no permission). Thread: any. RT-safe: no.
Result<std::string> readWholeFile(const std::filesystem::path& path);

// Replaces `path` with `bytes` atomically: write "<path>.tmp-<pid>", fsync it, rename it over
// `path`, fsync the folder. On failure the old file is untouched and the temporary is removed.
// Thread: any. RT-safe: no.
Result<void> writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace mos::core
