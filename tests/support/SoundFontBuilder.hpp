#pragma once

// Writes small SoundFont files for tests: SF2 (16-bit, or 24-bit with 'sm24') and SF3 (each sample
// an Ogg Vorbis stream, as MuseScore's files hold them). Samples are synthesised (sine, saw) or
// given as float frames; instruments and presets are lists of zones with generators and
// modulators. Everything is written the way the 2.04 specification lays it out, including the
// terminal records and the 46 zero frames after each sample, so a test changes only what it means
// to break.
//
//   SoundFontBuilder font{"Test Font"};
//   const auto a440 = font.addSample(SfSample::sine("A440", 440.0, 44100, 4410).withLoop(100, 4100).withKey(69));
//   const auto lead = font.addInstrument("Lead", {SfZone{}.set(SfGen::AttackVolEnv, -1200),  // global zone
//                                                 SfZone{}.keys(0, 80).sample(a440)});
//   font.addPreset("Lead", 0, 80, {SfZone{}.instrument(lead)});
//   font.write(dir / "lead.sf2");

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mos::test {

// Generator ids of section 8.1.2. Written out here from the specification rather than shared with
// the reader, so that a wrong number in one is caught by the other.
enum class SfGen : std::uint16_t {
    StartAddrsOffset = 0,
    EndAddrsOffset = 1,
    StartloopAddrsOffset = 2,
    EndloopAddrsOffset = 3,
    StartAddrsCoarseOffset = 4,
    ModLfoToPitch = 5,
    VibLfoToPitch = 6,
    ModEnvToPitch = 7,
    InitialFilterFc = 8,
    InitialFilterQ = 9,
    ModLfoToFilterFc = 10,
    ModEnvToFilterFc = 11,
    EndAddrsCoarseOffset = 12,
    ModLfoToVolume = 13,
    ChorusEffectsSend = 15,
    ReverbEffectsSend = 16,
    Pan = 17,
    DelayModLfo = 21,
    FreqModLfo = 22,
    DelayVibLfo = 23,
    FreqVibLfo = 24,
    DelayModEnv = 25,
    AttackModEnv = 26,
    HoldModEnv = 27,
    DecayModEnv = 28,
    SustainModEnv = 29,
    ReleaseModEnv = 30,
    KeynumToModEnvHold = 31,
    KeynumToModEnvDecay = 32,
    DelayVolEnv = 33,
    AttackVolEnv = 34,
    HoldVolEnv = 35,
    DecayVolEnv = 36,
    SustainVolEnv = 37,
    ReleaseVolEnv = 38,
    KeynumToVolEnvHold = 39,
    KeynumToVolEnvDecay = 40,
    Instrument = 41,
    KeyRange = 43,
    VelRange = 44,
    StartloopAddrsCoarseOffset = 45,
    Keynum = 46,
    Velocity = 47,
    InitialAttenuation = 48,
    EndloopAddrsCoarseOffset = 50,
    CoarseTune = 51,
    FineTune = 52,
    SampleId = 53,
    SampleModes = 54,
    ScaleTuning = 56,
    ExclusiveClass = 57,
    OverridingRootKey = 58,
};

// Modulator source words (section 8.2.1): an index, or a MIDI controller, with curve, polarity and
// direction bits.   sf_source::controller(7) | sf_source::kConcave | sf_source::kNegative
namespace sf_source {
inline constexpr std::uint16_t kNone = 0;
inline constexpr std::uint16_t kVelocity = 2;
inline constexpr std::uint16_t kKey = 3;
inline constexpr std::uint16_t kPolyPressure = 10;
inline constexpr std::uint16_t kChannelPressure = 13;
inline constexpr std::uint16_t kPitchWheel = 14;
inline constexpr std::uint16_t kPitchWheelSensitivity = 16;
inline constexpr std::uint16_t kLink = 127;
inline constexpr std::uint16_t kNegative = 0x100;
inline constexpr std::uint16_t kBipolar = 0x200;
inline constexpr std::uint16_t kConcave = 1U << 10U;
inline constexpr std::uint16_t kConvex = 2U << 10U;
inline constexpr std::uint16_t kSwitch = 3U << 10U;
constexpr std::uint16_t controller(std::uint8_t number) { return static_cast<std::uint16_t>(0x80U | number); }
}  // namespace sf_source

inline constexpr std::uint16_t kSfAbsoluteTransform = 2;

struct SfModulator {
    std::uint16_t source = sf_source::kNone;
    std::uint16_t destination = 0;  // a generator id
    std::int16_t amount = 0;
    std::uint16_t amountSource = sf_source::kNone;
    std::uint16_t transform = 0;
};

// One zone. Without sample() or instrument() it is a global zone (put it first) — or, anywhere
// else, the zone "pointing nowhere" of the warnings tests.
class SfZone {
public:
    SfZone& set(SfGen generator, int amount);
    SfZone& keys(std::uint8_t low, std::uint8_t high);
    SfZone& velocities(std::uint8_t low, std::uint8_t high);
    SfZone& modulate(const SfModulator& modulator);
    // Any generator word, written after the others in the order given (for malformed zones).
    SfZone& raw(std::uint16_t id, std::uint16_t amount);
    // The terminal generator: sampleID in an instrument zone, instrument in a preset zone.
    SfZone& sample(std::uint16_t index);
    SfZone& instrument(std::uint16_t index);

    // The generator records in file order: key range, velocity range, the others, the terminal one.
    std::vector<std::pair<std::uint16_t, std::uint16_t>> generators() const;
    const std::vector<SfModulator>& modulators() const { return modulators_; }

private:
    std::optional<std::uint16_t> keyRange_;
    std::optional<std::uint16_t> velocityRange_;
    std::vector<std::pair<std::uint16_t, std::uint16_t>> generators_;
    std::vector<SfModulator> modulators_;
    std::optional<std::pair<std::uint16_t, std::uint16_t>> terminal_;
};

// Sample types of section 7.10 (plus the SF3 flag, which the builder sets itself).
inline constexpr std::uint16_t kSfMono = 1;
inline constexpr std::uint16_t kSfRight = 2;
inline constexpr std::uint16_t kSfLeft = 4;
inline constexpr std::uint16_t kSfRom = 0x8000;

struct SfSample {
    std::string name{};
    std::vector<float> frames{};  // -1…1
    std::uint32_t sampleRate = 44100;
    std::uint8_t originalKey = 60;
    std::int8_t pitchCorrection = 0;
    std::uint32_t loopStart = 0;  // frames from the sample's first, end exclusive
    std::uint32_t loopEnd = 0;
    std::uint16_t type = kSfMono;
    std::uint16_t link = 0;  // the other sample of a stereo pair

    // `frames` of a sine or rising saw at `hertz`, peak `amplitude`.
    static SfSample sine(std::string name, double hertz, std::uint32_t sampleRate, std::uint32_t frames,
                         float amplitude = 0.5F);
    static SfSample saw(std::string name, double hertz, std::uint32_t sampleRate, std::uint32_t frames,
                        float amplitude = 0.5F);

    SfSample& withLoop(std::uint32_t start, std::uint32_t end);
    SfSample& withKey(std::uint8_t key, std::int8_t correctionCents = 0);
    SfSample& withType(std::uint16_t sampleType, std::uint16_t linkedSample = 0);
};

class SoundFontBuilder {
public:
    explicit SoundFontBuilder(std::string name = "Test Font");

    // Each returns the index zones refer to it by.
    std::uint16_t addSample(SfSample sample);
    std::uint16_t addInstrument(std::string name, std::vector<SfZone> zones);
    void addPreset(std::string name, std::uint16_t bank, std::uint16_t program, std::vector<SfZone> zones);

    // 24-bit samples: the low byte of each frame goes to an 'sm24' chunk (version 2.04).
    SoundFontBuilder& with24BitSamples();
    // SF3: every sample is written as a mono Ogg Vorbis stream (version 3.1).
    SoundFontBuilder& compressed(float vorbisQuality = 0.6F);
    // The 'ifil' version written (by default 2.1, 2.4 with 24-bit samples, 3.1 compressed).
    SoundFontBuilder& version(std::uint16_t major, std::uint16_t minor);

    std::vector<std::byte> build() const;
    void write(const std::filesystem::path& path) const;

    // Where the chunk (or LIST) with this id starts in a built file: the offset of its id. Walks the
    // RIFF structure, so a chunk id inside sample data is never mistaken for one.
    static std::size_t chunkOffset(std::span<const std::byte> file, std::string_view id);

private:
    struct Instrument {
        std::string name;
        std::vector<SfZone> zones;
    };
    struct Preset {
        std::string name;
        std::uint16_t bank;
        std::uint16_t program;
        std::vector<SfZone> zones;
    };

    std::string name_;
    std::vector<SfSample> samples_;
    std::vector<Instrument> instruments_;
    std::vector<Preset> presets_;
    bool wide_ = false;
    std::optional<float> vorbisQuality_;
    std::optional<std::pair<std::uint16_t, std::uint16_t>> version_;
};

}  // namespace mos::test
