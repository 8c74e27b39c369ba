#include "Sf2Hydra.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace mos::audio::sf2 {
namespace {

constexpr std::size_t kNameBytes = 20;
constexpr std::size_t kPresetHeaderBytes = 38;
constexpr std::size_t kInstrumentHeaderBytes = 22;
constexpr std::size_t kSampleHeaderBytes = 46;
constexpr std::size_t kBagBytes = 4;
constexpr std::size_t kModulatorBytes = 10;
constexpr std::size_t kGeneratorBytes = 4;

// A sub-chunk of 'pdta' seen as an array of fixed-size records.
struct Records {
    const Chunk* chunk = nullptr;
    std::size_t count = 0;
    std::size_t recordBytes = 0;

    std::size_t offsetOf(std::size_t index) const noexcept { return chunk->dataOffset + index * recordBytes; }
};

class HydraReader {
public:
    HydraReader(Bytes file, const FileErrors& errors) : file_{file}, errors_{errors} {}

    core::Result<Hydra> read(const Chunk& pdta) {
        auto chunks = readSubChunks(file_, pdta, errors_);
        if (!chunks) return std::move(chunks).error();
        // The headers and bags must hold at least their terminal record. The generator and
        // modulator lists may lack theirs (old editors wrote none when a level had no modulators):
        // the bag indices say how many records the zones use.
        struct Wanted {
            std::string_view id;
            std::size_t recordBytes;
            bool needsTerminal;
        };
        constexpr std::array<Wanted, 9> kWanted{{{"phdr", kPresetHeaderBytes, true},
                                                 {"pbag", kBagBytes, true},
                                                 {"pmod", kModulatorBytes, false},
                                                 {"pgen", kGeneratorBytes, false},
                                                 {"inst", kInstrumentHeaderBytes, true},
                                                 {"ibag", kBagBytes, true},
                                                 {"imod", kModulatorBytes, false},
                                                 {"igen", kGeneratorBytes, false},
                                                 {"shdr", kSampleHeaderBytes, true}}};
        std::array<Records, kWanted.size()> records{};
        for (std::size_t i = 0; i < kWanted.size(); ++i) {
            auto found = find(*chunks, pdta, kWanted[i].id, kWanted[i].recordBytes, kWanted[i].needsTerminal);
            if (!found) return std::move(found).error();
            records[i] = *found;
        }
        const auto& [phdr, pbag, pmod, pgen, inst, ibag, imod, igen, shdr] = records;

        Hydra hydra;
        if (auto zones = readZones(pbag, pmod, pgen, hydra.presetZones); !zones) return std::move(zones).error();
        if (auto zones = readZones(ibag, imod, igen, hydra.instrumentZones); !zones) return std::move(zones).error();
        if (auto presets = readPresets(phdr, pbag, hydra.presets); !presets) return std::move(presets).error();
        if (auto instruments = readInstruments(inst, ibag, hydra.instruments); !instruments) {
            return std::move(instruments).error();
        }
        readSamples(shdr, hydra.samples);
        return hydra;
    }

private:
    core::Result<Records> find(const std::vector<Chunk>& chunks, const Chunk& pdta, std::string_view id,
                               std::size_t recordBytes, bool needsTerminal) const {
        for (const Chunk& chunk : chunks) {
            if (!chunk.is(id)) continue;
            if (chunk.size % recordBytes != 0) {
                return errors_.at(chunk.headerOffset, "the '" + chunk.id + "' chunk is " + std::to_string(chunk.size) +
                                                          " bytes long, not a whole number of " +
                                                          std::to_string(recordBytes) + "-byte records");
            }
            if (needsTerminal && chunk.size == 0) {
                return errors_.at(chunk.headerOffset, "the '" + chunk.id + "' chunk lacks its terminal record");
            }
            return Records{&chunk, chunk.size / recordBytes, recordBytes};
        }
        return errors_.at(pdta.headerOffset, "the 'pdta' list has no '" + std::string{id} + "' chunk");
    }

    // Bag i's generator and modulator indices, checked to go forwards and to stay inside their arrays.
    core::Result<void> readZones(const Records& bags, const Records& modulators, const Records& generators,
                                 ZoneTable& table) const {
        table.bagOffsets.reserve(bags.count);
        table.firstGenerator.reserve(bags.count);
        table.firstModulator.reserve(bags.count);
        for (std::size_t i = 0; i < bags.count; ++i) {
            const std::size_t at = bags.offsetOf(i);
            const std::uint16_t generator = readU16(file_, at);
            const std::uint16_t modulator = readU16(file_, at + 2);
            if (i > 0 && generator < table.firstGenerator.back()) {
                return backwards(at, bags, "generator", generator, table.firstGenerator.back());
            }
            if (i > 0 && modulator < table.firstModulator.back()) {
                return backwards(at + 2, bags, "modulator", modulator, table.firstModulator.back());
            }
            table.bagOffsets.push_back(at);
            table.firstGenerator.push_back(generator);
            table.firstModulator.push_back(modulator);
        }
        const std::size_t last = bags.offsetOf(bags.count - 1);
        if (table.firstGenerator.back() > generators.count) {
            return beyond(last, bags, "generator", table.firstGenerator.back(), generators);
        }
        if (table.firstModulator.back() > modulators.count) {
            return beyond(last + 2, bags, "modulator", table.firstModulator.back(), modulators);
        }

        table.generators.reserve(generators.count);
        for (std::size_t i = 0; i < generators.count; ++i) {
            const std::size_t at = generators.offsetOf(i);
            table.generators.push_back({readU16(file_, at), readU16(file_, at + 2)});
        }
        table.modulators.reserve(modulators.count);
        for (std::size_t i = 0; i < modulators.count; ++i) {
            const std::size_t at = modulators.offsetOf(i);
            table.modulators.push_back({readU16(file_, at), readU16(file_, at + 2), readI16(file_, at + 4),
                                        readU16(file_, at + 6), readU16(file_, at + 8)});
        }
        return {};
    }

    core::Result<void> readPresets(const Records& headers, const Records& bags,
                                   std::vector<PresetHeader>& presets) const {
        constexpr std::size_t kBagField = 24;
        presets.reserve(headers.count - 1);
        for (std::size_t i = 0; i < headers.count; ++i) {
            const std::size_t at = headers.offsetOf(i);
            const std::uint16_t firstZone = readU16(file_, at + kBagField);
            if (auto checked = checkZoneStart(at + kBagField, headers, i, firstZone, bags); !checked) return checked;
            if (!presets.empty()) presets.back().endZone = firstZone;
            if (i + 1 < headers.count) {
                presets.push_back({readName(file_, at, kNameBytes), readU16(file_, at + kNameBytes),
                                   readU16(file_, at + kNameBytes + 2), firstZone, firstZone});
            }
        }
        return {};
    }

    core::Result<void> readInstruments(const Records& headers, const Records& bags,
                                       std::vector<InstrumentHeader>& instruments) const {
        instruments.reserve(headers.count - 1);
        for (std::size_t i = 0; i < headers.count; ++i) {
            const std::size_t at = headers.offsetOf(i);
            const std::uint16_t firstZone = readU16(file_, at + kNameBytes);
            if (auto checked = checkZoneStart(at + kNameBytes, headers, i, firstZone, bags); !checked) return checked;
            if (!instruments.empty()) instruments.back().endZone = firstZone;
            if (i + 1 < headers.count) instruments.push_back({readName(file_, at, kNameBytes), firstZone, firstZone});
        }
        return {};
    }

    // A header's first zone may not come before its predecessor's, and the terminal header's must
    // leave a bag after it to close the last zone.
    core::Result<void> checkZoneStart(std::size_t at, const Records& headers, std::size_t index,
                                      std::uint16_t firstZone, const Records& bags) const {
        if (index > 0) {
            const std::uint16_t previous = readU16(file_, at - headers.recordBytes);
            if (firstZone < previous) return backwards(at, headers, "zone", firstZone, previous);
        }
        if (index + 1 == headers.count && firstZone >= bags.count) {
            return errors_.at(at, "the '" + headers.chunk->id + "' records end at zone " + std::to_string(firstZone) +
                                      ", but '" + bags.chunk->id + "' holds only " + std::to_string(bags.count) +
                                      " bags");
        }
        return {};
    }

    void readSamples(const Records& headers, std::vector<SampleHeader>& samples) const {
        samples.reserve(headers.count - 1);
        for (std::size_t i = 0; i + 1 < headers.count; ++i) {
            const std::size_t at = headers.offsetOf(i);
            SampleHeader& sample = samples.emplace_back();
            sample.name = readName(file_, at, kNameBytes);
            sample.start = readU32(file_, at + 20);
            sample.end = readU32(file_, at + 24);
            sample.loopStart = readU32(file_, at + 28);
            sample.loopEnd = readU32(file_, at + 32);
            sample.sampleRate = readU32(file_, at + 36);
            sample.originalPitch = readU8(file_, at + 40);
            sample.pitchCorrection = static_cast<std::int8_t>(readU8(file_, at + 41));
            sample.type = readU16(file_, at + 44);
            sample.byteOffset = at;
        }
    }

    core::Error backwards(std::size_t at, const Records& records, std::string_view what, std::size_t index,
                          std::size_t previous) const {
        return errors_.at(at, "a '" + records.chunk->id + "' record starts at " + std::string{what} + " " +
                                  std::to_string(index) + ", before the " + std::to_string(previous) +
                                  " of the record before it");
    }

    core::Error beyond(std::size_t at, const Records& records, std::string_view what, std::size_t index,
                       const Records& target) const {
        return errors_.at(at, "the '" + records.chunk->id + "' records end at " + std::string{what} + " " +
                                  std::to_string(index) + ", but '" + target.chunk->id + "' holds only " +
                                  std::to_string(target.count));
    }

    Bytes file_;
    const FileErrors& errors_;
};

}  // namespace

Zone ZoneTable::zone(std::size_t index) const noexcept {
    const std::span<const GeneratorRecord> allGenerators{generators};
    const std::span<const ModulatorRecord> allModulators{modulators};
    return {allGenerators.subspan(firstGenerator[index], firstGenerator[index + 1] - firstGenerator[index]),
            allModulators.subspan(firstModulator[index], firstModulator[index + 1] - firstModulator[index]),
            bagOffsets[index]};
}

core::Result<Hydra> readHydra(Bytes file, const Chunk& pdta, const FileErrors& errors) {
    return HydraReader{file, errors}.read(pdta);
}

}  // namespace mos::audio::sf2
