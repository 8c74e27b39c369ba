#include "mos/audio/SoundFontFile.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/SoundFontBuilder.hpp"
#include "support/TempDirectory.hpp"

namespace mos::audio {
namespace {

namespace fs = std::filesystem;
using test::SfGen;
using test::SfModulator;
using test::SfSample;
using test::SfZone;
using test::SoundFontBuilder;
namespace src = test::sf_source;

constexpr std::uint32_t kRate = 44100;
constexpr std::uint32_t kFrames = 4000;
constexpr float kTolerance = 1e-4F;

// Record layout of section 7, for the tests that break files on purpose.
constexpr std::size_t kChunkHeaderBytes = 8;
constexpr std::size_t kBagBytes = 4;
constexpr std::size_t kPresetHeaderBytes = 38;
constexpr std::size_t kPresetBagField = 24;
constexpr std::uint32_t kSampleHeaderBytes = 46;

SfSample testSample() { return SfSample::sine("Sine", 441.0, kRate, kFrames).withLoop(100, 3900).withKey(69, -5); }

SfZone playing(SfZone zone) { return std::move(zone.sample(0)); }
SfZone using0(SfZone zone) { return std::move(zone.instrument(0)); }

// A font with one sample, one instrument of the given zones and one preset of the given zones. The
// zones are written as given: only those made with playing() or using0() play something, so a zone
// without is a global zone when it comes first.
SoundFontBuilder fontOf(std::vector<SfZone> instrumentZones, std::vector<SfZone> presetZones = {using0({})},
                        SfSample sample = testSample()) {
    SoundFontBuilder font{"Layers"};
    font.addSample(std::move(sample));
    font.addInstrument("Instrument", std::move(instrumentZones));
    font.addPreset("Preset", 0, 0, std::move(presetZones));
    return font;
}

bool hasWarning(const InstrumentBank& bank, const std::string& part) {
    return std::any_of(bank.warnings.begin(), bank.warnings.end(),
                       [&](const std::string& warning) { return warning.find(part) != std::string::npos; });
}

std::string allWarnings(const InstrumentBank& bank) {
    std::string text;
    for (const std::string& warning : bank.warnings) text += warning + "\n";
    return text;
}

ModulatorSource source(ModulatorSource::Kind kind, std::uint8_t controller = 0,
                       ModulatorSource::Curve curve = ModulatorSource::Curve::Linear, bool bipolar = false,
                       bool negative = false) {
    return {kind, controller, curve, bipolar, negative};
}
ModulatorSource cc(std::uint8_t controller, ModulatorSource::Curve curve = ModulatorSource::Curve::Linear,
                   bool bipolar = false, bool negative = false) {
    return source(ModulatorSource::Kind::Controller, controller, curve, bipolar, negative);
}

std::vector<Modulator> modulatorsFrom(const SamplerRegion& region, const ModulatorSource& primary) {
    std::vector<Modulator> found;
    std::copy_if(region.modulators.begin(), region.modulators.end(), std::back_inserter(found),
                 [&](const Modulator& modulator) { return modulator.primary == primary; });
    return found;
}

// The first frame of each upward zero crossing, interpolated: the pitch of a decoded sine.
double estimateHertz(const Sample& sample) {
    std::vector<double> crossings;
    for (std::uint32_t i = 1; i < sample.frames; ++i) {
        const float before = sample.data[i - 1];
        const float after = sample.data[i];
        if (before < 0.0F && after >= 0.0F) crossings.push_back(static_cast<double>(i - 1) + before / (before - after));
    }
    if (crossings.size() < 2) return 0.0;
    return static_cast<double>(crossings.size() - 1) * sample.sampleRate / (crossings.back() - crossings.front());
}

// Every region plays a sample and stays inside it; returns the first broken rule found.
std::string firstUnplayableRegion(const InstrumentBank& bank) {
    for (const Preset& preset : bank.presets) {
        for (const SamplerRegion& region : preset.regions) {
            const std::string where = "preset " + std::to_string(preset.bank) + ":" + std::to_string(preset.program);
            if (!region.sample) return where + ": no sample";
            if (region.start >= region.end || region.end > region.sample->frames) return where + ": start/end";
            if (region.loopMode != LoopMode::NoLoop &&
                (region.loopStart < region.start || region.loopStart >= region.loopEnd ||
                 region.loopEnd > region.end)) {
                return where + ": loop";
            }
            if (region.rootKey > 127 || region.loKey > region.hiKey || region.loVelocity > region.hiVelocity) {
                return where + ": keys";
            }
            if (region.sample->data.size() != std::size_t{region.sample->frames + Sample::kGuardFrames}) {
                return where + ": guard frames";
            }
        }
    }
    return {};
}

void putU16(std::vector<std::byte>& bytes, std::size_t at, std::uint16_t value) {
    bytes[at] = static_cast<std::byte>(value & 0xFFU);
    bytes[at + 1] = static_cast<std::byte>(value >> 8U);
}
void putU32(std::vector<std::byte>& bytes, std::size_t at, std::uint32_t value) {
    putU16(bytes, at, static_cast<std::uint16_t>(value & 0xFFFFU));
    putU16(bytes, at + 2, static_cast<std::uint16_t>(value >> 16U));
}

class SoundFontFileTest : public ::testing::Test {
protected:
    core::Result<InstrumentBank> load(const SoundFontBuilder& font, const std::string& name = "font.sf2") {
        font.write(directory_.path() / name);
        return loadSoundFont(directory_.path() / name, store_);
    }
    core::Result<InstrumentBank> loadBytes(const std::vector<std::byte>& bytes, const std::string& name = "bad.sf2") {
        const fs::path path = directory_.path() / name;
        std::ofstream{path, std::ios::binary}.write(reinterpret_cast<const char*>(bytes.data()),
                                                    static_cast<std::streamsize>(bytes.size()));
        return loadSoundFont(path, store_);
    }
    // The region of a font whose one preset has exactly one; fails the test otherwise.
    std::optional<SamplerRegion> onlyRegion(const SoundFontBuilder& font) {
        auto bank = load(font);
        EXPECT_TRUE(bank) << bank.error().describe();
        if (!bank || bank->presets.size() != 1 || bank->presets[0].regions.size() != 1) {
            ADD_FAILURE() << "expected one preset with one region";
            return std::nullopt;
        }
        return bank->presets[0].regions[0];
    }
    // Expects `bytes` to fail to load at `byteOffset` with a message containing `part`.
    void expectError(const std::vector<std::byte>& bytes, std::int64_t byteOffset, const std::string& part) {
        const auto bank = loadBytes(bytes);
        ASSERT_FALSE(bank);
        const core::Error& error = bank.error();
        EXPECT_EQ(error.where.file, (directory_.path() / "bad.sf2").string());
        EXPECT_EQ(error.where.byteOffset, byteOffset) << error.describe();
        EXPECT_NE(error.message.find(part), std::string::npos) << error.describe();
        EXPECT_NE(error.describe().find("bad.sf2 at byte " + std::to_string(byteOffset)), std::string::npos)
            << error.describe();
    }

    test::TempDirectory directory_;
    SampleStore store_;
};

TEST_F(SoundFontFileTest, PresetsAreSortedByBankThenProgramAndKeepTheFontName) {
    SoundFontBuilder font{"My Font"};
    font.addSample(testSample());
    font.addInstrument("Tone", {SfZone{}.sample(0)});
    font.addPreset("Kit", 128, 0, {SfZone{}.instrument(0)});
    font.addPreset("Five", 0, 5, {SfZone{}.instrument(0)});
    font.addPreset("Bank One", 1, 0, {SfZone{}.instrument(0)});
    font.addPreset("One", 0, 1, {SfZone{}.instrument(0)});

    const auto bank = load(font, "my.sf2");
    ASSERT_TRUE(bank) << bank.error().describe();
    EXPECT_EQ(bank->name, "My Font");
    EXPECT_EQ(bank->path, (directory_.path() / "my.sf2").string());
    ASSERT_EQ(bank->presets.size(), 4U);
    const std::vector<std::pair<std::uint16_t, std::uint8_t>> expected{{0, 1}, {0, 5}, {1, 0}, {128, 0}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(bank->presets[i].bank, expected[i].first);
        EXPECT_EQ(bank->presets[i].program, expected[i].second);
    }
    EXPECT_EQ(bank->presets[0].name, "One");
    EXPECT_EQ(bank->find(kDrumBank, 0)->name, "Kit");
    EXPECT_TRUE(bank->warnings.empty()) << allWarnings(*bank);
}

// A render loads only the presets it plays: those find() answers its ids with, over samples of
// their own, while find() still answers every id played as the whole font would.
TEST_F(SoundFontFileTest, LoadingThePresetsPlayedKeepsWhatFindAnswersThemWith) {
    SoundFontBuilder font{"Four"};
    for (int i = 0; i < 4; ++i) {
        font.addSample(SfSample::sine("tone" + std::to_string(i), 220.0 * (i + 1), 44100, 4410));
        font.addInstrument("Tone " + std::to_string(i), {SfZone{}.sample(static_cast<std::uint16_t>(i))});
    }
    font.addPreset("Piano", 0, 0, {SfZone{}.instrument(0)});
    font.addPreset("Organ", 0, 19, {SfZone{}.instrument(1)});
    font.addPreset("Strings", 0, 48, {SfZone{}.instrument(2)});
    font.addPreset("Kit", 128, 0, {SfZone{}.instrument(3)});
    font.write(directory_.path() / "four.sf2");
    SampleStore wholeStore;
    const auto all = loadSoundFont(directory_.path() / "four.sf2", wholeStore);
    ASSERT_TRUE(all) << all.error().describe();

    // Bank 8's organ falls back to bank 0's, program 40 to the first preset, drum kit 25 to kit 0.
    const std::vector<PresetId> played{{8, 19}, {0, 40}, {kDrumBank, 25}};
    const auto some = loadSoundFont(directory_.path() / "four.sf2", store_, played);
    ASSERT_TRUE(some) << some.error().describe();
    std::vector<std::string> names;
    for (const Preset& preset : some->presets) names.push_back(preset.name);
    EXPECT_EQ(names, (std::vector<std::string>{"Piano", "Organ", "Kit"}));
    for (const PresetId id : played) {
        EXPECT_EQ(some->find(id.bank, id.program)->name, all->find(id.bank, id.program)->name);
    }
    EXPECT_EQ(store_.size(), 3U);  // the strings' sample was never decoded
    EXPECT_EQ(wholeStore.size(), 4U);
}

TEST_F(SoundFontFileTest, UnsetGeneratorsTakeTheDefaultsOfTheStandard) {
    const auto region = onlyRegion(fontOf({playing({})}, {using0({})}));
    ASSERT_TRUE(region);
    EXPECT_EQ(region->loKey, 0);
    EXPECT_EQ(region->hiKey, 127);
    EXPECT_EQ(region->loVelocity, 1);  // velocity 0 is a note-off
    EXPECT_EQ(region->hiVelocity, 127);
    EXPECT_EQ(region->start, 0U);
    EXPECT_EQ(region->end, kFrames);
    EXPECT_EQ(region->loopMode, LoopMode::NoLoop);
    EXPECT_EQ(region->rootKey, 69);
    EXPECT_FLOAT_EQ(region->tuneCents, -5.0F);  // the sample's pitch correction
    EXPECT_FLOAT_EQ(region->keyTrackCents, 100.0F);
    EXPECT_FLOAT_EQ(region->attenuationDb, 0.0F);
    EXPECT_FLOAT_EQ(region->pan, 0.0F);
    EXPECT_EQ(region->volumeEnvelope, EnvelopeShape{});  // -12000 timecents: instant stages, sustain 0 cB
    EXPECT_EQ(region->modulationEnvelope, EnvelopeShape{});
    EXPECT_NEAR(region->modulationLfo.frequencyHz, 8.176F, kTolerance);
    EXPECT_NEAR(region->vibratoLfo.frequencyHz, 8.176F, kTolerance);
    EXPECT_EQ(region->filter, FilterType::LowPass2Pole);
    EXPECT_FLOAT_EQ(region->filterCutoffCents, 13500.0F);
    EXPECT_FLOAT_EQ(region->filterResonanceDb, 0.0F);
    EXPECT_EQ(region->group, 0U);
    EXPECT_EQ(region->sample->name, "Sine");
}

TEST_F(SoundFontFileTest, GeneratorsConvertToTheRegionsUnits) {
    const auto region = onlyRegion(fontOf({playing(SfZone{}
                                                       .set(SfGen::DelayVolEnv, -1200)
                                                       .set(SfGen::AttackVolEnv, 0)
                                                       .set(SfGen::HoldVolEnv, 1200)
                                                       .set(SfGen::DecayVolEnv, 2400)
                                                       .set(SfGen::SustainVolEnv, 200)
                                                       .set(SfGen::ReleaseVolEnv, -12000)
                                                       .set(SfGen::KeynumToVolEnvHold, 100)
                                                       .set(SfGen::KeynumToVolEnvDecay, -50)
                                                       .set(SfGen::AttackModEnv, -2400)
                                                       .set(SfGen::SustainModEnv, 250)
                                                       .set(SfGen::KeynumToModEnvDecay, 30)
                                                       .set(SfGen::ModEnvToPitch, 300)
                                                       .set(SfGen::ModEnvToFilterFc, -1200)
                                                       .set(SfGen::DelayModLfo, -3986)
                                                       .set(SfGen::FreqModLfo, 1200)
                                                       .set(SfGen::ModLfoToPitch, 20)
                                                       .set(SfGen::ModLfoToFilterFc, 40)
                                                       .set(SfGen::ModLfoToVolume, 60)
                                                       .set(SfGen::FreqVibLfo, -1200)
                                                       .set(SfGen::VibLfoToPitch, 15)
                                                       .set(SfGen::InitialAttenuation, 100)
                                                       .set(SfGen::Pan, -250)
                                                       .set(SfGen::ReverbEffectsSend, 500)
                                                       .set(SfGen::ChorusEffectsSend, 1000)
                                                       .set(SfGen::InitialFilterFc, 6000)
                                                       .set(SfGen::InitialFilterQ, 100)
                                                       .set(SfGen::CoarseTune, -2)
                                                       .set(SfGen::FineTune, 30)
                                                       .set(SfGen::ScaleTuning, 50)
                                                       .set(SfGen::OverridingRootKey, 64)
                                                       .set(SfGen::ExclusiveClass, 3)
                                                       .set(SfGen::SampleModes, 3))}));
    ASSERT_TRUE(region);
    EXPECT_NEAR(region->volumeEnvelope.delay, 0.5F, kTolerance);
    EXPECT_NEAR(region->volumeEnvelope.attack, 1.0F, kTolerance);
    EXPECT_NEAR(region->volumeEnvelope.hold, 2.0F, kTolerance);
    EXPECT_NEAR(region->volumeEnvelope.decay, 4.0F, kTolerance);
    EXPECT_NEAR(region->volumeEnvelope.sustain, 0.1F, kTolerance);  // 200 cB = 20 dB down
    EXPECT_FLOAT_EQ(region->volumeEnvelope.release, 0.0F);
    EXPECT_FLOAT_EQ(region->volumeEnvelope.holdPerKeyTimecents, 100.0F);
    EXPECT_FLOAT_EQ(region->volumeEnvelope.decayPerKeyTimecents, -50.0F);
    EXPECT_NEAR(region->modulationEnvelope.attack, 0.25F, kTolerance);
    EXPECT_NEAR(region->modulationEnvelope.sustain, 0.75F, kTolerance);  // 25.0% below the peak
    EXPECT_FLOAT_EQ(region->modulationEnvelope.decayPerKeyTimecents, 30.0F);
    EXPECT_FLOAT_EQ(region->modEnvToPitchCents, 300.0F);
    EXPECT_FLOAT_EQ(region->modEnvToFilterCents, -1200.0F);
    EXPECT_NEAR(region->modulationLfo.delay, 0.1F, 1e-3F);
    EXPECT_NEAR(region->modulationLfo.frequencyHz, 16.352F, kTolerance);
    EXPECT_FLOAT_EQ(region->modulationLfo.toPitchCents, 20.0F);
    EXPECT_FLOAT_EQ(region->modulationLfo.toFilterCents, 40.0F);
    EXPECT_NEAR(region->modulationLfo.toVolumeDb, 6.0F, kTolerance);
    EXPECT_NEAR(region->vibratoLfo.frequencyHz, 4.088F, kTolerance);
    EXPECT_FLOAT_EQ(region->vibratoLfo.toPitchCents, 15.0F);
    EXPECT_NEAR(region->attenuationDb, 4.0F, kTolerance);  // 100 cB × 0.4 (EMU)
    EXPECT_NEAR(region->pan, -0.5F, kTolerance);
    EXPECT_NEAR(region->reverbSend, 0.5F, kTolerance);
    EXPECT_NEAR(region->chorusSend, 1.0F, kTolerance);
    EXPECT_FLOAT_EQ(region->filterCutoffCents, 6000.0F);
    EXPECT_NEAR(region->filterResonanceDb, 10.0F, kTolerance);
    EXPECT_FLOAT_EQ(region->tuneCents, -200.0F + 30.0F - 5.0F);
    EXPECT_FLOAT_EQ(region->keyTrackCents, 50.0F);
    EXPECT_EQ(region->rootKey, 64);
    EXPECT_EQ(region->group, 3U);
    EXPECT_EQ(region->offBy, 3U);
    EXPECT_EQ(region->loopMode, LoopMode::LoopSustain);
}

TEST_F(SoundFontFileTest, ValuesOutsideTheirRangeAreClamped) {
    const auto region = onlyRegion(fontOf({playing(SfZone{}
                                                       .set(SfGen::SustainVolEnv, 2000)
                                                       .set(SfGen::Pan, 700)
                                                       .set(SfGen::InitialFilterFc, 20000)
                                                       .set(SfGen::InitialAttenuation, -100))}));
    ASSERT_TRUE(region);
    EXPECT_NEAR(region->volumeEnvelope.sustain, std::pow(10.0F, -1440.0F / 200.0F), 1e-9F);
    EXPECT_FLOAT_EQ(region->pan, 1.0F);
    EXPECT_FLOAT_EQ(region->filterCutoffCents, 13500.0F);
    EXPECT_FLOAT_EQ(region->attenuationDb, 0.0F);
}

TEST_F(SoundFontFileTest, SampleModesChooseTheLoopMode) {
    const std::vector<std::pair<int, LoopMode>> modes{
        {0, LoopMode::NoLoop}, {1, LoopMode::LoopContinuous}, {2, LoopMode::NoLoop}, {3, LoopMode::LoopSustain}};
    for (const auto& [mode, expected] : modes) {
        const auto region = onlyRegion(fontOf({playing(SfZone{}.set(SfGen::SampleModes, mode))}));
        ASSERT_TRUE(region);
        EXPECT_EQ(region->loopMode, expected) << "sampleModes " << mode;
        EXPECT_EQ(region->loopStart, 100U);
        EXPECT_EQ(region->loopEnd, 3900U);
    }
}

TEST_F(SoundFontFileTest, LocalZoneGeneratorsReplaceTheGlobalZones) {
    const auto region = onlyRegion(fontOf({SfZone{}.set(SfGen::AttackVolEnv, -1200).set(SfGen::Pan, 250),  // global
                                           playing(SfZone{}.set(SfGen::AttackVolEnv, 1200))}));
    ASSERT_TRUE(region);
    EXPECT_NEAR(region->volumeEnvelope.attack, 2.0F, kTolerance);
    EXPECT_NEAR(region->pan, 0.5F, kTolerance);
}

TEST_F(SoundFontFileTest, PresetGeneratorsAddToTheInstruments) {
    const auto region = onlyRegion(
        fontOf({SfZone{}.set(SfGen::CoarseTune, 2), playing(SfZone{}.set(SfGen::AttackVolEnv, 1200))},
               {SfZone{}.set(SfGen::FineTune, 10).set(SfGen::Pan, 100),  // preset global zone
                using0(SfZone{}.set(SfGen::AttackVolEnv, 1200).set(SfGen::CoarseTune, 1).set(SfGen::Pan, -100))}));
    ASSERT_TRUE(region);
    EXPECT_NEAR(region->volumeEnvelope.attack, 4.0F, kTolerance);  // 1200 + 1200 timecents
    EXPECT_FLOAT_EQ(region->tuneCents, 300.0F + 10.0F - 5.0F);     // coarse 2 + 1, fine 0 + 10, correction
    EXPECT_NEAR(region->pan, -0.2F, kTolerance);                   // the local preset zone's -100, not +100
}

TEST_F(SoundFontFileTest, PresetZonesIgnoreInstrumentOnlyGenerators) {
    SfZone preset = using0(SfZone{});
    preset.set(SfGen::OverridingRootKey, 40).set(SfGen::SampleModes, 1).set(SfGen::StartAddrsOffset, 100);
    auto bank = load(fontOf({playing({})}, {preset}));
    ASSERT_TRUE(bank) << bank.error().describe();
    const SamplerRegion& region = bank->presets.at(0).regions.at(0);
    EXPECT_EQ(region.rootKey, 69);
    EXPECT_EQ(region.loopMode, LoopMode::NoLoop);
    EXPECT_EQ(region.start, 0U);
    EXPECT_TRUE(hasWarning(*bank, "not valid at this level")) << allWarnings(*bank);
}

TEST_F(SoundFontFileTest, KeyAndVelocityRangesIntersect) {
    auto bank = load(fontOf({playing(SfZone{}.keys(0, 50).velocities(1, 100)), playing(SfZone{}.keys(60, 127)),
                             playing(SfZone{}.keys(90, 127))},
                            {using0(SfZone{}.keys(40, 80).velocities(64, 127))}));
    ASSERT_TRUE(bank) << bank.error().describe();
    const auto& regions = bank->presets.at(0).regions;
    ASSERT_EQ(regions.size(), 2U);
    EXPECT_EQ(regions[0].loKey, 40);
    EXPECT_EQ(regions[0].hiKey, 50);
    EXPECT_EQ(regions[0].loVelocity, 64);
    EXPECT_EQ(regions[0].hiVelocity, 100);
    EXPECT_EQ(regions[1].loKey, 60);
    EXPECT_EQ(regions[1].hiKey, 80);
    EXPECT_EQ(regions[1].loVelocity, 64);
    EXPECT_EQ(regions[1].hiVelocity, 127);
}

TEST_F(SoundFontFileTest, GlobalZoneRangesApplyToZonesWithoutTheirOwn) {
    auto bank = load(fontOf({SfZone{}.keys(10, 20), playing({}), playing(SfZone{}.keys(15, 30))},
                            {SfZone{}.velocities(1, 50), using0({})}));
    ASSERT_TRUE(bank) << bank.error().describe();
    const auto& regions = bank->presets.at(0).regions;
    ASSERT_EQ(regions.size(), 2U);
    EXPECT_EQ(regions[0].loKey, 10);
    EXPECT_EQ(regions[0].hiKey, 20);
    EXPECT_EQ(regions[1].loKey, 15);
    EXPECT_EQ(regions[1].hiKey, 30);
    EXPECT_EQ(regions[1].hiVelocity, 50);
}

TEST_F(SoundFontFileTest, AddressOffsetsMoveTheStartEndAndLoop) {
    const auto region = onlyRegion(fontOf({playing(SfZone{}
                                                       .set(SfGen::StartAddrsOffset, 10)
                                                       .set(SfGen::EndAddrsOffset, -20)
                                                       .set(SfGen::StartloopAddrsOffset, 5)
                                                       .set(SfGen::EndloopAddrsOffset, -7)
                                                       .set(SfGen::SampleModes, 1))}));
    ASSERT_TRUE(region);
    EXPECT_EQ(region->start, 10U);
    EXPECT_EQ(region->end, kFrames - 20);
    EXPECT_EQ(region->loopStart, 105U);
    EXPECT_EQ(region->loopEnd, 3893U);
    // The Sample itself keeps the header's loop.
    EXPECT_EQ(region->sample->loopStart, 100U);
    EXPECT_EQ(region->sample->loopEnd, 3900U);
}

TEST_F(SoundFontFileTest, CoarseAddressOffsetsCount32768Frames) {
    const auto region =
        onlyRegion(fontOf({playing(SfZone{}.set(SfGen::StartAddrsCoarseOffset, 1).set(SfGen::StartAddrsOffset, 2))},
                          {using0({})}, SfSample::saw("Long", 100.0, kRate, 40000)));
    ASSERT_TRUE(region);
    EXPECT_EQ(region->start, 32770U);
    EXPECT_EQ(region->end, 40000U);
}

TEST_F(SoundFontFileTest, UnpitchedSamplesPlayAtKey60) {
    const auto region = onlyRegion(fontOf({playing({})}, {using0({})}, testSample().withKey(255)));
    ASSERT_TRUE(region);
    EXPECT_EQ(region->rootKey, 60);
}

TEST_F(SoundFontFileTest, EveryRegionGetsTheDefaultModulators) {
    const auto region = onlyRegion(fontOf({playing({})}));
    ASSERT_TRUE(region);
    using Kind = ModulatorSource::Kind;
    using Curve = ModulatorSource::Curve;
    const ModulatorSource none{};
    const std::vector<Modulator> expected{
        {source(Kind::NoteOnVelocity, 0, Curve::Concave, false, true), none, ModulatorTarget::AttenuationDb, 96.0F},
        {source(Kind::NoteOnVelocity, 0, Curve::Linear, false, true), none, ModulatorTarget::FilterCutoffCents,
         -2400.0F},
        {source(Kind::ChannelPressure), none, ModulatorTarget::VibLfoToPitchCents, 50.0F},
        {cc(1), none, ModulatorTarget::VibLfoToPitchCents, 50.0F},
        {cc(7, Curve::Concave, false, true), none, ModulatorTarget::AttenuationDb, 96.0F},
        {cc(10, Curve::Linear, true), none, ModulatorTarget::PanUnits, 1.0F},
        {cc(11, Curve::Concave, false, true), none, ModulatorTarget::AttenuationDb, 96.0F},
        {cc(91), none, ModulatorTarget::ReverbSend, 0.2F},
        {cc(93), none, ModulatorTarget::ChorusSend, 0.2F},
        {source(Kind::PitchWheel, 0, Curve::Linear, true), source(Kind::PitchWheelSensitivity),
         ModulatorTarget::PitchCents, 12700.0F},
    };
    ASSERT_EQ(region->modulators.size(), expected.size());
    for (const Modulator& modulator : expected) {
        const auto same = std::find_if(region->modulators.begin(), region->modulators.end(), [&](const Modulator& m) {
            return m.primary == modulator.primary && m.amountSource == modulator.amountSource &&
                   m.target == modulator.target && std::abs(m.amount - modulator.amount) < kTolerance && !m.absolute;
        });
        EXPECT_NE(same, region->modulators.end())
            << "missing default to target " << static_cast<int>(modulator.target) << " amount " << modulator.amount;
    }
}

TEST_F(SoundFontFileTest, InstrumentModulatorsReplaceIdenticalDefaults) {
    const SfModulator softerVolume{src::controller(7) | src::kConcave | src::kNegative,
                                   static_cast<std::uint16_t>(SfGen::InitialAttenuation), 480};
    const SfModulator noVelocityFilter{src::kVelocity | src::kNegative,
                                       static_cast<std::uint16_t>(SfGen::InitialFilterFc), 0};
    const auto region = onlyRegion(fontOf({playing(SfZone{}.modulate(softerVolume).modulate(noVelocityFilter))}));
    ASSERT_TRUE(region);
    const auto volume = modulatorsFrom(*region, cc(7, ModulatorSource::Curve::Concave, false, true));
    ASSERT_EQ(volume.size(), 1U);
    EXPECT_NEAR(volume[0].amount, 48.0F, kTolerance);
    // A zero amount switches the default off.
    EXPECT_TRUE(modulatorsFrom(*region, source(ModulatorSource::Kind::NoteOnVelocity, 0, ModulatorSource::Curve::Linear,
                                               false, true))
                    .empty());
    EXPECT_EQ(region->modulators.size(), 9U);
}

TEST_F(SoundFontFileTest, LocalModulatorsReplaceGlobalOnesAndPresetModulatorsAdd) {
    const auto toPitch = [](std::uint8_t controller, std::int16_t cents) {
        return SfModulator{src::controller(controller), static_cast<std::uint16_t>(SfGen::FineTune), cents};
    };
    const SfModulator brightness{src::controller(74) | src::kBipolar,
                                 static_cast<std::uint16_t>(SfGen::InitialFilterFc), 1200};
    const auto region = onlyRegion(fontOf(
        {SfZone{}.modulate(toPitch(2, 100)).modulate(toPitch(4, 30)), playing(SfZone{}.modulate(toPitch(2, 200)))},
        {SfZone{}.modulate(toPitch(4, 5)), using0(SfZone{}.modulate(toPitch(2, 50)).modulate(brightness))}));
    ASSERT_TRUE(region);
    const auto breath = modulatorsFrom(*region, cc(2));
    ASSERT_EQ(breath.size(), 1U);
    EXPECT_FLOAT_EQ(breath[0].amount, 250.0F);  // local 200 replaced global 100; the preset adds 50
    EXPECT_EQ(breath[0].target, ModulatorTarget::PitchCents);
    const auto foot = modulatorsFrom(*region, cc(4));
    ASSERT_EQ(foot.size(), 1U);
    EXPECT_FLOAT_EQ(foot[0].amount, 35.0F);  // the instrument's global 30 plus the preset's global 5
    const auto filter = modulatorsFrom(*region, cc(74, ModulatorSource::Curve::Linear, true));
    ASSERT_EQ(filter.size(), 1U);
    EXPECT_FLOAT_EQ(filter[0].amount, 1200.0F);
    EXPECT_EQ(filter[0].target, ModulatorTarget::FilterCutoffCents);
}

TEST_F(SoundFontFileTest, ModulatorAmountsConvertToTheirTargetsUnits) {
    const auto to = [](SfGen generator, std::int16_t amount, std::uint16_t source, std::uint16_t transform = 0) {
        return SfModulator{source, static_cast<std::uint16_t>(generator), amount, src::kNone, transform};
    };
    const auto region =
        onlyRegion(fontOf({playing(SfZone{}
                                       .modulate(to(SfGen::Pan, 250, src::controller(16)))
                                       .modulate(to(SfGen::ReverbEffectsSend, 500, src::controller(17)))
                                       .modulate(to(SfGen::InitialAttenuation, 100, src::controller(18)))
                                       .modulate(to(SfGen::CoarseTune, 2, src::controller(19)))
                                       .modulate(to(SfGen::InitialFilterQ, 50, src::controller(20)))
                                       .modulate(to(SfGen::ModLfoToVolume, 30, src::controller(21) | src::kConvex))
                                       .modulate(to(SfGen::ModEnvToPitch, 70, src::kKey | src::kSwitch | src::kBipolar,
                                                    test::kSfAbsoluteTransform)))}));
    ASSERT_TRUE(region);
    using Curve = ModulatorSource::Curve;
    const auto only = [&](const ModulatorSource& primary) {
        const auto found = modulatorsFrom(*region, primary);
        EXPECT_EQ(found.size(), 1U);
        return found.empty() ? Modulator{} : found[0];
    };
    EXPECT_NEAR(only(cc(16)).amount, 0.5F, kTolerance);
    EXPECT_EQ(only(cc(16)).target, ModulatorTarget::PanUnits);
    EXPECT_NEAR(only(cc(17)).amount, 0.5F, kTolerance);
    EXPECT_EQ(only(cc(17)).target, ModulatorTarget::ReverbSend);
    EXPECT_NEAR(only(cc(18)).amount, 10.0F, kTolerance);  // cB to dB, without the EMU 0.4
    EXPECT_NEAR(only(cc(19)).amount, 200.0F, kTolerance);
    EXPECT_EQ(only(cc(19)).target, ModulatorTarget::PitchCents);
    EXPECT_NEAR(only(cc(20)).amount, 5.0F, kTolerance);
    EXPECT_EQ(only(cc(20)).target, ModulatorTarget::FilterResonanceDb);
    EXPECT_NEAR(only(cc(21, Curve::Convex)).amount, 3.0F, kTolerance);
    EXPECT_EQ(only(cc(21, Curve::Convex)).target, ModulatorTarget::ModLfoToVolumeDb);
    const Modulator keySwitch = only(source(ModulatorSource::Kind::NoteOnKey, 0, Curve::Switch, true));
    EXPECT_TRUE(keySwitch.absolute);
    EXPECT_EQ(keySwitch.target, ModulatorTarget::ModEnvToPitchCents);
    EXPECT_FLOAT_EQ(keySwitch.amount, 70.0F);
}

TEST_F(SoundFontFileTest, ModulatorsTheSamplerCannotPlayAreDroppedWithOneWarningEach) {
    const auto modulator = [](std::uint16_t source, std::uint16_t destination, std::uint16_t transform = 0) {
        return SfModulator{source, destination, 100, src::kNone, transform};
    };
    auto bank = load(fontOf({playing(SfZone{}
                                         .modulate(modulator(src::controller(1), 54))  // sampleModes
                                         .modulate(modulator(src::controller(2), 56))  // scaleTuning
                                         .modulate(modulator(src::kLink, 48))
                                         .modulate(modulator(src::controller(3), 48, 1))
                                         .modulate(modulator(src::controller(0), 48)))}));  // bank select
    ASSERT_TRUE(bank) << bank.error().describe();
    EXPECT_EQ(bank->presets.at(0).regions.at(0).modulators.size(), 10U);  // the defaults only
    EXPECT_TRUE(hasWarning(*bank, "does not modulate, was dropped (and 1 more like it)")) << allWarnings(*bank);
    EXPECT_TRUE(hasWarning(*bank, "is linked")) << allWarnings(*bank);
    EXPECT_TRUE(hasWarning(*bank, "(and 2 more like it)")) << allWarnings(*bank);
    EXPECT_EQ(bank->warnings.size(), 2U) << allWarnings(*bank);
}

TEST_F(SoundFontFileTest, Sm24ChunkGivesTwentyFourBitSamples) {
    // Values 16 bits cannot tell apart: the 24-bit font keeps them, the 16-bit one rounds them.
    SfSample fine{"Fine"};
    for (int i = 0; i < 200; ++i) fine.frames.push_back(static_cast<float>(1000 + 3 * i - 200 * (i % 2)) / 8388607.0F);
    SoundFontBuilder wide = fontOf({playing({})}, {using0({})}, fine);
    wide.with24BitSamples();
    const auto region24 = onlyRegion(wide);
    ASSERT_TRUE(region24);
    SampleStore otherStore;
    const fs::path narrowPath = directory_.path() / "narrow.sf2";
    fontOf({playing({})}, {using0({})}, fine).write(narrowPath);
    const auto narrow = loadSoundFont(narrowPath, otherStore);
    ASSERT_TRUE(narrow) << narrow.error().describe();
    const Sample& sample16 = *narrow->presets.at(0).regions.at(0).sample;
    const Sample& sample24 = *region24->sample;
    ASSERT_EQ(sample24.frames, fine.frames.size());
    ASSERT_EQ(sample16.frames, fine.frames.size());
    double error24 = 0;
    double error16 = 0;
    for (std::size_t i = 0; i < fine.frames.size(); ++i) {
        error24 = std::max(error24, std::abs(double{sample24.data[i]} - fine.frames[i]));
        error16 = std::max(error16, std::abs(double{sample16.data[i]} - fine.frames[i]));
    }
    EXPECT_LT(error24, 2e-7);
    EXPECT_GT(error16, 2e-6);
    EXPECT_LT(error16, 2e-5);
}

TEST_F(SoundFontFileTest, Sm24IsIgnoredInFilesOlderThan204) {
    SoundFontBuilder font = fontOf({playing({})});
    font.with24BitSamples().version(2, 1);
    auto bank = load(font);
    ASSERT_TRUE(bank) << bank.error().describe();
    EXPECT_TRUE(hasWarning(*bank, "'sm24' chunk is ignored in a version 2.1 file")) << allWarnings(*bank);
    const Sample& sample = *bank->presets.at(0).regions.at(0).sample;
    // 16-bit values: multiples of 1/32768 (the high word of each 24-bit frame).
    for (std::uint32_t i = 0; i < sample.frames; ++i) {
        const float steps = sample.data[i] * 32768.0F;
        ASSERT_FLOAT_EQ(steps, std::round(steps)) << "frame " << i;
    }
}

TEST_F(SoundFontFileTest, Sf3VorbisSamplesDecodeToTheirPitchAndLength) {
    SoundFontBuilder font{"Compressed"};
    // The saw first, so the sine's Ogg stream does not start at byte 0 of 'smpl'.
    font.addSample(SfSample::saw("Saw", 220.0, 22050, 11025));
    font.addSample(SfSample::sine("A440", 440.0, kRate, kRate).withLoop(1000, 43000).withKey(69));
    font.addInstrument("Tones",
                       {SfZone{}.keys(0, 63).sample(0), SfZone{}.keys(64, 127).set(SfGen::SampleModes, 1).sample(1)});
    font.addPreset("Tones", 0, 0, {SfZone{}.instrument(0)});
    font.compressed();
    auto bank = load(font, "tones.sf3");
    ASSERT_TRUE(bank) << bank.error().describe();
    EXPECT_TRUE(bank->warnings.empty()) << allWarnings(*bank);
    const auto& regions = bank->presets.at(0).regions;
    ASSERT_EQ(regions.size(), 2U);
    const Sample& sine = *regions[1].sample;
    EXPECT_EQ(sine.frames, kRate);
    EXPECT_EQ(sine.sampleRate, kRate);
    EXPECT_NEAR(estimateHertz(sine), 440.0, 0.1);
    EXPECT_EQ(sine.loopStart, 1000U);  // loops of SF3 samples count from the sample's start
    EXPECT_EQ(sine.loopEnd, 43000U);
    EXPECT_EQ(regions[1].end, kRate);
    EXPECT_EQ(regions[1].loopStart, 1000U);
    EXPECT_EQ(regions[1].loopEnd, 43000U);
    float peak = 0;
    for (std::uint32_t i = 0; i < sine.frames; ++i) peak = std::max(peak, std::abs(sine.data[i]));
    EXPECT_NEAR(peak, 0.5F, 0.05F);
    const Sample& saw = *regions[0].sample;
    EXPECT_EQ(saw.frames, 11025U);
    EXPECT_EQ(saw.sampleRate, 22050U);
    EXPECT_EQ(firstUnplayableRegion(*bank), "");
}

TEST_F(SoundFontFileTest, StereoPairsBecomeTwoPannedRegionsOverMonoSamples) {
    SoundFontBuilder font{"Stereo"};
    font.addSample(SfSample::sine("Piano L", 440.0, kRate, kFrames).withType(test::kSfLeft, 1));
    font.addSample(SfSample::saw("Piano R", 440.0, kRate, kFrames).withType(test::kSfRight, 0));
    font.addInstrument("Piano", {SfZone{}.set(SfGen::Pan, -500).sample(0), SfZone{}.set(SfGen::Pan, 500).sample(1)});
    font.addPreset("Piano", 0, 0, {SfZone{}.instrument(0)});
    auto bank = load(font);
    ASSERT_TRUE(bank) << bank.error().describe();
    const auto& regions = bank->presets.at(0).regions;
    ASSERT_EQ(regions.size(), 2U);
    EXPECT_EQ(regions[0].sample->name, "Piano L");
    EXPECT_EQ(regions[1].sample->name, "Piano R");
    EXPECT_NE(regions[0].sample, regions[1].sample);
    EXPECT_EQ(regions[0].sample->channels, 1);
    EXPECT_FLOAT_EQ(regions[0].pan, -1.0F);
    EXPECT_FLOAT_EQ(regions[1].pan, 1.0F);
    EXPECT_TRUE(bank->warnings.empty()) << allWarnings(*bank);
}

TEST_F(SoundFontFileTest, LoadingAFileAgainSharesItsSamples) {
    SoundFontBuilder font = fontOf({playing(SfZone{}.keys(0, 60)), playing(SfZone{}.keys(61, 127))});
    auto first = load(font);
    ASSERT_TRUE(first) << first.error().describe();
    EXPECT_EQ(store_.size(), 1U);  // two zones, one sample header
    const auto again = loadSoundFont(directory_.path() / "font.sf2", store_);
    ASSERT_TRUE(again) << again.error().describe();
    EXPECT_EQ(store_.size(), 1U);
    EXPECT_EQ(first->presets[0].regions[0].sample, again->presets[0].regions[1].sample);
    EXPECT_EQ(first->sampleBytes(), again->sampleBytes());
}

TEST_F(SoundFontFileTest, LoopsOutsideTheSampleAreFixedWithAWarning) {
    SoundFontBuilder font{"Loops"};
    font.addSample(SfSample::sine("Long Loop", 441.0, kRate, 1000).withLoop(100, 1500));
    font.addSample(SfSample::sine("Lost Loop", 441.0, kRate, 1000).withLoop(2000, 3000));
    font.addSample(SfSample::sine("Good Loop", 441.0, kRate, 1000).withLoop(200, 900));
    font.addInstrument(
        "Loops", {SfZone{}.set(SfGen::SampleModes, 1),  // global
                  SfZone{}.keys(0, 40).sample(0), SfZone{}.keys(41, 80).sample(1), SfZone{}.keys(81, 127).sample(2)});
    font.addPreset("Loops", 0, 0, {SfZone{}.instrument(0)});
    auto bank = load(font);
    ASSERT_TRUE(bank) << bank.error().describe();
    const auto& regions = bank->presets.at(0).regions;
    ASSERT_EQ(regions.size(), 3U);
    EXPECT_EQ(regions[0].loopMode, LoopMode::LoopContinuous);
    EXPECT_EQ(regions[0].loopStart, 100U);
    EXPECT_EQ(regions[0].loopEnd, 1000U);
    EXPECT_EQ(regions[1].loopMode, LoopMode::NoLoop);
    // A third sample's loop, relative to its own start in 'smpl' (two samples and their zero frames in).
    EXPECT_EQ(regions[2].loopMode, LoopMode::LoopContinuous);
    EXPECT_EQ(regions[2].loopStart, 200U);
    EXPECT_EQ(regions[2].loopEnd, 900U);
    EXPECT_EQ(regions[2].sample->loopStart, 200U);
    EXPECT_EQ(regions[0].sample->loopEnd, 0U);  // the Sample keeps no loop it cannot play
    ASSERT_EQ(bank->warnings.size(), 1U) << allWarnings(*bank);
    EXPECT_NE(bank->warnings[0].find("sample 'Long Loop' lies outside its played part 0…1000; clamped (and 1 more"),
              std::string::npos)
        << bank->warnings[0];
    EXPECT_EQ(firstUnplayableRegion(*bank), "");
}

TEST_F(SoundFontFileTest, ZonesPointingNowhereAreSkippedWithOneWarning) {
    SoundFontBuilder font{"Nowhere"};
    font.addSample(testSample());
    font.addInstrument("Broken",
                       {SfZone{}.sample(0), SfZone{}.sample(7), SfZone{}.set(SfGen::Pan, 10), SfZone{}.sample(9)});
    font.addPreset("Broken", 0, 0, {SfZone{}.instrument(0), SfZone{}.instrument(4)});
    auto bank = load(font);
    ASSERT_TRUE(bank) << bank.error().describe();
    EXPECT_EQ(bank->presets.at(0).regions.size(), 1U);
    ASSERT_EQ(bank->warnings.size(), 1U) << allWarnings(*bank);
    // The preset's zones are read first; the instrument's three bad zones count with it.
    EXPECT_NE(bank->warnings[0].find("preset 'Broken', zone at byte"), std::string::npos) << bank->warnings[0];
    EXPECT_NE(bank->warnings[0].find("refers to instrument 4, but the file has 1; skipped (and 3 more like it)"),
              std::string::npos)
        << bank->warnings[0];
}

TEST_F(SoundFontFileTest, RomSamplesAndFixedKeysAreReported) {
    SoundFontBuilder font{"Odd"};
    font.addSample(testSample().withType(test::kSfRom | test::kSfMono));
    font.addSample(testSample());
    font.addInstrument("Odd",
                       {SfZone{}.keys(0, 60).sample(0), SfZone{}.keys(61, 127).set(SfGen::Keynum, 60).sample(1)});
    font.addPreset("Odd", 0, 0, {SfZone{}.instrument(0)});
    auto bank = load(font);
    ASSERT_TRUE(bank) << bank.error().describe();
    ASSERT_EQ(bank->presets.at(0).regions.size(), 1U);
    EXPECT_EQ(bank->presets[0].regions[0].loKey, 61);
    EXPECT_TRUE(hasWarning(*bank, "sample 'Sine' lives in a sound card's ROM")) << allWarnings(*bank);
    EXPECT_TRUE(hasWarning(*bank, "fixes the key or velocity")) << allWarnings(*bank);
}

TEST_F(SoundFontFileTest, MisplacedRangesAndDuplicatePresetsAreIgnored) {
    SoundFontBuilder font = fontOf({playing(SfZone{}.set(SfGen::Pan, 10).raw(43, 0x7F50))});  // keys 80…127, late
    font.addPreset("Twin", 0, 0, {SfZone{}.instrument(0)});
    auto bank = load(font);
    ASSERT_TRUE(bank) << bank.error().describe();
    ASSERT_EQ(bank->presets.size(), 1U);
    EXPECT_EQ(bank->presets[0].name, "Preset");
    EXPECT_EQ(bank->presets[0].regions.at(0).loKey, 0);
    EXPECT_TRUE(hasWarning(*bank, "a key or velocity range after other generators is ignored")) << allWarnings(*bank);
    EXPECT_TRUE(hasWarning(*bank, "preset 'Twin' has the same bank 0 and program 0 as 'Preset'; skipped"))
        << allWarnings(*bank);
}

TEST_F(SoundFontFileTest, FilesThatAreNotSoundFontsFailAtByteZero) {
    std::vector<std::byte> bytes = fontOf({playing({})}).build();
    bytes[0] = std::byte{'X'};
    expectError(bytes, 0, "does not start with \"RIFF\"");
    expectError(std::vector<std::byte>(5), 0, "only 5 bytes long");
}

TEST_F(SoundFontFileTest, TruncatedFilesFailAtTheRiffSize) {
    std::vector<std::byte> bytes = fontOf({playing({})}).build();
    bytes.resize(bytes.size() / 2);
    expectError(bytes, 4, "the file is cut off");
}

TEST_F(SoundFontFileTest, ChunksLargerThanTheirListFailAtTheirSize) {
    std::vector<std::byte> bytes = fontOf({playing({})}).build();
    const std::size_t phdr = SoundFontBuilder::chunkOffset(bytes, "phdr");
    putU32(bytes, phdr + 4, 0xFFFF);
    expectError(bytes, static_cast<std::int64_t>(phdr + 4), "the 'phdr' chunk claims 65535 bytes, but its parent");
}

TEST_F(SoundFontFileTest, RecordChunksOfTheWrongSizeFail) {
    std::vector<std::byte> bytes = fontOf({playing({})}).build();
    const std::size_t shdr = SoundFontBuilder::chunkOffset(bytes, "shdr");
    putU32(bytes, shdr + 4, 2 * kSampleHeaderBytes - 1);
    expectError(bytes, static_cast<std::int64_t>(shdr), "not a whole number of 46-byte records");
}

TEST_F(SoundFontFileTest, MissingHydraChunksFailAtTheirList) {
    std::vector<std::byte> bytes = fontOf({playing({})}).build();
    const std::size_t pgen = SoundFontBuilder::chunkOffset(bytes, "pgen");
    bytes[pgen + 3] = std::byte{'x'};
    expectError(bytes, static_cast<std::int64_t>(SoundFontBuilder::chunkOffset(bytes, "pdta")),
                "the 'pdta' list has no 'pgen' chunk");
}

TEST_F(SoundFontFileTest, BagIndicesGoingBackwardsFail) {
    // The preset's global zone and its local zone: bags at generators 0 and 1, the terminal at 2.
    std::vector<std::byte> bytes = fontOf({playing({})}, {SfZone{}.set(SfGen::Pan, 1), using0({})}).build();
    const std::size_t terminalBag = SoundFontBuilder::chunkOffset(bytes, "pbag") + kChunkHeaderBytes + 2 * kBagBytes;
    putU16(bytes, terminalBag, 0);
    expectError(bytes, static_cast<std::int64_t>(terminalBag), "starts at generator 0, before the 1");
}

TEST_F(SoundFontFileTest, IndicesPastTheirArraysFail) {
    std::vector<std::byte> bytes = fontOf({playing({})}).build();
    const std::size_t terminalPreset =
        SoundFontBuilder::chunkOffset(bytes, "phdr") + kChunkHeaderBytes + kPresetHeaderBytes + kPresetBagField;
    putU16(bytes, terminalPreset, 50);
    expectError(bytes, static_cast<std::int64_t>(terminalPreset), "end at zone 50, but 'pbag' holds only 2 bags");

    bytes = fontOf({playing({})}).build();
    const std::size_t terminalBag = SoundFontBuilder::chunkOffset(bytes, "ibag") + kChunkHeaderBytes + kBagBytes;
    putU16(bytes, terminalBag, 200);
    expectError(bytes, static_cast<std::int64_t>(terminalBag), "end at generator 200, but 'igen' holds only 2");
}

TEST_F(SoundFontFileTest, UnsupportedVersionsFail) {
    SoundFontBuilder font = fontOf({playing({})});
    font.version(1, 0);
    const std::vector<std::byte> bytes = font.build();
    const std::size_t ifil = SoundFontBuilder::chunkOffset(bytes, "ifil");
    const auto bank = loadBytes(bytes);
    ASSERT_FALSE(bank);
    EXPECT_EQ(bank.error().code, core::ErrorCode::Unsupported);
    EXPECT_EQ(bank.error().where.byteOffset, static_cast<std::int64_t>(ifil + 8));
}

TEST_F(SoundFontFileTest, MissingFilesAreNotFound) {
    const auto bank = loadSoundFont(directory_.path() / "absent.sf2", store_);
    ASSERT_FALSE(bank);
    EXPECT_EQ(bank.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(bank.error().where.file, (directory_.path() / "absent.sf2").string());
}

// The General MIDI SoundFont Debian ships (scripts/setup installs fluid-soundfont-gm).
TEST_F(SoundFontFileTest, FluidR3GmHasEveryGeneralMidiProgramAndADrumKit) {
    const fs::path path = "/usr/share/sounds/sf2/FluidR3_GM.sf2";
    ASSERT_TRUE(fs::exists(path)) << path << " is missing: run scripts/setup (package fluid-soundfont-gm)";
    const auto bank = loadSoundFont(path, store_);
    ASSERT_TRUE(bank) << bank.error().describe();
    EXPECT_EQ(bank->name, "Fluid R3 GM");
    std::set<std::uint8_t> melodic;
    bool drums = false;
    for (const Preset& preset : bank->presets) {
        if (preset.bank == 0) melodic.insert(preset.program);
        if (preset.bank == kDrumBank && !preset.regions.empty()) drums = true;
        EXPECT_FALSE(preset.regions.empty()) << preset.name;
    }
    EXPECT_EQ(melodic.size(), 128U);
    EXPECT_TRUE(drums);
    EXPECT_EQ(bank->find(kDrumBank, 0)->bank, kDrumBank);
    EXPECT_EQ(firstUnplayableRegion(*bank), "");
}

// MuseScore's SF3 (scripts/setup installs musescore-general-soundfont-small).
TEST_F(SoundFontFileTest, MuseScoreGeneralLiteDecodesItsVorbisSamples) {
    const fs::path path = "/usr/share/sounds/sf3/MuseScore_General_Lite.sf3";
    ASSERT_TRUE(fs::exists(path)) << path
                                  << " is missing: run scripts/setup (package musescore-general-soundfont-small)";
    const auto bank = loadSoundFont(path, store_);
    ASSERT_TRUE(bank) << bank.error().describe();
    std::set<std::uint8_t> melodic;
    for (const Preset& preset : bank->presets) {
        if (preset.bank == 0) melodic.insert(preset.program);
    }
    EXPECT_EQ(melodic.size(), 128U);
    EXPECT_EQ(firstUnplayableRegion(*bank), "");
    const Preset* piano = bank->find(0, 0);
    ASSERT_NE(piano, nullptr);
    ASSERT_FALSE(piano->regions.empty());
    EXPECT_GT(piano->regions[0].sample->frames, 1000U);
}

}  // namespace
}  // namespace mos::audio
