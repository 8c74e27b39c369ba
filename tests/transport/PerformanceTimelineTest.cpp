#include "mos/transport/PerformanceTimeline.hpp"

#include <vector>

#include <gtest/gtest.h>

#include "support/ScoreBuilders.hpp"

namespace mos::transport {
namespace {

using core::Rational;
using score::NavigationKind;

std::vector<std::uint32_t> order(const score::Timeline& timeline) {
    const PerformanceTimeline performance{timeline};
    std::vector<std::uint32_t> out;
    for (const PerformedMeasure& p : performance.measures()) out.push_back(p.measure);
    return out;
}

score::Timeline bars(std::uint32_t count) { return test::measures(count).timeline; }

void mark(score::Timeline& t, std::uint32_t measure, NavigationKind kind) {
    t.measures[measure].navigation.push_back({kind});
}

TEST(PerformanceTimelineTest, PlainRepeatPlaysTwice) {
    auto t = bars(4);
    t.measures[1].repeatStart = true;
    t.measures[2].repeatEnd = 2;
    EXPECT_EQ(order(t), (std::vector<std::uint32_t>{0, 1, 2, 1, 2, 3}));
}

TEST(PerformanceTimelineTest, RepeatWithoutStartGoesBackToTheBeginning) {
    auto t = bars(3);
    t.measures[1].repeatEnd = 3;  // played three times
    EXPECT_EQ(order(t), (std::vector<std::uint32_t>{0, 1, 0, 1, 0, 1, 2}));
}

TEST(PerformanceTimelineTest, EndingsAreChosenByPass) {
    auto t = bars(5);
    t.measures[0].repeatStart = true;
    t.measures[2].repeatEnd = 2;
    t.endings.push_back({2, 2, {1}});
    t.endings.push_back({3, 3, {2}});
    const PerformanceTimeline timeline{t};
    EXPECT_EQ(order(t), (std::vector<std::uint32_t>{0, 1, 2, 0, 1, 3, 4}));
    EXPECT_EQ(timeline.measures()[3].pass, 2);
    EXPECT_EQ(timeline.measures()[6].pass, 1);  // past the endings a new passage begins
    EXPECT_EQ(timeline.measures()[5].start, Rational{5});
    EXPECT_EQ(timeline.length(), Rational{7});
}

TEST(PerformanceTimelineTest, ThreeEndingsEachWithItsRepeat) {
    auto t = bars(5);
    t.measures[1].repeatStart = true;
    t.measures[2].repeatEnd = 2;
    t.measures[3].repeatEnd = 2;
    t.endings.push_back({2, 2, {1}});
    t.endings.push_back({3, 3, {2}});
    t.endings.push_back({4, 4, {3}});
    EXPECT_EQ(order(t), (std::vector<std::uint32_t>{0, 1, 2, 1, 3, 1, 4}));
}

TEST(PerformanceTimelineTest, DalSegnoAlFine) {
    auto t = bars(5);
    mark(t, 1, NavigationKind::Segno);
    mark(t, 2, NavigationKind::Fine);
    mark(t, 4, NavigationKind::DalSegnoAlFine);
    EXPECT_EQ(order(t), (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 1, 2}));
}

TEST(PerformanceTimelineTest, DaCapoAlCodaSkipsRepeatsAndFirstEndings) {
    auto t = bars(7);
    t.measures[0].repeatStart = true;
    t.measures[1].repeatEnd = 2;
    t.endings.push_back({1, 1, {1}});
    t.endings.push_back({2, 2, {2}});
    mark(t, 3, NavigationKind::ToCoda);
    mark(t, 4, NavigationKind::DaCapoAlCoda);
    mark(t, 6, NavigationKind::Coda);
    EXPECT_EQ(order(t), (std::vector<std::uint32_t>{0, 1, 0, 2, 3, 4, 0, 2, 3, 6}));
}

TEST(PerformanceTimelineTest, ABareCodaSignMarksTheJumpAndTheLastOneTheLanding) {
    auto t = bars(5);
    mark(t, 1, NavigationKind::Coda);
    mark(t, 2, NavigationKind::DaCapo);
    mark(t, 4, NavigationKind::Coda);
    EXPECT_EQ(order(t), (std::vector<std::uint32_t>{0, 1, 2, 0, 1, 4}));
}

TEST(PerformanceTimelineTest, PlainDaCapoStopsAtFine) {
    auto t = bars(3);
    mark(t, 0, NavigationKind::Fine);
    mark(t, 2, NavigationKind::DaCapo);
    EXPECT_EQ(order(t), (std::vector<std::uint32_t>{0, 1, 2, 0}));
}

TEST(PerformanceTimelineTest, EndlessJumpsAreCutOff) {
    auto t = bars(2);
    t.measures[1].repeatEnd = 255;
    EXPECT_LE(order(t).size(), 64U * 3U);
}

TEST(PerformanceTimelineTest, LocateCountsBeatsAndPickups) {
    auto s = test::measures(3, {3, 4});
    s.timeline.measures[0].duration = Rational{1, 4};  // a one-beat pickup
    s.timeline.measures[0].pickup = true;
    const PerformanceTimeline timeline{s.timeline};
    const auto pickup = timeline.locate(0.0);
    ASSERT_TRUE(pickup);
    EXPECT_EQ(pickup->beat, 3);
    const auto second = timeline.locate(0.25 + 0.25 + 0.125);  // measure 2, beat 2 and a half
    ASSERT_TRUE(second);
    EXPECT_EQ(second->measure, 1U);
    EXPECT_EQ(second->beat, 2);
    EXPECT_DOUBLE_EQ(second->beatFraction, 0.5);
    EXPECT_EQ(timeline.startOfScoreMeasure(2), Rational{1});
    EXPECT_FALSE(timeline.startOfScoreMeasure(7));
    EXPECT_FALSE(PerformanceTimeline{score::Timeline{}}.locate(0.0));
}

}  // namespace
}  // namespace mos::transport
