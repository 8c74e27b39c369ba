#include "mos/score/Store.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <thread>

#include "ChangeRecorder.hpp"
#include "EditContext.hpp"
#include "UndoLog.hpp"
#include "Workspace.hpp"

namespace mos::score {
namespace detail {

struct Subscriber {
    std::uint64_t id = 0;
    Store::Callback callback;
    bool active = true;  // guarded by Notifier::mutex
};

// Delivers one document's commits to its subscribers: in revision order, one callback at a time,
// never under the document's lock. Whichever thread finds no delivery running delivers everything
// queued (including commits that callbacks make), so a callback may apply without deadlock.
struct Notifier {
    std::mutex mutex;
    std::condition_variable callFinished;
    std::vector<std::shared_ptr<Subscriber>> subscribers;
    std::deque<std::shared_ptr<const Commit>> pending;
    bool delivering = false;
    std::thread::id deliverer;
    std::uint64_t calling = 0;  // the subscriber being called; 0 for none
    std::uint64_t nextSubscriber = 1;

    std::uint64_t add(Store::Callback callback) {
        const std::lock_guard lock{mutex};
        const std::uint64_t id = nextSubscriber++;
        subscribers.push_back(std::make_shared<Subscriber>(Subscriber{id, std::move(callback), true}));
        return id;
    }

    void remove(std::uint64_t id) {
        std::unique_lock lock{mutex};
        const auto found = std::find_if(subscribers.begin(), subscribers.end(),
                                        [&](const std::shared_ptr<Subscriber>& s) { return s->id == id; });
        if (found != subscribers.end()) {
            (*found)->active = false;
            subscribers.erase(found);
        }
        // From a callback on the delivering thread the call in progress is the caller's own stack;
        // from any other thread, wait until the call in progress (if it is this one) has returned.
        if (delivering && deliverer != std::this_thread::get_id()) {
            callFinished.wait(lock, [&] { return calling != id; });
        }
    }

    void removeAll() {
        const std::lock_guard lock{mutex};
        for (const auto& subscriber : subscribers) subscriber->active = false;
        subscribers.clear();
    }

    // Called under the document's lock, so commits queue in revision order.
    void post(std::shared_ptr<const Commit> commit) {
        const std::lock_guard lock{mutex};
        pending.push_back(std::move(commit));
    }

    // Called with no lock held.
    void deliver() {
        std::unique_lock lock{mutex};
        if (delivering) return;  // the thread delivering now will deliver what was posted
        delivering = true;
        deliverer = std::this_thread::get_id();
        while (!pending.empty()) {
            const std::shared_ptr<const Commit> commit = std::move(pending.front());
            pending.pop_front();
            const std::vector<std::shared_ptr<Subscriber>> listeners = subscribers;
            for (const auto& listener : listeners) {
                if (!listener->active) continue;
                calling = listener->id;
                lock.unlock();
                try {
                    listener->callback(*commit);
                } catch (...) {  // NOLINT(bugprone-empty-catch): documented; the others must still hear
                }
                lock.lock();
                calling = 0;
                callFinished.notify_all();
            }
        }
        delivering = false;
        deliverer = {};
    }
};

struct HistoryEntry {
    UndoLog log;
    ChangeSet changes;  // of the forward direction
    std::string label;
};

struct Document {
    Document(DocumentId documentId, Score score) : id{documentId}, workspace{std::move(score)} {}

    const DocumentId id;
    mutable std::shared_mutex mutex;  // guards everything below but the snapshot cache and notifier
    Workspace workspace;
    Revision revision = 0;
    bool closed = false;
    std::deque<HistoryEntry> undo;
    std::vector<HistoryEntry> redo;
    // Readers share the lock above, so the cache they fill has its own.
    mutable std::mutex snapshotMutex;
    mutable Snapshot snapshot;
    const std::shared_ptr<Notifier> notifier = std::make_shared<Notifier>();
};

struct StoreState {
    explicit StoreState(Store::Options storeOptions) : options{storeOptions} {}

    const Store::Options options;
    mutable std::mutex mutex;  // guards the two members below
    std::map<std::uint64_t, std::shared_ptr<Document>> documents;
    std::uint64_t nextDocument = 1;

    std::shared_ptr<Document> find(DocumentId id) const {
        const std::lock_guard lock{mutex};
        const auto found = documents.find(static_cast<std::uint64_t>(id));
        return found == documents.end() ? nullptr : found->second;
    }
};

}  // namespace detail

namespace {

using detail::Document;

core::Error noDocument(DocumentId id) {
    return core::fail(core::ErrorCode::NotFound,
                      "document " + std::to_string(static_cast<std::uint64_t>(id)) + " is not open");
}

// The documents this thread holds a read lock on, so a nested read does not lock again (a shared
// mutex may not be locked twice by one thread) and a write from inside a read fails instead of
// deadlocking.
thread_local std::vector<const Document*> tReading;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

bool readingOnThisThread(const Document& document) {
    return std::find(tReading.begin(), tReading.end(), &document) != tReading.end();
}

class ReadAccess {
public:
    explicit ReadAccess(const Document& document) : document_{document}, nested_{readingOnThisThread(document)} {
        if (nested_) return;
        document_.mutex.lock_shared();
        tReading.push_back(&document_);
    }
    ReadAccess(const ReadAccess&) = delete;
    ReadAccess& operator=(const ReadAccess&) = delete;
    ~ReadAccess() {
        if (nested_) return;
        tReading.erase(std::find(tReading.begin(), tReading.end(), &document_));
        document_.mutex.unlock_shared();
    }

private:
    const Document& document_;
    const bool nested_;
};

core::Result<std::shared_ptr<Document>> forWriting(const detail::StoreState& state, DocumentId id) {
    auto document = state.find(id);
    if (!document) return noDocument(id);
    if (readingOnThisThread(*document)) {
        return core::fail(core::ErrorCode::InvalidArgument,
                          "a document cannot be changed from inside a read of it (that would deadlock)");
    }
    return document;
}

void trimHistory(std::deque<detail::HistoryEntry>& undo, std::size_t limit) {
    while (undo.size() > limit) undo.pop_front();
}

// Commits under the exclusive lock: a new revision, queued for the subscribers in order.
std::shared_ptr<const Commit> commit(Document& document, CommitKind kind, std::string label, ChangeSet changes) {
    ++document.revision;
    auto made = std::make_shared<const Commit>(
        Commit{document.id, document.revision, kind, std::move(label), std::move(changes)});
    document.notifier->post(made);
    return made;
}

// Undo and redo are one step in opposite directions: replay the newest entry of one history, and
// the inverse that replay records becomes the newest entry of the other.
template <typename From, typename To>
std::shared_ptr<const Commit> replayNewest(Document& target, From& from, To& to, CommitKind kind) {
    detail::HistoryEntry entry = std::move(from.back());
    from.pop_back();
    UndoLog inverse;
    std::move(entry.log).replay(target.workspace, inverse);
    auto made = commit(target, kind, entry.label, kind == CommitKind::Undo ? reversed(entry.changes) : entry.changes);
    to.push_back({std::move(inverse), std::move(entry.changes), std::move(entry.label)});
    return made;
}

core::Result<Commit> stepThroughHistory(const detail::StoreState& state, DocumentId document, CommitKind kind) {
    auto found = forWriting(state, document);
    if (!found) return found.error();
    Document& target = **found;
    const bool undoing = kind == CommitKind::Undo;
    std::shared_ptr<const Commit> made;
    {
        const std::unique_lock lock{target.mutex};
        if (target.closed) return noDocument(document);
        if (undoing ? target.undo.empty() : target.redo.empty()) {
            return core::fail(core::ErrorCode::NotFound, undoing ? "nothing to undo" : "nothing to redo");
        }
        if (undoing) {
            made = replayNewest(target, target.undo, target.redo, kind);
        } else {
            made = replayNewest(target, target.redo, target.undo, kind);
            trimHistory(target.undo, state.options.historyLimit);
        }
    }
    target.notifier->deliver();
    return *made;
}

}  // namespace

Subscription& Subscription::operator=(Subscription&& other) noexcept {
    if (this != &other) {
        unsubscribe();
        notifier_ = std::move(other.notifier_);
        id_ = std::exchange(other.id_, 0);
    }
    return *this;
}

Subscription::~Subscription() { unsubscribe(); }

void Subscription::unsubscribe() {
    if (id_ == 0) return;
    if (const auto notifier = notifier_.lock()) notifier->remove(id_);
    notifier_.reset();
    id_ = 0;
}

Store::Store() : Store(Options{}) {}

Store::Store(Options options) : state_{std::make_unique<detail::StoreState>(options)} {}

Store::~Store() = default;

DocumentId Store::open(Score score) {
    const std::lock_guard lock{state_->mutex};
    const DocumentId id{state_->nextDocument++};
    state_->documents.emplace(static_cast<std::uint64_t>(id), std::make_shared<Document>(id, std::move(score)));
    return id;
}

core::Result<void> Store::close(DocumentId document) {
    auto found = forWriting(*state_, document);
    if (!found) return found.error();
    {
        const std::lock_guard lock{state_->mutex};
        state_->documents.erase(static_cast<std::uint64_t>(document));
    }
    Document& closing = **found;
    {
        const std::unique_lock lock{closing.mutex};
        closing.closed = true;
        closing.undo.clear();
        closing.redo.clear();
    }
    closing.notifier->removeAll();
    return {};
}

std::vector<DocumentId> Store::documents() const {
    const std::lock_guard lock{state_->mutex};
    std::vector<DocumentId> ids;
    ids.reserve(state_->documents.size());
    for (const auto& [id, document] : state_->documents) ids.push_back(DocumentId{id});
    return ids;
}

core::Result<Revision> Store::revision(DocumentId document) const {
    const auto found = state_->find(document);
    if (!found) return noDocument(document);
    const ReadAccess access{*found};
    if (found->closed) return noDocument(document);
    return found->revision;
}

core::Result<History> Store::history(DocumentId document) const {
    const auto found = state_->find(document);
    if (!found) return noDocument(document);
    const ReadAccess access{*found};
    if (found->closed) return noDocument(document);
    History history;
    history.undoCount = found->undo.size();
    history.redoCount = found->redo.size();
    if (!found->undo.empty()) history.undoLabel = found->undo.back().label;
    if (!found->redo.empty()) history.redoLabel = found->redo.back().label;
    return history;
}

core::Result<void> Store::visit(DocumentId document, detail::ScoreVisitor visitor) const {
    const auto found = state_->find(document);
    if (!found) return noDocument(document);
    const ReadAccess access{*found};
    if (found->closed) return noDocument(document);
    visitor(found->workspace.score(), found->revision);
    return {};
}

core::Result<Snapshot> Store::snapshot(DocumentId document) const {
    const auto found = state_->find(document);
    if (!found) return noDocument(document);
    const ReadAccess access{*found};
    if (found->closed) return noDocument(document);
    const std::lock_guard cache{found->snapshotMutex};
    if (!found->snapshot.score || found->snapshot.revision != found->revision) {
        found->snapshot = Snapshot{std::make_shared<const Score>(found->workspace.score()), found->revision};
    }
    return found->snapshot;
}

core::Result<Commit> Store::apply(DocumentId document, Transaction transaction) {
    auto found = forWriting(*state_, document);
    if (!found) return found.error();
    Document& target = **found;
    std::shared_ptr<const Commit> made;
    {
        const std::unique_lock lock{target.mutex};
        if (target.closed) return noDocument(document);
        Workspace& workspace = target.workspace;
        workspace.prepare();
        const ElementId nextIdBefore = workspace.score().nextId;
        UndoLog log;
        ChangeRecorder changes;
        EditContext context{workspace, log, changes};
        for (std::size_t i = 0; i < transaction.edits.size(); ++i) {
            core::Result<void> status = applyEdit(context, transaction.edits[i]);
            if (status) continue;
            UndoLog discarded;
            std::move(log).replay(workspace, discarded);
            workspace.setNextId(nextIdBefore, discarded);
            core::Error error = std::move(status).error();
            error.message = "edit " + std::to_string(i) + " (" + std::string{editName(transaction.edits[i])} +
                            "): " + error.message;
            return error;
        }
        if (workspace.score().nextId != nextIdBefore) {
            log.record([nextIdBefore](Workspace& w, UndoLog& inverse) { w.setNextId(nextIdBefore, inverse); });
        }
        ChangeSet changeSet = std::move(changes).finish();
        made = commit(target, CommitKind::Apply, transaction.label, changeSet);
        if (!transaction.edits.empty()) {
            if (state_->options.historyLimit > 0) {
                target.undo.push_back({std::move(log), std::move(changeSet), std::move(transaction.label)});
                trimHistory(target.undo, state_->options.historyLimit);
            }
            target.redo.clear();
        }
    }
    target.notifier->deliver();
    return *made;
}

core::Result<Commit> Store::undo(DocumentId document) {
    return stepThroughHistory(*state_, document, CommitKind::Undo);
}

core::Result<Commit> Store::redo(DocumentId document) {
    return stepThroughHistory(*state_, document, CommitKind::Redo);
}

core::Result<Subscription> Store::subscribe(DocumentId document, Callback callback) {
    const auto found = state_->find(document);
    if (!found) return noDocument(document);
    const std::uint64_t id = found->notifier->add(std::move(callback));
    return Subscription{found->notifier, id};
}

}  // namespace mos::score
