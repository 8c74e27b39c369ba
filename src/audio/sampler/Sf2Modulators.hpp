#pragma once

// SoundFont 2.04 modulators (sections 8.2–8.4 and 9.5): the default modulators every zone starts
// with, the rules by which instrument and preset modulators override or add to them, and the
// conversion of a file's modulator record into the sampler's Modulator, its amount in the unit of
// the parameter it moves.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "Sf2Hydra.hpp"
#include "Sf2Warnings.hpp"
#include "mos/audio/SamplerRegion.hpp"

namespace mos::audio::sf2 {

// The ten default modulators of section 8.4. Thread: any. RT-safe: yes.
std::span<const ModulatorRecord> defaultModulators() noexcept;

// Section 9.5.1: each of `overriding` replaces an identical modulator of `list`, or is appended.
// Used for a local zone over its global zone, and for instrument modulators over the defaults.
// Thread: any. RT-safe: no.
void overrideModulators(std::vector<ModulatorRecord>& list, std::span<const ModulatorRecord> overriding);

// Section 9.5.2: preset modulators add to the instrument's — an identical one sums its amount into
// it, any other is appended. Thread: any. RT-safe: no.
void addModulators(std::vector<ModulatorRecord>& list, std::span<const ModulatorRecord> adding);

// The model's modulator for a record, or nullopt (with a warning in `warnings`) for what the
// sampler cannot play: linked modulators, unknown sources or transforms, destinations that are not
// a ModulatorTarget. `where` names the zone in the warning. Thread: any. RT-safe: no.
std::optional<Modulator> convertModulator(const ModulatorRecord& record, const std::string& where,
                                          WarningLog& warnings);

}  // namespace mos::audio::sf2
