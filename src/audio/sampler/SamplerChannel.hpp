#pragma once

// One MIDI channel as General MIDI defines it, for the sampler: bank and program, all 128 controller
// values, pitch wheel and its range (RPN 0), channel pressure, the sustain and sostenuto pedals and
// which keys are held. Voices read the controller values through their regions' modulators; the
// channel counts changes (`revision`) so voices know when to read them again.

#include <array>
#include <bitset>
#include <cstdint>

namespace mos::audio::sampler {

class SamplerChannel {
public:
    // Controller numbers the channel itself interprets (MIDI 1.0, GM, RP-015).
    static constexpr std::uint8_t kBankSelectMsb = 0;
    static constexpr std::uint8_t kDataEntryMsb = 6;
    static constexpr std::uint8_t kVolume = 7;
    static constexpr std::uint8_t kPan = 10;
    static constexpr std::uint8_t kExpression = 11;
    static constexpr std::uint8_t kBankSelectLsb = 32;
    static constexpr std::uint8_t kDataEntryLsb = 38;
    static constexpr std::uint8_t kSustain = 64;
    static constexpr std::uint8_t kSostenuto = 66;
    static constexpr std::uint8_t kNrpnLsb = 98;
    static constexpr std::uint8_t kNrpnMsb = 99;
    static constexpr std::uint8_t kRpnLsb = 100;
    static constexpr std::uint8_t kRpnMsb = 101;
    static constexpr std::uint8_t kAllSoundOff = 120;
    static constexpr std::uint8_t kResetAllControllers = 121;
    static constexpr std::uint8_t kAllNotesOff = 123;

    // The power-on state (drums on GM's drum channel). Thread: any. RT-safe: yes.
    SamplerChannel() noexcept : SamplerChannel(false) {}
    explicit SamplerChannel(bool drumChannel) noexcept : drums_{drumChannel} { powerOn(); }

    // Everything back to power-on: program 0, bank 0 (the drum bank on a drum channel), GM's
    // controller defaults, wheel centred with a range of 2 semitones. Thread: audio. RT-safe: yes.
    void powerOn() noexcept;

    // Stores a controller value and applies what the channel itself does with it (bank select, RPN
    // data entry, pedals); Reset All Controllers resets the RP-015 set. Notes that a pedal lets go
    // are the caller's business (see sustainReleased()). Thread: audio. RT-safe: yes.
    void setController(std::uint8_t controller, std::uint8_t value0to127) noexcept;
    void setProgram(std::uint8_t program0to127) noexcept;
    void setPitchWheel(std::uint16_t value0to16383) noexcept;
    void setChannelPressure(std::uint8_t value0to127) noexcept;

    void pressKey(std::uint8_t key, std::uint8_t velocity) noexcept;
    void releaseKey(std::uint8_t key) noexcept { held_.reset(key & 0x7FU); }
    bool keyHeld(std::uint8_t key) const noexcept { return held_.test(key & 0x7FU); }
    bool anyKeyHeldBut(std::uint8_t key) const noexcept {
        std::bitset<128> others = held_;
        others.reset(key & 0x7FU);
        return others.any();
    }
    // The velocity the key was last struck with (a release trigger plays at it).
    std::uint8_t lastVelocity(std::uint8_t key) const noexcept { return lastVelocity_[key & 0x7FU]; }
    // Counts note-ons of a key, for round robins: the first note-on of a key is number 1.
    std::uint32_t strikes(std::uint8_t key) const noexcept { return strikes_[key & 0x7FU]; }

    bool drums() const noexcept { return drums_; }
    // The SoundFont bank to play from: kDrumBank on a drum channel, else bank select's MSB (the GS
    // convention FluidSynth follows too; the LSB is stored and ignored).
    std::uint16_t bank() const noexcept;
    std::uint8_t program() const noexcept { return program_; }
    std::uint8_t controller(std::uint8_t number) const noexcept { return controllers_[number & 0x7FU]; }
    std::uint16_t pitchWheel() const noexcept { return pitchWheel_; }
    std::uint8_t channelPressure() const noexcept { return channelPressure_; }
    float pitchWheelRangeSemitones() const noexcept { return pitchWheelRange_; }
    bool sustainDown() const noexcept { return controllers_[kSustain] >= 64; }
    bool sostenutoDown() const noexcept { return controllers_[kSostenuto] >= 64; }
    // Rises with every change a modulator could read.
    std::uint32_t revision() const noexcept { return revision_; }

private:
    void resetControllers() noexcept;
    void dataEntry() noexcept;

    std::array<std::uint8_t, 128> controllers_{};
    std::array<std::uint8_t, 128> lastVelocity_{};
    std::array<std::uint32_t, 128> strikes_{};
    std::bitset<128> held_{};
    std::uint16_t pitchWheel_ = 8192;
    std::uint8_t channelPressure_ = 0;
    std::uint8_t program_ = 0;
    float pitchWheelRange_ = 2.0F;
    std::uint32_t revision_ = 0;
    bool drums_ = false;
};

}  // namespace mos::audio::sampler
