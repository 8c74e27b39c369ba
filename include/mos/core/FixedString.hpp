#pragma once

// Short text with no heap: chord symbols, marker labels and widget ids travel in events that the
// audio thread may produce and that are copied bytewise through rings.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace mos::core {

// Up to Capacity bytes of UTF-8, truncated at a character boundary when longer. Trivially copyable.
//   FixedString<8>{"Cmaj7#11"}.view() -> "Cmaj7#11"
//   FixedString<4>{"Cmaj7"}.view()    -> "Cmaj"
template <std::size_t Capacity>
class FixedString {
    static_assert(Capacity > 0 && Capacity < 256, "the length is stored in one byte");

public:
    constexpr FixedString() noexcept = default;
    // Thread: any. RT-safe: yes.
    constexpr FixedString(std::string_view text) noexcept {  // NOLINT(google-explicit-constructor)
        std::size_t n = std::min(text.size(), Capacity);
        // Back off continuation bytes (10xxxxxx) so a multi-byte character is never cut in half.
        if (n < text.size()) {
            while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0U) == 0x80U) --n;
        }
        std::copy_n(text.data(), n, bytes_);
        size_ = static_cast<std::uint8_t>(n);
    }

    // For literals: `ChordDetected{.symbol = "G7"}`. Thread: any. RT-safe: yes.
    constexpr FixedString(const char* text) noexcept  // NOLINT(google-explicit-constructor)
        : FixedString(std::string_view{text}) {}

    constexpr std::string_view view() const noexcept { return {bytes_, size_}; }
    constexpr std::size_t size() const noexcept { return size_; }
    constexpr bool empty() const noexcept { return size_ == 0; }
    static constexpr std::size_t capacity() noexcept { return Capacity; }

    friend constexpr bool operator==(const FixedString& a, const FixedString& b) noexcept {
        return a.view() == b.view();
    }

private:
    char bytes_[Capacity]{};
    std::uint8_t size_ = 0;
};

}  // namespace mos::core
