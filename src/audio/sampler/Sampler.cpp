#include "mos/audio/Sampler.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <utility>

#include "audio/effects/Chorus.hpp"
#include "audio/effects/Limiter.hpp"
#include "audio/effects/Reverb.hpp"
#include "audio/sampler/FlushDenormals.hpp"
#include "audio/sampler/Interpolation.hpp"
#include "audio/sampler/SamplerChannel.hpp"
#include "audio/sampler/SamplerVoice.hpp"

namespace mos::audio {

namespace {

using sampler::SamplerChannel;
using sampler::SamplerVoice;

constexpr std::size_t kChannels = 16;
constexpr std::uint8_t kDrumChannel = 9;
constexpr std::size_t kVoiceSlots = std::size_t{Sampler::kMaxVoices} + Sampler::kFadeVoices;
// Longer than the chorus's longest delay: after this much silence in, its output is silent too.
constexpr float kChorusDrainSeconds = 0.05F;

std::uint32_t framesFor(float seconds, float rate) {
    return std::max(static_cast<std::uint32_t>(std::lround(seconds * rate)), 1U);
}

// A small, fast generator for SFZ's lorand/hirand: the same notes give the same choices in every
// render.
class RandomUnit {
public:
    float next() noexcept {
        state_ ^= state_ << 13U;
        state_ ^= state_ >> 17U;
        state_ ^= state_ << 5U;
        return static_cast<float>(state_ >> 8U) / 16777216.0F;
    }
    void reset() noexcept { state_ = kSeed; }

private:
    static constexpr std::uint32_t kSeed = 0x2545F491;
    std::uint32_t state_ = kSeed;
};

}  // namespace

struct Sampler::State {
    std::array<SamplerChannel, kChannels> channels{};
    std::array<const Preset*, kChannels> presets{};
    std::array<SamplerVoice, kVoiceSlots> voices{};
    const InstrumentBank* bank = nullptr;
    // A bank just replaced, kept until its last voice has faded.
    const InstrumentBank* draining = nullptr;
    std::vector<float> buses;  // six buses of maxBlockFrames: dry, reverb and chorus, left and right
    effects::Reverb reverb;
    effects::Chorus chorus;
    effects::Limiter limiter;
    float rate = 0.0F;
    std::uint32_t maxBlockFrames = 0;  // 0: not prepared
    std::uint32_t stealFadeFrames = 1;
    std::uint32_t allSoundOffFrames = 1;
    std::uint32_t chokeFrames = 1;
    std::uint64_t serial = 0;
    RandomUnit random;
    Interpolation interpolation = Interpolation::Cubic;
    std::uint64_t stolen = 0;
    // Whether any voice fed the effect sends in the current chunk; how long the chorus has heard
    // nothing, and after how long its delay lines hold only silence.
    bool reverbFed = false;
    bool chorusFed = false;
    std::uint32_t chorusQuietFrames = 0;
    std::uint32_t chorusDrainFrames = 1;

    State() {
        for (std::size_t c = 0; c < kChannels; ++c) channels[c] = SamplerChannel{c == kDrumChannel};
    }

    sampler::VoiceBuses busesAt(std::uint32_t offset) noexcept {
        float* base = buses.data();
        const std::size_t n = maxBlockFrames;
        return {base + offset,         base + n + offset,     base + 2 * n + offset,
                base + 3 * n + offset, base + 4 * n + offset, base + 5 * n + offset};
    }

    void apply(const InstrumentEvent& event) noexcept;
    void noteOn(std::uint8_t channel, std::uint8_t key, std::uint8_t velocity) noexcept;
    void noteOff(std::uint8_t channel, std::uint8_t key) noexcept;
    void startRegions(std::uint8_t channel, std::uint8_t key, std::uint8_t velocity, bool releaseTrigger) noexcept;
    void startVoice(const SamplerRegion& region, std::uint8_t channel, std::uint8_t key, std::uint8_t velocity,
                    bool detached) noexcept;
    SamplerVoice& freeVoice() noexcept;
    void controlChange(std::uint8_t channel, std::uint8_t controller, std::uint8_t value) noexcept;
    void controllersChanged(std::uint8_t channel) noexcept;
    void sustainReleased(std::uint8_t channel) noexcept;
    void sostenutoPressed(std::uint8_t channel) noexcept;
    void sostenutoReleased(std::uint8_t channel) noexcept;
    void releaseAll(std::uint8_t channel, bool evenIfPedalled) noexcept;
    void fadeAll(std::uint8_t channel) noexcept;
    void choosePreset(std::uint8_t channel) noexcept;
    void adopt(const InstrumentBank* next) noexcept;
    bool drained() const noexcept;
    void renderVoices(std::uint32_t offset, std::uint32_t frames) noexcept;
};

Sampler::Sampler() : state_{std::make_unique<State>()} {
    // Build the sinc table now, on the control side, so no voice ever builds it.
    static_cast<void>(sampler::SincTable::instance());
}

Sampler::~Sampler() = default;

void Sampler::setBank(std::shared_ptr<const InstrumentBank> bank) {
    collectRetired();
    if (!bank) return;
    const InstrumentBank* raw = bank.get();
    owned_.push_back(std::move(bank));
    // acq_rel: release publishes the finished bank; acquire sees whether a previous one was taken.
    const InstrumentBank* unclaimed = published_.exchange(raw, std::memory_order_acq_rel);
    if (unclaimed != nullptr) {
        std::erase_if(owned_, [&](const auto& owned) { return owned.get() == unclaimed; });
    }
}

void Sampler::collectRetired() {
    while (const auto retired = retired_.tryPop()) {
        std::erase_if(owned_, [&](const auto& owned) { return owned.get() == retired->bank; });
    }
}

void Sampler::prepare(core::SampleRate rate, std::uint32_t maxBlockFrames) {
    State& s = *state_;
    s.rate = static_cast<float>(rate.value);
    s.maxBlockFrames = rate.value == 0 ? 0 : maxBlockFrames;
    s.buses.assign(std::size_t{6} * s.maxBlockFrames, 0.0F);
    if (s.maxBlockFrames > 0) {
        s.reverb.prepare(s.rate, s.maxBlockFrames);
        s.chorus.prepare(s.rate, s.maxBlockFrames);
        s.limiter.prepare(s.rate, s.maxBlockFrames);
    }
    for (SamplerVoice& voice : s.voices) voice.stop();
    for (SamplerChannel& channel : s.channels) channel.powerOn();
    s.stealFadeFrames = framesFor(kStealFadeSeconds, s.rate);
    s.allSoundOffFrames = framesFor(kAllSoundOffSeconds, s.rate);
    s.chokeFrames = framesFor(kChokeSeconds, s.rate);
    s.chorusDrainFrames = framesFor(kChorusDrainSeconds, s.rate);
    s.serial = 0;
    s.random.reset();
    // No voice sounds now, so a bank being replaced can go.
    if (s.draining != nullptr && retired_.tryPush(Retired{s.draining})) s.draining = nullptr;
    for (std::uint8_t c = 0; c < kChannels; ++c) s.choosePreset(c);
    peakVoices_.store(0, std::memory_order_relaxed);
}

void Sampler::render(std::span<const InstrumentEvent> events, float* left, float* right,
                     std::uint32_t frames) noexcept {
    State& s = *state_;
    if (s.maxBlockFrames == 0) return;
    const sampler::FlushDenormals flushDenormals;
    // Adopt a new bank only once the previous replacement has drained and can be handed back.
    if (s.draining != nullptr && s.drained() && retired_.tryPush(Retired{s.draining})) s.draining = nullptr;
    if (s.draining == nullptr && retired_.sizeApprox() < retired_.capacity()) {
        // acq_rel: acquire sees the bank the control side built; release pairs with setBank().
        if (const InstrumentBank* next = published_.exchange(nullptr, std::memory_order_acq_rel)) {
            s.adopt(next);
            ready_.store(true, std::memory_order_release);
        }
    }
    s.interpolation = interpolation_.load(std::memory_order_relaxed);

    std::size_t next = 0;
    for (std::uint32_t chunkStart = 0; chunkStart < frames;) {
        const std::uint32_t chunk = std::min(frames - chunkStart, s.maxBlockFrames);
        std::fill(s.buses.begin(), s.buses.end(), 0.0F);
        s.reverbFed = false;
        s.chorusFed = false;
        // Pieces between event frames, so each event lands on its exact frame.
        for (std::uint32_t done = 0; done < chunk;) {
            while (next < events.size() && events[next].frameOffset <= chunkStart + done) s.apply(events[next++]);
            std::uint32_t until = chunk;
            if (next < events.size() && events[next].frameOffset < chunkStart + chunk) {
                until = events[next].frameOffset - chunkStart;
            }
            s.renderVoices(done, until - done);
            done = until;
        }
        const sampler::VoiceBuses mix = s.busesAt(0);
        // The effects cost as much as dozens of voices: they run only while they have something
        // to say.
        if (s.reverbFed || !s.reverb.idle()) {
            s.reverb.process(mix.reverbLeft, mix.reverbRight, mix.dryLeft, mix.dryRight, chunk);
        }
        s.chorusQuietFrames = s.chorusFed ? 0 : s.chorusQuietFrames;
        if (s.chorusQuietFrames < s.chorusDrainFrames) {
            s.chorus.process(mix.chorusLeft, mix.chorusRight, mix.dryLeft, mix.dryRight, chunk);
            if (!s.chorusFed) s.chorusQuietFrames += chunk;
        }
        for (std::uint32_t i = 0; i < chunk; ++i) {
            mix.dryLeft[i] *= kMasterGain;
            mix.dryRight[i] *= kMasterGain;
        }
        s.limiter.process(mix.dryLeft, mix.dryRight, chunk);
        for (std::uint32_t i = 0; i < chunk; ++i) {
            left[chunkStart + i] += mix.dryLeft[i];
            right[chunkStart + i] += mix.dryRight[i];
        }
        chunkStart += chunk;
    }
    while (next < events.size()) s.apply(events[next++]);

    const std::uint32_t sounding = activeVoices();
    // relaxed: a statistic, read on its own.
    if (sounding > peakVoices_.load(std::memory_order_relaxed)) peakVoices_.store(sounding, std::memory_order_relaxed);
    stolen_.store(s.stolen, std::memory_order_relaxed);
}

std::uint32_t Sampler::latencyFrames() const noexcept { return state_->limiter.latencyFrames(); }

std::uint32_t Sampler::activeVoices() const noexcept {
    return static_cast<std::uint32_t>(std::count_if(state_->voices.begin(), state_->voices.end(),
                                                    [](const SamplerVoice& voice) { return voice.active(); }));
}

void Sampler::State::renderVoices(std::uint32_t offset, std::uint32_t frames) noexcept {
    if (frames == 0) return;
    const sampler::VoiceBuses at = busesAt(offset);
    for (SamplerVoice& voice : voices) {
        if (!voice.active()) continue;
        voice.render(at, frames);
        reverbFed = reverbFed || voice.sendsToReverb();
        chorusFed = chorusFed || voice.sendsToChorus();
    }
}

void Sampler::State::apply(const InstrumentEvent& event) noexcept {
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
            choosePreset(channel);
            break;
        case InstrumentEvent::Kind::ControlChange:
            controlChange(channel, data1, data2);
            break;
        case InstrumentEvent::Kind::PitchBend:
            channels[channel].setPitchWheel(static_cast<std::uint16_t>(data1 | (data2 << 7U)));
            controllersChanged(channel);
            break;
        case InstrumentEvent::Kind::ChannelPressure:
            channels[channel].setChannelPressure(data1);
            controllersChanged(channel);
            break;
        case InstrumentEvent::Kind::AllNotesOff:
            releaseAll(channel, true);
            break;
        case InstrumentEvent::Kind::AllSoundOff:
            fadeAll(channel);
            break;
    }
}

void Sampler::State::noteOn(std::uint8_t channel, std::uint8_t key, std::uint8_t velocity) noexcept {
    if (velocity == 0) {  // MIDI's running-status note off
        noteOff(channel, key);
        return;
    }
    // A key struck again releases its sounding note, as a piano's damper would.
    for (SamplerVoice& voice : voices) {
        if (voice.active() && voice.channel() == channel && voice.key() == key && !voice.released()) voice.release();
    }
    startRegions(channel, key, velocity, false);
}

void Sampler::State::noteOff(std::uint8_t channel, std::uint8_t key) noexcept {
    SamplerChannel& state = channels[channel];
    if (!state.keyHeld(key)) return;
    state.releaseKey(key);
    for (SamplerVoice& voice : voices) {
        if (!voice.active() || voice.channel() != channel || voice.key() != key || voice.released()) continue;
        if (voice.heldBySostenuto()) continue;
        if (state.sustainDown()) {
            voice.holdBySustain(true);
        } else {
            voice.release();
        }
    }
    startRegions(channel, key, state.lastVelocity(key), true);
}

// Starts every region of the channel's preset that answers this key, velocity and moment.
void Sampler::State::startRegions(std::uint8_t channel, std::uint8_t key, std::uint8_t velocity,
                                  bool releaseTrigger) noexcept {
    const Preset* preset = presets[channel];
    SamplerChannel& state = channels[channel];
    const bool otherKeysHeld = state.anyKeyHeldBut(key);
    if (!releaseTrigger) state.pressKey(key, velocity);
    if (preset == nullptr) return;
    const std::uint32_t strike = std::max(state.strikes(key), 1U);
    const float chance = random.next();
    const std::uint64_t firstSerial = serial + 1;
    for (const SamplerRegion& region : preset->regions) {
        if (!region.matches(key, velocity)) continue;
        switch (region.trigger) {
            case Trigger::Attack:
                if (releaseTrigger) continue;
                break;
            case Trigger::Release:
                if (!releaseTrigger) continue;
                break;
            case Trigger::First:
                if (releaseTrigger || otherKeysHeld) continue;
                break;
            case Trigger::Legato:
                if (releaseTrigger || !otherKeysHeld) continue;
                break;
        }
        if (region.sequenceLength > 1 &&
            (strike - 1) % region.sequenceLength + 1 != std::max<std::uint32_t>(region.sequencePosition, 1)) {
            continue;
        }
        if (chance < region.loRandom || chance >= region.hiRandom) continue;
        if (region.group != 0) {
            // The exclusive class: this note silences the channel's notes its group turns off,
            // but not the other regions this same note starts (a stereo pair).
            for (SamplerVoice& voice : voices) {
                if (voice.active() && voice.channel() == channel && voice.serial() < firstSerial &&
                    voice.region().offBy == region.group) {
                    voice.fadeOut(chokeFrames);
                }
            }
        }
        startVoice(region, channel, key, velocity, releaseTrigger);
    }
}

void Sampler::State::startVoice(const SamplerRegion& region, std::uint8_t channel, std::uint8_t key,
                                std::uint8_t velocity, bool detached) noexcept {
    SamplerVoice& voice = freeVoice();
    voice.start({.region = &region,
                 .channel = &channels[channel],
                 .channel0to15 = channel,
                 .key = key,
                 .velocity = velocity,
                 .outputRate = rate,
                 .interpolation = interpolation,
                 .serial = ++serial,
                 .bank = bank,
                 .detached = detached});
}

// A voice for a new note. Below kMaxVoices sounding notes it is a free one; beyond, the note that
// will be missed least fades out in a spare voice: a released one before a held one, then the
// quietest, then the oldest.
SamplerVoice& Sampler::State::freeVoice() noexcept {
    std::uint32_t sounding = 0;
    SamplerVoice* idle = nullptr;
    SamplerVoice* victim = nullptr;
    SamplerVoice* quietestFading = nullptr;
    const auto missedLess = [](const SamplerVoice& a, const SamplerVoice& b) {
        if (a.released() != b.released()) return a.released();
        if (a.loudness() != b.loudness()) return a.loudness() < b.loudness();
        return a.serial() < b.serial();
    };
    for (SamplerVoice& voice : voices) {
        if (!voice.active()) {
            if (idle == nullptr) idle = &voice;
        } else if (voice.fading()) {
            if (quietestFading == nullptr || voice.loudness() < quietestFading->loudness()) quietestFading = &voice;
        } else {
            ++sounding;
            if (victim == nullptr || missedLess(voice, *victim)) victim = &voice;
        }
    }
    if (sounding >= kMaxVoices && victim != nullptr) {
        victim->fadeOut(stealFadeFrames);
        ++stolen;
    }
    if (idle != nullptr) return *idle;
    // Every spare voice is still fading: the quietest of them ends now.
    quietestFading->stop();
    return *quietestFading;
}

void Sampler::State::controlChange(std::uint8_t channel, std::uint8_t controller, std::uint8_t value) noexcept {
    SamplerChannel& state = channels[channel];
    const bool sustainWasDown = state.sustainDown();
    const bool sostenutoWasDown = state.sostenutoDown();
    switch (controller) {
        case SamplerChannel::kAllSoundOff:
            fadeAll(channel);
            return;
        case SamplerChannel::kAllNotesOff:
            releaseAll(channel, false);
            return;
        default:
            break;
    }
    state.setController(controller, value);
    if (sustainWasDown && !state.sustainDown()) sustainReleased(channel);
    if (!sostenutoWasDown && state.sostenutoDown()) sostenutoPressed(channel);
    if (sostenutoWasDown && !state.sostenutoDown()) sostenutoReleased(channel);
    controllersChanged(channel);
}

void Sampler::State::controllersChanged(std::uint8_t channel) noexcept {
    for (SamplerVoice& voice : voices) {
        if (voice.active() && voice.channel() == channel) voice.controllersChanged();
    }
}

void Sampler::State::sustainReleased(std::uint8_t channel) noexcept {
    for (SamplerVoice& voice : voices) {
        if (!voice.active() || voice.channel() != channel || !voice.heldBySustain()) continue;
        voice.holdBySustain(false);
        if (!voice.heldBySostenuto()) voice.release();
    }
}

// Sostenuto holds the notes whose keys are down as it is pressed, and only those.
void Sampler::State::sostenutoPressed(std::uint8_t channel) noexcept {
    const SamplerChannel& state = channels[channel];
    for (SamplerVoice& voice : voices) {
        if (voice.active() && voice.channel() == channel && !voice.released() && state.keyHeld(voice.key())) {
            voice.holdBySostenuto(true);
        }
    }
}

void Sampler::State::sostenutoReleased(std::uint8_t channel) noexcept {
    const SamplerChannel& state = channels[channel];
    for (SamplerVoice& voice : voices) {
        if (!voice.active() || voice.channel() != channel || !voice.heldBySostenuto()) continue;
        voice.holdBySostenuto(false);
        if (state.keyHeld(voice.key())) continue;
        if (state.sustainDown()) {
            voice.holdBySustain(true);
        } else {
            voice.release();
        }
    }
}

// All Notes Off: every key up. The MIDI message (CC 123) leaves notes the pedals hold; the engine's
// own (a stop) ends those too, so nothing hangs.
void Sampler::State::releaseAll(std::uint8_t channel, bool evenIfPedalled) noexcept {
    SamplerChannel& state = channels[channel];
    for (std::uint8_t key = 0; key < 128; ++key) state.releaseKey(key);
    for (SamplerVoice& voice : voices) {
        if (!voice.active() || voice.channel() != channel || voice.released()) continue;
        if (!evenIfPedalled && (voice.heldBySostenuto() || state.sustainDown())) {
            voice.holdBySustain(state.sustainDown());
            continue;
        }
        voice.holdBySustain(false);
        voice.holdBySostenuto(false);
        voice.release();
    }
}

void Sampler::State::fadeAll(std::uint8_t channel) noexcept {
    for (std::uint8_t key = 0; key < 128; ++key) channels[channel].releaseKey(key);
    for (SamplerVoice& voice : voices) {
        if (voice.active() && voice.channel() == channel) voice.fadeOut(allSoundOffFrames);
    }
}

void Sampler::State::choosePreset(std::uint8_t channel) noexcept {
    const SamplerChannel& state = channels[channel];
    presets[channel] = bank == nullptr ? nullptr : bank->find(state.bank(), state.program());
}

// The new bank plays from now; the old one's notes fade out, and it goes back to the control side
// once they have.
void Sampler::State::adopt(const InstrumentBank* next) noexcept {
    draining = bank;
    bank = next;
    for (SamplerVoice& voice : voices) {
        if (voice.active()) voice.fadeOut(allSoundOffFrames);
    }
    for (std::uint8_t c = 0; c < kChannels; ++c) choosePreset(c);
}

bool Sampler::State::drained() const noexcept {
    return std::none_of(voices.begin(), voices.end(),
                        [&](const SamplerVoice& voice) { return voice.active() && voice.bank() == draining; });
}

}  // namespace mos::audio
