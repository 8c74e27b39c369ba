#include "audio/sampler/Modulation.hpp"

#include <algorithm>
#include <cmath>

namespace mos::audio::sampler {

namespace {

// SF2 2.04, section 8.2.1: the concave curve is 40·log10 of the remaining range, scaled so that it
// reaches 1 at full scale: the attenuation a velocity or a fader implies, heard as linear loudness.
// Below 1/960 of the range it is clamped, where the curve would fall past -96 dB.
float concave(float x) noexcept {
    constexpr float kFloor = 1.0F / 960.0F;
    const float rest = 1.0F - x;
    if (rest <= kFloor) return 1.0F;
    return std::clamp(-(40.0F / 96.0F) * std::log10(rest), 0.0F, 1.0F);
}

float convex(float x) noexcept { return 1.0F - concave(1.0F - x); }

float shape(ModulatorSource::Curve curve, float x) noexcept {
    switch (curve) {
        case ModulatorSource::Curve::Linear:
            return x;
        case ModulatorSource::Curve::Concave:
            return concave(x);
        case ModulatorSource::Curve::Convex:
            return convex(x);
        case ModulatorSource::Curve::Switch:
            return x >= 0.5F ? 1.0F : 0.0F;
    }
    return x;
}

// The raw value of a source as a fraction of its range, 0…1.
float rawFraction(const ModulatorSource& source, const SamplerChannel& channel, std::uint8_t key,
                  std::uint8_t velocity) noexcept {
    switch (source.kind) {
        case ModulatorSource::Kind::None:
            return 1.0F;
        case ModulatorSource::Kind::Controller:
            return static_cast<float>(channel.controller(source.controller)) / 127.0F;
        case ModulatorSource::Kind::NoteOnVelocity:
            return static_cast<float>(velocity) / 127.0F;
        case ModulatorSource::Kind::NoteOnKey:
            return static_cast<float>(key) / 127.0F;
        case ModulatorSource::Kind::PolyPressure:
            return 0.0F;  // no polyphonic aftertouch reaches the engine
        case ModulatorSource::Kind::ChannelPressure:
            return static_cast<float>(channel.channelPressure()) / 127.0F;
        case ModulatorSource::Kind::PitchWheel:
            return static_cast<float>(channel.pitchWheel()) / 16384.0F;
        case ModulatorSource::Kind::PitchWheelSensitivity:
            return channel.pitchWheelRangeSemitones() / 127.0F;
    }
    return 0.0F;
}

}  // namespace

float modulatorSourceValue(const ModulatorSource& source, const SamplerChannel& channel, std::uint8_t key,
                           std::uint8_t velocity) noexcept {
    if (source.kind == ModulatorSource::Kind::None) return 1.0F;
    float x = rawFraction(source, channel, key, velocity);
    if (source.negative) x = 1.0F - x;
    if (!source.bipolar) return shape(source.curve, x);
    // Bipolar: the curve runs outwards from the centre in both directions (section 8.2.2).
    return x >= 0.5F ? shape(source.curve, 2.0F * x - 1.0F) : -shape(source.curve, 1.0F - 2.0F * x);
}

ModulatedParameters modulate(const SamplerRegion& region, const SamplerChannel& channel, std::uint8_t key,
                             std::uint8_t velocity) noexcept {
    ModulatedParameters p{
        .attenuationDb = region.attenuationDb,
        .pan = region.pan,
        .pitchCents =
            static_cast<float>(static_cast<int>(key) - static_cast<int>(region.rootKey)) * region.keyTrackCents +
            region.tuneCents,
        .filterCutoffCents = region.filterCutoffCents,
        .filterResonanceDb = region.filterResonanceDb,
        .vibLfoToPitchCents = region.vibratoLfo.toPitchCents,
        .modLfoToPitchCents = region.modulationLfo.toPitchCents,
        .modLfoToFilterCents = region.modulationLfo.toFilterCents,
        .modLfoToVolumeDb = region.modulationLfo.toVolumeDb,
        .modEnvToPitchCents = region.modEnvToPitchCents,
        .modEnvToFilterCents = region.modEnvToFilterCents,
        .reverbSend = region.reverbSend,
        .chorusSend = region.chorusSend,
    };
    for (const Modulator& modulator : region.modulators) {
        float value = modulatorSourceValue(modulator.primary, channel, key, velocity) *
                      modulatorSourceValue(modulator.amountSource, channel, key, velocity) * modulator.amount;
        if (modulator.absolute) value = std::abs(value);
        switch (modulator.target) {
            case ModulatorTarget::AttenuationDb:
                p.attenuationDb += value;
                break;
            case ModulatorTarget::PanUnits:
                p.pan += value;
                break;
            case ModulatorTarget::PitchCents:
                p.pitchCents += value;
                break;
            case ModulatorTarget::FilterCutoffCents:
                p.filterCutoffCents += value;
                break;
            case ModulatorTarget::FilterResonanceDb:
                p.filterResonanceDb += value;
                break;
            case ModulatorTarget::VibLfoToPitchCents:
                p.vibLfoToPitchCents += value;
                break;
            case ModulatorTarget::ModLfoToPitchCents:
                p.modLfoToPitchCents += value;
                break;
            case ModulatorTarget::ModLfoToFilterCents:
                p.modLfoToFilterCents += value;
                break;
            case ModulatorTarget::ModLfoToVolumeDb:
                p.modLfoToVolumeDb += value;
                break;
            case ModulatorTarget::ModEnvToPitchCents:
                p.modEnvToPitchCents += value;
                break;
            case ModulatorTarget::ModEnvToFilterCents:
                p.modEnvToFilterCents += value;
                break;
            case ModulatorTarget::ReverbSend:
                p.reverbSend += value;
                break;
            case ModulatorTarget::ChorusSend:
                p.chorusSend += value;
                break;
        }
    }
    // The ranges SF2 gives the generators (section 8.1.3): attenuation up to 144 dB, pan ±50 %,
    // sends 0…100 %, cutoff 1500…13500 cents, resonance 0…96 dB. SFZ may boost by up to 6 dB
    // (volume=6); more is not allowed by either.
    p.attenuationDb = std::clamp(p.attenuationDb, -6.0F, 144.0F);
    p.pan = std::clamp(p.pan, -1.0F, 1.0F);
    p.reverbSend = std::clamp(p.reverbSend, 0.0F, 1.0F);
    p.chorusSend = std::clamp(p.chorusSend, 0.0F, 1.0F);
    p.filterCutoffCents = std::clamp(p.filterCutoffCents, 1500.0F, 13500.0F);
    p.filterResonanceDb = std::clamp(p.filterResonanceDb, 0.0F, 96.0F);
    return p;
}

}  // namespace mos::audio::sampler
