#pragma once

// Exact note lengths and positions for the ABC reader's inner loop: a reduced 64-bit fraction whose
// arithmetic uses a binary gcd and overflow-checked 64-bit products. core::Rational does the same
// sums through 128-bit Euclid, which costs several times more per note; the reader converts to
// core::Rational once, where a value goes into the score. Overflow gives the invalid value (den 0),
// which stays invalid through arithmetic, like core::Rational's.

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <utility>

#include "mos/core/Rational.hpp"

namespace mos::formats::abc {

class Fraction {
public:
    constexpr Fraction() noexcept = default;
    constexpr Fraction(std::int64_t n) noexcept : num_{n} {}  // NOLINT(google-explicit-constructor)
    constexpr Fraction(std::int64_t num, std::int64_t den) noexcept { *this = reduced(num, den); }

    static constexpr Fraction invalid() noexcept {
        Fraction f;
        f.den_ = 0;
        return f;
    }

    constexpr std::int64_t num() const noexcept { return num_; }
    constexpr std::int64_t den() const noexcept { return den_; }
    constexpr bool isValid() const noexcept { return den_ != 0; }
    constexpr bool isZero() const noexcept { return den_ != 0 && num_ == 0; }
    constexpr bool isPositive() const noexcept { return den_ != 0 && num_ > 0; }
    constexpr bool isOne() const noexcept { return num_ == 1 && den_ == 1; }

    core::Rational toRational() const noexcept {
        return isValid() ? core::Rational{num_, den_} : core::Rational::invalid();
    }

    friend constexpr Fraction operator+(Fraction a, Fraction b) noexcept {
        if (!a.isValid() || !b.isValid()) return invalid();
        if (a.den_ == b.den_) {
            std::int64_t sum = 0;
            if (__builtin_add_overflow(a.num_, b.num_, &sum)) return invalid();
            return reduced(sum, a.den_);
        }
        // Two powers of two (1/4 + 1/8, as most offsets and lengths are): the larger is the lcm.
        const std::int64_t g =
            isPowerOfTwo(a.den_) && isPowerOfTwo(b.den_) ? std::min(a.den_, b.den_) : std::gcd(a.den_, b.den_);
        std::int64_t den = 0;
        std::int64_t left = 0;
        std::int64_t right = 0;
        std::int64_t sum = 0;
        if (__builtin_mul_overflow(a.den_ / g, b.den_, &den) || __builtin_mul_overflow(a.num_, b.den_ / g, &left) ||
            __builtin_mul_overflow(b.num_, a.den_ / g, &right) || __builtin_add_overflow(left, right, &sum)) {
            return invalid();
        }
        return reduced(sum, den);
    }
    friend constexpr Fraction operator-(Fraction a) noexcept {
        if (!a.isValid() || a.num_ == INT64_MIN) return invalid();
        a.num_ = -a.num_;
        return a;
    }
    friend constexpr Fraction operator-(Fraction a, Fraction b) noexcept { return a + (-b); }
    friend constexpr Fraction operator*(Fraction a, Fraction b) noexcept {
        if (!a.isValid() || !b.isValid()) return invalid();
        if (b.isOne()) return a;  // most notes have the unit length: no gcd needed
        if (a.isOne()) return b;
        // Cross-cancelling first keeps both factors reduced, so the product needs no gcd of its own.
        const std::int64_t g1 = std::gcd(a.num_, b.den_);
        const std::int64_t g2 = std::gcd(b.num_, a.den_);
        Fraction out;
        if (__builtin_mul_overflow(a.num_ / g1, b.num_ / g2, &out.num_) ||
            __builtin_mul_overflow(a.den_ / g2, b.den_ / g1, &out.den_) || out.num_ == INT64_MIN) {
            return invalid();
        }
        return out;
    }
    constexpr Fraction& operator+=(Fraction b) noexcept { return *this = *this + b; }
    constexpr Fraction& operator-=(Fraction b) noexcept { return *this = *this - b; }
    constexpr Fraction& operator*=(Fraction b) noexcept { return *this = *this * b; }

    friend constexpr bool operator==(Fraction a, Fraction b) noexcept {
        return a.isValid() && b.isValid() && a.num_ == b.num_ && a.den_ == b.den_;
    }
    friend constexpr bool operator<(Fraction a, Fraction b) noexcept {
        return a.isValid() && b.isValid() &&
               static_cast<core::detail::Int128>(a.num_) * b.den_ < static_cast<core::detail::Int128>(b.num_) * a.den_;
    }
    friend constexpr bool operator>(Fraction a, Fraction b) noexcept { return b < a; }

private:
    static constexpr bool isPowerOfTwo(std::int64_t n) noexcept { return (n & (n - 1)) == 0; }

    static constexpr Fraction reduced(std::int64_t num, std::int64_t den) noexcept {
        if (den == 0 || den == INT64_MIN || num == INT64_MIN) return invalid();
        if (den < 0) {
            num = -num;
            den = -den;
        }
        if (den == 1) return Fraction{num};
        if (isPowerOfTwo(den)) {
            // A power-of-two denominator, as nearly every note length has: the gcd is a power of two.
            if (num == 0) return Fraction{};
            const int shift = std::min(__builtin_ctzll(static_cast<unsigned long long>(num)),
                                       __builtin_ctzll(static_cast<unsigned long long>(den)));
            Fraction f;
            f.num_ = num / (std::int64_t{1} << shift);
            f.den_ = den >> shift;
            return f;
        }
        const std::int64_t g = std::gcd(num, den);
        Fraction f;
        f.num_ = num / g;
        f.den_ = den / g;
        return f;
    }

    std::int64_t num_ = 0;
    std::int64_t den_ = 1;
};

// Fraction → core::Rational, remembering recent conversions: the same offsets and lengths (1/8,
// 3/8 …) come back all through a tune book, and core::Rational's normalising is the costliest
// step of a note.
class RationalCache {
public:
    core::Rational operator()(Fraction value) noexcept {
        const std::uint64_t hash =
            static_cast<std::uint64_t>(value.num()) * 31 + static_cast<std::uint64_t>(value.den());
        Slot& slot = slots_[static_cast<std::size_t>(hash % slots_.size())];
        return slot.first == value ? slot.second : refill(slot, value);
    }

private:
    using Slot = std::pair<Fraction, core::Rational>;

    // Out of line, so the common case (a hit) stays a few instructions where it is called.
    [[gnu::noinline]] static core::Rational refill(Slot& slot, Fraction value) noexcept {
        slot = {value, value.toRational()};
        return slot.second;
    }

    std::array<Slot, 256> slots_{};  // 0 ↔ 0 to start with
};

}  // namespace mos::formats::abc
