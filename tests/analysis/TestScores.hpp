#pragma once

// Small scores for the analysis tests: built by hand (support/ScoreBuilders.hpp) where the model
// itself is under test, or read from a few lines of ABC where only the music matters.

#include <cstdint>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "mos/core/Rational.hpp"
#include "mos/formats/ScoreFile.hpp"
#include "mos/score/Score.hpp"
#include "support/ScoreBuilders.hpp"

namespace mos::analysis::testing {

using mos::test::measures;
using mos::test::note;

// The first tune of an ABC text; fails the test when it does not read.
inline score::Score abc(std::string_view text) {
    auto read = formats::readScoreBytes(text, "test.abc");
    EXPECT_TRUE(read) << (read ? "" : read.error().describe());
    if (!read || read->imported.scores.empty()) return {};
    return read->imported.scores.front();
}

}  // namespace mos::analysis::testing
