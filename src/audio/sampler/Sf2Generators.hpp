#pragma once

// SoundFont 2.04 generators (section 8.1): their ids, how each combines across the preset and
// instrument levels, their defaults and legal ranges, and the unit conversions from the file's
// timecents, centibels and absolute cents into the seconds, decibels and hertz of SamplerRegion.

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace mos::audio::sf2 {

enum class Generator : std::uint8_t {
    StartAddrsOffset,
    EndAddrsOffset,
    StartloopAddrsOffset,
    EndloopAddrsOffset,
    StartAddrsCoarseOffset,
    ModLfoToPitch,
    VibLfoToPitch,
    ModEnvToPitch,
    InitialFilterFc,
    InitialFilterQ,
    ModLfoToFilterFc,
    ModEnvToFilterFc,
    EndAddrsCoarseOffset,
    ModLfoToVolume,
    Unused1,
    ChorusEffectsSend,
    ReverbEffectsSend,
    Pan,
    Unused2,
    Unused3,
    Unused4,
    DelayModLfo,
    FreqModLfo,
    DelayVibLfo,
    FreqVibLfo,
    DelayModEnv,
    AttackModEnv,
    HoldModEnv,
    DecayModEnv,
    SustainModEnv,
    ReleaseModEnv,
    KeynumToModEnvHold,
    KeynumToModEnvDecay,
    DelayVolEnv,
    AttackVolEnv,
    HoldVolEnv,
    DecayVolEnv,
    SustainVolEnv,
    ReleaseVolEnv,
    KeynumToVolEnvHold,
    KeynumToVolEnvDecay,
    Instrument,
    Reserved1,
    KeyRange,
    VelRange,
    StartloopAddrsCoarseOffset,
    Keynum,
    Velocity,
    InitialAttenuation,
    Reserved2,
    EndloopAddrsCoarseOffset,
    CoarseTune,
    FineTune,
    SampleId,
    SampleModes,
    Reserved3,
    ScaleTuning,
    ExclusiveClass,
    OverridingRootKey,
};

inline constexpr std::size_t kGeneratorCount = static_cast<std::size_t>(Generator::OverridingRootKey) + 1;

// How a generator takes part in the layering of section 9.4.
enum class GeneratorKind : std::uint8_t {
    Summed,          // instrument value (or default) plus the preset's offset
    InstrumentOnly,  // sample addresses, modes, root key…: ignored in preset zones
    Range,           // key and velocity ranges: the preset's and instrument's are intersected
    Terminal,        // instrument (preset zones) and sampleID (instrument zones) end a zone
    Unused,          // reserved and unused ids: ignored
};

struct GeneratorInfo {
    GeneratorKind kind = GeneratorKind::Unused;
    std::int16_t defaultValue = 0;
    // The legal range of the summed value; players clamp to it (section 8.1.3's table).
    std::int16_t minimum = 0;
    std::int16_t maximum = 0;
};

// Thread: any. RT-safe: yes.
const GeneratorInfo& generatorInfo(Generator generator) noexcept;

// The generators one zone sets, by id. Range generators keep their two bytes in one word.
class GeneratorSet {
public:
    bool has(Generator generator) const noexcept { return (present_ & bit(generator)) != 0; }
    std::int16_t operator[](Generator generator) const noexcept { return values_[index(generator)]; }
    void set(Generator generator, std::int16_t value) noexcept {
        values_[index(generator)] = value;
        present_ |= bit(generator);
    }

private:
    static std::size_t index(Generator generator) noexcept { return static_cast<std::size_t>(generator); }
    static std::uint64_t bit(Generator generator) noexcept { return std::uint64_t{1} << index(generator); }

    std::array<std::int16_t, kGeneratorCount> values_{};
    std::uint64_t present_ = 0;
};

// Timecents to seconds, 2^(tc/1200); the standard's "-12000 or less" means an instant stage.
inline float timecentsToSeconds(int timecents) noexcept {
    constexpr int kInstant = -12000;
    return timecents <= kInstant ? 0.0F : std::exp2(static_cast<float>(timecents) / 1200.0F);
}

// An attenuation in centibels to a linear amplitude: 10^(-cB/200).
inline float centibelsToAmplitude(int centibels) noexcept {
    return std::pow(10.0F, -static_cast<float>(centibels) / 200.0F);
}

// Absolute cents (cents above 8.176 Hz, MIDI key 0) to hertz.
inline float absoluteCentsToHertz(int cents) noexcept {
    constexpr float kKeyZeroHertz = 8.176F;
    return kKeyZeroHertz * std::exp2(static_cast<float>(cents) / 1200.0F);
}

}  // namespace mos::audio::sf2
