#pragma once

// Loads an instrument file of any format the sampler plays: SoundFonts (.sf2, .sf3) and SFZ.
//
//   SampleStore store;
//   auto search = SoundFontLocator::forEnvironment(env).locate();
//   if (search.use) auto bank = loadInstrument(*search.use, store);   // FluidR3_GM.sf2, 189 presets

#include <memory>
#include <span>

#include "mos/audio/InstrumentBank.hpp"
#include "mos/audio/SampleStore.hpp"
#include "mos/audio/SoundFontLocator.hpp"
#include "mos/core/Result.hpp"

namespace mos::audio {

// Errors name the file and the place in it. With `played` named, a SoundFont loads only the presets
// that answer for them (see loadSoundFont); an SFZ is one instrument either way.
// Thread: control. RT-safe: no.
core::Result<std::shared_ptr<const InstrumentBank>> loadInstrument(const InstrumentFile& file, SampleStore& store,
                                                                   std::span<const PresetId> played = {});

}  // namespace mos::audio
