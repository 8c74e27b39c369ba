#include "mos/core/EventBus.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "mos/core/Log.hpp"
#include "mos/core/SpscRing.hpp"

namespace mos::core {
namespace detail {

struct Subscriber {
    Subscriber(std::uint64_t subscriberId, bool everyType, EventTypeId eventType, EventBus::Handler h)
        : id{subscriberId}, all{everyType}, type{eventType}, handler{std::move(h)} {}

    const std::uint64_t id;
    const bool all;
    const EventTypeId type;
    EventBus::Handler handler;
    // alive and pins form a Dekker pair: a dispatcher increments pins, then reads alive; unsubscribe
    // clears alive, then reads pins. Sequential consistency on both sides means at least one of them
    // sees the other, so unsubscribe never returns while a call it did not see is about to start.
    std::atomic<bool> alive{true};
    std::atomic<int> pins{0};
};

// An immutable snapshot of the subscribers; replaced whole on every change (copy on write), so
// dispatchers iterate without holding a lock.
struct Table {
    struct TypeEntry {
        EventTypeId type;
        std::vector<Subscriber*> subscribers;
    };
    std::vector<TypeEntry> byType;
    std::vector<Subscriber*> all;
    std::vector<std::shared_ptr<Subscriber>> owners;  // keeps the raw pointers above alive

    const std::vector<Subscriber*>* find(EventTypeId type) const noexcept {
        for (const auto& entry : byType) {
            if (entry.type == type) return &entry.subscribers;
        }
        return nullptr;
    }

    static std::shared_ptr<const Table> build(std::vector<std::shared_ptr<Subscriber>> owners) {
        auto table = std::make_shared<Table>();
        for (const auto& s : owners) {
            if (s->all) {
                table->all.push_back(s.get());
                continue;
            }
            auto it = std::find_if(table->byType.begin(), table->byType.end(),
                                   [&](const TypeEntry& e) { return e.type == s->type; });
            if (it == table->byType.end()) it = table->byType.insert(table->byType.end(), TypeEntry{s->type, {}});
            it->subscribers.push_back(s.get());
        }
        table->owners = std::move(owners);
        return table;
    }
};

struct RtQueue {
    explicit RtQueue(std::size_t capacity) : ring{capacity} {}
    SpscRing<Event> ring;
    // Relaxed counters: statistics read by metrics(), no ordering with the ring's contents needed.
    std::atomic<std::uint64_t> emitted{0};
    std::atomic<std::uint64_t> dropped{0};
    // Release on close, acquire in dispatchFrame: a closed channel's last events are drained first.
    std::atomic<bool> closed{false};
};

struct BusState {
    std::mutex tableMutex;  // guards table replacement, never held while handlers run
    std::shared_ptr<const Table> table = Table::build({});
    std::uint64_t nextSubscriberId = 1;

    std::mutex pendingMutex;  // guards pending
    std::vector<Event> pending;
    std::vector<Event> delivering;  // the owner thread's, swapped with pending each frame

    std::mutex channelsMutex;  // guards channels
    std::vector<std::shared_ptr<RtQueue>> channels;

    // Statistics, relaxed: nothing is ordered by them.
    std::atomic<std::uint64_t> emitted{0};
    std::atomic<std::uint64_t> delivered{0};
    std::atomic<std::uint64_t> handlerFailures{0};
    std::atomic<std::uint64_t> closedChannelsEmitted{0};  // counts of channels already forgotten
    std::atomic<std::uint64_t> closedChannelsDropped{0};
    std::atomic<std::size_t> maxQueueDepth{0};
    std::atomic<double> eventsPerSecond{0.0};
    LatencyHistogram immediateLatency;
    LatencyHistogram batchedLatency;
    // The rate window, touched only by the owner thread in dispatchFrame.
    std::int64_t windowStartNanos = -1;
    std::uint64_t deliveredAtWindowStart = 0;

    std::shared_ptr<const Table> snapshot() {
        const std::lock_guard lock{tableMutex};
        return table;
    }
};

namespace {

// The buses this thread is dispatching right now, innermost first: a handler that unsubscribes from
// a bus it is being called by must not wait for its own call to finish.
struct DispatchScope {
    const BusState* bus;
    DispatchScope* outer;
};
thread_local DispatchScope* tlsDispatching = nullptr;

class ScopedDispatch {
public:
    explicit ScopedDispatch(const BusState& bus) noexcept : scope_{&bus, tlsDispatching} { tlsDispatching = &scope_; }
    ~ScopedDispatch() { tlsDispatching = scope_.outer; }
    ScopedDispatch(const ScopedDispatch&) = delete;
    ScopedDispatch& operator=(const ScopedDispatch&) = delete;

private:
    DispatchScope scope_;
};

bool thisThreadIsDispatching(const BusState& bus) noexcept {
    for (const DispatchScope* s = tlsDispatching; s != nullptr; s = s->outer) {
        if (s->bus == &bus) return true;
    }
    return false;
}

// Holds a pin on subscribers for the duration of a delivery, releasing it even if a handler throws.
class Pins {
public:
    explicit Pins(const std::vector<Subscriber*>* list) noexcept : list_{list} { adjust(+1); }
    ~Pins() { adjust(-1); }
    Pins(const Pins&) = delete;
    Pins& operator=(const Pins&) = delete;

private:
    void adjust(int by) noexcept {
        if (list_ == nullptr) return;
        for (Subscriber* s : *list_) s->pins.fetch_add(by, std::memory_order_seq_cst);
    }
    const std::vector<Subscriber*>* list_;
};

// Calls the subscribers still alive. A throwing handler is counted and skipped: one widget's bug
// must not stop the others' events, nor leave a frame half delivered.
void callLive(BusState& bus, const std::vector<Subscriber*>* list, const Event& event) noexcept {
    if (list == nullptr) return;
    for (Subscriber* s : *list) {
        if (!s->alive.load(std::memory_order_seq_cst)) continue;
        try {
            s->handler(event);
        } catch (const std::exception& e) {
            bus.handlerFailures.fetch_add(1, std::memory_order_relaxed);
            log::warn("core", "a handler of ", event.typeName(), " threw: ", e.what());
        } catch (...) {
            bus.handlerFailures.fetch_add(1, std::memory_order_relaxed);
            log::warn("core", "a handler of ", event.typeName(), " threw a non-standard exception");
        }
    }
}

std::uint64_t addSubscriber(BusState& bus, bool all, EventTypeId type, EventBus::Handler handler) {
    const std::lock_guard lock{bus.tableMutex};
    const std::uint64_t id = bus.nextSubscriberId++;
    auto owners = bus.table->owners;
    owners.push_back(std::make_shared<Subscriber>(id, all, type, std::move(handler)));
    bus.table = Table::build(std::move(owners));
    return id;
}

void removeSubscriber(BusState& bus, std::uint64_t id) {
    std::shared_ptr<Subscriber> removed;
    {
        const std::lock_guard lock{bus.tableMutex};
        auto owners = bus.table->owners;
        const auto it = std::find_if(owners.begin(), owners.end(), [&](const auto& s) { return s->id == id; });
        if (it == owners.end()) return;
        removed = *it;
        owners.erase(it);
        bus.table = Table::build(std::move(owners));
    }
    removed->alive.store(false, std::memory_order_seq_cst);
    if (thisThreadIsDispatching(bus)) return;
    // Dispatchers that pinned it before seeing alive == false finish their call; deliveries are
    // short, so yielding beats parking here.
    while (removed->pins.load(std::memory_order_seq_cst) != 0) std::this_thread::yield();
}

}  // namespace
}  // namespace detail

// --- Subscription ---------------------------------------------------------------------------

Subscription& Subscription::operator=(Subscription&& other) noexcept {
    if (this != &other) {
        unsubscribe();
        bus_ = std::move(other.bus_);
        id_ = std::exchange(other.id_, 0);
    }
    return *this;
}

Subscription::~Subscription() { unsubscribe(); }

void Subscription::unsubscribe() {
    if (id_ == 0) return;
    if (const auto bus = bus_.lock()) detail::removeSubscriber(*bus, id_);
    id_ = 0;
    bus_.reset();
}

// --- RtChannel --------------------------------------------------------------------------------

RtChannel::RtChannel(std::shared_ptr<detail::RtQueue> queue, const Clock* clock) noexcept
    : queue_{std::move(queue)}, clock_{clock} {}

RtChannel::RtChannel(RtChannel&& other) noexcept : queue_{std::move(other.queue_)}, clock_{other.clock_} {}

RtChannel& RtChannel::operator=(RtChannel&& other) noexcept {
    if (this != &other) {
        close();
        queue_ = std::move(other.queue_);
        clock_ = other.clock_;
    }
    return *this;
}

RtChannel::~RtChannel() { close(); }

bool RtChannel::tryEmitEvent(const Event& event) noexcept {
    if (!queue_->ring.tryPush(event)) {
        queue_->dropped.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    queue_->emitted.fetch_add(1, std::memory_order_relaxed);
    return true;
}

void RtChannel::close() {
    if (!queue_) return;
    // The bus drains what is still queued at its next frame, then forgets the channel.
    queue_->closed.store(true, std::memory_order_release);
    queue_.reset();
}

// --- EventBus ---------------------------------------------------------------------------------

EventBus::EventBus() : EventBus(Options{}) {}

EventBus::EventBus(Options options) : clock_{options.clock}, state_{std::make_shared<detail::BusState>()} {}

EventBus::~EventBus() = default;

Subscription EventBus::subscribeTo(EventTypeId type, Handler handler) {
    return Subscription{state_, detail::addSubscriber(*state_, false, type, std::move(handler))};
}

Subscription EventBus::subscribeAll(Handler handler) {
    return Subscription{state_, detail::addSubscriber(*state_, true, 0, std::move(handler))};
}

void EventBus::emitEvent(const Event& event, Delivery delivery) {
    auto& bus = *state_;
    bus.emitted.fetch_add(1, std::memory_order_relaxed);
    if (delivery == Delivery::NextFrame) {
        const std::lock_guard lock{bus.pendingMutex};
        bus.pending.push_back(event);
        return;
    }
    const auto table = bus.snapshot();
    const auto* typed = table->find(event.type());
    {
        const detail::ScopedDispatch scope{bus};
        const detail::Pins pinTyped{typed};
        const detail::Pins pinAll{&table->all};
        detail::callLive(bus, typed, event);
        detail::callLive(bus, &table->all, event);
    }
    bus.delivered.fetch_add(1, std::memory_order_relaxed);
    bus.immediateLatency.record(clock_->nowNanos() - event.emittedAtNanos());
}

RtChannel EventBus::openRtChannel(std::size_t capacity) {
    auto queue = std::make_shared<detail::RtQueue>(capacity);
    {
        const std::lock_guard lock{state_->channelsMutex};
        state_->channels.push_back(queue);
    }
    return RtChannel{std::move(queue), clock_};
}

std::size_t EventBus::dispatchFrame() {
    auto& bus = *state_;
    {
        const std::lock_guard lock{bus.pendingMutex};
        std::swap(bus.pending, bus.delivering);
    }
    // Channels and how much each holds now: events arriving during the frame wait for the next one.
    std::vector<std::pair<std::shared_ptr<detail::RtQueue>, std::size_t>> channels;
    {
        const std::lock_guard lock{bus.channelsMutex};
        channels.reserve(bus.channels.size());
        for (const auto& q : bus.channels) channels.emplace_back(q, q->ring.sizeApprox());
    }
    std::size_t depth = bus.delivering.size();
    for (const auto& [queue, count] : channels) depth += count;
    std::size_t seenMax = bus.maxQueueDepth.load(std::memory_order_relaxed);
    while (depth > seenMax && !bus.maxQueueDepth.compare_exchange_weak(seenMax, depth, std::memory_order_relaxed)) {}

    const auto table = bus.snapshot();
    std::size_t delivered = 0;
    {
        const detail::ScopedDispatch scope{bus};
        std::vector<detail::Subscriber*> everyone;
        everyone.reserve(table->owners.size());
        for (const auto& s : table->owners) everyone.push_back(s.get());
        const detail::Pins pinned{&everyone};

        // The clock is read every kClockStride events rather than per event: at ~20 ns a read it
        // would cost as much as a delivery, and a frame's latency is dominated by the frame wait.
        constexpr std::size_t kClockStride = 256;
        std::int64_t now = clock_->nowNanos();
        const auto deliver = [&](const Event& event) {
            detail::callLive(bus, table->find(event.type()), event);
            detail::callLive(bus, &table->all, event);
            if (++delivered % kClockStride == 0) now = clock_->nowNanos();
            bus.batchedLatency.record(now - event.emittedAtNanos());
        };

        for (const Event& event : bus.delivering) deliver(event);
        bus.delivering.clear();
        for (const auto& [queue, count] : channels) {
            for (std::size_t i = 0; i < count; ++i) {
                const Event* event = queue->ring.front();
                if (event == nullptr) break;  // cannot happen: count items were there and only we pop
                deliver(*event);
                queue->ring.popFront();
            }
        }
    }
    bus.delivered.fetch_add(delivered, std::memory_order_relaxed);

    {
        const std::lock_guard lock{bus.channelsMutex};
        std::erase_if(bus.channels, [&](const auto& q) {
            if (!q->closed.load(std::memory_order_acquire) || q->ring.sizeApprox() != 0) return false;
            bus.closedChannelsEmitted.fetch_add(q->emitted.load(std::memory_order_relaxed), std::memory_order_relaxed);
            bus.closedChannelsDropped.fetch_add(q->dropped.load(std::memory_order_relaxed), std::memory_order_relaxed);
            return true;
        });
    }

    const std::int64_t now = clock_->nowNanos();
    const std::uint64_t total = bus.delivered.load(std::memory_order_relaxed);
    constexpr std::int64_t kWindowNanos = 1'000'000'000;
    if (bus.windowStartNanos < 0) {
        bus.windowStartNanos = now;
        bus.deliveredAtWindowStart = total;
    } else if (now - bus.windowStartNanos >= kWindowNanos) {
        const double seconds = static_cast<double>(now - bus.windowStartNanos) / 1e9;
        bus.eventsPerSecond.store(static_cast<double>(total - bus.deliveredAtWindowStart) / seconds,
                                  std::memory_order_relaxed);
        bus.windowStartNanos = now;
        bus.deliveredAtWindowStart = total;
    }
    return delivered;
}

EventBusMetrics EventBus::metrics() const {
    auto& bus = *state_;
    EventBusMetrics m;
    m.emitted = bus.emitted.load(std::memory_order_relaxed) + bus.closedChannelsEmitted.load(std::memory_order_relaxed);
    m.droppedRt = bus.closedChannelsDropped.load(std::memory_order_relaxed);
    m.handlerFailures = bus.handlerFailures.load(std::memory_order_relaxed);
    m.delivered = bus.delivered.load(std::memory_order_relaxed);
    {
        const std::lock_guard lock{bus.pendingMutex};
        m.queueDepth = bus.pending.size();
    }
    {
        const std::lock_guard lock{bus.channelsMutex};
        for (const auto& q : bus.channels) {
            m.emitted += q->emitted.load(std::memory_order_relaxed);
            m.droppedRt += q->dropped.load(std::memory_order_relaxed);
            m.queueDepth += q->ring.sizeApprox();
        }
    }
    m.eventsPerSecond = bus.eventsPerSecond.load(std::memory_order_relaxed);
    m.maxQueueDepth = bus.maxQueueDepth.load(std::memory_order_relaxed);
    m.immediateLatency = bus.immediateLatency.summary();
    m.batchedLatency = bus.batchedLatency.summary();
    return m;
}

}  // namespace mos::core
