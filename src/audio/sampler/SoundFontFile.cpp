// SoundFont 2.04 / SF3 loading: the RIFF layout, the INFO and sdta lists, the hydra, then the
// presets flattened into regions over samples shared through the SampleStore. The file is mapped
// into memory and every stage reads from it; samples are decoded only for the presets loaded.

#include "mos/audio/SoundFontFile.hpp"

#include <algorithm>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "MappedFile.hpp"
#include "Sf2Hydra.hpp"
#include "Sf2Riff.hpp"
#include "Sf2Samples.hpp"
#include "Sf2Warnings.hpp"
#include "Sf2Zones.hpp"

namespace mos::audio {
namespace {

using core::ErrorCode;

constexpr std::size_t kVersionBytes = 4;
constexpr std::size_t kMaxInfoText = 256;  // section 5.1: INFO strings are at most 256 bytes
constexpr std::uint16_t kHighestProgram = 127;

struct Info {
    std::uint16_t major = 0;
    std::uint16_t minor = 0;
    std::string name{};
};

core::Result<Info> readInfo(sf2::Bytes file, const sf2::Chunk& list, const sf2::FileErrors& errors) {
    auto chunks = sf2::readSubChunks(file, list, errors);
    if (!chunks) return std::move(chunks).error();
    std::optional<Info> info;
    std::string name;
    for (const sf2::Chunk& chunk : *chunks) {
        if (chunk.is("ifil") && !info) {
            if (chunk.size < kVersionBytes) {
                return errors.at(chunk.headerOffset,
                                 "the 'ifil' chunk is " + std::to_string(chunk.size) + " bytes long, not 4");
            }
            info = Info{sf2::readU16(file, chunk.dataOffset), sf2::readU16(file, chunk.dataOffset + 2)};
            // Version 3 is MuseScore's SF3: the 2.04 layout with Ogg Vorbis samples.
            if (info->major != 2 && info->major != 3) {
                return errors.at(chunk.dataOffset,
                                 "SoundFont version " + std::to_string(info->major) + "." +
                                     std::to_string(info->minor) + " is not supported (only 2.x and SF3's 3.x)",
                                 ErrorCode::Unsupported);
            }
        } else if (chunk.is("INAM") && name.empty()) {
            name = sf2::readName(file, chunk.dataOffset, std::min(chunk.size, kMaxInfoText));
        }
    }
    if (!info) return errors.at(list.headerOffset, "the 'INFO' list has no 'ifil' version chunk");
    info->name = std::move(name);
    return *info;
}

core::Result<sf2::SampleData> readSampleData(sf2::Bytes file, const sf2::Chunk& list, const Info& info,
                                             const sf2::FileErrors& errors, sf2::WarningLog& warnings) {
    auto chunks = sf2::readSubChunks(file, list, errors);
    if (!chunks) return std::move(chunks).error();
    const auto smpl = std::find_if(chunks->begin(), chunks->end(), [](const auto& c) { return c.is("smpl"); });
    if (smpl == chunks->end()) return errors.at(list.headerOffset, "the 'sdta' list has no 'smpl' chunk");
    sf2::SampleData data{file.subspan(smpl->dataOffset, smpl->size), {}};
    const auto sm24 = std::find_if(chunks->begin(), chunks->end(), [](const auto& c) { return c.is("sm24"); });
    if (sm24 != chunks->end()) {
        // Section 6.2: the low bytes count only in files of version 2.04 or later, and only when
        // there is one for every 16-bit frame.
        constexpr std::uint16_t kSm24Minor = 4;
        const bool versionHasSm24 = info.major > 2 || info.minor >= kSm24Minor;
        if (versionHasSm24 && sm24->size >= data.smpl.size() / 2) {
            data.sm24 = file.subspan(sm24->dataOffset, sm24->size);
        } else {
            warnings.add(sf2::Warning::IgnoredSm24,
                         versionHasSm24 ? "the 'sm24' chunk is shorter than the 16-bit sample data; the samples "
                                          "play at 16 bits"
                                        : "the 'sm24' chunk is ignored in a version " + std::to_string(info.major) +
                                              "." + std::to_string(info.minor) + " file; the samples play at 16 bits");
        }
    }
    return data;
}

// Sorted by bank and program, as InstrumentBank::find expects; of two presets with the same
// numbers the first in the file wins.
void sortPresets(std::vector<Preset>& presets, sf2::WarningLog& warnings) {
    std::stable_sort(presets.begin(), presets.end(), [](const Preset& a, const Preset& b) {
        return std::pair{a.bank, a.program} < std::pair{b.bank, b.program};
    });
    std::vector<Preset> kept;
    kept.reserve(presets.size());
    for (Preset& preset : presets) {
        if (!kept.empty() && kept.back().bank == preset.bank && kept.back().program == preset.program) {
            warnings.add(sf2::Warning::DuplicatePreset, "preset '" + preset.name + "' has the same bank " +
                                                            std::to_string(preset.bank) + " and program " +
                                                            std::to_string(preset.program) + " as '" +
                                                            kept.back().name + "'; skipped");
            continue;
        }
        kept.push_back(std::move(preset));
    }
    presets = std::move(kept);
}

// The presets InstrumentBank::find answers `played` with, sorted: found among the file's preset
// headers as in the bank that held all of them, so a bank of only these answers the same.
std::vector<PresetId> presetsAnswering(const sf2::Hydra& hydra, std::span<const PresetId> played) {
    InstrumentBank headers;
    for (const sf2::PresetHeader& header : hydra.presets) {
        if (header.program <= kHighestProgram) {
            headers.presets.push_back({header.name, header.bank, static_cast<std::uint8_t>(header.program), {}});
        }
    }
    sf2::WarningLog unused;  // the real presets report these
    sortPresets(headers.presets, unused);
    std::vector<PresetId> answers;
    for (const PresetId id : played) {
        if (const Preset* preset = headers.find(id.bank, id.program))
            answers.push_back({preset->bank, preset->program});
    }
    std::sort(answers.begin(), answers.end());
    answers.erase(std::unique(answers.begin(), answers.end()), answers.end());
    return answers;
}

}  // namespace

core::Result<InstrumentBank> readSoundFont(std::span<const std::byte> bytes, const std::string& name,
                                           SampleStore& store, std::span<const PresetId> played) {
    const sf2::FileErrors errors{name};
    auto layout = sf2::readSfbkLayout(bytes, errors);
    if (!layout) return std::move(layout).error();
    auto info = readInfo(bytes, layout->info, errors);
    if (!info) return std::move(info).error();
    sf2::WarningLog warnings;
    auto sampleData = readSampleData(bytes, layout->sdta, *info, errors, warnings);
    if (!sampleData) return std::move(sampleData).error();
    auto hydra = sf2::readHydra(bytes, layout->pdta, errors);
    if (!hydra) return std::move(hydra).error();

    InstrumentBank bank;
    bank.path = name;
    bank.name = info->name.empty() ? std::filesystem::path{name}.stem().string() : info->name;
    sf2::SampleDecoder samples{hydra->samples, *sampleData, name, store, warnings};
    // The whole font uses (almost) every sample: decoding them all at once uses every core.
    if (played.empty()) samples.decodeAll();
    const std::vector<PresetId> only = presetsAnswering(*hydra, played);
    bank.presets = sf2::flattenPresets(*hydra, samples, warnings, only);
    sortPresets(bank.presets, warnings);
    bank.warnings = warnings.lines();
    return bank;
}

core::Result<InstrumentBank> loadSoundFont(const std::filesystem::path& path, SampleStore& store,
                                           std::span<const PresetId> played) {
    auto file = sampler::MappedFile::open(path);
    if (!file) return std::move(file).error();
    return readSoundFont(file->bytes(), path.string(), store, played);
}

}  // namespace mos::audio
