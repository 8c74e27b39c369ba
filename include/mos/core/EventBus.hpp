#pragma once

// The event bus (the vision's GlobalMidiEventBus): every module publishes what happens — notes,
// chords, transport, practice feedback — and widgets, the server and analysers subscribe.
//
//   EventBus bus;
//   auto sub = bus.subscribe<NoteOn>([](const NoteOn& n) { light(n.key0to127); });
//   bus.emit(NoteOn{.key0to127 = 64});                      // delivered at the next frame
//   bus.emit(TransportState{.status = TransportStatus::Playing}, Delivery::Immediate);
//   bus.dispatchFrame();                                     // the owner calls this at ~60 Hz
//
// Audio-thread producers use an RtChannel: a lock-free ring drained at each frame.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>

#include "mos/core/Clock.hpp"
#include "mos/core/Event.hpp"
#include "mos/core/LatencyHistogram.hpp"

namespace mos::core {

namespace detail {
struct BusState;
struct RtQueue;
}  // namespace detail

// When an emitted event reaches its subscribers.
enum class Delivery {
    NextFrame,  // queued, delivered by the next dispatchFrame() on the owner's thread
    Immediate,  // delivered now, on the emitting thread, before emit() returns
};

struct EventBusMetrics {
    std::uint64_t emitted = 0;          // events accepted by emit() and RtChannel::tryEmit()
    std::uint64_t delivered = 0;        // events handed to subscribers (one per event, not per handler)
    std::uint64_t droppedRt = 0;        // audio-thread events lost to a full ring
    std::uint64_t handlerFailures = 0;  // handler calls that threw (skipped, the others still ran)
    double eventsPerSecond = 0.0;       // deliveries over the last complete one-second window
    std::size_t queueDepth = 0;         // events waiting for the next frame, now
    std::size_t maxQueueDepth = 0;      // the most seen waiting at a frame boundary
    LatencySummary immediateLatency;    // emit() to last handler returned
    LatencySummary batchedLatency;      // emit() to delivery at a frame (within ~256 events' work)
};

// Keeps a handler subscribed while it lives. Destroying it, or unsubscribe(), guarantees the handler
// is not running and will not run again — except when called from inside a handler of the same bus,
// where it only stops future calls (the running one finishes normally).
class [[nodiscard]] Subscription {
public:
    Subscription() noexcept = default;
    Subscription(Subscription&& other) noexcept : bus_{std::move(other.bus_)}, id_{std::exchange(other.id_, 0)} {}
    Subscription& operator=(Subscription&& other) noexcept;
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;
    ~Subscription();

    // Thread: any control thread. RT-safe: no.
    void unsubscribe();
    bool active() const noexcept { return id_ != 0; }

private:
    friend class EventBus;
    Subscription(std::weak_ptr<detail::BusState> bus, std::uint64_t id) noexcept : bus_{std::move(bus)}, id_{id} {}

    std::weak_ptr<detail::BusState> bus_;
    std::uint64_t id_ = 0;
};

// A single-producer lane for one real-time thread (the audio callback, a MIDI input callback).
// Events wait in a lock-free ring until the next frame. Closed when destroyed.
class RtChannel {
public:
    RtChannel() noexcept = default;
    RtChannel(RtChannel&&) noexcept;
    RtChannel& operator=(RtChannel&&) noexcept;
    RtChannel(const RtChannel&) = delete;
    RtChannel& operator=(const RtChannel&) = delete;
    ~RtChannel();

    // Queues an event for the next frame; false (and counted as dropped) when the ring is full.
    // Only one thread may emit on a channel. Thread: its producer. RT-safe: yes.
    template <BusEvent E>
    bool tryEmit(const E& event) noexcept {
        return tryEmitEvent(Event{event, clock_->nowNanos()});
    }
    // The same, stamped with a time the caller already read: an audio callback reads the clock once
    // per block and stamps that block's events with it. Thread: its producer. RT-safe: yes.
    template <BusEvent E>
    bool tryEmit(const E& event, std::int64_t emittedAtNanos) noexcept {
        return tryEmitEvent(Event{event, emittedAtNanos});
    }

    bool open() const noexcept { return queue_ != nullptr; }

private:
    friend class EventBus;
    RtChannel(std::shared_ptr<detail::RtQueue> queue, const Clock* clock) noexcept;
    bool tryEmitEvent(const Event& event) noexcept;
    void close();

    // Shared with the bus, which drains it; the channel only marks it closed, so either may go first.
    std::shared_ptr<detail::RtQueue> queue_;
    const Clock* clock_ = nullptr;
};

class EventBus {
public:
    using Handler = std::function<void(const Event&)>;

    struct Options {
        const Clock* clock = &SteadyClock::instance();  // stamps events; must outlive the bus
    };

    EventBus();
    explicit EventBus(Options options);
    EventBus(const EventBus&) = delete;
    EventBus& operator=(const EventBus&) = delete;
    ~EventBus();

    // Calls handler(const E&) for every E. Thread: any control thread. RT-safe: no.
    template <BusEvent E, typename F>
    requires std::invocable<F&, const E&> Subscription subscribe(F handler) {
        return subscribeTo(eventTypeId<E>(), [h = std::move(handler)](const Event& event) mutable {
            if (const E* payload = event.as<E>()) h(*payload);
        });
    }
    // Every event of one type id, or of every type. Thread: any control thread. RT-safe: no.
    Subscription subscribeTo(EventTypeId type, Handler handler);
    Subscription subscribeAll(Handler handler);

    // Publishes an event; see Delivery. Thread: any control thread (never the audio thread: handlers
    // may allocate — use an RtChannel there). RT-safe: no.
    template <BusEvent E>
    void emit(const E& event, Delivery delivery = Delivery::NextFrame) {
        emitEvent(Event{event, clock_->nowNanos()}, delivery);
    }
    void emitEvent(const Event& event, Delivery delivery);

    // A lane for one real-time producer thread, with room for `capacity` waiting events
    // (rounded up to a power of two). Thread: control. RT-safe: no.
    RtChannel openRtChannel(std::size_t capacity = 4096);

    // Delivers everything queued before this call, control-thread events first, then each real-time
    // channel's in emission order. Returns the number of events delivered. Events emitted by
    // handlers meanwhile wait for the next frame. Thread: the bus owner's. RT-safe: no.
    std::size_t dispatchFrame();

    // Thread: any. RT-safe: no.
    EventBusMetrics metrics() const;

private:
    const Clock* clock_;
    std::shared_ptr<detail::BusState> state_;
};

}  // namespace mos::core
