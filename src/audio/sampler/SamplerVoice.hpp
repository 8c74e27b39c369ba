#pragma once

// One sounding region of one note: reads its sample at the note's pitch (looping as the region
// says), shapes it with the volume envelope, filters it, and adds it to the dry mix and the reverb
// and chorus sends. Pitch, filter, levels and LFOs are recomputed every kControlFrames frames of
// the voice's life and the gains glide across each such step, so nothing zips or clicks; the
// sample position itself advances exactly, frame by frame, from the first frame of the note.

#include <algorithm>
#include <array>
#include <cstdint>

#include "audio/sampler/Modulation.hpp"
#include "audio/sampler/SamplerChannel.hpp"
#include "audio/sampler/SamplerEnvelope.hpp"
#include "audio/sampler/VoiceFilter.hpp"
#include "mos/audio/Sampler.hpp"
#include "mos/audio/SamplerRegion.hpp"

namespace mos::audio::sampler {

// Where voices add their sound: the dry stereo mix and the two effect sends, `frames` long.
struct VoiceBuses {
    float* dryLeft = nullptr;
    float* dryRight = nullptr;
    float* reverbLeft = nullptr;
    float* reverbRight = nullptr;
    float* chorusLeft = nullptr;
    float* chorusRight = nullptr;

    VoiceBuses advancedBy(std::uint32_t frames) const noexcept {
        return {dryLeft + frames,     dryRight + frames,   reverbLeft + frames,
                reverbRight + frames, chorusLeft + frames, chorusRight + frames};
    }
};

class SamplerVoice {
public:
    static constexpr std::uint32_t kControlFrames = 64;

    struct Note {
        const SamplerRegion* region = nullptr;
        const SamplerChannel* channel = nullptr;
        std::uint8_t channel0to15 = 0;
        std::uint8_t key = 60;
        std::uint8_t velocity = 100;
        float outputRate = 48000;
        Interpolation interpolation = Interpolation::Cubic;
        std::uint64_t serial = 0;    // rises with every voice started: older voices have smaller ones
        const void* bank = nullptr;  // the instrument bank the region belongs to
        // Plays on by itself: no note-off concerns it (a release-triggered region), and a looping
        // one releases at once.
        bool detached = false;
    };

    // Starts the note at the next frame render() makes. Thread: audio. RT-safe: yes.
    void start(const Note& note) noexcept;
    // Note-off: the envelopes release (a one-shot region plays on to its end). Thread: audio.
    void release() noexcept;
    // Fades to silence within `frames` frames and ends: for stolen, choked and silenced notes.
    void fadeOut(std::uint32_t frames) noexcept;
    // Ends at once (only where nothing can be heard of it). Thread: audio. RT-safe: yes.
    void stop() noexcept { active_ = false; }
    // The channel's controllers changed: the next frame hears them. Thread: audio. RT-safe: yes.
    void controllersChanged() noexcept { controlsDirty_ = true; }
    // Held by the sustain or the sostenuto pedal past its note-off. Thread: audio. RT-safe: yes.
    void holdBySustain(bool held) noexcept { heldBySustain_ = held; }
    void holdBySostenuto(bool held) noexcept { heldBySostenuto_ = held; }
    bool heldBySustain() const noexcept { return heldBySustain_; }
    bool heldBySostenuto() const noexcept { return heldBySostenuto_; }

    // Adds `frames` frames of the voice to the buses. Thread: audio. RT-safe: yes.
    void render(const VoiceBuses& buses, std::uint32_t frames) noexcept;

    bool active() const noexcept { return active_; }
    bool released() const noexcept { return released_; }
    bool fading() const noexcept { return fadeFramesLeft_ > 0; }
    // Whether it feeds the effects now. Thread: audio. RT-safe: yes.
    bool sendsToReverb() const noexcept { return reverbSend_ > 0.0F; }
    bool sendsToChorus() const noexcept { return chorusSend_ > 0.0F; }
    // The louder side's gain now (envelope, level, pan and fades), for choosing a voice to steal.
    float loudness() const noexcept { return std::max(gainNow(0), gainNow(1)); }
    std::uint8_t channel() const noexcept { return note_.channel0to15; }
    std::uint8_t key() const noexcept { return note_.key; }
    std::uint64_t serial() const noexcept { return note_.serial; }
    const void* bank() const noexcept { return note_.bank; }
    const SamplerRegion& region() const noexcept { return *note_.region; }

private:
    // Takes the channel's controllers in: the parameters and what follows from them alone.
    void refreshParameters() noexcept;
    void controlStep() noexcept;
    // Brings the envelopes to the current frame. They move only here, in whole runs between
    // control steps and events, so the sound does not depend on how blocks split the frames.
    void catchUpEnvelopes() noexcept;
    float gainNow(int side) const noexcept {
        const auto s = static_cast<std::size_t>(side);
        if (stepFramesDone_ >= stepFrames_) return stepTarget_[s];
        return stepStart_[s] + stepSlope_[s] * static_cast<float>(stepFramesDone_);
    }
    void renderStep(const VoiceBuses& buses, std::uint32_t frames) noexcept;
    void filter(float* samples, std::uint32_t frames, std::size_t channel) noexcept;
    // Fills scratch_ with `frames` interpolated frames (per channel), advancing the position;
    // returns how many it made before the sample ended.
    template <int Channels, Interpolation Quality>
    std::uint32_t readSample(std::uint32_t frames) noexcept;
    // The fast path of cubic reading: `frames` (≤ kControlFrames) frames whose taps all lie inside
    // the sound, written to out[c][made…]; returns `frames`.
    template <int Channels>
    std::uint32_t cubicRun(const float* data, std::uint32_t frames, float* const* out, std::uint32_t made) noexcept;
    template <int Channels>
    float tap(std::int64_t frame, int channel, const float* data) const noexcept;
    bool looping() const noexcept;

    Note note_{};
    ModulatedParameters parameters_{};
    std::uint32_t channelRevision_ = 0;
    // Worked out from the parameters once per change of them.
    std::array<float, 2> panGains_{};
    float attenuationGain_ = 1;
    float loudestLfoGain_ = 1;  // the modulation LFO's largest lift of the volume
    float filterQ_ = 0.7071F;
    // The pitch and cutoff the voice is tuned to now (NaN: not yet).
    float tunedCents_ = 0;
    float tunedCutoffCents_ = 0;
    SamplerEnvelope volumeEnvelope_{};
    SamplerEnvelope modulationEnvelope_{};
    // The volume envelope as the last control step saw it at the step's end, that step's length
    // later (0: not worked out, or no longer true): catching up after a whole step copies it.
    SamplerEnvelope volumeAhead_{};
    std::uint32_t volumeAheadFrames_ = 0;
    std::array<VoiceFilter, 2> filters_{};
    std::array<float, 2> onePoleState_{};

    // Sample position in 32.32 fixed point, in frames of the sample; and its step per output frame.
    std::uint64_t position_ = 0;
    std::uint64_t increment_ = 0;
    bool wrapped_ = false;  // has looped at least once

    // Frames lived, and frames since the envelopes last moved.
    std::uint64_t age_ = 0;
    std::uint32_t framesSinceControl_ = 0;
    // The control step: its length and progress, and each side's gain at its start, change per
    // frame, and value at its end.
    std::uint32_t stepFrames_ = 0;
    std::uint32_t stepFramesDone_ = 0;
    std::array<float, 2> stepStart_{};
    std::array<float, 2> stepSlope_{};
    std::array<float, 2> stepTarget_{};
    float reverbSend_ = 0;
    float chorusSend_ = 0;
    float velocityGain_ = 1;
    bool filterOn_ = false;
    float onePoleCoefficient_ = 0;
    std::uint32_t fadeFramesLeft_ = 0;  // > 0 while fading out
    bool active_ = false;
    bool released_ = false;
    bool heldBySustain_ = false;
    bool heldBySostenuto_ = false;
    bool controlsDirty_ = false;  // an event moved the voice mid-step: recompute at the next frame

    alignas(16) std::array<float, std::size_t{kControlFrames} * 2> scratch_{};
};

}  // namespace mos::audio::sampler
