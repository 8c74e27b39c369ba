#include "mos/audio/InstrumentLoader.hpp"

#include <utility>

#include "mos/audio/SfzFile.hpp"
#include "mos/audio/SoundFontFile.hpp"

namespace mos::audio {

core::Result<std::shared_ptr<const InstrumentBank>> loadInstrument(const InstrumentFile& file, SampleStore& store,
                                                                   std::span<const PresetId> played) {
    auto bank =
        file.format == InstrumentFormat::Sfz ? loadSfz(file.path, store) : loadSoundFont(file.path, store, played);
    if (!bank) return bank.error();
    return std::shared_ptr<const InstrumentBank>{std::make_shared<InstrumentBank>(std::move(*bank))};
}

}  // namespace mos::audio
