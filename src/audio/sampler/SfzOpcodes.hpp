#pragma once

// What each opcode the sampler plays means, in SamplerRegion's units: an opcode's value is checked
// and converted where it is written, and becomes a Setting that every region under that header
// applies in turn (a <region>'s after its <group>'s, after its <master>'s, after its <global>'s, so
// the nearer header wins).
//
//   volume=-6        → attenuationDb 6            pan=-50        → pan -0.5
//   amp_veltrack=40  → velocityTrack 0.4          cutoff=1000    → 8321 absolute cents
//   lokey=c#4        → loKey 61                   loop_end=999   → loop end 1000 (exclusive)
//
// A value that is no number, key or known word is an error at its line and column. A number out of
// the opcode's range is clamped, with one warning per opcode. An opcode the sampler does not play
// gives one warning per name and is otherwise ignored, as SFZ players do.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "audio/sampler/SfzParser.hpp"
#include "audio/sampler/SfzRegionDraft.hpp"
#include "audio/sampler/SfzWarnings.hpp"
#include "mos/core/Result.hpp"

namespace mos::audio::sfz {

// What the <control> headers so far set for the opcodes after them.
struct ControlState {
    std::string defaultPath{};  // '/'-separated; sample paths are read relative to it
    std::int64_t noteOffset = 0;
    std::int64_t octaveOffset = 0;

    // Added to every key an opcode names (note_offset + 12·octave_offset).
    std::int64_t keyOffset() const noexcept { return noteOffset + 12 * octaveOffset; }
};

using Setting = std::function<void(RegionDraft&)>;

// The setting for an opcode under <global>, <master>, <group> or <region>; nullopt for one the
// sampler does not play (warned once). ParseError for a malformed value.
// Thread: control. RT-safe: no.
core::Result<std::optional<Setting>> regionSetting(const Opcode& opcode, const ControlState& control,
                                                   Warnings& warnings);

// Applies an opcode under <control> (default_path, note_offset, octave_offset); any other is
// warned once and ignored. ParseError for a malformed value. Thread: control. RT-safe: no.
core::Result<void> applyControl(const Opcode& opcode, ControlState& control, Warnings& warnings);

}  // namespace mos::audio::sfz
