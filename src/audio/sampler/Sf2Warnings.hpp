#pragma once

// What a SoundFont load noticed but played around. A GM SoundFont can repeat one oddity hundreds of
// times (a loop a frame past its sample in every zone of a kit), so each kind is reported once,
// with its first occurrence and how many more there were.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mos::audio::sf2 {

enum class Warning : std::uint8_t {
    LoopOutsideSample,     // fixed: the loop is clamped into the sample, or looping is turned off
    ZonePointsNowhere,     // skipped: a zone without (or with an out-of-range) instrument or sample
    RomSample,             // skipped: the sample lives in a sound card's ROM
    SampleOutsideData,     // skipped: the sample header points past the sample data
    UndecodableSample,     // skipped: an SF3 sample whose Ogg Vorbis data does not decode
    FixedKeyOrVelocity,    // ignored: the keynum/velocity generators
    MisplacedGenerator,    // ignored: a key/velocity range not first, or a generator after the terminal one
    UnknownGenerator,      // ignored: reserved or unused generator ids, or one not valid at its level
    UnsupportedModulator,  // dropped: linked modulators, unknown sources or transforms
    ModulatorDestination,  // dropped: a modulator moving a generator that is not a modulation target
    DuplicatePreset,       // skipped: a second preset with the same bank and program
    ProgramOutOfRange,     // skipped: a preset numbered above 127
    IgnoredSm24,           // ignored: 24-bit data in a file older than 2.04, or of the wrong size
    MissingSampleRate,     // fixed: a sample rate of 0 is read as 44100 Hz
};

class WarningLog {
public:
    // Records one occurrence of `kind`; `text` is kept for the first one only.
    // Thread: control. RT-safe: no.
    void add(Warning kind, const std::string& text) {
        Entry& entry = entries_[static_cast<std::size_t>(kind)];
        if (entry.count++ == 0) {
            entry.text = text;
            order_.push_back(kind);
        }
    }

    // One line per kind, in the order they were first seen. Thread: control. RT-safe: no.
    std::vector<std::string> lines() const {
        std::vector<std::string> result;
        result.reserve(order_.size());
        for (const Warning kind : order_) {
            const Entry& entry = entries_[static_cast<std::size_t>(kind)];
            result.push_back(entry.count == 1
                                 ? entry.text
                                 : entry.text + " (and " + std::to_string(entry.count - 1) + " more like it)");
        }
        return result;
    }

private:
    struct Entry {
        std::string text{};
        std::size_t count = 0;
    };
    static constexpr std::size_t kKinds = static_cast<std::size_t>(Warning::MissingSampleRate) + 1;

    std::array<Entry, kKinds> entries_{};
    std::vector<Warning> order_{};
};

}  // namespace mos::audio::sf2
