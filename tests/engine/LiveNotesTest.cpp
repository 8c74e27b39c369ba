#include "mos/engine/LiveNotes.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace mos::engine {
namespace {

std::vector<int> keysOf(const std::vector<std::string>& notes) {
    const auto keys = liveKeys(notes);
    EXPECT_TRUE(keys) << keys.error().describe();
    if (!keys) return {};
    return {keys->begin(), keys->end()};
}

TEST(LiveNotesTest, PitchesAndMidiNumbersAreTheirKeys) {
    EXPECT_EQ(keysOf({"C4"}), std::vector<int>{60});
    EXPECT_EQ(keysOf({"F#3", "Bb5", "60", "0", "127"}), (std::vector<int>{54, 82, 60, 0, 127}));
}

TEST(LiveNotesTest, NamesWithoutAnOctaveAreVoicedUpwardFromOctave4) {
    EXPECT_EQ(keysOf({"C", "E", "G"}), (std::vector<int>{60, 64, 67}));
    EXPECT_EQ(keysOf({"G", "C", "E"}), (std::vector<int>{67, 72, 76}));
    EXPECT_EQ(keysOf({"C3", "E", "Bb"}), (std::vector<int>{48, 52, 58}));
    EXPECT_EQ(keysOf({"C", "C"}), (std::vector<int>{60, 72}));
    EXPECT_EQ(keysOf({"Eb"}), std::vector<int>{63});
}

TEST(LiveNotesTest, TextThatIsNoNoteIsNamedInTheError) {
    const std::vector<std::string> notes{"C4", "H4"};
    const auto keys = liveKeys(notes);
    ASSERT_FALSE(keys);
    EXPECT_EQ(keys.error().code, core::ErrorCode::InvalidArgument);
    EXPECT_EQ(keys.error().message.rfind("\"H4\" is not a note", 0), 0U) << keys.error().message;

    const std::vector<std::string> tooHigh{"C10"};
    const auto high = liveKeys(tooHigh);
    ASSERT_FALSE(high);
    EXPECT_EQ(high.error().message, "\"C10\" is outside MIDI's keys 0…127 (C-1…G9)");
    const std::vector<std::string> number{"128"};
    EXPECT_FALSE(liveKeys(number));
}

TEST(LiveNotesTest, VelocityIsMoreThanZeroAndAtMostOne) {
    EXPECT_EQ(liveVelocity(1.0).valueOr(0), 127);
    EXPECT_EQ(liveVelocity(0.8).valueOr(0), 102);
    EXPECT_EQ(liveVelocity(0.001).valueOr(0), 1);
    for (const double bad : {0.0, -0.5, 1.5}) {
        const auto velocity = liveVelocity(bad);
        ASSERT_FALSE(velocity) << bad;
        EXPECT_EQ(velocity.error().code, core::ErrorCode::OutOfRange);
    }
    EXPECT_EQ(liveVelocity(1.5).error().message, "velocity 1.5 is out of range: give more than 0 and at most 1");
}

}  // namespace
}  // namespace mos::engine
