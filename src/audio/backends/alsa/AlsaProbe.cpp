// ALSA back-end probe: the playback devices of every sound card, from the cards' control interfaces
// (the hardware itself, not the PCM aliases of the ALSA configuration, which exist on any machine).

#include <memory>
#include <string>

#include <alsa/asoundlib.h>

#include "mos/audio/DeviceProbe.hpp"
#include "mos/core/UniqueHandle.hpp"

namespace mos::audio {

namespace {

using Control = core::UniqueHandle<snd_ctl_t, snd_ctl_close>;
using CardInfo = core::UniqueHandle<snd_ctl_card_info_t, snd_ctl_card_info_free>;
using PcmInfo = core::UniqueHandle<snd_pcm_info_t, snd_pcm_info_free>;

// Appends the card's playback devices; returns an error text when the card cannot be asked.
std::string addPlaybackDevices(int cardIndex, std::vector<AlsaPlaybackDevice>& devices) {
    const std::string hardwareName = "hw:" + std::to_string(cardIndex);
    snd_ctl_t* rawControl = nullptr;
    if (const int error = snd_ctl_open(&rawControl, hardwareName.c_str(), 0); error < 0) {
        return hardwareName + ": " + snd_strerror(error);
    }
    const Control control{rawControl};

    snd_ctl_card_info_t* rawCardInfo = nullptr;
    snd_pcm_info_t* rawPcmInfo = nullptr;
    if (snd_ctl_card_info_malloc(&rawCardInfo) < 0) return hardwareName + ": out of memory";
    const CardInfo cardInfo{rawCardInfo};
    if (snd_pcm_info_malloc(&rawPcmInfo) < 0) return hardwareName + ": out of memory";
    const PcmInfo pcmInfo{rawPcmInfo};

    if (const int error = snd_ctl_card_info(control.get(), cardInfo.get()); error < 0) {
        return hardwareName + ": " + snd_strerror(error);
    }
    const std::string cardId = snd_ctl_card_info_get_id(cardInfo.get());
    const std::string cardName = snd_ctl_card_info_get_name(cardInfo.get());

    int deviceIndex = -1;
    while (snd_ctl_pcm_next_device(control.get(), &deviceIndex) == 0 && deviceIndex >= 0) {
        snd_pcm_info_set_device(pcmInfo.get(), static_cast<unsigned>(deviceIndex));
        snd_pcm_info_set_subdevice(pcmInfo.get(), 0);
        snd_pcm_info_set_stream(pcmInfo.get(), SND_PCM_STREAM_PLAYBACK);
        // Fails for capture-only devices, which is how they are told apart.
        if (snd_ctl_pcm_info(control.get(), pcmInfo.get()) < 0) continue;
        devices.push_back({"hw:CARD=" + cardId + ",DEV=" + std::to_string(deviceIndex), cardName,
                           snd_pcm_info_get_name(pcmInfo.get()), cardIndex, deviceIndex});
    }
    return {};
}

}  // namespace

AlsaReport probeAlsa() {
    AlsaReport report;
    int cards = 0;
    std::string cardErrors;
    int cardIndex = -1;
    while (snd_card_next(&cardIndex) == 0 && cardIndex >= 0) {
        ++cards;
        if (std::string error = addPlaybackDevices(cardIndex, report.devices); !error.empty()) {
            cardErrors += (cardErrors.empty() ? "" : "; ") + error;
        }
    }
    if (report.devices.empty()) {
        if (cards == 0) {
            report.reason = "no sound card found";
        } else if (!cardErrors.empty()) {
            report.reason = "cannot open the sound cards: " + cardErrors;
        } else {
            report.reason = std::to_string(cards) + " sound card(s), none with a playback device";
        }
    }
    return report;
}

}  // namespace mos::audio
