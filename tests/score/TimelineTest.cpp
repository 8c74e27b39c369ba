#include "mos/score/Timeline.hpp"

#include <gtest/gtest.h>

namespace mos::score {
namespace {

using core::Rational;

Timeline pickupThenThreeFour() {
    Timeline timeline;
    Measure pickup;
    pickup.number = "0";
    pickup.pickup = true;
    pickup.duration = Rational{1, 4};
    pickup.time = TimeSignature{3, 4};
    pickup.keys.push_back({Rational{}, KeySignature{2, Mode::Major}});
    timeline.measures.push_back(pickup);
    for (int i = 1; i <= 3; ++i) {
        Measure measure;
        measure.number = std::to_string(i);
        measure.duration = Rational{3, 4};
        timeline.measures.push_back(measure);
    }
    timeline.measures[2].keys.push_back({Rational{1, 4}, KeySignature{-1, Mode::Minor}});
    timeline.measures[3].time = TimeSignature{6, 8};
    timeline.measures[3].duration = Rational{6, 8};
    return timeline;
}

TEST(TimelineTest, MeasureStartsAddUpActualDurations) {
    const auto starts = measureStarts(pickupThenThreeFour());
    ASSERT_EQ(starts.size(), 5U);
    EXPECT_EQ(starts[0], Rational{});
    EXPECT_EQ(starts[1], Rational(1, 4));
    EXPECT_EQ(starts[2], Rational(1));
    EXPECT_EQ(starts[3], Rational(7, 4));
    EXPECT_EQ(starts[4], Rational(5, 2));
}

TEST(TimelineTest, TheMeterInForceIsTheLastOneSet) {
    const Timeline timeline = pickupThenThreeFour();
    EXPECT_EQ(timeSignatureAt(timeline, 0), (TimeSignature{3, 4}));
    EXPECT_EQ(timeSignatureAt(timeline, 2), (TimeSignature{3, 4}));
    EXPECT_EQ(timeSignatureAt(timeline, 3), (TimeSignature{6, 8}));
    EXPECT_EQ(timeSignatureAt(timeline, 99), (TimeSignature{6, 8}));
    EXPECT_EQ(timeSignatureAt(Timeline{}, 0), TimeSignature{});
}

TEST(TimelineTest, AKeyChangeMidMeasureTakesEffectAtItsOffset) {
    const Timeline timeline = pickupThenThreeFour();
    EXPECT_EQ(keyAt(timeline, {2, Rational{}}).fifths, 2);
    EXPECT_EQ(keyAt(timeline, {2, Rational{1, 4}}).fifths, -1);
    EXPECT_EQ(keyAt(timeline, {3, Rational{}}).mode, Mode::Minor);
    EXPECT_EQ(keyAt(Timeline{}, {0, Rational{}}), KeySignature{});
}

}  // namespace
}  // namespace mos::score
