// The store: documents and revisions, atomic transactions, undo history, snapshots and reads, and
// change subscriptions (including callbacks that read and apply).

#include "mos/score/Store.hpp"

#include <stdexcept>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "StoreFixture.hpp"

namespace mos::score {
namespace {

using core::ErrorCode;
using core::Rational;
using ::testing::ElementsAre;
using testing::fixtureScore;
using ::testing::HasSubstr;
using testing::pitch;

Transaction chord(std::uint32_t measure, const char* text, std::string label = {}) {
    return Transaction{{SetChordSymbol{ChordSymbol{.at = {measure, Rational{}}, .text = text}}}, std::move(label)};
}

Transaction insertNote(std::uint32_t measure, Rational offset) {
    return Transaction{{InsertEvent{"P1", Event{.measure = measure,
                                                .offset = offset,
                                                .duration = Rational{1, 8},
                                                .notes = {Note{.pitch = pitch("A4")}}}}},
                       "Insert note"};
}

TEST(StoreTest, OpenDocumentsHaveIdsAndStartAtRevisionZero) {
    Store store;
    const DocumentId first = store.open(fixtureScore());
    const DocumentId second = store.open(Score{});
    EXPECT_NE(first, second);
    EXPECT_THAT(store.documents(), ElementsAre(first, second));
    EXPECT_EQ(*store.revision(first), 0U);
    EXPECT_EQ(*store.snapshot(first)->score, fixtureScore());

    const Snapshot kept = *store.snapshot(first);
    ASSERT_TRUE(store.close(first));
    EXPECT_THAT(store.documents(), ElementsAre(second));
    EXPECT_EQ(*kept.score, fixtureScore());  // a snapshot outlives its document
    EXPECT_EQ(store.revision(first).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store.apply(first, chord(0, "C")).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store.undo(first).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store.read(first, [](const Score&) {}).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store.subscribe(first, [](const Commit&) {}).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store.close(first).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store.open(Score{}), DocumentId{3});  // ids are not reused
}

TEST(StoreTest, EveryApplyUndoAndRedoMakesARevision) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    EXPECT_EQ(store.apply(doc, chord(0, "Cmaj7"))->revision, 1U);
    EXPECT_EQ(store.apply(doc, chord(1, "G"))->revision, 2U);
    const auto undone = store.undo(doc);
    EXPECT_EQ(undone->revision, 3U);
    EXPECT_EQ(undone->kind, CommitKind::Undo);
    EXPECT_EQ(store.redo(doc)->revision, 4U);
    EXPECT_EQ(*store.revision(doc), 4U);
    ASSERT_TRUE(store.undo(doc));
    const auto empty = store.apply(doc, Transaction{});
    EXPECT_EQ(empty->revision, 6U);
    EXPECT_TRUE(empty->changes.empty());
    // Nothing to take back: the undo and redo steps are the ones before it.
    EXPECT_EQ(store.history(doc)->undoCount, 1U);
    EXPECT_EQ(store.history(doc)->redoCount, 1U);
}

TEST(StoreTest, AFailingTransactionLeavesTheDocumentAsItWas) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    ASSERT_TRUE(store.apply(doc, chord(0, "C6", "first")));
    const Score before = *store.snapshot(doc)->score;
    Transaction broken = insertNote(0, Rational{1, 8});
    broken.edits.push_back(SetChordSymbol{ChordSymbol{.at = {2, Rational{}}, .text = "Dm"}});
    broken.edits.push_back(InsertMeasures{1, 1});
    broken.edits.push_back(DeleteEvent{9999});

    const auto failed = store.apply(doc, broken);
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code, ErrorCode::NotFound);
    EXPECT_EQ(failed.error().message, "edit 3 (DeleteEvent): event 9999 does not exist");
    EXPECT_EQ(*store.snapshot(doc)->score, before);  // nextId too
    EXPECT_EQ(*store.revision(doc), 1U);
    EXPECT_EQ(store.history(doc)->undoLabel, "first");

    // The same edits without the bad one apply, and get the ids the failed attempt did not keep.
    broken.edits.pop_back();
    const auto applied = store.apply(doc, broken);
    ASSERT_TRUE(applied);
    EXPECT_THAT(applied->changes.eventsInserted, ElementsAre(before.nextId));
}

TEST(StoreTest, UndoAndRedoFollowTheHistory) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    EXPECT_EQ(store.undo(doc).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store.redo(doc).error().code, ErrorCode::NotFound);
    ASSERT_TRUE(store.apply(doc, chord(0, "C6", "Set C6")));
    ASSERT_TRUE(store.apply(doc, chord(1, "G9", "Set G9")));
    EXPECT_EQ(store.history(doc)->undoCount, 2U);
    EXPECT_EQ(store.history(doc)->undoLabel, "Set G9");

    const auto undone = store.undo(doc);
    EXPECT_EQ(undone->label, "Set G9");
    const History history = *store.history(doc);
    EXPECT_EQ(history.undoCount, 1U);
    EXPECT_EQ(history.redoCount, 1U);
    EXPECT_EQ(history.undoLabel, "Set C6");
    EXPECT_EQ(history.redoLabel, "Set G9");

    // A new transaction after an undo clears what could be redone.
    ASSERT_TRUE(store.apply(doc, chord(2, "Am", "Set Am")));
    EXPECT_EQ(store.history(doc)->redoCount, 0U);
    EXPECT_EQ(store.redo(doc).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store.snapshot(doc)->score->layers.chords[1].text, "G7");
}

TEST(StoreTest, TheUndoHistoryIsBounded) {
    Store store{Store::Options{.historyLimit = 3}};
    const DocumentId doc = store.open(fixtureScore());
    std::vector<Score> states{*store.snapshot(doc)->score};
    for (std::uint32_t m = 0; m < 5; ++m) {
        ASSERT_TRUE(store.apply(doc, chord(m, "D")));
        states.push_back(*store.snapshot(doc)->score);
    }
    EXPECT_EQ(store.history(doc)->undoCount, 3U);
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(store.undo(doc));
    EXPECT_EQ(*store.snapshot(doc)->score, states[2]);
    EXPECT_EQ(store.undo(doc).error().code, ErrorCode::NotFound);
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(store.redo(doc));
    EXPECT_EQ(*store.snapshot(doc)->score, states[5]);
}

TEST(StoreTest, AHistoryLimitOfZeroTurnsUndoOff) {
    Store store{Store::Options{.historyLimit = 0}};
    const DocumentId doc = store.open(fixtureScore());
    ASSERT_TRUE(store.apply(doc, chord(0, "D")));
    EXPECT_EQ(store.undo(doc).error().code, ErrorCode::NotFound);
    // Transactions stay atomic without a history.
    EXPECT_FALSE(store.apply(doc, Transaction{{SetMetadata{}, DeleteEvent{9999}}, ""}));
    EXPECT_EQ(store.snapshot(doc)->score->metadata.title, "Fixture");
}

TEST(StoreTest, AnUndoReportsTheTransactionsChangesReversed) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    const auto applied = store.apply(doc, insertNote(0, Rational{1, 8}));
    const auto undone = store.undo(doc);
    EXPECT_EQ(undone->changes.eventsDeleted, applied->changes.eventsInserted);
    EXPECT_EQ(undone->changes.notesDeleted, applied->changes.notesInserted);
    EXPECT_TRUE(undone->changes.eventsInserted.empty());
    EXPECT_EQ(undone->changes.measures, applied->changes.measures);
    EXPECT_EQ(store.redo(doc)->changes, applied->changes);
}

TEST(StoreTest, ChangesWithinOneTransactionAreFolded) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    const ElementId next = store.snapshot(doc)->score->nextId;
    Transaction transaction = insertNote(0, Rational{1, 8});
    transaction.edits.push_back(MoveEvent{next, {1, Rational{1, 4}}});  // the event just inserted
    transaction.edits.push_back(InsertNote{next, Note{.pitch = pitch("C5")}});
    const ElementId rest = store.snapshot(doc)->score->parts[0].events[6].id;
    transaction.edits.push_back(InsertNote{rest, Note{.pitch = pitch("D5")}});
    transaction.edits.push_back(DeleteNote{next + 3});  // and the note just put in the rest
    const auto commit = store.apply(doc, transaction);
    ASSERT_TRUE(commit) << commit.error().describe();
    EXPECT_THAT(commit->changes.eventsInserted, ElementsAre(next));
    EXPECT_THAT(commit->changes.eventsChanged, ElementsAre(rest));
    EXPECT_THAT(commit->changes.notesInserted, ElementsAre(next + 1, next + 2));
    EXPECT_TRUE(commit->changes.notesDeleted.empty());
    EXPECT_EQ(commit->changes.measures, (MeasureSpan{0, 1}));
}

TEST(StoreTest, SnapshotsAreSharedWithinARevisionAndNeverChange) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    const Snapshot first = *store.snapshot(doc);
    EXPECT_EQ(first.revision, 0U);
    EXPECT_EQ(store.snapshot(doc)->score, first.score);
    ASSERT_TRUE(store.apply(doc, chord(3, "F")));
    const Snapshot second = *store.snapshot(doc);
    EXPECT_NE(second.score, first.score);
    EXPECT_EQ(second.revision, 1U);
    EXPECT_EQ(*first.score, fixtureScore());
    EXPECT_EQ(second.score->layers.chords.size(), 3U);
}

TEST(StoreTest, AReadReturnsWhatItsCallbackReturns) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    ASSERT_TRUE(store.apply(doc, chord(3, "F")));
    const auto title = store.read(doc, [](const Score& score) { return score.metadata.title; });
    EXPECT_EQ(*title, "Fixture");
    const auto revision = store.read(doc, [](const Score&, Revision r) { return r; });
    EXPECT_EQ(*revision, 1U);
    // A read may read again; it may not write (that would deadlock), and says so.
    const auto nested = store.read(doc, [&](const Score& outer) {
        const auto inner = store.read(doc, [](const Score& score) { return score.parts.size(); });
        const auto snapshot = store.snapshot(doc);
        const auto write = store.apply(doc, chord(0, "X"));
        EXPECT_EQ(write.error().code, ErrorCode::InvalidArgument);
        EXPECT_EQ(store.undo(doc).error().code, ErrorCode::InvalidArgument);
        return *inner == outer.parts.size() && *snapshot->score == outer;
    });
    EXPECT_TRUE(*nested);
    // Another document is free to change.
    const DocumentId other = store.open(fixtureScore());
    EXPECT_TRUE(*store.read(doc, [&](const Score&) { return store.apply(other, chord(0, "Y")).ok(); }));
}

TEST(StoreTest, SubscribersHearOfEveryApplyUndoAndRedo) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    const DocumentId other = store.open(fixtureScore());
    std::vector<Commit> heard;
    Subscription subscription = *store.subscribe(doc, [&](const Commit& commit) { heard.push_back(commit); });
    EXPECT_TRUE(subscription.active());

    const auto applied = store.apply(doc, insertNote(1, Rational{1, 4}));
    ASSERT_TRUE(store.undo(doc));
    ASSERT_TRUE(store.redo(doc));
    ASSERT_TRUE(store.apply(other, chord(0, "G")));
    ASSERT_EQ(heard.size(), 3U);
    EXPECT_EQ(heard[0].document, doc);
    EXPECT_EQ(heard[0].revision, 1U);
    EXPECT_EQ(heard[0].kind, CommitKind::Apply);
    EXPECT_EQ(heard[0].label, "Insert note");
    EXPECT_EQ(heard[0].changes, applied->changes);
    EXPECT_EQ(heard[1].kind, CommitKind::Undo);
    EXPECT_EQ(heard[1].changes.eventsDeleted, applied->changes.eventsInserted);
    EXPECT_EQ(heard[2].kind, CommitKind::Redo);
    EXPECT_EQ(heard[2].revision, 3U);

    subscription.unsubscribe();
    EXPECT_FALSE(subscription.active());
    ASSERT_TRUE(store.apply(doc, chord(0, "G")));
    EXPECT_EQ(heard.size(), 3U);
    // A failed transaction is no commit.
    Subscription again = *store.subscribe(doc, [&](const Commit& commit) { heard.push_back(commit); });
    EXPECT_FALSE(store.apply(doc, Transaction{{DeleteEvent{9999}}, ""}));
    EXPECT_EQ(heard.size(), 3U);
}

TEST(StoreTest, ASubscriptionEndsWhenDestroyedMovedFromOrItsDocumentCloses) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    int calls = 0;
    {
        Subscription scoped = *store.subscribe(doc, [&](const Commit&) { ++calls; });
        Subscription moved = std::move(scoped);
        EXPECT_FALSE(scoped.active());  // NOLINT(bugprone-use-after-move): checking the moved-from state
        ASSERT_TRUE(store.apply(doc, chord(0, "A")));
    }
    ASSERT_TRUE(store.apply(doc, chord(0, "B")));
    EXPECT_EQ(calls, 1);
    Subscription closing = *store.subscribe(doc, [&](const Commit&) { ++calls; });
    ASSERT_TRUE(store.close(doc));
    EXPECT_EQ(calls, 1);
    closing.unsubscribe();  // harmless after close
    {
        auto orphan = std::make_unique<Store>();
        Subscription outlives = *orphan->subscribe(orphan->open(Score{}), [](const Commit&) {});
        orphan.reset();  // the subscription outlives its store and ends harmlessly
    }
}

TEST(StoreTest, ACallbackMayReadTheDocumentItHearsAbout) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    std::vector<std::pair<Revision, std::size_t>> seen;
    Subscription subscription = *store.subscribe(doc, [&](const Commit& commit) {
        const auto chords = store.read(doc, [](const Score& score) { return score.layers.chords.size(); });
        seen.emplace_back(commit.revision, *chords);
        EXPECT_EQ(store.snapshot(doc)->revision, commit.revision);
    });
    ASSERT_TRUE(store.apply(doc, chord(2, "E7")));
    ASSERT_TRUE(store.undo(doc));
    EXPECT_THAT(seen, ElementsAre(std::pair<Revision, std::size_t>{1, 3}, std::pair<Revision, std::size_t>{2, 2}));
}

TEST(StoreTest, ACallbackMayApplyAndEveryoneHearsBothInOrder) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    std::vector<Revision> first;
    std::vector<Revision> second;
    Subscription echo = *store.subscribe(doc, [&](const Commit& commit) {
        first.push_back(commit.revision);
        if (commit.label == "question") {
            const auto answer = store.apply(doc, chord(3, "B7", "answer"));
            EXPECT_TRUE(answer);
            EXPECT_EQ(answer->revision, 2U);
        }
    });
    Subscription listener = *store.subscribe(doc, [&](const Commit& commit) { second.push_back(commit.revision); });
    ASSERT_TRUE(store.apply(doc, chord(2, "E7", "question")));
    EXPECT_THAT(first, ElementsAre(1, 2));
    EXPECT_THAT(second, ElementsAre(1, 2));  // revision 1 reached every subscriber before revision 2
    EXPECT_EQ(*store.revision(doc), 2U);
}

TEST(StoreTest, ACallbackMayEndSubscriptions) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    int selfCalls = 0;
    int otherCalls = 0;
    Subscription other;
    Subscription self;
    self = *store.subscribe(doc, [&](const Commit&) {
        ++selfCalls;
        self.unsubscribe();
        other.unsubscribe();
    });
    other = *store.subscribe(doc, [&](const Commit&) { ++otherCalls; });
    ASSERT_TRUE(store.apply(doc, chord(0, "A")));
    ASSERT_TRUE(store.apply(doc, chord(0, "B")));
    EXPECT_EQ(selfCalls, 1);
    EXPECT_EQ(otherCalls, 0);  // ended before its turn
}

TEST(StoreTest, AThrowingCallbackDoesNotStopTheOthers) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    int calls = 0;
    Subscription thrower = *store.subscribe(doc, [](const Commit&) { throw std::runtime_error{"broken widget"}; });
    Subscription counter = *store.subscribe(doc, [&](const Commit&) { ++calls; });
    ASSERT_TRUE(store.apply(doc, chord(0, "A")));
    ASSERT_TRUE(store.apply(doc, chord(0, "B")));
    EXPECT_EQ(calls, 2);
}

TEST(StoreTest, EditNamesFollowTheVocabulary) {
    EXPECT_EQ(editName(SetMetadata{}), "SetMetadata");
    EXPECT_EQ(editName(InsertEvent{}), "InsertEvent");
    EXPECT_EQ(editName(SetChordSymbol{}), "SetChordSymbol");
    EXPECT_EQ(editName(RemoveMarker{}), "RemoveMarker");
    EXPECT_EQ(editName(SetText{}), "SetText");
    EXPECT_EQ(editName(RemoveAudioReference{}), "RemoveAudioReference");
}

TEST(StoreTest, ABrokenDocumentIsRepairedByItsFirstTransaction) {
    Score broken = fixtureScore();
    std::swap(broken.parts[0].events[0], broken.parts[0].events[11]);  // out of time order
    broken.nextId = 5;                                                 // not past every id
    Store store;
    const DocumentId doc = store.open(broken);
    const auto commit = store.apply(doc, insertNote(2, Rational{1, 8}));
    ASSERT_TRUE(commit);
    const Score repaired = *store.snapshot(doc)->score;
    EXPECT_GT(commit->changes.eventsInserted[0], fixtureScore().nextId - 1);
    for (std::size_t i = 1; i < repaired.parts[0].events.size(); ++i) {
        EXPECT_LE(repaired.parts[0].events[i - 1].measure, repaired.parts[0].events[i].measure);
    }
}

}  // namespace
}  // namespace mos::score
