#pragma once

// Flattens a SoundFont's presets into SamplerRegions (sections 9.4 and 9.5). Every preset zone is
// laid over every zone of its instrument whose key and velocity ranges overlap its own: instrument
// generators (the zone's, else its global zone's, else the default) replace the defaults, preset
// generators (the zone's, else its global zone's) add to them, ranges intersect, and the result is
// converted once into the region's seconds, cents, decibels and linear levels.

#include <span>
#include <vector>

#include "Sf2Hydra.hpp"
#include "Sf2Samples.hpp"
#include "Sf2Warnings.hpp"
#include "mos/audio/InstrumentBank.hpp"

namespace mos::audio::sf2 {

// The presets of `hydra` in file order (sorting is the caller's), their samples fetched through
// `samples`; only those `only` names (sorted) when it names any. Thread: control. RT-safe: no.
std::vector<Preset> flattenPresets(const Hydra& hydra, SampleDecoder& samples, WarningLog& warnings,
                                   std::span<const PresetId> only = {});

}  // namespace mos::audio::sf2
