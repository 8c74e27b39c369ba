// The live gestures' queue and the audio thread's table of held keys.

#include "mos/audio/LivePlayer.hpp"

#include <algorithm>

namespace mos::audio {

namespace {

constexpr std::size_t kKeys = 128;

// The most messages one gesture can make: a chord restarting every key it plays, or a cutoff
// releasing every key.
constexpr std::size_t kMaxEventsPerGesture = std::max(2 * LivePlayer::kMaxChordNotes, kKeys);

}  // namespace

LivePlayer::LivePlayer() = default;

bool LivePlayer::tryPlay(std::span<const std::uint8_t> keys0to127, std::uint8_t velocity1to127,
                         std::int64_t frames) noexcept {
    if (keys0to127.empty() || keys0to127.size() > kMaxChordNotes) return false;
    Gesture gesture{.kind = Gesture::Kind::Play,
                    .data = std::clamp<std::uint8_t>(velocity1to127, 1, 127),
                    .keyCount = static_cast<std::uint8_t>(keys0to127.size()),
                    .frames = std::max<std::int64_t>(1, frames)};
    for (std::size_t k = 0; k < keys0to127.size(); ++k) gesture.keys[k] = keys0to127[k] & 0x7FU;
    return queue_.tryPush(gesture);
}

bool LivePlayer::tryCutoff() noexcept { return queue_.tryPush(Gesture{.kind = Gesture::Kind::Cutoff}); }

bool LivePlayer::trySetProgram(std::uint8_t program0to127) noexcept {
    return queue_.tryPush(
        Gesture{.kind = Gesture::Kind::Program, .data = static_cast<std::uint8_t>(program0to127 & 0x7FU)});
}

std::span<const InstrumentEvent> LivePlayer::process(std::uint32_t frames) noexcept {
    eventCount_ = 0;
    // Room is kept for the notes that end in this block, which come after the gestures' messages.
    while (eventCount_ + kMaxEventsPerGesture + kKeys <= events_.size()) {
        const Gesture* gesture = queue_.front();
        if (gesture == nullptr) break;
        apply(*gesture);
        queue_.popFront();
    }
    endDueNotes(frames);
    clock_ += frames;
    return {events_.data(), eventCount_};
}

// Every message of a gesture is due on the block's first frame.
void LivePlayer::apply(const Gesture& gesture) noexcept {
    switch (gesture.kind) {
        case Gesture::Kind::Play:
            ++gesture_;
            for (std::size_t k = 0; k < gesture.keyCount; ++k) {
                const std::uint8_t key = gesture.keys[k];
                if (held_[key].endSample >= 0) push(InstrumentEvent::noteOff(0, kChannel, key));
                push(InstrumentEvent::noteOn(0, kChannel, key, gesture.data));
                held_[key] = {clock_ + gesture.frames, gesture_};
            }
            return;
        case Gesture::Kind::Cutoff:
            for (std::size_t key = 0; key < kKeys; ++key) {
                if (held_[key].endSample < 0 || held_[key].gesture != gesture_) continue;
                push(InstrumentEvent::noteOff(0, kChannel, static_cast<std::uint8_t>(key)));
                held_[key] = {};
            }
            return;
        case Gesture::Kind::Program:
            push({0, InstrumentEvent::Kind::ProgramChange, kChannel, gesture.data, 0});
            return;
    }
}

// Note-offs for the held keys whose end falls in this block, in frame order after the gestures'.
void LivePlayer::endDueNotes(std::uint32_t frames) noexcept {
    const std::size_t first = eventCount_;
    const std::int64_t blockEnd = clock_ + frames;
    for (std::size_t key = 0; key < kKeys; ++key) {
        Held& held = held_[key];
        if (held.endSample < 0 || held.endSample >= blockEnd) continue;
        // Every end lies at or after this block's first frame: earlier ones ended in earlier blocks.
        push(InstrumentEvent::noteOff(static_cast<std::uint32_t>(held.endSample - clock_), kChannel,
                                      static_cast<std::uint8_t>(key)));
        held = {};
    }
    std::sort(events_.begin() + static_cast<std::ptrdiff_t>(first),
              events_.begin() + static_cast<std::ptrdiff_t>(eventCount_),
              [](const InstrumentEvent& a, const InstrumentEvent& b) { return a.frameOffset < b.frameOffset; });
}

std::uint32_t LivePlayer::heldKeys() const noexcept {
    return static_cast<std::uint32_t>(
        std::count_if(held_.begin(), held_.end(), [](const Held& held) { return held.endSample >= 0; }));
}

}  // namespace mos::audio
