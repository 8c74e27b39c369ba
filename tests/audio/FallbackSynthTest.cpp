#include "mos/audio/FallbackSynth.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numbers>
#include <random>
#include <span>
#include <vector>

#include <gtest/gtest.h>

#include "support/RealtimeAudit.hpp"

namespace mos::audio {
namespace {

constexpr std::uint32_t kRate = 48000;
constexpr std::uint32_t kMaxBlock = 1024;
constexpr std::uint8_t kDrums = 9;
constexpr std::uint8_t kA4 = 69;

// General MIDI programs, one of each family the synth voices differently.
constexpr std::uint8_t kPiano = 0;
constexpr std::uint8_t kVibraphone = 11;
constexpr std::uint8_t kOrgan = 16;
constexpr std::uint8_t kGuitar = 24;
constexpr std::uint8_t kBass = 32;
constexpr std::uint8_t kStrings = 48;
constexpr std::uint8_t kTrumpet = 56;
constexpr std::uint8_t kClarinet = 71;
constexpr std::uint8_t kFlute = 73;
constexpr std::uint8_t kSawLead = 81;

constexpr std::uint32_t frames(double seconds) { return static_cast<std::uint32_t>(seconds * kRate); }

InstrumentEvent programChange(std::uint32_t frame, std::uint8_t channel, std::uint8_t program) {
    return {frame, InstrumentEvent::Kind::ProgramChange, channel, program, 0};
}
InstrumentEvent controlChange(std::uint32_t frame, std::uint8_t channel, std::uint8_t controller, std::uint8_t value) {
    return {frame, InstrumentEvent::Kind::ControlChange, channel, controller, value};
}
InstrumentEvent allSoundOff(std::uint32_t frame, std::uint8_t channel) {
    return {frame, InstrumentEvent::Kind::AllSoundOff, channel, 0, 0};
}
InstrumentEvent allNotesOff(std::uint32_t frame, std::uint8_t channel) {
    return {frame, InstrumentEvent::Kind::AllNotesOff, channel, 0, 0};
}

// A synth and everything it has played. Events given to play() are stamped with frames counted
// from the start of that call; play() hands them to render() block by block, at offsets inside
// their blocks, as the engine does.
class Session {
public:
    explicit Session(std::uint32_t blockFrames = 256) : blockFrames_{blockFrames} {
        synth.prepare(core::SampleRate{kRate}, kMaxBlock);
    }

    void play(std::vector<InstrumentEvent> events, std::uint32_t frameCount) {
        play(std::move(events), frameCount, [this] { return blockFrames_; });
    }

    template <typename NextBlockFrames>
    void play(std::vector<InstrumentEvent> events, std::uint32_t frameCount, NextBlockFrames nextBlockFrames) {
        std::stable_sort(events.begin(), events.end(),
                         [](const auto& a, const auto& b) { return a.frameOffset < b.frameOffset; });
        const std::size_t origin = left.size();
        left.resize(origin + frameCount, 0.0F);
        right.resize(origin + frameCount, 0.0F);
        std::vector<InstrumentEvent> block;
        std::size_t next = 0;
        for (std::uint32_t start = 0; start < frameCount;) {
            const std::uint32_t count = std::min(nextBlockFrames(), frameCount - start);
            block.clear();
            for (; next < events.size() && events[next].frameOffset < start + count; ++next) {
                block.push_back(events[next]);
                block.back().frameOffset -= start;
            }
            synth.render(block, left.data() + origin + start, right.data() + origin + start, count);
            start += count;
        }
    }

    FallbackSynth synth;
    std::vector<float> left;
    std::vector<float> right;

private:
    std::uint32_t blockFrames_;
};

std::span<const float> slice(const std::vector<float>& samples, double fromSeconds, double toSeconds) {
    const std::size_t from = std::min<std::size_t>(frames(fromSeconds), samples.size());
    const std::size_t to = std::min<std::size_t>(frames(toSeconds), samples.size());
    return std::span<const float>{samples}.subspan(from, to - from);
}

float peak(std::span<const float> samples) {
    float largest = 0.0F;
    for (const float sample : samples) largest = std::max(largest, std::abs(sample));
    return largest;
}

double rms(std::span<const float> samples) {
    double sum = 0.0;
    for (const float sample : samples) sum += double{sample} * sample;
    return samples.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(samples.size()));
}

// The largest change from one sample to the next: a click is a jump far larger than the waveform's
// own steepest slope.
float largestJump(std::span<const float> samples) {
    float largest = 0.0F;
    for (std::size_t i = 1; i < samples.size(); ++i) largest = std::max(largest, std::abs(samples[i] - samples[i - 1]));
    return largest;
}

bool allZero(std::span<const float> samples) {
    return std::all_of(samples.begin(), samples.end(), [](float sample) { return sample == 0.0F; });
}

// The samples under a Hann window, so that in powerAt() neighbouring harmonics leak little into
// the frequency measured.
std::vector<double> hannWindowed(std::span<const float> samples) {
    std::vector<double> windowed(samples.size());
    const auto n = static_cast<double>(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        windowed[i] = (0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * static_cast<double>(i) / n)) * samples[i];
    }
    return windowed;
}

// The power of one frequency in (windowed) samples, by the Goertzel recurrence.
double powerAt(const std::vector<double>& windowed, double hz) {
    const double coefficient = 2.0 * std::cos(2.0 * std::numbers::pi * hz / kRate);
    double previous = 0.0;
    double beforePrevious = 0.0;
    for (const double sample : windowed) {
        const double current = sample + coefficient * previous - beforePrevious;
        beforePrevious = previous;
        previous = current;
    }
    return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
}

double powerAt(std::span<const float> samples, double hz) { return powerAt(hannWindowed(samples), hz); }

// The frequency in [lowHz, highHz] with the most power, to a twentieth of a hertz: a scan in 1 Hz
// steps, then a finer one around its best.
double strongestFrequency(std::span<const float> samples, double lowHz, double highHz) {
    const std::vector<double> windowed = hannWindowed(samples);
    const auto strongest = [&](double from, double to, double step) {
        double best = from;
        double bestPower = -1.0;
        const auto steps = static_cast<int>(std::round((to - from) / step));
        for (int i = 0; i <= steps; ++i) {
            const double hz = from + i * step;
            if (const double power = powerAt(windowed, hz); power > bestPower) {
                bestPower = power;
                best = hz;
            }
        }
        return best;
    };
    const double coarse = strongest(lowHz, highHz, 1.0);
    return strongest(coarse - 1.0, coarse + 1.0, 0.05);
}

// How bright a tone at `hz` is: the power of its 3rd to 8th harmonics over that of its fundamental.
double brightness(std::span<const float> samples, double hz) {
    const std::vector<double> windowed = hannWindowed(samples);
    double upper = 0.0;
    for (int harmonic = 3; harmonic <= 8; ++harmonic) upper += powerAt(windowed, hz * harmonic);
    return upper / powerAt(windowed, hz);
}

// Bit-for-bit equality, which == on floats is not (it calls 0.0 and -0.0 equal).
bool bitIdentical(const std::vector<float>& a, const std::vector<float>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

TEST(FallbackSynthTest, PlaysA4At440HzOnEveryKindOfInstrument) {
    for (const std::uint8_t program : {kPiano, kVibraphone, kOrgan, kGuitar, kBass, kTrumpet, kClarinet, kFlute}) {
        Session session;
        session.play({programChange(0, 0, program), InstrumentEvent::noteOn(0, 0, kA4, 100)}, frames(0.5));
        const double hz = strongestFrequency(slice(session.left, 0.1, 0.4), 300.0, 600.0);
        EXPECT_NEAR(hz, 440.0, 0.5) << "program " << int{program};
    }
}

TEST(FallbackSynthTest, PlaysEqualTemperedPitchesFromTheKey) {
    Session session;
    session.play({InstrumentEvent::noteOn(0, 0, 60, 100), InstrumentEvent::noteOn(0, 1, 81, 100)}, frames(0.5));
    const auto held = slice(session.left, 0.1, 0.4);
    EXPECT_NEAR(strongestFrequency(held, 200.0, 330.0), 261.63, 0.5);  // middle C
    EXPECT_NEAR(strongestFrequency(held, 800.0, 950.0), 880.0, 0.5);   // A5
}

TEST(FallbackSynthTest, DetunedEnsemblesStayCentredOnThePitch) {
    Session session;
    session.play({programChange(0, 0, kStrings), InstrumentEvent::noteOn(0, 0, kA4, 100)}, frames(0.8));
    // Two oscillators, 9 cents apart: their mean is 2.3 Hz above 440 Hz.
    EXPECT_NEAR(strongestFrequency(slice(session.left, 0.3, 0.8), 300.0, 600.0), 441.2, 2.0);
}

TEST(FallbackSynthTest, NoteStartsOnExactlyItsFrameWhateverTheBlockSize) {
    for (const std::uint32_t block : {1U, 64U, 100U, 256U, 1024U}) {
        for (const std::uint32_t start : {0U, 1U, 63U, 64U, 65U, 777U, 1023U, 1024U, 2000U}) {
            Session session{block};
            session.play({InstrumentEvent::noteOn(start, 0, kA4, 100)}, 3000);
            EXPECT_TRUE(allZero(std::span{session.left}.first(start))) << "block " << block << ", note at " << start;
            EXPECT_NE(session.left[start], 0.0F) << "block " << block << ", note at " << start;
            EXPECT_NE(session.right[start], 0.0F) << "block " << block << ", note at " << start;
        }
    }
}

// A piece with a bit of everything: programs, drums, controllers gliding, the pedal, retriggered
// keys, more notes than voices, All Notes Off and All Sound Off.
std::vector<InstrumentEvent> busyScore() {
    std::vector<InstrumentEvent> score{
        programChange(0, 1, kStrings),   programChange(0, 2, kGuitar),    programChange(0, 3, kSawLead),
        controlChange(0, 0, 64, 127),    controlChange(5000, 1, 10, 20),  controlChange(9000, 2, 7, 40),
        controlChange(20000, 1, 11, 60), controlChange(30000, 0, 64, 0),  allNotesOff(40000, 2),
        allSoundOff(50001, 3),           controlChange(52000, 1, 121, 0), controlChange(55555, 1, 123, 0),
    };
    std::mt19937 random{7};
    for (std::uint32_t i = 0; i < 300; ++i) {
        const std::uint32_t at = 10 + i * 197 + static_cast<std::uint32_t>(random() % 150);
        const auto channel = static_cast<std::uint8_t>(random() % 5 == 0 ? kDrums : random() % 4);
        const auto key = static_cast<std::uint8_t>(channel == kDrums ? 35 + random() % 47 : 36 + random() % 48);
        const auto velocity = static_cast<std::uint8_t>(1 + random() % 127);
        score.push_back(InstrumentEvent::noteOn(at, channel, key, velocity));
        score.push_back(
            InstrumentEvent::noteOff(at + 300 + static_cast<std::uint32_t>(random() % 20000), channel, key));
    }
    return score;
}

TEST(FallbackSynthTest, OutputIsBitIdenticalHoweverTheRenderIsSplitIntoBlocks) {
    const std::uint32_t length = frames(1.5);
    Session reference{64};
    reference.play(busyScore(), length);
    ASSERT_GT(peak(reference.left), 0.05F);

    for (const std::uint32_t block : {1U, 1000U, 1024U}) {
        Session session{block};
        session.play(busyScore(), length);
        EXPECT_TRUE(bitIdentical(session.left, reference.left)) << "block " << block;
        EXPECT_TRUE(bitIdentical(session.right, reference.right)) << "block " << block;
    }
    std::mt19937 random{42};
    Session randomBlocks;
    randomBlocks.play(busyScore(), length, [&] { return 1 + static_cast<std::uint32_t>(random() % kMaxBlock); });
    EXPECT_TRUE(bitIdentical(randomBlocks.left, reference.left));
    EXPECT_TRUE(bitIdentical(randomBlocks.right, reference.right));
}

TEST(FallbackSynthTest, RenderAddsToWhatTheBuffersHold) {
    Session clean;
    clean.play({InstrumentEvent::noteOn(10, 0, 60, 90)}, 512);

    FallbackSynth synth;
    synth.prepare(core::SampleRate{kRate}, 512);
    std::vector<float> left(512, 0.25F);
    std::vector<float> right(512, -0.5F);
    const InstrumentEvent events[] = {InstrumentEvent::noteOn(10, 0, 60, 90)};
    synth.render(events, left.data(), right.data(), 512);
    for (std::size_t i = 0; i < 512; ++i) {
        ASSERT_EQ(left[i], 0.25F + clean.left[i]) << i;
        ASSERT_EQ(right[i], -0.5F + clean.right[i]) << i;
    }
}

TEST(FallbackSynthTest, RendersNothingBeforePrepare) {
    FallbackSynth synth;
    std::vector<float> left(256, 0.5F);
    std::vector<float> right(256, 0.5F);
    const InstrumentEvent events[] = {InstrumentEvent::noteOn(0, 0, 60, 90)};
    synth.render(events, left.data(), right.data(), 256);
    EXPECT_TRUE(std::all_of(left.begin(), left.end(), [](float sample) { return sample == 0.5F; }));
    EXPECT_EQ(synth.activeVoices(), 0U);
}

TEST(FallbackSynthTest, HigherVelocityIsLouderAndBrighter) {
    for (const std::uint8_t program : {kPiano, kGuitar, kTrumpet}) {
        Session soft;
        soft.play({programChange(0, 0, program), InstrumentEvent::noteOn(0, 0, 57, 30)}, frames(0.3));
        Session loud;
        loud.play({programChange(0, 0, program), InstrumentEvent::noteOn(0, 0, 57, 110)}, frames(0.3));
        const auto softOnset = slice(soft.left, 0.0, 0.1);
        const auto loudOnset = slice(loud.left, 0.0, 0.1);
        EXPECT_GT(rms(loudOnset), 4.0 * rms(softOnset)) << "program " << int{program};
        EXPECT_GT(brightness(loudOnset, 220.0), 2.0 * brightness(softOnset, 220.0)) << "program " << int{program};
    }
}

TEST(FallbackSynthTest, MezzoForteNoteLeavesHeadroomAndTenNoteChordsDoNotClip) {
    for (std::uint8_t program = 0; program < 128; program += 8) {
        Session session;
        session.play({programChange(0, 0, program), InstrumentEvent::noteOn(0, 0, 60, 80)}, frames(0.6));
        const float loudest = peak(session.left);
        EXPECT_GT(loudest, 0.02F) << "program " << int{program};
        EXPECT_LT(loudest, 0.3F) << "program " << int{program};
    }
    Session chord;
    std::vector<InstrumentEvent> notes;
    for (const int key : {36, 43, 48, 52, 55, 60, 64, 67, 72, 76}) {
        notes.push_back(InstrumentEvent::noteOn(0, 0, static_cast<std::uint8_t>(key), 100));
    }
    chord.play(notes, frames(1.0));
    EXPECT_LT(peak(chord.left), 0.9F);
}

TEST(FallbackSynthTest, ReleasedNoteEndsInExactSilenceAndFreesItsVoice) {
    Session session;
    session.play({programChange(0, 0, kOrgan), InstrumentEvent::noteOn(0, 0, kA4, 100),
                  InstrumentEvent::noteOff(frames(0.2), 0, kA4)},
                 frames(0.5));
    EXPECT_EQ(session.synth.activeVoices(), 0U);
    EXPECT_TRUE(allZero(slice(session.left, 0.3, 0.5)));
    EXPECT_TRUE(allZero(slice(session.right, 0.3, 0.5)));
    // The release took at least the 10 ms every ending gets.
    EXPECT_FALSE(allZero(slice(session.left, 0.2, 0.21)));
}

TEST(FallbackSynthTest, DecayingNoteEndsByItselfInExactZeros) {
    // A held piano key still dies away; the envelope then stops on an exact 0, with no tail of
    // denormal numbers left in any state.
    Session session;
    session.play({InstrumentEvent::noteOn(0, 0, 72, 127)}, frames(8.0));
    EXPECT_EQ(session.synth.activeVoices(), 0U);
    EXPECT_TRUE(allZero(slice(session.left, 7.0, 8.0)));
    for (const float sample : slice(session.left, 0.0, 7.0)) {
        ASSERT_NE(std::fpclassify(sample), FP_SUBNORMAL) << sample;
    }
}

TEST(FallbackSynthTest, AllSoundOffSilencesTheChannelWithinTenMilliseconds) {
    for (const bool asController : {false, true}) {
        Session session;
        const std::uint32_t at = frames(0.3);
        std::vector<InstrumentEvent> events{
            programChange(0, 0, kOrgan), InstrumentEvent::noteOn(0, 0, 60, 100), InstrumentEvent::noteOn(0, 0, 64, 100),
            InstrumentEvent::noteOn(0, 0, 67, 100), asController ? controlChange(at, 0, 120, 0) : allSoundOff(at, 0)};
        session.play(events, frames(0.5));
        EXPECT_EQ(session.synth.activeVoices(), 0U);
        EXPECT_TRUE(allZero(slice(session.left, 0.31, 0.5)));
        // Faded, not cut: no jump bigger than the chord's own steepest.
        EXPECT_LE(largestJump(slice(session.left, 0.29, 0.32)), 1.05F * largestJump(slice(session.left, 0.2, 0.29)));
    }
}

TEST(FallbackSynthTest, AllNotesOffReleasesOnlyItsChannel) {
    for (const bool asController : {false, true}) {
        Session session;
        session.play({programChange(0, 0, kOrgan), programChange(0, 1, kOrgan), InstrumentEvent::noteOn(0, 0, 60, 100),
                      InstrumentEvent::noteOn(0, 0, 64, 100), InstrumentEvent::noteOn(0, 1, 67, 100)},
                     frames(0.1));
        ASSERT_EQ(session.synth.activeVoices(), 3U);
        session.play({asController ? controlChange(0, 0, 123, 0) : allNotesOff(0, 0)}, frames(0.3));
        EXPECT_EQ(session.synth.activeVoices(), 1U);
    }
}

TEST(FallbackSynthTest, NotesStartAndStopWithoutClicks) {
    // A click is a step between samples far steeper than the sound's own: a note cut or started
    // abruptly at 110 Hz would step by a large part of its peak, while its waveform never moves
    // more than a few percent of it per sample.
    Session flute;
    flute.play({programChange(0, 0, kFlute), InstrumentEvent::noteOn(100, 0, 45, 110),
                InstrumentEvent::noteOff(frames(0.4), 0, 45)},
               frames(0.8));
    // (Its onset is up to 11 % louder than the held part that follows.)
    const float held = largestJump(slice(flute.left, 0.3, 0.4));
    ASSERT_LT(held, 0.05F * peak(flute.left));
    EXPECT_LE(largestJump(slice(flute.left, 0.0, 0.3)), 1.2F * held);
    EXPECT_LE(largestJump(slice(flute.left, 0.39, 0.8)), 1.2F * held);

    // A piano's onset is its quickest (2 ms), and still no steeper than the note itself.
    Session piano;
    piano.play({InstrumentEvent::noteOn(100, 0, 45, 127), InstrumentEvent::noteOff(frames(0.3), 0, 45)}, frames(0.8));
    const float ringing = largestJump(slice(piano.left, 0.05, 0.3));
    EXPECT_LE(largestJump(slice(piano.left, 0.0, 0.01)), ringing);
    EXPECT_LE(largestJump(slice(piano.left, 0.29, 0.8)), ringing);
}

TEST(FallbackSynthTest, EveryOnsetRampsUpOverItsFirstMilliseconds) {
    // Even a hi-hat, whose noise would start at full level, and a piano's 2 ms hammer.
    for (const auto& onset : {InstrumentEvent::noteOn(0, kDrums, 42, 127), InstrumentEvent::noteOn(0, 0, 93, 127)}) {
        Session session;
        session.play({onset}, frames(0.01));
        const double first = rms(slice(session.left, 0.0, 0.001));
        const double after = rms(slice(session.left, 0.002, 0.003));
        EXPECT_GT(after, 0.0);
        EXPECT_LT(first, 0.5 * after) << "key " << int{onset.data1};
    }
}

TEST(FallbackSynthTest, ChangingVolumeOrPanGlidesInsteadOfClicking) {
    Session session;
    session.play({programChange(0, 0, kFlute), InstrumentEvent::noteOn(0, 0, 45, 110)}, frames(0.3));
    session.play({controlChange(0, 0, 10, 0)}, frames(0.3));                                // hard left
    session.play({controlChange(0, 0, 7, 0)}, frames(0.3));                                 // volume off
    session.play({controlChange(0, 0, 7, 127), controlChange(0, 0, 10, 64)}, frames(0.3));  // loudest
    const auto loudest = slice(session.left, 1.0, 1.2);
    EXPECT_LE(largestJump(session.left), 1.05F * largestJump(loudest));
    EXPECT_LE(largestJump(session.right), 1.05F * largestJump(slice(session.right, 1.0, 1.2)));
    EXPECT_TRUE(allZero(slice(session.right, 0.4, 0.6)));  // panned hard left
    EXPECT_FALSE(allZero(slice(session.left, 0.4, 0.6)));
    EXPECT_TRUE(allZero(slice(session.left, 0.7, 0.9)));  // volume 0
    EXPECT_GT(peak(loudest), peak(slice(session.left, 0.1, 0.3)));
}

TEST(FallbackSynthTest, ExpressionScalesTheChannel) {
    Session full;
    full.play({InstrumentEvent::noteOn(0, 0, 60, 100)}, frames(0.3));
    Session half;
    half.play({controlChange(0, 0, 11, 64), InstrumentEvent::noteOn(0, 0, 60, 100)}, frames(0.3));
    // GM: gain follows the square of expression, so 64 of 127 is about a quarter (once the gain
    // has glided there).
    EXPECT_NEAR(rms(slice(half.left, 0.1, 0.3)) / rms(slice(full.left, 0.1, 0.3)), (64.0 / 127.0) * (64.0 / 127.0),
                0.001);
}

TEST(FallbackSynthTest, SustainPedalHoldsReleasedNotesUntilItLifts) {
    Session session;
    session.play({programChange(0, 0, kOrgan), controlChange(0, 0, 64, 127), InstrumentEvent::noteOn(0, 0, 60, 100),
                  InstrumentEvent::noteOff(frames(0.1), 0, 60)},
                 frames(0.5));
    EXPECT_EQ(session.synth.activeVoices(), 1U);
    EXPECT_GT(peak(slice(session.left, 0.4, 0.5)), 0.05F);
    session.play({controlChange(0, 0, 64, 0)}, frames(0.2));
    EXPECT_EQ(session.synth.activeVoices(), 0U);

    // Reset All Controllers lifts the pedal too.
    session.play(
        {controlChange(0, 0, 64, 127), InstrumentEvent::noteOn(0, 0, 62, 100), InstrumentEvent::noteOff(100, 0, 62)},
        frames(0.2));
    EXPECT_EQ(session.synth.activeVoices(), 1U);
    session.play({controlChange(0, 0, 121, 0)}, frames(0.2));
    EXPECT_EQ(session.synth.activeVoices(), 0U);
}

TEST(FallbackSynthTest, StrikingAHeldKeyAgainReleasesItsPreviousNote) {
    Session session;
    session.play({programChange(0, 0, kOrgan), InstrumentEvent::noteOn(0, 0, 60, 100),
                  InstrumentEvent::noteOn(frames(0.1), 0, 60, 100)},
                 frames(0.3));
    EXPECT_EQ(session.synth.activeVoices(), 1U);
    session.play({InstrumentEvent::noteOff(0, 0, 60)}, frames(0.2));
    EXPECT_EQ(session.synth.activeVoices(), 0U);
}

TEST(FallbackSynthTest, NeverSoundsMoreThanItsVoices) {
    Session session;
    std::vector<InstrumentEvent> notes{programChange(0, 0, kOrgan), programChange(0, 1, kStrings)};
    for (std::uint32_t i = 0; i < 3 * FallbackSynth::kMaxVoices; ++i) {
        notes.push_back(InstrumentEvent::noteOn(i * 10, static_cast<std::uint8_t>(i % 2),
                                                static_cast<std::uint8_t>(20 + i % 90), 100));
    }
    std::uint32_t mostVoices = 0;
    session.play(notes, 3000, [&] {
        mostVoices = std::max(mostVoices, session.synth.activeVoices());
        return 100U;
    });
    EXPECT_EQ(mostVoices, FallbackSynth::kMaxVoices);
    EXPECT_EQ(session.synth.activeVoices(), FallbackSynth::kMaxVoices);
}

TEST(FallbackSynthTest, StealsTheNoteHeardLeast) {
    // A quiet note heard on the left, 63 loud ones on the right: the voices are full, and the next
    // note takes the quiet one.
    Session session;
    std::vector<InstrumentEvent> events{programChange(0, 0, kOrgan), programChange(0, 1, kOrgan),
                                        controlChange(0, 0, 10, 0), controlChange(0, 1, 10, 127),
                                        InstrumentEvent::noteOn(5, 0, 60, 20)};
    for (std::uint8_t i = 1; i < FallbackSynth::kMaxVoices; ++i) {
        events.push_back(InstrumentEvent::noteOn(i, 1, static_cast<std::uint8_t>(30 + i), 100));
    }
    session.play(events, frames(0.1));
    ASSERT_EQ(session.synth.activeVoices(), FallbackSynth::kMaxVoices);
    ASSERT_GT(peak(slice(session.left, 0.05, 0.1)), 0.0F);

    session.play({InstrumentEvent::noteOn(0, 1, 100, 100)}, frames(0.1));
    EXPECT_EQ(session.synth.activeVoices(), FallbackSynth::kMaxVoices);
    EXPECT_TRUE(allZero(slice(session.left, 0.11, 0.2)));
}

TEST(FallbackSynthTest, StolenNoteFadesOutInsteadOfBeingCut) {
    // One flute note heard on the left, then 63 notes panned hard right: the voices are full, and
    // the next note takes the oldest of the equally loud notes, the flute.
    Session session;
    std::vector<InstrumentEvent> events{programChange(0, 0, kFlute), programChange(0, 1, kFlute),
                                        controlChange(0, 0, 10, 0), controlChange(0, 1, 10, 127),
                                        InstrumentEvent::noteOn(0, 0, 45, 100)};
    for (std::uint8_t i = 1; i < FallbackSynth::kMaxVoices; ++i) {
        events.push_back(InstrumentEvent::noteOn(1 + i, 1, static_cast<std::uint8_t>(50 + i), 100));
    }
    session.play(events, frames(0.3));
    ASSERT_EQ(session.synth.activeVoices(), FallbackSynth::kMaxVoices);
    const float loudest = peak(slice(session.left, 0.1, 0.3));
    ASSERT_GT(loudest, 0.05F);

    session.play({InstrumentEvent::noteOn(37, 1, 40, 100)}, frames(0.1));
    EXPECT_EQ(session.synth.activeVoices(), FallbackSynth::kMaxVoices);
    const std::size_t stolenAt = frames(0.3) + 37;
    const auto fade = std::span{session.left}.subspan(stolenAt, frames(FallbackSynth::kStealFadeSeconds));
    EXPECT_GT(peak(fade.subspan(fade.size() / 2)), 0.05F * loudest);  // still audible half-way through the fade
    EXPECT_TRUE(allZero(std::span{session.left}.subspan(stolenAt + fade.size() + 2)));
    EXPECT_LE(largestJump(slice(session.left, 0.3, 0.4)), 1.1F * largestJump(slice(session.left, 0.1, 0.3)));
}

TEST(FallbackSynthTest, DrumChannelPlaysAKitWhateverTheProgram) {
    const auto hit = [](std::uint8_t key) {
        auto session = std::make_unique<Session>();
        // GM has one kit: a program change on the drum channel changes nothing; drums ring out
        // after a note-off.
        session->play({programChange(0, kDrums, kOrgan), InstrumentEvent::noteOn(0, kDrums, key, 110),
                       InstrumentEvent::noteOff(10, kDrums, key)},
                      frames(0.25));
        return session;
    };
    const auto kick = hit(36);
    const auto snare = hit(38);
    const auto hat = hit(42);
    for (const auto* drum : {kick.get(), snare.get(), hat.get()}) EXPECT_GT(peak(drum->left), 0.05F);
    const auto lowToHigh = [](const Session& drum) {
        const auto onset = slice(drum.left, 0.0, 0.1);
        return powerAt(onset, 60.0) / powerAt(onset, 9000.0);
    };
    EXPECT_GT(lowToHigh(*kick), 100.0);                                                 // a kick thumps
    EXPECT_LT(lowToHigh(*hat), 0.01);                                                   // a hi-hat hisses
    EXPECT_GT(rms(slice(snare->left, 0.05, 0.15)), rms(slice(hat->left, 0.05, 0.15)));  // a snare rattles on
    // Keys outside the GM map still click, briefly.
    const auto other = hit(100);
    EXPECT_GT(peak(other->left), 0.01F);
    EXPECT_EQ(other->synth.activeVoices(), 0U);
}

TEST(FallbackSynthTest, ClosedHiHatChokesTheOpenOne) {
    Session session;
    session.play({InstrumentEvent::noteOn(0, kDrums, 46, 110), InstrumentEvent::noteOn(frames(0.1), kDrums, 42, 110)},
                 frames(0.3));
    EXPECT_EQ(session.synth.activeVoices(), 0U);
    Session open;
    open.play({InstrumentEvent::noteOn(0, kDrums, 46, 110)}, frames(0.3));
    EXPECT_EQ(open.synth.activeVoices(), 1U);
}

TEST(FallbackSynthTest, RenderIsRealtimeSafe) {
    FallbackSynth synth;
    synth.prepare(core::SampleRate{kRate}, 256);
    std::vector<float> left(256);
    std::vector<float> right(256);
    std::vector<InstrumentEvent> events{programChange(0, 1, kStrings), controlChange(0, 1, 10, 30),
                                        controlChange(0, 0, 64, 127)};
    for (std::uint8_t i = 0; i < 80; ++i) {
        events.push_back(
            InstrumentEvent::noteOn(i, static_cast<std::uint8_t>(i % 3), static_cast<std::uint8_t>(30 + i), 90));
    }
    for (const int key : {36, 38, 42, 46}) {
        events.push_back(InstrumentEvent::noteOn(100, kDrums, static_cast<std::uint8_t>(key), 100));
    }
    events.push_back(controlChange(150, 0, 64, 0));
    events.push_back(allNotesOff(200, 1));
    events.push_back(allSoundOff(255, 2));
    EXPECT_REALTIME_SAFE(synth.render(events, left.data(), right.data(), 256));
    EXPECT_REALTIME_SAFE(synth.render({}, left.data(), right.data(), 256));
    EXPECT_GT(peak(left), 0.0F);
}

}  // namespace
}  // namespace mos::audio
