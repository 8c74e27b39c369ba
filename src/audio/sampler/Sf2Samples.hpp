#pragma once

// The samples of a SoundFont: each sample header becomes its own Sample in the SampleStore, under
// the key "<file>#<index>", decoded the first time a zone uses it — 16-bit PCM, 24-bit when the
// 'sm24' chunk is there, or Ogg Vorbis for SF3 — as float frames in -1…1. Headers no player can use
// (ROM samples, addresses outside the sample data, undecodable streams) are reported once and
// their zones skipped.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Sf2Hydra.hpp"
#include "Sf2Warnings.hpp"
#include "mos/audio/SampleStore.hpp"

namespace mos::audio::sf2 {

// The sample data of 'sdta': 'smpl' and, when the file has one that fits, 'sm24'.
struct SampleData {
    Bytes smpl{};
    Bytes sm24{};  // empty when absent or ignored
};

class SampleDecoder {
public:
    SampleDecoder(const std::vector<SampleHeader>& headers, SampleData data, std::string fileName, SampleStore& store,
                  WarningLog& warnings);

    // The sample of header `index`, or null when it cannot be played (the reason is in the
    // warnings). Thread: control. RT-safe: no.
    SampleHandle sample(std::size_t index);

    // Decodes every sample on all cores at once, so that sample() later finds each one ready: for a
    // load of the whole font, where decoding an SF3's Vorbis streams takes most of the time.
    // Headers with anything to report, and samples that fail, are left to sample(), which
    // reports them if a zone uses them. Thread: control. RT-safe: no.
    void decodeAll();

    // The header's loop in frames from the start of its Sample (negative or past the end when the
    // header is odd). Thread: any. RT-safe: yes.
    static std::int64_t relativeLoopStart(const SampleHeader& header) noexcept;
    static std::int64_t relativeLoopEnd(const SampleHeader& header) noexcept;

private:
    bool usable(const SampleHeader& header);
    // Usable with nothing to warn of. Thread: any. RT-safe: yes.
    bool flawless(const SampleHeader& header) const noexcept;
    // One past the last address a header may name in 'smpl'. Thread: any. RT-safe: yes.
    std::size_t addressLimit(const SampleHeader& header) const noexcept;
    std::string keyOf(std::size_t index) const { return fileName_ + "#" + std::to_string(index); }
    core::Result<Sample> decode(const SampleHeader& header) const;

    const std::vector<SampleHeader>& headers_;
    SampleData data_;
    std::string fileName_;
    SampleStore& store_;
    WarningLog& warnings_;
    std::vector<std::optional<SampleHandle>> decided_;  // per header: not yet looked at, or its answer
};

}  // namespace mos::audio::sf2
