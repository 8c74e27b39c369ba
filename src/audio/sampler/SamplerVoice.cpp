#include "audio/sampler/SamplerVoice.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "audio/sampler/Interpolation.hpp"

namespace mos::audio::sampler {

namespace {

constexpr double kFixedOne = 4294967296.0;  // 1.0 in the 32.32 position
constexpr float kFractionScale = 1.0F / 4294967296.0F;

// The SF2 filter is open at its top cutoff with no resonance: skip it then, unless something moves it.
constexpr float kOpenCutoffCents = 13490.0F;

// Below this a voice's loudest possible frame is under the last bit of 16-bit audio by 10 dB, even
// before the master gain: nothing of it can be heard.
constexpr float kInaudible = 1.0e-5F;

float decibelsToGain(float decibels) noexcept { return std::exp2(decibels * (3.32192809F / 20.0F)); }

// SF2 LFOs are triangles that start at 0 and rise, after their delay (section 8.1.2, gens 21–24).
float triangleLfo(const Lfo& lfo, std::uint64_t age, float rate) noexcept {
    const double seconds = static_cast<double>(age) / rate - lfo.delay;
    if (seconds <= 0.0 || lfo.frequencyHz <= 0.0F) return 0.0F;
    const double cycles = seconds * lfo.frequencyHz;
    const auto phase = static_cast<float>(cycles - std::floor(cycles));
    if (phase < 0.25F) return 4.0F * phase;
    if (phase < 0.75F) return 2.0F - 4.0F * phase;
    return 4.0F * phase - 4.0F;
}

float centsToHertz(float absoluteCents) noexcept { return 8.17579892F * std::exp2(absoluteCents / 1200.0F); }

}  // namespace

void SamplerVoice::start(const Note& note) noexcept {
    note_ = note;
    const SamplerRegion& region = *note.region;
    refreshParameters();
    volumeEnvelope_.start(region.volumeEnvelope, SamplerEnvelope::Kind::Volume, note.key, note.outputRate);
    volumeAheadFrames_ = 0;
    modulationEnvelope_.start(region.modulationEnvelope, SamplerEnvelope::Kind::Modulation, note.key, note.outputRate);
    for (auto& filter : filters_) filter.reset();
    onePoleState_ = {};
    position_ = static_cast<std::uint64_t>(region.start) << 32U;
    increment_ = 0;
    wrapped_ = false;
    age_ = 0;
    framesSinceControl_ = 0;
    stepFrames_ = 0;
    stepFramesDone_ = 0;
    stepStart_ = {};
    stepSlope_ = {};
    stepTarget_ = {};
    const float velocity = static_cast<float>(note.velocity) / 127.0F;
    velocityGain_ = 1.0F - region.velocityTrack + region.velocityTrack * velocity * velocity;
    fadeFramesLeft_ = 0;
    active_ = region.sample != nullptr && region.end > region.start;
    released_ = false;
    heldBySustain_ = false;
    heldBySostenuto_ = false;
    controlsDirty_ = true;
    if (note.detached) {
        if (looping()) release();
        released_ = true;
    }
}

void SamplerVoice::release() noexcept {
    if (!active_ || released_) return;
    released_ = true;
    if (note_.region->loopMode == LoopMode::OneShot) return;
    catchUpEnvelopes();
    volumeEnvelope_.release();
    volumeAheadFrames_ = 0;
    modulationEnvelope_.release();
    controlsDirty_ = true;
}

void SamplerVoice::fadeOut(std::uint32_t frames) noexcept {
    if (!active_) return;
    frames = std::max(frames, 1U);
    if (fadeFramesLeft_ > 0 && fadeFramesLeft_ <= frames) return;  // already going faster
    fadeFramesLeft_ = frames;
    controlsDirty_ = true;
}

void SamplerVoice::render(const VoiceBuses& buses, std::uint32_t frames) noexcept {
    VoiceBuses at = buses;
    while (frames > 0 && active_) {
        if (stepFramesDone_ >= stepFrames_ || controlsDirty_) controlStep();
        if (!active_) return;
        const std::uint32_t step = std::min(frames, stepFrames_ - stepFramesDone_);
        renderStep(at, step);
        at = at.advancedBy(step);
        frames -= step;
    }
}

bool SamplerVoice::looping() const noexcept {
    const SamplerRegion& region = *note_.region;
    if (region.loopEnd <= region.loopStart) return false;
    return region.loopMode == LoopMode::LoopContinuous || (region.loopMode == LoopMode::LoopSustain && !released_);
}

void SamplerVoice::catchUpEnvelopes() noexcept {
    if (framesSinceControl_ == 0) return;
    // A whole step played: the volume envelope is where the step worked out it would be.
    if (framesSinceControl_ == volumeAheadFrames_) {
        volumeEnvelope_ = volumeAhead_;
    } else {
        volumeEnvelope_.advance(static_cast<float>(framesSinceControl_));
    }
    volumeAheadFrames_ = 0;
    modulationEnvelope_.advance(static_cast<float>(framesSinceControl_));
    framesSinceControl_ = 0;
}

void SamplerVoice::refreshParameters() noexcept {
    channelRevision_ = note_.channel->revision();
    parameters_ = modulate(*note_.region, *note_.channel, note_.key, note_.velocity);
    const ModulatedParameters& p = parameters_;
    // Equal-power pan: both sides at √½ in the centre.
    const float angle = (p.pan + 1.0F) * (std::numbers::pi_v<float> / 4.0F);
    panGains_ = {std::cos(angle), std::sin(angle)};
    attenuationGain_ = decibelsToGain(-p.attenuationDb);
    loudestLfoGain_ = decibelsToGain(std::abs(p.modLfoToVolumeDb));
    // 0 dB of resonance is the flat (Butterworth) response, Q = 1/√2.
    filterQ_ = std::max(decibelsToGain(p.filterResonanceDb - 3.01F), 0.5F);
    // Pitch and filter are worked out afresh at the next step.
    tunedCents_ = std::numeric_limits<float>::quiet_NaN();
    tunedCutoffCents_ = std::numeric_limits<float>::quiet_NaN();
}

void SamplerVoice::controlStep() noexcept {
    controlsDirty_ = false;
    catchUpEnvelopes();
    const SamplerRegion& region = *note_.region;
    if (note_.channel->revision() != channelRevision_) refreshParameters();
    const ModulatedParameters& p = parameters_;
    const float rate = note_.outputRate;
    const float modEnvelope = modulationEnvelope_.value();
    const float modLfo = triangleLfo(region.modulationLfo, age_, rate);
    const float vibLfo = triangleLfo(region.vibratoLfo, age_, rate);

    const float cents = p.pitchCents + modEnvelope * p.modEnvToPitchCents + modLfo * p.modLfoToPitchCents +
                        vibLfo * p.vibLfoToPitchCents;
    // Most notes hold their pitch and filter for long stretches: their step repeats no exponential.
    if (cents != tunedCents_) {
        tunedCents_ = cents;
        const double ratio =
            std::exp2(static_cast<double>(cents) / 1200.0) * region.sample->sampleRate / static_cast<double>(rate);
        increment_ = std::max<std::uint64_t>(static_cast<std::uint64_t>(ratio * kFixedOne), 1);
    }

    const bool filterMoves = p.modEnvToFilterCents != 0.0F || p.modLfoToFilterCents != 0.0F;
    filterOn_ =
        region.filter != FilterType::None && !(region.filter == FilterType::LowPass2Pole && !filterMoves &&
                                               p.filterCutoffCents >= kOpenCutoffCents && p.filterResonanceDb <= 0.0F);
    if (filterOn_) {
        const float cutoffCents =
            p.filterCutoffCents + modEnvelope * p.modEnvToFilterCents + modLfo * p.modLfoToFilterCents;
        if (cutoffCents != tunedCutoffCents_) {
            tunedCutoffCents_ = cutoffCents;
            const float cutoffPerSample = std::min(centsToHertz(cutoffCents) / rate, 0.45F);
            if (region.filter == FilterType::LowPass1Pole || region.filter == FilterType::HighPass1Pole) {
                onePoleCoefficient_ = 1.0F - std::exp(-2.0F * std::numbers::pi_v<float> * cutoffPerSample);
            } else {
                for (auto& filter : filters_) filter.tune(region.filter, cutoffPerSample, filterQ_);
            }
        }
    }
    const float filterPeakGain = filterOn_ ? std::max(filterQ_, 1.0F) : 1.0F;

    // Gains at the end of the step, reached by a straight glide from where they are now.
    const std::array<float, 2> now{gainNow(0), gainNow(1)};
    std::uint32_t frames = kControlFrames;
    volumeAheadFrames_ = 0;
    if (fadeFramesLeft_ > 0) {
        frames = std::min(frames, fadeFramesLeft_);
        const float kept = static_cast<float>(fadeFramesLeft_ - frames) / static_cast<float>(fadeFramesLeft_);
        stepTarget_ = {now[0] * kept, now[1] * kept};
    } else {
        if (volumeEnvelope_.done() && now[0] == 0.0F && now[1] == 0.0F) {
            active_ = false;
            return;
        }
        volumeAhead_ = volumeEnvelope_;
        volumeAhead_.advance(static_cast<float>(frames));
        volumeAheadFrames_ = frames;
        const float amplitude = volumeAhead_.amplitude();
        const float lfoGain = p.modLfoToVolumeDb == 0.0F ? 1.0F : decibelsToGain(modLfo * p.modLfoToVolumeDb);
        const float level = amplitude * lfoGain * attenuationGain_ * velocityGain_;
        // Past its attack and hold the envelope only falls: once even the sample's loudest frame,
        // at the LFO's loudest, through the filter's peak and into both sends, would sound below
        // the noise floor, the voice has ended for any ear.
        if (volumeEnvelope_.stage() >= SamplerEnvelope::Stage::Decay) {
            const float loudest = amplitude * loudestLfoGain_ * attenuationGain_ * velocityGain_ * region.sample->peak *
                                  filterPeakGain * (1.0F + p.reverbSend + p.chorusSend);
            const float current = std::max(now[0], now[1]) * region.sample->peak * filterPeakGain;
            if (loudest < kInaudible && current < kInaudible) {
                active_ = false;
                return;
            }
        }
        stepTarget_ = {level * panGains_[0], level * panGains_[1]};
    }
    stepStart_ = now;
    for (std::size_t side = 0; side < 2; ++side) {
        stepSlope_[side] = (stepTarget_[side] - now[side]) / static_cast<float>(frames);
    }
    stepFrames_ = frames;
    stepFramesDone_ = 0;
    reverbSend_ = p.reverbSend;
    chorusSend_ = p.chorusSend;
}

void SamplerVoice::renderStep(const VoiceBuses& buses, std::uint32_t frames) noexcept {
    const bool stereo = note_.region->sample->channels == 2;
    std::uint32_t made = 0;
    if (note_.interpolation == Interpolation::Sinc) {
        made = stereo ? readSample<2, Interpolation::Sinc>(frames) : readSample<1, Interpolation::Sinc>(frames);
    } else {
        made = stereo ? readSample<2, Interpolation::Cubic>(frames) : readSample<1, Interpolation::Cubic>(frames);
    }
    float* left = scratch_.data();
    float* right = stereo ? scratch_.data() + kControlFrames : left;

    if (filterOn_) {
        for (int c = 0; c < (stereo ? 2 : 1); ++c) {
            filter(c == 0 ? left : right, made, static_cast<std::size_t>(c));
        }
    }

    // Frame i of this piece is frame done + i + 1 of the glide: the same gains however the block
    // was split.
    const std::uint32_t first = stepFramesDone_ + 1;
    const float startLeft = stepStart_[0];
    const float startRight = stepStart_[1];
    const float slopeLeft = stepSlope_[0];
    const float slopeRight = stepSlope_[1];
    // The voice's frames go to local arrays first: the buses and the scratch are all float*, and
    // loops that store through one while reading another the compiler cannot vectorize.
    std::array<float, kControlFrames> outLeft;
    std::array<float, kControlFrames> outRight;
    for (std::uint32_t i = 0; i < made; ++i) {
        const auto n = static_cast<float>(first + i);
        outLeft[i] = left[i] * (startLeft + slopeLeft * n);
        outRight[i] = right[i] * (startRight + slopeRight * n);
    }
    const auto add = [made](float* bus, const std::array<float, kControlFrames>& out, float gain) {
        for (std::uint32_t i = 0; i < made; ++i) bus[i] += out[i] * gain;
    };
    add(buses.dryLeft, outLeft, 1.0F);
    add(buses.dryRight, outRight, 1.0F);
    // A send at zero adds nothing: its bus is left alone.
    if (reverbSend_ > 0.0F) {
        add(buses.reverbLeft, outLeft, reverbSend_);
        add(buses.reverbRight, outRight, reverbSend_);
    }
    if (chorusSend_ > 0.0F) {
        add(buses.chorusLeft, outLeft, chorusSend_);
        add(buses.chorusRight, outRight, chorusSend_);
    }

    age_ += frames;
    framesSinceControl_ += frames;
    stepFramesDone_ += frames;
    if (fadeFramesLeft_ > 0) {
        fadeFramesLeft_ -= std::min(fadeFramesLeft_, frames);
        if (fadeFramesLeft_ == 0) active_ = false;
    }
    if (made < frames) active_ = false;  // the sample ended
}

// The one-pole state is copied into a local: written through `samples`, a float*, it would
// otherwise be reloaded from memory at every frame.
void SamplerVoice::filter(float* samples, std::uint32_t frames, std::size_t channel) noexcept {
    float state = onePoleState_[channel];
    const float coefficient = onePoleCoefficient_;
    switch (note_.region->filter) {
        case FilterType::LowPass1Pole:
            for (std::uint32_t i = 0; i < frames; ++i) {
                state += coefficient * (samples[i] - state);
                samples[i] = state;
            }
            break;
        case FilterType::HighPass1Pole:
            for (std::uint32_t i = 0; i < frames; ++i) {
                state += coefficient * (samples[i] - state);
                samples[i] -= state;
            }
            break;
        case FilterType::None:
            break;
        default:
            filters_[channel].process(samples, frames);
            break;
    }
    onePoleState_[channel] = state;
}

template <int Channels>
float SamplerVoice::tap(std::int64_t frame, int channel, const float* data) const noexcept {
    const SamplerRegion& region = *note_.region;
    if (looping()) {
        const std::int64_t loopLength = std::int64_t{region.loopEnd} - region.loopStart;
        if (frame >= region.loopEnd) {
            frame -= loopLength;
        } else if (wrapped_ && frame < region.loopStart) {
            frame += loopLength;  // after a wrap, what precedes the loop's start is its end
        }
    }
    const auto lastReadable = static_cast<std::int64_t>(region.sample->frames) + Sample::kGuardFrames;
    if (frame < 0 || frame >= lastReadable) return 0.0F;
    return data[frame * Channels + channel];
}

// First every frame's taps and fraction are gathered, then the interpolation runs over whole
// arrays, which the compiler turns into vector arithmetic: four frames at a time, not one.
template <int Channels>
std::uint32_t SamplerVoice::cubicRun(const float* data, std::uint32_t frames, float* const* out,
                                     std::uint32_t made) noexcept {
    constexpr auto kChannels = static_cast<std::size_t>(Channels);
    std::array<float, kControlFrames> fractions;
    std::array<std::array<float, kControlFrames>, 4 * kChannels> taps;  // frames -1, 0, 1, 2 of each channel
    std::uint64_t position = position_;
    for (std::uint32_t k = 0; k < frames; ++k) {
        const float* before = data + (static_cast<std::int64_t>(position >> 32U) - 1) * Channels;
        fractions[k] = static_cast<float>(static_cast<std::uint32_t>(position)) * kFractionScale;
        for (std::size_t t = 0; t < 4 * kChannels; ++t) taps[t][k] = before[t];
        position += increment_;
    }
    position_ = position;
    for (std::size_t c = 0; c < kChannels; ++c) {
        float* to = out[c] + made;
        const auto& before = taps[c];
        const auto& now = taps[kChannels + c];
        const auto& after = taps[2 * kChannels + c];
        const auto& afterNext = taps[3 * kChannels + c];
        for (std::uint32_t k = 0; k < frames; ++k) {
            to[k] = cubicHermite(before[k], now[k], after[k], afterNext[k], fractions[k]);
        }
    }
    return frames;
}

template <int Channels, Interpolation Quality>
std::uint32_t SamplerVoice::readSample(std::uint32_t frames) noexcept {
    constexpr std::int64_t kBefore = Quality == Interpolation::Cubic ? 1 : SincTable::kTapsBefore;
    constexpr std::int64_t kAfter = Quality == Interpolation::Cubic ? 2 : SincTable::kTapsAfter;
    const SamplerRegion& region = *note_.region;
    const float* data = region.sample->data.data();
    const bool loop = looping();
    const std::int64_t loopStart = region.loopStart;
    const std::int64_t loopEnd = region.loopEnd;
    const std::int64_t end = region.end;
    // Frames whose every tap lies inside the sound, so the fast path needs no checks.
    const std::int64_t fastLimit = loop ? loopEnd - kAfter : end;
    const SincTable* sinc = Quality == Interpolation::Sinc ? &SincTable::instance() : nullptr;
    float* out[2] = {scratch_.data(), scratch_.data() + kControlFrames};

    const auto interpolate = [&](const auto& fetch, float fraction, int channel) {
        if constexpr (Quality == Interpolation::Cubic) {
            return cubicHermite(fetch(-1, channel), fetch(0, channel), fetch(1, channel), fetch(2, channel), fraction);
        } else {
            const float* row = sinc->row(fraction);
            float sum = 0.0F;
            for (int t = 0; t < static_cast<int>(SincTable::kTaps); ++t) {
                sum += row[t] * fetch(t - SincTable::kTapsBefore, channel);
            }
            return sum;
        }
    };

    std::uint32_t made = 0;
    while (made < frames) {
        const auto index = static_cast<std::int64_t>(position_ >> 32U);
        if (loop && index >= loopEnd) {
            const std::int64_t loopLength = loopEnd - loopStart;
            const std::int64_t loops = (index - loopStart) / loopLength;
            position_ -= static_cast<std::uint64_t>(loops * loopLength) << 32U;
            wrapped_ = true;
            continue;
        }
        if (!loop && index >= end) break;
        if (index >= kBefore && index < fastLimit) {
            const std::uint64_t limit = static_cast<std::uint64_t>(fastLimit) << 32U;
            const std::uint64_t run =
                std::min<std::uint64_t>((limit - position_ + increment_ - 1) / increment_, frames - made);
            if constexpr (Quality == Interpolation::Cubic) {
                made += cubicRun<Channels>(data, static_cast<std::uint32_t>(run), out, made);
            } else {
                for (std::uint64_t k = 0; k < run; ++k, ++made) {
                    const float* at = data + static_cast<std::int64_t>(position_ >> 32U) * Channels;
                    const float fraction = static_cast<float>(static_cast<std::uint32_t>(position_)) * kFractionScale;
                    const auto fetch = [at](int offset, int channel) { return at[offset * Channels + channel]; };
                    for (int c = 0; c < Channels; ++c) out[c][made] = interpolate(fetch, fraction, c);
                    position_ += increment_;
                }
            }
            continue;
        }
        // Near the sample's edges or the loop's seam: each tap found on its own.
        const float fraction = static_cast<float>(static_cast<std::uint32_t>(position_)) * kFractionScale;
        const auto fetch = [&](int offset, int channel) { return tap<Channels>(index + offset, channel, data); };
        for (int c = 0; c < Channels; ++c) out[c][made] = interpolate(fetch, fraction, c);
        position_ += increment_;
        ++made;
    }
    return made;
}

}  // namespace mos::audio::sampler
