#include "mos/audio/SfzFile.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sndfile.h>

#include "support/TempDirectory.hpp"

namespace mos::audio {
namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t kRate = 44100;
constexpr std::uint32_t kFrames = 1000;
constexpr int kWav16 = SF_FORMAT_WAV | SF_FORMAT_PCM_16;

// A recognisable ramp: frame i of channel c holds (i % 100) / 200, negated on the right channel.
float rampValue(std::size_t frame, int channel) {
    const float value = static_cast<float>(frame % 100) / 200.0F;
    return channel == 0 ? value : -value;
}

struct SndfileCloser {
    void operator()(SNDFILE* file) const noexcept { sf_close(file); }
};

// Writes a sample file of the ramp; `instrument` (base note, loops) goes into a WAV 'smpl' chunk.
void writeSample(const fs::path& path, int format = kWav16, int channels = 1, std::uint32_t frames = kFrames,
                 const SF_INSTRUMENT* instrument = nullptr) {
    fs::create_directories(path.parent_path());
    SF_INFO info{};
    info.samplerate = static_cast<int>(kRate);
    info.channels = channels;
    info.format = format;
    const std::unique_ptr<SNDFILE, SndfileCloser> file{sf_open(path.c_str(), SFM_WRITE, &info)};
    ASSERT_NE(file, nullptr) << sf_strerror(nullptr);
    if (instrument != nullptr) {
        SF_INSTRUMENT copy = *instrument;
        ASSERT_EQ(sf_command(file.get(), SFC_SET_INSTRUMENT, &copy, static_cast<int>(sizeof copy)), SF_TRUE);
    }
    std::vector<float> data;
    for (std::uint32_t i = 0; i < frames; ++i) {
        for (int c = 0; c < channels; ++c) data.push_back(rampValue(i, c));
    }
    ASSERT_EQ(sf_writef_float(file.get(), data.data(), frames), frames);
}

SF_INSTRUMENT instrumentWithLoop(int baseNote, std::uint32_t loopStart, std::uint32_t loopEnd) {
    SF_INSTRUMENT instrument{};
    instrument.basenote = static_cast<char>(baseNote);
    instrument.velocity_hi = 127;
    instrument.key_hi = 127;
    instrument.loop_count = 1;
    instrument.loops[0].mode = SF_LOOP_FORWARD;
    instrument.loops[0].start = loopStart;
    instrument.loops[0].end = loopEnd;  // exclusive, as libsndfile counts
    return instrument;
}

void writeText(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream{path, std::ios::binary} << text;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class SfzFileTest : public ::testing::Test {
protected:
    SfzFileTest() { writeSample(dir() / "a.wav"); }

    const fs::path& dir() const { return temp_.path(); }

    // Reads `text` as if it were piano.sfz in the temporary folder.
    core::Result<InstrumentBank> read(const std::string& text) { return readSfz(text, dir(), "piano.sfz", store); }

    // The regions of `text`, which must load.
    std::vector<SamplerRegion> regionsOf(const std::string& text) {
        auto bank = read(text);
        EXPECT_TRUE(bank.ok()) << (bank.ok() ? "" : bank.error().describe());
        if (!bank.ok() || bank->presets.size() != 1) return {};
        return bank->presets.front().regions;
    }

    SamplerRegion regionOf(const std::string& text) {
        auto regions = regionsOf(text);
        EXPECT_EQ(regions.size(), 1U);
        return regions.empty() ? SamplerRegion{} : regions.front();
    }

    // The error `text` must give.
    core::Error errorOf(const std::string& text) {
        auto bank = read(text);
        EXPECT_FALSE(bank.ok());
        return bank.ok() ? core::Error{} : bank.error();
    }

    std::vector<std::string> warningsOf(const std::string& text) {
        auto bank = read(text);
        EXPECT_TRUE(bank.ok()) << (bank.ok() ? "" : bank.error().describe());
        return bank.ok() ? bank->warnings : std::vector<std::string>{};
    }

    SampleStore store;

private:
    test::TempDirectory temp_;
};

TEST_F(SfzFileTest, ARegionWithoutOpcodesHasSfzDefaults) {
    auto bank = read("<region> sample=a.wav");
    ASSERT_TRUE(bank.ok()) << bank.error().describe();
    EXPECT_EQ(bank->name, "piano");
    EXPECT_EQ(bank->path, (dir() / "piano.sfz").string());
    EXPECT_TRUE(bank->singleInstrument);
    EXPECT_TRUE(bank->warnings.empty());
    ASSERT_EQ(bank->presets.size(), 1U);
    EXPECT_EQ(bank->presets[0].name, "piano");
    EXPECT_EQ(bank->find(3, 42), &bank->presets[0]);
    ASSERT_EQ(bank->presets[0].regions.size(), 1U);

    const SamplerRegion& region = bank->presets[0].regions[0];
    EXPECT_EQ(region.loKey, 0);
    EXPECT_EQ(region.hiKey, 127);
    EXPECT_EQ(region.rootKey, 60);
    EXPECT_EQ(region.trigger, Trigger::Attack);
    EXPECT_FLOAT_EQ(region.velocityTrack, 1.0F);
    EXPECT_FLOAT_EQ(region.attenuationDb, 0.0F);
    EXPECT_FLOAT_EQ(region.pan, 0.0F);
    EXPECT_FLOAT_EQ(region.tuneCents, 0.0F);
    EXPECT_FLOAT_EQ(region.keyTrackCents, 100.0F);
    EXPECT_EQ(region.filter, FilterType::None);
    EXPECT_EQ(region.loopMode, LoopMode::NoLoop);
    EXPECT_EQ(region.start, 0U);
    EXPECT_EQ(region.end, kFrames);
    EXPECT_FLOAT_EQ(region.volumeEnvelope.sustain, 1.0F);
    EXPECT_FLOAT_EQ(region.modulationEnvelope.sustain, 0.0F);
    ASSERT_NE(region.sample, nullptr);
    EXPECT_EQ(region.sample->name, "a.wav");
    EXPECT_EQ(region.sample->frames, kFrames);
    EXPECT_EQ(region.sample->channels, 1);
    EXPECT_EQ(region.sample->sampleRate, kRate);
    EXPECT_NEAR(region.sample->data[37], rampValue(37, 0), 1e-4);
    EXPECT_EQ(region.sample->data.size(), kFrames + Sample::kGuardFrames);
}

TEST_F(SfzFileTest, EveryRegionAnswersVolumeExpressionPanAndPitchWheel) {
    using Kind = ModulatorSource::Kind;
    using Curve = ModulatorSource::Curve;
    const SamplerRegion region = regionOf("<region> sample=a.wav");
    const auto controller = [](std::uint8_t number, Curve curve, bool bipolar, bool negative) {
        return ModulatorSource{
            .kind = Kind::Controller, .controller = number, .curve = curve, .bipolar = bipolar, .negative = negative};
    };
    const std::vector<Modulator> expected{
        {.primary = controller(7, Curve::Concave, false, true), .target = ModulatorTarget::AttenuationDb, .amount = 96},
        {.primary = controller(11, Curve::Concave, false, true),
         .target = ModulatorTarget::AttenuationDb,
         .amount = 96},
        {.primary = controller(10, Curve::Linear, true, false), .target = ModulatorTarget::PanUnits, .amount = 1},
        {.primary = {.kind = Kind::PitchWheel, .bipolar = true}, .target = ModulatorTarget::PitchCents, .amount = 200},
    };
    EXPECT_EQ(region.modulators, expected);

    const SamplerRegion bent = regionOf("<region> sample=a.wav bend_up=1200 bend_down=-1200");
    ASSERT_EQ(bent.modulators.size(), 4U);
    EXPECT_FLOAT_EQ(bent.modulators[3].amount, 1200.0F);
}

TEST_F(SfzFileTest, ABendDownOfAnotherSizeIsWarnedOnce) {
    const auto warnings = warningsOf(
        "<region> sample=a.wav bend_up=200 bend_down=-1200\n"
        "<region> sample=a.wav benddown=-700");
    ASSERT_EQ(warnings.size(), 1U);
    EXPECT_EQ(warnings[0],
              "bend_down=-1200 differs from bend_up=200: the pitch wheel bends 200 cents both ways "
              "(first at piano.sfz:1)");
}

TEST_F(SfzFileTest, RegionsInheritEveryHeaderAboveThemAndTheNearestWins) {
    const auto regions = regionsOf(R"(
<control> default_path=
<global> volume=-1 pan=-10 tune=1 amp_veltrack=10
<master> pan=-20 tune=2
<group> tune=3 lovel=5
<region> sample=a.wav
<region> sample=a.wav tune=4 volume=-9
<group> hivel=90
<region> sample=a.wav
<master> amp_veltrack=30
<region> sample=a.wav
<global> transpose=1
<region> sample=a.wav
)");
    ASSERT_EQ(regions.size(), 5U);
    // All four levels.
    EXPECT_FLOAT_EQ(regions[0].attenuationDb, 1.0F);
    EXPECT_FLOAT_EQ(regions[0].pan, -0.2F);
    EXPECT_FLOAT_EQ(regions[0].tuneCents, 3.0F);
    EXPECT_FLOAT_EQ(regions[0].velocityTrack, 0.1F);
    EXPECT_EQ(regions[0].loVelocity, 5);
    // The region's own opcodes win.
    EXPECT_FLOAT_EQ(regions[1].tuneCents, 4.0F);
    EXPECT_FLOAT_EQ(regions[1].attenuationDb, 9.0F);
    // A new <group> replaces the old one; the <master> stays.
    EXPECT_FLOAT_EQ(regions[2].tuneCents, 2.0F);
    EXPECT_EQ(regions[2].loVelocity, 1);
    EXPECT_EQ(regions[2].hiVelocity, 90);
    // A new <master> forgets the <group> too.
    EXPECT_FLOAT_EQ(regions[3].tuneCents, 1.0F);
    EXPECT_FLOAT_EQ(regions[3].pan, -0.1F);
    EXPECT_FLOAT_EQ(regions[3].velocityTrack, 0.3F);
    EXPECT_EQ(regions[3].hiVelocity, 127);
    // A new <global> forgets everything.
    EXPECT_FLOAT_EQ(regions[4].tuneCents, 100.0F);
    EXPECT_FLOAT_EQ(regions[4].attenuationDb, 0.0F);
    EXPECT_FLOAT_EQ(regions[4].velocityTrack, 1.0F);
}

TEST_F(SfzFileTest, ControlSetsTheSamplePathAndShiftsKeysForWhatFollows) {
    writeSample(dir() / "samples" / "low" / "b.wav");
    const auto regions = regionsOf(R"(
<region> sample=a.wav key=60
<control> default_path=samples\low\ note_offset=2 octave_offset=-1
<region> sample=b.wav lokey=c4 hikey=62 pitch_keycenter=61
<control> default_path=samples/low
<region> sample=b.wav
)");
    ASSERT_EQ(regions.size(), 3U);
    EXPECT_EQ(regions[0].sample->name, "a.wav");
    EXPECT_EQ(regions[0].loKey, 60);
    EXPECT_EQ(regions[1].sample->name, "samples/low/b.wav");
    EXPECT_EQ(regions[1].loKey, 50);
    EXPECT_EQ(regions[1].hiKey, 52);
    EXPECT_EQ(regions[1].rootKey, 51);
    EXPECT_EQ(regions[2].sample, regions[1].sample);
}

TEST_F(SfzFileTest, NoteNamesStandForKeysInAnyLetterCase) {
    const auto regions = regionsOf(R"(
<region> sample=a.wav lokey=c4 hikey=C#4 pitch_keycenter=db4
<region> sample=a.wav lokey=c-1 hikey=g9 pitch_keycenter=Bb3
<region> sample=a.wav key=a4
)");
    ASSERT_EQ(regions.size(), 3U);
    EXPECT_EQ(regions[0].loKey, 60);
    EXPECT_EQ(regions[0].hiKey, 61);
    EXPECT_EQ(regions[0].rootKey, 61);
    EXPECT_EQ(regions[1].loKey, 0);
    EXPECT_EQ(regions[1].hiKey, 127);
    EXPECT_EQ(regions[1].rootKey, 58);
    EXPECT_EQ(regions[2].loKey, 69);
    EXPECT_EQ(regions[2].hiKey, 69);
    EXPECT_EQ(regions[2].rootKey, 69);
}

TEST_F(SfzFileTest, OpcodesConvertToTheRegionsUnits) {
    const SamplerRegion region = regionOf(R"(<region> sample=a.wav
lokey=10 hikey=20 pitch_keycenter=15 lovel=30 hivel=40
tune=-12 transpose=2 pitch_keytrack=50
volume=-3.5 amp_veltrack=-40 pan=100
offset=10 end=899
ampeg_delay=0.1 ampeg_attack=0.2 ampeg_hold=0.3 ampeg_decay=0.4 ampeg_sustain=25 ampeg_release=0.6
fil_type=hpf_1p cutoff=1000 resonance=6
fileg_delay=1 fileg_attack=2 fileg_hold=3 fileg_decay=4 fileg_sustain=50 fileg_release=6 fileg_depth=-1200
trigger=release group=4 off_by=5 seq_length=3 seq_position=2 lorand=0.25 hirand=0.5
)");
    EXPECT_EQ(region.loKey, 10);
    EXPECT_EQ(region.hiKey, 20);
    EXPECT_EQ(region.rootKey, 15);
    EXPECT_EQ(region.loVelocity, 30);
    EXPECT_EQ(region.hiVelocity, 40);
    EXPECT_FLOAT_EQ(region.tuneCents, 188.0F);
    EXPECT_FLOAT_EQ(region.keyTrackCents, 50.0F);
    EXPECT_FLOAT_EQ(region.attenuationDb, 3.5F);
    EXPECT_FLOAT_EQ(region.velocityTrack, -0.4F);
    EXPECT_FLOAT_EQ(region.pan, 1.0F);
    EXPECT_EQ(region.start, 10U);
    EXPECT_EQ(region.end, 900U);
    EXPECT_EQ(
        region.volumeEnvelope,
        (EnvelopeShape{.delay = 0.1F, .attack = 0.2F, .hold = 0.3F, .decay = 0.4F, .sustain = 0.25F, .release = 0.6F}));
    EXPECT_EQ(region.filter, FilterType::HighPass1Pole);
    EXPECT_NEAR(region.filterCutoffCents, 1200.0 * std::log2(1000.0 / 8.176), 0.01);
    EXPECT_FLOAT_EQ(region.filterResonanceDb, 6.0F);
    EXPECT_EQ(region.modulationEnvelope,
              (EnvelopeShape{.delay = 1, .attack = 2, .hold = 3, .decay = 4, .sustain = 0.5F, .release = 6}));
    EXPECT_FLOAT_EQ(region.modEnvToFilterCents, -1200.0F);
    EXPECT_EQ(region.trigger, Trigger::Release);
    EXPECT_EQ(region.group, 4U);
    EXPECT_EQ(region.offBy, 5U);
    EXPECT_EQ(region.sequenceLength, 3);
    EXPECT_EQ(region.sequencePosition, 2);
    EXPECT_FLOAT_EQ(region.loRandom, 0.25F);
    EXPECT_FLOAT_EQ(region.hiRandom, 0.5F);
}

TEST_F(SfzFileTest, TriggerAndFilterWordsMapToTheModel) {
    const auto regions = regionsOf(R"(
<region> sample=a.wav trigger=attack fil_type=lpf_1p cutoff=500
<region> sample=a.wav trigger=first fil_type=LPF_2P cutoff=500
<region> sample=a.wav trigger=legato fil_type=bpf_2p cutoff=500
<region> sample=a.wav fil_type=brf_2p cutoff=500
<region> sample=a.wav fil_type=hpf_2p cutoff=500
<region> sample=a.wav cutoff=500
<region> sample=a.wav fil_type=hpf_2p
)");
    ASSERT_EQ(regions.size(), 7U);
    EXPECT_EQ(regions[0].trigger, Trigger::Attack);
    EXPECT_EQ(regions[1].trigger, Trigger::First);
    EXPECT_EQ(regions[2].trigger, Trigger::Legato);
    EXPECT_EQ(regions[0].filter, FilterType::LowPass1Pole);
    EXPECT_EQ(regions[1].filter, FilterType::LowPass2Pole);
    EXPECT_EQ(regions[2].filter, FilterType::BandPass2Pole);
    EXPECT_EQ(regions[3].filter, FilterType::BandReject2Pole);
    EXPECT_EQ(regions[4].filter, FilterType::HighPass2Pole);
    EXPECT_EQ(regions[5].filter, FilterType::LowPass2Pole);  // a cutoff alone: SFZ's default lpf_2p
    EXPECT_EQ(regions[6].filter, FilterType::None);          // no cutoff, no filter
}

TEST_F(SfzFileTest, AnApproximatedFilterTypeIsWarnedOnce) {
    auto bank =
        read("<region> sample=a.wav fil_type=lpf_4p cutoff=500\n<region> sample=a.wav fil_type=lpf_4p cutoff=9");
    ASSERT_TRUE(bank.ok()) << bank.error().describe();
    EXPECT_EQ(bank->presets[0].regions[1].filter, FilterType::LowPass2Pole);
    EXPECT_EQ(bank->warnings, std::vector<std::string>{"fil_type=lpf_4p is played as lpf_2p (first at piano.sfz:1)"});
}

TEST_F(SfzFileTest, OutOfRangeValuesAreClampedWithOneWarningPerOpcode) {
    auto bank = read("<region> sample=a.wav pan=150 lokey=200\n<region> sample=a.wav pan=-300 volume=-200");
    ASSERT_TRUE(bank.ok()) << bank.error().describe();
    const auto& regions = bank->presets[0].regions;
    EXPECT_FLOAT_EQ(regions[0].pan, 1.0F);
    EXPECT_EQ(regions[0].loKey, 127);
    EXPECT_FLOAT_EQ(regions[1].pan, -1.0F);
    EXPECT_FLOAT_EQ(regions[1].attenuationDb, 144.0F);
    const std::vector<std::string> expected{
        "pan=150 is outside -100 to 100, so it was taken as 100 (first at piano.sfz:1)",
        "lokey=200 is outside 0 to 127, so it was taken as 127 (first at piano.sfz:1)",
        "volume=-200 is outside -144 to 48, so it was taken as -144 (first at piano.sfz:2)",
    };
    EXPECT_EQ(bank->warnings, expected);
}

TEST_F(SfzFileTest, CommentsAreIgnored) {
    const auto regions = regionsOf(
        "// a piano\n"
        "<region> /* one\n"
        "  two */ sample=a.wav lokey=3 // hikey=4\n"
        "hikey=5/**/pan=10");
    ASSERT_EQ(regions.size(), 1U);
    EXPECT_EQ(regions[0].loKey, 3);
    EXPECT_EQ(regions[0].hiKey, 5);
    EXPECT_FLOAT_EQ(regions[0].pan, 0.1F);
}

TEST_F(SfzFileTest, SamplePathsMayHoldSpacesAndBackslashes) {
    writeSample(dir() / "Grand Piano" / "C 4.wav");
    const auto regions = regionsOf(
        "<region> sample=Grand Piano\\C 4.wav  lokey=2\n"
        "<region> sample=Grand Piano/C 4.wav   \n"
        "<region>sample=a.wav<region>sample=./Grand Piano/../a.wav");
    ASSERT_EQ(regions.size(), 4U);
    EXPECT_EQ(regions[0].sample->name, "Grand Piano/C 4.wav");
    EXPECT_EQ(regions[0].loKey, 2);
    EXPECT_EQ(regions[1].sample, regions[0].sample);
    EXPECT_EQ(regions[3].sample, regions[2].sample);
}

TEST_F(SfzFileTest, ASampleIsLoadedOnceAndSharedThroughTheStore) {
    writeSample(dir() / "b.wav");
    const auto first = regionsOf("<region> sample=a.wav <region> sample=b.wav <region> sample=a.wav key=1");
    ASSERT_EQ(first.size(), 3U);
    EXPECT_EQ(first[0].sample, first[2].sample);
    EXPECT_NE(first[0].sample, first[1].sample);
    EXPECT_EQ(store.size(), 2U);

    const auto again = regionsOf("<region> sample=sub/../b.wav");
    ASSERT_EQ(again.size(), 1U);
    EXPECT_EQ(again[0].sample, first[1].sample);
    EXPECT_EQ(store.size(), 2U);
}

TEST_F(SfzFileTest, AStereoSampleKeepsBothChannelsInterleaved) {
    writeSample(dir() / "stereo.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_24, 2);
    const SamplerRegion region = regionOf("<region> sample=stereo.flac");
    ASSERT_NE(region.sample, nullptr);
    EXPECT_EQ(region.sample->channels, 2);
    EXPECT_EQ(region.sample->frames, kFrames);
    EXPECT_EQ(region.sample->data.size(), 2 * (kFrames + Sample::kGuardFrames));
    constexpr std::size_t kFrame = 42;
    EXPECT_NEAR(region.sample->data[2 * kFrame], rampValue(kFrame, 0), 1e-5);
    EXPECT_NEAR(region.sample->data[2 * kFrame + 1], rampValue(kFrame, 1), 1e-5);
    EXPECT_EQ(region.sample->data.back(), 0.0F);
}

TEST_F(SfzFileTest, AnOggVorbisSampleIsDecoded) {
    writeSample(dir() / "soft.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 1, 20000);
    const SamplerRegion region = regionOf("<region> sample=soft.ogg");
    ASSERT_NE(region.sample, nullptr);
    EXPECT_EQ(region.sample->frames, 20000U);
    EXPECT_EQ(region.sample->sampleRate, kRate);
    const auto loudest = std::max_element(region.sample->data.begin(), region.sample->data.end());
    EXPECT_NEAR(*loudest, rampValue(99, 0), 0.1);  // lossy, but the ramp's peak survives
}

TEST_F(SfzFileTest, MoreThanTwoChannelsIsAnError) {
    writeSample(dir() / "surround.wav", kWav16, 4);
    const core::Error error = errorOf("<region> sample=surround.wav");
    EXPECT_EQ(error.code, core::ErrorCode::Unsupported);
    EXPECT_TRUE(contains(error.describe(), "piano.sfz:1:17: sample 'surround.wav'")) << error.describe();
    EXPECT_TRUE(contains(error.message, "4 channels")) << error.message;
}

TEST_F(SfzFileTest, ASampleLoopsAsItsFileSaysUnlessTheOpcodesSayOtherwise) {
    const SF_INSTRUMENT instrument = instrumentWithLoop(67, 100, 200);
    writeSample(dir() / "looped.wav", kWav16, 1, kFrames, &instrument);
    const auto regions = regionsOf(R"(
<region> sample=looped.wav
<region> sample=looped.wav loop_mode=no_loop
<region> sample=looped.wav loop_start=300 loop_end=399 loop_mode=loop_sustain
<region> sample=looped.wav loopstart=150 loopmode=one_shot
<region> sample=looped.wav pitch_keycenter=sample
<region> sample=a.wav loop_mode=loop_continuous
<region> sample=a.wav loop_start=10 loop_end=19
)");
    ASSERT_EQ(regions.size(), 7U);
    EXPECT_EQ(regions[0].sample->originalKey, 67);
    EXPECT_EQ(regions[0].sample->loopStart, 100U);
    EXPECT_EQ(regions[0].sample->loopEnd, 200U);
    // No loop_mode and a loop in the file: it loops continuously, from the file's points.
    EXPECT_EQ(regions[0].loopMode, LoopMode::LoopContinuous);
    EXPECT_EQ(regions[0].loopStart, 100U);
    EXPECT_EQ(regions[0].loopEnd, 200U);
    EXPECT_EQ(regions[0].rootKey, 60);  // pitch_keycenter's default, whatever the file says
    EXPECT_EQ(regions[1].loopMode, LoopMode::NoLoop);
    // SFZ's loop_end is the loop's last frame; the model's end is exclusive.
    EXPECT_EQ(regions[2].loopMode, LoopMode::LoopSustain);
    EXPECT_EQ(regions[2].loopStart, 300U);
    EXPECT_EQ(regions[2].loopEnd, 400U);
    EXPECT_EQ(regions[3].loopMode, LoopMode::OneShot);
    EXPECT_EQ(regions[4].rootKey, 67);
    // A sample without a loop: looping it loops the whole of it; no loop_mode, no loop.
    EXPECT_EQ(regions[5].loopMode, LoopMode::LoopContinuous);
    EXPECT_EQ(regions[5].loopStart, 0U);
    EXPECT_EQ(regions[5].loopEnd, kFrames);
    EXPECT_EQ(regions[6].loopMode, LoopMode::NoLoop);
}

TEST_F(SfzFileTest, PlacesBeyondTheSampleAreClampedWithAWarning) {
    auto bank = read(
        "<region> sample=a.wav offset=5000\n"
        "<region> sample=a.wav end=123456 loop_mode=loop_continuous loop_start=10 loop_end=5000\n"
        "<region> sample=a.wav end=-1 group=1 off_by=2\n"
        "<region> sample=a.wav loop_mode=loop_continuous loop_start=900 loop_end=800");
    ASSERT_TRUE(bank.ok()) << bank.error().describe();
    const auto& regions = bank->presets[0].regions;
    ASSERT_EQ(regions.size(), 4U);
    EXPECT_EQ(regions[0].start, kFrames);
    EXPECT_EQ(regions[0].end, kFrames);
    EXPECT_EQ(regions[1].end, kFrames);
    EXPECT_EQ(regions[1].loopStart, 10U);
    EXPECT_EQ(regions[1].loopEnd, kFrames);
    EXPECT_EQ(regions[2].start, 0U);
    EXPECT_EQ(regions[2].end, 0U);  // end=-1: silent, but it still silences group 2
    EXPECT_EQ(regions[3].loopMode, LoopMode::NoLoop);
    const std::vector<std::string> expected{
        "offset=5000 lies beyond the end of sample 'a.wav' (1000 frames), so the sample's end is used "
        "(first at piano.sfz:1)",
        "end=123456 lies beyond the end of sample 'a.wav' (1000 frames), so the sample's end is used "
        "(first at piano.sfz:2)",
        "loop_end=5000 lies beyond the end of sample 'a.wav' (1000 frames), so the sample's end is used "
        "(first at piano.sfz:2)",
        "loop_start=900 is not before the loop's end at frame 801 of sample 'a.wav', so the region does not "
        "loop (first at piano.sfz:4)",
    };
    EXPECT_EQ(bank->warnings, expected);
}

TEST_F(SfzFileTest, SilenceIsABuiltInSampleAndOtherBuiltInsAreSkipped) {
    auto bank = read("<region> sample=*silence key=1 <region> sample=*sine key=2 <region> key=3");
    ASSERT_TRUE(bank.ok()) << bank.error().describe();
    ASSERT_EQ(bank->presets[0].regions.size(), 1U);
    EXPECT_EQ(bank->presets[0].regions[0].loKey, 1);
    EXPECT_EQ(bank->presets[0].regions[0].sample->name, "*silence");
    const std::vector<std::string> expected{
        "the built-in sound '*sine' is not available, so its regions are skipped (first at piano.sfz:1)",
        "a region without a sample is skipped (first at piano.sfz:1)",
    };
    EXPECT_EQ(bank->warnings, expected);
}

TEST_F(SfzFileTest, AnUnknownOpcodeIsWarnedOnceByName) {
    const auto warnings = warningsOf(
        "<global> foo=1\n"
        "<region> sample=a.wav foo=2 bar=3\n"
        "<region> sample=a.wav foo=4\n"
        "<control> lokey=3 set_cc7=100\n"
        "<region> sample=a.wav default_path=x/");
    const std::vector<std::string> expected{
        "unknown opcode 'foo' (first at piano.sfz:1)",
        "unknown opcode 'bar' (first at piano.sfz:2)",
        "opcode 'lokey' under <control> is ignored (first at piano.sfz:4)",
        "unknown opcode 'set_cc7' (first at piano.sfz:4)",
        "opcode 'default_path' outside <control> is ignored (first at piano.sfz:5)",
    };
    EXPECT_EQ(warnings, expected);
}

TEST_F(SfzFileTest, UnsupportedHeadersAreSkippedWithTheirOpcodesAndWarnedOnce) {
    auto bank = read(
        "<group> volume=-3\n"
        "<curve> curve_index=7 v000=0\n"
        "<effect> type=reverb\n"
        "<region> sample=a.wav\n"
        "<curve> curve_index=8 lokey=banana\n"
        "<midi>");
    ASSERT_TRUE(bank.ok()) << bank.error().describe();
    ASSERT_EQ(bank->presets[0].regions.size(), 1U);
    EXPECT_FLOAT_EQ(bank->presets[0].regions[0].attenuationDb, 3.0F);
    const std::vector<std::string> expected{
        "<curve> headers are not supported, so their opcodes are ignored (first at piano.sfz:2)",
        "<effect> headers are not supported, so their opcodes are ignored (first at piano.sfz:3)",
        "<midi> headers are not supported, so their opcodes are ignored (first at piano.sfz:6)",
    };
    EXPECT_EQ(bank->warnings, expected);
}

TEST_F(SfzFileTest, AMalformedValueIsAnErrorAtItsLineAndColumn) {
    const core::Error error = errorOf(
        "<region> sample=a.wav\n"
        "  lokey=banana hikey=3");
    EXPECT_EQ(error.code, core::ErrorCode::ParseError);
    EXPECT_EQ(error.describe(), "piano.sfz:2:9: lokey=banana: expected a key: 0 to 127, or a note name like c4 or c#4");

    EXPECT_EQ(errorOf("<region> pan=left").describe(), "piano.sfz:1:14: pan=left: expected a number");
    EXPECT_EQ(errorOf("<region>\nlovel=1.5").describe(), "piano.sfz:2:7: lovel=1.5: expected a whole number");
    EXPECT_EQ(errorOf("<region> loop_mode=forever").describe(),
              "piano.sfz:1:20: loop_mode=forever: expected one of no_loop, one_shot, loop_continuous, loop_sustain");
    EXPECT_EQ(errorOf("<control> note_offset=x").describe(), "piano.sfz:1:23: note_offset=x: expected a whole number");
}

TEST_F(SfzFileTest, TextThatIsNoStatementIsAnErrorAtItsPlace) {
    EXPECT_EQ(errorOf("<region> sample=a.wav\n  lokey 60").describe(),
              "piano.sfz:2:3: expected an opcode (name=value) or a header, found 'lokey'");
    EXPECT_EQ(errorOf("<region sample=a.wav").describe(), "piano.sfz:1:1: '<region' is no header like <region>");
}

TEST_F(SfzFileTest, AnUnclosedCommentIsAnError) {
    const core::Error error = errorOf("<region> sample=a.wav\n /* forgot to close");
    EXPECT_EQ(error.code, core::ErrorCode::ParseError);
    EXPECT_EQ(error.describe(), "piano.sfz:2:2: this /* comment is never closed by */");
}

TEST_F(SfzFileTest, AMissingSampleIsAnErrorNamingTheFileLineAndPath) {
    const core::Error error = errorOf("<region> sample=a.wav\n<region> sample=gone/missing.wav");
    EXPECT_EQ(error.code, core::ErrorCode::NotFound);
    EXPECT_EQ(error.where.file, "piano.sfz");
    EXPECT_EQ(error.where.line, 2);
    EXPECT_EQ(error.where.column, 17);
    EXPECT_EQ(error.message,
              "sample 'gone/missing.wav' (" + (dir() / "gone" / "missing.wav").string() + "): no such file");

    writeText(dir() / "text.wav", "not audio at all");
    const core::Error unreadable = errorOf("<region> sample=text.wav");
    EXPECT_EQ(unreadable.code, core::ErrorCode::ParseError);
    EXPECT_TRUE(contains(unreadable.message, "not an audio file libsndfile can read")) << unreadable.message;
}

TEST_F(SfzFileTest, DefinesAreReplacedAndIncludesPastedInFromTheMainFolder) {
    writeText(dir() / "inc" / "keys.sfzh", "#define $HIGH 72\n#include \"inc/deeper/region.sfzh\"\n");
    writeText(dir() / "inc" / "deeper" / "region.sfzh", "<region> sample=$SAMPLE lokey=$LOW hikey=$HIGH\n");
    const auto regions = regionsOf(R"(#define $LOW 48
#define $SAMPLE a.wav
#define $LOW1 49
#define $C c
#include "inc/keys.sfzh"
<region> sample=$SAMPLE key=$HIGH
<region> sample=$SAMPLE lokey=$LOW1 hikey=$C5
#define $LOW 50
<region> sample=$SAMPLE lokey=$LOW
)");
    ASSERT_EQ(regions.size(), 4U);
    EXPECT_EQ(regions[0].loKey, 48);
    EXPECT_EQ(regions[0].hiKey, 72);
    EXPECT_EQ(regions[0].sample->name, "a.wav");
    EXPECT_EQ(regions[1].loKey, 72);  // defined inside the include, used after it
    EXPECT_EQ(regions[2].loKey, 49);  // the longest defined name wins
    EXPECT_EQ(regions[2].hiKey, 72);  // "$C5": $C, then a 5
    EXPECT_EQ(regions[3].loKey, 50);  // redefined
}

TEST_F(SfzFileTest, ADefineMayUseEarlierOnes) {
    const auto regions = regionsOf(
        "#define $NOTE c\n#define $OCTAVE 4\n#define $KEY $NOTE$OCTAVE\n"
        "#define $FILE a\n<region> sample=$FILE.wav key=$KEY");
    ASSERT_EQ(regions.size(), 1U);
    EXPECT_EQ(regions[0].loKey, 60);
}

TEST_F(SfzFileTest, DefinesThatDoubleEachOtherStopAtABound) {
    std::string text = "#define $A0 " + std::string(1000, 'x') + "\n";
    for (int i = 1; i < 40; ++i) {
        text += "#define $A" + std::to_string(i) + " $A" + std::to_string(i - 1) + "$A" + std::to_string(i - 1) + "\n";
    }
    const core::Error error = errorOf(text);
    EXPECT_EQ(error.code, core::ErrorCode::InvalidArgument);
    EXPECT_EQ(error.describe(), "piano.sfz:8:1: the value of $A7 grows beyond 64 KiB");
}

TEST_F(SfzFileTest, ErrorsInsideAnIncludeOrADefinePointWhereTheTextWasWritten) {
    writeText(dir() / "inc" / "bad.sfzh", "<region> sample=a.wav\n\n   hikey=banana\n");
    EXPECT_EQ(errorOf("// main\n#include \"inc/bad.sfzh\"").describe(),
              "inc/bad.sfzh:3:10: hikey=banana: expected a key: 0 to 127, or a note name like c4 or c#4");
    EXPECT_EQ(errorOf("#define $K banana\n<region> sample=a.wav lokey=$K").describe(),
              "piano.sfz:2:29: lokey=banana: expected a key: 0 to 127, or a note name like c4 or c#4");
}

TEST_F(SfzFileTest, AMissingIncludeIsAnError) {
    const core::Error error = errorOf("<region> sample=a.wav\n  #include \"nowhere.sfzh\"");
    EXPECT_EQ(error.code, core::ErrorCode::NotFound);
    EXPECT_EQ(error.describe(), "piano.sfz:2:3: #include \"nowhere.sfzh\": no such file");
    EXPECT_EQ(errorOf("#include nowhere.sfzh").describe(), "piano.sfz:1:1: #include needs a path in double quotes");
    EXPECT_EQ(errorOf("#define KEY 3").describe(),
              "piano.sfz:1:1: #define needs a $name and a value, as in #define $KEY 60");
}

TEST_F(SfzFileTest, AnIncludeCycleIsAnError) {
    writeText(dir() / "one.sfzh", "#include \"two.sfzh\"\n");
    writeText(dir() / "two.sfzh", "<region> sample=a.wav\n#include \"one.sfzh\"\n");
    const core::Error error = errorOf("#include \"one.sfzh\"");
    EXPECT_EQ(error.code, core::ErrorCode::InvalidArgument);
    EXPECT_EQ(error.describe(),
              "two.sfzh:2:1: #include \"one.sfzh\": an include cycle: one.sfzh -> two.sfzh -> one.sfzh");

    writeText(dir() / "self.sfz", "<region> sample=a.wav\n#include \"self.sfz\"\n");
    auto self = loadSfz(dir() / "self.sfz", store);
    ASSERT_FALSE(self.ok());
    EXPECT_TRUE(contains(self.error().message, "an include cycle")) << self.error().describe();
}

TEST_F(SfzFileTest, IncludingOneFileTwiceIsNoCycle) {
    writeText(dir() / "region.sfzh", "<region> sample=a.wav\n");
    const auto regions = regionsOf("#include \"region.sfzh\"\n#include \"region.sfzh\"");
    EXPECT_EQ(regions.size(), 2U);
}

TEST_F(SfzFileTest, LoadSfzReadsAFileAndNamesItInErrors) {
    const fs::path path = dir() / "Upright Piano.sfz";
    writeText(path, "<region> sample=a.wav lokey=c4");
    auto bank = loadSfz(path, store);
    ASSERT_TRUE(bank.ok()) << bank.error().describe();
    EXPECT_EQ(bank->name, "Upright Piano");
    EXPECT_EQ(bank->path, path.string());
    EXPECT_EQ(bank->presets.at(0).name, "Upright Piano");
    EXPECT_EQ(bank->presets[0].regions.at(0).loKey, 60);

    writeText(path, "<region> sample=a.wav lokey=x");
    EXPECT_EQ(loadSfz(path, store).error().where.file, path.string());

    const auto missing = loadSfz(dir() / "none.sfz", store);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(missing.error().describe(), (dir() / "none.sfz").string() + ": no such file");
}

TEST_F(SfzFileTest, AByteOrderMarkAndWindowsLineEndsAreAccepted) {
    const auto regions = regionsOf("\xEF\xBB\xBF<region>\r\nsample=a.wav\r\nlokey=5\r\n");
    ASSERT_EQ(regions.size(), 1U);
    EXPECT_EQ(regions[0].loKey, 5);
    EXPECT_EQ(regions[0].sample->name, "a.wav");
}

}  // namespace
}  // namespace mos::audio
