#pragma once

// Small scores built by hand, for tests where the model itself is under test.

#include <cstdint>
#include <string>
#include <string_view>

#include "mos/core/Rational.hpp"
#include "mos/score/Score.hpp"

namespace mos::test {

// A score of `count` measures of one meter, C major, and one empty part "P1".
inline score::Score measures(std::uint32_t count, score::TimeSignature meter = {4, 4}) {
    score::Score s;
    for (std::uint32_t m = 0; m < count; ++m) {
        score::Measure measure{.number = std::to_string(m + 1), .duration = meter.measureLength()};
        if (m == 0) {
            measure.time = meter;
            measure.keys.push_back({});
        }
        s.timeline.measures.push_back(measure);
    }
    s.parts.push_back({.id = "P1", .name = "Part 1"});
    return s;
}

// Appends a one-note event ("C4", "F#3") to a part; returns the event for further settings.
inline score::Event& note(score::Score& s, std::size_t part, std::uint32_t measure, core::Rational offset,
                          core::Rational duration, std::string_view pitch, std::uint8_t voice = 1) {
    score::Event event{.id = s.newId(), .measure = measure, .offset = offset, .duration = duration, .voice = voice};
    event.notes.push_back({.id = s.newId(), .pitch = *score::Pitch::parse(pitch)});
    s.parts.at(part).events.push_back(event);
    return s.parts.at(part).events.back();
}

// Adds a tempo mark of `quarterBpm` quarter notes per minute; with `rampToNext` the tempo moves
// evenly to the next mark (accel., rit.).
inline void tempo(score::Score& s, std::uint32_t measure, core::Rational offset, core::Rational quarterBpm,
                  bool rampToNext = false) {
    s.timeline.measures.at(measure).tempos.push_back(
        {.offset = offset, .beatsPerMinute = quarterBpm, .rampToNext = rampToNext});
}

}  // namespace mos::test
