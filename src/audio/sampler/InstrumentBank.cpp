#include "mos/audio/InstrumentBank.hpp"

#include <algorithm>
#include <unordered_set>

namespace mos::audio {

const Preset* InstrumentBank::find(std::uint16_t bank, std::uint8_t program) const noexcept {
    if (presets.empty()) return nullptr;
    if (singleInstrument) return &presets.front();
    const auto exact = [&](std::uint16_t wantedBank, std::uint8_t wantedProgram) -> const Preset* {
        const auto found = std::lower_bound(presets.begin(), presets.end(), std::pair{wantedBank, wantedProgram},
                                            [](const Preset& preset, const auto& wanted) {
                                                return std::pair{preset.bank, preset.program} < wanted;
                                            });
        return found != presets.end() && found->bank == wantedBank && found->program == wantedProgram ? &*found
                                                                                                      : nullptr;
    };
    if (const Preset* preset = exact(bank, program)) return preset;
    if (bank == kDrumBank) {
        if (const Preset* standardKit = exact(kDrumBank, 0)) return standardKit;
    } else if (const Preset* general = exact(0, program)) {
        return general;
    }
    return &presets.front();
}

std::size_t InstrumentBank::sampleBytes() const {
    std::unordered_set<const Sample*> counted;
    std::size_t total = 0;
    for (const Preset& preset : presets) {
        for (const SamplerRegion& region : preset.regions) {
            if (region.sample && counted.insert(region.sample.get()).second) total += region.sample->bytes();
        }
    }
    return total;
}

}  // namespace mos::audio
