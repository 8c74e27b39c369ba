#include "mos/engine/NoteDuration.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <string>

namespace mos::engine {

namespace {

constexpr double kSecondsPerMinute = 60.0;
constexpr double kQuartersPerWhole = 4.0;

core::Error notADuration(std::string_view text) {
    return core::fail(core::ErrorCode::InvalidArgument,
                      "\"" + std::string{text} +
                          "\" is not a duration: write a note value (1n, 2n, 4n, 8n, 16n, 32n, 64n; dotted 4n., "
                          "triplet 8t) or seconds (0.5)");
}

// A note value "<denominator>n", "<denominator>n." or "<denominator>t", in whole notes.
std::optional<double> noteValue(std::string_view text) {
    int denominator = 0;
    const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), denominator);
    if (status != std::errc{} || denominator < 1 || denominator > 64 || (denominator & (denominator - 1)) != 0) {
        return std::nullopt;
    }
    const std::string_view suffix{end, static_cast<std::size_t>(text.data() + text.size() - end)};
    const double plain = 1.0 / denominator;
    if (suffix == "n") return plain;
    if (suffix == "n.") return plain * 1.5;
    if (suffix == "t") return plain * 2.0 / 3.0;
    return std::nullopt;
}

std::optional<double> secondsIn(std::string_view text) {
    if (text.ends_with('s')) text.remove_suffix(1);
    double seconds = 0.0;
    const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (status != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return seconds;
}

}  // namespace

NoteDuration::NoteDuration(std::string_view text) : length_{notADuration(text)} {
    if (const auto wholeNotes = noteValue(text)) {
        length_ = Length{*wholeNotes, true};
    } else if (const auto seconds = secondsIn(text); seconds && *seconds > 0.0 && std::isfinite(*seconds)) {
        length_ = Length{*seconds, false};
    }
}

NoteDuration::NoteDuration(std::chrono::duration<double> time) : length_{Length{time.count(), false}} {
    if (!(time.count() > 0.0) || !std::isfinite(time.count())) {
        length_ = core::fail(core::ErrorCode::OutOfRange,
                             "a note lasts longer than 0 seconds, not " + std::to_string(time.count()));
    }
}

core::Result<double> NoteDuration::seconds(double quarterBpm) const {
    if (!length_) return length_.error();
    if (!length_->wholeNotes) return length_->amount;
    return length_->amount * kQuartersPerWhole * kSecondsPerMinute / quarterBpm;
}

}  // namespace mos::engine
