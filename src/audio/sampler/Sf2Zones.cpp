#include "Sf2Zones.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "Sf2Generators.hpp"
#include "Sf2Modulators.hpp"

namespace mos::audio::sf2 {
namespace {

constexpr std::uint8_t kHighestMidiValue = 127;  // of a key, velocity or program
constexpr std::int64_t kCoarseOffsetFrames = 32768;

enum class Level : std::uint8_t { Preset, Instrument };

// One zone's generators as read from the file, checked for the ordering rules of section 7.
struct ParsedZone {
    GeneratorSet generators{};
    std::span<const ModulatorRecord> modulators{};
    std::uint16_t target = 0;  // the instrument (preset zones) or sample (instrument zones) it plays
};

// A preset or instrument: its optional global zone and its zones that play something.
struct ParsedLayer {
    std::string description{};  // "preset 'Piano'" or "instrument 'Piano L'", for warnings
    std::optional<ParsedZone> global{};
    std::vector<ParsedZone> zones{};
};

std::string zoneName(const std::string& layer, const Zone& zone) {
    return layer + ", zone at byte " + std::to_string(zone.byteOffset);
}

// Reads zones [first, end) of `table`. Following section 7.3 (and the players): a key range counts
// only as a zone's first generator and a velocity range only after nothing but a key range; the
// terminal generator (instrument or sampleID) ends the zone; a zone without one is the global zone
// when it comes first and is skipped anywhere else.
ParsedLayer readLayer(const ZoneTable& table, std::string description, std::size_t first, std::size_t end, Level level,
                      std::size_t targetCount, WarningLog& warnings) {
    ParsedLayer layer{std::move(description)};
    layer.zones.reserve(end - first);
    const Generator terminal = level == Level::Preset ? Generator::Instrument : Generator::SampleId;
    for (std::size_t index = first; index < end; ++index) {
        const Zone zone = table.zone(index);
        ParsedZone parsed{{}, zone.modulators};
        bool hasTarget = false;
        bool keyRangeFirst = false;
        for (std::size_t position = 0; position < zone.generators.size(); ++position) {
            const GeneratorRecord& record = zone.generators[position];
            if (hasTarget) {
                warnings.add(Warning::MisplacedGenerator,
                             zoneName(layer.description, zone) + ": generators after its last one are ignored");
                break;
            }
            if (record.id >= kGeneratorCount) {
                warnings.add(Warning::UnknownGenerator, zoneName(layer.description, zone) + ": generator " +
                                                            std::to_string(record.id) + " is unknown; ignored");
                continue;
            }
            const auto generator = static_cast<Generator>(record.id);
            const GeneratorKind kind = generatorInfo(generator).kind;
            if (kind == GeneratorKind::Range) {
                const bool inPlace =
                    position == 0 || (generator == Generator::VelRange && position == 1 && keyRangeFirst);
                if (!inPlace) {
                    warnings.add(Warning::MisplacedGenerator, zoneName(layer.description, zone) +
                                                                  ": a key or velocity range after other "
                                                                  "generators is ignored");
                    continue;
                }
                keyRangeFirst = generator == Generator::KeyRange && position == 0;
                parsed.generators.set(generator, record.signedAmount());
            } else if (generator == terminal) {
                parsed.target = record.amount;
                hasTarget = true;
            } else if (kind == GeneratorKind::Unused || kind == GeneratorKind::Terminal ||
                       (kind == GeneratorKind::InstrumentOnly && level == Level::Preset)) {
                warnings.add(Warning::UnknownGenerator, zoneName(layer.description, zone) + ": generator " +
                                                            std::to_string(record.id) +
                                                            " is not valid at this level; ignored");
            } else {
                // A repeated generator: the last one counts, as in the players.
                parsed.generators.set(generator, record.signedAmount());
            }
        }
        if (hasTarget && parsed.target >= targetCount) {
            warnings.add(Warning::ZonePointsNowhere, zoneName(layer.description, zone) + " refers to " +
                                                         (level == Level::Preset ? "instrument " : "sample ") +
                                                         std::to_string(parsed.target) + ", but the file has " +
                                                         std::to_string(targetCount) + "; skipped");
        } else if (hasTarget) {
            layer.zones.push_back(parsed);
        } else if (index == first) {
            layer.global = parsed;
        } else {
            warnings.add(Warning::ZonePointsNowhere,
                         zoneName(layer.description, zone) + " has no " +
                             (level == Level::Preset ? "instrument" : "sample") +
                             " and is not the first zone, so it is no global zone either; skipped");
        }
    }
    return layer;
}

struct KeyRange {
    std::uint8_t low = 0;
    std::uint8_t high = kHighestMidiValue;
};

KeyRange rangeOf(Generator generator, const ParsedZone& zone, const std::optional<ParsedZone>& global) {
    const ParsedZone* source = zone.generators.has(generator)                ? &zone
                               : global && global->generators.has(generator) ? &*global
                                                                             : nullptr;
    if (source == nullptr) return {};
    const GeneratorRecord record{0, static_cast<std::uint16_t>(source->generators[generator])};
    return {record.low(), std::min(record.high(), kHighestMidiValue)};
}

KeyRange intersect(KeyRange a, KeyRange b) { return {std::max(a.low, b.low), std::min(a.high, b.high)}; }

// The value of each generator for one preset zone over one instrument zone (section 9.4).
class Layering {
public:
    Layering(const ParsedLayer& preset, const ParsedZone& presetZone, const ParsedLayer& instrument,
             const ParsedZone& instrumentZone)
        : preset_{preset}, presetZone_{presetZone}, instrument_{instrument}, instrumentZone_{instrumentZone} {}

    int operator()(Generator generator) const {
        const GeneratorInfo& info = generatorInfo(generator);
        int value = info.defaultValue;
        if (instrumentZone_.generators.has(generator)) {
            value = instrumentZone_.generators[generator];
        } else if (instrument_.global && instrument_.global->generators.has(generator)) {
            value = instrument_.global->generators[generator];
        }
        if (info.kind == GeneratorKind::Summed) {
            if (presetZone_.generators.has(generator)) {
                value += presetZone_.generators[generator];
            } else if (preset_.global && preset_.global->generators.has(generator)) {
                value += preset_.global->generators[generator];
            }
        }
        return std::clamp<int>(value, info.minimum, info.maximum);
    }

    // An address offset in frames: the fine generator plus 32768 frames per coarse step.
    std::int64_t address(Generator fine, Generator coarse) const {
        return std::int64_t{(*this)(fine)} + kCoarseOffsetFrames * (*this)(coarse);
    }

    // The modulators of the region: the defaults, overridden by the instrument's global then local
    // modulators, with the preset's (its local ones overriding its global ones) added on top.
    std::vector<ModulatorRecord> modulators() const {
        const auto defaults = defaultModulators();
        std::vector<ModulatorRecord> records(defaults.begin(), defaults.end());
        if (instrument_.global) overrideModulators(records, instrument_.global->modulators);
        overrideModulators(records, instrumentZone_.modulators);
        std::vector<ModulatorRecord> presetRecords;
        if (preset_.global) overrideModulators(presetRecords, preset_.global->modulators);
        overrideModulators(presetRecords, presetZone_.modulators);
        addModulators(records, presetRecords);
        return records;
    }

    bool instrumentSets(Generator generator) const {
        return instrumentZone_.generators.has(generator) ||
               (instrument_.global && instrument_.global->generators.has(generator));
    }

private:
    const ParsedLayer& preset_;
    const ParsedZone& presetZone_;
    const ParsedLayer& instrument_;
    const ParsedZone& instrumentZone_;
};

struct EnvelopeGenerators {
    Generator delay, attack, hold, decay, sustain, release, keyToHold, keyToDecay;
};
constexpr EnvelopeGenerators kVolumeEnvelope{
    Generator::DelayVolEnv,   Generator::AttackVolEnv,  Generator::HoldVolEnv,         Generator::DecayVolEnv,
    Generator::SustainVolEnv, Generator::ReleaseVolEnv, Generator::KeynumToVolEnvHold, Generator::KeynumToVolEnvDecay};
constexpr EnvelopeGenerators kModulationEnvelope{
    Generator::DelayModEnv,   Generator::AttackModEnv,  Generator::HoldModEnv,         Generator::DecayModEnv,
    Generator::SustainModEnv, Generator::ReleaseModEnv, Generator::KeynumToModEnvHold, Generator::KeynumToModEnvDecay};

EnvelopeShape envelopeOf(const Layering& value, const EnvelopeGenerators& ids) {
    EnvelopeShape envelope;
    envelope.delay = timecentsToSeconds(value(ids.delay));
    envelope.attack = timecentsToSeconds(value(ids.attack));
    envelope.hold = timecentsToSeconds(value(ids.hold));
    envelope.decay = timecentsToSeconds(value(ids.decay));
    envelope.release = timecentsToSeconds(value(ids.release));
    envelope.holdPerKeyTimecents = static_cast<float>(value(ids.keyToHold));
    envelope.decayPerKeyTimecents = static_cast<float>(value(ids.keyToDecay));
    return envelope;
}

LoopMode loopModeOf(int sampleModes) {
    switch (sampleModes) {
        case 1:
            return LoopMode::LoopContinuous;
        case 3:
            return LoopMode::LoopSustain;
        default:
            return LoopMode::NoLoop;  // 0, and 2, which the standard reserves and players treat as 0
    }
}

class Flattener {
public:
    Flattener(const Hydra& hydra, SampleDecoder& samples, WarningLog& warnings)
        : hydra_{hydra}, samples_{samples}, warnings_{warnings}, instruments_(hydra.instruments.size()) {}

    std::vector<Preset> presets(std::span<const PresetId> only) {
        std::vector<Preset> result;
        result.reserve(hydra_.presets.size());
        for (const PresetHeader& header : hydra_.presets) {
            if (header.program > kHighestMidiValue) {
                warnings_.add(Warning::ProgramOutOfRange, "preset '" + header.name + "' has program " +
                                                              std::to_string(header.program) + ", above 127; skipped");
                continue;
            }
            const PresetId id{header.bank, static_cast<std::uint8_t>(header.program)};
            if (!only.empty() && !std::binary_search(only.begin(), only.end(), id)) continue;
            const ParsedLayer layer = readLayer(hydra_.presetZones, "preset '" + header.name + "'", header.firstZone,
                                                header.endZone, Level::Preset, hydra_.instruments.size(), warnings_);
            Preset& preset = result.emplace_back();
            preset.name = header.name;
            preset.bank = header.bank;
            preset.program = static_cast<std::uint8_t>(header.program);
            for (const ParsedZone& zone : layer.zones) addRegions(layer, zone, preset.regions);
        }
        return result;
    }

private:
    const ParsedLayer& instrument(std::size_t index) {
        std::optional<ParsedLayer>& cached = instruments_[index];
        if (!cached) {
            const InstrumentHeader& header = hydra_.instruments[index];
            cached = readLayer(hydra_.instrumentZones, "instrument '" + header.name + "'", header.firstZone,
                               header.endZone, Level::Instrument, hydra_.samples.size(), warnings_);
        }
        return *cached;
    }

    void addRegions(const ParsedLayer& preset, const ParsedZone& presetZone, std::vector<SamplerRegion>& regions) {
        const ParsedLayer& inst = instrument(presetZone.target);
        const KeyRange presetKeys = rangeOf(Generator::KeyRange, presetZone, preset.global);
        const KeyRange presetVelocities = rangeOf(Generator::VelRange, presetZone, preset.global);
        for (const ParsedZone& zone : inst.zones) {
            const KeyRange keys = intersect(presetKeys, rangeOf(Generator::KeyRange, zone, inst.global));
            KeyRange velocities = intersect(presetVelocities, rangeOf(Generator::VelRange, zone, inst.global));
            velocities.low = std::max<std::uint8_t>(velocities.low, 1);  // velocity 0 is a note-off
            if (keys.low > keys.high || velocities.low > velocities.high) continue;
            SampleHandle sample = samples_.sample(zone.target);
            if (!sample) continue;
            const Layering layering{preset, presetZone, inst, zone};
            std::optional<SamplerRegion> region = makeRegion(layering, std::move(sample), hydra_.samples[zone.target],
                                                             preset.description + ", " + inst.description);
            if (!region) continue;
            region->loKey = keys.low;
            region->hiKey = keys.high;
            region->loVelocity = velocities.low;
            region->hiVelocity = velocities.high;
            regions.push_back(std::move(*region));
        }
    }

    std::optional<SamplerRegion> makeRegion(const Layering& value, SampleHandle sample, const SampleHeader& header,
                                            const std::string& where) {
        SamplerRegion region;
        if (!placeInSample(value, *sample, header, where, region)) return std::nullopt;
        region.sample = std::move(sample);
        if (value.instrumentSets(Generator::Keynum) || value.instrumentSets(Generator::Velocity)) {
            warnings_.add(Warning::FixedKeyOrVelocity,
                          where +
                              " fixes the key or velocity of its notes (generators 46/47), which the sampler "
                              "does not do; ignored");
        }
        const int exclusiveClass = value(Generator::ExclusiveClass);
        region.group = static_cast<std::uint32_t>(exclusiveClass);
        region.offBy = static_cast<std::uint32_t>(exclusiveClass);

        const int rootKey = value(Generator::OverridingRootKey);
        region.rootKey = rootKey >= 0 ? static_cast<std::uint8_t>(rootKey) : region.sample->originalKey;
        region.keyTrackCents = static_cast<float>(value(Generator::ScaleTuning));
        constexpr float kCentsPerSemitone = 100.0F;
        region.tuneCents = static_cast<float>(value(Generator::CoarseTune)) * kCentsPerSemitone +
                           static_cast<float>(value(Generator::FineTune)) + region.sample->pitchCorrectionCents;

        // initialAttenuation is in centibels, but EMU's hardware (and FluidSynth after it) applies
        // only 0.4 of it, and SoundFonts were voiced by ear on those players: 0.04 dB per unit
        // keeps their balance. Modulator amounts do not get the factor.
        constexpr float kEmuDecibelsPerCentibel = 0.04F;
        region.attenuationDb = static_cast<float>(value(Generator::InitialAttenuation)) * kEmuDecibelsPerCentibel;
        constexpr float kPanHalfRange = 500.0F;
        constexpr float kTenthsOfPercent = 1000.0F;
        region.pan = static_cast<float>(value(Generator::Pan)) / kPanHalfRange;
        region.reverbSend = static_cast<float>(value(Generator::ReverbEffectsSend)) / kTenthsOfPercent;
        region.chorusSend = static_cast<float>(value(Generator::ChorusEffectsSend)) / kTenthsOfPercent;

        region.volumeEnvelope = envelopeOf(value, kVolumeEnvelope);
        region.volumeEnvelope.sustain = centibelsToAmplitude(value(Generator::SustainVolEnv));
        region.modulationEnvelope = envelopeOf(value, kModulationEnvelope);
        region.modulationEnvelope.sustain =
            1.0F - static_cast<float>(value(Generator::SustainModEnv)) / kTenthsOfPercent;
        region.modEnvToPitchCents = static_cast<float>(value(Generator::ModEnvToPitch));
        region.modEnvToFilterCents = static_cast<float>(value(Generator::ModEnvToFilterFc));

        constexpr float kDecibelsPerCentibel = 0.1F;
        region.modulationLfo.delay = timecentsToSeconds(value(Generator::DelayModLfo));
        region.modulationLfo.frequencyHz = absoluteCentsToHertz(value(Generator::FreqModLfo));
        region.modulationLfo.toPitchCents = static_cast<float>(value(Generator::ModLfoToPitch));
        region.modulationLfo.toFilterCents = static_cast<float>(value(Generator::ModLfoToFilterFc));
        region.modulationLfo.toVolumeDb = static_cast<float>(value(Generator::ModLfoToVolume)) * kDecibelsPerCentibel;
        region.vibratoLfo.delay = timecentsToSeconds(value(Generator::DelayVibLfo));
        region.vibratoLfo.frequencyHz = absoluteCentsToHertz(value(Generator::FreqVibLfo));
        region.vibratoLfo.toPitchCents = static_cast<float>(value(Generator::VibLfoToPitch));

        region.filter = FilterType::LowPass2Pole;
        region.filterCutoffCents = static_cast<float>(value(Generator::InitialFilterFc));
        region.filterResonanceDb = static_cast<float>(value(Generator::InitialFilterQ)) * kDecibelsPerCentibel;

        for (const ModulatorRecord& record : value.modulators()) {
            // A zero amount does nothing; fonts use one to switch a default modulator off.
            if (record.amount == 0) continue;
            if (auto modulator = convertModulator(record, where, warnings_)) region.modulators.push_back(*modulator);
        }
        return region;
    }

    // Start, end and loop from the sample header moved by the zone's address offsets, relative to
    // the region's own Sample and kept inside it.
    bool placeInSample(const Layering& value, const Sample& sample, const SampleHeader& header,
                       const std::string& where, SamplerRegion& region) {
        const auto frames = std::int64_t{sample.frames};
        const std::int64_t start = value.address(Generator::StartAddrsOffset, Generator::StartAddrsCoarseOffset);
        const std::int64_t end = frames + value.address(Generator::EndAddrsOffset, Generator::EndAddrsCoarseOffset);
        const std::int64_t clampedStart = std::clamp<std::int64_t>(start, 0, frames);
        const std::int64_t clampedEnd = std::clamp<std::int64_t>(end, 0, frames);
        if (clampedStart >= clampedEnd) {
            warnings_.add(Warning::SampleOutsideData, where + ": its address offsets leave nothing of sample '" +
                                                          header.name + "' to play; skipped");
            return false;
        }
        region.start = static_cast<std::uint32_t>(clampedStart);
        region.end = static_cast<std::uint32_t>(clampedEnd);

        region.loopMode = loopModeOf(value(Generator::SampleModes));
        const std::int64_t loopStart =
            SampleDecoder::relativeLoopStart(header) +
            value.address(Generator::StartloopAddrsOffset, Generator::StartloopAddrsCoarseOffset);
        const std::int64_t loopEnd = SampleDecoder::relativeLoopEnd(header) +
                                     value.address(Generator::EndloopAddrsOffset, Generator::EndloopAddrsCoarseOffset);
        const std::int64_t clampedLoopStart = std::clamp(loopStart, clampedStart, clampedEnd);
        const std::int64_t clampedLoopEnd = std::clamp(loopEnd, clampedStart, clampedEnd);
        region.loopStart = static_cast<std::uint32_t>(clampedLoopStart);
        region.loopEnd = static_cast<std::uint32_t>(clampedLoopEnd);
        if (region.loopMode != LoopMode::NoLoop &&
            (loopStart != clampedLoopStart || loopEnd != clampedLoopEnd || clampedLoopStart >= clampedLoopEnd)) {
            const bool playable = clampedLoopStart < clampedLoopEnd;
            warnings_.add(Warning::LoopOutsideSample,
                          where + ": the loop " + std::to_string(loopStart) + "…" + std::to_string(loopEnd) +
                              " of sample '" + header.name + "' lies outside its played part " +
                              std::to_string(clampedStart) + "…" + std::to_string(clampedEnd) +
                              (playable ? "; clamped" : "; played without looping"));
            if (!playable) region.loopMode = LoopMode::NoLoop;
        }
        return true;
    }

    const Hydra& hydra_;
    SampleDecoder& samples_;
    WarningLog& warnings_;
    std::vector<std::optional<ParsedLayer>> instruments_;
};

}  // namespace

std::vector<Preset> flattenPresets(const Hydra& hydra, SampleDecoder& samples, WarningLog& warnings,
                                   std::span<const PresetId> only) {
    return Flattener{hydra, samples, warnings}.presets(only);
}

}  // namespace mos::audio::sf2
