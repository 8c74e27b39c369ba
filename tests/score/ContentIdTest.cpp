#include "mos/score/ContentId.hpp"

#include <gtest/gtest.h>

#include "UmfSamples.hpp"
#include "mos/score/UmfJson.hpp"

namespace mos::score {
namespace {

using core::Rational;

TEST(ContentIdTest, IsTheSha256OfTheCompactJson) {
    // printf '%s' '{"umf":"1.0"}' | sha256sum
    EXPECT_EQ(contentId(testing::minimalScore()),
              "sha256:38d17ef7fc70ad13a2e1ed9eac87c7fad491cb0bb8f34187f23d9cb85270be13");
}

TEST(ContentIdTest, IsStableAcrossLoadAndSave) {
    const Score original = testing::everyFieldScore();
    const std::string id = contentId(original);
    for (const UmfStyle style : {UmfStyle::Pretty, UmfStyle::Compact}) {
        const auto loaded = readUmf(writeUmf(original, style), "saved.umf.json");
        ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
        EXPECT_EQ(contentId(*loaded), id);
    }
}

TEST(ContentIdTest, IgnoresHowPluginDataWasSpaced) {
    Score spaced;
    spaced.extensions["p"] = R"({ "b": [1, 2], "a": true })";
    Score tight;
    tight.extensions["p"] = R"({"a":true,"b":[1,2]})";
    EXPECT_EQ(contentId(spaced), contentId(tight));
}

TEST(ContentIdTest, ChangesWhenAnyNoteChanges) {
    const Score original = testing::everyFieldScore();
    const std::string id = contentId(original);
    const auto changed = [&](auto&& change) {
        Score copy = original;
        change(copy.parts[0].events[1].notes[0]);
        return contentId(copy);
    };
    EXPECT_NE(changed([](Note& note) { note.pitch.alter = 0; }), id);
    EXPECT_NE(changed([](Note& note) { note.pitch.cents = 0; }), id);
    EXPECT_NE(changed([](Note& note) { note.tieStart = false; }), id);
    EXPECT_NE(changed([](Note& note) { note.velocity = 91; }), id);
    EXPECT_NE(changed([](Note& note) { note.performed->onset += Rational{1, 960}; }), id);
    EXPECT_NE(changed([](Note& note) { note.id = 40; }), id);

    Score longer = original;
    longer.parts[1].events[0].duration = Rational{3, 4};
    EXPECT_NE(contentId(longer), id);
    Score moved = original;
    moved.parts[0].events[2].offset = Rational{1, 4};
    EXPECT_NE(contentId(moved), id);
    Score retitled = original;
    retitled.metadata.title += '!';
    EXPECT_NE(contentId(retitled), id);
}

}  // namespace
}  // namespace mos::score
