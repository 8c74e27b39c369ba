#pragma once

// Loads SoundFont 2.04 files (.sf2, 16-bit samples with the optional 24-bit sm24 chunk) and SF3 files
// (the same layout with Ogg Vorbis samples, as MuseScore ships them, decoded here at load) into an
// InstrumentBank. Each preset zone is laid over each instrument zone it covers and flattened into a
// SamplerRegion: generators summed as section 9.4 says, the default modulators of section 8.4 with
// the instrument's and preset's own, units converted once.
//
//   SampleStore store;
//   auto bank = loadSoundFont("/usr/share/sounds/sf2/FluidR3_GM.sf2", store);
//   if (!bank) std::cerr << bank.error().describe();  // "x.sf2 at byte 1042: 'pdta' chunk …"

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>

#include "mos/audio/InstrumentBank.hpp"
#include "mos/audio/SampleStore.hpp"
#include "mos/core/Result.hpp"

namespace mos::audio {

// Reads the file at `path`; its samples go into (or are shared through) `store`. With `played`
// named, only the presets InstrumentBank::find would answer for those ids are loaded (a render
// that plays a piano needs no other sample), and find() gives the same presets for them.
// Thread: control. RT-safe: no.
core::Result<InstrumentBank> loadSoundFont(const std::filesystem::path& path, SampleStore& store,
                                           std::span<const PresetId> played = {});

// The same from bytes already in memory; `name` stands for the file in errors and sample keys.
// Thread: control. RT-safe: no.
core::Result<InstrumentBank> readSoundFont(std::span<const std::byte> bytes, const std::string& name,
                                           SampleStore& store, std::span<const PresetId> played = {});

}  // namespace mos::audio
