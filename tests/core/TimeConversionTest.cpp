#include "mos/core/TimeConversion.hpp"

#include <gtest/gtest.h>

namespace mos::core {
namespace {

Bpm bpm(std::int64_t quartersPerMinute) { return *Bpm::of(Rational{quartersPerMinute}); }

TEST(TimeConversionTest, QuarterNoteIs960Ticks) {
    EXPECT_EQ(wholeNotesToTicks(Rational(1, 4)), Ticks{960});
    EXPECT_EQ(wholeNotesToTicks(Rational(3, 2)), Ticks{5760});
    EXPECT_EQ(ticksToWholeNotes(Ticks{960}), Rational(1, 4));
}

TEST(TimeConversionTest, TripletsAndQuintupletsHaveExactTicks) {
    EXPECT_EQ(wholeNotesToTicks(Rational(1, 12)), Ticks{320});
    EXPECT_EQ(wholeNotesToTicks(Rational(1, 20)), Ticks{192});
}

TEST(TimeConversionTest, SeptupletsHaveNoExactTick) {
    EXPECT_FALSE(wholeNotesToTicks(Rational(1, 28)).has_value());
    EXPECT_EQ(nearestTicks(Rational(1, 28)), Ticks{137});  // 137.14…
    EXPECT_FALSE(wholeNotesToTicks(Rational::invalid()).has_value());
}

TEST(TimeConversionTest, TicksToFramesAtConstantTempo) {
    const SampleRate rate{48000};
    EXPECT_EQ(ticksToFrames(Ticks{960}, bpm(120), rate), Rational(24000));
    EXPECT_EQ(ticksToSeconds(Ticks{3840}, bpm(60)), Rational(4));
    // At 44.1 kHz and 7/8 of a quarter at 113 BPM the frame count is fractional but exact.
    const Rational frames = ticksToFrames(Ticks{840}, bpm(113), SampleRate{44100});
    EXPECT_EQ(frames, Rational(840LL * 60 * 44100, 960LL * 113));
    EXPECT_EQ(framesToTicks(frames, bpm(113), SampleRate{44100}), Rational(840));
}

TEST(TimeConversionTest, MidiTempoIsExact) {
    const auto tempo = Bpm::fromMicrosPerQuarter(500000);
    ASSERT_TRUE(tempo.has_value());
    EXPECT_EQ(tempo->quartersPerMinute(), Rational(120));
    const auto odd = Bpm::fromMicrosPerQuarter(454545);
    ASSERT_TRUE(odd.has_value());
    // One quarter at that tempo lasts exactly 454545 µs: 21818.16 frames at 48 kHz.
    EXPECT_EQ(ticksToFrames(Ticks{960}, *odd, SampleRate{48000}), Rational(454545LL * 48000, 1000000));
    EXPECT_FALSE(Bpm::fromMicrosPerQuarter(0).has_value());
}

TEST(TimeConversionTest, DecimalTempoFromFiles) {
    EXPECT_EQ(Bpm::fromDecimal(87.5)->quartersPerMinute(), Rational(175, 2));
    EXPECT_FALSE(Bpm::fromDecimal(0).has_value());
    EXPECT_FALSE(Bpm::fromDecimal(-3).has_value());
    EXPECT_FALSE(Bpm::fromDecimal(1.0 / 0.0).has_value());
    EXPECT_FALSE(Bpm::of(Rational(-1)).has_value());
}

TEST(TimeConversionTest, SampleAtRoundsToNearestFrame) {
    EXPECT_EQ(sampleAt(Rational(24000)), SampleTime{24000});
    EXPECT_EQ(sampleAt(Rational(109090908, 5)), SampleTime{21818182});  // 21818181.6
    EXPECT_EQ(sampleAt(Rational(3, 2)), SampleTime{2});
    EXPECT_FALSE(sampleAt(Rational::invalid()).has_value());
}

TEST(TimeConversionTest, NoDriftOverALongPiece) {
    // Ten thousand quarter-note triplets at 97 BPM, 44.1 kHz: summing per-note frame counts equals
    // converting the whole span at once.
    Rational sum;
    for (int i = 0; i < 10000; ++i) sum += ticksToFrames(Ticks{320}, bpm(97), SampleRate{44100});
    EXPECT_EQ(sum, ticksToFrames(Ticks{3200000}, bpm(97), SampleRate{44100}));
}

}  // namespace
}  // namespace mos::core
