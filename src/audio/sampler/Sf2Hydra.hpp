#pragma once

// The 'pdta' list ("the hydra", SoundFont 2.04 section 7): preset, instrument and sample headers and
// the zone records between them, read into plain arrays and checked as the standard requires — each
// sub-chunk a whole number of records ending in a terminal one, every index in range and never
// going backwards — so the layers above can index them without checking again.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "Sf2Riff.hpp"
#include "mos/core/Result.hpp"

namespace mos::audio::sf2 {

// One generator of a zone (section 7.5): its id and its two-byte amount, which a range generator
// reads as two bytes and every other as a signed or unsigned word.
struct GeneratorRecord {
    std::uint16_t id = 0;
    std::uint16_t amount = 0;

    std::int16_t signedAmount() const noexcept { return static_cast<std::int16_t>(amount); }
    std::uint8_t low() const noexcept { return static_cast<std::uint8_t>(amount & 0xFFU); }
    std::uint8_t high() const noexcept { return static_cast<std::uint8_t>(amount >> 8U); }
};

// One modulator (section 7.4), the amount widened so that preset and instrument amounts can be
// summed without overflow.
struct ModulatorRecord {
    std::uint16_t source = 0;
    std::uint16_t destination = 0;
    std::int32_t amount = 0;
    std::uint16_t amountSource = 0;
    std::uint16_t transform = 0;

    // Section 9.5.1: modulators are identical when all but their amounts match.
    bool identicalTo(const ModulatorRecord& other) const noexcept {
        return source == other.source && destination == other.destination && amountSource == other.amountSource &&
               transform == other.transform;
    }
};

// A zone's slice of its level's generator and modulator arrays.
struct Zone {
    std::span<const GeneratorRecord> generators{};
    std::span<const ModulatorRecord> modulators{};
    std::size_t byteOffset = 0;  // of its bag record, for warnings
};

// The zones of the presets or of the instruments: bag records and the arrays they index.
struct ZoneTable {
    std::vector<std::size_t> bagOffsets{};  // byte offset of each bag record, terminal included
    std::vector<std::uint16_t> firstGenerator{};
    std::vector<std::uint16_t> firstModulator{};
    std::vector<GeneratorRecord> generators{};
    std::vector<ModulatorRecord> modulators{};

    // Zone `index` (< number of bags - 1). Thread: any. RT-safe: yes.
    Zone zone(std::size_t index) const noexcept;
};

struct PresetHeader {
    std::string name{};
    std::uint16_t program = 0;
    std::uint16_t bank = 0;
    std::uint16_t firstZone = 0;
    std::uint16_t endZone = 0;  // one past its last zone
};

struct InstrumentHeader {
    std::string name{};
    std::uint16_t firstZone = 0;
    std::uint16_t endZone = 0;
};

// Sample types (section 7.10), with the SF3 flag for Ogg Vorbis data.
inline constexpr std::uint16_t kSampleRom = 0x8000;
inline constexpr std::uint16_t kSampleVorbis = 0x10;

struct SampleHeader {
    std::string name{};
    // For 16/24-bit samples: frames from the start of 'smpl', end and loop end exclusive. For
    // Vorbis samples (SF3): start and end are byte offsets of the Ogg stream in 'smpl', and the
    // loop points are frames from the start of the decoded sample.
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::uint32_t loopStart = 0;
    std::uint32_t loopEnd = 0;
    std::uint32_t sampleRate = 0;
    std::uint8_t originalPitch = 60;
    std::int8_t pitchCorrection = 0;
    std::uint16_t type = 0;
    std::size_t byteOffset = 0;  // of its record

    bool compressed() const noexcept { return (type & kSampleVorbis) != 0; }
    bool inRom() const noexcept { return (type & kSampleRom) != 0; }
};

struct Hydra {
    std::vector<PresetHeader> presets{};  // terminal records left out
    std::vector<InstrumentHeader> instruments{};
    std::vector<SampleHeader> samples{};
    ZoneTable presetZones{};
    ZoneTable instrumentZones{};
};

// Reads and checks the nine sub-chunks of 'pdta'. Thread: any. RT-safe: no.
core::Result<Hydra> readHydra(Bytes file, const Chunk& pdta, const FileErrors& errors);

}  // namespace mos::audio::sf2
