#include "mos/core/Rational.hpp"

#include <charconv>

namespace mos::core {

std::string Rational::toString() const {
    if (!isValid()) return "invalid";
    if (den_ == 1) return std::to_string(num_);
    return std::to_string(num_) + '/' + std::to_string(den_);
}

namespace {

std::optional<std::int64_t> parseInteger(std::string_view text) {
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end || text.empty()) return std::nullopt;
    return value;
}

}  // namespace

std::optional<Rational> Rational::parse(std::string_view text) {
    const auto slash = text.find('/');
    const auto num = parseInteger(text.substr(0, slash));
    if (!num) return std::nullopt;
    if (slash == std::string_view::npos) return Rational{*num};
    const auto den = parseInteger(text.substr(slash + 1));
    if (!den || *den <= 0) return std::nullopt;
    return Rational{*num, *den};
}

}  // namespace mos::core
