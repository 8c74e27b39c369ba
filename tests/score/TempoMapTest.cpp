#include "mos/score/TempoMap.hpp"

#include <gtest/gtest.h>

namespace mos::score {
namespace {

using core::Rational;

Timeline fourBarsOfFourFour() {
    Timeline timeline;
    for (int i = 1; i <= 4; ++i) {
        Measure measure;
        measure.number = std::to_string(i);
        measure.duration = Rational{1};
        timeline.measures.push_back(measure);
    }
    timeline.measures[0].time = TimeSignature{};
    return timeline;
}

TEST(TempoMapTest, WithoutMarksAQuarterLastsHalfASecond) {
    const TempoMap map{fourBarsOfFourFour()};
    EXPECT_DOUBLE_EQ(map.secondsAt(Rational{1, 4}), 0.5);
    EXPECT_DOUBLE_EQ(map.secondsAt(Rational{4}), 8.0);
    EXPECT_EQ(map.quarterBpmAt(Rational{3}), Rational{120});
}

TEST(TempoMapTest, EachMarkHoldsUntilTheNext) {
    Timeline timeline = fourBarsOfFourFour();
    timeline.measures[0].tempos.push_back({Rational{}, Rational{1, 4}, Rational{60}, "Adagio"});
    timeline.measures[1].tempos.push_back({Rational{}, Rational{1, 4}, Rational{120}, ""});
    // A dotted-quarter beat at 80 is 120 quarters per minute too, from the middle of bar 3.
    timeline.measures[2].tempos.push_back({Rational{1, 2}, Rational{3, 8}, Rational{40}, ""});
    const TempoMap map{timeline};
    ASSERT_EQ(map.segments().size(), 3U);
    EXPECT_DOUBLE_EQ(map.secondsAt(Rational{1}), 4.0);
    EXPECT_DOUBLE_EQ(map.secondsAt(Rational{3, 2}), 5.0);
    EXPECT_EQ(map.quarterBpmAt(Rational{5, 2}), Rational{60});
    EXPECT_DOUBLE_EQ(map.secondsAt(Rational{5, 2}), 6.0 + 1.0);
    EXPECT_DOUBLE_EQ(map.secondsAt(Rational{4}), 7.0 + 6.0);
}

TEST(TempoMapTest, PositionAtInvertsSecondsAtOnTheTickGrid) {
    Timeline timeline = fourBarsOfFourFour();
    timeline.measures[1].tempos.push_back({Rational{1, 4}, Rational{1, 4}, Rational{7, 3}, ""});
    const TempoMap map{timeline};
    for (std::int64_t tick = 0; tick <= 4 * 3840; tick += 37) {
        const Rational position{tick, 3840};
        EXPECT_EQ(map.positionAt(map.secondsAt(position)), position) << tick;
    }
}

TEST(TempoMapTest, ALaterMarkAtTheSamePlaceWinsAndUnusableMarksAreSkipped) {
    Timeline timeline = fourBarsOfFourFour();
    timeline.measures[0].tempos.push_back({Rational{}, Rational{1, 4}, Rational{90}, ""});
    timeline.measures[0].tempos.push_back({Rational{}, Rational{1, 4}, Rational{60}, ""});
    timeline.measures[1].tempos.push_back({Rational{}, Rational{1, 4}, Rational{0}, ""});
    const TempoMap map{timeline};
    EXPECT_EQ(map.segments().size(), 1U);
    EXPECT_DOUBLE_EQ(map.secondsAt(Rational{2}), 8.0);
}

}  // namespace
}  // namespace mos::score
