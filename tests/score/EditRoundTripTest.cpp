// Every kind of edit, applied to the fixture score, changes it; undone, gives back exactly the score
// before (== on Score, ids and nextId included); redone, exactly the score after.

#include <functional>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "StoreFixture.hpp"
#include "mos/score/Store.hpp"

namespace mos::score {
namespace {

using core::Rational;
using testing::fixtureScore;
using testing::pitch;

struct Case {
    std::string name;
    std::function<Edit(const Score&)> edit;
};

// The i-th event of a part; an id-less event when the part or event is gone (so a later edit of a
// long session fails cleanly instead of reading past the end).
const Event& eventOf(const Score& s, const char* partId, std::size_t i) {
    static const Event kNone{};
    const Part* part = s.findPart(partId);
    return part != nullptr && i < part->events.size() ? part->events[i] : kNone;
}

Note noteOf(const Score& s, const char* partId, std::size_t event, std::size_t i) {
    const Event& found = eventOf(s, partId, event);
    return i < found.notes.size() ? found.notes[i] : Note{};
}

ElementId flute(const Score& s, std::size_t i) { return eventOf(s, "P1", i).id; }
ElementId fluteNote(const Score& s, std::size_t i) { return noteOf(s, "P1", i, 0).id; }
ElementId guitarNote(const Score& s, std::size_t i) { return noteOf(s, "P2", i, 0).id; }

std::vector<Case> everyEdit() {
    return {
        {"SetMetadata", [](const Score&) { return SetMetadata{Metadata{.title = "New", .tags = {"study"}}}; }},
        {"SetExtension",
         [](const Score&) {
             return SetExtension{"mos.other", "[1,2]"};
         }},
        {"SetExtensionReplace",
         [](const Score&) {
             return SetExtension{"mos.test", "{}"};
         }},
        {"RemoveExtension", [](const Score&) { return RemoveExtension{"mos.test"}; }},
        {"AddPart",
         [](const Score&) {
             Part cello;
             cello.id = "P3";
             cello.name = "Cello";
             cello.events.push_back(
                 Event{.measure = 1, .duration = Rational{1}, .notes = {Note{.pitch = pitch("C3")}}});
             cello.events.push_back(
                 Event{.measure = 0, .duration = Rational{1}, .notes = {Note{.pitch = pitch("G2")}}});
             return AddPart{cello, 1};
         }},
        {"RemovePart", [](const Score&) { return RemovePart{"P1"}; }},
        {"RemoveGuitar", [](const Score&) { return RemovePart{"P2"}; }},
        {"MovePart",
         [](const Score&) {
             return MovePart{"P1", 1};
         }},
        {"RenamePart",
         [](const Score&) {
             return RenamePart{"P1", "Flute I", "Fl. I"};
         }},
        {"SetInstrument",
         [](const Score&) {
             return SetInstrument{"P1", Instrument{"Clarinet in Bb", 71, false, 2}, Transposition{-1, -2, 0}};
         }},
        {"SetTuning",
         [](const Score&) {
             return SetTuning{"P2", {pitch("E4"), pitch("B3"), pitch("G3"), pitch("D3"), pitch("A2"), pitch("D2")}, 2};
         }},
        {"SetStaves",
         [](const Score&) {
             return SetStaves{"P1", 2};
         }},
        {"InsertEvent",
         [](const Score&) {
             return InsertEvent{"P1", Event{.measure = 1,
                                            .offset = Rational{1, 2},
                                            .duration = Rational{1, 4},
                                            .voice = 2,
                                            .notes = {Note{.pitch = pitch("B4")}}}};
         }},
        {"DeleteEvent", [](const Score& s) { return DeleteEvent{flute(s, 0)}; }},
        {"ChangeEvent",
         [](const Score& s) {
             Event changed = eventOf(s, "P2", 0);
             changed.duration = Rational{1, 2};
             changed.notes.erase(changed.notes.begin());  // drops the tablature of the C
             changed.notes.push_back(Note{.pitch = pitch("C5")});
             changed.articulations.push_back(Articulation::Accent);
             return ChangeEvent{changed};
         }},
        {"ChangeEventPlace",
         [](const Score& s) {
             Event changed = eventOf(s, "P1", 0);
             changed.measure = 2;
             changed.offset = Rational{1, 4};
             return ChangeEvent{changed};
         }},
        {"MoveEvent",
         [](const Score& s) {
             return MoveEvent{flute(s, 3), {3, Rational{1, 2}}};
         }},
        {"InsertNote",
         [](const Score& s) {
             return InsertNote{flute(s, 6), Note{.pitch = pitch("B4")}};
         }},
        {"DeleteNote", [](const Score& s) { return DeleteNote{guitarNote(s, 0)}; }},
        {"ChangeNote",
         [](const Score& s) {
             Note note = noteOf(s, "P1", 11, 0);
             note.pitch = pitch("C#5");
             note.tieStart = true;
             return ChangeNote{note};
         }},
        {"SetDynamic",
         [](const Score&) {
             return SetDynamic{"P1", DynamicMark{{2, Rational{}}, 1, "p", 40}};
         }},
        {"RemoveDynamic",
         [](const Score&) {
             return RemoveDynamic{"P1", 1, {0, Rational{}}};
         }},
        {"InsertMeasures",
         [](const Score&) {
             return InsertMeasures{2, 2};
         }},
        {"InsertMeasuresAtStart",
         [](const Score&) {
             return InsertMeasures{0, 1};
         }},
        {"InsertMeasuresAtEnd",
         [](const Score&) {
             return InsertMeasures{5, 3};
         }},
        {"DeleteMeasures",
         [](const Score&) {
             return DeleteMeasures{1, 2};
         }},
        {"DeleteFirstMeasure",
         [](const Score&) {
             return DeleteMeasures{0, 1};
         }},
        {"DeleteEveryMeasure",
         [](const Score&) {
             return DeleteMeasures{0, 5};
         }},
        {"DeleteLastMeasure",
         [](const Score&) {
             return DeleteMeasures{4, 1};
         }},
        {"SetTimeSignature",
         [](const Score&) {
             return SetTimeSignature{1, TimeSignature{3, 4}};
         }},
        {"RemoveTimeSignature", [](const Score&) { return RemoveTimeSignature{4}; }},
        {"SetKey",
         [](const Score&) {
             return SetKey{2, KeyChange{Rational{1, 2}, KeySignature{-3, Mode::Minor}}};
         }},
        {"RemoveKey",
         [](const Score&) {
             return RemoveKey{2, Rational{1, 2}};
         }},
        {"SetTempo",
         [](const Score&) {
             return SetTempo{2, TempoMark{Rational{}, Rational{3, 8}, Rational{60}, ""}};
         }},
        {"RemoveTempo",
         [](const Score&) {
             return RemoveTempo{0, Rational{}};
         }},
        {"SetMeasureNumber",
         [](const Score&) {
             return SetMeasureNumber{1, "2a"};
         }},
        {"SetRepeatStart",
         [](const Score&) {
             return SetRepeatStart{0, true};
         }},
        {"SetRepeatEnd",
         [](const Score&) {
             return SetRepeatEnd{1, 3};
         }},
        {"SetBarline",
         [](const Score&) {
             return SetBarline{3, "light-heavy"};
         }},
        {"SetNavigation",
         [](const Score&) {
             return SetNavigation{3, Navigation{NavigationKind::Fine, Rational{1}, "Fine"}};
         }},
        {"RemoveNavigation",
         [](const Score&) {
             return RemoveNavigation{3, NavigationKind::Segno};
         }},
        {"SetEnding",
         [](const Score&) {
             return SetEnding{Ending{2, 2, {2}, "2.", true}};
         }},
        {"RemoveEnding", [](const Score&) { return RemoveEnding{Ending{.firstMeasure = 3}}; }},
        {"SetSection",
         [](const Score&) {
             return SetSection{Section{"Coda", 3, 3}};
         }},
        {"RemoveSection", [](const Score&) { return RemoveSection{Section{.firstMeasure = 2}}; }},
        {"SetChordSymbol",
         [](const Score&) {
             return SetChordSymbol{ChordSymbol{.at = {0, Rational{1, 2}}, .text = "Am"}};
         }},
        {"RemoveChordSymbol",
         [](const Score&) {
             return RemoveChordSymbol{ChordSymbol{.at = {1, Rational{}}}};
         }},
        {"SetKeyRegion",
         [](const Score&) {
             return SetKeyRegion{KeyRegion{{2, Rational{}}, PitchName{Step::D, 0}, Mode::Major}};
         }},
        {"RemoveKeyRegion",
         [](const Score&) {
             return RemoveKeyRegion{KeyRegion{.at = {0, Rational{}}}};
         }},
        {"SetRomanNumeral",
         [](const Score&) {
             return SetRomanNumeral{RomanNumeral{{3, Rational{}}, "I", "G"}};
         }},
        {"RemoveRomanNumeral",
         [](const Score&) {
             return RemoveRomanNumeral{RomanNumeral{.at = {1, Rational{}}}};
         }},
        {"SetCadence",
         [](const Score&) {
             return SetCadence{Cadence{{1, Rational{1}}, CadenceKind::Half}};
         }},
        {"RemoveCadence",
         [](const Score&) {
             return RemoveCadence{Cadence{.at = {3, Rational{}}}};
         }},
        {"SetTabNote",
         [](const Score& s) {
             return SetTabNote{TabNote{.note = guitarNote(s, 2), .string = 4, .fret = 5, .hammerOn = true}};
         }},
        {"RemoveTabNote", [](const Score& s) { return RemoveTabNote{TabNote{.note = guitarNote(s, 1)}}; }},
        {"SetChordDiagram",
         [](const Score&) {
             return SetChordDiagram{ChordDiagram{{1, Rational{}}, "P2", "G", 1, {3, 0, 0, 0, 2, 3}, {}}};
         }},
        {"RemoveChordDiagram",
         [](const Score&) {
             return RemoveChordDiagram{ChordDiagram{.at = {0, Rational{}}, .partId = "P2"}};
         }},
        {"SetFingering",
         [](const Score& s) {
             return SetFingering{Fingering{fluteNote(s, 1), "2"}};
         }},
        {"RemoveFingering",
         [](const Score& s) {
             return RemoveFingering{Fingering{fluteNote(s, 0), ""}};
         }},
        {"SetClef",
         [](const Score&) {
             return SetClef{Clef{"P1", 1, {2, Rational{}}, Clef::Sign::F, 4, 0}};
         }},
        {"RemoveClef",
         [](const Score&) {
             return RemoveClef{Clef{.partId = "P2", .at = {0, Rational{}}}};
         }},
        {"SetBeam",
         [](const Score& s) {
             return SetBeam{Beam{"P1", {flute(s, 7), flute(s, 8), flute(s, 9)}}};
         }},
        {"RemoveBeam",
         [](const Score& s) {
             return RemoveBeam{Beam{"P1", {flute(s, 0)}}};
         }},
        {"SetStem",
         [](const Score& s) {
             return SetStem{Stem{flute(s, 3), Stem::Direction::Up}};
         }},
        {"RemoveStem", [](const Score& s) { return RemoveStem{Stem{.event = flute(s, 3)}}; }},
        {"SetSlur",
         [](const Score& s) {
             return SetSlur{Slur{"P1", flute(s, 7), flute(s, 10)}};
         }},
        {"RemoveSlur",
         [](const Score& s) {
             return RemoveSlur{Slur{"P1", flute(s, 0), flute(s, 3)}};
         }},
        {"SetHairpin",
         [](const Score&) {
             return SetHairpin{Hairpin{"P1", 1, {3, Rational{}}, {3, Rational{1}}, false}};
         }},
        {"RemoveHairpin",
         [](const Score&) {
             return RemoveHairpin{Hairpin{.partId = "P1", .from = {0, Rational{}}}};
         }},
        {"SetText",
         [](const Score&) {
             return SetText{TextMark{"", 1, {3, Rational{}}, "rit.", true}};
         }},
        {"RemoveText",
         [](const Score&) {
             return RemoveText{TextMark{"P1", 1, {1, Rational{}}, "dolce", true}};
         }},
        {"SetLyric",
         [](const Score& s) {
             return SetLyric{LyricSyllable{flute(s, 2), 1, "world", LyricSyllable::Syllabic::Single, true}};
         }},
        {"RemoveLyric", [](const Score& s) { return RemoveLyric{LyricSyllable{.event = flute(s, 1), .verse = 1}}; }},
        {"SetMarker",
         [](const Score&) {
             return SetMarker{Marker{{3, Rational{}}, Marker::Kind::PointOfInterest, "Tricky"}};
         }},
        {"RemoveMarker",
         [](const Score&) {
             return RemoveMarker{Marker{.at = {2, Rational{}}, .kind = Marker::Kind::Rehearsal}};
         }},
        {"SetPointOfInterest",
         [](const Score&) {
             return SetPointOfInterest{PointOfInterest{0, 1, "Opening", ""}};
         }},
        {"RemovePointOfInterest",
         [](const Score&) { return RemovePointOfInterest{PointOfInterest{.firstMeasure = 2, .lastMeasure = 3}}; }},
        {"SetAnnotation",
         [](const Score&) {
             return SetAnnotation{Annotation{{2, Rational{1, 4}}, "", "Count!", "teacher"}};
         }},
        {"RemoveAnnotation",
         [](const Score&) {
             return RemoveAnnotation{Annotation{{1, Rational{}}, "P1", "", "teacher"}};
         }},
        {"SetAudioReference",
         [](const Score&) {
             return SetAudioReference{AudioReference{"take2.flac", "audio/flac", "", Rational{}}};
         }},
        {"RemoveAudioReference",
         [](const Score&) { return RemoveAudioReference{AudioReference{.uri = "take1.flac"}}; }},
    };
}

class EveryEdit : public ::testing::TestWithParam<Case> {};

TEST_P(EveryEdit, UndoAndRedoReturnExactlyToEachState) {
    Store store;
    const Score before = fixtureScore();
    const DocumentId doc = store.open(before);
    const Edit edit = GetParam().edit(before);

    const auto applied = store.apply(doc, Transaction{{edit}, GetParam().name});
    ASSERT_TRUE(applied) << applied.error().describe();
    EXPECT_EQ(applied->revision, 1U);
    EXPECT_FALSE(applied->changes.empty());
    const Score after = *store.snapshot(doc)->score;
    EXPECT_NE(after, before);

    const auto undone = store.undo(doc);
    ASSERT_TRUE(undone);
    EXPECT_EQ(undone->revision, 2U);
    EXPECT_EQ(*store.snapshot(doc)->score, before);

    const auto redone = store.redo(doc);
    ASSERT_TRUE(redone);
    EXPECT_EQ(redone->revision, 3U);
    EXPECT_EQ(*store.snapshot(doc)->score, after);
    EXPECT_EQ(redone->changes, applied->changes);

    // And once more, from the log the redo recorded.
    ASSERT_TRUE(store.undo(doc));
    EXPECT_EQ(*store.snapshot(doc)->score, before);
}

INSTANTIATE_TEST_SUITE_P(StoreTest, EveryEdit, ::testing::ValuesIn(everyEdit()),
                         [](const ::testing::TestParamInfo<Case>& param) { return param.param.name; });

TEST(StoreTest, TheRoundTripCasesCoverEveryEditKind) {
    const Score score = fixtureScore();
    std::set<std::size_t> covered;
    for (const Case& c : everyEdit()) covered.insert(c.edit(score).index());
    EXPECT_EQ(covered.size(), std::variant_size_v<Edit>);
}

TEST(StoreTest, AWholeEditingSessionUndoesBackToTheOpenedScore) {
    Store store;
    const Score opened = fixtureScore();
    const DocumentId doc = store.open(opened);
    std::vector<Score> states{opened};
    // The edits that empty the score go last, so the others have something to work on.
    const std::set<std::string> last{"RemovePart", "RemoveGuitar", "DeleteEveryMeasure"};
    std::vector<Case> session;
    for (const Case& c : everyEdit()) {
        if (last.count(c.name) == 0) session.push_back(c);
    }
    for (const Case& c : everyEdit()) {
        if (last.count(c.name) != 0) session.push_back(c);
    }
    for (const Case& c : session) {
        const Score current = *store.snapshot(doc)->score;
        const auto applied = store.apply(doc, Transaction{{c.edit(current)}, c.name});
        if (!applied) continue;  // a later case may no longer fit (its event or entry is gone)
        states.push_back(*store.snapshot(doc)->score);
    }
    ASSERT_GT(states.size(), 40U);
    for (std::size_t i = states.size() - 1; i-- > 0;) {
        ASSERT_TRUE(store.undo(doc));
        ASSERT_EQ(*store.snapshot(doc)->score, states[i]) << "after undoing to state " << i;
    }
    for (std::size_t i = 1; i < states.size(); ++i) {
        ASSERT_TRUE(store.redo(doc));
        ASSERT_EQ(*store.snapshot(doc)->score, states[i]) << "after redoing to state " << i;
    }
}

}  // namespace
}  // namespace mos::score
