#pragma once

// The sample files of SFZ regions, read through libsndfile (WAV, FLAC, Ogg Vorbis, AIFF …) into
// float frames, once per file however many regions and instruments play it. A file's instrument
// data (a WAV 'smpl' chunk) gives its base note and its first loop.

#include <filesystem>
#include <string>

#include "audio/sampler/SfzRegionDraft.hpp"
#include "audio/sampler/SfzWarnings.hpp"
#include "mos/audio/SampleStore.hpp"
#include "mos/core/Result.hpp"

namespace mos::audio::sfz {

// The sample of `draft`, its path read relative to `directory` (the SFZ file's folder) and stored
// in `store` under the absolute, normalized path. A null handle, after a warning, for a region with
// nothing to play: no sample opcode, or a built-in sound other than *silence. An error naming the
// SFZ file, line and sample path when the file is missing or unreadable. Thread: control. RT-safe: no.
core::Result<SampleHandle> loadSample(const RegionDraft& draft, const std::filesystem::path& directory,
                                      SampleStore& store, Warnings& warnings);

// Decodes one audio file, mono or stereo, into a Sample called `name`. NotFound when it does not
// exist, ParseError when libsndfile cannot read it, Unsupported for more than two channels; the
// messages say what is wrong, not where. Thread: control. RT-safe: no.
core::Result<Sample> decodeSampleFile(const std::filesystem::path& file, const std::string& name);

}  // namespace mos::audio::sfz
