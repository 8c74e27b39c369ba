#include "mos/core/Paths.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

#include <unistd.h>

namespace mos::core {

namespace fs = std::filesystem;

namespace {

// An XDG base directory from its variable, or the home-relative default. The specification says a
// relative value is invalid and must be ignored, so one cannot make MOS write under the current
// directory by accident.
Result<fs::path> xdgDirectory(const Environment& environment, std::string_view mosVariable,
                              std::string_view xdgVariable, const fs::path& homeRelativeDefault) {
    if (auto own = environment.get(mosVariable)) return fs::path{*own};
    if (auto xdg = environment.get(xdgVariable)) {
        if (fs::path base{*xdg}; base.is_absolute()) return base / "mos";
    }
    if (auto home = environment.get("HOME")) return fs::path{*home} / homeRelativeDefault / "mos";
    return fail(ErrorCode::NotFound,
                "no home directory: set " + std::string{mosVariable} + ", " + std::string{xdgVariable} + " or HOME");
}

bool holdsBuiltStudio(const fs::path& directory) {
    std::error_code error;
    return fs::is_regular_file(directory / "index.html", error);
}

}  // namespace

Environment::Environment(Variables variables) : variables_{std::move(variables)} {}

Environment Environment::current() {
    Variables variables;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string_view text{*entry};
        if (const auto equals = text.find('='); equals != std::string_view::npos) {
            variables.emplace(text.substr(0, equals), text.substr(equals + 1));
        }
    }
    return Environment{std::move(variables)};
}

std::optional<std::string> Environment::get(std::string_view name) const {
    const auto found = variables_.find(name);
    if (found == variables_.end() || found->second.empty()) return std::nullopt;
    return found->second;
}

Result<fs::path> dataDirectory(const Environment& environment) {
    return xdgDirectory(environment, "MOS_DATA_DIR", "XDG_DATA_HOME", fs::path{".local"} / "share");
}

Result<fs::path> configDirectory(const Environment& environment) {
    return xdgDirectory(environment, "MOS_CONFIG_DIR", "XDG_CONFIG_HOME", ".config");
}

std::vector<fs::path> systemDataDirectories(const Environment& environment) {
    const std::string list = environment.get("XDG_DATA_DIRS").value_or("/usr/local/share:/usr/share");
    std::vector<fs::path> directories;
    for (std::size_t start = 0; start <= list.size();) {
        const std::size_t colon = std::min(list.find(':', start), list.size());
        if (fs::path entry{list.substr(start, colon - start)}; entry.is_absolute()) directories.push_back(entry);
        start = colon + 1;
    }
    return directories;
}

Result<fs::path> libraryDatabasePath(const Environment& environment) {
    auto directory = dataDirectory(environment);
    if (!directory) return std::move(directory).error();
    return *directory / "library.sqlite";
}

std::optional<fs::path> runningExecutable() {
    std::error_code error;
    fs::path executable = fs::read_symlink("/proc/self/exe", error);
    if (error || executable.empty()) return std::nullopt;
    return executable;
}

WebRootSearch findWebRoot(const Environment& environment, const fs::path& executable) {
    WebRootSearch search;
    if (auto configured = environment.get("MOS_WEB_ROOT")) search.searched.emplace_back(*configured);
    if (!executable.empty()) {
        const fs::path directory = executable.parent_path();
        search.searched.push_back((directory / ".." / ".." / "web" / "dist").lexically_normal());
        search.searched.push_back((directory / ".." / "share" / "mos" / "web").lexically_normal());
    }
    for (const fs::path& candidate : search.searched) {
        if (holdsBuiltStudio(candidate)) {
            search.root = candidate;
            break;
        }
    }
    return search;
}

}  // namespace mos::core
