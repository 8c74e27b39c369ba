#pragma once

// What the sampler plays for one key and velocity: a sample, how to pitch, loop, shape and filter
// it, and which controllers move it. Both instrument formats become these: an SF2 preset zone laid
// over an instrument zone (generators summed as the 2.04 specification says), and an SFZ <region>
// with the <control>/<global>/<master>/<group> opcodes it inherits. Everything is in one set of
// units (seconds, cents, decibels, linear levels), converted once at load, so a voice never needs
// to know which format a region came from.

#include <cstdint>
#include <vector>

#include "mos/audio/SampleStore.hpp"

namespace mos::audio {

// How the sample repeats: SF2 sampleModes 0/1/3 and SFZ loop_mode.
enum class LoopMode : std::uint8_t {
    NoLoop,          // plays to the sample's end (or until the envelope ends it)
    OneShot,         // plays to the end whatever note-off says (SFZ one_shot; drums)
    LoopContinuous,  // loops for the whole note, release included
    LoopSustain,     // loops while the key is held, then plays on to the end (SF2 mode 3)
};

// When a region sounds (SFZ trigger; SF2 regions are always Attack).
enum class Trigger : std::uint8_t {
    Attack,   // on note-on
    Release,  // on note-off, as the key is let go (the piano's damper noise)
    First,    // on note-on when no other key of the channel is held
    Legato,   // on note-on while another key of the channel is held
};

enum class FilterType : std::uint8_t {
    None,
    LowPass2Pole,  // SF2's filter and SFZ lpf_2p: resonant, 12 dB/octave
    LowPass1Pole,  // lpf_1p
    HighPass2Pole,
    HighPass1Pole,
    BandPass2Pole,
    BandReject2Pole,
};

// A DAHDSR envelope. Times in seconds; levels linear in 0…1 (the volume envelope's sustain as an
// amplitude, the modulation envelope's as a fraction of its peak).
struct EnvelopeShape {
    float delay = 0;
    float attack = 0;
    float hold = 0;
    float decay = 0;
    float sustain = 1;
    float release = 0;
    // SF2 keynumToVolEnvHold/Decay: timecents added per key above 60 (the hold and decay of key k
    // are scaled by 2^((60 - k)·perKey/1200)). 0 for SFZ.
    float holdPerKeyTimecents = 0;
    float decayPerKeyTimecents = 0;

    friend bool operator==(const EnvelopeShape&, const EnvelopeShape&) = default;
};

struct Lfo {
    float delay = 0;  // seconds of silence before it starts, at phase 0
    float frequencyHz = 8.176F;
    float toPitchCents = 0;  // peak deviation
    float toFilterCents = 0;
    float toVolumeDb = 0;  // peak change of level (SF2 modLfoToVolume; the vibrato LFO has none)

    friend bool operator==(const Lfo&, const Lfo&) = default;
};

// What a modulator reads: a channel controller or one of the note's or channel's values, mapped to
// 0…1 (unipolar) or -1…1 (bipolar) through one of the SF2 2.04 curve shapes.
struct ModulatorSource {
    enum class Kind : std::uint8_t {
        None,        // the constant 1 (a modulator with no amount source)
        Controller,  // channel controller `controller` (0…127)
        NoteOnVelocity,
        NoteOnKey,
        PolyPressure,
        ChannelPressure,
        PitchWheel,
        PitchWheelSensitivity,  // RPN 0, in semitones over 127
    };
    enum class Curve : std::uint8_t { Linear, Concave, Convex, Switch };

    Kind kind = Kind::None;
    std::uint8_t controller = 0;
    Curve curve = Curve::Linear;
    bool bipolar = false;
    bool negative = false;  // max → min

    friend bool operator==(const ModulatorSource&, const ModulatorSource&) = default;
};

// The region parameter a modulator moves, in the parameter's own unit.
enum class ModulatorTarget : std::uint8_t {
    AttenuationDb,  // plus is quieter
    PanUnits,       // -1 left … +1 right
    PitchCents,
    FilterCutoffCents,
    FilterResonanceDb,
    VibLfoToPitchCents,
    ModLfoToPitchCents,
    ModLfoToFilterCents,
    ModLfoToVolumeDb,
    ModEnvToPitchCents,
    ModEnvToFilterCents,
    ReverbSend,  // 0…1
    ChorusSend,  // 0…1
};

// value(primary) · value(amountSource) · amount, optionally made absolute, added to `target`
// (the SF2 2.04 modulator, section 8.2).
struct Modulator {
    ModulatorSource primary{};
    ModulatorSource amountSource{};
    ModulatorTarget target = ModulatorTarget::AttenuationDb;
    float amount = 0;  // in the target's unit
    bool absolute = false;

    friend bool operator==(const Modulator&, const Modulator&) = default;
};

struct SamplerRegion {
    // Selection.
    std::uint8_t loKey = 0;
    std::uint8_t hiKey = 127;
    std::uint8_t loVelocity = 1;
    std::uint8_t hiVelocity = 127;
    Trigger trigger = Trigger::Attack;
    float loRandom = 0;                 // SFZ lorand/hirand: plays when a uniform number in [0, 1) falls in
    float hiRandom = 1;                 // [loRandom, hiRandom)
    std::uint8_t sequenceLength = 1;    // SFZ round robin: plays on note-ons number
    std::uint8_t sequencePosition = 1;  // sequencePosition, sequencePosition + length, … (1-based)
    // A note of a region with group g silences the channel's voices whose offBy is g (SFZ group and
    // off_by; SF2 exclusiveClass sets both). 0: none.
    std::uint32_t group = 0;
    std::uint32_t offBy = 0;

    // The sample and where to play in it (frames; end exclusive, within sample->frames).
    SampleHandle sample{};
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    LoopMode loopMode = LoopMode::NoLoop;
    std::uint32_t loopStart = 0;
    std::uint32_t loopEnd = 0;  // exclusive: the frame after the loop's last one

    // Pitch: key k sounds the sample at (k - rootKey)·keyTrackCents + tuneCents from its recorded
    // pitch (the sample's pitch correction is already in tuneCents).
    std::uint8_t rootKey = 60;
    float keyTrackCents = 100;
    float tuneCents = 0;

    // Level, placement and sends.
    float attenuationDb = 0;  // plus is quieter (SF2 initialAttenuation; SFZ -volume)
    // SFZ amp_veltrack as a fraction: the note's gain is scaled by (1 - t) + t·(velocity/127)². SF2
    // regions leave it 0 and shape velocity with their modulators.
    float velocityTrack = 0;
    float pan = 0;         // -1 left … +1 right
    float reverbSend = 0;  // 0…1
    float chorusSend = 0;

    EnvelopeShape volumeEnvelope{};
    EnvelopeShape modulationEnvelope{};
    float modEnvToPitchCents = 0;
    float modEnvToFilterCents = 0;
    Lfo modulationLfo{};
    Lfo vibratoLfo{};

    FilterType filter = FilterType::None;
    float filterCutoffCents = 13500;  // absolute cents: 8.176 Hz · 2^(cents/1200); 13500 ≈ 19.9 kHz
    float filterResonanceDb = 0;

    std::vector<Modulator> modulators{};

    bool matches(std::uint8_t key, std::uint8_t velocity) const noexcept {
        return key >= loKey && key <= hiKey && velocity >= loVelocity && velocity <= hiVelocity;
    }
};

}  // namespace mos::audio
