#pragma once

// A bounded lock-free queue for exactly one producer thread and one consumer thread: how events and
// log records leave the audio thread, and how commands reach it.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <type_traits>
#include <utility>

namespace mos::core {

// Bytes that keep two hot atomics from sharing a cache line (and the adjacent-line prefetch pair).
inline constexpr std::size_t kCacheLineBytes = 64;

// Single-producer single-consumer ring with a power-of-two capacity.
//
// The producer only writes `tail_`, the consumer only writes `head_`; each keeps a private cached
// copy of the other's index and re-reads the shared one only when the cache says full or empty, so
// an uncontended push or pop touches one shared cache line. Indices grow without wrapping back
// (64-bit, they cannot overflow in practice) and are masked into the slot array.
//
// Construction allocates; after that tryPush/tryPop never allocate, lock or call the OS, provided
// T's move constructor and destructor do not.
template <typename T>
class SpscRing {
    static_assert(std::is_nothrow_move_constructible_v<T>, "ring items must move without throwing");
    static_assert(std::is_nothrow_destructible_v<T>);

public:
    // Capacity is rounded up to a power of two (at least 2). Thread: control. RT-safe: no.
    explicit SpscRing(std::size_t minCapacity)
        : capacity_{roundUpToPowerOfTwo(minCapacity)},
          mask_{capacity_ - 1},
          slots_{std::allocator<Slot>{}.allocate(capacity_)} {}

    SpscRing(const SpscRing&) = delete;
    SpscRing& operator=(const SpscRing&) = delete;

    ~SpscRing() {
        while (tryPop()) {}
        std::allocator<Slot>{}.deallocate(slots_, capacity_);
    }

    // Constructs an item at the tail; false (and nothing built) when full.
    // Thread: the producer. RT-safe: yes.
    template <typename... Args>
    bool tryEmplace(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
        // Relaxed: only this thread writes tail_.
        const std::uint64_t tail = tail_.load(std::memory_order_relaxed);
        if (tail - headCache_ == capacity_) {
            // Acquire pairs with the consumer's release in tryPop: the slot it vacated is free.
            headCache_ = head_.load(std::memory_order_acquire);
            if (tail - headCache_ == capacity_) return false;
        }
        ::new (static_cast<void*>(slots_ + (tail & mask_))) T(std::forward<Args>(args)...);
        // Release publishes the constructed item before the consumer can see the new tail.
        tail_.store(tail + 1, std::memory_order_release);
        return true;
    }

    bool tryPush(const T& item) noexcept(std::is_nothrow_copy_constructible_v<T>) { return tryEmplace(item); }
    bool tryPush(T&& item) noexcept { return tryEmplace(std::move(item)); }

    // The oldest item, or nullptr when empty; stays in place until popFront().
    // Thread: the consumer. RT-safe: yes.
    T* front() noexcept {
        // Relaxed: only this thread writes head_.
        const std::uint64_t head = head_.load(std::memory_order_relaxed);
        if (head == tailCache_) {
            // Acquire pairs with the producer's release in tryEmplace: the item is fully built.
            tailCache_ = tail_.load(std::memory_order_acquire);
            if (head == tailCache_) return nullptr;
        }
        return std::launder(reinterpret_cast<T*>(slots_ + (head & mask_)));
    }

    // Destroys the oldest item; only after front() returned non-null. Thread: the consumer. RT-safe: yes.
    void popFront() noexcept {
        const std::uint64_t head = head_.load(std::memory_order_relaxed);
        std::launder(reinterpret_cast<T*>(slots_ + (head & mask_)))->~T();
        // Release: the slot's destruction happens before the producer may reuse it.
        head_.store(head + 1, std::memory_order_release);
    }

    // Moves the oldest item out; nullopt when empty. Thread: the consumer. RT-safe: yes.
    std::optional<T> tryPop() noexcept {
        T* item = front();
        if (item == nullptr) return std::nullopt;
        std::optional<T> out{std::move(*item)};
        popFront();
        return out;
    }

    // Items queued now; exact from either side's own thread, an estimate from any other.
    // Thread: any. RT-safe: yes.
    std::size_t sizeApprox() const noexcept {
        // Read head first: tail only grows, so tail - head can overstate but never go negative.
        const std::uint64_t head = head_.load(std::memory_order_acquire);
        const std::uint64_t tail = tail_.load(std::memory_order_acquire);
        return static_cast<std::size_t>(tail - head);
    }

    std::size_t capacity() const noexcept { return capacity_; }

private:
    struct Slot {
        alignas(T) std::byte bytes[sizeof(T)];
    };

    static std::size_t roundUpToPowerOfTwo(std::size_t n) noexcept {
        std::size_t c = 2;
        while (c < n) c <<= 1U;
        return c;
    }

    const std::size_t capacity_;
    const std::size_t mask_;
    Slot* const slots_;

    // Consumer side: its index and its cached view of the producer's.
    alignas(kCacheLineBytes) std::atomic<std::uint64_t> head_{0};
    std::uint64_t tailCache_ = 0;

    // Producer side, on its own cache line.
    alignas(kCacheLineBytes) std::atomic<std::uint64_t> tail_{0};
    std::uint64_t headCache_ = 0;
    // The class's 64-byte alignment pads its size, so whatever follows stays off the producer's line.
};

}  // namespace mos::core
