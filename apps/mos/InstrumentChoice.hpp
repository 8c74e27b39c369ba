#pragma once

// Which instruments a command plays with: `--soundfont PATH` (a .sf2, .sf3 or .sfz file, or a folder
// to search), else the default the SoundFont locator finds ($MOS_SOUNDFONT, then "soundfont" in the
// config file, then Debian's fluid-soundfont-gm), else the built-in fallback synth. `--soundfont none`
// asks for the fallback.

#include <memory>
#include <optional>
#include <span>
#include <string>

#include <CLI/CLI.hpp>

#include "mos/audio/InstrumentBank.hpp"
#include "mos/audio/SampleStore.hpp"

namespace mos::cli {

struct InstrumentChoice {
    std::shared_ptr<const audio::InstrumentBank> bank;  // null: the fallback synth
    std::string description;  // "sf2 /usr/share/sounds/sf2/FluidR3_GM.sf2" or "fallback synth"
};

// Adds --soundfont to `command`, storing its value in `soundfont`.
void addSoundFontOption(CLI::App& command, std::string& soundfont);

// Loads the instruments `soundfont` names (empty: the default). A file the user named that cannot be
// loaded, or a broken config file, is an error, printed as "mos COMMAND: …"; a default that fails
// falls back to the synth with a warning. With `played` named, a SoundFont loads only those presets
// (see audio::loadInstrument). Thread: control.
std::optional<InstrumentChoice> chooseInstruments(const std::string& command, const std::string& soundfont,
                                                  audio::SampleStore& store,
                                                  std::span<const audio::PresetId> played = {});

}  // namespace mos::cli
