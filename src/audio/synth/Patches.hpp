#pragma once

// The fallback synth's sounds as plain data: one patch per General MIDI program family (pianos,
// chromatic percussion, organs, guitars, basses …) and one per drum of the GM percussion key map.
// A patch has a pitched part (a wavetable through a low-pass filter) and a noise part (filtered
// white noise), each with its own envelope; Voice plays it.

#include <cstdint>

#include "audio/synth/Wavetables.hpp"

namespace mos::audio::synth {

enum class NoiseFilter : std::uint8_t { LowPass, BandPass, HighPass };

struct TonePart {
    float level = 0.0F;  // 0: the patch has no pitched part
    Waveform waveform = Waveform::Sine;
    float fixedHz = 0.0F;           // a drum's pitch; 0: the key's equal-tempered pitch, A4 = 440 Hz
    float detuneCents = 0.0F;       // > 0: a second oscillator this much sharp, for an ensemble's width
    float pitchDropRatio = 1.0F;    // the pitch starts this many times higher and falls to its own
    float pitchDropSeconds = 0.0F;  // time constant of that fall
    // Tone colour: the low-pass cutoff in multiples of the pitch, from cutoffSoft for the softest
    // notes to cutoffLoud at velocity 127, plus a brighter onset that grows with velocity and fades
    // over sweepSeconds (time constant).
    float cutoffSoft = 4.0F;
    float cutoffLoud = 8.0F;
    float sweepHarmonics = 0.0F;
    float sweepSeconds = 0.1F;
    float resonance = 0.707F;
};

struct EnvelopeTimes {
    float attackSeconds = 0.002F;
    float decaySeconds = 1.0F;  // from full level to the sustain level (or to silence)
    float sustainLevel = 0.0F;
    float releaseSeconds = 0.1F;
    bool decayTracksPitch = false;  // lower notes ring longer, as piano and guitar strings do
};

struct NoisePart {
    float level = 0.0F;  // 0: the patch has no noise
    NoiseFilter filter = NoiseFilter::BandPass;
    float cutoffHz = 1000.0F;  // at velocity 127; softer hits are darker
    float resonance = 0.707F;
    float decaySeconds = 0.1F;  // from the end of its attack to silence
};

struct Patch {
    TonePart tone;
    EnvelopeTimes envelope;  // the pitched part's; the noise shares its attack and release
    NoisePart noise;
    float gain = 1.0F;
    bool ignoresNoteOff = false;  // drums ring out on their own
    std::uint8_t chokeGroup = 0;  // a drum of a non-zero group silences the group's others (hi-hats)
};

// The patch of a GM program (0-based; 0 Acoustic Grand Piano … 127 Gunshot), by its family of
// eight. Thread: any. RT-safe: yes.
const Patch& melodicPatch(std::uint8_t program0to127) noexcept;

// The drum a key plays on the GM percussion channel (36 Bass Drum 1, 38 Acoustic Snare, 42 Closed
// Hi-Hat …); keys the map leaves out play a short click. Thread: any. RT-safe: yes.
const Patch& drumPatch(std::uint8_t key0to127) noexcept;

}  // namespace mos::audio::synth
