#pragma once

// General MIDI Level 1 instrument names, for parts whose file names no instrument.

#include <cstdint>
#include <string_view>

namespace mos::formats::midi {

// The GM name of a 0-based program ("Acoustic Grand Piano" for 0); programs above 127 wrap.
// Thread: any. RT-safe: yes.
std::string_view generalMidiProgramName(std::uint8_t program) noexcept;

// What a part on the GM drum channel is called.
inline constexpr std::string_view kPercussionName = "Percussion";

}  // namespace mos::formats::midi
