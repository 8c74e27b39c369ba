// readSoundFont on arbitrary bytes: never crashes or hangs, every error names the file and a byte
// inside it, and whatever loads is playable — presets sorted and unique by bank and program, every
// region over a sample it stays inside (start < end <= frames, a loop within start…end), keys and
// root key below 128.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <utility>

#include "mos/audio/SampleStore.hpp"
#include "mos/audio/SoundFontFile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    mos::audio::SampleStore store;
    const std::span<const std::byte> bytes{reinterpret_cast<const std::byte*>(data), size};
    const auto bank = mos::audio::readSoundFont(bytes, "fuzz.sf2", store);
    if (!bank) {
        const auto& where = bank.error().where;
        if (where.file != "fuzz.sf2" || !where.byteOffset || *where.byteOffset < 0 ||
            static_cast<std::size_t>(*where.byteOffset) > size) {
            std::abort();
        }
        return 0;
    }
    for (std::size_t i = 1; i < bank->presets.size(); ++i) {
        const auto& before = bank->presets[i - 1];
        const auto& after = bank->presets[i];
        if (std::pair{before.bank, before.program} >= std::pair{after.bank, after.program}) std::abort();
    }
    for (const auto& preset : bank->presets) {
        if (preset.program > 127) std::abort();
        for (const auto& region : preset.regions) {
            if (!region.sample || region.start >= region.end || region.end > region.sample->frames) std::abort();
            if (region.loopMode != mos::audio::LoopMode::NoLoop &&
                (region.loopStart < region.start || region.loopStart >= region.loopEnd ||
                 region.loopEnd > region.end)) {
                std::abort();
            }
            if (region.rootKey > 127 || region.loKey > region.hiKey || region.hiKey > 127) std::abort();
            if (region.loVelocity > region.hiVelocity || region.hiVelocity > 127) std::abort();
            if (region.sample->data.size() !=
                std::size_t{region.sample->frames + mos::audio::Sample::kGuardFrames} * region.sample->channels) {
                std::abort();
            }
        }
    }
    return 0;
}
