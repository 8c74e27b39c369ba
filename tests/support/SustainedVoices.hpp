#pragma once

// A device callback that keeps an instrument sounding a set number of voices, for measuring and
// testing the sampler's real-time behaviour at full load: 15 channels (the drum channel left out)
// play General MIDI programs whose samples loop (strings, organs, choirs, pads, brass and reeds),
// with reverb and chorus sends, and notes are struck until the voices reach the target. From then
// on the oldest held note is released every few blocks, and whenever releases end and the count
// falls below the target, new notes are struck: attacks, releases and the occasional stolen voice
// (a stereo note striking the last free voice) stay in the measured path while the count stays at
// the target.
//
//   SustainedVoices load{apollo, 256};
//   device->start(load);  ...  device->stop();
//   load.meanVoicesSinceFull()     // about 256 once reached

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "mos/audio/AudioDevice.hpp"
#include "mos/audio/Instrument.hpp"

namespace mos::test {

class SustainedVoices final : public audio::AudioCallback {
public:
    // Programs with looped samples in a General MIDI SoundFont, one for each channel but the drums'.
    static constexpr std::array<std::uint8_t, 15> kPrograms = {48, 49, 19, 16, 52, 89, 90, 50,
                                                               61, 68, 20, 53, 91, 44, 17};
    static constexpr std::uint8_t kDrumChannel = 9;

    // `instrument` must be prepared for blocks of the device's size and outlive the callback.
    // Thread: control. RT-safe: yes.
    SustainedVoices(audio::Instrument& instrument, std::uint32_t targetVoices,
                    std::uint32_t releaseEveryBlocks = 4) noexcept
        : instrument_{instrument}, target_{targetVoices}, releaseEveryBlocks_{std::max(1U, releaseEveryBlocks)} {}

    // Thread: audio. RT-safe: yes.
    void process(float* left, float* right, std::uint32_t frames) noexcept override {
        std::fill_n(left, frames, 0.0F);
        std::fill_n(right, frames, 0.0F);
        eventCount_ = 0;
        if (blocks_ == 0) setUpChannels();
        const std::uint32_t voices = instrument_.activeVoices();
        if (voices < target_) {
            // A note makes one or two voices (stereo samples): strike about half the shortfall.
            const std::uint32_t notes = std::min<std::uint32_t>(kMaxStrikesPerBlock, (target_ - voices + 1) / 2);
            for (std::uint32_t i = 0; i < notes; ++i) strike();
        } else if (blocks_ % releaseEveryBlocks_ == 0) {
            // Its voices sound on through their release; when they end, new notes take their place.
            releaseOldest();
        }
        instrument_.render({events_.data(), eventCount_}, left, right, frames);
        ++blocks_;

        const std::uint32_t sounding = instrument_.activeVoices();
        if (sounding >= target_) full_ = true;
        // Relaxed: statistics read on their own by the control side; stopping the device orders
        // the last values before the final read.
        if (full_) {
            if (sounding < fewestSinceFull_.load(std::memory_order_relaxed)) {
                fewestSinceFull_.store(sounding, std::memory_order_relaxed);
            }
            voicesSinceFull_.fetch_add(sounding, std::memory_order_relaxed);
            blocksSinceFull_.fetch_add(1, std::memory_order_relaxed);
        }
        notesStruck_.store(struck_, std::memory_order_relaxed);
    }

    // The fewest voices sounding after any block since the target was first reached; 0 while it has
    // not been. Thread: any. RT-safe: yes.
    std::uint32_t fewestVoicesSinceFull() const noexcept {
        const std::uint32_t fewest = fewestSinceFull_.load(std::memory_order_relaxed);
        return fewest == kNotFull ? 0 : fewest;
    }
    // The mean of the voices sounding after each block since the target was first reached: the
    // target when releases ending are replaced at once (they are, at the next block).
    // Thread: any. RT-safe: yes.
    double meanVoicesSinceFull() const noexcept {
        const std::uint64_t blocks = blocksSinceFull_.load(std::memory_order_relaxed);
        const auto voices = static_cast<double>(voicesSinceFull_.load(std::memory_order_relaxed));
        return blocks == 0 ? 0.0 : voices / static_cast<double>(blocks);
    }
    // Thread: any. RT-safe: yes.
    std::uint64_t notesStruck() const noexcept { return notesStruck_.load(std::memory_order_relaxed); }

private:
    struct Note {
        std::uint8_t channel0to15 = 0;
        std::uint8_t key = 0;
    };

    static constexpr std::uint32_t kNotFull = std::numeric_limits<std::uint32_t>::max();
    static constexpr std::uint32_t kMaxStrikesPerBlock = 4;  // a gentle ramp: no block does much more than the rest
    static constexpr std::size_t kMaxHeld = 512;             // more notes than voices, even if some die out
    static constexpr std::uint8_t kLowestKey = 36;
    static constexpr std::uint8_t kKeyRange = 60;
    static constexpr std::size_t kMaxEvents = kPrograms.size() * 5 + std::size_t{2} * kMaxStrikesPerBlock;

    void setUpChannels() noexcept {
        for (std::size_t i = 0; i < kPrograms.size(); ++i) {
            const std::uint8_t channel = channelOf(i);
            push({0, audio::InstrumentEvent::Kind::ProgramChange, channel, kPrograms[i], 0});
            push({0, audio::InstrumentEvent::Kind::ControlChange, channel, 7, 100});  // volume
            push({0, audio::InstrumentEvent::Kind::ControlChange, channel, 10, static_cast<std::uint8_t>(i * 9)});
            push({0, audio::InstrumentEvent::Kind::ControlChange, channel, 91, 60});  // reverb send
            push({0, audio::InstrumentEvent::Kind::ControlChange, channel, 93, 30});  // chorus send
        }
    }

    // The next note of a walk over every channel and key, so a (channel, key) comes back only
    // after hundreds of other notes, long after it was released.
    void strike() noexcept {
        if (heldCount_ == kMaxHeld) releaseOldest();
        const std::size_t channelIndex = struck_ % kPrograms.size();
        const auto key = static_cast<std::uint8_t>(kLowestKey + (struck_ / kPrograms.size() * 7) % kKeyRange);
        const Note note{channelOf(channelIndex), key};
        held_[(heldFirst_ + heldCount_) % kMaxHeld] = note;
        ++heldCount_;
        ++struck_;
        push(audio::InstrumentEvent::noteOn(0, note.channel0to15, note.key, 90));
    }

    void releaseOldest() noexcept {
        if (heldCount_ == 0) return;
        const Note note = held_[heldFirst_];
        heldFirst_ = (heldFirst_ + 1) % kMaxHeld;
        --heldCount_;
        push(audio::InstrumentEvent::noteOff(0, note.channel0to15, note.key));
    }

    void push(const audio::InstrumentEvent& event) noexcept {
        if (eventCount_ < events_.size()) events_[eventCount_++] = event;
    }

    static std::uint8_t channelOf(std::size_t index) noexcept {
        return static_cast<std::uint8_t>(index < kDrumChannel ? index : index + 1);
    }

    audio::Instrument& instrument_;
    std::uint32_t target_;
    std::uint32_t releaseEveryBlocks_;
    // Audio thread only.
    std::array<audio::InstrumentEvent, kMaxEvents> events_{};
    std::size_t eventCount_ = 0;
    std::array<Note, kMaxHeld> held_{};
    std::size_t heldFirst_ = 0;
    std::size_t heldCount_ = 0;
    std::uint64_t struck_ = 0;
    std::uint64_t blocks_ = 0;
    bool full_ = false;
    // Written by the audio thread, read by any (relaxed, see process()).
    std::atomic<std::uint32_t> fewestSinceFull_{kNotFull};
    std::atomic<std::uint64_t> notesStruck_{0};
    std::atomic<std::uint64_t> voicesSinceFull_{0};
    std::atomic<std::uint64_t> blocksSinceFull_{0};
};

}  // namespace mos::test
