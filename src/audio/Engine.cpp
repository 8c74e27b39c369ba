// Player → channel messages → instrument, one block (or piece of a block) at a time.

#include "mos/audio/Engine.hpp"

#include <algorithm>

#include "mos/core/Clock.hpp"
#include "mos/core/StandardEvents.hpp"

namespace mos::audio {

namespace {
constexpr std::uint8_t kDrumChannel = 9;
constexpr std::uint8_t kAccentVelocity = 120;
constexpr std::uint8_t kBeatVelocity = 85;
constexpr std::uint8_t kAllNotesOffController = 123;
}  // namespace

Engine::Engine(transport::Player& player, Instrument& instrument, EngineOptions options)
    : player_{player}, instrument_{instrument}, options_{options} {
    options_.maxBlockFrames = std::max<std::uint32_t>(1, options_.maxBlockFrames);
    instrument_.prepare(options_.sampleRate, options_.maxBlockFrames);
}

void Engine::process(float* left, float* right, std::uint32_t frames) noexcept {
    std::fill_n(left, frames, 0.0F);
    std::fill_n(right, frames, 0.0F);
    blockNanos_ = core::SteadyClock::instance().nowNanos();
    for (std::uint32_t done = 0; done < frames;) {
        const std::uint32_t piece = std::min(frames - done, options_.maxBlockFrames);
        eventCount_ = 0;
        player_.process(piece, *this);
        playLive(piece);
        instrument_.render({events_.data(), eventCount_}, left + done, right + done, piece);
        done += piece;
    }
}

void Engine::playLive(std::uint32_t frames) noexcept {
    const std::int64_t start = live_.clock();
    const std::span<const InstrumentEvent> live = live_.process(frames);
    mergeSorted(live);
    if (eventChannel_ == nullptr) return;
    for (const InstrumentEvent& event : live) {
        const std::int64_t sample = start + event.frameOffset;
        if (event.kind == InstrumentEvent::Kind::NoteOn) {
            eventChannel_->tryEmit(core::NoteOn{.sampleTime = sample,
                                                .part = -1,
                                                .channel0to15 = event.channel0to15,
                                                .key0to127 = event.data1,
                                                .velocity1to127 = event.data2,
                                                .source = core::NoteSource::Interface},
                                   blockNanos_);
        } else if (event.kind == InstrumentEvent::Kind::NoteOff) {
            eventChannel_->tryEmit(core::NoteOff{.sampleTime = sample,
                                                 .part = -1,
                                                 .channel0to15 = event.channel0to15,
                                                 .key0to127 = event.data1,
                                                 .source = core::NoteSource::Interface},
                                   blockNanos_);
        }
    }
}

// Merges `events` (sorted) into the player's (sorted) from the back, so that nothing moves twice and
// at the same frame the player's come first.
void Engine::mergeSorted(std::span<const InstrumentEvent> events) noexcept {
    const std::size_t room = events_.size() - eventCount_;
    if (events.size() > room) {
        dropped_.fetch_add(events.size() - room, std::memory_order_relaxed);
        events = events.first(room);
    }
    std::size_t mine = eventCount_;
    std::size_t theirs = events.size();
    std::size_t out = eventCount_ + events.size();
    while (theirs > 0) {
        if (mine > 0 && events_[mine - 1].frameOffset > events[theirs - 1].frameOffset) {
            events_[--out] = events_[--mine];
        } else {
            events_[--out] = events[--theirs];
        }
    }
    eventCount_ += events.size();
}

void Engine::push(const InstrumentEvent& event) noexcept {
    if (eventCount_ == events_.size()) {
        dropped_.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    events_[eventCount_++] = event;
}

void Engine::noteOn(std::uint32_t frameOffset, const transport::ProgramNote& note) noexcept {
    push(InstrumentEvent::noteOn(frameOffset, note.channel0to15, note.key0to127, note.velocity1to127));
    if (eventChannel_ == nullptr) return;
    eventChannel_->tryEmit(core::NoteOn{.sampleTime = note.startSample,
                                        .part = static_cast<std::int32_t>(note.part),
                                        .channel0to15 = note.channel0to15,
                                        .key0to127 = note.key0to127,
                                        .velocity1to127 = note.velocity1to127},
                           blockNanos_);
}

void Engine::noteOff(std::uint32_t frameOffset, const transport::ProgramNote& note) noexcept {
    push(InstrumentEvent::noteOff(frameOffset, note.channel0to15, note.key0to127));
    if (eventChannel_ == nullptr) return;
    eventChannel_->tryEmit(core::NoteOff{.sampleTime = note.endSample,
                                         .part = static_cast<std::int32_t>(note.part),
                                         .channel0to15 = note.channel0to15,
                                         .key0to127 = note.key0to127},
                           blockNanos_);
}

void Engine::programChange(std::uint32_t frameOffset, std::uint8_t channel0to15, std::uint8_t program) noexcept {
    push({frameOffset, InstrumentEvent::Kind::ProgramChange, channel0to15, program, 0});
}

void Engine::beat(std::uint32_t frameOffset, std::int64_t sample, const transport::PerformedMeasure& measure,
                  std::uint16_t beat) noexcept {
    const bool downbeat = beat == 1;
    if (metronome()) click(frameOffset, downbeat);
    if (eventChannel_ == nullptr) return;
    eventChannel_->tryEmit(core::Beat{.sampleTime = sample,
                                      .measure = static_cast<std::int32_t>(measure.measure + 1),
                                      .beat = beat,
                                      .downbeat = downbeat},
                           blockNanos_);
}

void Engine::countInBeat(std::uint32_t frameOffset, std::uint16_t beat, std::uint16_t /*beatsPerBar*/) noexcept {
    click(frameOffset, beat == 1);
}

void Engine::click(std::uint32_t frameOffset, bool downbeat) noexcept {
    push(InstrumentEvent::noteOn(frameOffset, kDrumChannel, downbeat ? kClickDownbeatKey : kClickBeatKey,
                                 downbeat ? kAccentVelocity : kBeatVelocity));
}

// The transport stopping silences the score, not what is played live.
void Engine::allNotesOff(std::uint32_t frameOffset) noexcept {
    for (std::uint8_t channel = 0; channel < 16; ++channel) {
        if (channel == LivePlayer::kChannel) continue;
        push({frameOffset, InstrumentEvent::Kind::ControlChange, channel, kAllNotesOffController, 0});
    }
}

}  // namespace mos::audio
