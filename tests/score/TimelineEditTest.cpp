// Edits of the timeline: inserting and deleting measures (everything after moves), meters, keys,
// tempo marks and the other per-measure marks.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "StoreFixture.hpp"
#include "mos/score/Edit.hpp"

namespace mos::score {
namespace {

using core::ErrorCode;
using core::Rational;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::Session;

std::vector<std::string> labels(const Score& score) {
    std::vector<std::string> numbers;
    for (const Measure& measure : score.timeline.measures) numbers.push_back(measure.number);
    return numbers;
}

std::vector<std::uint32_t> measuresOf(const Part& part) {
    std::vector<std::uint32_t> measures;
    for (const Event& event : part.events) measures.push_back(event.measure);
    return measures;
}

TEST(TimelineEditTest, InsertedMeasuresMoveEverythingAfterThem) {
    Session session;
    const auto commit = session.apply(InsertMeasures{2, 2});
    ASSERT_TRUE(commit) << commit.error().describe();
    const Score after = session.score();

    EXPECT_THAT(labels(after), ElementsAre("1", "2", "3", "4", "5", "6", "7"));
    EXPECT_EQ(after.timeline.measures[2].duration, Rational{1});
    EXPECT_FALSE(after.timeline.measures[2].time);
    EXPECT_TRUE(after.timeline.measures[4].repeatStart);  // was measure 2
    EXPECT_THAT(measuresOf(after.parts[0]), ElementsAre(0, 0, 0, 0, 1, 1, 1, 4, 4, 4, 4, 5, 6, 6));
    // Performed timing is absolute: two 4/4 measures later.
    EXPECT_EQ(after.parts[0].events[11].notes[0].performed->onset, Rational(501, 100));
    EXPECT_EQ(after.layers.form[0].lastMeasure, 1U);  // A (0…1) ends before the insertion
    EXPECT_EQ(after.layers.form[1].firstMeasure, 4U);
    EXPECT_EQ(after.layers.form[1].lastMeasure, 5U);
    EXPECT_EQ(after.layers.notation.hairpins[0].to, (ScorePosition{4, Rational{1, 2}}));  // spans it: grows
    EXPECT_EQ(after.layers.markers[0].at.measure, 4U);
    EXPECT_EQ(after.timeline.endings[0].firstMeasure, 5U);
    EXPECT_EQ(after.learning.pointsOfInterest[0].firstMeasure, 4U);
    EXPECT_EQ(after.layers.analysis.cadences[0].at.measure, 5U);
    EXPECT_EQ(after.layers.chords[1].at.measure, 1U);  // before: stays

    EXPECT_TRUE(commit->changes.timeline);
    EXPECT_EQ(commit->changes.measures, (MeasureSpan{2, MeasureSpan::kToEnd}));
    EXPECT_TRUE(commit->changes.eventsChanged.empty());  // moved ones are covered by `measures`
    EXPECT_TRUE(commit->changes.layers.form);
    EXPECT_TRUE(commit->changes.layers.markers);
    EXPECT_FALSE(commit->changes.layers.chords);
}

TEST(TimelineEditTest, ARangeSpanningTheInsertionGrows) {
    Session session;
    ASSERT_TRUE(session.apply(InsertMeasures{1, 1}));
    const Score after = session.score();
    EXPECT_EQ(after.layers.form[0].firstMeasure, 0U);
    EXPECT_EQ(after.layers.form[0].lastMeasure, 2U);
}

TEST(TimelineEditTest, MeasuresInsertedAtTheStartTakeOverTheOpeningMarks) {
    Session session;
    ASSERT_TRUE(session.apply(InsertMeasures{0, 1}));
    const Score after = session.score();
    const Measure& opening = after.timeline.measures[0];
    EXPECT_EQ(opening.number, "1");
    EXPECT_EQ(opening.time, (TimeSignature{4, 4}));
    ASSERT_EQ(opening.keys.size(), 1U);
    EXPECT_EQ(opening.keys[0].key.fifths, 1);
    ASSERT_EQ(opening.tempos.size(), 1U);
    EXPECT_EQ(opening.tempos[0].beatsPerMinute, Rational{96});
    EXPECT_EQ(after.timeline.measures[1].number, "2");
}

TEST(TimelineEditTest, AppendedMeasuresTakeTheLastMeter) {
    Session session;
    ASSERT_TRUE(session.apply(InsertMeasures{5, 2}));
    const Score after = session.score();
    EXPECT_THAT(labels(after), ElementsAre("1", "2", "3", "4", "5", "6", "7"));
    EXPECT_EQ(after.timeline.measures[6].duration, Rational(3, 4));
}

TEST(TimelineEditTest, DeletedMeasuresTakeTheirEventsAndLeaveWhatWasInForce) {
    Session session;
    const Score before = session.score();
    const auto commit = session.apply(DeleteMeasures{0, 1});
    ASSERT_TRUE(commit) << commit.error().describe();
    const Score after = session.score();

    EXPECT_THAT(labels(after), ElementsAre("1", "2", "3", "4"));
    const Measure& opening = after.timeline.measures[0];
    EXPECT_EQ(opening.time, (TimeSignature{4, 4}));
    ASSERT_EQ(opening.keys.size(), 1U);
    EXPECT_EQ(opening.keys[0].key.fifths, 1);
    ASSERT_EQ(opening.tempos.size(), 1U);
    EXPECT_EQ(opening.tempos[0].text, "Andante");
    EXPECT_EQ(after.parts[0].events.size(), before.parts[0].events.size() - 4);
    EXPECT_EQ(after.parts[1].events.size(), before.parts[1].events.size() - 1);
    EXPECT_EQ(after.parts[0].events[0].measure, 0U);  // the grace note, was in measure 1
    EXPECT_EQ(after.parts[0].events[7].notes[0].performed->onset, Rational(201, 100));
    // What pointed at the deleted events is gone; what was placed in the measure too.
    EXPECT_TRUE(after.layers.lyrics.empty());
    EXPECT_TRUE(after.layers.notation.beams.empty());
    EXPECT_TRUE(after.layers.notation.slurs.empty());
    EXPECT_TRUE(after.layers.notation.clefs.empty());
    ASSERT_EQ(after.layers.tablature.size(), 1U);
    ASSERT_EQ(after.layers.chords.size(), 1U);
    EXPECT_EQ(after.layers.chords[0].text, "G7");
    EXPECT_EQ(after.layers.chords[0].at.measure, 0U);
    // A hairpin that started in it now starts where the music continues.
    EXPECT_EQ(after.layers.notation.hairpins[0].from, (ScorePosition{0, Rational{}}));
    EXPECT_EQ(after.layers.notation.hairpins[0].to, (ScorePosition{1, Rational{1, 2}}));
    EXPECT_EQ(after.layers.form[0].firstMeasure, 0U);
    EXPECT_EQ(after.layers.form[0].lastMeasure, 0U);

    EXPECT_EQ(commit->changes.eventsDeleted.size(), 5U);
    EXPECT_EQ(commit->changes.notesDeleted.size(), 7U);
    EXPECT_EQ(commit->changes.measures, (MeasureSpan{0, MeasureSpan::kToEnd}));
}

TEST(TimelineEditTest, AKeyChangeInDeletedMeasuresStaysInForceAfterThem) {
    Session session;
    ASSERT_TRUE(session.apply(DeleteMeasures{2, 1}));  // measure 2 changed to 2 flats at 1/2
    const Score after = session.score();
    const Measure& next = after.timeline.measures[2];
    ASSERT_EQ(next.keys.size(), 1U);
    EXPECT_EQ(next.keys[0].offset, Rational{});
    EXPECT_EQ(next.keys[0].key.fifths, -2);
    EXPECT_TRUE(next.tempos.empty());                  // the tempo did not change in measure 2
    EXPECT_EQ(after.layers.form[1].firstMeasure, 2U);  // B was 2…3, now just 2
    EXPECT_EQ(after.layers.form[1].lastMeasure, 2U);
    EXPECT_EQ(after.timeline.endings[0].firstMeasure, 2U);
    EXPECT_EQ(after.layers.notation.hairpins[0].to, (ScorePosition{1, Rational{1}}));  // clipped to the gap
}

TEST(TimelineEditTest, MeasureCountsAreChecked) {
    Session session;
    EXPECT_EQ(session.apply(InsertMeasures{6, 1}).error().code, ErrorCode::OutOfRange);
    EXPECT_EQ(session.apply(InsertMeasures{0, 0}).error().code, ErrorCode::OutOfRange);
    EXPECT_THAT(session.apply(InsertMeasures{0, 4'000'000'000U}).error().message, HasSubstr("the count must be 1 to"));
    EXPECT_THAT(session.apply(DeleteMeasures{3, 3}).error().message, HasSubstr("are not all in the 5 measures"));
    EXPECT_EQ(session.apply(DeleteMeasures{0, 0}).error().code, ErrorCode::OutOfRange);
}

TEST(TimelineEditTest, AMeterChangesTheLengthOfTheMeasuresItGoverns) {
    Session session;
    const auto commit = session.apply(SetTimeSignature{1, TimeSignature{3, 4}});
    ASSERT_TRUE(commit);
    const Score after = session.score();
    const auto& measures = after.timeline.measures;
    EXPECT_EQ(measures[0].duration, Rational{1});
    EXPECT_EQ(measures[1].duration, Rational(3, 4));
    EXPECT_EQ(measures[3].duration, Rational(3, 4));
    EXPECT_EQ(measures[4].duration, Rational(3, 4));  // its own 3/4 anyway
    EXPECT_EQ(measures[1].time, (TimeSignature{3, 4}));
    // Measure 3 now starts 2/4 earlier, and its performed note with it.
    EXPECT_EQ(after.parts[0].events[11].notes[0].performed->onset, Rational(251, 100));
    EXPECT_EQ(commit->changes.measures, (MeasureSpan{1, MeasureSpan::kToEnd}));
}

TEST(TimelineEditTest, RemovingAMeterLetsThePreviousOneContinue) {
    Session session;
    ASSERT_TRUE(session.apply(RemoveTimeSignature{4}));
    const Score after = session.score();
    EXPECT_FALSE(after.timeline.measures[4].time);
    EXPECT_EQ(after.timeline.measures[4].duration, Rational{1});
    EXPECT_THAT(session.apply(RemoveTimeSignature{0}).error().message, HasSubstr("can be changed, not removed"));
    EXPECT_EQ(session.apply(RemoveTimeSignature{1}).error().code, ErrorCode::NotFound);
    EXPECT_EQ(session.apply(SetTimeSignature{1, TimeSignature{0, 4}}).error().code, ErrorCode::InvalidArgument);
}

TEST(TimelineEditTest, AnIrregularMeasureKeepsItsLength) {
    Score score = testing::fixtureScore();
    score.timeline.measures[0].pickup = true;
    score.timeline.measures[0].duration = Rational{1, 4};
    Store store;
    const DocumentId doc = store.open(score);
    ASSERT_TRUE(store.apply(doc, Transaction{{SetTimeSignature{0, TimeSignature{2, 4}}}, ""}));
    const Score after = *store.snapshot(doc)->score;
    EXPECT_EQ(after.timeline.measures[0].duration, Rational(1, 4));
    EXPECT_EQ(after.timeline.measures[1].duration, Rational(1, 2));
    EXPECT_EQ(after.timeline.measures[3].duration, Rational(1, 2));
    EXPECT_EQ(after.timeline.measures[4].duration, Rational(3, 4));
}

TEST(TimelineEditTest, KeysAndTemposAreKeyedByTheirOffset) {
    Session session;
    ASSERT_TRUE(session.apply(SetKey{0, KeyChange{Rational{}, KeySignature{2, Mode::Major}}}));
    ASSERT_TRUE(session.apply(SetTempo{0, TempoMark{Rational{1, 2}, Rational{1, 4}, Rational{100}, ""}}));
    ASSERT_TRUE(session.apply(SetTempo{0, TempoMark{Rational{1, 4}, Rational{1, 4}, Rational{98}, ""}}));
    const Score after = session.score();
    const Measure& opening = after.timeline.measures[0];
    ASSERT_EQ(opening.keys.size(), 1U);
    EXPECT_EQ(opening.keys[0].key.fifths, 2);
    ASSERT_EQ(opening.tempos.size(), 3U);
    EXPECT_EQ(opening.tempos[1].beatsPerMinute, Rational{98});
    EXPECT_EQ(opening.tempos[2].beatsPerMinute, Rational{100});

    EXPECT_THAT(session.apply(RemoveKey{0, Rational{}}).error().message, HasSubstr("opening key"));
    EXPECT_EQ(session.apply(RemoveKey{1, Rational{}}).error().code, ErrorCode::NotFound);
    EXPECT_EQ(session.apply(SetKey{0, KeyChange{Rational{}, KeySignature{8}}}).error().code, ErrorCode::OutOfRange);
    EXPECT_THAT(session.apply(SetTempo{0, TempoMark{Rational{}, Rational{1, 4}, Rational{}, ""}}).error().message,
                HasSubstr("positive beat unit and beats per minute"));
    const auto removed = session.apply(RemoveTempo{0, Rational{1, 2}});
    ASSERT_TRUE(removed);
    EXPECT_EQ(removed->changes.measures, (MeasureSpan{0, MeasureSpan::kToEnd}));
}

TEST(TimelineEditTest, MeasureMarksChange) {
    Session session;
    ASSERT_TRUE(session.apply(std::vector<Edit>{
        SetMeasureNumber{1, "2a"}, SetRepeatStart{1, true}, SetRepeatEnd{1, 3}, SetBarline{1, "light-light"},
        SetNavigation{1, Navigation{NavigationKind::DaCapo, Rational{1}, "D.C."}}}));
    const Score after = session.score();
    const Measure& measure = after.timeline.measures[1];
    EXPECT_EQ(measure.number, "2a");
    EXPECT_TRUE(measure.repeatStart);
    EXPECT_EQ(measure.repeatEnd, 3);
    EXPECT_EQ(measure.barline, "light-light");
    ASSERT_EQ(measure.navigation.size(), 1U);
    EXPECT_EQ(measure.navigation[0].text, "D.C.");
    EXPECT_THAT(session.apply(SetRepeatEnd{1, 1}).error().message, HasSubstr("at least twice"));
    // A mark replaced at another offset moves into offset order.
    ASSERT_TRUE(session.apply(SetNavigation{3, Navigation{NavigationKind::Fine, Rational{1, 2}, "Fine"}}));
    ASSERT_TRUE(session.apply(SetNavigation{3, Navigation{NavigationKind::Segno, Rational{1}, ""}}));
    const Score moved = session.score();
    ASSERT_EQ(moved.timeline.measures[3].navigation.size(), 2U);
    EXPECT_EQ(moved.timeline.measures[3].navigation[0].kind, NavigationKind::Fine);
    EXPECT_EQ(moved.timeline.measures[3].navigation[1].offset, Rational{1});
    EXPECT_EQ(session.apply(RemoveNavigation{1, NavigationKind::Coda}).error().code, ErrorCode::NotFound);
    EXPECT_EQ(session.apply(SetBarline{9, ""}).error().code, ErrorCode::OutOfRange);
}

}  // namespace
}  // namespace mos::score
