#include "mos/core/EventBus.hpp"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "mos/core/StandardEvents.hpp"
#include "support/CapturedLog.hpp"
#include "support/RealtimeAudit.hpp"

namespace mos::core {
namespace {

using namespace std::chrono_literals;

// A module's own event: the bus carries it without knowing it.
struct LoopWrapped {
    static constexpr std::string_view kName = "test.loop-wrapped";
    std::int64_t sampleTime = 0;
};

NoteOn note(std::uint8_t key) {
    NoteOn n;
    n.key0to127 = key;
    return n;
}

TEST(EventBusTest, TypedSubscribersGetOnlyTheirType) {
    EventBus bus;
    std::vector<int> keys;
    int tempos = 0;
    auto a = bus.subscribe<NoteOn>([&](const NoteOn& n) { keys.push_back(n.key0to127); });
    auto b = bus.subscribe<Tempo>([&](const Tempo&) { ++tempos; });
    bus.emit(note(60));
    bus.emit(Tempo{.quartersPerMinute = 90.0, .scale = 1.0});
    bus.emit(note(64));
    EXPECT_EQ(bus.dispatchFrame(), 3U);
    EXPECT_EQ(keys, (std::vector<int>{60, 64}));
    EXPECT_EQ(tempos, 1);
}

TEST(EventBusTest, SubscribeAllSeesEveryTypeByName) {
    EventBus bus;
    std::vector<std::string> names;
    auto all = bus.subscribeAll([&](const Event& e) { names.emplace_back(e.typeName()); });
    bus.emit(note(60));
    bus.emit(ChordDetected{.symbol = "G7", .romanNumeral = "V7", .confidence = 0.9F});
    bus.emit(LoopWrapped{.sampleTime = 48000});
    bus.dispatchFrame();
    EXPECT_EQ(names, (std::vector<std::string>{"note.on", "chord.detected", "test.loop-wrapped"}));
}

TEST(EventBusTest, SubscribeByTypeIdWorksForEventsDefinedElsewhere) {
    EventBus bus;
    std::int64_t seen = 0;
    auto sub = bus.subscribeTo(eventTypeIdOf("test.loop-wrapped"), [&](const Event& e) {
        if (const auto* wrapped = e.as<LoopWrapped>()) seen = wrapped->sampleTime;
    });
    bus.emit(LoopWrapped{.sampleTime = 1234});
    bus.dispatchFrame();
    EXPECT_EQ(seen, 1234);
}

TEST(EventBusTest, BatchedEventsWaitForTheFrameInOrder) {
    EventBus bus;
    std::vector<int> keys;
    auto sub = bus.subscribe<NoteOn>([&](const NoteOn& n) { keys.push_back(n.key0to127); });
    for (std::uint8_t k = 0; k < 100; ++k) bus.emit(note(k));
    EXPECT_TRUE(keys.empty());
    bus.dispatchFrame();
    ASSERT_EQ(keys.size(), 100U);
    for (int k = 0; k < 100; ++k) EXPECT_EQ(keys[static_cast<std::size_t>(k)], k);
    EXPECT_EQ(bus.dispatchFrame(), 0U);
}

TEST(EventBusTest, ImmediateEventsArriveBeforeEmitReturnsOnTheCallersThread) {
    EventBus bus;
    std::thread::id handlerThread;
    bool called = false;
    auto sub = bus.subscribe<TransportState>([&](const TransportState& s) {
        called = s.status == TransportStatus::Playing;
        handlerThread = std::this_thread::get_id();
    });
    std::thread emitter{[&] { bus.emit(TransportState{TransportStatus::Playing}, Delivery::Immediate); }};
    const auto emitterId = emitter.get_id();
    emitter.join();
    EXPECT_TRUE(called);
    EXPECT_EQ(handlerThread, emitterId);
}

TEST(EventBusTest, DestroyingTheSubscriptionStopsDelivery) {
    EventBus bus;
    int count = 0;
    {
        auto sub = bus.subscribe<NoteOn>([&](const NoteOn&) { ++count; });
        bus.emit(note(1), Delivery::Immediate);
    }
    bus.emit(note(2), Delivery::Immediate);
    bus.emit(note(3));
    bus.dispatchFrame();
    EXPECT_EQ(count, 1);
}

TEST(EventBusTest, MovedSubscriptionStaysActiveAndAssignmentReleasesTheOld) {
    EventBus bus;
    int first = 0;
    int second = 0;
    Subscription kept = bus.subscribe<NoteOn>([&](const NoteOn&) { ++first; });
    Subscription moved = std::move(kept);
    EXPECT_FALSE(kept.active());  // NOLINT(bugprone-use-after-move,clang-analyzer-cplusplus.Move): on purpose
    EXPECT_TRUE(moved.active());
    bus.emit(note(1), Delivery::Immediate);
    moved = bus.subscribe<NoteOn>([&](const NoteOn&) { ++second; });
    bus.emit(note(2), Delivery::Immediate);
    EXPECT_EQ(first, 1);
    EXPECT_EQ(second, 1);
}

TEST(EventBusTest, HandlerMayUnsubscribeItselfAndSubscribeOthers) {
    EventBus bus;
    int selfCalls = 0;
    int lateCalls = 0;
    Subscription self;
    Subscription late;
    self = bus.subscribe<NoteOn>([&](const NoteOn&) {
        ++selfCalls;
        self.unsubscribe();
        late = bus.subscribe<NoteOn>([&](const NoteOn&) { ++lateCalls; });
    });
    bus.emit(note(1));
    bus.emit(note(2));
    bus.dispatchFrame();  // self runs once, then is gone even within the frame
    EXPECT_EQ(selfCalls, 1);
    EXPECT_EQ(lateCalls, 0);  // a subscription made during a frame starts with the next one
    bus.emit(note(3), Delivery::Immediate);
    EXPECT_EQ(selfCalls, 1);
    EXPECT_EQ(lateCalls, 1);
}

TEST(EventBusTest, EventsEmittedByHandlersWaitForTheNextFrame) {
    EventBus bus;
    int tempos = 0;
    auto echo = bus.subscribe<NoteOn>([&](const NoteOn&) { bus.emit(Tempo{}); });
    auto count = bus.subscribe<Tempo>([&](const Tempo&) { ++tempos; });
    bus.emit(note(1));
    EXPECT_EQ(bus.dispatchFrame(), 1U);
    EXPECT_EQ(tempos, 0);
    EXPECT_EQ(bus.dispatchFrame(), 1U);
    EXPECT_EQ(tempos, 1);
}

TEST(EventBusTest, AThrowingHandlerIsCountedAndOthersStillRun) {
    EventBus bus;
    int after = 0;
    auto bad = bus.subscribe<NoteOn>([](const NoteOn&) { throw std::runtime_error{"widget bug"}; });
    auto good = bus.subscribe<NoteOn>([&](const NoteOn&) { ++after; });
    const test::CapturedLog log;
    bus.emit(note(1));
    bus.emit(note(2), Delivery::Immediate);
    bus.dispatchFrame();
    EXPECT_EQ(after, 2);
    EXPECT_EQ(bus.metrics().handlerFailures, 2U);
    EXPECT_EQ(log.text(),
              "mos [warn] core: a handler of note.on threw: widget bug\n"
              "mos [warn] core: a handler of note.on threw: widget bug\n");
    EXPECT_EQ(bus.dispatchFrame(), 0U);  // the frame was not left half delivered
}

TEST(EventBusTest, RtChannelDeliversAnotherThreadsEventsInOrder) {
    EventBus bus;
    std::vector<std::int64_t> samples;
    auto sub = bus.subscribe<NoteOn>([&](const NoteOn& n) { samples.push_back(n.sampleTime); });
    RtChannel channel = bus.openRtChannel(1024);
    std::thread audio{[&] {
        for (std::int64_t i = 0; i < 500; ++i) {
            NoteOn n;
            n.sampleTime = i;
            ASSERT_TRUE(channel.tryEmit(n));
        }
    }};
    audio.join();
    EXPECT_EQ(bus.dispatchFrame(), 500U);
    ASSERT_EQ(samples.size(), 500U);
    for (std::size_t i = 0; i < samples.size(); ++i) EXPECT_EQ(samples[i], static_cast<std::int64_t>(i));
}

TEST(EventBusTest, RtChannelEventsStampedWithTheBlockTimeMeasureLatencyFromIt) {
    ManualClock clock{1'000'000};
    EventBus bus{EventBus::Options{.clock = &clock}};
    RtChannel channel = bus.openRtChannel(8);
    std::int64_t stamped = 0;
    auto sub = bus.subscribeAll([&](const Event& e) { stamped = e.emittedAtNanos(); });
    const std::int64_t blockStart = clock.nowNanos() - 5'000;  // the callback read it 5 µs ago
    ASSERT_TRUE(channel.tryEmit(Beat{}, blockStart));
    bus.dispatchFrame();
    EXPECT_EQ(stamped, blockStart);
    EXPECT_EQ(bus.metrics().batchedLatency.maxNanos, 5'000);
}

TEST(EventBusTest, FullRtChannelDropsAndCounts) {
    EventBus bus;
    RtChannel channel = bus.openRtChannel(4);
    int accepted = 0;
    for (int i = 0; i < 10; ++i) accepted += channel.tryEmit(Beat{}) ? 1 : 0;
    EXPECT_EQ(accepted, 4);
    const auto m = bus.metrics();
    EXPECT_EQ(m.droppedRt, 6U);
    EXPECT_EQ(m.queueDepth, 4U);
    EXPECT_EQ(bus.dispatchFrame(), 4U);
}

TEST(EventBusTest, ClosedRtChannelIsDrainedThenForgotten) {
    EventBus bus;
    int beats = 0;
    auto sub = bus.subscribe<Beat>([&](const Beat&) { ++beats; });
    {
        RtChannel channel = bus.openRtChannel(8);
        ASSERT_TRUE(channel.tryEmit(Beat{}));
        ASSERT_TRUE(channel.tryEmit(Beat{}));
    }
    EXPECT_EQ(bus.dispatchFrame(), 2U);
    EXPECT_EQ(beats, 2);
    EXPECT_EQ(bus.metrics().emitted, 2U);  // counts survive the channel
}

TEST(EventBusTest, RtChannelEmitIsRealtimeSafe) {
    EventBus bus;
    RtChannel channel = bus.openRtChannel(64);
    NoteOn n;
    EXPECT_REALTIME_SAFE(channel.tryEmit(n));
    EXPECT_REALTIME_SAFE(channel.tryEmit(ChordDetected{.symbol = "Cmaj7", .romanNumeral = "I7", .confidence = 1.0F}));
    EXPECT_EQ(bus.dispatchFrame(), 2U);
}

TEST(EventBusTest, MetricsCountLatencyDepthAndRate) {
    ManualClock clock;
    EventBus bus{EventBus::Options{.clock = &clock}};
    auto sub = bus.subscribe<NoteOn>([&](const NoteOn&) { clock.advance(100ns); });

    bus.emit(note(1), Delivery::Immediate);  // the handler takes 100 ns
    for (int i = 0; i < 10; ++i) bus.emit(note(2));
    EXPECT_EQ(bus.metrics().queueDepth, 10U);
    clock.advance(16ms);
    bus.dispatchFrame();

    auto m = bus.metrics();
    EXPECT_EQ(m.emitted, 11U);
    EXPECT_EQ(m.delivered, 11U);
    EXPECT_EQ(m.queueDepth, 0U);
    EXPECT_EQ(m.maxQueueDepth, 10U);
    EXPECT_EQ(m.immediateLatency.count, 1U);
    EXPECT_EQ(m.immediateLatency.p50Nanos, 100);
    EXPECT_EQ(m.batchedLatency.count, 10U);
    // The frame's clock reading is 16 ms after the emits: within the histogram's 12.5 %.
    EXPECT_GE(m.batchedLatency.p99Nanos, 16'000'000);
    EXPECT_LE(m.batchedLatency.p99Nanos, 18'000'000);

    // One second later, 30 more deliveries: the rate covers the whole window.
    for (int i = 0; i < 30; ++i) bus.emit(note(3));
    clock.advance(1s);
    bus.dispatchFrame();
    m = bus.metrics();
    EXPECT_GT(m.eventsPerSecond, 25.0);
    EXPECT_LT(m.eventsPerSecond, 31.0);
}

TEST(EventBusTest, ManyThreadsEmitAndAllIsDelivered) {
    EventBus bus;
    std::atomic<int> received{0};
    auto sub = bus.subscribe<NoteOn>([&](const NoteOn&) { received.fetch_add(1, std::memory_order_relaxed); });
    constexpr int kThreads = 4;
    constexpr int kEach = 5000;
    std::atomic<bool> done{false};
    std::thread owner{[&] {
        while (!done.load(std::memory_order_acquire)) bus.dispatchFrame();
        bus.dispatchFrame();
    }};
    std::vector<std::thread> emitters;
    emitters.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
        emitters.emplace_back([&] {
            for (int i = 0; i < kEach; ++i) bus.emit(note(1), i % 2 == 0 ? Delivery::NextFrame : Delivery::Immediate);
        });
    }
    for (auto& e : emitters) e.join();
    done.store(true, std::memory_order_release);
    owner.join();
    EXPECT_EQ(received.load(), kThreads * kEach);
}

// After unsubscribe() returns on one thread, no other thread is in or enters the handler.
TEST(EventBusTest, UnsubscribeWaitsForRunningHandlersOnOtherThreads) {
    EventBus bus;
    std::atomic<bool> unsubscribed{false};
    std::atomic<int> callsAfter{0};
    std::atomic<bool> inHandler{false};
    auto sub = bus.subscribe<NoteOn>([&](const NoteOn&) {
        inHandler.store(true);
        std::this_thread::sleep_for(1ms);
        if (unsubscribed.load()) callsAfter.fetch_add(1);
    });
    std::atomic<bool> stop{false};
    std::thread emitter{[&] {
        while (!stop.load()) bus.emit(note(1), Delivery::Immediate);
    }};
    while (!inHandler.load()) std::this_thread::yield();
    sub.unsubscribe();
    unsubscribed.store(true);
    std::this_thread::sleep_for(5ms);
    stop.store(true);
    emitter.join();
    EXPECT_EQ(callsAfter.load(), 0);
}

TEST(EventBusTest, SubscriptionOutlivingTheBusIsHarmless) {
    Subscription sub;
    RtChannel channel;
    {
        EventBus bus;
        sub = bus.subscribe<NoteOn>([](const NoteOn&) {});
        channel = bus.openRtChannel(8);
    }
    EXPECT_TRUE(channel.tryEmit(Beat{}));
    sub.unsubscribe();
    EXPECT_FALSE(sub.active());
}

}  // namespace
}  // namespace mos::core
