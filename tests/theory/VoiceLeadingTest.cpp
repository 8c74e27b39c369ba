#include "mos/theory/VoiceLeading.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "mos/core/Files.hpp"
#include "support/JazzCharts.hpp"
#include "support/RealtimeAudit.hpp"

namespace mos::theory {
namespace {

// MIDI numbers from note names, "C4 E4 G4" -> {60, 64, 67}.
std::vector<int> notes(std::string_view text) {
    std::vector<int> midi;
    while (!text.empty()) {
        const std::size_t space = text.find(' ');
        const auto pitch = Pitch::parse(text.substr(0, space));
        EXPECT_TRUE(pitch) << text;
        if (pitch) midi.push_back(pitch->midiNumber());
        text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
    }
    return midi;
}

ChordSymbol chord(std::string_view symbol) {
    const auto parsed = ChordSymbol::parse(symbol);
    EXPECT_TRUE(parsed) << symbol;
    return parsed ? *parsed : ChordSymbol{};
}

// The next voicing with as many voices as `previous` (or `voices`); empty when none fits.
std::vector<int> next(const std::vector<int>& previous, std::string_view symbol, const VoicingOptions& options = {},
                      std::size_t voices = 0) {
    std::vector<int> out(voices == 0 ? previous.size() : voices);
    const std::size_t written = nextVoicing(previous, chord(symbol), out, options);
    if (written == 0) return {};
    EXPECT_EQ(written, out.size());
    return out;
}

VoicingOptions bassRule() {
    VoicingOptions options;
    options.bassInLowestVoice = true;
    return options;
}

int pitchClassOf(int note) { return note % 12; }

// Whether the rules let a tone of the chord double in a voicing that has room for all its tones:
// the root, the perfect fifth, or the third (major, minor or suspended) where there is no fifth.
bool doublable(const ChordSymbol& symbol, int pitchClass) {
    const int root = symbol.root.pitchClass();
    const std::uint16_t tones = symbol.pitchClasses();
    const auto above = [&](int semitones) { return (tones >> ((root + semitones) % 12) & 1) != 0; };
    const int interval = (pitchClass - root + 12) % 12;
    if (interval == 0 || interval == 7) return true;
    if (above(7)) return false;
    for (const int third : {4, 3, 5, 2}) {
        if (above(third)) return interval == third;
    }
    return false;
}

TEST(VoiceLeadingTest, DistancePairsVoicesInOrder) {
    EXPECT_EQ(voiceLeadingDistance(notes("C4 E4 G4"), notes("C4 F4 A4")), 3);
    EXPECT_EQ(voiceLeadingDistance(notes("C4 F4 A4"), notes("C4 E4 G4")), 3);
    EXPECT_EQ(voiceLeadingDistance(notes("G4 C4 E4"), notes("A4 F4 C4")), 3);  // any order in, paired sorted
    EXPECT_EQ(voiceLeadingDistance(notes("C4 E4 G4"), notes("C4 E4 G4")), 0);
    EXPECT_EQ(voiceLeadingDistance(notes("D3 F3 A3 C4"), notes("D3 F3 G3 B3")), 3);
    EXPECT_EQ(voiceLeadingDistance(std::vector<int>{0}, std::vector<int>{127}), 127);
    // Sorted pairing is the cheapest of all pairings.
    std::mt19937 random{4};
    std::uniform_int_distribution<int> note{40, 80};
    for (int trial = 0; trial < 300; ++trial) {
        std::vector<int> from(4);
        std::vector<int> to(4);
        for (auto& n : from) n = note(random);
        for (auto& n : to) n = note(random);
        int cheapest = 1 << 20;
        std::sort(to.begin(), to.end());
        do {
            int total = 0;
            for (std::size_t i = 0; i < from.size(); ++i) total += std::abs(from[i] - to[i]);
            cheapest = std::min(cheapest, total);
        } while (std::next_permutation(to.begin(), to.end()));
        EXPECT_EQ(voiceLeadingDistance(from, to), cheapest);
    }
}

TEST(VoiceLeadingTest, DistanceSplitsAndMergesVoicesWhenSizesDiffer) {
    // C3 comes from C4 (12); the rest hold.
    EXPECT_EQ(voiceLeadingDistance(notes("C4 E4 G4"), notes("C3 C4 E4 G4")), 12);
    EXPECT_EQ(voiceLeadingDistance(notes("C3 C4 E4 G4"), notes("C4 E4 G4")), 12);
    // E4 and G4 both go to F4.
    EXPECT_EQ(voiceLeadingDistance(notes("C4 E4 G4"), notes("C4 F4")), 3);
    EXPECT_EQ(voiceLeadingDistance(notes("C4"), notes("C4 E4 G4")), 11);
}

TEST(VoiceLeadingTest, DistanceRefusesWhatIsNotAVoicing) {
    EXPECT_FALSE(voiceLeadingDistance({}, notes("C4")));
    EXPECT_FALSE(voiceLeadingDistance(notes("C4"), {}));
    EXPECT_FALSE(voiceLeadingDistance(std::vector<int>{60, 128}, std::vector<int>{60, 64}));
    EXPECT_FALSE(voiceLeadingDistance(std::vector<int>{-1}, std::vector<int>{60}));
    EXPECT_FALSE(voiceLeadingDistance(std::vector<int>(kMaxVoices + 1, 60), std::vector<int>{60}));
}

TEST(VoiceLeadingTest, MajorTriadToSubdominantHoldsTheCommonTone) {
    EXPECT_EQ(next(notes("C4 E4 G4"), "F"), notes("C4 F4 A4"));
    // 6 semitones either way; D4 G4 B4 moves no voice more than a tone, B3 D4 G4 moves C4 by 3.
    EXPECT_EQ(next(notes("C4 F4 A4"), "G"), notes("D4 G4 B4"));
    EXPECT_EQ(next(notes("D4 G4 B4"), "C"), notes("E4 G4 C5"));
}

TEST(VoiceLeadingTest, TwoFiveOneLeadsThirdsAndSeventhsByStep) {
    // Four voices over a separate bass, as a pianist's left hand comps: the third of each chord
    // holds as the seventh of the next, and the seventh falls a step to the next third.
    const std::vector<int> dm7 = notes("D3 F3 A3 C4");
    const std::vector<int> g7 = next(dm7, "G7");
    EXPECT_EQ(g7, notes("D3 F3 G3 B3"));
    const std::vector<int> cmaj7 = next(g7, "Cmaj7");
    EXPECT_EQ(cmaj7, notes("C3 E3 G3 B3"));
    // Dm7's third F3 holds (G7's seventh); its seventh C4 falls to B3 (G7's third).
    EXPECT_EQ(g7[1], dm7[1]);
    EXPECT_EQ(g7[3], dm7[3] - 1);
    // G7's seventh F3 falls to E3 (Cmaj7's third); its third B3 holds (Cmaj7's seventh).
    EXPECT_EQ(cmaj7[1], g7[1] - 1);
    EXPECT_EQ(cmaj7[3], g7[3]);
    EXPECT_EQ(voiceLeadingDistance(dm7, g7), 3);
    EXPECT_EQ(voiceLeadingDistance(g7, cmaj7), 3);
}

TEST(VoiceLeadingTest, BassRuleKeepsTheBassInTheLowestVoice) {
    const std::vector<int> g7 = next(notes("D3 F3 A3 C4"), "G7", bassRule());
    EXPECT_EQ(g7, notes("G2 F3 B3 D4"));  // the bass leaps down a fourth, F3 holds, the rest step
    EXPECT_EQ(next(g7, "Cmaj7", bassRule()), notes("C3 G3 B3 E4"));
    // A slash chord's bass goes in the lowest voice and, being the third, is not doubled.
    const std::vector<int> firstInversion = next(notes("C3 G3 E4 G4"), "C/E", bassRule());
    EXPECT_EQ(firstInversion, notes("E3 G3 C4 G4"));
    EXPECT_EQ(std::count_if(firstInversion.begin(), firstInversion.end(), [](int n) { return pitchClassOf(n) == 4; }),
              1);
    // Without the rule the same chord may sit on any of its tones.
    EXPECT_EQ(next(notes("C3 G3 E4 G4"), "C/E"), notes("C3 G3 E4 G4"));
}

TEST(VoiceLeadingTest, MoreTonesThanVoicesDropsTheFifthFirstThenExtensions) {
    const std::vector<int> g7 = notes("G3 B3 D4 F4");
    // G13 is G B D F A E: four voices keep root, third, seventh and the 13th.
    EXPECT_EQ(next(g7, "G13"), notes("G3 B3 E4 F4"));
    // Five keep the 9th as well; the fifth is still the one left out.
    EXPECT_EQ(next(notes("G3 B3 D4 F4 A4"), "G13"), notes("G3 B3 E4 F4 A4"));
    // Three keep root, third and seventh.
    EXPECT_EQ(next(notes("G3 B3 F4"), "G13"), notes("G3 B3 F4"));
    EXPECT_EQ(next(notes("C4 E4 G4"), "Cmaj7"), notes("C4 E4 B4"));
    // An altered tone outranks the fifth: C7#9 in four voices is C E Bb D#, G4 moving to D#4.
    EXPECT_EQ(next(notes("C4 E4 G4 Bb4"), "C7#9"), notes("C4 D#4 E4 Bb4"));
    // A 6 chord keeps its sixth as it would a seventh.
    EXPECT_EQ(next(notes("C4 E4 G4"), "C6"), notes("C4 E4 A4"));
    // Two voices: root and third.
    EXPECT_EQ(next(notes("C4 G4"), "F"), notes("A3 F4"));
}

TEST(VoiceLeadingTest, MoreVoicesThanTonesDoubleTheRootOrFifth) {
    // C7 to C: the seventh Bb4 rises a step to double the root.
    EXPECT_EQ(next(notes("C4 E4 G4 Bb4"), "C"), notes("C4 E4 G4 C5"));
    // G7 to B°: F4 may not double, so G3 falls to D3, doubling the third of a triad that has no
    // perfect fifth (the vii°6 of the textbooks) rather than leaping to the root B2.
    EXPECT_EQ(next(notes("G3 B3 D4 F4"), "B°"), notes("D3 B3 D4 F4"));
    // Asking for four voices after three: the new voice doubles the root or fifth, never the third.
    const std::vector<int> four = next(notes("C4 E4 G4"), "F", {}, 4);
    EXPECT_EQ(four, notes("C4 F4 A4 C5"));
    // Three after four merge voices: C3 holds, C4 falls to A3, E4 and G4 meet on F4.
    EXPECT_EQ(next(notes("C3 C4 E4 G4"), "F", {}, 3), notes("C3 A3 F4"));
}

TEST(VoiceLeadingTest, DoublesOtherTonesOnlyWhenTheRangeLeavesNoOtherWay) {
    VoicingOptions options;
    options.lowestNote = notes("E4")[0];
    options.highestNote = notes("E5")[0];
    // E4 … E5 holds one C and one G: the fourth voice has to double the third.
    EXPECT_EQ(next(notes("C4 E4 G4 C5"), "C", options), notes("E4 G4 C5 E5"));
    // Cm7b5 has no perfect fifth; Eb4 … Bb5 holds one C, so six voices need more than root and
    // third: the flat fifth doubles too.
    options.lowestNote = notes("Eb4")[0];
    options.highestNote = notes("Bb5")[0];
    EXPECT_EQ(next(notes("D4 F4 A4 C5 D5 F5"), "Cm7b5", options), notes("Eb4 Gb4 Bb4 C5 Eb5 Gb5"));
}

TEST(VoiceLeadingTest, StaysWithinTheRange) {
    VoicingOptions options;
    options.highestNote = notes("G4")[0];
    EXPECT_EQ(next(notes("C4 E4 G4"), "F", options), notes("A3 C4 F4"));
    options.lowestNote = notes("D4")[0];
    options.highestNote = notes("C6")[0];
    EXPECT_EQ(next(notes("C4 E4 G4"), "F", options), notes("F4 A4 C5"));
    // Too narrow for three distinct tones: nothing.
    options.lowestNote = notes("C4")[0];
    options.highestNote = notes("E4")[0];
    EXPECT_TRUE(next(notes("C4 E4 G4"), "F", options).empty());
    // The bass pitch class must fit in the range too.
    options.lowestNote = notes("G4")[0];
    options.highestNote = notes("E5")[0];
    EXPECT_TRUE(next(notes("C4 E4 G4"), "F/E",
                     [&] {
                         VoicingOptions withBass = options;
                         withBass.bassInLowestVoice = true;
                         return withBass;
                     }())
                    .empty());
}

TEST(VoiceLeadingTest, EqualMotionIsDecidedByTheStatedTieBreaks) {
    // Fewer voices moving: Eb4 G4 Bb4 (C4 up 3, E4 up 3, Bb4 holds) over G3 Eb4 Bb4 (also 2 voices
    // but a leap of 5) and Bb3 Eb4 G4 (3 voices), all 6 semitones in total.
    EXPECT_EQ(next(notes("C4 E4 Bb4"), "Eb"), notes("Eb4 G4 Bb4"));
    // A smaller largest leap: D4 F#4 A4 (2+2+2) over A3 D4 F#4 (3+2+1).
    EXPECT_EQ(next(notes("C4 E4 G4"), "D"), notes("D4 F#4 A4"));
    // Contrary motion to the bass: A2 C#4 E4 A4 (bass down, upper voices up or holding) over
    // C#3 A3 E4 A4 (bass up, C4 down, G4 up), both 6 semitones with three voices moving by at most 3.
    EXPECT_EQ(next(notes("C3 C4 E4 G4"), "A"), notes("A2 C#4 E4 A4"));
    // Last, the lower voicing: A2 C4 E4 A4 over C3 A3 E4 A4 (both 5 semitones, two voices moving 3 and 2).
    EXPECT_EQ(next(notes("C3 C4 E4 G4"), "Am"), notes("A2 C4 E4 A4"));
    // The tritone away: Bb3 Db4 Gb4 over Db4 Gb4 Bb4, equal in everything but height.
    EXPECT_EQ(next(notes("C4 E4 G4"), "Gb"), notes("Bb3 Db4 Gb4"));
    // The order of the previous notes does not matter.
    EXPECT_EQ(next(notes("G4 C4 E4"), "Gb"), notes("Bb3 Db4 Gb4"));
}

TEST(VoiceLeadingTest, TheMaskOverloadReadsTheRootFromTheBass) {
    // C E G A: over C it is C6 (three voices keep C, E and the sixth A), over A it is Am7 (A, C, G).
    const std::uint16_t cega = 0b0010'1001'0001;
    std::array<int, 3> out{};
    ASSERT_EQ(nextVoicing(notes("C4 E4 G4"), cega, 0, out), 3U);
    EXPECT_EQ(std::vector<int>(out.begin(), out.end()), notes("C4 E4 A4"));
    ASSERT_EQ(nextVoicing(notes("C4 E4 G4"), cega, 9, out), 3U);
    EXPECT_EQ(std::vector<int>(out.begin(), out.end()), notes("C4 G4 A4"));
    // The bass is added to the chord when it is not one of its tones (F over G: F A C G).
    std::array<int, 4> four{};
    VoicingOptions options = bassRule();
    ASSERT_EQ(nextVoicing(notes("C3 C4 E4 G4"), 0b0010'0010'0001, 7, four, options), 4U);
    EXPECT_EQ(std::vector<int>(four.begin(), four.end()), notes("G2 C4 F4 A4"));
}

TEST(VoiceLeadingTest, EmptyPreviousStartsFromTheMiddleOfTheRange) {
    VoicingOptions options;
    options.lowestNote = notes("C3")[0];
    options.highestNote = notes("C5")[0];  // the middle is C4
    // Three voices start from Ab3 C4 E4, the nearest C major voicing to it is G3 C4 E4.
    EXPECT_EQ(next({}, "C", options, 3), notes("G3 C4 E4"));
    // Four start from F#3 Bb3 D4 F#4; G3 B3 D4 F4 and F3 B3 D4 G4 are both 3 semitones away, and
    // the lowest voice moving against the upper ones decides for the second.
    EXPECT_EQ(next({}, "G7", options, 4), notes("F3 B3 D4 G4"));
}

TEST(VoiceLeadingTest, TenVoicesFollowTheRulesEvenWhereTheSearchStopsEarly) {
    // Ten voices over chords of few tones force doublings far apart; whatever the search returns
    // within its budget still sounds every tone, doubles only the root, fifth or third and keeps the
    // range.
    std::vector<int> voicing = notes("E2 C3 G3 C4 E4 G4 C5 E5 G5 C6");
    for (const std::string_view symbol : {"F", "Bbo7", "E+", "C7alt", "Am7", "Dm7b5", "G13", "C"}) {
        const ChordSymbol target = chord(symbol);
        std::vector<int> out(kMaxVoices);
        ASSERT_EQ(nextVoicing(voicing, target, out), kMaxVoices) << symbol;
        EXPECT_TRUE(std::is_sorted(out.begin(), out.end()));
        EXPECT_EQ(std::adjacent_find(out.begin(), out.end()), out.end()) << symbol;  // no unisons
        std::array<int, 12> count{};
        for (const int n : out) ++count[static_cast<std::size_t>(pitchClassOf(n))];
        const int root = target.root.pitchClass();
        for (int pc = 0; pc < 12; ++pc) {
            const bool tone = (target.pitchClasses() >> pc & 1) != 0;
            const int sounded = count[static_cast<std::size_t>(pc)];
            EXPECT_EQ(sounded > 0, tone) << symbol << " pitch class " << pc;
            const int interval = (pc - root + 12) % 12;
            if (interval != 0 && interval != 7 && interval != 3 && interval != 4) {
                EXPECT_LE(sounded, 1) << symbol << " pitch class " << pc;
            }
        }
        EXPECT_GE(out.front(), 21);
        EXPECT_LE(out.back(), 108);
        voicing = out;
    }
}

TEST(VoiceLeadingTest, RefusesWhatCannotBeVoiced) {
    std::array<int, 3> out{};
    EXPECT_EQ(nextVoicing(notes("C4 E4 G4"), chord("N.C."), out), 0U);
    EXPECT_EQ(nextVoicing(notes("C4 E4 G4"), 0, 0, out), 0U);
    EXPECT_EQ(nextVoicing(notes("C4 E4 G4"), chord("C"), std::span<int>{}), 0U);
    std::array<int, kMaxVoices + 1> tooMany{};
    EXPECT_EQ(nextVoicing(notes("C4 E4 G4"), chord("C"), tooMany), 0U);
    EXPECT_EQ(nextVoicing(std::vector<int>{60, 200}, chord("C"), out), 0U);
    VoicingOptions inverted;
    inverted.lowestNote = 80;
    inverted.highestNote = 70;
    EXPECT_EQ(nextVoicing(notes("C4 E4 G4"), chord("C"), out, inverted), 0U);
}

// The rules of VoiceLeading.hpp for chords with at least as many voices as tones, applied to every
// voicing in a small range, written independently of the search.
std::vector<int> bruteForce(const std::vector<int>& previous, const ChordSymbol& symbol, int lowest, int highest,
                            bool bassInLowestVoice) {
    const std::uint16_t tones = symbol.pitchClasses();
    const int root = symbol.root.pitchClass();
    const std::size_t voices = previous.size();
    using Key = std::tuple<int, int, int, int, int, std::vector<int>>;
    std::optional<Key> best;
    std::vector<int> voicing(voices);
    const auto visit = [&](auto&& self, std::size_t voice, int from) -> void {
        if (voice == voices) {
            std::uint16_t sounded = 0;
            int otherDoublings = 0;
            for (const int n : voicing) {
                const int pc = pitchClassOf(n);
                if ((sounded >> pc & 1) != 0) {
                    if (!doublable(symbol, pc)) return;
                    if (pc != root) ++otherDoublings;
                }
                sounded = static_cast<std::uint16_t>(sounded | 1 << pc);
            }
            if (sounded != tones) return;
            if (bassInLowestVoice && pitchClassOf(voicing[0]) != symbol.bassPitchClass()) return;
            int motion = 0;
            int moving = 0;
            int leap = 0;
            int similar = 0;
            const int bass = voicing[0] - previous[0];
            for (std::size_t i = 0; i < voices; ++i) {
                const int step = voicing[i] - previous[i];
                motion += std::abs(step);
                moving += step != 0 ? 1 : 0;
                leap = std::max(leap, std::abs(step));
                if (i > 0 && step != 0 && bass != 0 && (step > 0) == (bass > 0)) ++similar;
            }
            const Key key{motion, moving, leap, similar, otherDoublings, voicing};
            if (!best || key < *best) best = key;
            return;
        }
        for (int n = from; n <= highest; ++n) {
            voicing[voice] = n;
            self(self, voice + 1, n + 1);
        }
    };
    visit(visit, 0, lowest);
    return best ? std::get<5>(*best) : std::vector<int>{};
}

TEST(VoiceLeadingTest, AgreesWithBruteForceOverEveryVoicingInARange) {
    const std::vector<std::string_view> progression{"C",   "Am7",  "Dm7", "G7",    "Cmaj7", "F#m7b5", "B7",
                                                    "Em",  "A7",   "D7",  "Gsus4", "G",     "Ab",     "Fm6",
                                                    "C/E", "Bbo7", "E+",  "Dm/F",  "F6",    "C5"};
    std::mt19937 random{11};
    int voiced = 0;
    const int lowest = 48;
    const int highest = 72;
    for (const bool bassInLowestVoice : {false, true}) {
        VoicingOptions options;
        options.lowestNote = lowest;
        options.highestNote = highest;
        options.bassInLowestVoice = bassInLowestVoice;
        std::vector<int> voicing = notes("C3 G3 E4 G4");
        for (int step = 0; step < 40; ++step) {
            const ChordSymbol symbol = chord(progression[random() % progression.size()]);
            const std::vector<int> expected = bruteForce(voicing, symbol, lowest, highest, bassInLowestVoice);
            std::vector<int> got(voicing.size());
            const std::size_t written = nextVoicing(voicing, symbol, got, options);
            ASSERT_EQ(written == 0, expected.empty()) << symbol.toString();
            if (written == 0) continue;
            ASSERT_EQ(got, expected) << symbol.toString() << " after " << ::testing::PrintToString(voicing);
            voicing = got;
            ++voiced;
        }
    }
    EXPECT_EQ(voiced, 80);  // two octaves always hold four voices of these chords
}

// The chords of an iReal chart in order: every symbol that parses and sounds (alternates included:
// what matters here is a real succession of chords).
std::vector<ChordSymbol> progression(const std::string& json) {
    std::vector<ChordSymbol> chords;
    for (const std::string& symbol : test::jazzChartSymbols(json)) {
        const auto parsed = ChordSymbol::parse(symbol);
        if (parsed && !parsed->noChord) chords.push_back(*parsed);
    }
    return chords;
}

TEST(VoiceLeadingTest, VoicesEveryProgressionOfTheJazzStandards) {
    namespace fs = std::filesystem;
    const fs::path folder = fs::path{MOS_SHARED_DIR} / "corpora" / "jazz-standards";
    if (!fs::exists(folder)) GTEST_SKIP() << "no corpus at " << folder;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator{folder}) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    struct Setting {
        std::size_t voices;
        bool bassInLowestVoice;
        std::string_view start;
        long motion = 0;
        int largest = 0;
    };
    std::array<Setting, 2> settings{{{4, false, "D3 F3 A3 C4"}, {5, true, "D3 A3 C4 F4 A4"}}};
    long changes = 0;
    for (const fs::path& file : files) {
        const auto json = core::readWholeFile(file);
        ASSERT_TRUE(json) << file;
        const std::vector<ChordSymbol> chords = progression(*json);
        changes += static_cast<long>(chords.size());
        for (Setting& setting : settings) {
            VoicingOptions options;
            options.lowestNote = 36;  // C2 … C6: four octaves, so no tone ever runs short of notes
            options.highestNote = 84;
            options.bassInLowestVoice = setting.bassInLowestVoice;
            std::vector<int> voicing = notes(setting.start);
            for (const ChordSymbol& target : chords) {
                std::vector<int> out(setting.voices);
                ASSERT_EQ(nextVoicing(voicing, target, out, options), setting.voices)
                    << file.filename() << ": " << target.toString();
                const std::uint16_t tones = target.pitchClasses();
                const int root = target.root.pitchClass();
                std::array<int, 12> count{};
                for (const int n : out) ++count[static_cast<std::size_t>(pitchClassOf(n))];
                int distinct = 0;
                for (int pc = 0; pc < 12; ++pc) {
                    const int sounded = count[static_cast<std::size_t>(pc)];
                    distinct += sounded > 0 ? 1 : 0;
                    EXPECT_TRUE(sounded == 0 || (tones >> pc & 1) != 0) << target.toString();
                    EXPECT_TRUE(sounded <= 1 || doublable(target, pc)) << target.toString();
                }
                // Every tone when there are voices enough, else as many different tones as voices.
                EXPECT_EQ(distinct, std::min(std::popcount(tones), static_cast<int>(setting.voices)))
                    << target.toString();
                EXPECT_GT(count[static_cast<std::size_t>(root)], 0) << target.toString();
                if (setting.bassInLowestVoice) {
                    EXPECT_EQ(pitchClassOf(out.front()), target.bassPitchClass()) << target.toString();
                }
                EXPECT_TRUE(std::is_sorted(out.begin(), out.end()));
                EXPECT_GE(out.front(), options.lowestNote);
                EXPECT_LE(out.back(), options.highestNote);
                const int motion = *voiceLeadingDistance(voicing, out);
                setting.motion += motion;
                setting.largest = std::max(setting.largest, motion);
                voicing = out;
            }
        }
    }
    EXPECT_GT(changes, 40000);  // the charts hold about 45,000 chords
    for (const Setting& setting : settings) {
        std::printf("jazz-standards: %ld chord changes in %zu voices%s, %.2f semitones each on average, at most %d\n",
                    changes, setting.voices, setting.bassInLowestVoice ? " with the bass rule" : "",
                    static_cast<double>(setting.motion) / static_cast<double>(changes), setting.largest);
    }
}

TEST(VoiceLeadingTest, TheMaskOverloadIsRealtimeSafe) {
    const std::vector<int> previous = notes("D3 F3 A3 C4");
    const std::uint16_t g7 = chord("G7").pitchClasses();
    std::array<int, 4> out{};
    std::size_t written = 0;
    EXPECT_REALTIME_SAFE(written = nextVoicing(previous, g7, 7, out));
    EXPECT_EQ(written, 4U);
    std::optional<int> distance;
    EXPECT_REALTIME_SAFE(distance = voiceLeadingDistance(previous, out));
    EXPECT_EQ(distance, 3);
}

}  // namespace
}  // namespace mos::theory
