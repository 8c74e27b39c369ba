#pragma once

// The SFZ header hierarchy, which turns a file's statements into its regions. <global>, <master>
// and <group> hold opcodes that every <region> below them inherits, the nearer header overriding
// the farther; <control> sets default_path, note_offset and octave_offset for the opcodes after it.
// A new <global> forgets the <master> and <group> before it, a new <master> the <group>.
// The headers the sampler has no use for (<curve>, <effect>, <midi>, <sample> …) are skipped with
// their opcodes, each name warned once.
//
//   <global> volume=-6 <group> lovel=1 hivel=64 <region> sample=p.wav <region> sample=f.wav volume=0
//     → two regions of velocities 1…64: p.wav at -6 dB, f.wav at 0 dB

#include <vector>

#include "audio/sampler/SfzParser.hpp"
#include "audio/sampler/SfzRegionDraft.hpp"
#include "audio/sampler/SfzWarnings.hpp"
#include "mos/core/Result.hpp"

namespace mos::audio::sfz {

// The regions of `statements`, in order. ParseError for a malformed opcode value.
// Thread: control. RT-safe: no.
core::Result<std::vector<RegionDraft>> collectRegions(const std::vector<Statement>& statements, Warnings& warnings);

}  // namespace mos::audio::sfz
