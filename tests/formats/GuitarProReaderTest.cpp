// The Guitar Pro reader on small hand-built files: versions, song information, the timeline from
// the measure headers, tracks, and what bad input gets. Beats, notes and their effects are in
// GuitarProBeatTest.cpp.

#include "mos/formats/GuitarProReader.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "formats/GuitarProTestFiles.hpp"

namespace mos::formats {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the file writer's vocabulary
using core::Rational;
using score::NavigationKind;

const BeatSpec kQuarter{.duration = 0, .notes = {{.string = 1, .fret = 0}}};

TEST(GuitarProReaderTest, ReadsEveryVersionFromItsHeader) {
    for (const auto& [major, minor] : {std::pair{3, 0}, {4, 0}, {4, 6}, {5, 0}, {5, 10}}) {
        SCOPED_TRACE(std::to_string(major) + "." + std::to_string(minor));
        const auto score = readClean(oneBarSong(major, minor, {{kQuarter}}));
        ASSERT_EQ(score.parts.size(), 1U);
        ASSERT_EQ(score.parts[0].events.size(), 1U);
        EXPECT_EQ(score.parts[0].events[0].notes[0].pitch.midiNumber(), 64);
    }
}

TEST(GuitarProReaderTest, ReadsAGuitarPro5Clipboard) {
    GpWriter w{5, 20};
    w.version("CLIPBOARD GP 5.2");
    w.i32(7).i32(8).i32(1).i32(1).i32(1).i32(1).i32(0);  // bars 7…8 of track 1, whole bars
    w.songAfterVersion({.measures = 2});
    w.measureHeader({.numerator = 4, .denominator = 4});
    w.measureHeader({});
    w.track({});
    w.bar({{kQuarter}});
    w.bar({{kQuarter}});
    const auto score = readClean(w, "bars.tmp");
    ASSERT_EQ(score.timeline.measures.size(), 2U);
    EXPECT_EQ(score.timeline.measures[0].number, "7");
    EXPECT_EQ(score.timeline.measures[1].number, "8");
    EXPECT_EQ(score.parts[0].events.size(), 2U);
}

TEST(GuitarProReaderTest, RefusesVersionsItDoesNotRead) {
    for (const std::string header :
         {"FICHIER GUITARE PRO v1.04", "FICHIER GUITAR PRO v2.21", "FICHIER GUITAR PRO v6.00", "CLIPBOARD GUITAR PRO 4",
          "PK\x03\x04 a zip archive"}) {
        GpWriter w{5, 10};
        w.version(header);
        w.zeros(100);
        const auto imported = readGuitarPro(w.bytes(), "old.gtp");
        ASSERT_FALSE(imported.ok()) << header;
        EXPECT_EQ(imported.error().code, core::ErrorCode::Unsupported) << header;
        EXPECT_EQ(imported.error().where.file, "old.gtp");
        EXPECT_NE(imported.error().message.find(header), std::string::npos) << imported.error().message;
    }
}

TEST(GuitarProReaderTest, MapsSongInformation) {
    const SongSpec song{.title = "Title",
                        .subtitle = "Sub",
                        .artist = "Artist",
                        .album = "Album",
                        .words = "Lyricist",
                        .music = "Composer",
                        .copyright = "(c) 2024",
                        .tab = "Transcriber",
                        .instructions = "Slowly",
                        .notice = {"line \"one\"", "caf\xE9"}};
    const auto score = readClean(oneBarSong(5, 10, {{kQuarter}}, {}, song));
    EXPECT_EQ(score.metadata.title, "Title");
    EXPECT_EQ(score.metadata.subtitle, "Sub");
    EXPECT_EQ(score.metadata.composer, "Artist");
    EXPECT_EQ(score.metadata.source, "Album");
    EXPECT_EQ(score.metadata.lyricist, "Lyricist");
    EXPECT_EQ(score.metadata.copyright, "(c) 2024");
    // Windows-1252 "é" arrives as UTF-8; what UMF has no field for is kept as JSON.
    EXPECT_EQ(score.extensions.at("guitarpro"),
              R"({"version":"FICHIER GUITAR PRO v5.10","music":"Composer","transcriber":"Transcriber",)"
              R"("instructions":"Slowly","notice":["line \"one\"","café"]})");
}

TEST(GuitarProReaderTest, TakesTheComposerFromMusicWhenThereIsNoArtist) {
    const auto score = readClean(oneBarSong(5, 0, {{kQuarter}}, {}, {.music = "Composer"}));
    EXPECT_EQ(score.metadata.composer, "Composer");
    EXPECT_EQ(score.extensions.at("guitarpro"), R"({"version":"FICHIER GUITAR PRO v5.00"})");
}

TEST(GuitarProReaderTest, MapsTempoKeyAndTripletFeel) {
    auto gp4 = readClean(oneBarSong(4, 6, {{kQuarter}}, {}, {.tripletFeel = true, .tempo = 96, .key = -3}));
    const auto& first = gp4.timeline.measures.at(0);
    ASSERT_EQ(first.tempos.size(), 1U);
    EXPECT_EQ(first.tempos[0].quarterBpm(), Rational{96});
    ASSERT_EQ(first.keys.size(), 1U);
    EXPECT_EQ(first.keys[0].key.fifths, -3);
    EXPECT_EQ(gp4.parts[0].events[0].notes[0].pitch.toString(), "E4");
    ASSERT_EQ(gp4.layers.notation.texts.size(), 1U);
    EXPECT_EQ(gp4.layers.notation.texts[0].text, "Triplet feel (eighths)");

    auto gp5 = readClean(oneBarSong(5, 10, {{kQuarter}}, {}, {.tempoName = "Allegro", .tempo = 140}));
    EXPECT_EQ(gp5.timeline.measures.at(0).tempos.at(0).text, "Allegro");
    EXPECT_EQ(gp5.timeline.measures.at(0).tempos.at(0).beatsPerMinute, Rational{140});
}

// Three bars: a 3/4 bar that opens a repeat with a marker, a D minor bar with a double bar, and a
// bar that closes the repeat to be played three times.
GpWriter measureHeaderSong(int major, int minor) {
    GpWriter w{major, minor};
    w.song({.measures = 3});
    w.measureHeader({.numerator = 3, .denominator = 4, .repeatStart = true, .marker = "Verse"});
    w.measureHeader({.key = std::pair<std::int8_t, std::uint8_t>{-1, 1}, .doubleBar = true});
    w.measureHeader({.numerator = 4, .repeatEnd = static_cast<std::uint8_t>(major >= 5 ? 3 : 2)});
    w.track({});
    for (int i = 0; i < 3; ++i) w.bar({{{.notes = {{.string = 1, .fret = 2}}}}});
    return w;
}

TEST(GuitarProReaderTest, MapsMeasureHeaders) {
    for (const auto& [major, minor] : {std::pair{3, 0}, {4, 6}, {5, 0}, {5, 10}}) {
        SCOPED_TRACE(std::to_string(major) + "." + std::to_string(minor));
        const auto score = readClean(measureHeaderSong(major, minor));
        const auto& measures = score.timeline.measures;
        ASSERT_EQ(measures.size(), 3U);
        EXPECT_EQ(measures[0].number, "1");
        EXPECT_EQ(measures[0].time, (score::TimeSignature{3, 4}));
        EXPECT_EQ(measures[0].duration, Rational(3, 4));
        EXPECT_TRUE(measures[0].repeatStart);
        EXPECT_FALSE(measures[1].time.has_value());
        EXPECT_EQ(measures[1].duration, Rational(3, 4));
        ASSERT_EQ(measures[1].keys.size(), 1U);
        EXPECT_EQ(measures[1].keys[0].key.fifths, -1);
        EXPECT_EQ(measures[1].keys[0].key.mode, score::Mode::Minor);
        EXPECT_EQ(measures[1].barline, "light-light");
        EXPECT_EQ(measures[2].time, (score::TimeSignature{4, 4}));
        EXPECT_EQ(measures[2].repeatEnd, 3);  // GP5 stores passes, GP3/GP4 repeats
        ASSERT_EQ(score.layers.markers.size(), 1U);
        EXPECT_EQ(score.layers.markers[0].label, "Verse");
        EXPECT_EQ(score.layers.markers[0].at.measure, 0U);
        // Pitches are spelled in the key of their bar: F#4 in C major, Gb4 in D minor.
        EXPECT_EQ(score.parts[0].events[0].notes[0].pitch.toString(), "F#4");
        EXPECT_EQ(score.parts[0].events[1].notes[0].pitch.toString(), "Gb4");
    }
}

TEST(GuitarProReaderTest, TurnsEndingBitmasksIntoVoltas) {
    GpWriter w{5, 10};
    w.song({.measures = 4});
    w.measureHeader({.numerator = 4, .denominator = 4, .repeatStart = true});
    w.measureHeader({.repeatEnd = 3, .ending = 0b011});
    w.measureHeader({.ending = 0b100});
    w.measureHeader({.ending = 0b100});
    w.track({});
    for (int i = 0; i < 4; ++i) w.bar({{kQuarter}});
    const auto score = readClean(w);
    ASSERT_EQ(score.timeline.endings.size(), 2U);
    EXPECT_EQ(score.timeline.endings[0], (score::Ending{1, 1, {1, 2}, "1, 2.", false}));
    EXPECT_EQ(score.timeline.endings[1], (score::Ending{2, 3, {3}, "3.", true}));
}

TEST(GuitarProReaderTest, NumbersGp3EndingsAfterTheOnesTaken) {
    // GP3/GP4 store the highest ending: "2" after a bar with ending 1 is ending 2 alone.
    GpWriter w{3, 0};
    w.song({.measures = 4});
    w.measureHeader({.numerator = 4, .denominator = 4, .repeatStart = true});
    w.measureHeader({.repeatEnd = 1, .ending = 1});
    w.measureHeader({.repeatEnd = 1, .ending = 2});
    w.measureHeader({.ending = 3});
    w.track({});
    for (int i = 0; i < 4; ++i) w.bar({{kQuarter}});
    const auto score = readClean(w, "test.gp3");
    ASSERT_EQ(score.timeline.endings.size(), 3U);
    EXPECT_EQ(score.timeline.endings[0].numbers, (std::vector<std::uint8_t>{1}));
    EXPECT_EQ(score.timeline.endings[1].numbers, (std::vector<std::uint8_t>{2}));
    EXPECT_EQ(score.timeline.endings[2].numbers, (std::vector<std::uint8_t>{3}));
    EXPECT_TRUE(score.timeline.endings[2].open);
}

TEST(GuitarProReaderTest, Gp4EndingGroupsEndAtTheSectionBody) {
    // Two repeats without a start sign, each with endings 1 and 2; the bar between them is the
    // second section's body, so its "1" is a new ending 1, not one already taken.
    GpWriter w{4, 6};
    w.song({.measures = 6});
    w.measureHeader({.numerator = 4, .denominator = 4});
    w.measureHeader({.repeatEnd = 1, .ending = 1});
    w.measureHeader({.ending = 2});
    w.measureHeader({});
    w.measureHeader({.repeatEnd = 1, .ending = 1});
    w.measureHeader({.ending = 2});
    w.track({});
    for (int i = 0; i < 6; ++i) w.bar({{kQuarter}});
    const auto score = readClean(w, "test.gp4");
    EXPECT_EQ(
        score.timeline.endings,
        (std::vector<score::Ending>{
            {1, 1, {1}, "1.", false}, {2, 2, {2}, "2.", true}, {4, 4, {1}, "1.", false}, {5, 5, {2}, "2.", true}}));
}

TEST(GuitarProReaderTest, Gp4EndingsAfterSeveralRepeatsTakeWhatIsLeft) {
    // |: A | B "3" :| C "4" :| D "8" | E |: F | G "1" | H :| I "2": D follows two bars that close the
    // repeat, and H, which closes the second repeat without a number, belongs to G's ending.
    GpWriter w{4, 6};
    w.song({.measures = 9});
    w.measureHeader({.numerator = 4, .denominator = 4, .repeatStart = true});
    w.measureHeader({.repeatEnd = 1, .ending = 3});
    w.measureHeader({.repeatEnd = 1, .ending = 4});
    w.measureHeader({.ending = 8});
    w.measureHeader({});
    w.measureHeader({.repeatStart = true});
    w.measureHeader({.ending = 1});
    w.measureHeader({.repeatEnd = 1});
    w.measureHeader({.ending = 2});
    w.track({});
    for (int i = 0; i < 9; ++i) w.bar({{kQuarter}});
    const auto score = readClean(w, "test.gp4");
    EXPECT_EQ(score.timeline.endings, (std::vector<score::Ending>{{1, 1, {1, 2, 3}, "1, 2, 3.", false},
                                                                  {2, 2, {4}, "4.", false},
                                                                  {3, 3, {5, 6, 7, 8}, "5, 6, 7, 8.", true},
                                                                  {6, 6, {1}, "1.", true},
                                                                  {8, 8, {2}, "2.", true}}));
}

TEST(GuitarProReaderTest, PlacesGp5Directions) {
    SongSpec song{.measures = 3};
    song.directions[2] = 1;   // segno in bar 1
    song.directions[17] = 2;  // to coda at the end of bar 2
    song.directions[0] = 3;   // the coda in bar 3
    song.directions[10] = 2;  // D.S. al coda at the end of bar 2
    GpWriter w{5, 10};
    w.song(song);
    w.measureHeader({.numerator = 2, .denominator = 4});
    w.measureHeader({});
    w.measureHeader({});
    w.track({});
    for (int i = 0; i < 3; ++i) w.bar({{kQuarter}});
    const auto score = readClean(w);
    const auto& measures = score.timeline.measures;
    EXPECT_EQ(measures[0].navigation, (std::vector<score::Navigation>{{NavigationKind::Segno, {}, "Segno"}}));
    EXPECT_EQ(measures[1].navigation,
              (std::vector<score::Navigation>{{NavigationKind::DalSegnoAlCoda, Rational(1, 2), "D.S. al Coda"},
                                              {NavigationKind::ToCoda, Rational(1, 2), "To Coda"}}));
    EXPECT_EQ(measures[2].navigation, (std::vector<score::Navigation>{{NavigationKind::Coda, {}, "Coda"}}));
}

TEST(GuitarProReaderTest, WarnsAboutADirectionPastTheLastBar) {
    SongSpec song;
    song.directions[4] = 9;  // fine in bar 9 of 1
    const auto imported = readGuitarPro(oneBarSong(5, 10, {{kQuarter}}, {}, song).bytes(), "test.gp5");
    ASSERT_TRUE(imported.ok());
    ASSERT_EQ(imported->warnings.size(), 1U);
    EXPECT_NE(imported->warnings[0].message.find("Fine"), std::string::npos);
    EXPECT_TRUE(imported->scores[0].timeline.measures[0].navigation.empty());
}

TEST(GuitarProReaderTest, MapsTracks) {
    SongSpec song{.tracks = 3};
    song.programs[2] = 33;  // port 1, channel 3: fingered bass
    GpWriter w{5, 10};
    w.song(song);
    w.measureHeader({.numerator = 4, .denominator = 4});
    w.track({.name = "Lead", .capo = 2});
    w.track({.name = "Bass", .tuning = {43, 38, 33, 28}, .channel = 3});
    w.track({.name = "Drums", .tuning = {0, 0, 0, 0, 0, 0}, .channel = 10, .drums = true});
    w.bar({{{.notes = {{.string = 2, .fret = 1}}}}});
    w.bar({{{.notes = {{.string = 4, .fret = 3}}}}});
    w.bar({{{.notes = {{.string = 1, .fret = 38}}}}});
    const auto score = readClean(w);
    ASSERT_EQ(score.parts.size(), 3U);

    const auto& lead = score.parts[0];
    EXPECT_EQ(lead.id, "P1");
    EXPECT_EQ(lead.name, "Lead");
    EXPECT_EQ(lead.capo, 2);
    EXPECT_EQ(lead.instrument.gmProgram, 25);
    EXPECT_EQ(lead.instrument.midiChannel, 1);
    ASSERT_EQ(lead.tuning.size(), 6U);
    EXPECT_EQ(lead.tuning.front().toString(), "E4");  // string 1, the highest
    EXPECT_EQ(lead.tuning.back().toString(), "E2");
    // B3 open + capo 2 + fret 1 sounds D4; the tab keeps the fret above the capo.
    const auto& leadNote = lead.events.at(0).notes.at(0);
    EXPECT_EQ(leadNote.pitch.midiNumber(), 59 + 2 + 1);
    EXPECT_EQ(tabOf(score, leadNote.id)->fret, 1);
    EXPECT_EQ(tabOf(score, leadNote.id)->string, 2);

    const auto& bass = score.parts[1];
    EXPECT_EQ(bass.instrument.gmProgram, 33);
    EXPECT_EQ(bass.tuning.size(), 4U);
    EXPECT_EQ(bass.events.at(0).notes.at(0).pitch.toString(), "G1");

    const auto& drums = score.parts[2];
    EXPECT_TRUE(drums.instrument.percussion);
    EXPECT_EQ(drums.instrument.midiChannel, 10);
    EXPECT_TRUE(drums.tuning.empty());
    EXPECT_EQ(drums.events.at(0).notes.at(0).percussionKey, 38);  // acoustic snare
    EXPECT_EQ(drums.events[0].notes[0].pitch.toString(), "C5");   // drawn in the snare's space
    EXPECT_EQ(tabOf(score, drums.events[0].notes[0].id), nullptr);
}

TEST(GuitarProReaderTest, WarnsAboutAMidiPortThatDoesNotExist) {
    // Found by fuzzing: a port number large enough to overflow the channel table's index.
    const auto imported =
        readGuitarPro(oneBarSong(5, 10, {{kQuarter}}, {.port = 0x20000000, .channel = 3}).bytes(), "port.gp5");
    ASSERT_TRUE(imported.ok());
    ASSERT_EQ(imported->warnings.size(), 1U);
    EXPECT_NE(imported->warnings[0].message.find("port 536870912 channel 3"), std::string::npos);
    EXPECT_EQ(imported->scores[0].parts[0].instrument.gmProgram, 0);
    EXPECT_FALSE(imported->scores[0].parts[0].instrument.midiChannel.has_value());
}

TEST(GuitarProReaderTest, ReadsASongWithoutMeasuresOrTracks) {
    // Found by fuzzing: a swinging GP4 song of no bars must not mark a bar that is not there.
    GpWriter w{4, 6};
    w.song({.tripletFeel = true, .measures = 0, .tracks = 0});
    const auto score = readClean(w);
    EXPECT_TRUE(score.timeline.measures.empty());
    EXPECT_TRUE(score.parts.empty());
    EXPECT_TRUE(score.layers.notation.texts.empty());
}

TEST(GuitarProReaderTest, FailsOnEveryCutWithFileOffsetAndMeasure) {
    GpWriter w = oneBarSong(5, 10, {{kQuarter, {.duration = 1, .notes = {{.string = 3, .fret = 2}}}}});
    const auto& bytes = w.data();
    bool sawMeasure = false;
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        const auto imported = readGuitarPro(std::as_bytes(std::span{bytes.data(), size}), "cut.gp5");
        ASSERT_FALSE(imported.ok()) << "cut at " << size;
        const auto& where = imported.error().where;
        EXPECT_EQ(where.file, "cut.gp5");
        ASSERT_TRUE(where.byteOffset.has_value());
        EXPECT_LE(*where.byteOffset, static_cast<std::int64_t>(size));
        sawMeasure = sawMeasure || where.measure == "1";
    }
    EXPECT_TRUE(sawMeasure) << "a cut inside the bar names measure 1";
    const auto last = readGuitarPro(std::as_bytes(std::span{bytes.data(), bytes.size() - 1}), "cut.gp5");
    EXPECT_EQ(last.error().describe().substr(0, 7), "cut.gp5");
    EXPECT_NE(last.error().describe().find("measure 1"), std::string::npos) << last.error().describe();
}

TEST(GuitarProReaderTest, WarnsAboutBytesAfterTheLastBar) {
    GpWriter padded = oneBarSong(4, 6, {{kQuarter}});
    padded.zeros(4);  // some writers pad GP3/GP4 files with a zero integer
    readClean(padded);

    GpWriter extra = oneBarSong(5, 10, {{kQuarter}});
    const auto end = static_cast<std::int64_t>(extra.data().size());
    extra.u8(1).u8(2).u8(3);
    const auto imported = readGuitarPro(extra.bytes(), "extra.gp5");
    ASSERT_TRUE(imported.ok());
    ASSERT_EQ(imported->warnings.size(), 1U);
    EXPECT_EQ(imported->warnings[0].where.byteOffset, end);
    EXPECT_NE(imported->warnings[0].message.find("3 bytes"), std::string::npos);
}

TEST(GuitarProReaderTest, RefusesCountsTheFileCannotHold) {
    // A header claiming two billion measures fails at once, before anything is allocated for them.
    GpWriter huge{5, 10};
    huge.song({.measures = 0x7FFFFFFF});
    huge.zeros(64);
    auto imported = readGuitarPro(huge.bytes(), "huge.gp5");
    ASSERT_FALSE(imported.ok());
    EXPECT_NE(imported.error().message.find("number of measures"), std::string::npos) << imported.error().message;

    GpWriter negative{4, 6};
    negative.song({.measures = -1});
    imported = readGuitarPro(negative.bytes(), "negative.gp4");
    ASSERT_FALSE(imported.ok());
    EXPECT_NE(imported.error().message.find("negative"), std::string::npos);

    // A text whose length runs past the end of the file.
    GpWriter text{5, 10};
    text.version("FICHIER GUITAR PRO v5.10");
    text.i32(1000).u8(200).zeros(10);
    imported = readGuitarPro(text.bytes(), "text.gp5");
    ASSERT_FALSE(imported.ok());
    EXPECT_EQ(imported.error().where.byteOffset, 31);
}

TEST(GuitarProReaderTest, RefusesBrokenValuesWithTheirMeasure) {
    const auto fails = [](const GpWriter& w, const std::string& expected) {
        const auto imported = readGuitarPro(w.bytes(), "bad.gp5");
        EXPECT_FALSE(imported.ok()) << expected;
        if (imported.ok()) return core::Error{};
        EXPECT_NE(imported.error().message.find(expected), std::string::npos) << imported.error().describe();
        return imported.error();
    };
    const auto duration = fails(oneBarSong(5, 10, {{{.duration = 9}}}), "beat duration 9");
    EXPECT_EQ(duration.where.measure, "1");
    fails(oneBarSong(5, 10, {{{.tuplet = 500}}}), "tuplet 500");
    fails(oneBarSong(5, 10, {{kQuarter}}, {.tuning = {}}), "0 strings");
    fails(oneBarSong(5, 10, {{kQuarter}}, {.tuning = {64, 200}}), "string 2 to 200");

    GpWriter time{5, 10};
    time.song({});
    time.measureHeader({.numerator = 4, .denominator = 3});
    time.track({});
    time.bar({{kQuarter}});
    fails(time, "time signature 4/3");
}

// Seeds for the fuzz target: small files of every version that reach every section of the reader.
std::vector<std::pair<std::string, Bytes>> fuzzSeeds() {
    std::vector<std::pair<std::string, Bytes>> seeds;
    seeds.emplace_back("gp3-measure-headers.gp3", measureHeaderSong(3, 0).data());
    seeds.emplace_back("gp4-measure-headers.gp4", measureHeaderSong(4, 6).data());
    seeds.emplace_back("gp5-measure-headers.gp5", measureHeaderSong(5, 10).data());
    const std::vector<BeatSpec> effects{
        {.duration = 1,
         .tuplet = 3,
         .text = "let ring",
         .notes = {{.string = 1, .fret = 5, .dynamic = 4, .ghost = true}}},
        {.duration = 1, .tuplet = 3, .notes = {{.string = 1, .type = 2}}},
        {.duration = 1, .tuplet = 3, .status = 2},
        {.duration = -1, .dotted = true, .notes = {{.string = 2, .fret = 3, .accent = true}}},
    };
    seeds.emplace_back("gp5-beats.gp5", oneBarSong(5, 10, {effects, {{.duration = -2, .status = 2}}}).data());
    seeds.emplace_back("gp5-00-beats.gp5", oneBarSong(5, 0, {effects}).data());
    seeds.emplace_back("gp4-lyrics.gp4",
                       oneBarSong(4, 6, {effects}, {}, {.lyricTrack = 1, .lyrics = {{1, "Hal-le lu+jah"}}}).data());
    seeds.emplace_back("gp3-beats.gp3", oneBarSong(3, 0, {effects}).data());
    return seeds;
}

// The seeds in fuzz/seeds/guitarpro_read are exactly what this file's writer makes. Run with
// MOS_WRITE_FUZZ_SEEDS=1 to write them again after changing the writer.
TEST(GuitarProReaderTest, FuzzSeedsAreWhatTheWriterMakes) {
    const auto folder = std::filesystem::path{MOS_SOURCE_DIR} / "fuzz" / "seeds" / "guitarpro_read";
    const bool rewrite = std::getenv("MOS_WRITE_FUZZ_SEEDS") != nullptr;
    for (const auto& [name, bytes] : fuzzSeeds()) {
        SCOPED_TRACE(name);
        const auto imported = readGuitarPro(std::as_bytes(std::span{bytes}), name);
        EXPECT_TRUE(imported.ok()) << (imported.ok() ? "" : imported.error().describe());
        if (rewrite) {
            std::ofstream out{folder / name, std::ios::binary};
            out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        }
        std::ifstream in{folder / name, std::ios::binary};
        const Bytes stored{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
        EXPECT_EQ(stored, bytes) << "run the test with MOS_WRITE_FUZZ_SEEDS=1 to write " << (folder / name);
    }
}

}  // namespace
}  // namespace mos::formats
