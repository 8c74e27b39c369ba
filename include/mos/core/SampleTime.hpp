#pragma once

// Audio time: absolute sample frames, offsets inside one block, and the sample rate.

#include <cstdint>

#include "mos/core/StrongCount.hpp"

namespace mos::core {

// Absolute position in sample frames since the stream (or render) started.
using SampleTime = StrongCount<struct SampleTimeTag>;

// A frame inside the current audio block: 0 <= offset < block size.
using FrameOffset = StrongCount<struct FrameOffsetTag, std::uint32_t>;

// Frames per second of an audio stream, e.g. SampleRate{48000}.
using SampleRate = StrongCount<struct SampleRateTag, std::uint32_t>;

}  // namespace mos::core
