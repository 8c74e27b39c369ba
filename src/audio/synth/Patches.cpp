#include "audio/synth/Patches.hpp"

#include <array>

namespace mos::audio::synth {

namespace {

// Gains even out the families' loudness: a waveform normalised to a peak of 1 can be quiet (a
// filtered saw) or loud (a sine).
constexpr std::array<Patch, 16> kFamilies{{
    // 0 piano: a hammer's bright onset that darkens as the string rings down.
    {.tone = {.level = 1.0F,
              .waveform = Waveform::Piano,
              .cutoffSoft = 1.5F,
              .cutoffLoud = 8.0F,
              .sweepHarmonics = 10.0F,
              .sweepSeconds = 0.4F},
     .envelope = {.decaySeconds = 6.0F, .releaseSeconds = 0.25F, .decayTracksPitch = true},
     .noise = {},
     .gain = 1.0F},
    // 1 chromatic percussion: celesta, glockenspiel, vibraphone, marimba …
    {.tone = {.level = 1.0F, .waveform = Waveform::Mallet, .cutoffSoft = 8.0F, .cutoffLoud = 16.0F},
     .envelope = {.decaySeconds = 2.0F, .releaseSeconds = 0.3F, .decayTracksPitch = true},
     .noise = {},
     .gain = 1.0F},
    // 2 organ: steady while the key is down.
    {.tone = {.level = 1.0F, .waveform = Waveform::Organ, .cutoffSoft = 10.0F, .cutoffLoud = 20.0F},
     .envelope = {.attackSeconds = 0.006F, .decaySeconds = 0.05F, .sustainLevel = 1.0F, .releaseSeconds = 0.04F},
     .noise = {},
     .gain = 1.0F},
    // 3 guitar: a bright pluck that darkens quickly.
    {.tone = {.level = 1.0F,
              .waveform = Waveform::Pluck,
              .cutoffSoft = 2.0F,
              .cutoffLoud = 5.0F,
              .sweepHarmonics = 14.0F,
              .sweepSeconds = 0.12F},
     .envelope = {.decaySeconds = 4.0F, .releaseSeconds = 0.12F, .decayTracksPitch = true},
     .noise = {},
     .gain = 1.0F},
    // 4 bass
    {.tone = {.level = 1.0F,
              .waveform = Waveform::Mellow,
              .cutoffSoft = 3.0F,
              .cutoffLoud = 8.0F,
              .sweepHarmonics = 6.0F,
              .sweepSeconds = 0.1F},
     .envelope = {.attackSeconds = 0.003F, .decaySeconds = 5.0F, .releaseSeconds = 0.08F, .decayTracksPitch = true},
     .noise = {},
     .gain = 1.0F},
    // 5 strings: a bowed swell, two slightly detuned oscillators for width.
    {.tone = {.level = 1.0F, .waveform = Waveform::Saw, .detuneCents = 7.0F, .cutoffSoft = 3.0F, .cutoffLoud = 7.0F},
     .envelope = {.attackSeconds = 0.09F, .decaySeconds = 0.3F, .sustainLevel = 0.9F, .releaseSeconds = 0.35F},
     .noise = {},
     .gain = 1.0F},
    // 6 ensemble: string sections and choirs, softer and wider still.
    {.tone = {.level = 1.0F, .waveform = Waveform::Saw, .detuneCents = 9.0F, .cutoffSoft = 2.5F, .cutoffLoud = 6.0F},
     .envelope = {.attackSeconds = 0.12F, .decaySeconds = 0.3F, .sustainLevel = 0.9F, .releaseSeconds = 0.45F},
     .noise = {},
     .gain = 1.0F},
    // 7 brass: a quick swell with a brighter edge at the onset.
    {.tone = {.level = 1.0F,
              .waveform = Waveform::Saw,
              .cutoffSoft = 2.0F,
              .cutoffLoud = 6.0F,
              .sweepHarmonics = 5.0F,
              .sweepSeconds = 0.12F},
     .envelope = {.attackSeconds = 0.035F, .decaySeconds = 0.4F, .sustainLevel = 0.8F, .releaseSeconds = 0.12F},
     .noise = {},
     .gain = 1.0F},
    // 8 reed: saxophones, oboes, clarinets.
    {.tone = {.level = 1.0F, .waveform = Waveform::Square, .cutoffSoft = 3.0F, .cutoffLoud = 9.0F},
     .envelope = {.attackSeconds = 0.025F, .decaySeconds = 0.2F, .sustainLevel = 0.9F, .releaseSeconds = 0.08F},
     .noise = {},
     .gain = 1.0F},
    // 9 pipe: flutes and recorders.
    {.tone = {.level = 1.0F, .waveform = Waveform::Mellow, .cutoffSoft = 4.0F, .cutoffLoud = 8.0F},
     .envelope = {.attackSeconds = 0.045F, .decaySeconds = 0.2F, .sustainLevel = 0.9F, .releaseSeconds = 0.12F},
     .noise = {},
     .gain = 1.0F},
    // 10 synth lead
    {.tone = {.level = 1.0F,
              .waveform = Waveform::Saw,
              .detuneCents = 5.0F,
              .cutoffSoft = 6.0F,
              .cutoffLoud = 16.0F,
              .resonance = 1.4F},
     .envelope = {.attackSeconds = 0.005F, .decaySeconds = 0.5F, .sustainLevel = 0.8F, .releaseSeconds = 0.1F},
     .noise = {},
     .gain = 1.0F},
    // 11 synth pad: slow to come and to go.
    {.tone = {.level = 1.0F, .waveform = Waveform::Saw, .detuneCents = 10.0F, .cutoffSoft = 2.0F, .cutoffLoud = 4.0F},
     .envelope = {.attackSeconds = 0.3F, .decaySeconds = 1.0F, .sustainLevel = 0.85F, .releaseSeconds = 0.8F},
     .noise = {},
     .gain = 1.0F},
    // 12 synth effects
    {.tone =
         {.level = 1.0F, .waveform = Waveform::Square, .detuneCents = 12.0F, .cutoffSoft = 2.0F, .cutoffLoud = 5.0F},
     .envelope = {.attackSeconds = 0.15F, .decaySeconds = 1.5F, .sustainLevel = 0.7F, .releaseSeconds = 0.6F},
     .noise = {},
     .gain = 1.0F},
    // 13 ethnic: sitar, banjo, shamisen, koto … plucked.
    {.tone = {.level = 1.0F,
              .waveform = Waveform::Pluck,
              .cutoffSoft = 3.0F,
              .cutoffLoud = 7.0F,
              .sweepHarmonics = 16.0F,
              .sweepSeconds = 0.08F},
     .envelope = {.decaySeconds = 2.5F, .releaseSeconds = 0.12F, .decayTracksPitch = true},
     .noise = {},
     .gain = 1.0F},
    // 14 percussive: tinkle bell, steel drums, wood block, taiko …
    {.tone = {.level = 1.0F, .waveform = Waveform::Mallet, .cutoffSoft = 6.0F, .cutoffLoud = 14.0F},
     .envelope = {.decaySeconds = 0.8F, .releaseSeconds = 0.1F, .decayTracksPitch = true},
     .noise = {},
     .gain = 1.0F},
    // 15 sound effects: a plain soft tone rather than an imitation.
    {.tone = {.level = 1.0F, .waveform = Waveform::Mellow, .cutoffSoft = 3.0F, .cutoffLoud = 6.0F},
     .envelope = {.attackSeconds = 0.02F, .decaySeconds = 0.5F, .sustainLevel = 0.8F, .releaseSeconds = 0.3F},
     .noise = {},
     .gain = 1.0F},
}};

// Drums: the pitched part is a skin's body (a falling sine for kicks and toms), the noise part its
// snares, sticks or metal.
constexpr EnvelopeTimes drumEnvelope(float decaySeconds, float releaseSeconds = 0.05F) {
    return {.decaySeconds = decaySeconds, .releaseSeconds = releaseSeconds};
}

constexpr Patch kick(float hz) {
    return {.tone = {.level = 1.0F,
                     .fixedHz = hz,
                     .pitchDropRatio = 3.0F,
                     .pitchDropSeconds = 0.03F,
                     .cutoffSoft = 8.0F,
                     .cutoffLoud = 8.0F},
            .envelope = drumEnvelope(0.45F),
            .noise = {.level = 0.25F, .filter = NoiseFilter::LowPass, .cutoffHz = 3000.0F, .decaySeconds = 0.015F},
            .gain = 1.0F,
            .ignoresNoteOff = true};
}

constexpr Patch snare(float hz, float noiseHz) {
    return {.tone = {.level = 0.6F,
                     .fixedHz = hz,
                     .pitchDropRatio = 1.4F,
                     .pitchDropSeconds = 0.02F,
                     .cutoffSoft = 8.0F,
                     .cutoffLoud = 8.0F},
            .envelope = drumEnvelope(0.15F),
            .noise = {.level = 0.9F, .filter = NoiseFilter::HighPass, .cutoffHz = noiseHz, .decaySeconds = 0.22F},
            .gain = 1.0F,
            .ignoresNoteOff = true};
}

constexpr Patch tom(float hz) {
    return {.tone = {.level = 1.0F,
                     .fixedHz = hz,
                     .pitchDropRatio = 1.5F,
                     .pitchDropSeconds = 0.06F,
                     .cutoffSoft = 8.0F,
                     .cutoffLoud = 8.0F},
            .envelope = drumEnvelope(0.5F),
            .noise = {.level = 0.15F, .filter = NoiseFilter::BandPass, .cutoffHz = 2.0F * hz, .decaySeconds = 0.05F},
            .gain = 1.0F,
            .ignoresNoteOff = true};
}

// Cymbals and hi-hats: noise alone, high-passed; a hi-hat silences the one before it.
constexpr Patch metal(float cutoffHz, float decaySeconds, std::uint8_t chokeGroup = 0) {
    return {
        .tone = {},
        .envelope = drumEnvelope(decaySeconds),
        .noise = {.level = 1.0F, .filter = NoiseFilter::HighPass, .cutoffHz = cutoffHz, .decaySeconds = decaySeconds},
        .gain = 0.5F,
        .ignoresNoteOff = true,
        .chokeGroup = chokeGroup};
}

constexpr Patch noiseBurst(float hz, float decaySeconds, float resonance) {
    return {.tone = {},
            .envelope = drumEnvelope(decaySeconds),
            .noise = {.level = 1.0F,
                      .filter = NoiseFilter::BandPass,
                      .cutoffHz = hz,
                      .resonance = resonance,
                      .decaySeconds = decaySeconds},
            .gain = 0.8F,
            .ignoresNoteOff = true};
}

constexpr Patch bell(Waveform waveform, float hz, float decaySeconds) {
    return {.tone = {.level = 1.0F, .waveform = waveform, .fixedHz = hz, .cutoffSoft = 6.0F, .cutoffLoud = 12.0F},
            .envelope = drumEnvelope(decaySeconds),
            .noise = {},
            .gain = 0.6F,
            .ignoresNoteOff = true};
}

constexpr std::uint8_t kHiHats = 1;
constexpr std::uint8_t kFirstMappedKey = 35;  // GM Level 1: 35 Acoustic Bass Drum … 81 Open Triangle

constexpr Patch kClick = noiseBurst(2500.0F, 0.04F, 1.0F);

constexpr std::array<Patch, 47> kDrums{{
    kick(50.0F),                             // 35 acoustic bass drum
    kick(55.0F),                             // 36 bass drum 1
    noiseBurst(1800.0F, 0.03F, 2.0F),        // 37 side stick
    snare(185.0F, 1500.0F),                  // 38 acoustic snare
    noiseBurst(1100.0F, 0.12F, 1.2F),        // 39 hand clap
    snare(210.0F, 2200.0F),                  // 40 electric snare
    tom(80.0F),                              // 41 low floor tom
    metal(7000.0F, 0.05F, kHiHats),          // 42 closed hi-hat
    tom(95.0F),                              // 43 high floor tom
    metal(7000.0F, 0.04F, kHiHats),          // 44 pedal hi-hat
    tom(115.0F),                             // 45 low tom
    metal(7000.0F, 0.45F, kHiHats),          // 46 open hi-hat
    tom(135.0F),                             // 47 low-mid tom
    tom(160.0F),                             // 48 hi-mid tom
    metal(5000.0F, 1.6F),                    // 49 crash cymbal 1
    tom(190.0F),                             // 50 high tom
    metal(6000.0F, 1.2F),                    // 51 ride cymbal 1
    metal(4000.0F, 1.4F),                    // 52 Chinese cymbal
    bell(Waveform::Mallet, 620.0F, 0.9F),    // 53 ride bell
    metal(8000.0F, 0.15F),                   // 54 tambourine
    metal(6000.0F, 0.7F),                    // 55 splash cymbal
    bell(Waveform::Square, 560.0F, 0.2F),    // 56 cowbell
    metal(5000.0F, 1.6F),                    // 57 crash cymbal 2
    noiseBurst(3000.0F, 0.5F, 4.0F),         // 58 vibraslap
    metal(6500.0F, 1.2F),                    // 59 ride cymbal 2
    tom(330.0F),                             // 60 hi bongo
    tom(250.0F),                             // 61 low bongo
    tom(300.0F),                             // 62 mute hi conga
    tom(280.0F),                             // 63 open hi conga
    tom(200.0F),                             // 64 low conga
    tom(240.0F),                             // 65 high timbale
    tom(180.0F),                             // 66 low timbale
    bell(Waveform::Mallet, 900.0F, 0.4F),    // 67 high agogo
    bell(Waveform::Mallet, 675.0F, 0.4F),    // 68 low agogo
    noiseBurst(6000.0F, 0.08F, 1.0F),        // 69 cabasa
    noiseBurst(5000.0F, 0.06F, 1.0F),        // 70 maracas
    bell(Waveform::Sine, 2400.0F, 0.25F),    // 71 short whistle
    bell(Waveform::Sine, 2100.0F, 0.6F),     // 72 long whistle
    noiseBurst(3500.0F, 0.05F, 2.0F),        // 73 short guiro
    noiseBurst(3500.0F, 0.2F, 2.0F),         // 74 long guiro
    bell(Waveform::Sine, 2500.0F, 0.08F),    // 75 claves
    bell(Waveform::Mellow, 1000.0F, 0.06F),  // 76 hi wood block
    bell(Waveform::Mellow, 800.0F, 0.06F),   // 77 low wood block
    noiseBurst(1200.0F, 0.12F, 6.0F),        // 78 mute cuica
    noiseBurst(800.0F, 0.25F, 6.0F),         // 79 open cuica
    bell(Waveform::Mallet, 4200.0F, 0.15F),  // 80 mute triangle
    bell(Waveform::Mallet, 4200.0F, 1.2F),   // 81 open triangle
}};

}  // namespace

const Patch& melodicPatch(std::uint8_t program0to127) noexcept { return kFamilies[(program0to127 & 0x7FU) / 8U]; }

const Patch& drumPatch(std::uint8_t key0to127) noexcept {
    if (key0to127 < kFirstMappedKey || key0to127 - kFirstMappedKey >= static_cast<int>(kDrums.size())) return kClick;
    return kDrums[key0to127 - kFirstMappedKey];
}

}  // namespace mos::audio::synth
