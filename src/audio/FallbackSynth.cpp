#include "mos/audio/FallbackSynth.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <tuple>
#include <vector>

#include "audio/synth/ChannelControls.hpp"
#include "audio/synth/Patches.hpp"
#include "audio/synth/Voice.hpp"
#include "audio/synth/Wavetables.hpp"

namespace mos::audio {

namespace {

constexpr std::size_t kChannels = 16;
constexpr std::uint8_t kDrumChannel = 9;

// Control change numbers (MIDI 1.0 and GM).
constexpr std::uint8_t kVolumeController = 7;
constexpr std::uint8_t kPanController = 10;
constexpr std::uint8_t kExpressionController = 11;
constexpr std::uint8_t kSustainPedalController = 64;
constexpr std::uint8_t kAllSoundOffController = 120;
constexpr std::uint8_t kResetControllersController = 121;
constexpr std::uint8_t kAllNotesOffController = 123;

// How fast a hi-hat silences the one it replaces.
constexpr float kChokeSeconds = 0.01F;

// Scales the mix so that a single mezzo-forte note peaks near 0.07 (-23 dBFS) and a loud ten-note
// chord is only gently bent by the soft clip.
constexpr float kMasterGain = 0.4F;
// Above this level the output bends smoothly towards ±1 instead of clipping.
constexpr float kSoftClipKnee = 0.7F;

// Identity below the knee; above it, knee + (1 - knee)·u/(1 + u) with u the excess over the knee in
// units of the headroom: continuous in value and slope, never reaching 1.
float softClip(float sample) noexcept {
    const float magnitude = std::abs(sample);
    if (magnitude <= kSoftClipKnee) return sample;
    const float excess = (magnitude - kSoftClipKnee) / (1.0F - kSoftClipKnee);
    return std::copysign(kSoftClipKnee + (1.0F - kSoftClipKnee) * excess / (1.0F + excess), sample);
}

std::uint32_t samplesFor(float seconds, float sampleRate) {
    return std::max(static_cast<std::uint32_t>(std::lround(seconds * sampleRate)), 1U);
}

// A different, fixed noise seed for every note of a render: Fibonacci hashing of its count.
std::uint32_t noiseSeed(std::uint64_t noteCount) {
    return static_cast<std::uint32_t>((noteCount + 1) * 0x9E3779B97F4A7C15ULL >> 32U);
}

// A voice and, for a few milliseconds after it was stolen, the note it replaced fading out beneath
// the new one. Fading in place keeps the number of voices within kMaxVoices.
struct Slot {
    synth::Voice voice;
    synth::Voice outgoing;

    bool active() const noexcept { return voice.active() || outgoing.active(); }
};

}  // namespace

struct FallbackSynth::State {
    synth::Wavetables tables;
    std::array<synth::ChannelControls, kChannels> channels{};
    std::array<Slot, kMaxVoices> slots{};
    std::vector<float> mixLeft;
    std::vector<float> mixRight;
    std::vector<float> buses;  // one mono bus per channel, maxBlockFrames each
    std::array<bool, kChannels> busInUse{};
    float sampleRate = 0.0F;
    std::uint32_t maxBlockFrames = 0;  // 0: not prepared
    std::uint32_t stealFadeSamples = 1;
    std::uint32_t allSoundOffSamples = 1;
    std::uint32_t chokeSamples = 1;
    std::uint64_t notesStarted = 0;

    void apply(const InstrumentEvent& event) noexcept;
    void noteOn(std::uint8_t channel, std::uint8_t key, std::uint8_t velocity) noexcept;
    void noteOff(std::uint8_t channel, std::uint8_t key) noexcept;
    void controlChange(std::uint8_t channel, std::uint8_t controller, std::uint8_t value) noexcept;
    void pedalUp(std::uint8_t channel) noexcept;
    void allNotesOff(std::uint8_t channel) noexcept;
    void allSoundOff(std::uint8_t channel) noexcept;
    Slot& slotForNewNote() noexcept;
    void renderSpan(std::uint32_t begin, std::uint32_t frames) noexcept;
    void mixChannel(std::size_t channel, std::uint32_t begin, std::uint32_t frames) noexcept;
};

FallbackSynth::FallbackSynth() : state_{std::make_unique<State>()} {}

FallbackSynth::~FallbackSynth() = default;

void FallbackSynth::prepare(core::SampleRate rate, std::uint32_t maxBlockFrames) {
    State& s = *state_;
    s.sampleRate = static_cast<float>(rate.value);
    s.maxBlockFrames = rate.value == 0 ? 0 : maxBlockFrames;
    s.mixLeft.assign(s.maxBlockFrames, 0.0F);
    s.mixRight.assign(s.maxBlockFrames, 0.0F);
    s.buses.assign(kChannels * s.maxBlockFrames, 0.0F);
    for (Slot& slot : s.slots) {
        slot.voice.stop();
        slot.outgoing.stop();
    }
    for (synth::ChannelControls& channel : s.channels) channel.prepare(s.sampleRate);
    s.stealFadeSamples = samplesFor(kStealFadeSeconds, s.sampleRate);
    s.allSoundOffSamples = samplesFor(kAllSoundOffSeconds, s.sampleRate);
    s.chokeSamples = samplesFor(kChokeSeconds, s.sampleRate);
    s.notesStarted = 0;
}

void FallbackSynth::render(std::span<const InstrumentEvent> events, float* left, float* right,
                           std::uint32_t frames) noexcept {
    State& s = *state_;
    if (s.maxBlockFrames == 0) return;
    std::size_t next = 0;
    // Chunks of at most maxBlockFrames, should a caller pass more; everything advances per sample,
    // so chunking changes nothing in the sound.
    for (std::uint32_t chunkStart = 0; chunkStart < frames;) {
        const std::uint32_t chunk = std::min(frames - chunkStart, s.maxBlockFrames);
        std::fill_n(s.mixLeft.begin(), chunk, 0.0F);
        std::fill_n(s.mixRight.begin(), chunk, 0.0F);
        // Sub-blocks between event frames, so each event lands on its exact sample.
        for (std::uint32_t done = 0; done < chunk;) {
            while (next < events.size() && events[next].frameOffset <= chunkStart + done) s.apply(events[next++]);
            std::uint32_t until = chunk;
            if (next < events.size() && events[next].frameOffset < chunkStart + chunk) {
                until = events[next].frameOffset - chunkStart;
            }
            s.renderSpan(done, until - done);
            done = until;
        }
        for (std::uint32_t i = 0; i < chunk; ++i) {
            left[chunkStart + i] += softClip(s.mixLeft[i] * kMasterGain);
            right[chunkStart + i] += softClip(s.mixRight[i] * kMasterGain);
        }
        chunkStart += chunk;
    }
    while (next < events.size()) s.apply(events[next++]);
}

std::uint32_t FallbackSynth::activeVoices() const noexcept {
    return static_cast<std::uint32_t>(
        std::count_if(state_->slots.begin(), state_->slots.end(), [](const Slot& slot) { return slot.active(); }));
}

void FallbackSynth::State::apply(const InstrumentEvent& event) noexcept {
    const auto channel = static_cast<std::uint8_t>(event.channel0to15 & 0x0FU);
    const auto data1 = static_cast<std::uint8_t>(event.data1 & 0x7FU);
    const auto data2 = static_cast<std::uint8_t>(event.data2 & 0x7FU);
    switch (event.kind) {
        case InstrumentEvent::Kind::NoteOn:
            noteOn(channel, data1, data2);
            break;
        case InstrumentEvent::Kind::NoteOff:
            noteOff(channel, data1);
            break;
        case InstrumentEvent::Kind::ProgramChange:
            channels[channel].setProgram(data1);
            break;
        case InstrumentEvent::Kind::ControlChange:
            controlChange(channel, data1, data2);
            break;
        case InstrumentEvent::Kind::AllNotesOff:
            allNotesOff(channel);
            break;
        case InstrumentEvent::Kind::AllSoundOff:
            allSoundOff(channel);
            break;
        case InstrumentEvent::Kind::PitchBend:
        case InstrumentEvent::Kind::ChannelPressure:
            break;  // the fallback synth's notes keep their pitch and level
    }
}

void FallbackSynth::State::noteOn(std::uint8_t channel, std::uint8_t key, std::uint8_t velocity) noexcept {
    if (velocity == 0) {  // MIDI's running-status note off
        noteOff(channel, key);
        return;
    }
    // GM has one drum kit, so a program change on the drum channel changes nothing.
    const synth::Patch& patch =
        channel == kDrumChannel ? synth::drumPatch(key) : synth::melodicPatch(channels[channel].program());
    for (Slot& slot : slots) {
        synth::Voice& voice = slot.voice;
        if (!voice.active() || voice.channel() != channel) continue;
        // A key struck again releases its previous note, as a piano's damper would.
        if (voice.key() == key && !voice.ending()) voice.release();
        if (patch.chokeGroup != 0 && voice.chokeGroup() == patch.chokeGroup) voice.fadeOut(chokeSamples);
    }
    Slot& slot = slotForNewNote();
    slot.voice.start({.patch = &patch,
                      .tables = &tables,
                      .sampleRate = sampleRate,
                      .channel0to15 = channel,
                      .key0to127 = key,
                      .velocity1to127 = velocity,
                      .noiseSeed = noiseSeed(notesStarted),
                      .order = notesStarted});
    ++notesStarted;
}

Slot& FallbackSynth::State::slotForNewNote() noexcept {
    for (Slot& slot : slots) {
        if (!slot.voice.active()) return slot;
    }
    // Steal: a slot whose previous theft has finished fading, then a note on its way out, then the
    // quietest as heard (through its channel's gains), then the oldest.
    const auto rank = [this](const Slot& slot) {
        const synth::ChannelControls& controls = channels[slot.voice.channel()];
        const float heard = slot.voice.loudness() * (controls.left() + controls.right());
        return std::tuple{slot.outgoing.active(), !slot.voice.ending(), heard, slot.voice.order()};
    };
    Slot* victim = &slots.front();
    for (Slot& slot : slots) {
        if (rank(slot) < rank(*victim)) victim = &slot;
    }
    victim->outgoing = victim->voice;
    victim->outgoing.fadeOut(stealFadeSamples);
    return *victim;
}

void FallbackSynth::State::noteOff(std::uint8_t channel, std::uint8_t key) noexcept {
    const bool pedalDown = channels[channel].pedalDown();
    for (Slot& slot : slots) {
        synth::Voice& voice = slot.voice;
        if (voice.active() && voice.channel() == channel && voice.key() == key) voice.keyUp(pedalDown);
    }
}

void FallbackSynth::State::controlChange(std::uint8_t channel, std::uint8_t controller, std::uint8_t value) noexcept {
    synth::ChannelControls& controls = channels[channel];
    switch (controller) {
        case kVolumeController:
            controls.setVolume(value);
            break;
        case kPanController:
            controls.setPan(value);
            break;
        case kExpressionController:
            controls.setExpression(value);
            break;
        case kSustainPedalController:
            controls.setPedalDown(value >= 64);
            if (value < 64) pedalUp(channel);
            break;
        case kAllSoundOffController:
            allSoundOff(channel);
            break;
        case kResetControllersController:
            controls.resetControllers();
            pedalUp(channel);
            break;
        case kAllNotesOffController:
            allNotesOff(channel);
            break;
        default:
            break;
    }
}

void FallbackSynth::State::pedalUp(std::uint8_t channel) noexcept {
    for (Slot& slot : slots) {
        if (slot.voice.active() && slot.voice.channel() == channel) slot.voice.pedalUp();
    }
}

void FallbackSynth::State::allNotesOff(std::uint8_t channel) noexcept {
    for (Slot& slot : slots) {
        if (slot.voice.active() && slot.voice.channel() == channel) slot.voice.release();
    }
}

void FallbackSynth::State::allSoundOff(std::uint8_t channel) noexcept {
    for (Slot& slot : slots) {
        for (synth::Voice* voice : {&slot.voice, &slot.outgoing}) {
            if (voice->active() && voice->channel() == channel) voice->fadeOut(allSoundOffSamples);
        }
    }
}

void FallbackSynth::State::renderSpan(std::uint32_t begin, std::uint32_t frames) noexcept {
    if (frames == 0) return;
    busInUse.fill(false);
    for (Slot& slot : slots) {
        for (synth::Voice* voice : {&slot.voice, &slot.outgoing}) {
            if (!voice->active()) continue;
            const std::size_t channel = voice->channel();
            float* bus = buses.data() + channel * maxBlockFrames;
            if (!busInUse[channel]) {
                std::fill_n(bus, frames, 0.0F);
                busInUse[channel] = true;
            }
            voice->render(bus, frames);
        }
    }
    for (std::size_t channel = 0; channel < kChannels; ++channel) mixChannel(channel, begin, frames);
}

void FallbackSynth::State::mixChannel(std::size_t channel, std::uint32_t begin, std::uint32_t frames) noexcept {
    synth::ChannelControls& controls = channels[channel];
    const float* bus = buses.data() + channel * maxBlockFrames;
    float* left = mixLeft.data() + begin;
    float* right = mixRight.data() + begin;
    if (controls.gliding()) {
        // The gains glide per sample even on a silent channel, so they do not depend on when
        // notes happen to sound.
        for (std::uint32_t i = 0; i < frames; ++i) {
            controls.glide();
            if (busInUse[channel]) {
                left[i] += bus[i] * controls.left();
                right[i] += bus[i] * controls.right();
            }
        }
    } else if (busInUse[channel]) {
        const float leftGain = controls.left();
        const float rightGain = controls.right();
        for (std::uint32_t i = 0; i < frames; ++i) {
            left[i] += bus[i] * leftGain;
            right[i] += bus[i] * rightGain;
        }
    }
}

}  // namespace mos::audio
