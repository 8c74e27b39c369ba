// Edits of events, notes, parts and dynamics: what each does to the score, what it reports, and
// what it refuses.

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
using testing::pitch;
using testing::Session;

std::vector<ElementId> idsOf(const Part& part) {
    std::vector<ElementId> ids;
    for (const Event& event : part.events) ids.push_back(event.id);
    return ids;
}

Event quarter(std::uint32_t measure, Rational offset, const char* note) {
    return Event{
        .measure = measure, .offset = offset, .duration = Rational{1, 4}, .notes = {Note{.pitch = pitch(note)}}};
}

TEST(EventEditTest, AnInsertedEventGetsFreshIdsAndFollowsTheEventsAtItsPlace) {
    Session session;
    const Score before = session.score();
    const ElementId next = before.nextId;
    Event chord = quarter(1, Rational{}, "B4");
    chord.voice = 2;
    chord.notes.push_back(Note{.id = 999, .pitch = pitch("D5")});  // given ids are ignored
    const auto commit = session.apply(InsertEvent{"P1", chord});
    ASSERT_TRUE(commit) << commit.error().describe();

    const Score after = session.score();
    const Event& inserted = after.parts[0].events[6];  // after the grace note and the G5 at 1:0
    EXPECT_EQ(inserted.id, next);
    EXPECT_EQ(inserted.notes[0].id, next + 1);
    EXPECT_EQ(inserted.notes[1].id, next + 2);
    EXPECT_EQ(inserted.voice, 2);
    EXPECT_EQ(after.nextId, next + 3);
    EXPECT_THAT(commit->changes.eventsInserted, ElementsAre(next));
    EXPECT_THAT(commit->changes.notesInserted, ElementsAre(next + 1, next + 2));
    EXPECT_TRUE(commit->changes.eventsChanged.empty());
    EXPECT_EQ(commit->changes.measures, (MeasureSpan{1, 1}));
    EXPECT_FALSE(commit->changes.timeline);
}

TEST(EventEditTest, AGraceEventGoesBeforeTheNonGraceEventsAtItsPlace) {
    Session session;
    Event grace = quarter(1, Rational{}, "B5");
    grace.duration = Rational{};
    grace.grace = Grace{};
    ASSERT_TRUE(session.apply(InsertEvent{"P1", grace}));
    const Score after = session.score();
    const Part& flute = after.parts[0];
    EXPECT_TRUE(flute.events[4].grace);  // the grace that was there
    EXPECT_TRUE(flute.events[5].grace);  // the new one, after it
    EXPECT_EQ(flute.events[5].notes[0].pitch, pitch("B5"));
    EXPECT_EQ(flute.events[6].notes[0].pitch, pitch("G5"));
}

TEST(EventEditTest, AnInsertedEventMustFitThePartAndTimeline) {
    Session session;
    auto refused = [&](InsertEvent edit) { return session.apply(std::move(edit)).error(); };

    EXPECT_EQ(refused({"P9", quarter(0, Rational{}, "C4")}).code, ErrorCode::NotFound);
    EXPECT_THAT(refused({"P9", quarter(0, Rational{}, "C4")}).message,
                HasSubstr("edit 0 (InsertEvent): part \"P9\" does not exist"));
    EXPECT_THAT(refused({"P1", quarter(5, Rational{}, "C4")}).message,
                HasSubstr("measure 5 does not exist: the score has 5 measures"));
    const core::Error late = refused({"P1", quarter(4, Rational{3, 4}, "C4")});
    EXPECT_EQ(late.code, ErrorCode::OutOfRange);
    EXPECT_EQ(late.where.measure, "5");
    EXPECT_THAT(refused({"P1", quarter(0, Rational{5, 4}, "C4")}).message, HasSubstr("outside measure 0"));
    EXPECT_THAT(refused({"P1", quarter(0, Rational::invalid(), "C4")}).message,
                HasSubstr("the offset is not a valid number"));
    Event noTime = quarter(0, Rational{}, "C4");
    noTime.duration = Rational{};
    EXPECT_THAT(refused({"P1", noTime}).message, HasSubstr("duration 0 is not positive"));
    Event timedGrace = quarter(0, Rational{}, "C4");
    timedGrace.grace = Grace{};
    EXPECT_THAT(refused({"P1", timedGrace}).message, HasSubstr("a grace event takes no time"));
    Event secondStaff = quarter(0, Rational{}, "C4");
    secondStaff.staff = 2;
    EXPECT_THAT(refused({"P1", secondStaff}).message, HasSubstr("staff 2 does not exist"));
    Event loud = quarter(0, Rational{}, "C4");
    loud.notes[0].velocity = 128;
    EXPECT_THAT(refused({"P1", loud}).message, HasSubstr("velocity 128 is above 127"));
    Event badTuplet = quarter(0, Rational{}, "C4");
    badTuplet.tuplets.push_back(Tuplet{3, 0});
    EXPECT_THAT(refused({"P1", badTuplet}).message, HasSubstr("tuplet ratio"));
    EXPECT_EQ(session.score(), testing::fixtureScore());
}

TEST(EventEditTest, DeletingAnEventDeletesWhatPointsAtIt) {
    Session session;
    const Score before = session.score();
    const Event& first = before.parts[0].events[0];
    const auto commit = session.apply(DeleteEvent{first.id});
    ASSERT_TRUE(commit);
    const Score after = session.score();
    EXPECT_EQ(after.parts[0].events.size(), before.parts[0].events.size() - 1);
    ASSERT_EQ(after.layers.lyrics.size(), 1U);  // "Hel" was sung on it
    EXPECT_EQ(after.layers.lyrics[0].text, "lo");
    EXPECT_TRUE(after.layers.fingering.empty());
    EXPECT_TRUE(after.layers.notation.slurs.empty());  // the slur started on it
    ASSERT_EQ(after.layers.notation.beams.size(), 1U);
    EXPECT_THAT(after.layers.notation.beams[0].events,
                ElementsAre(before.parts[0].events[1].id, before.parts[0].events[2].id));
    EXPECT_THAT(commit->changes.eventsDeleted, ElementsAre(first.id));
    EXPECT_THAT(commit->changes.notesDeleted, ElementsAre(first.notes[0].id));
    EXPECT_TRUE(commit->changes.layers.lyrics);
    EXPECT_TRUE(commit->changes.layers.fingering);
    EXPECT_TRUE(commit->changes.layers.notation);
    EXPECT_FALSE(commit->changes.layers.chords);
    EXPECT_EQ(session.apply(DeleteEvent{first.id}).error().code, ErrorCode::NotFound);
}

TEST(EventEditTest, ABeamLeftWithOneEventGoes) {
    Session session;
    const Score before = session.score();
    const Part& flute = before.parts[0];
    ASSERT_TRUE(session.apply({DeleteEvent{flute.events[0].id}, DeleteEvent{flute.events[1].id}}));
    EXPECT_TRUE(session.score().layers.notation.beams.empty());
}

TEST(EventEditTest, ChangingAnEventKeepsItsNotesIdsAndDropsTheTablatureOfNotesLeftOut) {
    Session session;
    const Score before = session.score();
    Event chord = before.parts[1].events[0];  // C4 E4 G4, C4 on string 5
    const ElementId c4 = chord.notes[0].id;
    chord.notes.erase(chord.notes.begin());
    chord.notes.push_back(Note{.pitch = pitch("C5")});
    chord.duration = Rational{1, 2};
    const auto commit = session.apply(ChangeEvent{chord});
    ASSERT_TRUE(commit) << commit.error().describe();

    const Score after = session.score();
    const Event& changed = after.parts[1].events[0];
    ASSERT_EQ(changed.notes.size(), 3U);
    EXPECT_EQ(changed.notes[0].id, before.parts[1].events[0].notes[1].id);
    EXPECT_EQ(changed.notes[2].id, before.nextId);
    EXPECT_EQ(changed.duration, Rational(1, 2));
    ASSERT_EQ(after.layers.tablature.size(), 1U);
    EXPECT_NE(after.layers.tablature[0].note, c4);
    EXPECT_THAT(commit->changes.eventsChanged, ElementsAre(chord.id));
    EXPECT_THAT(commit->changes.notesDeleted, ElementsAre(c4));
    EXPECT_THAT(commit->changes.notesInserted, ElementsAre(before.nextId));
    EXPECT_TRUE(commit->changes.layers.tablature);
}

TEST(EventEditTest, AChangedEventCannotTakeAnotherEventsNote) {
    Session session;
    const Score before = session.score();
    Event event = before.parts[0].events[0];
    event.notes.push_back(before.parts[0].events[1].notes[0]);
    const auto refused = session.apply(ChangeEvent{event});
    ASSERT_FALSE(refused);
    EXPECT_THAT(refused.error().message, HasSubstr("is not a note of event"));
    event = before.parts[0].events[0];
    event.id = 4000;
    EXPECT_EQ(session.apply(ChangeEvent{event}).error().code, ErrorCode::NotFound);
}

TEST(EventEditTest, AMovedEventTakesItsPlaceInTimeOrder) {
    Session session;
    const Score before = session.score();
    const Part& flute = before.parts[0];
    const auto commit = session.apply(MoveEvent{flute.events[3].id, {3, Rational{1, 2}}});
    ASSERT_TRUE(commit);
    const std::vector<ElementId> ids = idsOf(session.score().parts[0]);
    // Now after the whole note at 3:0 and before the 3/4 measure's events.
    EXPECT_EQ(ids[10], flute.events[11].id);
    EXPECT_EQ(ids[11], flute.events[3].id);
    EXPECT_EQ(session.score().parts[0].events[11].measure, 3U);
    EXPECT_THAT(commit->changes.eventsChanged, ElementsAre(flute.events[3].id));
    EXPECT_EQ(commit->changes.measures, (MeasureSpan{0, 3}));
}

TEST(EventEditTest, NotesGoInAndOutOfEvents) {
    Session session;
    const Score before = session.score();
    const Event& rest = before.parts[0].events[6];
    ASSERT_TRUE(rest.isRest());
    ASSERT_TRUE(session.apply(InsertNote{rest.id, Note{.pitch = pitch("B4")}}));
    EXPECT_EQ(session.score().parts[0].events[6].notes[0].id, before.nextId);

    const auto deleted = session.apply(DeleteNote{before.nextId});
    ASSERT_TRUE(deleted);
    EXPECT_TRUE(session.score().parts[0].events[6].isRest());
    EXPECT_THAT(deleted->changes.notesDeleted, ElementsAre(before.nextId));
    EXPECT_THAT(deleted->changes.eventsChanged, ElementsAre(rest.id));

    Note note = before.parts[0].events[0].notes[0];
    note.pitch = pitch("C#5");
    ASSERT_TRUE(session.apply(ChangeNote{note}));
    EXPECT_EQ(session.score().parts[0].events[0].notes[0], note);
    note.id = 4000;
    EXPECT_EQ(session.apply(ChangeNote{note}).error().code, ErrorCode::NotFound);
}

TEST(EventEditTest, AnAddedPartGetsFreshIdsAndItsEventsInTimeOrder) {
    Session session;
    const ElementId next = session.score().nextId;
    Part cello;
    cello.id = "P3";
    cello.events.push_back(Event{.id = 1, .measure = 2, .duration = Rational{1}});
    cello.events.push_back(
        Event{.id = 1, .measure = 0, .duration = Rational{1}, .notes = {Note{.pitch = pitch("C3")}}});
    const auto commit = session.apply(AddPart{cello, 0});
    ASSERT_TRUE(commit);
    const Score after = session.score();
    const Part& added = after.parts[0];
    EXPECT_EQ(added.id, "P3");
    EXPECT_EQ(added.events[0].measure, 0U);
    EXPECT_EQ(added.events[0].id, next);
    EXPECT_EQ(added.events[0].notes[0].id, next + 1);
    EXPECT_EQ(added.events[1].id, next + 2);
    EXPECT_THAT(commit->changes.partsAdded, ElementsAre("P3"));
    EXPECT_THAT(commit->changes.eventsInserted, ElementsAre(next, next + 2));
    EXPECT_EQ(commit->changes.measures, (MeasureSpan{0, MeasureSpan::kToEnd}));

    EXPECT_THAT(session.apply(AddPart{cello, {}}).error().message, HasSubstr("part \"P3\" exists already"));
    cello.id = "P4";
    EXPECT_EQ(session.apply(AddPart{cello, 9}).error().code, ErrorCode::OutOfRange);
}

TEST(EventEditTest, ARemovedPartTakesItsEventsAndLayerEntriesWithIt) {
    Session session;
    const Score before = session.score();
    const auto commit = session.apply(RemovePart{"P2"});
    ASSERT_TRUE(commit);
    const Score after = session.score();
    ASSERT_EQ(after.parts.size(), 1U);
    EXPECT_TRUE(after.layers.tablature.empty());
    EXPECT_TRUE(after.layers.diagrams.empty());
    EXPECT_TRUE(after.layers.notation.clefs.empty());
    EXPECT_EQ(after.layers.chords.size(), 2U);  // score-wide, kept
    EXPECT_THAT(commit->changes.partsRemoved, ElementsAre("P2"));
    EXPECT_EQ(commit->changes.eventsDeleted, idsOf(before.parts[1]));
    EXPECT_EQ(commit->changes.notesDeleted.size(), 9U);
    EXPECT_TRUE(commit->changes.layers.tablature);
    EXPECT_TRUE(commit->changes.layers.diagrams);
}

TEST(EventEditTest, PartPropertiesChange) {
    Session session;
    ASSERT_TRUE(session.apply(MovePart{"P2", 0}));
    EXPECT_EQ(session.score().parts[0].id, "P2");
    const auto renamed = session.apply(RenamePart{"P1", "Flute I", "Fl. I"});
    ASSERT_TRUE(renamed);
    EXPECT_EQ(session.score().parts[1].abbreviation, "Fl. I");
    EXPECT_THAT(renamed->changes.partsChanged, ElementsAre("P1"));
    EXPECT_FALSE(renamed->changes.measures);
    EXPECT_EQ(session.apply(MovePart{"P2", 2}).error().code, ErrorCode::OutOfRange);
    EXPECT_THAT(session.apply(SetInstrument{"P1", Instrument{"Flute", 128, false, {}}, {}}).error().message,
                HasSubstr("program 128 is above 127"));
}

TEST(EventEditTest, StavesAndTuningCannotStrandWhatUsesThem) {
    Session session;
    ASSERT_TRUE(session.apply(SetStaves{"P1", 2}));
    Event low = quarter(0, Rational{}, "C3");
    low.staff = 2;
    ASSERT_TRUE(session.apply(InsertEvent{"P1", low}));
    EXPECT_THAT(session.apply(SetStaves{"P1", 1}).error().message, HasSubstr("is on staff 2, above the new 1 staves"));
    EXPECT_THAT(session.apply(SetStaves{"P2", 0}).error().message, HasSubstr("at least one staff"));

    const std::vector<Pitch> fourStrings{pitch("G4"), pitch("D4"), pitch("A3"), pitch("E3")};
    EXPECT_THAT(session.apply(SetTuning{"P2", fourStrings, 0}).error().message,
                HasSubstr("is on string 5, which the new tuning of 4 strings does not have"));
    ASSERT_TRUE(session.apply(SetTuning{"P2", {}, 0}));  // unfretted: no string limit
}

TEST(EventEditTest, ADynamicReplacesTheOneOnItsStaffAtItsPlace) {
    Session session;
    ASSERT_TRUE(session.apply(SetDynamic{"P1", DynamicMark{{0, Rational{}}, 1, "pp", 0}}));
    ASSERT_TRUE(session.apply(SetDynamic{"P1", DynamicMark{{2, Rational{}}, 1, "f", 0}}));
    const Score after = session.score();
    const auto& dynamics = after.parts[0].dynamics;
    ASSERT_EQ(dynamics.size(), 2U);
    EXPECT_EQ(dynamics[0].mark, "pp");
    EXPECT_EQ(dynamics[1].mark, "f");
    const auto removed = session.apply(RemoveDynamic{"P1", 1, {2, Rational{}}});
    ASSERT_TRUE(removed);
    EXPECT_THAT(removed->changes.partsChanged, ElementsAre("P1"));
    EXPECT_EQ(session.apply(RemoveDynamic{"P1", 1, {2, Rational{}}}).error().code, ErrorCode::NotFound);
}

}  // namespace
}  // namespace mos::score
