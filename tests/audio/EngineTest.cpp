// audio::Engine between the player and an instrument: what it asks the instrument to play, what it
// tells the bus, and that the whole audio-thread path stays real-time safe.

#include "mos/audio/Engine.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <memory>
#include <vector>

#include <gtest/gtest.h>

#include "mos/audio/FallbackSynth.hpp"
#include "mos/core/StandardEvents.hpp"
#include "mos/score/UmfJson.hpp"
#include "support/RealtimeAudit.hpp"
#include "support/ScoreBuilders.hpp"

namespace mos::audio {
namespace {

using core::Rational;

constexpr core::SampleRate kRate{48000};
constexpr std::uint32_t kBlock = 256;

// Remembers the messages it is asked to play (by absolute frame), and makes no sound.
class RecordingInstrument final : public Instrument {
public:
    struct Played {
        std::int64_t frame;
        std::uint8_t channel;
        std::uint8_t key;
        friend bool operator==(const Played&, const Played&) = default;
    };
    struct Message {
        std::int64_t frame;
        InstrumentEvent::Kind kind;
        std::uint8_t channel;
        std::uint8_t data1;
        friend bool operator==(const Message&, const Message&) = default;
    };

    RecordingInstrument() {
        played.reserve(1024);
        messages.reserve(4096);
    }
    void prepare(core::SampleRate /*rate*/, std::uint32_t /*maxBlockFrames*/) override {}
    void render(std::span<const InstrumentEvent> events, float* /*left*/, float* /*right*/,
                std::uint32_t frames) noexcept override {
        std::uint32_t lastOffset = 0;
        for (const InstrumentEvent& event : events) {
            if (event.frameOffset < lastOffset || event.frameOffset >= frames) unsorted = true;
            lastOffset = event.frameOffset;
            if (event.kind == InstrumentEvent::Kind::NoteOn && played.size() < played.capacity()) {
                played.push_back({clock_ + event.frameOffset, event.channel0to15, event.data1});
            }
            if (messages.size() < messages.capacity()) {
                messages.push_back({clock_ + event.frameOffset, event.kind, event.channel0to15, event.data1});
            }
        }
        clock_ += frames;
    }
    std::uint32_t activeVoices() const noexcept override { return 0; }

    // The messages of one channel.
    std::vector<Message> on(std::uint8_t channel) const {
        std::vector<Message> found;
        std::copy_if(messages.begin(), messages.end(), std::back_inserter(found),
                     [channel](const Message& m) { return m.channel == channel; });
        return found;
    }

    std::vector<Played> played;     // the note-ons
    std::vector<Message> messages;  // everything
    bool unsorted = false;          // a block's messages out of frame order, or beyond the block

private:
    std::int64_t clock_ = 0;
};

// One bar of 4/4 at 120 BPM: a C4 on beat 1 and an E4 on beat 3.
score::Score oneBar() {
    auto s = test::measures(1);
    test::note(s, 0, 0, Rational{0}, Rational{1, 4}, "C4");
    test::note(s, 0, 0, Rational{1, 2}, Rational{1, 4}, "E4");
    return s;
}

struct Rig {
    Rig() {
        player.publish(std::make_unique<transport::Program>(transport::compile(oneBar(), {.sampleRate = kRate})));
        channel = bus.openRtChannel();
        engine.setEventChannel(&channel);
    }
    void run(std::uint32_t frames) {
        for (std::uint32_t done = 0; done < frames; done += kBlock) engine.process(left.data(), right.data(), kBlock);
    }

    transport::Player player;
    RecordingInstrument instrument;
    Engine engine{player, instrument, {.sampleRate = kRate, .maxBlockFrames = kBlock}};
    core::EventBus bus;
    core::RtChannel channel;
    std::vector<float> left = std::vector<float>(kBlock);
    std::vector<float> right = std::vector<float>(kBlock);
};

using Played = RecordingInstrument::Played;
using Message = RecordingInstrument::Message;
using Kind = InstrumentEvent::Kind;
constexpr std::uint8_t kLive = LivePlayer::kChannel;
constexpr std::int64_t kFrames = kBlock;  // a block as a frame count, for sums of frames

TEST(AudioEngineTest, TheMetronomeClicksEveryBeatAndTheDownbeatHigher) {
    Rig rig;
    rig.engine.setMetronome(true);
    rig.player.play();
    rig.run(96000);
    EXPECT_EQ(rig.instrument.played, (std::vector<Played>{{0, 0, 60},
                                                          {0, 9, kClickDownbeatKey},
                                                          {24000, 9, kClickBeatKey},
                                                          {48000, 0, 64},
                                                          {48000, 9, kClickBeatKey},
                                                          {72000, 9, kClickBeatKey}}));
}

TEST(AudioEngineTest, ACountInClicksEvenWithTheMetronomeOff) {
    Rig rig;
    rig.player.play({.beats = 2, .beatsPerBar = 2, .samplesPerBeat = 1000});
    rig.run(2 * kBlock * 8);
    EXPECT_EQ(rig.instrument.played,
              (std::vector<Played>{{0, 9, kClickDownbeatKey}, {1000, 9, kClickBeatKey}, {2000, 0, 60}}));
}

TEST(AudioEngineTest, WhatItPlaysReachesTheBusFromTheAudioThreadWithoutAllocating) {
    Rig rig;
    std::vector<core::NoteOn> ons;
    std::vector<core::Beat> beats;
    auto onSub = rig.bus.subscribe<core::NoteOn>([&](const core::NoteOn& n) { ons.push_back(n); });
    auto beatSub = rig.bus.subscribe<core::Beat>([&](const core::Beat& b) { beats.push_back(b); });
    rig.player.play();
    EXPECT_REALTIME_SAFE(rig.run(96000));
    rig.bus.dispatchFrame();
    ASSERT_EQ(ons.size(), 2U);
    EXPECT_EQ(ons[1].key0to127, 64);
    EXPECT_EQ(ons[1].sampleTime, 48000);
    EXPECT_EQ(ons[1].part, 0);
    ASSERT_EQ(beats.size(), 4U);
    EXPECT_TRUE(beats[0].downbeat);
    EXPECT_EQ(beats[3].beat, 4);
    EXPECT_EQ(beats[3].sampleTime, 72000);
    EXPECT_EQ(beats[3].measure, 1);
}

}  // namespace
}  // namespace mos::audio

namespace mos::audio {
namespace {

TEST(AudioEngineTest, EachPartOfAUmfScorePlaysOnItsGeneralMidiProgram) {
    const auto score = score::readUmf(R"({"umf": "1.0",
        "timeline": {"measures": [{"number": "1", "duration": "1/1", "time": "4/4"}]},
        "parts": [
          {"id": "P1", "name": "Violin", "instrument": {"name": "Violin", "gmProgram": 40},
           "events": [{"id": 1, "measure": 0, "duration": "1/4", "notes": [{"id": 2, "pitch": "A4"}]}]},
          {"id": "P2", "name": "Flute", "instrument": {"name": "Flute", "gmProgram": 73},
           "events": [{"id": 3, "measure": 0, "duration": "1/4", "notes": [{"id": 4, "pitch": "E5"}]}]}]})",
                                      "two-parts.umf.json");
    ASSERT_TRUE(score) << score.error().describe();
    transport::Player player;
    player.publish(std::make_unique<transport::Program>(transport::compile(*score, {.sampleRate = kRate})));
    RecordingInstrument instrument;
    Engine engine{player, instrument, {.sampleRate = kRate, .maxBlockFrames = kBlock}};
    std::vector<float> left(kBlock);
    std::vector<float> right(kBlock);
    player.play();
    engine.process(left.data(), right.data(), kBlock);

    // Each part's channel gets its program before its first note.
    EXPECT_EQ(instrument.on(0), (std::vector<Message>{{0, Kind::ProgramChange, 0, 40}, {0, Kind::NoteOn, 0, 69}}));
    EXPECT_EQ(instrument.on(1), (std::vector<Message>{{0, Kind::ProgramChange, 1, 73}, {0, Kind::NoteOn, 1, 76}}));
}

TEST(AudioEngineTest, ALiveNoteStartsOnTheNextBlockAndEndsOnTheSampleItsLengthGives) {
    Rig rig;  // the transport does not play
    rig.run(kBlock);
    const std::array<std::uint8_t, 1> c4{60};
    ASSERT_TRUE(rig.engine.live().tryPlay(c4, 90, 1000));
    rig.run(4 * kBlock);
    EXPECT_EQ(rig.instrument.on(kLive),
              (std::vector<Message>{{kFrames, Kind::NoteOn, kLive, 60}, {kFrames + 1000, Kind::NoteOff, kLive, 60}}));
    EXPECT_FALSE(rig.instrument.unsorted);
}

TEST(AudioEngineTest, LiveNotesPlayOverTheScoreAndTheTransportStoppingLeavesThemBe) {
    Rig rig;
    rig.player.play();
    const std::array<std::uint8_t, 3> chord{60, 64, 67};
    ASSERT_TRUE(rig.engine.live().tryPlay(chord, 100, 3 * kFrames + 7));
    rig.run(kBlock);
    rig.player.stop();
    rig.run(4 * kBlock);

    std::vector<Message> expected;
    expected.reserve(2 * chord.size());
    for (const std::uint8_t key : chord) expected.push_back({0, Kind::NoteOn, kLive, key});
    for (const std::uint8_t key : chord) expected.push_back({3 * kFrames + 7, Kind::NoteOff, kLive, key});
    EXPECT_EQ(rig.instrument.on(kLive), expected) << "no All Notes Off on the live channel";
    // The score's C4 on channel 0 played at frame 0 too, and the stop silenced its channel.
    EXPECT_EQ(rig.instrument.played.front(), (Played{0, 0, 60}));
    EXPECT_TRUE(std::any_of(rig.instrument.messages.begin(), rig.instrument.messages.end(), [](const Message& m) {
        return m.kind == Kind::ControlChange && m.channel == 0 && m.frame == kBlock;
    }));
    EXPECT_FALSE(rig.instrument.unsorted);
}

TEST(AudioEngineTest, CutoffReleasesTheLastChordAndAKeyPlayedAgainRestarts) {
    Rig rig;
    const std::array<std::uint8_t, 1> bass{48};
    const std::array<std::uint8_t, 2> chord{60, 64};
    const std::array<std::uint8_t, 1> again{64};
    ASSERT_TRUE(rig.engine.live().tryPlay(bass, 100, 48000));
    ASSERT_TRUE(rig.engine.live().tryPlay(chord, 100, 48000));
    rig.run(kBlock);
    ASSERT_TRUE(rig.engine.live().tryPlay(again, 100, 48000));  // now the last gesture
    rig.run(kBlock);
    ASSERT_TRUE(rig.engine.live().tryCutoff());
    rig.run(kBlock);

    EXPECT_EQ(rig.instrument.on(kLive), (std::vector<Message>{{0, Kind::NoteOn, kLive, 48},
                                                              {0, Kind::NoteOn, kLive, 60},
                                                              {0, Kind::NoteOn, kLive, 64},
                                                              {kFrames, Kind::NoteOff, kLive, 64},
                                                              {kFrames, Kind::NoteOn, kLive, 64},
                                                              {2 * kFrames, Kind::NoteOff, kLive, 64}}));
    EXPECT_EQ(rig.engine.live().heldKeys(), 2U) << "the bass and the chord's C4 sound on";
}

TEST(AudioEngineTest, TheLiveProgramIsAProgramChangeOnTheLiveChannel) {
    Rig rig;
    ASSERT_TRUE(rig.engine.live().trySetProgram(24));
    rig.run(kBlock);
    EXPECT_EQ(rig.instrument.on(kLive), (std::vector<Message>{{0, Kind::ProgramChange, kLive, 24}}));
}

// The loudest sample of a block.
float peak(const std::vector<float>& samples) {
    float loudest = 0.0F;
    for (const float sample : samples) loudest = std::max(loudest, std::abs(sample));
    return loudest;
}

TEST(AudioEngineTest, CutoffSilencesTheChordOnceItsReleaseHasRungOut) {
    transport::Player player;
    FallbackSynth synth;
    Engine engine{player, synth, {.sampleRate = kRate, .maxBlockFrames = kBlock}};
    std::vector<float> left(kBlock);
    std::vector<float> right(kBlock);
    const auto run = [&](std::uint32_t frames) {
        for (std::uint32_t done = 0; done < frames; done += kBlock) engine.process(left.data(), right.data(), kBlock);
    };
    const std::array<std::uint8_t, 3> chord{60, 64, 67};
    ASSERT_TRUE(engine.live().tryPlay(chord, 100, std::int64_t{10} * kRate.value));
    run(kRate.value / 10);
    EXPECT_GT(peak(left), 0.01F);
    EXPECT_EQ(engine.activeVoices(), 3U);

    ASSERT_TRUE(engine.live().tryCutoff());
    engine.process(left.data(), right.data(), kBlock);
    EXPECT_GT(peak(left), 0.0F) << "a release, not a click into silence";
    run(2 * kRate.value);
    EXPECT_EQ(engine.activeVoices(), 0U);
    EXPECT_EQ(peak(left), 0.0F);
    EXPECT_EQ(peak(right), 0.0F);
}

TEST(AudioEngineTest, TheLivePathIsRealtimeSafeAndReachesTheBus) {
    Rig rig;
    std::vector<core::NoteOn> ons;
    std::vector<core::NoteOff> offs;
    auto onSub = rig.bus.subscribe<core::NoteOn>([&](const core::NoteOn& n) { ons.push_back(n); });
    auto offSub = rig.bus.subscribe<core::NoteOff>([&](const core::NoteOff& n) { offs.push_back(n); });
    rig.player.play();
    const std::array<std::uint8_t, 3> chord{60, 64, 67};
    EXPECT_REALTIME_SAFE({
        rig.engine.live().tryPlay(chord, 100, 5000);
        rig.engine.live().trySetProgram(5);
        rig.run(2 * kBlock);
        rig.engine.live().tryCutoff();
        rig.run(2 * kBlock);
        rig.engine.live().tryPlay(chord, 100, 300);
        rig.run(4 * kBlock);
    });
    rig.bus.dispatchFrame();

    std::vector<core::NoteOn> liveOns;
    std::copy_if(ons.begin(), ons.end(), std::back_inserter(liveOns),
                 [](const core::NoteOn& n) { return n.source == core::NoteSource::Interface; });
    ASSERT_EQ(liveOns.size(), 6U);
    EXPECT_EQ(liveOns[0].part, -1);
    EXPECT_EQ(liveOns[0].channel0to15, kLive);
    EXPECT_EQ(liveOns[0].sampleTime, 0);
    EXPECT_EQ(liveOns[3].sampleTime, 4 * kFrames);
    const auto lastOff = std::find_if(offs.rbegin(), offs.rend(),
                                      [](const core::NoteOff& n) { return n.source == core::NoteSource::Interface; });
    ASSERT_NE(lastOff, offs.rend());
    EXPECT_EQ(lastOff->sampleTime, 4 * kFrames + 300);
}

}  // namespace
}  // namespace mos::audio
