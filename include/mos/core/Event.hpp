#pragma once

// The envelope every event travels in through the EventBus. Any module defines its own event type
// without touching the bus: a trivially copyable struct with a unique `kName`.
//
//   struct LoopWrapped {
//       static constexpr std::string_view kName = "transport.loop-wrapped";
//       std::int64_t sampleTime;
//   };
//   bus.emit(LoopWrapped{sample});

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <string_view>
#include <type_traits>

namespace mos::core {

// Largest event payload; fixed so events move through lock-free rings without allocation.
inline constexpr std::size_t kMaxEventPayloadBytes = 112;

using EventTypeId = std::uint64_t;

// 64-bit FNV-1a of an event name, the event's type id: stable across builds, processes and plugins.
constexpr EventTypeId eventTypeIdOf(std::string_view name) noexcept {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : name) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

// What an event type must be to ride the bus.
template <typename E>
concept BusEvent = std::is_trivially_copyable_v<E> && sizeof(E) <= kMaxEventPayloadBytes &&
                   alignof(E) <= alignof(std::max_align_t) && requires {
    { E::kName } -> std::convertible_to<std::string_view>;
};

struct EventTypeInfo {
    EventTypeId id;
    std::string_view name;
};

template <BusEvent E>
inline constexpr EventTypeInfo kEventTypeInfo{eventTypeIdOf(E::kName), E::kName};

template <BusEvent E>
constexpr EventTypeId eventTypeId() noexcept {
    return kEventTypeInfo<E>.id;
}

// One event of any type, with the time it was emitted.
class Event {
public:
    // Thread: any. RT-safe: yes.
    template <BusEvent E>
    Event(const E& payload, std::int64_t emittedAtNanos) noexcept
        : info_{&kEventTypeInfo<E>}, emittedAtNanos_{emittedAtNanos} {
        std::memcpy(payload_, &payload, sizeof(E));
    }

    EventTypeId type() const noexcept { return info_->id; }
    std::string_view typeName() const noexcept { return info_->name; }
    std::int64_t emittedAtNanos() const noexcept { return emittedAtNanos_; }

    template <BusEvent E>
    bool is() const noexcept {
        return info_->id == eventTypeId<E>();
    }
    // The payload as E, or nullptr when the event is of another type. Thread: any. RT-safe: yes.
    template <BusEvent E>
    const E* as() const noexcept {
        // The bytes were copied from an E (trivially copyable), which creates an E in them.
        return is<E>() ? std::launder(reinterpret_cast<const E*>(payload_)) : nullptr;
    }

private:
    const EventTypeInfo* info_;
    std::int64_t emittedAtNanos_;
    alignas(std::max_align_t) std::byte payload_[kMaxEventPayloadBytes];
};

}  // namespace mos::core
