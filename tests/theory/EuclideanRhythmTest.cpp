#include "mos/theory/EuclideanRhythm.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace mos::theory {
namespace {

std::string e(int hits, int steps, int rotation = 0) { return rhythmText(euclideanRhythm(hits, steps, rotation)); }

TEST(EuclideanRhythmTest, ToussaintsExamples) {
    EXPECT_EQ(e(3, 8), "x..x..x.");           // tresillo
    EXPECT_EQ(e(5, 8), "x.xx.xx.");           // cinquillo
    EXPECT_EQ(e(2, 5), "x.x..");              // Persian khafif-e-ramal
    EXPECT_EQ(e(3, 4), "x.xx");               // cumbia
    EXPECT_EQ(e(4, 12), "x..x..x..x..");      // evenly divisible
    EXPECT_EQ(e(5, 12), "x..x.x..x.x.");      // Venda clapping
    EXPECT_EQ(e(7, 16), "x..x.x.x..x.x.x.");  // Brazilian samba
    EXPECT_EQ(e(13, 24), "x.xx.x.x.x.x.xx.x.x.x.x.");
}

TEST(EuclideanRhythmTest, EdgesAndRotation) {
    EXPECT_EQ(e(0, 4), "....");
    EXPECT_EQ(e(4, 4), "xxxx");
    EXPECT_EQ(e(9, 4), "xxxx");
    EXPECT_EQ(e(1, 1), "x");
    EXPECT_TRUE(euclideanRhythm(3, 0).empty());
    EXPECT_EQ(e(3, 8, 1), "..x..x.x");
    EXPECT_EQ(e(3, 8, -1), ".x..x..x");
    EXPECT_EQ(e(3, 8, 8), e(3, 8));
}

TEST(EuclideanRhythmTest, OnsetsAreAsEvenAsPossible) {
    for (int steps = 1; steps <= 32; ++steps) {
        for (int hits = 1; hits <= steps; ++hits) {
            const auto pattern = euclideanRhythm(hits, steps);
            ASSERT_EQ(static_cast<int>(pattern.size()), steps);
            EXPECT_EQ(std::count(pattern.begin(), pattern.end(), true), hits);
            // The gaps between onsets (cyclically) differ by at most one step.
            std::vector<int> onsets;
            for (int i = 0; i < steps; ++i) {
                if (pattern[static_cast<std::size_t>(i)]) onsets.push_back(i);
            }
            int shortest = steps;
            int longest = 0;
            for (std::size_t i = 0; i < onsets.size(); ++i) {
                const int gap = (i + 1 < onsets.size() ? onsets[i + 1] : onsets.front() + steps) - onsets[i];
                shortest = std::min(shortest, gap);
                longest = std::max(longest, gap);
            }
            EXPECT_LE(longest - shortest, 1) << hits << "/" << steps;
        }
    }
}

}  // namespace
}  // namespace mos::theory
