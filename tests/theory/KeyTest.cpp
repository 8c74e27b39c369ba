#include "mos/theory/Key.hpp"

#include <gtest/gtest.h>

namespace mos::theory {
namespace {

Key key(const char* text) { return *Key::parse(text); }

TEST(KeyTest, ParsesTheWaysKeysAreWritten) {
    EXPECT_EQ(key("G"), (Key{*NoteName::parse("G"), Mode::Major}));
    EXPECT_EQ(key("G major"), key("G"));
    EXPECT_EQ(key("Gmaj"), key("G"));
    EXPECT_EQ(key("Em"), (Key{*NoteName::parse("E"), Mode::Minor}));
    EXPECT_EQ(key("E minor"), key("Em"));
    EXPECT_EQ(key("e"), key("Em"));
    EXPECT_EQ(key("f#"), key("F#m"));
    EXPECT_EQ(key("D dorian"), (Key{*NoteName::parse("D"), Mode::Dorian}));
    EXPECT_EQ(key("Bb Mix"), (Key{*NoteName::parse("Bb"), Mode::Mixolydian}));
    for (const char* bad : {"", "H", "G majestic", "e minor", "Gm7"}) EXPECT_FALSE(Key::parse(bad)) << bad;
}

TEST(KeyTest, SignaturesForEveryMode) {
    EXPECT_EQ(key("C").signature(), 0);
    EXPECT_EQ(key("Bb major").signature(), -2);
    EXPECT_EQ(key("F# minor").signature(), 3);
    EXPECT_EQ(key("D dorian").signature(), 0);
    EXPECT_EQ(key("A mixolydian").signature(), 2);
    EXPECT_EQ(key("E phrygian").signature(), 0);
    EXPECT_EQ(key("F lydian").signature(), 0);
    EXPECT_EQ(key("B locrian").signature(), 0);
    EXPECT_EQ(key("G# major").signature(), 8);
    for (int fifths = -7; fifths <= 7; ++fifths) {
        for (const Mode mode : {Mode::Major, Mode::Minor, Mode::Dorian, Mode::Mixolydian}) {
            EXPECT_EQ(Key::fromSignature(fifths, mode).signature(), fifths);
        }
    }
    EXPECT_EQ(Key::fromSignature(3, Mode::Minor).toString(), "F# minor");
    EXPECT_EQ(Key::fromSignature(-6, Mode::Major).toString(), "Gb major");
    EXPECT_EQ(Key::fromSignature(-1, Mode::Dorian).toString(), "G dorian");
}

TEST(KeyTest, SpellsDegreesInTheKey) {
    EXPECT_EQ(key("E dorian").degree(3).toString(), "G");
    EXPECT_EQ(key("E dorian").degree(6).toString(), "C#");
    EXPECT_EQ(key("Ab major").degree(4).toString(), "Db");
    EXPECT_EQ(key("C# minor").degree(7).toString(), "B");
    EXPECT_EQ(key("C# minor").degree(8).toString(), "C#");
    EXPECT_EQ(key("C# minor").degree(0).toString(), "B");
}

TEST(KeyTest, SignatureAlterationsPerLetter) {
    const Key a = key("A major");  // F# C# G#
    EXPECT_EQ(a.signatureAlter(Step::F), 1);
    EXPECT_EQ(a.signatureAlter(Step::C), 1);
    EXPECT_EQ(a.signatureAlter(Step::G), 1);
    EXPECT_EQ(a.signatureAlter(Step::D), 0);
    const Key f = key("F minor");  // Bb Eb Ab Db
    EXPECT_EQ(f.signatureAlter(Step::B), -1);
    EXPECT_EQ(f.signatureAlter(Step::D), -1);
    EXPECT_EQ(f.signatureAlter(Step::G), 0);
    EXPECT_EQ(key("G# major").signatureAlter(Step::F), 2);  // eight sharps: F double sharp
    // Every degree of every key agrees with its signature.
    for (int fifths = -7; fifths <= 7; ++fifths) {
        const Key major = Key::fromSignature(fifths, Mode::Major);
        for (int d = 1; d <= 7; ++d) {
            const NoteName name = major.degree(d);
            EXPECT_EQ(major.signatureAlter(name.step), name.alter) << major.toString() << " degree " << d;
        }
    }
}

TEST(KeyTest, RelativeAndParallelKeys) {
    EXPECT_EQ(key("A minor").relative(), key("C major"));
    EXPECT_EQ(key("Eb major").relative(), key("C minor"));
    EXPECT_EQ(key("D dorian").relative(), key("C major"));
    EXPECT_EQ(key("C major").parallel(), key("C minor"));
    EXPECT_EQ(modeName(Mode::Mixolydian), "mixolydian");
    EXPECT_EQ(modeFromName("MIN"), Mode::Minor);
}

}  // namespace
}  // namespace mos::theory
