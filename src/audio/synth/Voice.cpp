#include "audio/synth/Voice.hpp"

#include <algorithm>
#include <cmath>

namespace mos::audio::synth {

namespace {

constexpr float kMiddleCHz = 261.63F;
constexpr float kPhaseUnitsPerCycle = 4294967296.0F;  // 2^32
// Highest pitch an oscillator plays, as a fraction of the sample rate; higher keys are held here.
constexpr float kHighestPitchPerSample = 0.45F;
constexpr float kLargestIncrement = kHighestPitchPerSample * kPhaseUnitsPerCycle;
// Below these the pitch drop and the brightness sweep have arrived: they stop, rather than shrink
// forever towards denormal numbers.
constexpr float kPitchSettled = 1.0e-4F;
constexpr float kSweepSettledHz = 1.0F;

// The per-sample factor of an exponential decay with this time constant.
float decayPerSample(float seconds, float sampleRate) {
    return seconds > 0.0F ? std::exp(-1.0F / (seconds * sampleRate)) : 0.0F;
}

// A phase increment in 2^32 units per sample, kept to a pitch below Nyquist.
std::uint32_t toIncrement(float unitsPerSample) {
    return static_cast<std::uint32_t>(std::min(unitsPerSample, kLargestIncrement));
}

// Lower strings ring longer: a note's decay scales with the square root of its period, within limits.
float pitchDecayScale(float pitchHz) { return std::clamp(std::sqrt(kMiddleCHz / pitchHz), 0.3F, 2.5F); }

}  // namespace

void Voice::start(const VoiceStart& start) noexcept {
    patch_ = start.patch;
    channel_ = start.channel0to15;
    key_ = start.key0to127;
    order_ = start.order;
    hold_ = Hold::Key;
    sampleRate_ = start.sampleRate;
    const float velocity01 = static_cast<float>(start.velocity1to127) / 127.0F;
    // Loudness follows the square of velocity, 40·log10(velocity / 127) dB, as GM recommends.
    gain_ = patch_->gain * velocity01 * velocity01;

    const float keyHz = 440.0F * std::exp2((static_cast<float>(start.key0to127) - 69.0F) / 12.0F);
    const float pitchHz = patch_->tone.fixedHz > 0.0F ? patch_->tone.fixedHz : keyHz;
    if (patch_->tone.level > 0.0F) {
        startTone(start, pitchHz, velocity01);
    } else {
        tone_.stop();
    }
    if (patch_->noise.level > 0.0F) {
        startNoise(start, velocity01);
    } else {
        noise_.stop();
    }
}

void Voice::startTone(const VoiceStart& start, float pitchHz, float velocity01) noexcept {
    const TonePart& tone = patch_->tone;
    const float playedHz = std::min(pitchHz, kHighestPitchPerSample * sampleRate_);
    baseIncrement_ = playedHz / sampleRate_ * kPhaseUnitsPerCycle;
    pitchExcess_ = std::max(tone.pitchDropRatio - 1.0F, 0.0F);
    pitchDecay_ = decayPerSample(tone.pitchDropSeconds, sampleRate_);
    twinRatio_ = std::exp2(tone.detuneCents / 1200.0F);
    hasTwin_ = tone.detuneCents > 0.0F;
    setIncrements();
    phase_ = 0;
    twinPhase_ = 0;
    table_ = start.tables->forPitch(tone.waveform, playedHz * (1.0F + pitchExcess_) * twinRatio_, sampleRate_);

    // Louder notes are brighter, and brighter still at their onset. By the square of velocity, as
    // loudness goes, so that soft notes are clearly darker.
    const float brightness = velocity01 * velocity01;
    baseCutoffHz_ = playedHz * (tone.cutoffSoft + (tone.cutoffLoud - tone.cutoffSoft) * brightness);
    sweepHz_ = playedHz * tone.sweepHarmonics * brightness;
    sweepDecay_ = decayPerSample(tone.sweepSeconds, sampleRate_);
    resonance_ = tone.resonance;
    toneFilter_.reset();
    tuneToneFilter();

    const EnvelopeTimes& times = patch_->envelope;
    const float decaySeconds = times.decaySeconds * (times.decayTracksPitch ? pitchDecayScale(pitchHz) : 1.0F);
    tone_.start({.attackSamples = std::max(times.attackSeconds, kMinAttackSeconds) * sampleRate_,
                 .decaySamples = decaySeconds * sampleRate_,
                 .sustainLevel = times.sustainLevel,
                 .releaseSamples = std::max(times.releaseSeconds, kMinReleaseSeconds) * sampleRate_});
}

void Voice::startNoise(const VoiceStart& start, float velocity01) noexcept {
    const NoisePart& noise = patch_->noise;
    noiseLevel_ = noise.level;
    noiseSource_ = NoiseSource{start.noiseSeed};
    noiseFilter_.reset();
    // Softer hits are darker.
    noiseFilter_.tune(noise.cutoffHz * (0.6F + 0.4F * velocity01) / sampleRate_, noise.resonance);
    lowWeight_ = noise.filter == NoiseFilter::LowPass ? 1.0F : 0.0F;
    bandWeight_ = noise.filter == NoiseFilter::BandPass ? 1.0F : 0.0F;
    highWeight_ = noise.filter == NoiseFilter::HighPass ? 1.0F : 0.0F;
    const EnvelopeTimes& times = patch_->envelope;
    noise_.start({.attackSamples = std::max(times.attackSeconds, kMinAttackSeconds) * sampleRate_,
                  .decaySamples = noise.decaySeconds * sampleRate_,
                  .sustainLevel = 0.0F,
                  .releaseSamples = std::max(times.releaseSeconds, kMinReleaseSeconds) * sampleRate_});
}

void Voice::keyUp(bool pedalDown) noexcept {
    if (hold_ != Hold::Key) return;
    if (patch_->ignoresNoteOff) {
        hold_ = Hold::None;
    } else if (pedalDown) {
        hold_ = Hold::Pedal;
    } else {
        release();
    }
}

void Voice::pedalUp() noexcept {
    if (hold_ == Hold::Pedal) release();
}

void Voice::release() noexcept {
    hold_ = Hold::None;
    tone_.release();
    noise_.release();
}

void Voice::fadeOut(std::uint32_t samples) noexcept {
    hold_ = Hold::None;
    tone_.fade(samples);
    noise_.fade(samples);
}

void Voice::stop() noexcept {
    hold_ = Hold::None;
    tone_.stop();
    noise_.stop();
}

float Voice::loudness() const noexcept {
    return gain_ * std::max(tone_.level() * patch_->tone.level, noise_.level() * noiseLevel_);
}

void Voice::render(float* out, std::uint32_t frames) noexcept {
    if (!tone_.idle()) renderTone(out, frames);
    if (!noise_.idle()) renderNoise(out, frames);
}

void Voice::setIncrements() noexcept {
    const float increment = baseIncrement_ * (1.0F + pitchExcess_);
    increment_ = toIncrement(increment);
    twinIncrement_ = toIncrement(increment * twinRatio_);
}

void Voice::tuneToneFilter() noexcept { toneFilter_.tune((baseCutoffHz_ + sweepHz_) / sampleRate_, resonance_); }

void Voice::renderTone(float* out, std::uint32_t frames) noexcept {
    const float gain = gain_ * patch_->tone.level;
    for (std::uint32_t i = 0; i < frames; ++i) {
        if (pitchExcess_ > 0.0F) {
            pitchExcess_ *= pitchDecay_;
            if (pitchExcess_ < kPitchSettled) pitchExcess_ = 0.0F;
            setIncrements();
        }
        // The phase moves before it is read, so the first sample of a note is already sounding.
        phase_ += increment_;
        float wave = Wavetables::read(table_, phase_);
        if (hasTwin_) {
            twinPhase_ += twinIncrement_;
            wave = 0.5F * (wave + Wavetables::read(table_, twinPhase_));
        }
        if (sweepHz_ > 0.0F) {
            sweepHz_ *= sweepDecay_;
            if (sweepHz_ < kSweepSettledHz) sweepHz_ = 0.0F;
            tuneToneFilter();
        }
        out[i] += toneFilter_.process(wave).low * tone_.next() * gain;
        if (tone_.idle()) break;
    }
}

void Voice::renderNoise(float* out, std::uint32_t frames) noexcept {
    const float gain = gain_ * noiseLevel_;
    for (std::uint32_t i = 0; i < frames; ++i) {
        const StateVariableFilter::Outputs filtered = noiseFilter_.process(noiseSource_.next());
        const float coloured = filtered.low * lowWeight_ + filtered.band * bandWeight_ + filtered.high * highWeight_;
        out[i] += coloured * noise_.next() * gain;
        if (noise_.idle()) break;
    }
}

}  // namespace mos::audio::synth
