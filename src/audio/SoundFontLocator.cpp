#include "mos/audio/SoundFontLocator.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <set>
#include <system_error>
#include <utility>

namespace mos::audio {

namespace fs = std::filesystem;

namespace {

// How far below a searched directory instrument files are looked for (0: directly inside). Deep
// enough for <directory>/<vendor>/<instrument>/piano.sfz, shallow enough that a symbolic-link loop or
// a large sample tree ends quickly.
constexpr int kMaxFileDepth = 2;

// SFZ headers are found near the top; sample-laden files can be large, so only this much is read.
constexpr std::streamsize kSfzBytesToScan = std::streamsize{64} * 1024;

std::optional<InstrumentFormat> formatFromExtension(const fs::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".sf2") return InstrumentFormat::Sf2;
    if (extension == ".sf3") return InstrumentFormat::Sf3;
    if (extension == ".sfz") return InstrumentFormat::Sfz;
    return std::nullopt;
}

std::string unreadable() { return std::string{"cannot be read: "} + std::strerror(errno); }

// SoundFont 2 and 3 files are RIFF forms of type 'sfbk' (SoundFont 2.04 specification, section 4).
// The RIFF size counts the bytes after the 8-byte chunk header, so a download cut short shows up
// as a size larger than the file.
std::string soundFontProblem(const fs::path& path) {
    std::ifstream file{path, std::ios::binary};
    if (!file) return unreadable();
    std::array<unsigned char, 12> header{};
    file.read(reinterpret_cast<char*>(header.data()), static_cast<std::streamsize>(header.size()));
    if (file.gcount() != static_cast<std::streamsize>(header.size())) {
        return "too short for a RIFF header: not a SoundFont";
    }
    if (std::memcmp(header.data(), "RIFF", 4) != 0 || std::memcmp(header.data() + 8, "sfbk", 4) != 0) {
        return "no RIFF 'sfbk' header: not a SoundFont";
    }
    const std::uintmax_t riffBytes = std::uintmax_t{header[4]} | std::uintmax_t{header[5]} << 8U |
                                     std::uintmax_t{header[6]} << 16U | std::uintmax_t{header[7]} << 24U;
    std::error_code error;
    const std::uintmax_t fileBytes = fs::file_size(path, error);
    if (error) return "cannot be read: " + error.message();
    if (riffBytes + 8 > fileBytes) {
        return "truncated: its RIFF header promises " + std::to_string(riffBytes + 8) + " bytes, the file has " +
               std::to_string(fileBytes);
    }
    return {};
}

std::string sfzProblem(const fs::path& path) {
    std::ifstream file{path, std::ios::binary};
    if (!file) return unreadable();
    std::string text(static_cast<std::size_t>(kSfzBytesToScan), '\0');
    file.read(text.data(), kSfzBytesToScan);
    text.resize(static_cast<std::size_t>(file.gcount()));
    // An instrument file declares regions, directly or through a header or an #include of them.
    for (const std::string_view marker : {"<region>", "<group>", "<global>", "<control>", "<master>", "#include"}) {
        if (text.find(marker) != std::string::npos) return {};
    }
    return "no SFZ header (<region>, <group>, <global>, <control>, <master> or #include)";
}

std::string instrumentProblem(const fs::path& path, InstrumentFormat format) {
    return format == InstrumentFormat::Sfz ? sfzProblem(path) : soundFontProblem(path);
}

// The instrument files under `directory`, sorted so the search order does not depend on the file
// system's directory order.
std::vector<fs::path> instrumentFilesUnder(const fs::path& directory) {
    std::vector<fs::path> files;
    std::error_code error;
    const auto options =
        fs::directory_options::follow_directory_symlink | fs::directory_options::skip_permission_denied;
    fs::recursive_directory_iterator entry{directory, options, error};
    for (; !error && entry != fs::recursive_directory_iterator{}; entry.increment(error)) {
        if (entry.depth() >= kMaxFileDepth) entry.disable_recursion_pending();
        std::error_code typeError;
        if (formatFromExtension(entry->path()) && entry->is_regular_file(typeError)) {
            files.push_back(entry->path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Collects what a search finds, each file once: Debian's /usr/share/sounds/sf2/default-GM.sf2 is a
// link to FluidR3_GM.sf2 there, and a user's data directory may link to the system files.
class Collector {
public:
    explicit Collector(SoundFontSearch& search) : search_{search} {}

    void check(const fs::path& path) {
        std::error_code error;
        const fs::path identity = fs::weakly_canonical(path, error);
        if (!seen_.insert(error ? path : identity).second) return;
        const auto format = formatFromExtension(path);
        if (!format) {
            search_.invalid.push_back({path, "not a .sf2, .sf3 or .sfz file"});
            return;
        }
        if (std::string problem = instrumentProblem(path, *format); !problem.empty()) {
            search_.invalid.push_back({path, std::move(problem)});
            return;
        }
        search_.found.push_back({path, *format});
    }

    void checkAllUnder(const fs::path& directory) {
        for (const fs::path& file : instrumentFilesUnder(directory)) check(file);
    }

private:
    SoundFontSearch& search_;
    std::set<fs::path> seen_;
};

}  // namespace

std::string_view toString(InstrumentFormat format) noexcept {
    switch (format) {
        case InstrumentFormat::Sf2:
            return "sf2";
        case InstrumentFormat::Sf3:
            return "sf3";
        case InstrumentFormat::Sfz:
            return "sfz";
    }
    return "sf2";
}

std::string_view toString(SoundFontSource source) noexcept {
    switch (source) {
        case SoundFontSource::CommandLine:
            return "command-line";
        case SoundFontSource::Environment:
            return "environment";
        case SoundFontSource::ConfigFile:
            return "config";
        case SoundFontSource::Installed:
            return "installed";
    }
    return "installed";
}

SoundFontLocator::SoundFontLocator(std::optional<fs::path> userChoice, std::vector<fs::path> directories,
                                   SoundFontSource source)
    : userChoice_{std::move(userChoice)}, directories_{std::move(directories)}, source_{source} {}

SoundFontLocator SoundFontLocator::forEnvironment(const core::Environment& environment,
                                                  const core::UserConfig& config) {
    std::optional<fs::path> userChoice = config.soundfont;
    SoundFontSource source = SoundFontSource::ConfigFile;
    if (auto named = environment.get("MOS_SOUNDFONT")) {
        userChoice = fs::path{*named};
        source = SoundFontSource::Environment;
    }
    std::vector<fs::path> directories;
    for (const fs::path& shared : core::systemDataDirectories(environment)) {
        for (const fs::path& sub : {fs::path{"sounds"} / "sf2", fs::path{"sounds"} / "sf3", fs::path{"soundfonts"}}) {
            directories.push_back(shared / sub);
        }
    }
    if (auto data = core::dataDirectory(environment)) directories.push_back(*data / "soundfonts");
    return SoundFontLocator{std::move(userChoice), std::move(directories), source};
}

SoundFontSearch SoundFontLocator::locate() const {
    SoundFontSearch search;
    Collector collector{search};
    if (userChoice_) {
        search.searched.push_back(*userChoice_);
        std::error_code error;
        if (fs::is_directory(*userChoice_, error)) {
            collector.checkAllUnder(*userChoice_);
        } else if (fs::exists(*userChoice_, error)) {
            collector.check(*userChoice_);
        } else {
            search.invalid.push_back({*userChoice_, "does not exist"});
        }
    }
    // What the user named wins over the standard places.
    const std::size_t chosenByUser = search.found.size();
    for (const fs::path& directory : directories_) {
        search.searched.push_back(directory);
        collector.checkAllUnder(directory);
    }

    if (search.found.empty()) return search;
    if (chosenByUser > 0) {
        search.use = search.found.front();
        search.source = source_;
        return search;
    }
    const auto preferred = std::find_if(search.found.begin(), search.found.end(), [](const InstrumentFile& file) {
        return file.path.filename() == kPreferredFileName;
    });
    search.use = preferred != search.found.end() ? *preferred : search.found.front();
    return search;
}

}  // namespace mos::audio
