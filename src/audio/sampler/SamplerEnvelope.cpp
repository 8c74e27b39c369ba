#include "audio/sampler/SamplerEnvelope.hpp"

#include <algorithm>
#include <cmath>

namespace mos::audio::sampler {

namespace {

// The volume envelope's values below this are silence: 96 dB down.
float decibelValue(float amplitude) noexcept {
    if (amplitude <= 0.0F) return 0.0F;
    return std::clamp(1.0F + 20.0F * std::log10(amplitude) / SamplerEnvelope::kVolumeRangeDb, 0.0F, 1.0F);
}

}  // namespace

void SamplerEnvelope::start(const EnvelopeShape& shape, Kind kind, std::uint8_t key, float sampleRate) noexcept {
    kind_ = kind;
    const float keyFromMiddleC = 60.0F - static_cast<float>(key);
    delayFrames_ = std::max(shape.delay, 0.0F) * sampleRate;
    attackFrames_ = std::max(shape.attack, 0.0F) * sampleRate;
    holdFrames_ =
        std::max(shape.hold, 0.0F) * sampleRate * std::exp2(keyFromMiddleC * shape.holdPerKeyTimecents / 1200.0F);
    decayFrames_ =
        std::max(shape.decay, 0.0F) * sampleRate * std::exp2(keyFromMiddleC * shape.decayPerKeyTimecents / 1200.0F);
    releaseFrames_ = std::max(shape.release, 0.0F) * sampleRate;
    const float sustainLevel = std::clamp(shape.sustain, 0.0F, 1.0F);
    sustain_ = kind == Kind::Volume ? decibelValue(sustainLevel) : sustainLevel;
    value_ = 0.0F;
    enter(Stage::Delay);
}

void SamplerEnvelope::release() noexcept {
    if (stage_ == Stage::Release || stage_ == Stage::Done) return;
    // A volume envelope released during its attack continues from the amplitude it reached.
    if (kind_ == Kind::Volume && stage_ == Stage::Attack) value_ = decibelValue(value_);
    if (stage_ == Stage::Delay) value_ = 0.0F;
    enter(Stage::Release);
}

void SamplerEnvelope::advance(float frames) noexcept {
    while (frames > 0.0F) {
        switch (stage_) {
            case Stage::Delay:
            case Stage::Hold: {
                const float step = std::min(frames, framesLeft_);
                framesLeft_ -= step;
                frames -= step;
                if (framesLeft_ <= 0.0F) enter(stage_ == Stage::Delay ? Stage::Attack : Stage::Decay);
                break;
            }
            case Stage::Attack: {
                // The attack rises 0 → 1 in attackFrames_.
                const float needed = (1.0F - value_) * attackFrames_;
                if (frames < needed) {
                    value_ += frames / attackFrames_;
                    return;
                }
                frames -= needed;
                value_ = 1.0F;
                enter(Stage::Hold);
                break;
            }
            case Stage::Decay: {
                // Falls from 1 at a full range per decayFrames_ until the sustain level.
                const float needed = (value_ - sustain_) * decayFrames_;
                if (frames < needed) {
                    value_ -= frames / decayFrames_;
                    return;
                }
                frames -= needed;
                value_ = sustain_;
                enter(Stage::Sustain);
                break;
            }
            case Stage::Release: {
                const float needed = value_ * releaseFrames_;
                if (frames < needed) {
                    value_ -= frames / releaseFrames_;
                    return;
                }
                value_ = 0.0F;
                enter(Stage::Done);
                return;
            }
            case Stage::Sustain:
            case Stage::Done:
                return;
        }
    }
}

float SamplerEnvelope::amplitude() const noexcept {
    if (stage_ == Stage::Attack || kind_ == Kind::Modulation) return value_;
    if (value_ <= 0.0F) return 0.0F;
    return std::exp2((value_ - 1.0F) * kVolumeRangeDb * (3.32192809F / 20.0F));  // 10^(dB/20)
}

// Enters `stage`, or the first stage after it that takes any time (a zero attack starts at full
// level, a zero decay lands on the sustain level at once).
void SamplerEnvelope::enter(Stage stage) noexcept {
    for (;;) {
        stage_ = stage;
        switch (stage) {
            case Stage::Delay:
                framesLeft_ = delayFrames_;
                if (framesLeft_ > 0.0F) return;
                stage = Stage::Attack;
                break;
            case Stage::Attack:
                if (attackFrames_ > 0.0F) return;
                value_ = 1.0F;
                stage = Stage::Hold;
                break;
            case Stage::Hold:
                framesLeft_ = holdFrames_;
                if (framesLeft_ > 0.0F) return;
                stage = Stage::Decay;
                break;
            case Stage::Decay:
                if (decayFrames_ > 0.0F && value_ > sustain_) return;
                value_ = sustain_;
                stage = Stage::Sustain;
                break;
            case Stage::Sustain:
                // A volume envelope that sustains at silence has ended.
                if (kind_ != Kind::Volume || sustain_ > 0.0F) return;
                stage = Stage::Done;
                break;
            case Stage::Release:
                if (releaseFrames_ > 0.0F && value_ > 0.0F) return;
                value_ = 0.0F;
                stage = Stage::Done;
                break;
            case Stage::Done:
                return;
        }
    }
}

}  // namespace mos::audio::sampler
