#include "audio/sampler/SamplerChannel.hpp"

#include <algorithm>

#include "mos/audio/InstrumentBank.hpp"

namespace mos::audio::sampler {

void SamplerChannel::powerOn() noexcept {
    controllers_.fill(0);
    controllers_[kVolume] = 100;
    controllers_[kPan] = 64;
    controllers_[kExpression] = 127;
    // No parameter selected: data entry does nothing until an RPN is chosen.
    controllers_[kRpnMsb] = 127;
    controllers_[kRpnLsb] = 127;
    controllers_[kNrpnMsb] = 127;
    controllers_[kNrpnLsb] = 127;
    lastVelocity_.fill(0);
    strikes_.fill(0);
    held_.reset();
    pitchWheel_ = 8192;
    channelPressure_ = 0;
    program_ = 0;
    pitchWheelRange_ = 2.0F;
    ++revision_;
}

void SamplerChannel::setController(std::uint8_t controller, std::uint8_t value0to127) noexcept {
    controller &= 0x7FU;
    value0to127 &= 0x7FU;
    if (controller == kResetAllControllers) {
        resetControllers();
        return;
    }
    controllers_[controller] = value0to127;
    if (controller == kRpnMsb || controller == kRpnLsb) {
        // Selecting an RPN deselects any NRPN: data entry goes to the last kind chosen.
        controllers_[kNrpnMsb] = 127;
        controllers_[kNrpnLsb] = 127;
    } else if (controller == kNrpnMsb || controller == kNrpnLsb) {
        controllers_[kRpnMsb] = 127;
        controllers_[kRpnLsb] = 127;
    } else if (controller == kDataEntryMsb || controller == kDataEntryLsb) {
        dataEntry();
    }
    ++revision_;
}

void SamplerChannel::setProgram(std::uint8_t program0to127) noexcept { program_ = program0to127 & 0x7FU; }

void SamplerChannel::setPitchWheel(std::uint16_t value0to16383) noexcept {
    pitchWheel_ = std::min<std::uint16_t>(value0to16383, 16383);
    ++revision_;
}

void SamplerChannel::setChannelPressure(std::uint8_t value0to127) noexcept {
    channelPressure_ = value0to127 & 0x7FU;
    ++revision_;
}

void SamplerChannel::pressKey(std::uint8_t key, std::uint8_t velocity) noexcept {
    key &= 0x7FU;
    held_.set(key);
    lastVelocity_[key] = velocity;
    ++strikes_[key];
}

std::uint16_t SamplerChannel::bank() const noexcept { return drums_ ? kDrumBank : controllers_[kBankSelectMsb]; }

// RP-015: Reset All Controllers returns modulation, pedals, expression, pressure, the wheel and the
// RPN selection to their defaults, and leaves volume, pan, banks, program and the wheel's range.
void SamplerChannel::resetControllers() noexcept {
    controllers_[1] = 0;
    controllers_[kExpression] = 127;
    for (std::uint8_t pedal = kSustain; pedal <= 69; ++pedal) controllers_[pedal] = 0;
    controllers_[kRpnMsb] = 127;
    controllers_[kRpnLsb] = 127;
    controllers_[kNrpnMsb] = 127;
    controllers_[kNrpnLsb] = 127;
    pitchWheel_ = 8192;
    channelPressure_ = 0;
    ++revision_;
}

void SamplerChannel::dataEntry() noexcept {
    // RPN 0, pitch bend sensitivity: MSB semitones, LSB cents.
    if (controllers_[kRpnMsb] == 0 && controllers_[kRpnLsb] == 0) {
        pitchWheelRange_ =
            static_cast<float>(controllers_[kDataEntryMsb]) + static_cast<float>(controllers_[kDataEntryLsb]) / 100.0F;
    }
}

}  // namespace mos::audio::sampler
