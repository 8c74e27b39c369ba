#include "audio/sampler/SfzRegionDraft.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "audio/sampler/SfzValues.hpp"

namespace mos::audio::sfz {

namespace {

// Control change numbers (MIDI 1.0).
constexpr std::uint8_t kVolumeController = 7;
constexpr std::uint8_t kPanController = 10;
constexpr std::uint8_t kExpressionController = 11;

// How far CC 7 and CC 11 at 0 turn a note down: SoundFont 2.04's default modulators use 960 cB.
constexpr float kControllerRangeDb = 96;

}  // namespace

SamplerRegion RegionDraft::defaults() {
    SamplerRegion region;
    region.velocityTrack = 1;               // amp_veltrack=100
    region.modulationEnvelope.sustain = 0;  // fileg_sustain=0
    return region;
}

std::vector<Modulator> standardModulators(float bendCents) {
    using Kind = ModulatorSource::Kind;
    using Curve = ModulatorSource::Curve;
    const auto turnDown = [](std::uint8_t controller) {
        return Modulator{.primary = {.kind = Kind::Controller,
                                     .controller = controller,
                                     .curve = Curve::Concave,
                                     .bipolar = false,
                                     .negative = true},
                         .target = ModulatorTarget::AttenuationDb,
                         .amount = kControllerRangeDb};
    };
    return {
        turnDown(kVolumeController),
        turnDown(kExpressionController),
        Modulator{.primary = {.kind = Kind::Controller, .controller = kPanController, .bipolar = true},
                  .target = ModulatorTarget::PanUnits,
                  .amount = 1},
        Modulator{.primary = {.kind = Kind::PitchWheel, .bipolar = true},
                  .target = ModulatorTarget::PitchCents,
                  .amount = bendCents},
    };
}

SamplerRegion finishRegion(const RegionDraft& draft, SampleHandle sample, Warnings& warnings) {
    const std::uint32_t frames = sample->frames;
    // The frame `written + past` (past is 1 for SFZ's inclusive ends), or the sample's end where that
    // lies beyond it.
    const auto frameWithin = [&](const char* opcode, std::int64_t written, std::int64_t past) -> std::uint32_t {
        if (written + past <= std::int64_t{frames}) return static_cast<std::uint32_t>(written + past);
        warnings.once(std::string{"beyond-sample:"} + opcode,
                      std::string{opcode} + "=" + std::to_string(written) + " lies beyond the end of sample '" +
                          sample->name + "' (" + std::to_string(frames) + " frames), so the sample's end is used",
                      draft.where);
        return frames;
    };

    SamplerRegion region = draft.region;
    region.start = frameWithin("offset", draft.offset, 0);
    region.end = frames;
    if (draft.last == -1) {
        region.end = region.start;  // SFZ's way to write a region that sounds nothing but still silences others
    } else if (draft.last) {
        region.end = frameWithin("end", *draft.last, 1);
        if (region.end < region.start) {
            warnings.once("end-before-offset",
                          "end=" + std::to_string(*draft.last) +
                              " comes before offset=" + std::to_string(draft.offset) + ", so the region is silent",
                          draft.where);
            region.end = region.start;
        }
    }

    // SFZ's rule: a sample whose file has a loop loops unless loop_mode says otherwise.
    region.loopMode = draft.loopMode.value_or(sample->loopEnd > 0 ? LoopMode::LoopContinuous : LoopMode::NoLoop);
    if (region.loopMode == LoopMode::LoopContinuous || region.loopMode == LoopMode::LoopSustain) {
        // Where neither the file nor the opcodes name a loop, the whole sample loops (as ARIA does).
        region.loopStart = draft.loopStart.value_or(sample->loopEnd > 0 ? sample->loopStart : 0);
        region.loopEnd = draft.loopLast ? frameWithin("loop_end", *draft.loopLast, 1)
                                        : (sample->loopEnd > 0 ? sample->loopEnd : frames);
        if (region.loopStart >= region.loopEnd) {
            warnings.once("empty-loop",
                          "loop_start=" + std::to_string(region.loopStart) + " is not before the loop's end at frame " +
                              std::to_string(region.loopEnd) + " of sample '" + sample->name +
                              "', so the region does not loop",
                          draft.where);
            region.loopMode = LoopMode::NoLoop;
        }
    }
    if (region.loopMode == LoopMode::NoLoop || region.loopMode == LoopMode::OneShot) {
        region.loopStart = 0;
        region.loopEnd = 0;
    }

    if (draft.keyCenterFromSample) region.rootKey = sample->originalKey;
    region.tuneCents = draft.tuneCents + 100 * draft.transposeSemitones;
    // SFZ filters only a region that names a cutoff; lpf_2p is the default type.
    region.filter = draft.hasCutoff ? draft.filterType.value_or(FilterType::LowPass2Pole) : FilterType::None;

    // The model has one bend amount for both directions.
    if (std::abs(draft.bendDownCents) != std::abs(draft.bendUpCents)) {
        warnings.once("bend_down",
                      "bend_down=" + formatNumber(draft.bendDownCents) +
                          " differs from bend_up=" + formatNumber(draft.bendUpCents) + ": the pitch wheel bends " +
                          formatNumber(draft.bendUpCents) + " cents both ways",
                      draft.where);
    }
    region.modulators = standardModulators(draft.bendUpCents);
    region.sample = std::move(sample);
    return region;
}

}  // namespace mos::audio::sfz
