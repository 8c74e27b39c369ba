#pragma once

// Where MOS keeps and finds its files: the data directory (song library, user instruments), the
// configuration directory and the web studio's built assets. Everything the answer depends on
// outside MOS (environment variables, the running executable) is passed in, so tests describe any
// machine without touching the real process; callers pass Environment::current() and
// runningExecutable() for this one.
//
//   dataDirectory(Environment{{{"HOME", "/home/ana"}}})  ->  /home/ana/.local/share/mos
//   findWebRoot(env, "/src/mos/build/dev/mos").searched  ->  [$MOS_WEB_ROOT, /src/mos/web/dist,
//                                                             /src/mos/build/share/mos/web]

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mos/core/Result.hpp"

namespace mos::core {

// A snapshot of environment variables. A variable set to the empty string counts as unset, as the
// XDG Base Directory specification asks, so `XDG_DATA_HOME=` behaves like no XDG_DATA_HOME.
class Environment {
public:
    using Variables = std::map<std::string, std::string, std::less<>>;

    Environment() = default;
    // The given variables only, nothing from the process. Thread: any. RT-safe: no.
    explicit Environment(Variables variables);

    // The environment of this process, copied now. Thread: control. RT-safe: no.
    static Environment current();

    // The value of `name`, or nothing when unset or empty. Thread: any. RT-safe: no.
    std::optional<std::string> get(std::string_view name) const;

private:
    Variables variables_;
};

// $MOS_DATA_DIR, else $XDG_DATA_HOME/mos, else $HOME/.local/share/mos; fails when none of them is
// usable (no HOME). Relative XDG values are ignored, as the XDG specification requires.
// Thread: control. RT-safe: no.
Result<std::filesystem::path> dataDirectory(const Environment& environment);

// $MOS_CONFIG_DIR, else $XDG_CONFIG_HOME/mos, else $HOME/.config/mos. Thread: control. RT-safe: no.
Result<std::filesystem::path> configDirectory(const Environment& environment);

// Where the system keeps shared data (SoundFonts under sounds/sf2 …), most important first: the
// absolute entries of $XDG_DATA_DIRS, else /usr/local/share and /usr/share, as the XDG Base
// Directory specification says. Thread: control. RT-safe: no.
std::vector<std::filesystem::path> systemDataDirectories(const Environment& environment);

// The song-library database, <data directory>/library.sqlite. Thread: control. RT-safe: no.
Result<std::filesystem::path> libraryDatabasePath(const Environment& environment);

// The running program's absolute path (from /proc/self/exe), or nothing when the system does not
// say. Thread: control. RT-safe: no.
std::optional<std::filesystem::path> runningExecutable();

// Where the web studio's built assets are, and every place that was looked at, in order.
struct WebRootSearch {
    std::optional<std::filesystem::path> root;    // the first place holding an index.html
    std::vector<std::filesystem::path> searched;  // in search order, including the one found
};

// Looks for the web studio in order: $MOS_WEB_ROOT; the source tree's web/dist next to a build-tree
// binary (<exe dir>/../../web/dist, since the binary is build/<preset>/mos); the install prefix of
// an installed binary (<exe dir>/../share/mos/web). A place counts when it holds index.html, the
// entry page of a built studio. An empty `executable` skips the executable-relative places.
// Thread: control. RT-safe: no.
WebRootSearch findWebRoot(const Environment& environment, const std::filesystem::path& executable);

}  // namespace mos::core
