#include "mos/core/Utf8.hpp"

#include <string>

#include <gtest/gtest.h>

namespace mos::core {
namespace {

TEST(Utf8Test, SequenceLengthsOfWellFormedCharacters) {
    EXPECT_EQ(utf8SequenceLength("\xC3\xA9", 0), 2U);          // é
    EXPECT_EQ(utf8SequenceLength("\xE2\x99\xAF", 0), 3U);      // ♯
    EXPECT_EQ(utf8SequenceLength("\xF0\x9D\x84\x9E", 0), 4U);  // 𝄞
    EXPECT_EQ(utf8SequenceLength("a\xC3\xA9", 1), 2U);
}

TEST(Utf8Test, MalformedSequencesHaveNoLength) {
    EXPECT_EQ(utf8SequenceLength("\xC0\xAF", 0), 0U);          // overlong '/'
    EXPECT_EQ(utf8SequenceLength("\xE0\x80\xAF", 0), 0U);      // overlong, three bytes
    EXPECT_EQ(utf8SequenceLength("\xED\xA0\x80", 0), 0U);      // a surrogate
    EXPECT_EQ(utf8SequenceLength("\xF4\x90\x80\x80", 0), 0U);  // past U+10FFFF
    EXPECT_EQ(utf8SequenceLength("\xE9", 0), 0U);              // Latin-1 é
    EXPECT_EQ(utf8SequenceLength("\xE2\x99", 0), 0U);          // cut short at the end
    EXPECT_EQ(utf8SequenceLength("\x80", 0), 0U);              // a lone continuation byte
}

TEST(Utf8Test, WholeTexts) {
    EXPECT_TRUE(isValidUtf8(""));
    EXPECT_TRUE(isValidUtf8("plain ASCII"));
    EXPECT_TRUE(isValidUtf8("Caf\xC3\xA9 \xE2\x99\xAF"));
    EXPECT_FALSE(isValidUtf8("Caf\xE9"));
    EXPECT_FALSE(isValidUtf8("ok\xC3"));
    EXPECT_TRUE(isValidUtf8(std::string{"nul\0inside", 10}));
}

}  // namespace
}  // namespace mos::core
