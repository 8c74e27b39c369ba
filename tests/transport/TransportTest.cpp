#include "mos/transport/Transport.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/ScoreBuilders.hpp"

namespace mos::transport {
namespace {

using core::Rational;
using core::TransportStatus;
using test::measures;
using test::note;

constexpr core::SampleRate kRate{48000};
constexpr std::uint32_t kBlock = 480;  // 10 ms

// Four bars of 4/4 at 120 BPM (2 s a bar), a quarter on every beat; ♩ = 60 from bar 3; a marker
// "B" at bar 2 and "C" on the third beat of bar 3.
score::Score fourBars() {
    auto s = measures(4);
    for (std::uint32_t m = 0; m < 4; ++m) {
        for (int beat = 0; beat < 4; ++beat) note(s, 0, m, Rational{beat, 4}, Rational{1, 4}, "C4");
    }
    s.timeline.measures[0].tempos.push_back({.beatsPerMinute = Rational{120}});
    s.timeline.measures[2].tempos.push_back({.beatsPerMinute = Rational{60}});
    s.layers.markers.push_back({.at = {.measure = 1}, .label = "B"});
    s.layers.markers.push_back({.at = {.measure = 2, .offset = Rational{1, 2}}, .label = "C"});
    return s;
}

// Counts the count-in clicks the player sends; everything else goes nowhere.
class CountingSink final : public PlaybackSink {
public:
    void noteOn(std::uint32_t /*frameOffset*/, const ProgramNote& /*note*/) noexcept override {}
    void noteOff(std::uint32_t /*frameOffset*/, const ProgramNote& /*note*/) noexcept override {}
    void programChange(std::uint32_t /*frameOffset*/, std::uint8_t /*channel*/,
                       std::uint8_t /*program*/) noexcept override {}
    void beat(std::uint32_t /*frameOffset*/, std::int64_t /*sample*/, const PerformedMeasure& /*measure*/,
              std::uint16_t /*beat*/) noexcept override {}
    void allNotesOff(std::uint32_t /*frameOffset*/) noexcept override {}
    void countInBeat(std::uint32_t frameOffset, std::uint16_t beat, std::uint16_t /*beatsPerBar*/) noexcept override {
        countInClicks.emplace_back(clock + frameOffset, beat);
    }

    std::int64_t clock = 0;
    std::vector<std::pair<std::int64_t, int>> countInClicks;
};

// A transport, its player, the bus and what the bus delivered; run() plays the audio thread's part.
class Harness {
public:
    Harness() {
        subscriptions_.push_back(
            bus.subscribe<core::TransportState>([this](const core::TransportState& s) { states.push_back(s.status); }));
        subscriptions_.push_back(
            bus.subscribe<core::Position>([this](const core::Position& p) { positions.push_back(p); }));
        subscriptions_.push_back(bus.subscribe<core::Tempo>([this](const core::Tempo& t) { tempos.push_back(t); }));
        subscriptions_.push_back(bus.subscribe<core::MarkerReached>([this](const core::MarkerReached& m) {
            markers.push_back(std::string{m.label.view()} + "@" + std::to_string(m.measure));
        }));
    }

    void load(const score::Score& s = fourBars()) {
        ASSERT_TRUE(transport.beginLoading());
        ASSERT_TRUE(transport.finishLoading(std::make_shared<const score::Score>(s)));
        run(kBlock);
    }

    // Plays `seconds` of audio in 10 ms blocks, polling and dispatching the bus after each.
    void run(std::uint32_t frames) {
        for (std::uint32_t done = 0; done < frames; done += kBlock) {
            player.process(kBlock, sink);
            sink.clock += kBlock;
            transport.poll();
            bus.dispatchFrame();
        }
    }
    void runSeconds(double seconds) { run(static_cast<std::uint32_t>(seconds * kRate.value)); }

    Player player;
    core::EventBus bus;
    Transport transport{player, bus, kRate};
    CountingSink sink;
    std::vector<TransportStatus> states;
    std::vector<core::Position> positions;
    std::vector<core::Tempo> tempos;
    std::vector<std::string> markers;

private:
    std::vector<core::Subscription> subscriptions_;
};

// Brings a harness into a state by the shortest way there.
void enter(Harness& h, TransportStatus status) {
    switch (status) {
        case TransportStatus::Idle:
            return;
        case TransportStatus::Loading:
            ASSERT_TRUE(h.transport.beginLoading());
            return;
        case TransportStatus::Ready:
            h.load();
            return;
        case TransportStatus::Playing:
            h.load();
            ASSERT_TRUE(h.transport.play());
            return;
        case TransportStatus::Paused:
            enter(h, TransportStatus::Playing);
            ASSERT_TRUE(h.transport.pause());
            return;
        case TransportStatus::Stopped:
            enter(h, TransportStatus::Playing);
            ASSERT_TRUE(h.transport.stop());
            return;
    }
}

struct Transition {
    const char* command;
    std::function<core::Result<void>(Transport&)> run;
};

const std::vector<Transition>& commands() {
    static const std::vector<Transition> all{
        {"beginLoading", [](Transport& t) { return t.beginLoading(); }},
        {"finishLoading",
         [](Transport& t) { return t.finishLoading(std::make_shared<const score::Score>(fourBars())); }},
        {"failLoading", [](Transport& t) { return t.failLoading(); }},
        {"play", [](Transport& t) { return t.play(); }},
        {"pause", [](Transport& t) { return t.pause(); }},
        {"stop", [](Transport& t) { return t.stop(); }},
        {"seek", [](Transport& t) { return t.seekMeasure("2"); }},
        {"loop", [](Transport& t) { return t.setLoop("2", "3"); }},
        {"tempo", [](Transport& t) { return t.setTempoScale(0.5); }},
    };
    return all;
}

constexpr auto kIdle = TransportStatus::Idle;
constexpr auto kLoading = TransportStatus::Loading;
constexpr auto kReady = TransportStatus::Ready;
constexpr auto kPlaying = TransportStatus::Playing;
constexpr auto kPaused = TransportStatus::Paused;
constexpr auto kStopped = TransportStatus::Stopped;
// Refused: the state stays as it was.
constexpr std::optional<TransportStatus> kRefused = std::nullopt;

TEST(TransportTest, EveryCommandInEveryStateMovesAsTheStateMachineSays) {
    // Rows: the state before; columns: commands() in order; cells: the state after, or refused.
    const std::vector<std::pair<TransportStatus, std::vector<std::optional<TransportStatus>>>> table{
        // beginLoading, finishLoading, failLoading, play, pause, stop, seek, loop, tempo
        {kIdle, {kLoading, kRefused, kRefused, kRefused, kRefused, kRefused, kRefused, kRefused, kRefused}},
        {kLoading, {kRefused, kReady, kIdle, kRefused, kRefused, kRefused, kRefused, kRefused, kRefused}},
        {kReady, {kLoading, kRefused, kRefused, kPlaying, kRefused, kReady, kReady, kReady, kReady}},
        {kPlaying, {kLoading, kRefused, kRefused, kPlaying, kPaused, kStopped, kPlaying, kPlaying, kPlaying}},
        {kPaused, {kLoading, kRefused, kRefused, kPlaying, kPaused, kStopped, kPaused, kPaused, kPaused}},
        {kStopped, {kLoading, kRefused, kRefused, kPlaying, kRefused, kStopped, kStopped, kStopped, kStopped}},
    };
    for (const auto& [from, expected] : table) {
        for (std::size_t c = 0; c < commands().size(); ++c) {
            Harness h;
            enter(h, from);
            ASSERT_EQ(h.transport.status(), from);
            const auto result = commands()[c].run(h.transport);
            const std::string where =
                std::string{commands()[c].command} + " from state " + std::to_string(static_cast<int>(from));
            if (expected[c]) {
                EXPECT_TRUE(result) << where << ": " << (result ? "" : result.error().describe());
                EXPECT_EQ(h.transport.status(), *expected[c]) << where;
            } else {
                ASSERT_FALSE(result) << where;
                EXPECT_EQ(h.transport.status(), from) << where;
                EXPECT_NE(result.error().message.find("cannot "), std::string::npos) << result.error().message;
            }
        }
    }
}

TEST(TransportTest, AFailedLoadKeepsTheScoreThatWasLoaded) {
    Harness h;
    h.load();
    ASSERT_TRUE(h.transport.beginLoading());
    ASSERT_TRUE(h.transport.failLoading());
    EXPECT_EQ(h.transport.status(), kStopped);
    EXPECT_NE(h.transport.score(), nullptr);
    EXPECT_TRUE(h.transport.play());
}

TEST(TransportTest, EveryStateChangeIsPublishedAndTheEndStopsByItself) {
    Harness h;
    h.load();
    ASSERT_TRUE(h.transport.play());
    h.runSeconds(1.0);
    ASSERT_TRUE(h.transport.pause());
    h.runSeconds(0.1);
    ASSERT_TRUE(h.transport.play());
    h.runSeconds(2 + 2 + 4 + 4);  // to the end and past it: bars 3 and 4 are at ♩ = 60
    EXPECT_EQ(h.transport.status(), kStopped);
    EXPECT_EQ(h.states, (std::vector<TransportStatus>{kLoading, kReady, kPlaying, kPaused, kPlaying, kStopped}));
}

TEST(TransportTest, PositionsCarryTheMeasureAndBeatAboutSixtyTimesASecond) {
    Harness h;
    h.load();
    ASSERT_TRUE(h.transport.seekMeasure("2"));
    ASSERT_TRUE(h.transport.play());
    h.positions.clear();
    h.run(kRate.value);                   // one second: bar 2, beats 1 and 2
    ASSERT_EQ(h.positions.size(), 100U);  // one per poll here (100 polls); the engine polls at 60 Hz
    const core::Position& last = h.positions.back();
    EXPECT_EQ(last.measure, 2);
    EXPECT_EQ(last.beat, 3);  // 2 s + 1 s = the third beat of bar 2 begins
    EXPECT_EQ(last.ticks960, 3840 + 2 * 960);
    EXPECT_DOUBLE_EQ(last.seconds, 3.0);

    const TransportPosition now = h.transport.position();
    EXPECT_EQ(now.measureNumber, "2");
    EXPECT_EQ(now.quarterBpm, 120.0);
    EXPECT_DOUBLE_EQ(now.lengthSeconds, 2 + 2 + 4 + 4);
}

TEST(TransportTest, SeeksByTimeTickAndMeasureLandOnTheSamePlace) {
    Harness h;
    h.load();
    const auto sampleAfterSeek = [&](const std::function<core::Result<void>()>& seek) {
        EXPECT_TRUE(seek());
        h.run(kBlock);  // the audio thread applies it (the transport is not playing)
        return h.transport.position().sample;
    };
    // Bar 3 begins at 4 s.
    EXPECT_EQ(sampleAfterSeek([&] { return h.transport.seekMeasure("3"); }), 4 * 48000);
    EXPECT_EQ(sampleAfterSeek([&] { return h.transport.seekSeconds(4.0); }), 4 * 48000);
    EXPECT_EQ(sampleAfterSeek([&] { return h.transport.seekTicks(std::int64_t{2} * 3840); }), 4 * 48000);
    EXPECT_EQ(sampleAfterSeek([&] { return h.transport.seek(Rational{2}); }), 4 * 48000);

    // Before the audio thread has applied a seek, the position already says where it goes.
    ASSERT_TRUE(h.transport.seekMeasure("2"));
    EXPECT_EQ(h.transport.position().measureNumber, "2");
    EXPECT_EQ(h.transport.position().sample, 2 * 48000);

    const auto missing = h.transport.seekMeasure("9");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message, "the score has no measure 9 (it has 4 measures)");
    EXPECT_FALSE(h.transport.seekSeconds(-1.0));
    EXPECT_FALSE(h.transport.seek(Rational{5}));
}

TEST(TransportTest, TempoIsPublishedAtLoadAtEachChangeAndForANewScale) {
    Harness h;
    h.load();
    ASSERT_TRUE(h.transport.play());
    h.runSeconds(4.5);  // into bar 3, ♩ = 60
    ASSERT_TRUE(h.transport.setTempoScale(2.0));
    h.run(kBlock * 2);
    ASSERT_EQ(h.tempos.size(), 3U);
    EXPECT_EQ(h.tempos[0].quartersPerMinute, 120.0);
    EXPECT_EQ(h.tempos[1].quartersPerMinute, 60.0);
    EXPECT_EQ(h.tempos[2].quartersPerMinute, 60.0);
    EXPECT_EQ(h.tempos[2].scale, 2.0);
    // Still in bar 3 after the swap: the musical position carried over.
    EXPECT_EQ(h.transport.position().measure, 2U);

    EXPECT_FALSE(h.transport.setTempoScale(0.2));
    EXPECT_FALSE(h.transport.setTempoScale(4.5));
    EXPECT_EQ(h.transport.tempoScale(), 2.0);
}

TEST(TransportTest, MarkersAreReachedInOrderAndAgainAfterALoopWraps) {
    Harness h;
    h.load();
    ASSERT_TRUE(h.transport.setLoop("2", "3"));
    ASSERT_TRUE(h.transport.play());
    h.runSeconds(1.0);  // bar 1
    EXPECT_TRUE(h.markers.empty());
    h.runSeconds(2.0 + 4.0 + 1.5);  // bars 2 and 3 (to 8 s), then the loop wraps to bar 2
    EXPECT_EQ(h.markers, (std::vector<std::string>{"B@2", "C@3", "B@2"}));
    ASSERT_TRUE(h.transport.position().loop.has_value());
    EXPECT_EQ(h.transport.position().loop->start, Rational{1});
    EXPECT_EQ(h.transport.position().loop->end, Rational{3});
}

TEST(TransportTest, ACountInClicksTheMeterAtTheTempoWherePlayStarts) {
    Harness h;
    h.load();
    ASSERT_TRUE(h.transport.setCountIn(1));
    ASSERT_TRUE(h.transport.seekMeasure("3"));  // ♩ = 60: a beat is a second
    h.run(kBlock);
    const std::int64_t start = h.sink.clock;
    ASSERT_TRUE(h.transport.play());
    h.runSeconds(1.0);
    EXPECT_TRUE(h.transport.position().countingIn);
    h.runSeconds(3.5);
    EXPECT_FALSE(h.transport.position().countingIn);
    ASSERT_EQ(h.sink.countInClicks.size(), 4U);
    for (std::size_t beat = 0; beat < 4; ++beat) {
        EXPECT_EQ(h.sink.countInClicks[beat],
                  std::make_pair(start + static_cast<std::int64_t>(beat) * 48000, static_cast<int>(beat) + 1));
    }
    EXPECT_FALSE(h.transport.setCountIn(9));
}

TEST(TransportTest, AnEditedScoreIsSwappedInWhereThePlayheadIs) {
    Harness h;
    h.load();
    ASSERT_TRUE(h.transport.play());
    h.runSeconds(3.0);
    auto edited = fourBars();
    edited.parts[0].events.clear();
    ASSERT_TRUE(h.transport.reload(std::make_shared<const score::Score>(edited)));
    h.run(kBlock);
    EXPECT_EQ(h.transport.status(), kPlaying);
    EXPECT_EQ(h.transport.position().measure, 1U);
    EXPECT_TRUE(h.transport.program()->notes().empty());
}

}  // namespace
}  // namespace mos::transport
