#pragma once

// The transport (the vision's Kronos) on the control side: it holds the loaded score's compiled
// program, drives the audio-thread Player, keeps the transport state machine and tells the event
// bus what happens — TransportState on every change, and from poll() (about 60 times a second)
// Position, Tempo and MarkerReached.
//
//   Transport transport{player, bus, core::SampleRate{48000}};
//   transport.beginLoading();  transport.finishLoading(score);     // Idle → Loading → Ready
//   transport.setLoop("5", "8");  transport.play();                 // → Playing
//   every frame: transport.poll();  bus.dispatchFrame();
//
// States (core::TransportStatus) and the commands that move between them:
//
//   Idle ──beginLoading──► Loading ──finishLoading──► Ready ──play──► Playing ◄──play── Paused
//                             │                                         │  ▲ └──pause──►  │
//                             └─failLoading─► Idle, or Stopped          │  └────play─── Stopped
//                                  when a score stays loaded             └─stop, or the end──►┘ (also from Paused)
//
// beginLoading works from every state but Loading; seek, loop, tempo scale and count-in work
// whenever a score is loaded (Ready, Playing, Paused, Stopped). Anything else is refused with an
// error and changes nothing. Thread: one control thread for all of it. RT-safe: no.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mos/core/EventBus.hpp"
#include "mos/core/Rational.hpp"
#include "mos/core/Result.hpp"
#include "mos/core/SampleTime.hpp"
#include "mos/core/StandardEvents.hpp"
#include "mos/score/Score.hpp"
#include "mos/transport/MeasureRange.hpp"
#include "mos/transport/Player.hpp"
#include "mos/transport/Program.hpp"

namespace mos::transport {

// Where the transport is, as a position line or a widget shows it.
struct TransportPosition {
    core::TransportStatus status = core::TransportStatus::Idle;
    bool countingIn = false;
    std::int64_t sample = 0;    // performance sample at the current tempo scale
    double seconds = 0.0;       // the same in seconds
    double wholeNotes = 0.0;    // performance position
    std::uint32_t measure = 0;  // score measure index
    std::string measureNumber;  // as the score prints it ("12a"); empty before a score is loaded
    std::uint16_t pass = 1;     // which time through a repeat
    std::int32_t beat = 1;      // 1-based
    double beatFraction = 0.0;
    double quarterBpm = 0.0;  // as written at this point (before the tempo scale)
    double tempoScale = 1.0;
    std::optional<PerformanceRange> loop;
    double lengthSeconds = 0.0;  // of the whole performance at the current tempo scale
};

class Transport {
public:
    static constexpr double kMinTempoScale = 0.25;
    static constexpr double kMaxTempoScale = 4.0;
    static constexpr std::uint16_t kMaxCountInBars = 8;

    // `player` and `bus` must outlive the transport; the player's programs are compiled for `rate`.
    Transport(Player& player, core::EventBus& bus, core::SampleRate rate);

    core::TransportStatus status() const noexcept { return status_; }
    // The loaded score and its program; null before the first load. Thread: the control thread.
    const std::shared_ptr<const score::Score>& score() const noexcept { return score_; }
    const Program* program() const noexcept { return program_.get(); }

    // Loading: stops playback; the earlier score stays until a new one is ready.
    core::Result<void> beginLoading();
    // Compiles `score` at the current tempo scale, hands it to the player at its start, clears the loop.
    core::Result<void> finishLoading(std::shared_ptr<const score::Score> score);
    // The load failed: back to Stopped with the earlier score, or Idle if there was none.
    core::Result<void> failLoading();
    // The loaded score changed (an edit): recompiled and swapped in at the same musical position,
    // in any state but Idle and Loading.
    core::Result<void> reload(std::shared_ptr<const score::Score> score);

    core::Result<void> play();  // with the count-in, if one is set
    core::Result<void> pause();
    core::Result<void> stop();  // back to the start, or to the loop's start

    // Seeks to a performance position: whole notes, seconds (at the current tempo scale), 960-PPQ
    // ticks, or the first performance of the measure printed `number`.
    core::Result<void> seek(core::Rational wholeNotes);
    core::Result<void> seekSeconds(double seconds);
    core::Result<void> seekTicks(std::int64_t ticks960);
    core::Result<void> seekMeasure(const std::string& number);

    // Loops a stretch of the performance, or the measures printed `from` to `to` (see
    // performanceRange). A loop leaves the position alone; play enters it where it is.
    core::Result<void> setLoop(PerformanceRange range);
    core::Result<void> setLoop(const std::string& from, const std::string& to);
    core::Result<void> clearLoop();

    // 0.25…4; recompiles and carries on at the same musical position.
    core::Result<void> setTempoScale(double scale);
    double tempoScale() const noexcept { return tempoScale_; }
    // Bars clicked before play starts, 0…8 (0 turns it off).
    core::Result<void> setCountIn(std::uint16_t bars);
    std::uint16_t countInBars() const noexcept { return countInBars_; }

    // Notices the end of the performance (→ Stopped), frees retired programs, and publishes
    // Position (whenever it moved), Tempo (when the written tempo changes) and MarkerReached (for
    // every marker passed since the last poll). Call it about 60 times a second.
    void poll();

    // Now, from what the audio thread last reported.
    TransportPosition position() const;

private:
    struct MarkerAt {
        core::Rational position{};  // performance position
        std::string label;
        std::uint32_t measure = 0;  // score measure index
    };

    // A seek, stop or load the audio thread has not applied yet: until it has, the playhead is
    // reported where it is going.
    struct PendingMove {
        core::Rational to{};
        std::uint64_t command = 0;  // the player's count of applied commands that includes it
    };

    void command(bool accepted);
    void moveTo(core::Rational wholeNotes, bool accepted);
    double playheadWholeNotes() const;
    core::Result<void> requireLoaded(const char* action) const;
    core::Result<void> refuse(const char* action) const;
    void setStatus(core::TransportStatus status);
    std::unique_ptr<Program> compileLoaded() const;
    void install(std::unique_ptr<Program> program);
    core::Result<void> seekTo(core::Rational wholeNotes);
    CountIn countInAt(core::Rational wholeNotes) const;
    void publishPosition(const TransportPosition& now);
    void publishMarkersPassed(double from, double to);

    Player& player_;
    core::EventBus& bus_;
    core::SampleRate rate_;
    core::TransportStatus status_ = core::TransportStatus::Idle;
    std::shared_ptr<const score::Score> score_;
    // A copy of the program the player plays, for the control side's questions (the player's own
    // copy belongs to the audio thread).
    std::unique_ptr<const Program> program_;
    std::vector<MarkerAt> markers_;  // by position
    std::optional<PerformanceRange> loop_;
    double tempoScale_ = 1.0;
    std::uint16_t countInBars_ = 0;
    std::uint64_t commandsSent_ = 0;
    std::optional<PendingMove> pendingMove_;

    // What poll() saw last.
    std::uint64_t endsSeen_ = 0;
    std::int64_t lastSample_ = -1;
    double lastWholeNotes_ = 0.0;
    double lastQuarterBpm_ = 0.0;
    bool positionDirty_ = true;
};

}  // namespace mos::transport
