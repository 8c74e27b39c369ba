#include "Sf2Generators.hpp"

#include <limits>

namespace mos::audio::sf2 {
namespace {

using Kind = GeneratorKind;

constexpr std::int16_t kWordMin = std::numeric_limits<std::int16_t>::min();
constexpr std::int16_t kWordMax = std::numeric_limits<std::int16_t>::max();
constexpr std::int16_t kInstant = -12000;    // timecents of a stage that takes no time
constexpr std::int16_t kFullRange = 0x7F00;  // a key or velocity range of 0…127, low byte first

constexpr GeneratorInfo kAddress{Kind::InstrumentOnly, 0, kWordMin, kWordMax};
constexpr GeneratorInfo kUnused{Kind::Unused, 0, 0, 0};
constexpr GeneratorInfo kTerminal{Kind::Terminal, 0, 0, 0};
constexpr GeneratorInfo kRange{Kind::Range, kFullRange, kWordMin, kWordMax};
constexpr GeneratorInfo kModulationDepth{Kind::Summed, 0, -12000, 12000};  // cents
constexpr GeneratorInfo kDelay{Kind::Summed, kInstant, kInstant, 5000};
constexpr GeneratorInfo kHold{Kind::Summed, kInstant, kInstant, 5000};
constexpr GeneratorInfo kRamp{Kind::Summed, kInstant, kInstant, 8000};  // attack, decay, release
constexpr GeneratorInfo kLfoFrequency{Kind::Summed, 0, -16000, 4500};
constexpr GeneratorInfo kKeyScaling{Kind::Summed, 0, -1200, 1200};

// Section 8.1.3, in id order.
constexpr std::array<GeneratorInfo, kGeneratorCount> kGenerators{{
    kAddress,                             // startAddrsOffset
    kAddress,                             // endAddrsOffset
    kAddress,                             // startloopAddrsOffset
    kAddress,                             // endloopAddrsOffset
    kAddress,                             // startAddrsCoarseOffset
    kModulationDepth,                     // modLfoToPitch
    kModulationDepth,                     // vibLfoToPitch
    kModulationDepth,                     // modEnvToPitch
    {Kind::Summed, 13500, 1500, 13500},   // initialFilterFc
    {Kind::Summed, 0, 0, 960},            // initialFilterQ
    kModulationDepth,                     // modLfoToFilterFc
    kModulationDepth,                     // modEnvToFilterFc
    kAddress,                             // endAddrsCoarseOffset
    {Kind::Summed, 0, -960, 960},         // modLfoToVolume
    kUnused,                              // unused1
    {Kind::Summed, 0, 0, 1000},           // chorusEffectsSend
    {Kind::Summed, 0, 0, 1000},           // reverbEffectsSend
    {Kind::Summed, 0, -500, 500},         // pan
    kUnused,                              // unused2
    kUnused,                              // unused3
    kUnused,                              // unused4
    kDelay,                               // delayModLFO
    kLfoFrequency,                        // freqModLFO
    kDelay,                               // delayVibLFO
    kLfoFrequency,                        // freqVibLFO
    kDelay,                               // delayModEnv
    kRamp,                                // attackModEnv
    kHold,                                // holdModEnv
    kRamp,                                // decayModEnv
    {Kind::Summed, 0, 0, 1000},           // sustainModEnv
    kRamp,                                // releaseModEnv
    kKeyScaling,                          // keynumToModEnvHold
    kKeyScaling,                          // keynumToModEnvDecay
    kDelay,                               // delayVolEnv
    kRamp,                                // attackVolEnv
    kHold,                                // holdVolEnv
    kRamp,                                // decayVolEnv
    {Kind::Summed, 0, 0, 1440},           // sustainVolEnv
    kRamp,                                // releaseVolEnv
    kKeyScaling,                          // keynumToVolEnvHold
    kKeyScaling,                          // keynumToVolEnvDecay
    kTerminal,                            // instrument
    kUnused,                              // reserved1
    kRange,                               // keyRange
    kRange,                               // velRange
    kAddress,                             // startloopAddrsCoarseOffset
    {Kind::InstrumentOnly, -1, -1, 127},  // keynum
    {Kind::InstrumentOnly, -1, -1, 127},  // velocity
    {Kind::Summed, 0, 0, 1440},           // initialAttenuation
    kUnused,                              // reserved2
    kAddress,                             // endloopAddrsCoarseOffset
    {Kind::Summed, 0, -120, 120},         // coarseTune
    {Kind::Summed, 0, -99, 99},           // fineTune
    kTerminal,                            // sampleID
    {Kind::InstrumentOnly, 0, 0, 3},      // sampleModes
    kUnused,                              // reserved3
    {Kind::Summed, 100, 0, 1200},         // scaleTuning
    {Kind::InstrumentOnly, 0, 0, 127},    // exclusiveClass
    {Kind::InstrumentOnly, -1, -1, 127},  // overridingRootKey
}};

}  // namespace

const GeneratorInfo& generatorInfo(Generator generator) noexcept {
    return kGenerators[static_cast<std::size_t>(generator)];
}

}  // namespace mos::audio::sf2
