#pragma once

// Exact rational numbers for musical time: score positions and durations are fractions of a whole
// note, so tuplets and MusicXML divisions round-trip without drift.

#include <compare>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>

namespace mos::core {

// 128-bit intermediates make every 64-bit product exact (GCC and Clang extension).
namespace detail {
__extension__ typedef __int128 Int128;  // NOLINT(modernize-use-using): __extension__ needs typedef
}  // namespace detail

// A normalised fraction num/den (den > 0, gcd(num, den) == 1) of 64-bit integers.
//
// Arithmetic is overflow checked: intermediate results use 128-bit integers, and a result that does
// not fit 64 bits after reduction becomes the invalid value (like a floating-point NaN). Invalid is
// sticky through arithmetic and compares unordered with everything, so a parser can do its sums and
// check `isValid()` once where it reports errors. Every operation is noexcept and allocation free.
//
//   Rational{3, 12}            -> 1/4
//   Rational{1, 4} + Rational{1, 6}  -> 5/12
//   Rational{1, 0}             -> invalid
class Rational {
public:
    // Zero. Thread: any. RT-safe: yes.
    constexpr Rational() noexcept = default;
    // The integer n. Thread: any. RT-safe: yes.
    constexpr Rational(std::int64_t n) noexcept : num_{n} {}  // NOLINT(google-explicit-constructor)
    // num/den, normalised; invalid when den == 0. Thread: any. RT-safe: yes.
    constexpr Rational(std::int64_t num, std::int64_t den) noexcept { assign(num, den); }

    // The invalid value that overflowing operations produce. Thread: any. RT-safe: yes.
    static constexpr Rational invalid() noexcept {
        Rational r;
        r.num_ = 0;
        r.den_ = 0;
        return r;
    }

    constexpr std::int64_t num() const noexcept { return num_; }
    constexpr std::int64_t den() const noexcept { return den_; }
    constexpr bool isValid() const noexcept { return den_ != 0; }
    constexpr bool isInteger() const noexcept { return den_ == 1; }
    constexpr bool isZero() const noexcept { return den_ != 0 && num_ == 0; }
    constexpr bool isNegative() const noexcept { return den_ != 0 && num_ < 0; }

    // Rounding to an integer; nullopt when invalid. Thread: any. RT-safe: yes.
    constexpr std::optional<std::int64_t> floor() const noexcept;
    constexpr std::optional<std::int64_t> ceil() const noexcept;
    // Nearest integer, halves away from zero.
    constexpr std::optional<std::int64_t> round() const noexcept;

    // Approximate value for display and for audio-rate arithmetic that tolerates rounding.
    constexpr double toDouble() const noexcept {
        return den_ == 0 ? std::numeric_limits<double>::quiet_NaN()
                         : static_cast<double>(num_) / static_cast<double>(den_);
    }

    // "3/4", "-1/8", "2"; "invalid" for the invalid value. Thread: any. RT-safe: no.
    std::string toString() const;
    // Parses "3/4", "-1/8", "2" (no spaces); nullopt on anything else. Thread: any. RT-safe: no.
    static std::optional<Rational> parse(std::string_view text);

    friend constexpr Rational operator+(Rational a, Rational b) noexcept;
    friend constexpr Rational operator-(Rational a, Rational b) noexcept;
    friend constexpr Rational operator*(Rational a, Rational b) noexcept;
    friend constexpr Rational operator/(Rational a, Rational b) noexcept;
    friend constexpr Rational operator-(Rational a) noexcept { return Rational{0} - a; }
    constexpr Rational& operator+=(Rational b) noexcept { return *this = *this + b; }
    constexpr Rational& operator-=(Rational b) noexcept { return *this = *this - b; }
    constexpr Rational& operator*=(Rational b) noexcept { return *this = *this * b; }
    constexpr Rational& operator/=(Rational b) noexcept { return *this = *this / b; }

    friend constexpr bool operator==(Rational a, Rational b) noexcept {
        return a.isValid() && b.isValid() && a.num_ == b.num_ && a.den_ == b.den_;
    }
    friend constexpr std::partial_ordering operator<=>(Rational a, Rational b) noexcept {
        if (!a.isValid() || !b.isValid()) return std::partial_ordering::unordered;
        // Denominators are positive, so cross-multiplying keeps the order; 128 bits cannot overflow.
        const detail::Int128 lhs = static_cast<detail::Int128>(a.num_) * b.den_;
        const detail::Int128 rhs = static_cast<detail::Int128>(b.num_) * a.den_;
        return lhs <=> rhs;
    }

private:
    static constexpr detail::Int128 gcd(detail::Int128 a, detail::Int128 b) noexcept {
        if (a < 0) a = -a;
        if (b < 0) b = -b;
        while (b != 0) {
            const detail::Int128 t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    // Normalises num/den given as 128-bit values; invalid when den == 0 or the result overflows.
    static constexpr Rational fromWide(detail::Int128 num, detail::Int128 den) noexcept {
        if (den == 0) return invalid();
        if (den < 0) {
            num = -num;
            den = -den;
        }
        // Most values fit 64 bits: a binary gcd there is many times faster than 128-bit division.
        constexpr detail::Int128 kMax64 = INT64_MAX;
        if (num >= -kMax64 && num <= kMax64 && den <= kMax64) {
            const auto narrowNum = static_cast<std::int64_t>(num);
            const auto narrowDen = static_cast<std::int64_t>(den);
            const auto g =
                static_cast<std::int64_t>(std::gcd(static_cast<std::uint64_t>(narrowNum < 0 ? -narrowNum : narrowNum),
                                                   static_cast<std::uint64_t>(narrowDen)));
            Rational r;
            r.num_ = narrowNum / g;
            r.den_ = narrowDen / g;
            return r;
        }
        const detail::Int128 g = gcd(num, den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
        constexpr detail::Int128 kMax = INT64_MAX;
        constexpr detail::Int128 kMin = INT64_MIN;
        if (num > kMax || num < kMin || den > kMax) return invalid();
        Rational r;
        r.num_ = static_cast<std::int64_t>(num);
        r.den_ = static_cast<std::int64_t>(den);
        return r;
    }

    // a + sign * b, with sign = 1 or -1.
    static constexpr Rational sum(Rational a, Rational b, int sign) noexcept {
        if (!a.isValid() || !b.isValid()) return invalid();
        const detail::Int128 bNum = sign * static_cast<detail::Int128>(b.num_);
        if (a.den_ == b.den_) return fromWide(a.num_ + bNum, a.den_);
        return fromWide(static_cast<detail::Int128>(a.num_) * b.den_ + bNum * a.den_,
                        static_cast<detail::Int128>(a.den_) * b.den_);
    }

    constexpr void assign(std::int64_t num, std::int64_t den) noexcept { *this = fromWide(num, den); }

    std::int64_t num_ = 0;
    std::int64_t den_ = 1;
};

constexpr Rational operator+(Rational a, Rational b) noexcept { return Rational::sum(a, b, 1); }

constexpr Rational operator-(Rational a, Rational b) noexcept { return Rational::sum(a, b, -1); }

constexpr Rational operator*(Rational a, Rational b) noexcept {
    if (!a.isValid() || !b.isValid()) return Rational::invalid();
    return Rational::fromWide(static_cast<detail::Int128>(a.num_) * b.num_,
                              static_cast<detail::Int128>(a.den_) * b.den_);
}

constexpr Rational operator/(Rational a, Rational b) noexcept {
    if (!a.isValid() || !b.isValid() || b.num_ == 0) return Rational::invalid();
    return Rational::fromWide(static_cast<detail::Int128>(a.num_) * b.den_,
                              static_cast<detail::Int128>(a.den_) * b.num_);
}

constexpr std::optional<std::int64_t> Rational::floor() const noexcept {
    if (!isValid()) return std::nullopt;
    std::int64_t q = num_ / den_;
    if (num_ % den_ != 0 && num_ < 0) --q;
    return q;
}

constexpr std::optional<std::int64_t> Rational::ceil() const noexcept {
    if (!isValid()) return std::nullopt;
    std::int64_t q = num_ / den_;
    if (num_ % den_ != 0 && num_ > 0) ++q;
    return q;
}

constexpr std::optional<std::int64_t> Rational::round() const noexcept {
    if (!isValid()) return std::nullopt;
    // Compare twice the remainder with the denominator in 128 bits, so no step can overflow.
    const std::int64_t q = num_ / den_;
    const detail::Int128 twiceRemainder = static_cast<detail::Int128>(num_ % den_) * 2;
    if (twiceRemainder >= den_) return q + 1;
    if (twiceRemainder <= -static_cast<detail::Int128>(den_)) return q - 1;
    return q;
}

}  // namespace mos::core
