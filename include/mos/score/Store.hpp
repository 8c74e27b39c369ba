#pragma once

// score::Store — the vision's Hermes: the one holder of open documents. Every editor (the CLI, the
// daemon, WebSocket clients, lessons, plugins) changes a document through transactions applied here;
// each one can be undone and redone, and every change reaches the subscribers as a Commit (what
// changed and the new revision).
//
//   Store store;
//   DocumentId doc = store.open(std::move(score));
//   Subscription sub = *store.subscribe(doc, [](const Commit& c) { redraw(c.changes); });
//   store.apply(doc, {{SetChordSymbol{{.at = {4, {}}, .text = "G7"}}}, "Set chord"});
//   store.undo(doc);
//
// Threads. Control side only: any thread may call any function at any time; nothing here is for the
// audio thread (it plays a compiled program, never the store). Each document has a readers-writer
// lock:
//   - apply, undo and redo hold it exclusively for as long as their edits take. An edit costs in
//     proportion to what it changes (an undo record holds only what the edit replaced), never a copy
//     of the whole score.
//   - read(id, fn) runs fn under the shared lock: no copy, any number of readers at once, while
//     writers wait. For short reads on any thread: answering a client, compiling a playback program,
//     looking an event up.
//   - snapshot(id) hands out an immutable copy that every caller at the same revision shares, made at
//     most once per revision somebody asks for. For long jobs that must not hold edits up: saving,
//     analysis on a worker thread.
//   Per-part copy-on-write snapshots would make every snapshot cheap, but only by turning Score's
//   plain value members into shared pointers, a model change for every format and pass; read() gives
//   readers the zero-copy path instead, and snapshot() the decoupled one.
// Re-entrancy: fn in read() may read the same document again but may not apply to it (that would
// deadlock; apply, undo and redo return an error instead). Subscriber callbacks run after the change
// is visible and outside every lock, so a callback may read the store, apply another transaction or
// unsubscribe.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "mos/core/Result.hpp"
#include "mos/score/ChangeSet.hpp"
#include "mos/score/Edit.hpp"
#include "mos/score/Score.hpp"

namespace mos::score {

// An open document in a Store; ids are never reused within a store.
enum class DocumentId : std::uint64_t {};

// Counts the changes of one document: 0 when opened, +1 for every apply, undo and redo (an undo does
// not go back to an old number, so a subscriber can tell revisions apart).
using Revision = std::uint64_t;

enum class CommitKind : std::uint8_t { Apply, Undo, Redo };

// What one apply, undo or redo did: returned to the caller and delivered to every subscriber.
struct Commit {
    DocumentId document{};
    Revision revision = 0;
    CommitKind kind = CommitKind::Apply;
    std::string label{};  // the transaction's label (for undo and redo too)
    ChangeSet changes{};  // for an undo: the transaction's changes reversed (inserted ↔ deleted …)
};

// An immutable copy of a document at a revision.
struct Snapshot {
    std::shared_ptr<const Score> score{};
    Revision revision = 0;
};

// What undo and redo would do, for an Edit menu.
struct History {
    std::size_t undoCount = 0;
    std::size_t redoCount = 0;
    std::string undoLabel{};  // the label of the transaction undo() would take back
    std::string redoLabel{};
};

namespace detail {
struct Notifier;
struct StoreState;

// A non-owning reference to a read callback, so read() can take any callable without allocating.
class ScoreVisitor {
public:
    template <typename Fn>
    explicit ScoreVisitor(Fn& fn) noexcept
        : target_{&fn}, call_{[](void* target, const Score& score, Revision revision) {
              (*static_cast<Fn*>(target))(score, revision);
          }} {}
    void operator()(const Score& score, Revision revision) const { call_(target_, score, revision); }

private:
    void* target_;
    void (*call_)(void*, const Score&, Revision);
};
}  // namespace detail

// Keeps a callback subscribed while it lives. Destroying it or unsubscribe() guarantees the callback
// is not running and will not run again — except from inside a callback of the same document, where
// it only stops future calls. Closing the document or destroying the store ends it too.
class [[nodiscard]] Subscription {
public:
    Subscription() noexcept = default;
    Subscription(Subscription&& other) noexcept
        : notifier_{std::move(other.notifier_)}, id_{std::exchange(other.id_, 0)} {}
    Subscription& operator=(Subscription&& other) noexcept;
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;
    ~Subscription();

    // Thread: any control thread. RT-safe: no.
    void unsubscribe();
    bool active() const noexcept { return id_ != 0; }

private:
    friend class Store;
    Subscription(std::weak_ptr<detail::Notifier> notifier, std::uint64_t id) noexcept
        : notifier_{std::move(notifier)}, id_{id} {}

    std::weak_ptr<detail::Notifier> notifier_;
    std::uint64_t id_ = 0;
};

class Store {
public:
    // Receives every commit of the document it subscribed to. Callbacks of one document run one at a
    // time, in revision order, on the thread of one of the apply/undo/redo calls (a commit made while
    // another thread is delivering is delivered by that thread). A callback must not throw; an
    // exception that escapes one is dropped so the other subscribers still hear of the change.
    using Callback = std::function<void(const Commit&)>;

    struct Options {
        // Transactions each document can undo; the oldest are forgotten beyond it. 0 turns undo off.
        std::size_t historyLimit = 200;
    };

    // Thread: any. RT-safe: no.
    Store();
    explicit Store(Options options);
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;
    ~Store();

    // Takes a document over and gives it an id; constant time (the score is moved, not copied).
    // Thread: any. RT-safe: no.
    DocumentId open(Score score);
    // Forgets a document, its history and its subscriptions. Snapshots handed out stay valid.
    // Thread: any. RT-safe: no.
    core::Result<void> close(DocumentId document);
    // The open documents, oldest first. Thread: any. RT-safe: no.
    std::vector<DocumentId> documents() const;

    // Thread: any. RT-safe: no.
    core::Result<Revision> revision(DocumentId document) const;
    // Thread: any. RT-safe: no.
    core::Result<History> history(DocumentId document) const;

    // Calls fn(const Score&) — or fn(const Score&, Revision) — under the document's shared lock and
    // returns what fn returns (a value, not a reference into the score). Thread: any. RT-safe: no.
    template <typename Fn>
    auto read(DocumentId document, Fn&& fn) const;

    // The document as it is now, as an immutable copy shared by every caller at this revision.
    // Thread: any. RT-safe: no.
    core::Result<Snapshot> snapshot(DocumentId document) const;

    // Applies a transaction atomically: every edit or none. A failing edit leaves the document as it
    // was and names the edit's index and type and the reason. A new transaction clears the redo
    // history. A transaction without edits makes a revision (subscribers hear of it) but no undo step.
    // The first transaction of a document builds its id index, in time proportional to the score
    // (once), and repairs what would break the model's promises: events out of time order are sorted
    // stably, a nextId that is not past every id moves on; those repairs are not undone.
    // Thread: any. RT-safe: no.
    core::Result<Commit> apply(DocumentId document, Transaction transaction);
    // Takes back the last applied (or redone) transaction; NotFound when there is none.
    // Thread: any. RT-safe: no.
    core::Result<Commit> undo(DocumentId document);
    // Applies again the last undone transaction; NotFound when there is none. Thread: any. RT-safe: no.
    core::Result<Commit> redo(DocumentId document);

    // Calls `callback` with every later commit of the document. Thread: any. RT-safe: no.
    core::Result<Subscription> subscribe(DocumentId document, Callback callback);

private:
    core::Result<void> visit(DocumentId document, detail::ScoreVisitor visitor) const;

    std::unique_ptr<detail::StoreState> state_;
};

template <typename Fn>
auto Store::read(DocumentId document, Fn&& fn) const {
    constexpr bool kWithRevision = std::is_invocable_v<Fn&, const Score&, Revision>;
    auto call = [&fn](const Score& score, Revision revision) -> decltype(auto) {
        if constexpr (kWithRevision) {
            return fn(score, revision);
        } else {
            return fn(score);
        }
    };
    using Value = std::decay_t<std::invoke_result_t<decltype(call)&, const Score&, Revision>>;
    if constexpr (std::is_void_v<Value>) {
        return visit(document, detail::ScoreVisitor{call});
    } else {
        std::optional<Value> value;
        auto keep = [&](const Score& score, Revision revision) { value.emplace(call(score, revision)); };
        core::Result<void> status = visit(document, detail::ScoreVisitor{keep});
        if (!status) return core::Result<Value>{std::move(status).error()};
        return core::Result<Value>{std::move(*value)};
    }
}

}  // namespace mos::score
