#pragma once

// Result<T>: a value or an Error. Control-side functions return it instead of throwing, so
// exceptions never cross a module boundary.
//
//   Result<Score> r = formats::read("song.xml");
//   if (!r) { std::cerr << r.error().describe() << '\n'; return 1; }
//   use(*r);

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

#include "mos/core/Error.hpp"

namespace mos::core {

template <typename T>
class [[nodiscard]] Result {
    static_assert(!std::is_same_v<std::remove_cv_t<T>, Error>, "Result<Error> is ambiguous");

public:
    Result(T value) : state_{std::in_place_index<0>, std::move(value)} {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : state_{std::in_place_index<1>, std::move(error)} {}  // NOLINT(google-explicit-constructor)

    bool ok() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    // The value; only when ok().
    T& value() & { return checkedValue(); }
    const T& value() const& { return const_cast<Result*>(this)->checkedValue(); }
    T&& value() && { return std::move(checkedValue()); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    // The value, or the fallback when this holds an error.
    template <typename U>
    T valueOr(U&& fallback) const& {
        return ok() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
    }

    // The error; only when !ok().
    const Error& error() const& {
        assert(!ok());
        return std::get<1>(state_);
    }
    Error&& error() && {
        assert(!ok());
        return std::get<1>(std::move(state_));
    }

private:
    T& checkedValue() {
        assert(ok());
        return std::get<0>(state_);
    }

    std::variant<T, Error> state_;
};

// Success or an Error, for operations that produce nothing.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_{std::move(error)}, failed_{true} {}  // NOLINT(google-explicit-constructor)

    bool ok() const noexcept { return !failed_; }
    explicit operator bool() const noexcept { return ok(); }

    const Error& error() const& {
        assert(failed_);
        return error_;
    }
    Error&& error() && {
        assert(failed_);
        return std::move(error_);
    }

private:
    Error error_;
    bool failed_ = false;
};

}  // namespace mos::core
