#pragma once

// Test helper: two Standard MIDI Files hold the same events, whatever their bytes look like.

#include <algorithm>
#include <cstddef>

#include <gtest/gtest.h>

#include "mos/formats/StandardMidiFile.hpp"

namespace mos::formats {

// The events of two files agree: ticks, kinds, statuses, data and payload contents.
inline void expectSameEvents(const StandardMidiFile& a, const StandardMidiFile& b) {
    ASSERT_EQ(a.tracks.size(), b.tracks.size());
    for (std::size_t t = 0; t < a.tracks.size(); ++t) {
        const auto& x = a.tracks[t].events;
        const auto& y = b.tracks[t].events;
        ASSERT_EQ(x.size(), y.size()) << "track " << t;
        for (std::size_t i = 0; i < x.size(); ++i) {
            EXPECT_EQ(x[i].tick, y[i].tick) << "track " << t << " event " << i;
            EXPECT_EQ(x[i].kind, y[i].kind);
            EXPECT_EQ(x[i].status, y[i].status);
            EXPECT_EQ(x[i].data1, y[i].data1);
            EXPECT_EQ(x[i].data2, y[i].data2);
            const auto p = a.payload(x[i]);
            const auto q = b.payload(y[i]);
            EXPECT_TRUE(std::equal(p.begin(), p.end(), q.begin(), q.end())) << "track " << t << " event " << i;
        }
    }
}

}  // namespace mos::formats
