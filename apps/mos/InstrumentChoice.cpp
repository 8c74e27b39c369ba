#include "InstrumentChoice.hpp"

#include <iostream>

#include "mos/audio/InstrumentLoader.hpp"
#include "mos/audio/SoundFontLocator.hpp"
#include "mos/core/Paths.hpp"
#include "mos/core/UserConfig.hpp"

namespace mos::cli {

namespace {

constexpr const char* kFallback = "fallback synth";

}  // namespace

void addSoundFontOption(CLI::App& command, std::string& soundfont) {
    command.add_option("--soundfont", soundfont,
                       "Instruments: a .sf2, .sf3 or .sfz file (or a folder of them); 'none' for the built-in synth. "
                       "Default: $MOS_SOUNDFONT, else \"soundfont\" in the config file, else the General MIDI "
                       "SoundFont installed");
}

std::optional<InstrumentChoice> chooseInstruments(const std::string& command, const std::string& soundfont,
                                                  audio::SampleStore& store, std::span<const audio::PresetId> played) {
    if (soundfont == "none") return InstrumentChoice{nullptr, kFallback};
    const bool named = !soundfont.empty();
    const core::Environment environment = core::Environment::current();
    // The settings file matters only without --soundfont; broken, it is an error rather than a guess.
    const auto config = named ? core::Result<core::UserConfig>{core::UserConfig{}} : core::readUserConfig(environment);
    if (!config) {
        std::cerr << "mos " << command << ": " << config.error().describe() << '\n';
        return std::nullopt;
    }
    auto locator = named ? audio::SoundFontLocator{std::filesystem::path{soundfont}, {}}
                         : audio::SoundFontLocator::forEnvironment(environment, *config);
    const audio::SoundFontSearch search = locator.locate();
    if (!search.use) {
        if (named) {
            std::cerr << "mos " << command << ": " << soundfont << ": ";
            if (!search.invalid.empty()) {
                std::cerr << search.invalid.front().reason << '\n';
            } else {
                std::cerr << "no .sf2, .sf3 or .sfz instrument there\n";
            }
            return std::nullopt;
        }
        return InstrumentChoice{nullptr, kFallback};
    }
    auto bank = audio::loadInstrument(*search.use, store, played);
    if (!bank) {
        if (named) {
            std::cerr << "mos " << command << ": " << bank.error().describe() << '\n';
            return std::nullopt;
        }
        std::cerr << "mos " << command << ": warning: " << bank.error().describe() << "; playing with the " << kFallback
                  << '\n';
        return InstrumentChoice{nullptr, kFallback};
    }
    return InstrumentChoice{std::move(*bank),
                            std::string{audio::toString(search.use->format)} + " " + search.use->path.string()};
}

}  // namespace mos::cli
