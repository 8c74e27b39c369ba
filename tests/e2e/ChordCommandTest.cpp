// `mos chord` run as a user would: naming notes (with and without a key) and spelling symbols.

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/RunMos.hpp"
#include "support/ParsedJson.hpp"

namespace mos::test {
namespace {

ParsedJson chordJson(const std::vector<std::string>& arguments) {
    std::vector<std::string> command{"chord"};
    command.insert(command.end(), arguments.begin(), arguments.end());
    command.emplace_back("--json");
    const MosRun run = runMos(command);
    EXPECT_EQ(run.exitStatus, 0) << run.err;
    return ParsedJson{run.out};
}

std::string bestSymbol(const std::vector<std::string>& notes) {
    const ParsedJson named = chordJson(notes);
    return std::string{std::string_view(named["candidates"].at(0)["symbol"])};
}

TEST(ChordCommandTest, NamesNotesWithRankedCandidatesAndConfidences) {
    const ParsedJson named = chordJson({"C4", "E4", "G4", "Bb4"});
    EXPECT_EQ(compactJson(named["notes"]), R"(["C4","E4","G4","Bb4"])");
    EXPECT_TRUE(named["key"].is_null());
    const auto candidates = named["candidates"].get_array().value();
    ASSERT_GE(candidates.size(), 2U);
    EXPECT_EQ(std::string_view(candidates.at(0)["symbol"]), "C7");
    EXPECT_EQ(std::string_view(candidates.at(0)["quality"]), "dominant");
    EXPECT_EQ(compactJson(candidates.at(0)["pitch_classes"]), "[0,4,7,10]");
    double total = 0;
    double previous = 1;
    for (const auto candidate : candidates) {
        const double confidence = candidate["confidence"].get_double().value();
        EXPECT_GT(confidence, 0);
        EXPECT_LE(confidence, previous);  // best first
        previous = confidence;
        total += confidence;
    }
    EXPECT_LE(total, 1.0001);
}

TEST(ChordCommandTest, TheBassDecidesAndNotesMayBeNamesOrMidiNumbers) {
    EXPECT_EQ(bestSymbol({"C", "E", "G", "A"}), "C6");
    EXPECT_EQ(bestSymbol({"A", "C", "E", "G"}), "Am7");
    EXPECT_EQ(bestSymbol({"E3", "G3", "C4"}), "C/E");
    EXPECT_EQ(bestSymbol({"62", "66", "69"}), "D");
}

TEST(ChordCommandTest, TheKeySpellsTheNotesAndTheChord) {
    const ParsedJson named = chordJson({"63", "67", "70", "73", "--key", "Ab"});
    EXPECT_EQ(std::string_view(named["key"]), "Ab major");
    EXPECT_EQ(compactJson(named["notes"]), R"(["Eb4","G4","Bb4","Db5"])");
    EXPECT_EQ(std::string_view(named["candidates"].at(0)["symbol"]), "Eb7");
}

TEST(ChordCommandTest, ParsesASymbolIntoItsNotesAndStructure) {
    const ParsedJson chord = chordJson({"--parse", "C7b9/E"});
    EXPECT_EQ(std::string_view(chord["root"]), "C");
    EXPECT_EQ(std::string_view(chord["quality"]), "dominant");
    EXPECT_EQ(std::string_view(chord["bass"]), "E");
    EXPECT_EQ(compactJson(chord["pitch_classes"]), "[0,1,4,7,10]");
    EXPECT_EQ(compactJson(chord["notes"]), R"(["E3","C4","E4","G4","Bb4","Db5"])");

    const ParsedJson halfDiminished = chordJson({"--parse", "F#ø7"});
    EXPECT_EQ(std::string_view(halfDiminished["root"]), "F#");
    EXPECT_EQ(std::string_view(halfDiminished["quality"]), "half-diminished");
    EXPECT_TRUE(halfDiminished["bass"].is_null());
    EXPECT_EQ(std::string_view(halfDiminished["symbol"]), "F#m7b5");

    const ParsedJson noChord = chordJson({"--parse", "N.C."});
    EXPECT_TRUE(noChord["no_chord"].get_bool().value());
    EXPECT_EQ(compactJson(noChord["pitch_classes"]), "[]");
}

TEST(ChordCommandTest, PrintsReadableTextWithoutJson) {
    const MosRun named = runMos({"chord", "C4", "E4", "G4", "Bb4"});
    EXPECT_EQ(named.exitStatus, 0) << named.err;
    EXPECT_EQ(named.out.substr(0, named.out.find(' ')), "C7");
    const MosRun parsed = runMos({"chord", "--parse", "Dm7/C"});
    EXPECT_EQ(parsed.exitStatus, 0) << parsed.err;
    EXPECT_NE(parsed.out.find("notes      C4 D4 F4 A4 C5"), std::string::npos) << parsed.out;
}

TEST(ChordCommandTest, BadInputGetsAClearErrorAndAFailingStatus) {
    const MosRun symbol = runMos({"chord", "--parse", "C7q"});
    EXPECT_EQ(symbol.exitStatus, 1);
    EXPECT_NE(symbol.err.find("unexpected 'q'"), std::string::npos) << symbol.err;
    EXPECT_NE(symbol.err.find(":3"), std::string::npos) << symbol.err;  // the column

    const MosRun note = runMos({"chord", "C4", "H4"});
    EXPECT_EQ(note.exitStatus, 1);
    EXPECT_NE(note.err.find("\"H4\" is not a note"), std::string::npos) << note.err;

    EXPECT_EQ(runMos({"chord", "C4", "E4", "--key", "Q major"}).exitStatus, 2);
    EXPECT_EQ(runMos({"chord"}).exitStatus, 2);
    EXPECT_EQ(runMos({"chord", "C4", "--parse", "C"}).exitStatus, 2);
}

}  // namespace
}  // namespace mos::test
