#pragma once

// Small whole Guitar Pro files for the reader tests and the fuzz seeds, built with GpWriter.

#include <gtest/gtest.h>

#include "formats/GuitarProWriter.hpp"
#include "mos/formats/GuitarProReader.hpp"

namespace mos::formats::testing {

// A song of one track and one 4/4 bar holding `voices`.
inline GpWriter oneBarSong(int major, int minor, const std::vector<std::vector<BeatSpec>>& voices,
                           const TrackSpec& track = {}, SongSpec song = {}) {
    GpWriter w{major, minor};
    song.measures = 1;
    song.tracks = 1;
    w.song(song);
    w.measureHeader({.numerator = 4, .denominator = 4});
    w.track(track);
    w.bar(voices);
    return w;
}

// Reads a file that must import without warnings.
inline score::Score readClean(const GpWriter& w, const std::string& name = "test.gp5") {
    auto imported = readGuitarPro(w.bytes(), name);
    EXPECT_TRUE(imported.ok()) << (imported.ok() ? "" : imported.error().describe());
    if (!imported.ok()) return {};
    for (const auto& warning : imported->warnings) ADD_FAILURE() << warning.describe();
    EXPECT_EQ(imported->scores.size(), 1U);
    return std::move(imported->scores.front());
}

// The notes of a score's first part, in order.
inline std::vector<const score::Note*> notesOf(const score::Score& score) {
    std::vector<const score::Note*> notes;
    for (const auto& event : score.parts.at(0).events) {
        for (const auto& note : event.notes) notes.push_back(&note);
    }
    return notes;
}

inline const score::TabNote* tabOf(const score::Score& score, score::ElementId note) {
    for (const auto& tab : score.layers.tablature) {
        if (tab.note == note) return &tab;
    }
    return nullptr;
}

}  // namespace mos::formats::testing
