#pragma once

// A loaded instrument file: its presets, each a list of regions, found by MIDI bank and program.
// A SoundFont holds many presets (a GM SoundFont: 128 melodic programs in bank 0 and drum kits in
// bank 128); an SFZ file is one instrument, which answers for every program.
//
//   auto bank = loadSoundFont("/usr/share/sounds/sf2/FluidR3_GM.sf2", store);
//   const Preset* piano = bank->find(0, 0);          // bank 0, program 0: "Yamaha Grand Piano"
//   const Preset* drums = bank->find(kDrumBank, 0);  // the standard kit

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "mos/audio/SamplerRegion.hpp"

namespace mos::audio {

// The bank General MIDI's drum channel plays from, as SoundFonts number it.
inline constexpr std::uint16_t kDrumBank = 128;

// A preset as a player asks for it: by bank and program.
struct PresetId {
    std::uint16_t bank = 0;
    std::uint8_t program = 0;

    friend bool operator==(const PresetId&, const PresetId&) = default;
    friend bool operator<(const PresetId& a, const PresetId& b) noexcept {
        return a.bank != b.bank ? a.bank < b.bank : a.program < b.program;
    }
};

struct Preset {
    std::string name{};
    std::uint16_t bank = 0;
    std::uint8_t program = 0;
    std::vector<SamplerRegion> regions{};
};

struct InstrumentBank {
    std::string path{};             // the file it was loaded from
    std::string name{};             // the SoundFont's INAM, or the SFZ file's name
    std::vector<Preset> presets{};  // sorted by bank, then program
    bool singleInstrument = false;  // an SFZ: find() returns its one preset for any bank and program
    // What the loader noticed but could play around, each once: "unknown opcode 'foo' (line 12)".
    std::vector<std::string> warnings{};

    // The preset for a bank and program, falling back as players of General MIDI files expect: the
    // same program in bank 0 (drums: program 0 of kDrumBank), then the first preset; nullptr only
    // when there are no presets. Thread: any. RT-safe: yes (binary search).
    const Preset* find(std::uint16_t bank, std::uint8_t program) const noexcept;

    // Sample memory this bank holds (samples it shares with other banks are counted in full).
    // Thread: control. RT-safe: no.
    std::size_t sampleBytes() const;
};

}  // namespace mos::audio
