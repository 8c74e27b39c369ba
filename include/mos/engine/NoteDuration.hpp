#pragma once

// How long a note played live lasts (the vision's playNote('C4', '8n', 0.7)): a note value, which
// follows the tempo, written as Tone.js writes it, or a length of time.
//
//   NoteDuration{"4n"}.seconds(120.0)   -> 0.5      a quarter note at 120 BPM
//   NoteDuration{"4n."}.seconds(120.0)  -> 0.75     dotted
//   NoteDuration{"8t"}.seconds(120.0)   -> 0.1667   an eighth of a triplet
//   NoteDuration{"0.3"}.seconds(90.0)   -> 0.3      seconds, as Tone.js reads a number ("0.3s" too)
//   NoteDuration{250ms}.seconds(90.0)   -> 0.25
//   NoteDuration{"4x"}.seconds(120.0)   -> error: "4x" is not a duration: …
//
// Text converts implicitly, so a call reads engine.playNote("C4", "8n", 0.7); text that is no
// duration is reported, with the text, when the length is asked for.

#include <chrono>
#include <string_view>

#include "mos/core/Result.hpp"

namespace mos::engine {

class NoteDuration {
public:
    // "1n", "2n", "4n", "8n", "16n", "32n", "64n", each dotted ("4n.") or a triplet ("8t"); or
    // seconds ("0.5", "0.5s"). Thread: any. RT-safe: no.
    NoteDuration(std::string_view text);  // NOLINT(google-explicit-constructor): "8n" is a duration
    NoteDuration(const char* text) : NoteDuration{std::string_view{text}} {}  // NOLINT(google-explicit-constructor)
    template <typename Rep, typename Period>
    NoteDuration(std::chrono::duration<Rep, Period> time)  // NOLINT(google-explicit-constructor)
        : NoteDuration{std::chrono::duration_cast<std::chrono::duration<double>>(time)} {}
    NoteDuration(std::chrono::duration<double> time);  // NOLINT(google-explicit-constructor)

    // The length in seconds at `quarterBpm` quarter notes a minute. Errors name the text that is no
    // duration, or a time that is not positive. Thread: any. RT-safe: no.
    core::Result<double> seconds(double quarterBpm) const;

private:
    struct Length {
        double amount = 0.0;     // whole notes, or seconds
        bool wholeNotes = true;  // a note value, following the tempo
    };

    core::Result<Length> length_;
};

}  // namespace mos::engine
