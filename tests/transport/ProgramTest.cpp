#include "mos/transport/Program.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "support/ScoreBuilders.hpp"

namespace mos::transport {
namespace {

using core::Rational;
using core::SampleRate;
using test::measures;
using test::note;
using test::tempo;

constexpr std::int64_t kQuarterAt120 = 24000;  // samples at 48 kHz
constexpr std::int64_t kSecond = 48000;

std::vector<std::int64_t> starts(const Program& program) {
    std::vector<std::int64_t> out;
    for (const ProgramNote& n : program.notes()) out.push_back(n.startSample);
    return out;
}

TEST(ProgramTest, NotesStartOnTheSamplesTheTempoGives) {
    auto s = measures(2);
    note(s, 0, 0, 0, Rational{1, 4}, "C4");
    note(s, 0, 0, Rational{1, 4}, Rational{1, 4}, "E4");
    s.timeline.measures[1].tempos.push_back({.offset = 0, .beatUnit = Rational{1, 4}, .beatsPerMinute = 60});
    note(s, 0, 1, Rational{1, 4}, Rational{1, 2}, "G4");
    const Program program = compile(s);
    ASSERT_EQ(program.notes().size(), 3U);
    EXPECT_EQ(starts(program), (std::vector<std::int64_t>{0, kQuarterAt120, 4 * kQuarterAt120 + kSecond}));
    EXPECT_EQ(program.notes()[2].endSample, 4 * kQuarterAt120 + 3 * kSecond);
    EXPECT_EQ(program.notes()[1].key0to127, 64);
    EXPECT_EQ(program.endSample(), 4 * kQuarterAt120 + 4 * kSecond);
}

TEST(ProgramTest, TempoScaleAndSampleRateStretchTheSamples) {
    auto s = measures(1);
    note(s, 0, 0, Rational{1, 2}, Rational{1, 4}, "C4");
    const Program slow = compile(s, {.sampleRate = SampleRate{44100}, .tempoScale = Rational{1, 2}});
    EXPECT_EQ(slow.notes()[0].startSample, 2 * 44100);  // two beats at 60 BPM
}

TEST(ProgramTest, RepeatsPlayTheirNotesAgainWithTheirTempo) {
    auto s = measures(2);
    note(s, 0, 0, 0, Rational{1}, "C4");
    note(s, 0, 1, 0, Rational{1}, "D4");
    s.timeline.measures[1].tempos.push_back({.offset = 0, .beatUnit = Rational{1, 4}, .beatsPerMinute = 60});
    s.timeline.measures[1].repeatEnd = 2;
    const Program program = compile(s);
    // m1 (2 s at 120), m2 (4 s at 60), m1 again at 120, m2 again.
    EXPECT_EQ(starts(program), (std::vector<std::int64_t>{0, 96000, 288000, 384000}));
    EXPECT_EQ(program.notes()[2].performed, 2U);
    EXPECT_EQ(program.endSample(), 576000);
}

TEST(ProgramTest, ARitardandoOverFourMeasuresFollowsTheClosedForm) {
    auto s = measures(6);
    tempo(s, 0, 0, 120, true);
    tempo(s, 4, 0, 60);
    std::vector<Rational> onsets;
    for (std::uint32_t m = 0; m < 6; ++m) {
        for (int beat = 0; beat < 4; ++beat) {
            note(s, 0, m, Rational{beat, 4}, Rational{1, 8}, "C4");
            onsets.push_back(Rational{m} + Rational{beat, 4});
        }
    }
    const Program program = compile(s);
    // The tempo falls by k = 15 quarters per minute per whole note over the four measures, so the
    // first d whole notes take 240/k · ln(120 / (120 - k·d)) seconds; 60 BPM holds after them.
    constexpr double kSlope = 15.0;
    const double rampSeconds = 240.0 / kSlope * std::log(2.0);
    std::vector<std::int64_t> expected;
    for (const Rational onset : onsets) {
        const double d = onset.toDouble();
        const double seconds =
            d <= 4.0 ? 240.0 / kSlope * std::log(120.0 / (120.0 - kSlope * d)) : rampSeconds + (d - 4.0) * 4.0;
        expected.push_back(std::llround(seconds * kSecond));
    }
    EXPECT_EQ(starts(program), expected);
}

// A ramp runs to the next tempo change in performance order; a jump back into a ramp resumes at
// the ramp's tempo there, ramping on.
TEST(ProgramTest, AJumpIntoARampResumesAtTheRampsTempoThere) {
    auto s = measures(3);
    tempo(s, 0, 0, 120, true);
    tempo(s, 2, 0, 60);
    s.timeline.measures[1].repeatStart = true;
    s.timeline.measures[1].repeatEnd = 2;
    for (std::uint32_t m = 0; m < 3; ++m) note(s, 0, m, 0, Rational{1}, "C4");
    const Program program = compile(s);
    // m0 m1 | m1 m2. The repeat lands where the score's ramp is at 90 and ramps on from there; the
    // first pass ramps to that 90, the next change in performance order.
    const TempoMap performed{{{.at = 0, .quarterBpm = 120, .rampToNext = true},
                              {.at = 2, .quarterBpm = 90, .rampToNext = true},
                              {.at = 3, .quarterBpm = 60}}};
    const auto at = [&](int whole) { return performed.sampleAt(Rational{whole}, SampleRate{48000}); };
    EXPECT_EQ(starts(program), (std::vector<std::int64_t>{at(0), at(1), at(2), at(3)}));
    EXPECT_DOUBLE_EQ(program.tempoMap().quarterBpmAt(Rational{5, 2}), 75.0);
}

TEST(ProgramTest, ArticulationsShapeLengthAndLoudness) {
    auto s = measures(1);
    note(s, 0, 0, 0, Rational{1, 4}, "C4").articulations.push_back(score::Articulation::Staccato);
    note(s, 0, 0, Rational{1, 4}, Rational{1, 4}, "D4").articulations.push_back(score::Articulation::Accent);
    note(s, 0, 0, Rational{1, 2}, Rational{1, 4}, "E4").articulations.push_back(score::Articulation::Staccatissimo);
    s.parts[0].dynamics.push_back({.at = {0, 0}, .mark = "p"});
    const Program program = compile(s);
    ASSERT_EQ(program.notes().size(), 3U);
    EXPECT_EQ(program.notes()[0].endSample, kQuarterAt120 / 2);
    EXPECT_EQ(program.notes()[0].velocity1to127, 49);
    EXPECT_EQ(program.notes()[1].velocity1to127, 69);
    EXPECT_EQ(program.notes()[2].endSample - program.notes()[2].startSample, kQuarterAt120 / 4);
}

TEST(ProgramTest, TiesPlayOnce) {
    auto s = measures(2);
    note(s, 0, 0, Rational{1, 2}, Rational{1, 2}, "A4").notes[0].tieStart = true;
    note(s, 0, 1, 0, Rational{1, 4}, "A4").notes[0].tieStop = true;
    const Program program = compile(s);
    ASSERT_EQ(program.notes().size(), 1U);
    EXPECT_EQ(program.notes()[0].endSample, 5 * kQuarterAt120);
}

TEST(ProgramTest, PercussionPlaysOnChannelTenAndPartsGetTheirPrograms) {
    auto s = measures(1);
    s.parts[0].instrument.gmProgram = 40;  // violin
    note(s, 0, 0, 0, Rational{1, 4}, "C5");
    s.parts.push_back({.id = "P2"});
    s.parts[1].instrument.percussion = true;
    auto& kick = note(s, 1, 0, 0, Rational{1, 4}, "F4");
    kick.notes[0].percussionKey = 36;
    const Program program = compile(s);
    ASSERT_EQ(program.notes().size(), 2U);
    const auto drum =
        std::find_if(program.notes().begin(), program.notes().end(), [](const ProgramNote& n) { return n.part == 1; });
    EXPECT_EQ(drum->channel0to15, 9);
    EXPECT_EQ(drum->key0to127, 36);
    EXPECT_EQ(program.channelPrograms()[0], 40);
    EXPECT_EQ(program.usedChannels(), (1U << 0U) | (1U << 9U));
}

TEST(ProgramTest, ARestartedKeyCutsTheNoteBeforeIt) {
    auto s = measures(1);
    note(s, 0, 0, 0, Rational{1, 2}, "C4", 1);
    note(s, 0, 0, Rational{1, 4}, Rational{1, 4}, "C4", 2);
    note(s, 0, 0, Rational{1, 4}, Rational{1, 2}, "C4", 3);  // the same key starting together: one note
    const Program program = compile(s);
    ASSERT_EQ(program.notes().size(), 2U);
    EXPECT_EQ(program.notes()[0].endSample, kQuarterAt120);
    EXPECT_EQ(program.notes()[1].endSample, 3 * kQuarterAt120);
}

TEST(ProgramTest, BeatsFollowTheMeterAndThePickup) {
    auto s = measures(2, {3, 8});
    s.timeline.measures[0].duration = Rational{1, 8};
    const Program program = compile(s);
    std::vector<std::uint16_t> beats;
    std::vector<std::int64_t> samples;
    for (const ProgramEvent& e : program.events()) {
        if (e.kind != ProgramEvent::Kind::Beat) continue;
        beats.push_back(e.beat);
        samples.push_back(e.sample);
    }
    EXPECT_EQ(beats, (std::vector<std::uint16_t>{3, 1, 2, 3}));
    EXPECT_EQ(samples, (std::vector<std::int64_t>{0, 12000, 24000, 36000}));
}

TEST(ProgramTest, SwingDelaysOffBeatEighths) {
    auto s = measures(1);
    note(s, 0, 0, 0, Rational{1, 8}, "C4");
    note(s, 0, 0, Rational{1, 8}, Rational{1, 8}, "D4");
    const Program program = compile(s, {.swing = Rational{2, 3}});
    EXPECT_EQ(starts(program), (std::vector<std::int64_t>{0, 16000}));
    EXPECT_EQ(program.notes()[0].endSample, 16000);
    EXPECT_EQ(program.notes()[1].endSample, kQuarterAt120);
}

TEST(ProgramTest, EventsAreOrderedWithOffsBeforeOns) {
    auto s = measures(1);
    note(s, 0, 0, 0, Rational{1, 4}, "C4");
    note(s, 0, 0, Rational{1, 4}, Rational{1, 4}, "C4");
    const Program program = compile(s);
    const auto events = program.events();
    ASSERT_TRUE(std::is_sorted(events.begin(), events.end(), [](const ProgramEvent& a, const ProgramEvent& b) {
        return a.sample != b.sample ? a.sample < b.sample : a.kind < b.kind;
    }));
    const auto at = program.firstEventAt(kQuarterAt120);
    EXPECT_EQ(events[at].kind, ProgramEvent::Kind::NoteOff);
    EXPECT_EQ(events[at + 1].kind, ProgramEvent::Kind::NoteOn);
}

// Property: the chase finds exactly the notes a walk from the start finds, wherever it looks.
TEST(ProgramTest, ChaseFindsEveryNoteStillSounding) {
    std::mt19937 random{7};
    auto s = measures(120);
    std::uniform_int_distribution<int> measure{0, 119};
    std::uniform_int_distribution<int> sixteenth{0, 15};
    std::uniform_int_distribution<int> length{1, 160};  // up to ten bars
    std::uniform_int_distribution<int> key{40, 80};
    for (int n = 0; n < 400; ++n) {
        note(s, 0, static_cast<std::uint32_t>(measure(random)), Rational{sixteenth(random), 16},
             Rational{length(random), 16}, "C4")
            .notes[0]
            .pitch = score::Pitch::fromMidi(key(random));
    }
    for (auto& part : s.parts) {
        std::stable_sort(part.events.begin(), part.events.end(), [](const score::Event& a, const score::Event& b) {
            return a.measure != b.measure ? a.measure < b.measure : a.offset < b.offset;
        });
    }
    const Program program = compile(s);
    std::uniform_int_distribution<std::int64_t> where{0, program.endSample()};
    for (int probe = 0; probe < 500; ++probe) {
        const std::int64_t sample = where(random);
        std::set<std::uint32_t> chased;
        program.forEachSoundingAt(sample, [&](std::uint32_t n) { EXPECT_TRUE(chased.insert(n).second); });
        std::set<std::uint32_t> expected;
        for (std::uint32_t n = 0; n < program.notes().size(); ++n) {
            if (program.notes()[n].startSample < sample && program.notes()[n].endSample > sample) expected.insert(n);
        }
        ASSERT_EQ(chased, expected) << "at sample " << sample;
    }
}

}  // namespace
}  // namespace mos::transport
