#pragma once

// An SFZ region as its headers describe it, before its sample is loaded: the opcodes set the
// SamplerRegion's fields where a value converts on its own, and note here what can only be settled
// with the sample in hand (loop points and mode default to the file's, end and offset are clamped
// to its length) or needs several opcodes (tune and transpose; cutoff and fil_type).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audio/sampler/SfzWarnings.hpp"
#include "mos/audio/SampleStore.hpp"
#include "mos/audio/SamplerRegion.hpp"
#include "mos/core/Error.hpp"

namespace mos::audio::sfz {

// A pitch wheel bend of two semitones each way, the SFZ default.
constexpr float kDefaultBendCents = 200;

struct RegionDraft {
    SamplerRegion region = defaults();
    core::SourceLocation where{};  // of the <region> header

    std::string samplePath{};  // as written, '/'-separated, with <control> default_path in front
    core::SourceLocation sampleWhere{};
    bool keyCenterFromSample = false;  // pitch_keycenter=sample: the file's base note

    std::optional<LoopMode> loopMode{};
    std::optional<std::uint32_t> loopStart{};
    std::optional<std::uint32_t> loopLast{};  // SFZ loop_end: the loop's last frame, inclusive
    std::optional<std::int64_t> last{};       // SFZ end: the last frame played; -1 silences the region
    std::uint32_t offset = 0;

    float tuneCents = 0;
    float transposeSemitones = 0;
    std::optional<FilterType> filterType{};
    bool hasCutoff = false;
    float bendUpCents = kDefaultBendCents;
    float bendDownCents = -kDefaultBendCents;

    // A region with SFZ's defaults where they differ from SamplerRegion's.
    // Thread: any. RT-safe: no.
    static SamplerRegion defaults();
};

// The region that plays `sample` as `draft` says: offset, end and loop points clamped into the
// sample (with a warning), the loop taken from the file where the SFZ names none, and SFZ's
// standard controllers as modulators. Thread: control. RT-safe: no.
SamplerRegion finishRegion(const RegionDraft& draft, SampleHandle sample, Warnings& warnings);

// What every SFZ region answers to without opcodes saying so: CC 7 volume and CC 11 expression
// (each down to -96 dB on a concave curve, as SoundFonts do), CC 10 pan, and the pitch wheel bending
// by `bendCents` each way. Thread: any. RT-safe: no.
std::vector<Modulator> standardModulators(float bendCents);

}  // namespace mos::audio::sfz
