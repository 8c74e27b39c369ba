// engine::Engine as the CLI and the server use it: real devices (the null device, and a real JACK
// server on jackd's dummy driver), real time, and what arrives on the bus.

#include "mos/engine/Engine.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "mos/audio/LivePlayer.hpp"
#include "support/DummyJackServer.hpp"
#include "support/ScoreBuilders.hpp"
#include "support/TempDirectory.hpp"

namespace mos::engine {
namespace {

using namespace std::chrono_literals;
using core::Rational;
using core::TransportStatus;

// Two bars of 4/4 at 120 BPM, a quarter on every beat (4 s; 1 s at ×4).
score::Score twoBars() {
    auto s = test::measures(2);
    for (std::uint32_t m = 0; m < 2; ++m) {
        for (int beat = 0; beat < 4; ++beat) test::note(s, 0, m, Rational{beat, 4}, Rational{1, 4}, "E4");
    }
    s.metadata.title = "Two bars";
    return s;
}

// What the bus delivered, collected on the engine's frame thread.
class Heard {
public:
    explicit Heard(core::EventBus& bus) {
        subscriptions_.push_back(bus.subscribe<core::TransportState>([this](const core::TransportState& s) {
            const std::lock_guard lock{mutex_};
            states_.push_back(s.status);
            changed_.notify_all();
        }));
        subscriptions_.push_back(bus.subscribe<core::Beat>([this](const core::Beat& b) {
            const std::lock_guard lock{mutex_};
            beats_.push_back(b);
        }));
        subscriptions_.push_back(bus.subscribe<core::NoteOn>([this](const core::NoteOn& n) {
            const std::lock_guard lock{mutex_};
            notes_.push_back(n);
            changed_.notify_all();
        }));
        subscriptions_.push_back(bus.subscribe<core::NoteOff>([this](const core::NoteOff& n) {
            const std::lock_guard lock{mutex_};
            offs_.push_back(n);
            changed_.notify_all();
        }));
        subscriptions_.push_back(bus.subscribe<core::Position>([this](const core::Position& /*p*/) {
            const std::lock_guard lock{mutex_};
            ++positions_;
        }));
    }

    // Waits until the transport reports `status`; false after `timeout`.
    bool waitFor(TransportStatus status, std::chrono::milliseconds timeout) {
        std::unique_lock lock{mutex_};
        return changed_.wait_for(lock, timeout, [&] { return !states_.empty() && states_.back() == status; });
    }

    // Waits until `count` note-offs arrived; false after `timeout`.
    bool waitForOffs(std::size_t count, std::chrono::milliseconds timeout) {
        std::unique_lock lock{mutex_};
        return changed_.wait_for(lock, timeout, [&] { return offs_.size() >= count; });
    }

    std::vector<TransportStatus> states() const { return locked(states_); }
    std::vector<core::Beat> beats() const { return locked(beats_); }
    std::vector<core::NoteOn> notes() const { return locked(notes_); }
    std::vector<core::NoteOff> offs() const { return locked(offs_); }
    std::size_t positions() const { return locked(positions_); }

private:
    template <typename T>
    T locked(const T& value) const {
        const std::lock_guard lock{mutex_};
        return value;
    }

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<TransportStatus> states_;
    std::vector<core::Beat> beats_;
    std::vector<core::NoteOn> notes_;
    std::vector<core::NoteOff> offs_;
    std::size_t positions_ = 0;
    std::vector<core::Subscription> subscriptions_;
};

// Loads two bars, plays them at ×4 to the end and checks what the bus heard.
void playTwoBarsToTheEnd(Engine& engine) {
    Heard heard{engine.bus()};
    const auto loaded = engine.load(twoBars());
    ASSERT_TRUE(loaded) << loaded.error().describe();
    EXPECT_EQ(loaded->title, "Two bars");
    EXPECT_EQ(loaded->notes, 8U);
    EXPECT_DOUBLE_EQ(loaded->lengthSeconds, 4.0);
    ASSERT_TRUE(engine.setTempoScale(4.0));
    ASSERT_TRUE(engine.play());
    ASSERT_TRUE(heard.waitFor(TransportStatus::Stopped, 10s));

    EXPECT_EQ(heard.states(), (std::vector<TransportStatus>{TransportStatus::Loading, TransportStatus::Ready,
                                                            TransportStatus::Playing, TransportStatus::Stopped}));
    const auto beats = heard.beats();
    ASSERT_EQ(beats.size(), 8U);
    for (std::size_t i = 0; i < beats.size(); ++i) {
        EXPECT_EQ(beats[i].measure, static_cast<std::int32_t>(i / 4 + 1));
        EXPECT_EQ(beats[i].beat, static_cast<std::int32_t>(i % 4 + 1));
        EXPECT_EQ(beats[i].downbeat, i % 4 == 0);
        EXPECT_EQ(beats[i].sampleTime, static_cast<std::int64_t>(i) * engine.sampleRate().value / 8);  // ♩ = 480
    }
    const auto notes = heard.notes();
    ASSERT_EQ(notes.size(), 8U);
    EXPECT_EQ(notes.front().key0to127, 64);
    EXPECT_EQ(notes.front().part, 0);
    // A second at 60 frames a second, give or take the scheduler.
    EXPECT_GT(heard.positions(), 30U);
    EXPECT_EQ(engine.droppedEvents(), 0U);
}

TEST(EngineTest, PlaysAScoreToTheEndOnTheNullDeviceAndTellsTheBus) {
    auto engine = Engine::start({.backend = audio::DeviceBackend::None});
    ASSERT_TRUE(engine) << engine.error().describe();
    playTwoBarsToTheEnd(**engine);
    EXPECT_EQ((*engine)->timing().overruns, 0U);
}

TEST(EngineTest, PlaysThroughARealJackServerWithoutOverrunningACallback) {
    test::DummyJackServer server{48000, 256};
    ASSERT_TRUE(server.waitUntilReady(10s)) << "jackd did not come up:\n" << server.log();
    auto engine = Engine::start({.backend = audio::DeviceBackend::Jack, .jackServer = server.name()});
    ASSERT_TRUE(engine) << engine.error().describe();
    EXPECT_EQ((*engine)->deviceDescription(), "jack: " + server.name() + " (48000 Hz, 256 frames)");
    playTwoBarsToTheEnd(**engine);
    const audio::CallbackTiming timing = (*engine)->timing();
    EXPECT_GT(timing.callbacks, 150U);  // a second of 5.3 ms blocks
    EXPECT_EQ(timing.overruns, 0U) << "slowest callback " << timing.maxNanos << " ns of " << timing.budgetNanos;
}

TEST(EngineTest, AFileThatDoesNotLoadLeavesTheEarlierScoreLoaded) {
    auto engine = Engine::start({.backend = audio::DeviceBackend::None});
    ASSERT_TRUE(engine) << engine.error().describe();
    ASSERT_TRUE((*engine)->load(twoBars()));
    const test::TempDirectory dir;
    const auto missing = (*engine)->load(dir.path() / "missing.musicxml");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().describe().find("missing.musicxml"), std::string::npos) << missing.error().describe();
    EXPECT_EQ((*engine)->position().status, TransportStatus::Stopped);
    EXPECT_TRUE((*engine)->seekMeasure("2"));
    EXPECT_EQ((*engine)->position().measureNumber, "2");
}

TEST(EngineTest, AnEditOfTheLoadedScoreIsHeardAtOnce) {
    auto engine = Engine::start({.backend = audio::DeviceBackend::None});
    ASSERT_TRUE(engine) << engine.error().describe();
    Heard heard{(*engine)->bus()};
    const auto loaded = (*engine)->load(twoBars());
    ASSERT_TRUE(loaded);
    // A G5 on the downbeat of bar 2, added while the engine holds the score.
    score::Event g5{.measure = 1, .offset = Rational{0}, .duration = Rational{1, 4}};
    g5.notes.push_back({.pitch = *score::Pitch::parse("G5")});
    const auto applied = (*engine)->store().apply(
        loaded->document, score::Transaction{{score::InsertEvent{.partId = "P1", .event = g5}}, "Add G5"});
    ASSERT_TRUE(applied) << applied.error().describe();
    ASSERT_TRUE((*engine)->setTempoScale(4.0));
    ASSERT_TRUE((*engine)->seekMeasure("2"));
    ASSERT_TRUE((*engine)->play());
    ASSERT_TRUE(heard.waitFor(TransportStatus::Stopped, 10s));
    const auto notes = heard.notes();
    ASSERT_FALSE(notes.empty());
    const bool heardG5 =
        std::any_of(notes.begin(), notes.end(), [](const core::NoteOn& n) { return n.key0to127 == 79; });
    EXPECT_TRUE(heardG5);
}

TEST(EngineTest, CommandsOutOfTurnAreRefusedWithAReason) {
    auto engine = Engine::start({.backend = audio::DeviceBackend::None});
    ASSERT_TRUE(engine) << engine.error().describe();
    const auto play = (*engine)->play();
    ASSERT_FALSE(play);
    EXPECT_EQ(play.error().message, "cannot play while the transport is idle");
    EXPECT_FALSE((*engine)->setLoop("1", "2"));
    ASSERT_TRUE((*engine)->load(twoBars()));
    EXPECT_FALSE((*engine)->setTempoScale(5.0));
    EXPECT_FALSE((*engine)->setLoop("2", "1"));
    EXPECT_TRUE((*engine)->setLoop("1", "2"));
}

}  // namespace
}  // namespace mos::engine

namespace mos::engine {
namespace {

TEST(EngineTest, PlayNoteIsHeardOnTheLiveChannelForItsLengthWithNoScoreLoaded) {
    auto engine = Engine::start({.backend = audio::DeviceBackend::None});
    ASSERT_TRUE(engine) << engine.error().describe();
    Heard heard{(*engine)->bus()};
    EXPECT_FALSE((*engine)->isReady()) << "no bank given: the fallback synth plays";

    ASSERT_TRUE((*engine)->playNote("C4", "8n", 0.7));
    ASSERT_TRUE(heard.waitForOffs(1, 10s));

    const auto ons = heard.notes();
    ASSERT_EQ(ons.size(), 1U);
    EXPECT_EQ(ons[0].key0to127, 60);
    EXPECT_EQ(ons[0].velocity1to127, 89);
    EXPECT_EQ(ons[0].channel0to15, audio::LivePlayer::kChannel);
    EXPECT_EQ(ons[0].part, -1);
    EXPECT_EQ(ons[0].source, core::NoteSource::Interface);
    const auto offs = heard.offs();
    EXPECT_EQ(offs[0].key0to127, 60);
    // An eighth at 120 BPM, the tempo with no score, to the sample.
    EXPECT_EQ(offs[0].sampleTime - ons[0].sampleTime, (*engine)->sampleRate().value / 4);
}

TEST(EngineTest, NoteValuesFollowTheLoadedScoresTempoAndItsScale) {
    auto engine = Engine::start({.backend = audio::DeviceBackend::None});
    ASSERT_TRUE(engine) << engine.error().describe();
    Heard heard{(*engine)->bus()};
    ASSERT_TRUE((*engine)->load(twoBars()));  // 120 BPM
    ASSERT_TRUE((*engine)->setTempoScale(2.0));

    ASSERT_TRUE((*engine)->playNote("A4", "4n", 1.0));
    ASSERT_TRUE(heard.waitForOffs(1, 10s));

    const auto live = heard.notes();
    ASSERT_EQ(live.size(), 1U);
    EXPECT_EQ(heard.offs()[0].sampleTime - live[0].sampleTime, (*engine)->sampleRate().value / 4);
}

TEST(EngineTest, CutoffCurrentChordEndsTheChordBeforeItsLength) {
    auto engine = Engine::start({.backend = audio::DeviceBackend::None});
    ASSERT_TRUE(engine) << engine.error().describe();
    Heard heard{(*engine)->bus()};
    ASSERT_TRUE((*engine)->setLiveProgram(24));

    const std::vector<std::string> chord{"C", "E", "G"};
    ASSERT_TRUE((*engine)->playChord(chord, std::chrono::seconds{60}, 0.8));
    ASSERT_TRUE((*engine)->cutoffCurrentChord());
    ASSERT_TRUE(heard.waitForOffs(3, 10s)) << "released long before its minute";

    std::vector<int> keys;
    for (const core::NoteOn& on : heard.notes()) keys.push_back(on.key0to127);
    EXPECT_EQ(keys, (std::vector<int>{60, 64, 67}));
}

TEST(EngineTest, LivePlayingRejectsWhatIsNoNoteDurationOrVelocityNamingIt) {
    auto engine = Engine::start({.backend = audio::DeviceBackend::None});
    ASSERT_TRUE(engine) << engine.error().describe();
    const auto note = (*engine)->playNote("H4", "8n", 0.7);
    ASSERT_FALSE(note);
    EXPECT_NE(note.error().message.find("\"H4\""), std::string::npos) << note.error().message;
    const auto duration = (*engine)->playNote("C4", "4x", 0.7);
    ASSERT_FALSE(duration);
    EXPECT_NE(duration.error().message.find("\"4x\""), std::string::npos) << duration.error().message;
    const auto velocity = (*engine)->playNote("C4", "8n", 1.5);
    ASSERT_FALSE(velocity);
    EXPECT_NE(velocity.error().message.find("1.5"), std::string::npos) << velocity.error().message;
    const std::vector<std::string> chord{"C", "E", "X"};
    const auto badChord = (*engine)->playChord(chord, "4n", 0.5);
    ASSERT_FALSE(badChord);
    EXPECT_NE(badChord.error().message.find("\"X\""), std::string::npos) << badChord.error().message;
    EXPECT_FALSE((*engine)->setLiveProgram(128));
}

}  // namespace
}  // namespace mos::engine
