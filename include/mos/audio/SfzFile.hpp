#pragma once

// Loads SFZ instruments: the <control> <global> <master> <group> <region> headers (each region
// inherits the opcodes of the headers above it), #define and #include, and the opcodes the sampler
// plays (see SamplerRegion) into a one-preset InstrumentBank. Samples (WAV, FLAC, Ogg through
// libsndfile) are read relative to the file, or to <control> default_path. An unknown opcode is
// reported once as a warning, never an error; a missing sample file is an error naming it.
//
//   SampleStore store;
//   auto piano = loadSfz("sfz/Piano/piano.sfz", store);

#include <filesystem>
#include <string>
#include <string_view>

#include "mos/audio/InstrumentBank.hpp"
#include "mos/audio/SampleStore.hpp"
#include "mos/core/Result.hpp"

namespace mos::audio {

// Thread: control. RT-safe: no.
core::Result<InstrumentBank> loadSfz(const std::filesystem::path& path, SampleStore& store);

// The same from text already in memory; #include and sample paths resolve against `directory`, and
// `name` stands for the file in errors ("piano.sfz:12:5: …"). Thread: control. RT-safe: no.
core::Result<InstrumentBank> readSfz(std::string_view text, const std::filesystem::path& directory,
                                     const std::string& name, SampleStore& store);

}  // namespace mos::audio
