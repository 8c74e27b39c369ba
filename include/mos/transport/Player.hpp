#pragma once

// The scheduler on the audio thread: plays the current Program block by block, starting every note
// and beat on its exact sample whatever the block size, wrapping loops on their exact sample, and
// chasing the notes that should already sound after a seek, a loop wrap or a new program.
//
// The control side talks to it only through lock-free hand-overs: commands go through an SPSC
// ring, a new program through an atomic pointer; programs the audio thread let go travel back
// through another ring and are freed by collectRetired() on the control side.
//
//   Player player;
//   player.publish(std::make_unique<Program>(compile(score)));    // control
//   player.play();
//   player.process(256, sink);                                    // audio, every block
//   player.collectRetired();                                      // control, now and then

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>

#include "mos/core/Rational.hpp"
#include "mos/core/SpscRing.hpp"
#include "mos/transport/Program.hpp"

namespace mos::transport {

// Where the player's output goes (the engine: instrument events and bus events). Every call
// carries a frame offset inside the current block, never decreasing within a block.
class PlaybackSink {
public:
    virtual ~PlaybackSink() = default;
    // Thread: audio. RT-safe: must be (all of these).
    virtual void noteOn(std::uint32_t frameOffset, const ProgramNote& note) noexcept = 0;
    virtual void noteOff(std::uint32_t frameOffset, const ProgramNote& note) noexcept = 0;
    virtual void programChange(std::uint32_t frameOffset, std::uint8_t channel0to15, std::uint8_t program) noexcept = 0;
    virtual void beat(std::uint32_t frameOffset, std::int64_t sample, const PerformedMeasure& measure,
                      std::uint16_t beat) noexcept = 0;
    // Stop: every channel's notes off, whatever the player believes is sounding.
    virtual void allNotesOff(std::uint32_t frameOffset) noexcept = 0;
    // A click of the count-in before playing starts: beat 1…beatsPerBar of its bar. A sink that
    // makes no sound of its own may ignore it.
    virtual void countInBeat(std::uint32_t /*frameOffset*/, std::uint16_t /*beat*/,
                             std::uint16_t /*beatsPerBar*/) noexcept {}
};

// Beats clicked before the music starts, at the tempo and meter of the place it starts from.
struct CountIn {
    std::uint16_t beats = 0;  // 0: none
    std::uint16_t beatsPerBar = 4;
    std::int64_t samplesPerBeat = 0;  // > 0

    friend bool operator==(const CountIn&, const CountIn&) = default;
};

class Player {
public:
    // Thread: control. RT-safe: no.
    Player();
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;
    // Frees every program; the audio thread must no longer call process(). Thread: control.
    ~Player();

    // Hands a new program to the audio thread, which adopts it at its next block, keeping the
    // musical position (so a tempo-scale change continues where it was). A program published
    // before the audio thread took it is freed here. Thread: control. RT-safe: no.
    void publish(std::unique_ptr<const Program> program);
    // Frees the programs the audio thread has let go. Thread: control. RT-safe: no.
    void collectRetired();

    // Commands, applied at the start of the next block; false when the command ring is full.
    // Positions are in whole notes of the performance. Thread: control (one thread). RT-safe: yes.
    bool play() noexcept;
    // Clicks the count-in, then plays from the position where it began (seek during the count-in
    // moves that place; pause or stop cancels it).
    bool play(CountIn countIn) noexcept;
    bool pause() noexcept;
    bool stop() noexcept;  // notes off, back to the start (or the loop's start)
    bool seek(core::Rational position) noexcept;
    bool setLoop(core::Rational start, core::Rational end) noexcept;  // end > start
    bool clearLoop() noexcept;

    // Plays one block of `frames` frames into `sink`. Thread: audio. RT-safe: yes.
    void process(std::uint32_t frames, PlaybackSink& sink) noexcept;

    // What the audio thread last reported. Thread: any. RT-safe: yes.
    std::int64_t positionSample() const noexcept { return positionSample_.load(std::memory_order_acquire); }
    double positionWholeNotes() const noexcept { return positionWholeNotes_.load(std::memory_order_acquire); }
    bool playing() const noexcept { return playingNow_.load(std::memory_order_acquire); }
    bool countingIn() const noexcept { return countingInNow_.load(std::memory_order_acquire); }
    // Rises each time the performance played to its end and stopped by itself.
    std::uint64_t endsReached() const noexcept { return endsReached_.load(std::memory_order_acquire); }
    // How many commands the audio thread has applied; once it counts a command, the position and
    // state above show its effect. Thread: any. RT-safe: yes.
    std::uint64_t commandsApplied() const noexcept { return commandsAppliedNow_.load(std::memory_order_acquire); }

private:
    struct Command {
        enum class Kind : std::uint8_t { Play, Pause, Stop, Seek, SetLoop, ClearLoop };
        Kind kind = Kind::Play;
        core::Rational a{};
        core::Rational b{};
        CountIn countIn{};
    };
    static constexpr std::uint32_t kNotSounding = 0xFFFFFFFF;
    static constexpr std::size_t kCommandCapacity = 256;
    static constexpr std::size_t kRetiredCapacity = 64;
    static constexpr std::size_t kChannelKeys = std::size_t{16} * 128;
    // A program on its way back to the control side.
    struct Retired {
        const Program* program = nullptr;
    };

    bool send(Command command) noexcept;
    void adoptPublishedProgram(PlaybackSink& sink) noexcept;
    void apply(const Command& command, PlaybackSink& sink) noexcept;
    void moveTo(std::int64_t sample, std::uint32_t frameOffset, PlaybackSink& sink) noexcept;
    std::uint32_t countIn(std::uint32_t frames, PlaybackSink& sink) noexcept;
    void startSounding(std::uint32_t frameOffset, PlaybackSink& sink) noexcept;
    void startNote(std::uint32_t index, std::uint32_t frameOffset, PlaybackSink& sink) noexcept;
    void releaseAll(std::uint32_t frameOffset, PlaybackSink& sink) noexcept;
    void emit(const ProgramEvent& event, std::uint32_t frameOffset, PlaybackSink& sink) noexcept;
    void updateLoopSamples() noexcept;
    void report() noexcept;

    // Control → audio.
    core::SpscRing<Command> commands_{kCommandCapacity};
    // The program waiting to be adopted, or null. Exchanged by both sides (acq_rel): the control
    // side's writes building the program happen before the audio thread reads it.
    std::atomic<const Program*> published_{nullptr};
    // Audio → control: programs no longer in use.
    core::SpscRing<Retired> retired_{kRetiredCapacity};

    // Audio-thread state.
    const Program* program_ = nullptr;
    std::int64_t position_ = 0;  // the next sample to play
    std::size_t nextEvent_ = 0;
    bool playing_ = false;
    CountIn countIn_{};  // the count-in under way, if countingIn_
    bool countingIn_ = false;
    std::int64_t countInPlayed_ = 0;  // samples of it played
    std::uint16_t countInClicked_ = 0;
    bool looping_ = false;
    core::Rational loopStartWhole_{};
    core::Rational loopEndWhole_{};
    std::int64_t loopStart_ = 0;
    std::int64_t loopEnd_ = 0;
    std::array<std::uint32_t, kChannelKeys> sounding_{};  // note index per channel × key, or kNotSounding
    std::uint32_t soundingCount_ = 0;
    std::uint64_t commandsApplied_ = 0;

    // Audio → any reader. Release stores after each block; readers acquire. Each value is
    // meaningful alone, so readers need no consistency between them.
    std::atomic<std::int64_t> positionSample_{0};
    std::atomic<double> positionWholeNotes_{0.0};
    std::atomic<bool> playingNow_{false};
    std::atomic<bool> countingInNow_{false};
    std::atomic<std::uint64_t> endsReached_{0};
    std::atomic<std::uint64_t> commandsAppliedNow_{0};  // stored last in a report
};

}  // namespace mos::transport
