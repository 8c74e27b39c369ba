// audio::Engine between the player and an instrument: what it asks the instrument to play, what it
// tells the bus, and that the whole audio-thread path stays real-time safe.

#include "mos/audio/Engine.hpp"

#include <memory>
#include <vector>

#include <gtest/gtest.h>

#include "mos/core/StandardEvents.hpp"
#include "support/RealtimeAudit.hpp"
#include "support/ScoreBuilders.hpp"

namespace mos::audio {
namespace {

using core::Rational;

constexpr core::SampleRate kRate{48000};
constexpr std::uint32_t kBlock = 256;

// Remembers the note-ons it is asked to play (by absolute frame), and makes no sound.
class RecordingInstrument final : public Instrument {
public:
    struct Played {
        std::int64_t frame;
        std::uint8_t channel;
        std::uint8_t key;
        friend bool operator==(const Played&, const Played&) = default;
    };

    RecordingInstrument() { played.reserve(1024); }
    void prepare(core::SampleRate /*rate*/, std::uint32_t /*maxBlockFrames*/) override {}
    void render(std::span<const InstrumentEvent> events, float* /*left*/, float* /*right*/,
                std::uint32_t frames) noexcept override {
        for (const InstrumentEvent& event : events) {
            if (event.kind == InstrumentEvent::Kind::NoteOn && played.size() < played.capacity()) {
                played.push_back({clock_ + event.frameOffset, event.channel0to15, event.data1});
            }
        }
        clock_ += frames;
    }
    std::uint32_t activeVoices() const noexcept override { return 0; }

    std::vector<Played> played;

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
