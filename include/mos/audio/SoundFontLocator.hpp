#pragma once

// Finds the instruments the sampler can load — SoundFonts (.sf2, .sf3) and SFZ files — and picks the
// default one. Each file is checked before it is offered: a .sf2/.sf3 must start with a RIFF 'sfbk'
// header no longer than the file, an .sfz must contain an SFZ header; a file that fails is reported
// with the reason, never used.
//
//   SoundFontLocator::forEnvironment(env, config).locate().use
//     ->  /usr/share/sounds/sf2/FluidR3_GM.sf2   (with Debian's fluid-soundfont-gm installed)

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mos/core/Paths.hpp"
#include "mos/core/UserConfig.hpp"

namespace mos::audio {

enum class InstrumentFormat { Sf2, Sf3, Sfz };

// "sf2", "sf3" or "sfz". Thread: any. RT-safe: yes.
std::string_view toString(InstrumentFormat format) noexcept;

// Who chose the instruments, in the order their choices win: `--soundfont`, then $MOS_SOUNDFONT,
// then the settings file's "soundfont", then the files installed in the standard places.
enum class SoundFontSource { CommandLine, Environment, ConfigFile, Installed };

// "command-line", "environment", "config" or "installed". Thread: any. RT-safe: yes.
std::string_view toString(SoundFontSource source) noexcept;

struct InstrumentFile {
    std::filesystem::path path;
    InstrumentFormat format = InstrumentFormat::Sf2;

    friend bool operator==(const InstrumentFile&, const InstrumentFile&) = default;
};

struct RejectedFile {
    std::filesystem::path path;
    std::string reason;  // e.g. "no RIFF 'sfbk' header: not a SoundFont"
};

struct SoundFontSearch {
    std::vector<std::filesystem::path> searched;          // the explicit choice and directories, in order
    std::vector<InstrumentFile> found;                    // valid files, in search order
    std::vector<RejectedFile> invalid;                    // files with an instrument extension that failed
    std::optional<InstrumentFile> use;                    // the default instrument, when any was found
    SoundFontSource source = SoundFontSource::Installed;  // who chose `use`
};

class SoundFontLocator {
public:
    // The Debian default General MIDI SoundFont (package fluid-soundfont-gm), preferred when found.
    static constexpr std::string_view kPreferredFileName = "FluidR3_GM.sf2";

    // Searches `userChoice` first (a file, or a directory to search), which `source` named, then
    // `directories` in order. Thread: any. RT-safe: no.
    SoundFontLocator(std::optional<std::filesystem::path> userChoice, std::vector<std::filesystem::path> directories,
                     SoundFontSource source = SoundFontSource::CommandLine);

    // The standard search: $MOS_SOUNDFONT, else the settings file's "soundfont", then sounds/sf2,
    // sounds/sf3 and soundfonts in each system data directory (/usr/local/share, /usr/share; see
    // core::systemDataDirectories), then <data directory>/soundfonts. Thread: control. RT-safe: no.
    static SoundFontLocator forEnvironment(const core::Environment& environment, const core::UserConfig& config);

    // Walks the places (directories a few levels deep, symbolic links followed, each file once) and
    // checks every instrument file. The default is the user's choice when valid, else
    // kPreferredFileName, else the first valid file. Thread: control. RT-safe: no.
    SoundFontSearch locate() const;

private:
    std::optional<std::filesystem::path> userChoice_;
    std::vector<std::filesystem::path> directories_;
    SoundFontSource source_;
};

}  // namespace mos::audio
