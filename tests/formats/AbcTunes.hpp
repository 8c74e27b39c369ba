#pragma once

// Test helpers for scores read from ABC: a tune read from a small book, and a part's notes,
// durations and places as short strings that compare exactly.

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "mos/formats/AbcReader.hpp"

namespace mos::formats::abctest {

// The one tune of a small book; fails the test when the book does not read.
inline score::Score tune(std::string_view abc) {
    auto book = readAbc(abc, "t.abc");
    EXPECT_TRUE(book.ok()) << (book.ok() ? "" : book.error().describe());
    if (!book.ok() || book->scores.empty()) return {};
    return std::move(book->scores.front());
}

// The events of a part as text: "F#4" for a note, "C4+E4" for a chord, "z" for a rest; grace
// notes left out unless asked for.
inline std::vector<std::string> notes(const score::Part& part, bool graces = false) {
    std::vector<std::string> out;
    for (const score::Event& event : part.events) {
        if (event.grace && !graces) continue;
        std::string text = event.grace ? "~" : "";
        for (const score::Note& note : event.notes)
            text += (text.empty() || text == "~" ? "" : "+") + note.pitch.toString();
        out.push_back(event.notes.empty() ? "z" : text);
    }
    return out;
}

inline std::vector<std::string> durations(const score::Part& part) {
    std::vector<std::string> out;
    for (const score::Event& event : part.events) {
        if (!event.grace) out.push_back(event.duration.toString());
    }
    return out;
}

inline std::vector<std::string> offsets(const score::Part& part) {
    std::vector<std::string> out;
    for (const score::Event& event : part.events) {
        out.push_back(std::to_string(event.measure) + "@" + event.offset.toString());
    }
    return out;
}

inline std::vector<std::string> measureNumbers(const score::Score& score) {
    std::vector<std::string> out;
    out.reserve(score.timeline.measures.size());
    for (const score::Measure& measure : score.timeline.measures) out.push_back(measure.number);
    return out;
}

inline std::vector<std::string> measureLengths(const score::Score& score) {
    std::vector<std::string> out;
    out.reserve(score.timeline.measures.size());
    for (const score::Measure& measure : score.timeline.measures) out.push_back(measure.duration.toString());
    return out;
}

inline std::vector<std::string> messages(const std::vector<core::Error>& errors) {
    std::vector<std::string> out;
    out.reserve(errors.size());
    for (const core::Error& error : errors) out.push_back(error.describe());
    return out;
}

}  // namespace mos::formats::abctest
