#include "mos/formats/ScoreFormat.hpp"

#include <string>

#include <gtest/gtest.h>

namespace mos::formats {
namespace {

TEST(ScoreFormatTest, TheExtensionNamesTheFormat) {
    EXPECT_EQ(formatFromPath("song.umf.json"), ScoreFormat::Umf);
    EXPECT_EQ(formatFromPath("dir.v2/Song.MusicXML"), ScoreFormat::MusicXml);
    EXPECT_EQ(formatFromPath("score.xml"), ScoreFormat::MusicXml);
    EXPECT_EQ(formatFromPath("score.mxl"), ScoreFormat::CompressedMusicXml);
    EXPECT_EQ(formatFromPath("a.MID"), ScoreFormat::Midi);
    EXPECT_EQ(formatFromPath("a.midi"), ScoreFormat::Midi);
    EXPECT_EQ(formatFromPath("jigs.abc"), ScoreFormat::Abc);
    EXPECT_EQ(formatFromPath("Demo v5.gp5"), ScoreFormat::GuitarPro);
    EXPECT_EQ(formatFromPath("take.hermes.json"), ScoreFormat::HermesTimeline);
    EXPECT_EQ(formatFromPath("notes.json"), std::nullopt);
    EXPECT_EQ(formatFromPath(".mid"), std::nullopt);
    EXPECT_EQ(formatFromPath("README"), std::nullopt);
}

TEST(ScoreFormatTest, TheFirstBytesNameTheFormatWhenTheExtensionDoesNot) {
    EXPECT_EQ(sniffFormat(std::string{"MThd\0\0\0\6", 8}), ScoreFormat::Midi);
    EXPECT_EQ(sniffFormat("PK\x03\x04rest"), ScoreFormat::CompressedMusicXml);
    EXPECT_EQ(sniffFormat("\x18"
                          "FICHIER GUITAR PRO v5.00"),
              ScoreFormat::GuitarPro);
    EXPECT_EQ(sniffFormat("\xEF\xBB\xBF<?xml version=\"1.0\"?><score-partwise/>"), ScoreFormat::MusicXml);
    EXPECT_EQ(sniffFormat("\n<score-timewise version=\"3.1\">"), ScoreFormat::MusicXml);
    EXPECT_EQ(sniffFormat("\xFF\xFE<\0?\0"), ScoreFormat::MusicXml);
    EXPECT_EQ(sniffFormat("{\"umf\": \"1.0\"}"), ScoreFormat::Umf);
    EXPECT_EQ(sniffFormat("{\"version\": \"1.0\", \"events\": []}"), ScoreFormat::HermesTimeline);
    EXPECT_EQ(sniffFormat("X:1\nT:Tune\nK:G\nGABc|"), ScoreFormat::Abc);
    EXPECT_EQ(sniffFormat("%abc-2.1\n\nX:1\n"), ScoreFormat::Abc);
    EXPECT_EQ(sniffFormat("<html></html>"), std::nullopt);
    EXPECT_EQ(sniffFormat("{\"name\": 1}"), std::nullopt);
    EXPECT_EQ(sniffFormat(""), std::nullopt);
}

TEST(ScoreFormatTest, NamesRoundTripAndReadOnlyFormatsAreMarked) {
    for (const auto format :
         {ScoreFormat::Umf, ScoreFormat::MusicXml, ScoreFormat::CompressedMusicXml, ScoreFormat::Midi, ScoreFormat::Abc,
          ScoreFormat::GuitarPro, ScoreFormat::HermesTimeline}) {
        EXPECT_EQ(formatFromName(formatName(format)), format);
        EXPECT_EQ(formatFromPath("x" + std::string{preferredExtension(format)}), format);
    }
    EXPECT_FALSE(canWrite(ScoreFormat::Abc));
    EXPECT_FALSE(canWrite(ScoreFormat::GuitarPro));
    EXPECT_TRUE(canWrite(ScoreFormat::CompressedMusicXml));
    EXPECT_EQ(formatFromName("pdf"), std::nullopt);
}

}  // namespace
}  // namespace mos::formats
