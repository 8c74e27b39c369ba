#pragma once

// Notes played live rather than from the score: the vision's Apollo.playNote, playChord and
// cutoffCurrentChord, on the audio engine. The control side queues each gesture (a note, or a
// chord's notes together) on a lock-free ring; the audio thread takes the queue at the start of
// every block, starts the notes on its first frame and ends each one on the very sample its length
// gives, from a table of the 128 keys — nothing allocates, however much is played. Live notes have
// a channel of their own, so the score's parts, the drums and the transport's stops leave them be.
//
//   LivePlayer live;                                    // audio::Engine owns one
//   const std::uint8_t cMajor[] = {60, 64, 67};
//   live.tryPlay(cMajor, 100, 24000);                    // control: half a second at 48 kHz
//   live.tryCutoff();                                    // control: ...or release it now
//   instrument.render(live.process(frames), …);          // audio: this block's channel messages

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "mos/audio/Instrument.hpp"
#include "mos/core/SpscRing.hpp"

namespace mos::audio {

class LivePlayer {
public:
    // The channel live notes play on: not the drums' 9, and the last one a score's parts take.
    static constexpr std::uint8_t kChannel = 15;
    static constexpr std::size_t kMaxChordNotes = 16;
    // Gestures waiting for the audio thread; more are refused until it has taken some.
    static constexpr std::size_t kQueueCapacity = 64;
    // Channel messages one process() returns; gestures that would not fit wait for the next block.
    static constexpr std::size_t kMaxEventsPerBlock = 1024;

    // Allocates the queue. Thread: control. RT-safe: no.
    LivePlayer();

    // Queues `keys0to127` (at most kMaxChordNotes) to start together on the first frame of the next
    // block at `velocity1to127`, each ending `frames` (at least 1) later; a key still sounding starts
    // again. False, and nothing queued, when the queue is full or there are too many keys.
    // Thread: one control thread at a time (the ring's producer). RT-safe: yes.
    bool tryPlay(std::span<const std::uint8_t> keys0to127, std::uint8_t velocity1to127, std::int64_t frames) noexcept;
    // Releases on the next block those notes of the last gesture played that still sound; they
    // fade with their instrument's release. Thread: as tryPlay. RT-safe: yes.
    bool tryCutoff() noexcept;
    // The General MIDI program the live channel plays from the next block on (0, piano, until told).
    // Thread: as tryPlay. RT-safe: yes.
    bool trySetProgram(std::uint8_t program0to127) noexcept;

    // Applies what was queued and returns the live channel's messages for the next `frames` frames,
    // sorted by frame offset (valid until the next call). Thread: audio. RT-safe: yes.
    std::span<const InstrumentEvent> process(std::uint32_t frames) noexcept;
    // Frames process() has covered so far: the sample time of the next block's first frame.
    // Thread: audio, or control while process() does not run. RT-safe: yes.
    std::int64_t clock() const noexcept { return clock_; }
    // Live keys held now (releasing notes not counted). Thread: as clock(). RT-safe: yes.
    std::uint32_t heldKeys() const noexcept;

private:
    struct Gesture {
        enum class Kind : std::uint8_t { Play, Cutoff, Program };
        Kind kind = Kind::Play;
        std::uint8_t data = 0;  // Play: velocity; Program: the program
        std::uint8_t keyCount = 0;
        std::array<std::uint8_t, kMaxChordNotes> keys{};
        std::int64_t frames = 0;
    };
    struct Held {
        std::int64_t endSample = -1;  // -1: the key is not held
        std::uint32_t gesture = 0;
    };

    void apply(const Gesture& gesture) noexcept;
    void endDueNotes(std::uint32_t frames) noexcept;
    void push(const InstrumentEvent& event) noexcept { events_[eventCount_++] = event; }

    core::SpscRing<Gesture> queue_{kQueueCapacity};
    // Audio side from here on.
    std::array<Held, 128> held_{};
    std::array<InstrumentEvent, kMaxEventsPerBlock> events_{};
    std::size_t eventCount_ = 0;
    std::int64_t clock_ = 0;
    std::uint32_t gesture_ = 0;  // the last Play gesture taken from the queue
};

}  // namespace mos::audio
