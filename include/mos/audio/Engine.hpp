#pragma once

// The audio engine (the vision's UnifiedKernelEngine on the audio thread): each block, the player
// schedules the program's notes and beats, the engine turns them into channel messages — adding a
// metronome click on every beat when asked, the count-in's clicks, and the notes played live — and
// the instrument renders them, every one on its exact frame; what was played goes to the event bus.
// It is the callback a device calls, and the loop an offline render runs.
//
//   FallbackSynth synth;  transport::Player player;
//   Engine engine{player, synth, {.sampleRate = core::SampleRate{48000}, .maxBlockFrames = 1024}};
//   device->start(engine);            // or, offline: engine.process(left, right, frames) in a loop

#include <array>
#include <atomic>
#include <cstdint>
#include <span>

#include "mos/audio/AudioDevice.hpp"
#include "mos/audio/Instrument.hpp"
#include "mos/audio/LivePlayer.hpp"
#include "mos/core/EventBus.hpp"
#include "mos/transport/Player.hpp"

namespace mos::audio {

// The metronome plays GM wood blocks on the drum channel: high on the downbeat, low on the others.
inline constexpr std::uint8_t kClickDownbeatKey = 76;
inline constexpr std::uint8_t kClickBeatKey = 77;

struct EngineOptions {
    core::SampleRate sampleRate{48000};
    std::uint32_t maxBlockFrames = 4096;  // larger blocks are played in pieces of this size
};

class Engine final : public AudioCallback, private transport::PlaybackSink {
public:
    // Messages one piece of a block can carry; more are dropped (and counted).
    static constexpr std::size_t kMaxEventsPerBlock = 4096;

    // Prepares the instrument for the rate and block size. `player` and `instrument` must outlive
    // the engine. Thread: control. RT-safe: no.
    Engine(transport::Player& player, Instrument& instrument, EngineOptions options);

    // Clicks on every beat, accented on the downbeat. Thread: any. RT-safe: yes.
    void setMetronome(bool on) noexcept { metronome_.store(on, std::memory_order_relaxed); }
    bool metronome() const noexcept { return metronome_.load(std::memory_order_relaxed); }

    // Where the audio thread tells the bus what it played: NoteOn and NoteOff of the score's notes
    // and every Beat, stamped once per block. Set it before the engine first runs; it must outlive
    // the engine. Thread: control. RT-safe: no.
    void setEventChannel(core::RtChannel* channel) noexcept { eventChannel_ = channel; }

    // Notes played live, heard from the next block whether or not the transport plays; they reach
    // the bus as NoteOn and NoteOff of part -1 from NoteSource::Interface, stamped with
    // LivePlayer::clock(). Thread: its methods say. RT-safe: yes.
    LivePlayer& live() noexcept { return live_; }

    // Renders `frames` frames (overwriting left and right). Thread: audio. RT-safe: yes.
    void process(float* left, float* right, std::uint32_t frames) noexcept override;

    // Voices the instrument is sounding now. Thread: audio, or control while process() does not run.
    std::uint32_t activeVoices() const noexcept { return instrument_.activeVoices(); }
    // Channel messages lost to a full event buffer. Thread: any. RT-safe: yes.
    std::uint64_t droppedEvents() const noexcept { return dropped_.load(std::memory_order_relaxed); }

private:
    void noteOn(std::uint32_t frameOffset, const transport::ProgramNote& note) noexcept override;
    void noteOff(std::uint32_t frameOffset, const transport::ProgramNote& note) noexcept override;
    void programChange(std::uint32_t frameOffset, std::uint8_t channel0to15, std::uint8_t program) noexcept override;
    void beat(std::uint32_t frameOffset, std::int64_t sample, const transport::PerformedMeasure& measure,
              std::uint16_t beat) noexcept override;
    void allNotesOff(std::uint32_t frameOffset) noexcept override;
    void countInBeat(std::uint32_t frameOffset, std::uint16_t beat, std::uint16_t beatsPerBar) noexcept override;
    void click(std::uint32_t frameOffset, bool downbeat) noexcept;
    void push(const InstrumentEvent& event) noexcept;
    void playLive(std::uint32_t frames) noexcept;
    void mergeSorted(std::span<const InstrumentEvent> events) noexcept;

    transport::Player& player_;
    Instrument& instrument_;
    EngineOptions options_;
    LivePlayer live_;
    std::array<InstrumentEvent, kMaxEventsPerBlock> events_{};
    std::size_t eventCount_ = 0;
    core::RtChannel* eventChannel_ = nullptr;
    std::int64_t blockNanos_ = 0;  // when the current block began, for the bus events' stamps
    // Relaxed: flags and counters read on their own; nothing else is published through them.
    std::atomic<bool> metronome_{false};
    std::atomic<std::uint64_t> dropped_{0};
};

}  // namespace mos::audio
