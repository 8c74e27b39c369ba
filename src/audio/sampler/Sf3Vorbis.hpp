#pragma once

// Ogg Vorbis decoding for SF3 samples: each compressed sample is a complete mono Ogg stream inside
// the 'smpl' chunk, decoded at load through libvorbisfile reading straight from the file's bytes.

#include <cstddef>
#include <vector>

#include "Sf2Riff.hpp"
#include "mos/core/Result.hpp"

namespace mos::audio::sf2 {

// The stream's frames as floats in -1…1. The vector has room for `spareFrames` more, so the
// sample's guard frames can be appended without copying it. The error (no location) says why a
// stream does not decode. Thread: any. RT-safe: no.
core::Result<std::vector<float>> decodeVorbisMono(Bytes ogg, std::size_t spareFrames);

}  // namespace mos::audio::sf2
