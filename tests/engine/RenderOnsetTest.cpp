// Golden onset tests: scores rendered through the player, the audio engine and the fallback synth,
// every click and note found again in the audio, each on the very sample the tempo map gives it.
//
// Onsets are found without a tolerance. The fallback synth's envelopes end on exact zeros and a
// voice sounds from the sample its event names (Voice moves the oscillator before reading it), so
// the first non-zero sample after a stretch of zeros is where a click or note began. The test
// scores leave each sound time to die away before the next one starts.

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "mos/audio/AudioFileWriter.hpp"
#include "mos/audio/Engine.hpp"
#include "mos/audio/FallbackSynth.hpp"
#include "mos/engine/Render.hpp"
#include "mos/transport/Player.hpp"
#include "mos/transport/Program.hpp"
#include "mos/transport/TempoMap.hpp"
#include "support/ScoreBuilders.hpp"
#include "support/TempDirectory.hpp"

namespace mos::engine {
namespace {

using core::Rational;
using core::SampleRate;
using score::NavigationKind;
using score::TimeSignature;
using test::measures;
using test::note;
using test::tempo;
using transport::TempoMap;

constexpr SampleRate kRate{44100};
constexpr std::uint8_t kClaves = 75;  // a GM drum that dies away within 82 ms
// A frame louder than this is sound: silence is exact zeros.
constexpr float kThreshold = 0.0F;
// Zeros before a sound that make it an onset rather than a zero crossing inside a note.
constexpr std::size_t kSilenceBeforeOnset = 32;

struct Stereo {
    std::vector<float> left;
    std::vector<float> right;
};

// The first frame of each sound after silence; the start of the audio counts as silence.
std::vector<std::int64_t> onsets(const Stereo& audio) {
    std::vector<std::int64_t> found;
    std::size_t silent = kSilenceBeforeOnset;
    for (std::size_t frame = 0; frame < audio.left.size(); ++frame) {
        const bool sounding = std::abs(audio.left[frame]) > kThreshold || std::abs(audio.right[frame]) > kThreshold;
        if (sounding && silent >= kSilenceBeforeOnset) found.push_back(static_cast<std::int64_t>(frame));
        silent = sounding ? 0 : silent + 1;
    }
    return found;
}

std::vector<std::int64_t> samplesAt(const TempoMap& map, const std::vector<Rational>& positions) {
    std::vector<std::int64_t> samples;
    samples.reserve(positions.size());
    for (const Rational position : positions) samples.push_back(map.sampleAt(position, kRate));
    return samples;
}

enum class Metronome : bool { Off, On };

// Renders with `mos render`'s code to a float WAV, which keeps every sample exactly, and reads it back.
Stereo renderThroughFile(const score::Score& score, Metronome metronome) {
    RenderOptions options;
    options.sampleRate = kRate;
    options.metronome = metronome == Metronome::On;
    const test::TempDirectory folder;
    const auto path = folder.path() / "render.wav";
    if (const auto report = renderToFile(score, options, path); !report) {
        ADD_FAILURE() << report.error().describe();
        return {};
    }
    auto audio = audio::readAudioFile(path);
    if (!audio || audio->channels.size() != 2) {
        ADD_FAILURE() << "the render did not read back as stereo";
        return {};
    }
    return {std::move(audio->channels[0]), std::move(audio->channels[1])};
}

struct LiveRender {
    SampleRate rate = kRate;
    std::int64_t frames = 0;
    std::optional<std::pair<Rational, Rational>> loop{};  // start and end, whole notes
    bool metronome = false;
};

// Plays `score` from the start as a device would, block by block, each block as long as
// `nextBlock` says (at most audio::EngineOptions::maxBlockFrames' default, 4096).
Stereo renderLive(const score::Score& score, const LiveRender& how, const std::function<std::uint32_t()>& nextBlock) {
    transport::Player player;
    player.publish(std::make_unique<transport::Program>(transport::compile(score, {.sampleRate = how.rate})));
    audio::FallbackSynth synth;
    audio::Engine engine{player, synth, {.sampleRate = how.rate}};
    engine.setMetronome(how.metronome);
    if (how.loop) player.setLoop(how.loop->first, how.loop->second);
    player.play();
    const auto frames = static_cast<std::size_t>(how.frames);
    Stereo out{std::vector<float>(frames), std::vector<float>(frames)};
    for (std::size_t done = 0; done < frames;) {
        const auto block = static_cast<std::uint32_t>(std::min<std::size_t>(nextBlock(), frames - done));
        engine.process(out.left.data() + done, out.right.data() + done, block);
        done += block;
    }
    return out;
}

// Makes part 0 play claves on the downbeat of every measure and on eighth m + 1 of measure m, so
// each measure's rhythm tells which one is playing.
void signatureRhythms(score::Score& s) {
    s.parts.at(0).instrument.percussion = true;
    for (std::uint32_t m = 0; m < s.timeline.measures.size(); ++m) {
        for (const Rational offset : {Rational{0}, Rational{m + 1, 8}}) {
            note(s, 0, m, offset, Rational{1, 16}, "C4").notes[0].percussionKey = kClaves;
        }
    }
}

// Where those claves sound when the measures are played in `order`, one after another from 0.
std::vector<Rational> signatureOnsets(const std::vector<std::uint32_t>& order, Rational measureLength) {
    std::vector<Rational> positions;
    Rational start{0};
    for (const std::uint32_t m : order) {
        positions.push_back(start);
        positions.push_back(start + Rational{m + 1, 8});
        start += measureLength;
    }
    return positions;
}

TEST(RenderOnsetTest, ClicksFollowARitardandoAndAnAccelerandoToTheSample) {
    auto s = measures(6);
    tempo(s, 0, 0, 120, true);  // rit. to 60 over two measures
    tempo(s, 2, 0, 60, true);   // accel. to 150 over two measures
    tempo(s, 4, 0, 150);
    std::vector<Rational> beats;
    beats.reserve(24);
    for (int quarter = 0; quarter < 24; ++quarter) beats.emplace_back(quarter, 4);

    const Stereo audio = renderThroughFile(s, Metronome::On);
    const TempoMap ramps{{{.at = 0, .quarterBpm = 120, .rampToNext = true},
                          {.at = 2, .quarterBpm = 60, .rampToNext = true},
                          {.at = 4, .quarterBpm = 150}}};
    EXPECT_EQ(onsets(audio), samplesAt(ramps, beats));
}

TEST(RenderOnsetTest, ClicksFollowMeterChanges) {
    auto s = measures(4);
    s.timeline.measures[1].time = TimeSignature{7, 8};
    s.timeline.measures[3].time = TimeSignature{3, 4};
    tempo(s, 0, 0, 132);
    std::vector<Rational> beats;
    Rational barLine{0};
    for (std::uint32_t m = 0; m < 4; ++m) {
        const TimeSignature meter = score::timeSignatureAt(s.timeline, m);
        s.timeline.measures[m].duration = meter.measureLength();
        for (int beat = 0; beat < meter.numerator; ++beat) beats.push_back(barLine + Rational{beat, meter.denominator});
        barLine += meter.measureLength();
    }

    const Stereo audio = renderThroughFile(s, Metronome::On);
    EXPECT_EQ(onsets(audio), samplesAt(TempoMap{{{.at = 0, .quarterBpm = 132}}}, beats));
}

TEST(RenderOnsetTest, NotesFollowRepeatsEndingsAndDaCapoAlFine) {
    // m0 |: m1 |1. m2 :|2. m3 (slower; Fine) | m4 D.C. al Fine
    auto s = measures(5);
    s.timeline.measures[1].repeatStart = true;
    s.timeline.measures[2].repeatEnd = 2;
    s.timeline.endings.push_back({2, 2, {1}});
    s.timeline.endings.push_back({3, 3, {2}});
    s.timeline.measures[3].navigation.push_back({NavigationKind::Fine});
    s.timeline.measures[4].navigation.push_back({NavigationKind::DaCapoAlFine});
    tempo(s, 0, 0, 132);
    tempo(s, 3, 0, 96);
    signatureRhythms(s);

    const Stereo audio = renderThroughFile(s, Metronome::Off);
    // After the D.C. the repeat is not taken again, and the music is back at 132 until the second
    // ending, which is slower on every pass.
    const TempoMap performed{{{.at = 0, .quarterBpm = 132},
                              {.at = 4, .quarterBpm = 96},
                              {.at = 6, .quarterBpm = 132},
                              {.at = 8, .quarterBpm = 96}}};
    EXPECT_EQ(onsets(audio), samplesAt(performed, signatureOnsets({0, 1, 2, 1, 3, 4, 0, 1, 3}, Rational{1})));
}

TEST(RenderOnsetTest, ALoopWrapsOnItsExactSample) {
    auto s = measures(4, {3, 4});
    tempo(s, 0, 0, 132);
    signatureRhythms(s);
    // From m1's downbeat (a note right on the wrap) to an eighth after m2's last note.
    const Rational loopStart{3, 4};
    const Rational loopEnd{2};
    const TempoMap map{{{.at = 0, .quarterBpm = 132}}};
    const std::int64_t wrapFrom = map.sampleAt(loopEnd, kRate);
    const std::int64_t wrapTo = map.sampleAt(loopStart, kRate);
    constexpr int kWraps = 3;

    const std::vector<std::int64_t> written = samplesAt(map, signatureOnsets({0, 1, 2, 3}, Rational{3, 4}));
    std::vector<std::int64_t> expected;
    std::copy_if(written.begin(), written.end(), std::back_inserter(expected),
                 [&](std::int64_t sample) { return sample < wrapFrom; });
    for (int pass = 0; pass < kWraps; ++pass) {
        for (const std::int64_t sample : written) {
            if (sample >= wrapTo && sample < wrapFrom) {
                expected.push_back(wrapFrom + pass * (wrapFrom - wrapTo) + sample - wrapTo);
            }
        }
    }

    // Blocks of 333 frames, so the wraps fall inside blocks.
    const Stereo audio = renderLive(
        s, {.frames = wrapFrom + kWraps * (wrapFrom - wrapTo), .loop = {{loopStart, loopEnd}}}, [] { return 333U; });
    EXPECT_EQ(onsets(audio), expected);
}

// Property: however the frames are cut into blocks, the audio is the same to the bit — with notes
// held across blocks, a tempo ramp, the metronome and a loop that wraps mid-block.
TEST(RenderOnsetTest, AnyBlockSizesRenderBitIdenticalAudio) {
    auto s = measures(5);
    tempo(s, 0, 0, 112, true);
    tempo(s, 3, 0, 80);
    for (std::uint32_t m = 0; m < 5; ++m) {
        note(s, 0, m, 0, Rational{3, 4}, "C3");
        note(s, 0, m, Rational{1, 8}, Rational{1, 2}, "E4");
        note(s, 0, m, Rational{5, 8}, Rational{3, 8}, "G4");
    }
    const LiveRender how{.rate = SampleRate{48000},
                         .frames = std::int64_t{48000} * 12,
                         .loop = {{Rational{1, 2}, Rational{7, 2}}},
                         .metronome = true};
    const Stereo reference = renderLive(s, how, [] { return 512U; });
    ASSERT_FALSE(onsets(reference).empty());

    // Sizes from 1 to 4096 spread evenly over the octaves, so tiny blocks come up as often as large ones.
    std::mt19937 random{20260522};
    std::uniform_real_distribution<double> octaves{0.0, 12.0};
    const Stereo varied =
        renderLive(s, how, [&] { return static_cast<std::uint32_t>(std::ceil(std::exp2(octaves(random)))); });

    ASSERT_EQ(varied.left.size(), reference.left.size());
    const auto bits = [](float sample) { return std::bit_cast<std::uint32_t>(sample); };
    for (std::size_t frame = 0; frame < reference.left.size(); ++frame) {
        ASSERT_EQ(bits(varied.left[frame]), bits(reference.left[frame])) << "left, frame " << frame;
        ASSERT_EQ(bits(varied.right[frame]), bits(reference.right[frame])) << "right, frame " << frame;
    }
}

}  // namespace
}  // namespace mos::engine
