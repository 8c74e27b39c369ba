#pragma once

// Evaluates a region's modulators for one note on one channel: what the controllers, the wheel and
// the note's key and velocity add to the region's pitch, level, pan, filter, LFO and envelope
// depths and sends. Voices call it when they start and again whenever their channel's controllers
// change. The source curves are those of the SoundFont 2.04 specification (section 8.2), which
// SFZ regions reuse for their controllers.

#include <cstdint>

#include "audio/sampler/SamplerChannel.hpp"
#include "mos/audio/SamplerRegion.hpp"

namespace mos::audio::sampler {

// A region's parameters as one note hears them now: the region's values plus every modulator.
struct ModulatedParameters {
    float attenuationDb = 0;
    float pan = 0;  // -1 … +1
    float pitchCents = 0;
    float filterCutoffCents = 0;
    float filterResonanceDb = 0;
    float vibLfoToPitchCents = 0;
    float modLfoToPitchCents = 0;
    float modLfoToFilterCents = 0;
    float modLfoToVolumeDb = 0;
    float modEnvToPitchCents = 0;
    float modEnvToFilterCents = 0;
    float reverbSend = 0;
    float chorusSend = 0;
};

// A source's value through its curve: 0…1 when unipolar, -1…1 when bipolar; Kind::None is 1.
// Thread: audio. RT-safe: yes.
float modulatorSourceValue(const ModulatorSource& source, const SamplerChannel& channel, std::uint8_t key,
                           std::uint8_t velocity) noexcept;

// The region's parameters for a note of `key` and `velocity` with the channel as it is now; the
// pitch is the note's offset from the sample's recorded pitch in cents, key tracking and tuning
// included. Thread: audio. RT-safe: yes.
ModulatedParameters modulate(const SamplerRegion& region, const SamplerChannel& channel, std::uint8_t key,
                             std::uint8_t velocity) noexcept;

}  // namespace mos::audio::sampler
