#include "mos/transport/Player.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "support/RealtimeAudit.hpp"
#include "support/ScoreBuilders.hpp"

namespace mos::transport {
namespace {

using core::Rational;
using test::measures;
using test::note;

// What the player sent, at absolute samples (block start + frame offset).
struct Sent {
    enum class Kind { On, Off, Program, Beat, AllOff, CountIn };
    Kind kind;
    std::int64_t sample;
    int key = -1;

    friend bool operator==(const Sent&, const Sent&) = default;
};

class RecordingSink final : public PlaybackSink {
public:
    RecordingSink() { sent.reserve(100000); }

    void noteOn(std::uint32_t frameOffset, const ProgramNote& note) noexcept override {
        record(Sent::Kind::On, frameOffset, note.key0to127);
    }
    void noteOff(std::uint32_t frameOffset, const ProgramNote& note) noexcept override {
        record(Sent::Kind::Off, frameOffset, note.key0to127);
    }
    void programChange(std::uint32_t frameOffset, std::uint8_t /*channel*/, std::uint8_t program) noexcept override {
        record(Sent::Kind::Program, frameOffset, program);
    }
    void beat(std::uint32_t frameOffset, std::int64_t /*sample*/, const PerformedMeasure& /*measure*/,
              std::uint16_t beat) noexcept override {
        record(Sent::Kind::Beat, frameOffset, beat);
    }
    void allNotesOff(std::uint32_t frameOffset) noexcept override { record(Sent::Kind::AllOff, frameOffset, -1); }
    void countInBeat(std::uint32_t frameOffset, std::uint16_t beat, std::uint16_t /*beatsPerBar*/) noexcept override {
        record(Sent::Kind::CountIn, frameOffset, beat);
    }

    void startBlock(std::int64_t start, std::uint32_t frames) noexcept {
        blockStart_ = start;
        blockFrames_ = frames;
        lastOffset_ = 0;
    }

    std::vector<Sent> sent;
    bool orderBroken = false;

private:
    void record(Sent::Kind kind, std::uint32_t frameOffset, int key) noexcept {
        if (frameOffset >= blockFrames_ || frameOffset < lastOffset_) orderBroken = true;
        lastOffset_ = frameOffset;
        if (sent.size() < sent.capacity()) sent.push_back({kind, blockStart_ + frameOffset, key});
    }

    std::int64_t blockStart_ = 0;
    std::uint32_t blockFrames_ = 0;
    std::uint32_t lastOffset_ = 0;
};

// Two bars of quarters, C4 up the scale, and a long held G3 under them.
score::Score scale() {
    auto s = measures(2);
    const char* pitches[] = {"C4", "D4", "E4", "F4", "G4", "A4", "B4", "C5"};
    for (int i = 0; i < 8; ++i)
        note(s, 0, static_cast<std::uint32_t>(i / 4), Rational{i % 4, 4}, Rational{1, 4}, pitches[i]);
    note(s, 0, 0, 0, Rational{2}, "G3", 2);
    return s;
}

class Harness {
public:
    explicit Harness(const score::Score& s, CompileOptions options = {}) {
        player.publish(std::make_unique<Program>(compile(s, options)));
    }

    void run(std::uint32_t frames, std::uint32_t block) {
        for (std::uint32_t done = 0; done < frames; done += block) blockOf(std::min(block, frames - done));
    }

    void blockOf(std::uint32_t frames) {
        sink.startBlock(clock, frames);
        player.process(frames, sink);
        clock += frames;
    }

    Player player;
    RecordingSink sink;
    std::int64_t clock = 0;  // samples processed so far
};

TEST(PlayerTest, EveryBlockSizeSendsTheSameEventsOnTheSameSamples) {
    const auto s = scale();
    Harness reference{s};
    reference.player.play();
    reference.run(240000, 1);
    ASSERT_FALSE(reference.sink.orderBroken);
    std::mt19937 random{1};
    for (const std::uint32_t block : {64U, 256U, 1000U, 4096U, 0U}) {
        Harness harness{s};
        harness.player.play();
        if (block != 0) {
            harness.run(240000, block);
        } else {
            std::uniform_int_distribution<std::uint32_t> size{1, 3000};
            while (harness.clock < 240000) {
                harness.blockOf(std::min(size(random), 240000 - static_cast<std::uint32_t>(harness.clock)));
            }
        }
        EXPECT_FALSE(harness.sink.orderBroken);
        EXPECT_EQ(harness.sink.sent, reference.sink.sent) << "block " << block;
    }
    // And the events are the score's: E4 on the third quarter, the end releases every note.
    const auto& sent = reference.sink.sent;
    EXPECT_NE(std::find(sent.begin(), sent.end(), Sent{Sent::Kind::On, 48000, 64}), sent.end());
    EXPECT_FALSE(reference.player.playing());
    EXPECT_EQ(reference.player.endsReached(), 1U);
}

TEST(PlayerTest, NoNoteHangsAfterStopPauseOrEnd) {
    Harness harness{scale()};
    harness.player.play();
    harness.run(30000, 256);
    harness.player.pause();
    harness.run(512, 256);
    harness.player.play();
    harness.run(20000, 256);
    harness.player.stop();
    harness.run(256, 256);
    int sounding = 0;
    for (const Sent& s : harness.sink.sent) {
        if (s.kind == Sent::Kind::On) ++sounding;
        if (s.kind == Sent::Kind::Off) --sounding;
        ASSERT_GE(sounding, 0);
    }
    EXPECT_EQ(sounding, 0);
    EXPECT_EQ(harness.sink.sent.back().kind, Sent::Kind::AllOff);
    EXPECT_EQ(harness.player.positionSample(), 0);
}

TEST(PlayerTest, SeekChasesTheNotesStillSounding) {
    Harness harness{scale()};
    harness.player.play();
    harness.player.seek(Rational{3, 8});  // halfway through the second quarter, D4
    harness.run(256, 256);
    const auto& sent = harness.sink.sent;
    std::vector<int> chased;
    for (const Sent& s : sent) {
        if (s.kind == Sent::Kind::On && s.sample == 0) chased.push_back(s.key);
    }
    std::sort(chased.begin(), chased.end());
    EXPECT_EQ(chased, (std::vector<int>{55, 62}));  // G3 and D4
    EXPECT_EQ(harness.player.positionSample(), 36000 + 256);
}

TEST(PlayerTest, LoopWrapsOnItsExactSample) {
    Harness harness{scale()};
    harness.player.setLoop(Rational{1, 4}, Rational{1, 2});  // the second quarter: D4
    harness.player.seek(Rational{1, 4});
    harness.player.play();
    harness.run(24000 * 3 + 100, 300);  // 300 does not divide the loop: wraps fall mid-block
    std::vector<std::int64_t> d4Ons;
    for (const Sent& s : harness.sink.sent) {
        if (s.kind == Sent::Kind::On && s.key == 62) d4Ons.push_back(s.sample);
    }
    // The seek lands on D4's start, so it plays as scheduled; every wrap starts it again.
    EXPECT_EQ(d4Ons, (std::vector<std::int64_t>{0, 24000, 48000, 72000}));
    int sounding = 0;
    for (const Sent& s : harness.sink.sent)
        sounding += s.kind == Sent::Kind::On ? 1 : s.kind == Sent::Kind::Off ? -1 : 0;
    EXPECT_EQ(sounding, 2);  // D4 and the held G3 sound now
}

TEST(PlayerTest, ANewProgramKeepsTheMusicalPosition) {
    const auto s = scale();
    Harness harness{s};
    harness.player.play();
    harness.run(48000, 512);  // 1 s at 120 BPM: half a bar (plus the last block's rest)
    const double before = harness.player.positionWholeNotes();
    harness.player.publish(std::make_unique<Program>(compile(s, {.tempoScale = Rational{1, 2}})));
    harness.run(512, 512);
    // Half speed: the same place in the music is twice as many samples in.
    EXPECT_NEAR(harness.player.positionWholeNotes(), before + 512.0 / 48000 / 4, 1e-6);
    harness.player.collectRetired();
}

std::vector<Sent> sentOf(const std::vector<Sent>& sent, Sent::Kind kind) {
    std::vector<Sent> kept;
    std::copy_if(sent.begin(), sent.end(), std::back_inserter(kept), [&](const Sent& s) { return s.kind == kind; });
    return kept;
}

TEST(PlayerTest, ACountInClicksItsBeatsThenTheMusicStartsOnTheNextBeat) {
    // One bar of 3/4 at 10000 samples a beat, then the scale from where it was sought to.
    const CountIn countIn{.beats = 3, .beatsPerBar = 3, .samplesPerBeat = 10000};
    for (const std::uint32_t block : {1U, 256U, 10000U, 4096U}) {
        Harness harness{scale()};
        harness.player.seek(Rational{1, 4});  // D4
        harness.player.play(countIn);
        harness.run(60000, block);
        EXPECT_FALSE(harness.sink.orderBroken) << "block " << block;
        EXPECT_EQ(sentOf(harness.sink.sent, Sent::Kind::CountIn),
                  (std::vector<Sent>{
                      {Sent::Kind::CountIn, 0, 1}, {Sent::Kind::CountIn, 10000, 2}, {Sent::Kind::CountIn, 20000, 3}}))
            << "block " << block;
        const auto ons = sentOf(harness.sink.sent, Sent::Kind::On);
        ASSERT_EQ(ons.size(), 3U) << "block " << block;  // G3 chased, D4, then E4 a beat later
        EXPECT_EQ(ons[0].sample, 30000);
        EXPECT_EQ(ons[1].sample, 30000);
        EXPECT_EQ(ons[2], (Sent{Sent::Kind::On, 30000 + 24000, 64}));
    }
}

TEST(PlayerTest, PauseCancelsACountIn) {
    Harness harness{scale()};
    harness.player.play({.beats = 4, .beatsPerBar = 4, .samplesPerBeat = 1000});
    harness.run(1500, 500);
    EXPECT_TRUE(harness.player.countingIn());
    EXPECT_FALSE(harness.player.playing());
    harness.player.pause();
    harness.run(10000, 500);
    EXPECT_FALSE(harness.player.countingIn());
    EXPECT_FALSE(harness.player.playing());
    EXPECT_EQ(sentOf(harness.sink.sent, Sent::Kind::CountIn).size(), 2U);
    EXPECT_TRUE(sentOf(harness.sink.sent, Sent::Kind::On).empty());
}

TEST(PlayerTest, ProcessIsRealtimeSafe) {
    const auto s = scale();
    Harness harness{s};
    harness.player.play();
    harness.player.setLoop(Rational{0}, Rational{1, 2});
    EXPECT_REALTIME_SAFE(harness.run(96000, 256));
    harness.player.publish(std::make_unique<Program>(compile(s, {.tempoScale = Rational{2}})));
    harness.player.seek(Rational{1, 8});
    harness.player.pause();
    harness.player.play();
    harness.player.stop();
    harness.player.play({.beats = 2, .beatsPerBar = 2, .samplesPerBeat = 1000});
    EXPECT_REALTIME_SAFE(harness.run(96000, 256));
    harness.player.collectRetired();
}

}  // namespace
}  // namespace mos::transport
