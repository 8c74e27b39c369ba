#include "mos/core/FixedString.hpp"

#include <type_traits>

#include <gtest/gtest.h>

namespace mos::core {
namespace {

TEST(FixedStringTest, HoldsShortText) {
    const FixedString<8> s{"Cmaj7"};
    EXPECT_EQ(s.view(), "Cmaj7");
    EXPECT_EQ(s.size(), 5U);
    EXPECT_TRUE(FixedString<8>{}.empty());
    EXPECT_EQ(s, FixedString<8>{"Cmaj7"});
}

TEST(FixedStringTest, TruncatesLongText) { EXPECT_EQ(FixedString<4>{"Cmaj7#11"}.view(), "Cmaj"); }

TEST(FixedStringTest, NeverCutsAUtf8CharacterInHalf) {
    // "CΔ7": Δ is two bytes (CE 94); three bytes of room keep "CΔ", two keep only "C".
    EXPECT_EQ(FixedString<3>{"C\xCE\x94"
                             "7"}
                  .view(),
              "C\xCE\x94");
    EXPECT_EQ(FixedString<2>{"C\xCE\x94"
                             "7"}
                  .view(),
              "C");
}

TEST(FixedStringTest, IsTriviallyCopyableForRings) { static_assert(std::is_trivially_copyable_v<FixedString<24>>); }

}  // namespace
}  // namespace mos::core
