#include "mos/audio/DeviceProbe.hpp"

namespace mos::audio {

std::string_view toString(DeviceBackend backend) noexcept {
    switch (backend) {
        case DeviceBackend::Jack:
            return "jack";
        case DeviceBackend::Alsa:
            return "alsa";
        case DeviceBackend::None:
            return "none";
    }
    return "none";
}

DeviceBackend chooseBackend(const JackReport& jack, const AlsaReport& alsa) noexcept {
    if (jack.available()) return DeviceBackend::Jack;
    if (alsa.available()) return DeviceBackend::Alsa;
    return DeviceBackend::None;
}

DeviceReport probeDevices(const core::Environment& environment) {
    DeviceReport report{probeJack(jackServerName(environment)), probeAlsa(), DeviceBackend::None};
    report.use = chooseBackend(report.jack, report.alsa);
    return report;
}

}  // namespace mos::audio
