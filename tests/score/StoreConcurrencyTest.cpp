// The store from several threads: readers never see half a transaction, writers on different
// threads all land, subscribers hear every revision once and in order, and unsubscribing waits for a
// running callback. Run under the tsan preset too.

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "StoreFixture.hpp"
#include "mos/score/Store.hpp"

namespace mos::score {
namespace {

using core::Rational;
using testing::fixtureScore;
using testing::pitch;

// Inserts a note and a marker together: a reader that sees one without the other saw half of it.
Transaction noteAndMarker(std::uint32_t i) {
    const std::uint32_t measure = i % 4;
    const Rational offset{static_cast<std::int64_t>(i % 7), 8};
    return Transaction{{InsertEvent{"P2", Event{.measure = measure,
                                                .offset = offset,
                                                .duration = Rational{1, 8},
                                                .notes = {Note{.pitch = pitch("E3")}}}},
                        SetMarker{Marker{{measure, offset}, Marker::Kind::Text, std::to_string(i)}}},
                       "Note and marker"};
}

// Every transaction adds one event to P2 and, until a marker's place repeats, one marker: the
// counts move together or the reader saw a torn document.
bool whole(const Score& score, std::size_t baseEvents, std::size_t baseMarkers) {
    const std::size_t events = score.parts[1].events.size() - baseEvents;
    const std::size_t markers = score.layers.markers.size() - baseMarkers;
    return markers == std::min<std::size_t>(events, 28);
}

TEST(StoreConcurrencyTest, ReadersOnOtherThreadsNeverSeeHalfATransaction) {
    Store store;
    const Score opened = fixtureScore();
    const std::size_t baseEvents = opened.parts[1].events.size();
    const std::size_t baseMarkers = opened.layers.markers.size();
    const DocumentId doc = store.open(opened);
    constexpr std::uint32_t kTransactions = 300;
    std::atomic<bool> done{false};  // relaxed would do; the join orders the final reads

    std::vector<std::thread> readers;
    std::atomic<int> torn{0};
    for (int r = 0; r < 2; ++r) {
        readers.emplace_back([&, r] {
            Revision last = 0;
            while (!done.load()) {
                if (r == 0) {
                    const auto ok = store.read(doc, [&](const Score& score, Revision revision) {
                        const bool inOrder = revision >= last;
                        last = revision;
                        return inOrder && whole(score, baseEvents, baseMarkers);
                    });
                    if (!*ok) ++torn;
                } else {
                    const Snapshot snapshot = *store.snapshot(doc);
                    if (snapshot.revision < last || !whole(*snapshot.score, baseEvents, baseMarkers)) ++torn;
                    last = snapshot.revision;
                }
            }
        });
    }
    for (std::uint32_t i = 0; i < kTransactions; ++i) {
        ASSERT_TRUE(store.apply(doc, noteAndMarker(i)));
        if (i % 10 == 9) {
            ASSERT_TRUE(store.undo(doc));
            ASSERT_TRUE(store.redo(doc));
        }
    }
    done = true;
    for (std::thread& reader : readers) reader.join();
    EXPECT_EQ(torn.load(), 0);
    EXPECT_EQ(*store.revision(doc), kTransactions + 2 * (kTransactions / 10));
    EXPECT_TRUE(*store.read(doc, [&](const Score& score) { return whole(score, baseEvents, baseMarkers); }));
}

TEST(StoreConcurrencyTest, WritersOnSeveralThreadsAllLandAndAreHeardInOrder) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    const std::size_t baseEvents = fixtureScore().parts[1].events.size();
    std::vector<Revision> heard;  // only the delivering thread touches it: callbacks run one at a time
    Subscription subscription = *store.subscribe(doc, [&](const Commit& commit) { heard.push_back(commit.revision); });
    constexpr std::uint32_t kEach = 100;
    std::vector<std::thread> writers;
    for (std::uint32_t w = 0; w < 3; ++w) {
        writers.emplace_back([&, w] {
            for (std::uint32_t i = 0; i < kEach; ++i) EXPECT_TRUE(store.apply(doc, noteAndMarker(w * kEach + i)));
        });
    }
    for (std::thread& writer : writers) writer.join();
    EXPECT_EQ(*store.revision(doc), 3 * kEach);
    EXPECT_EQ(*store.read(doc, [](const Score& score) { return score.parts[1].events.size(); }),
              baseEvents + 3 * kEach);
    ASSERT_EQ(heard.size(), 3 * kEach);
    for (std::size_t i = 0; i < heard.size(); ++i) EXPECT_EQ(heard[i], i + 1);
}

TEST(StoreConcurrencyTest, UnsubscribingFromAnotherThreadWaitsForTheRunningCallback) {
    Store store;
    const DocumentId doc = store.open(fixtureScore());
    std::atomic<bool> entered{false};
    std::atomic<bool> inside{false};
    Subscription subscription = *store.subscribe(doc, [&](const Commit&) {
        inside = true;
        entered = true;
        for (int i = 0; i < 2000; ++i) std::this_thread::yield();  // stay inside a while
        inside = false;
    });
    bool insideAfterUnsubscribe = true;
    std::thread other{[&] {
        while (!entered.load()) std::this_thread::yield();
        subscription.unsubscribe();
        insideAfterUnsubscribe = inside.load();
    }};
    ASSERT_TRUE(store.apply(doc, noteAndMarker(0)));
    other.join();
    EXPECT_FALSE(insideAfterUnsubscribe);
}

TEST(StoreConcurrencyTest, DocumentsOpenAndCloseWhileOthersAreEdited) {
    Store store;
    const DocumentId kept = store.open(fixtureScore());
    std::thread churn{[&] {
        for (int i = 0; i < 50; ++i) {
            const DocumentId doc = store.open(fixtureScore());
            EXPECT_TRUE(store.apply(doc, noteAndMarker(static_cast<std::uint32_t>(i))));
            EXPECT_TRUE(store.close(doc));
        }
    }};
    for (std::uint32_t i = 0; i < 50; ++i) ASSERT_TRUE(store.apply(kept, noteAndMarker(i)));
    churn.join();
    EXPECT_EQ(store.documents().size(), 1U);
    EXPECT_EQ(*store.revision(kept), 50U);
}

}  // namespace
}  // namespace mos::score
