#include "Sf2Modulators.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

#include "Sf2Generators.hpp"

namespace mos::audio::sf2 {
namespace {

// Section 8.2.1: a source word holds the controller index (bits 0–6), the CC flag (7), the
// direction (8), the polarity (9) and the curve type (10–15).
constexpr std::uint16_t kIndexMask = 0x7F;
constexpr std::uint16_t kControllerFlag = 0x80;
constexpr std::uint16_t kNegativeFlag = 0x100;
constexpr std::uint16_t kBipolarFlag = 0x200;
constexpr unsigned kCurveShift = 10;
constexpr std::uint16_t kLinkSource = 127;
constexpr std::uint16_t kLinkDestination = 0x8000;
constexpr std::uint16_t kLinearTransform = 0;
constexpr std::uint16_t kAbsoluteTransform = 2;

// Source words of the defaults.
constexpr std::uint16_t kNoController = 0x0000;
constexpr std::uint16_t kVelocityConcaveNegative = 0x0502;
constexpr std::uint16_t kVelocityLinearNegative = 0x0102;
constexpr std::uint16_t kChannelPressure = 0x000D;
constexpr std::uint16_t kModWheel = 0x0081;
constexpr std::uint16_t kVolumeConcaveNegative = 0x0587;
constexpr std::uint16_t kPanBipolar = 0x028A;
constexpr std::uint16_t kExpressionConcaveNegative = 0x058B;
constexpr std::uint16_t kReverbDepth = 0x00DB;
constexpr std::uint16_t kChorusDepth = 0x00DD;
constexpr std::uint16_t kPitchWheelBipolar = 0x020E;
constexpr std::uint16_t kPitchWheelSensitivity = 0x0010;

// Section 8.4.10 sends the pitch wheel to "initial pitch", which is no generator. Generator 59 is
// unused by the standard, so it stands for the note's pitch here, as it does in FluidSynth.
constexpr std::uint16_t kInitialPitch = 59;

constexpr auto destination(Generator generator) { return static_cast<std::uint16_t>(generator); }

// Section 8.4, 2.04 edition: the velocity-to-filter modulator is linear with no amount source (2.01
// gated it with a velocity switch, which 2.04 dropped).
constexpr std::array<ModulatorRecord, 10> kDefaults{{
    {kVelocityConcaveNegative, destination(Generator::InitialAttenuation), 960, kNoController, kLinearTransform},
    {kVelocityLinearNegative, destination(Generator::InitialFilterFc), -2400, kNoController, kLinearTransform},
    {kChannelPressure, destination(Generator::VibLfoToPitch), 50, kNoController, kLinearTransform},
    {kModWheel, destination(Generator::VibLfoToPitch), 50, kNoController, kLinearTransform},
    {kVolumeConcaveNegative, destination(Generator::InitialAttenuation), 960, kNoController, kLinearTransform},
    // The standard lists 1000 tenths of a percent, but a bipolar source swinging ±1 would then pan
    // twice as far as pan's own ±500 range (CC 10 at 96 would already be hard right). 500 makes
    // the controller's travel cover the pan range exactly, as FluidSynth and the fonts tuned on it do.
    {kPanBipolar, destination(Generator::Pan), 500, kNoController, kLinearTransform},
    {kExpressionConcaveNegative, destination(Generator::InitialAttenuation), 960, kNoController, kLinearTransform},
    {kReverbDepth, destination(Generator::ReverbEffectsSend), 200, kNoController, kLinearTransform},
    {kChorusDepth, destination(Generator::ChorusEffectsSend), 200, kNoController, kLinearTransform},
    {kPitchWheelBipolar, kInitialPitch, 12700, kPitchWheelSensitivity, kLinearTransform},
}};

std::string hex16(std::uint16_t value) {
    std::array<char, 7> text{};
    std::snprintf(text.data(), text.size(), "0x%04X", value);
    return text.data();
}

// Section 8.2.1: CC 0 (bank select), 6 (data entry), 32–63 (the LSBs), 98–101 (NRPN/RPN) and
// 120–127 (channel mode messages) may not be modulator sources.
bool validControllerSource(std::uint16_t controller) noexcept {
    constexpr std::uint16_t kFirstLsb = 32;
    constexpr std::uint16_t kLastLsb = 63;
    constexpr std::uint16_t kFirstParameterNumber = 98;
    constexpr std::uint16_t kLastParameterNumber = 101;
    constexpr std::uint16_t kFirstChannelMode = 120;
    return controller != 0 && controller != 6 && (controller < kFirstLsb || controller > kLastLsb) &&
           (controller < kFirstParameterNumber || controller > kLastParameterNumber) && controller < kFirstChannelMode;
}

std::optional<ModulatorSource> convertSource(std::uint16_t word) {
    const unsigned curve = static_cast<unsigned>(word) >> kCurveShift;
    if (curve > static_cast<unsigned>(ModulatorSource::Curve::Switch)) return std::nullopt;
    ModulatorSource source;
    source.curve = static_cast<ModulatorSource::Curve>(curve);
    source.bipolar = (word & kBipolarFlag) != 0;
    source.negative = (word & kNegativeFlag) != 0;
    const auto index = static_cast<std::uint16_t>(word & kIndexMask);
    if ((word & kControllerFlag) != 0) {
        if (!validControllerSource(index)) return std::nullopt;
        source.kind = ModulatorSource::Kind::Controller;
        source.controller = static_cast<std::uint8_t>(index);
        return source;
    }
    using Kind = ModulatorSource::Kind;
    switch (index) {
        case 0:
            source.kind = Kind::None;
            break;
        case 2:
            source.kind = Kind::NoteOnVelocity;
            break;
        case 3:
            source.kind = Kind::NoteOnKey;
            break;
        case 10:
            source.kind = Kind::PolyPressure;
            break;
        case 13:
            source.kind = Kind::ChannelPressure;
            break;
        case 14:
            source.kind = Kind::PitchWheel;
            break;
        case 16:
            source.kind = Kind::PitchWheelSensitivity;
            break;
        default:
            return std::nullopt;
    }
    return source;
}

struct TargetUnit {
    ModulatorTarget target;
    float perFileUnit;  // target units per unit of the generator
};

// Where a destination generator lands in the model and how its unit converts. Attenuation is
// plain centibels here: the 0.4 factor EMU hardware applies is for the initialAttenuation
// generator only, not for modulator amounts.
std::optional<TargetUnit> targetOf(std::uint16_t generator) {
    using Target = ModulatorTarget;
    constexpr float kCentibelsToDecibels = 0.1F;
    constexpr float kPanTenthsPercentToUnits = 1.0F / 500.0F;
    constexpr float kSendTenthsPercentToFraction = 1.0F / 1000.0F;
    constexpr float kSemitoneCents = 100.0F;
    if (generator == kInitialPitch) return TargetUnit{Target::PitchCents, 1.0F};
    if (generator >= kGeneratorCount) return std::nullopt;
    switch (static_cast<Generator>(generator)) {
        case Generator::ModLfoToPitch:
            return TargetUnit{Target::ModLfoToPitchCents, 1.0F};
        case Generator::VibLfoToPitch:
            return TargetUnit{Target::VibLfoToPitchCents, 1.0F};
        case Generator::ModEnvToPitch:
            return TargetUnit{Target::ModEnvToPitchCents, 1.0F};
        case Generator::InitialFilterFc:
            return TargetUnit{Target::FilterCutoffCents, 1.0F};
        case Generator::InitialFilterQ:
            return TargetUnit{Target::FilterResonanceDb, kCentibelsToDecibels};
        case Generator::ModLfoToFilterFc:
            return TargetUnit{Target::ModLfoToFilterCents, 1.0F};
        case Generator::ModEnvToFilterFc:
            return TargetUnit{Target::ModEnvToFilterCents, 1.0F};
        case Generator::ModLfoToVolume:
            return TargetUnit{Target::ModLfoToVolumeDb, kCentibelsToDecibels};
        case Generator::ChorusEffectsSend:
            return TargetUnit{Target::ChorusSend, kSendTenthsPercentToFraction};
        case Generator::ReverbEffectsSend:
            return TargetUnit{Target::ReverbSend, kSendTenthsPercentToFraction};
        case Generator::Pan:
            return TargetUnit{Target::PanUnits, kPanTenthsPercentToUnits};
        case Generator::InitialAttenuation:
            return TargetUnit{Target::AttenuationDb, kCentibelsToDecibels};
        case Generator::CoarseTune:
            return TargetUnit{Target::PitchCents, kSemitoneCents};
        case Generator::FineTune:
            return TargetUnit{Target::PitchCents, 1.0F};
        default:
            return std::nullopt;
    }
}

}  // namespace

std::span<const ModulatorRecord> defaultModulators() noexcept { return kDefaults; }

void overrideModulators(std::vector<ModulatorRecord>& list, std::span<const ModulatorRecord> overriding) {
    for (const ModulatorRecord& modulator : overriding) {
        const auto same = std::find_if(list.begin(), list.end(),
                                       [&](const ModulatorRecord& old) { return old.identicalTo(modulator); });
        if (same != list.end()) {
            *same = modulator;
        } else {
            list.push_back(modulator);
        }
    }
}

void addModulators(std::vector<ModulatorRecord>& list, std::span<const ModulatorRecord> adding) {
    for (const ModulatorRecord& modulator : adding) {
        const auto same = std::find_if(list.begin(), list.end(),
                                       [&](const ModulatorRecord& old) { return old.identicalTo(modulator); });
        if (same != list.end()) {
            same->amount += modulator.amount;
        } else {
            list.push_back(modulator);
        }
    }
}

std::optional<Modulator> convertModulator(const ModulatorRecord& record, const std::string& where,
                                          WarningLog& warnings) {
    const bool linked = (record.destination & kLinkDestination) != 0 ||
                        ((record.source & kControllerFlag) == 0 && (record.source & kIndexMask) == kLinkSource);
    const auto primary = convertSource(record.source);
    const auto amountSource = convertSource(record.amountSource);
    const bool knownTransform = record.transform == kLinearTransform || record.transform == kAbsoluteTransform;
    if (linked || !primary || !amountSource || !knownTransform) {
        warnings.add(Warning::UnsupportedModulator,
                     where + ": a modulator with source " + hex16(record.source) + ", amount source " +
                         hex16(record.amountSource) + ", destination " + std::to_string(record.destination) +
                         " and transform " + std::to_string(record.transform) +
                         (linked ? " is linked, which is not supported; dropped" : " is not supported; dropped"));
        return std::nullopt;
    }
    const auto target = targetOf(record.destination);
    if (!target) {
        warnings.add(Warning::ModulatorDestination, where + ": a modulator on generator " +
                                                        std::to_string(record.destination) +
                                                        ", which the sampler does not modulate, was dropped");
        return std::nullopt;
    }
    return Modulator{*primary, *amountSource, target->target, static_cast<float>(record.amount) * target->perFileUnit,
                     record.transform == kAbsoluteTransform};
}

}  // namespace mos::audio::sf2
