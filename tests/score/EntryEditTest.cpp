// SetEntry and RemoveEntry: an entry replaces the one with its key or goes in time order; what it
// points at must exist.

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

std::vector<std::string> chordTexts(const Score& score) {
    std::vector<std::string> texts;
    for (const ChordSymbol& chord : score.layers.chords) texts.push_back(chord.text);
    return texts;
}

TEST(EntryEditTest, AChordSymbolReplacesTheOneWithItsKeyOrGoesInTimeOrder) {
    Session session;
    const auto inserted = session.apply(SetChordSymbol{ChordSymbol{.at = {0, Rational{1, 2}}, .text = "Am"}});
    ASSERT_TRUE(inserted);
    EXPECT_THAT(chordTexts(session.score()), ElementsAre("C", "Am", "G7"));
    EXPECT_TRUE(inserted->changes.layers.chords);
    EXPECT_EQ(inserted->changes.measures, (MeasureSpan{0, 0}));

    const auto replaced = session.apply(SetChordSymbol{ChordSymbol{.at = {1, Rational{}}, .text = "G"}});
    ASSERT_TRUE(replaced);
    EXPECT_THAT(chordTexts(session.score()), ElementsAre("C", "Am", "G"));

    // An alternate at the same place and one over a part are other keys.
    ASSERT_TRUE(session.apply(SetChordSymbol{ChordSymbol{.at = {1, Rational{}}, .text = "Em", .alternate = true}}));
    ASSERT_TRUE(session.apply(SetChordSymbol{ChordSymbol{.at = {1, Rational{}}, .partId = "P2", .text = "G/B"}}));
    EXPECT_THAT(chordTexts(session.score()), ElementsAre("C", "Am", "G", "Em", "G/B"));

    ASSERT_TRUE(session.apply(RemoveChordSymbol{ChordSymbol{.at = {1, Rational{}}}}));
    EXPECT_THAT(chordTexts(session.score()), ElementsAre("C", "Am", "Em", "G/B"));
    const auto missing = session.apply(RemoveChordSymbol{ChordSymbol{.at = {3, Rational{}}}});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_THAT(missing.error().message, HasSubstr("no chord symbol at measure 3, offset 0"));
}

TEST(EntryEditTest, PlacesMustExist) {
    Session session;
    const auto late = session.apply(SetMarker{Marker{{0, Rational{5, 4}}, Marker::Kind::Rehearsal, "B"}});
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, ErrorCode::OutOfRange);
    EXPECT_EQ(late.error().where.measure, "1");
    // The end of a measure is a place (a navigation mark, a chord on the barline).
    EXPECT_TRUE(session.apply(SetMarker{Marker{{0, Rational{1}}, Marker::Kind::Text, "end"}}));
    EXPECT_EQ(session.apply(SetSection{Section{"C", 3, 9}}).error().code, ErrorCode::OutOfRange);
    EXPECT_THAT(session.apply(SetSection{Section{"C", 3, 2}}).error().message, HasSubstr("run backwards"));
    EXPECT_THAT(session.apply(SetChordSymbol{ChordSymbol{.at = {0, Rational{}}, .partId = "P7"}}).error().message,
                HasSubstr("part \"P7\" does not exist"));
    EXPECT_THAT(session.apply(SetHairpin{Hairpin{"P1", 1, {2, Rational{}}, {1, Rational{}}, true}}).error().message,
                HasSubstr("ends before it starts"));
}

TEST(EntryEditTest, EntriesThatPointAtNotesAndEventsNeedThem) {
    Session session;
    const Score before = session.score();
    const Part& flute = before.parts[0];
    const Part& guitar = before.parts[1];
    EXPECT_THAT(session.apply(SetTabNote{TabNote{.note = 4000, .string = 1}}).error().message,
                HasSubstr("note 4000 does not exist"));
    EXPECT_THAT(session.apply(SetTabNote{TabNote{.note = guitar.events[1].notes[0].id, .string = 7}}).error().message,
                HasSubstr("string 7 does not exist: part \"P2\" has 6 strings"));
    EXPECT_THAT(session.apply(SetLyric{LyricSyllable{.event = 4000, .text = "la"}}).error().message,
                HasSubstr("event 4000 does not exist"));
    EXPECT_THAT(session.apply(SetBeam{Beam{"P1", {flute.events[0].id, guitar.events[1].id}}}).error().message,
                HasSubstr("is not in part \"P1\""));
    EXPECT_THAT(session.apply(SetBeam{Beam{"P1", {flute.events[0].id}}}).error().message,
                HasSubstr("at least two events"));
    EXPECT_THAT(session.apply(SetSlur{Slur{"P3", flute.events[0].id, flute.events[1].id}}).error().message,
                HasSubstr("part \"P3\" does not exist"));
}

TEST(EntryEditTest, IdKeyedEntriesAreReplacedInPlaceAndAddedAtTheEnd) {
    Session session;
    const Score before = session.score();
    const Part& flute = before.parts[0];
    ASSERT_TRUE(session.apply(SetLyric{LyricSyllable{flute.events[0].id, 2, "Good", LyricSyllable::Syllabic::Begin}}));
    ASSERT_TRUE(session.apply(SetLyric{LyricSyllable{flute.events[0].id, 1, "Hell", LyricSyllable::Syllabic::Begin}}));
    const Score after = session.score();
    ASSERT_EQ(after.layers.lyrics.size(), 3U);
    EXPECT_EQ(after.layers.lyrics[0].text, "Hell");
    EXPECT_EQ(after.layers.lyrics[2].text, "Good");

    const auto tab = session.apply(SetTabNote{TabNote{.note = before.parts[1].events[3].notes[0].id, .string = 3}});
    ASSERT_TRUE(tab);
    EXPECT_TRUE(tab->changes.layers.tablature);
    EXPECT_EQ(tab->changes.measures, (MeasureSpan{2, 2}));  // the note's measure
    EXPECT_TRUE(tab->changes.eventsChanged.empty());
}

TEST(EntryEditTest, LearningAndAudioEntriesReportTheirBlock) {
    Session session;
    const auto annotation = session.apply(SetAnnotation{Annotation{{2, Rational{}}, "", "Listen", "learner"}});
    ASSERT_TRUE(annotation);
    EXPECT_TRUE(annotation->changes.learning);
    EXPECT_FALSE(annotation->changes.layers.any());
    const auto audio = session.apply(RemoveAudioReference{AudioReference{.uri = "take1.flac"}});
    ASSERT_TRUE(audio);
    EXPECT_TRUE(audio->changes.audio);
    EXPECT_FALSE(audio->changes.measures);
    EXPECT_THAT(session.apply(SetAudioReference{AudioReference{}}).error().message, HasSubstr("needs a URI"));
    const auto ending = session.apply(SetEnding{Ending{4, 4, {2}, "2.", false}});
    ASSERT_TRUE(ending);
    EXPECT_TRUE(ending->changes.timeline);
    EXPECT_EQ(session.score().timeline.endings.size(), 2U);
}

}  // namespace
}  // namespace mos::score
