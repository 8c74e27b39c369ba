#include "audio/sampler/SfzOpcodes.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "audio/sampler/SfzValues.hpp"

namespace mos::audio::sfz {

namespace {

// Absolute cents count from the pitch of MIDI key 0, as SoundFont cutoffs do.
constexpr double kCentZeroHz = 8.176;
// Far above any sample rate's Nyquist frequency; the voice limits the cutoff to its own.
constexpr double kHighestCutoffHz = 100000;
constexpr std::int64_t kLastFrame = std::numeric_limits<std::uint32_t>::max();
// Keys are clamped to 0…127 anyway; this keeps the note offset's sum from overflowing first.
constexpr std::int64_t kFarthestKey = 1 << 16;

struct Context {
    const Opcode& opcode;
    const ControlState& control;
    Warnings& warnings;
};

using Converter = std::function<core::Result<Setting>(const Context&)>;
using ConverterTable = std::map<std::string, Converter, std::less<>>;

core::Error malformed(const Context& context, const std::string& expected) {
    return core::fail(core::ErrorCode::ParseError,
                      context.opcode.name + "=" + context.opcode.value + ": expected " + expected,
                      context.opcode.valueWhere);
}

template <typename T>
T clamped(const Context& context, T value, T lowest, T highest) {
    if (value >= lowest && value <= highest) return value;
    const T inRange = std::clamp(value, lowest, highest);
    context.warnings.once("range:" + context.opcode.name,
                          context.opcode.name + "=" + context.opcode.value + " is outside " +
                              formatNumber(static_cast<double>(lowest)) + " to " +
                              formatNumber(static_cast<double>(highest)) + ", so it was taken as " +
                              formatNumber(static_cast<double>(inRange)),
                          context.opcode.where);
    return inRange;
}

template <typename T, typename Apply>
Setting settingOf(T value, Apply apply) {
    return [value, apply](RegionDraft& draft) { apply(draft, value); };
}

// A number in lowest…highest, which `apply(draft, double)` stores.
template <typename Apply>
Converter number(double lowest, double highest, Apply apply) {
    return [=](const Context& context) -> core::Result<Setting> {
        const auto written = parseNumber(context.opcode.value);
        if (!written) return malformed(context, "a number");
        return settingOf(clamped(context, *written, lowest, highest), apply);
    };
}

// A whole number in lowest…highest, which `apply(draft, std::int64_t)` stores.
template <typename Apply>
Converter integer(std::int64_t lowest, std::int64_t highest, Apply apply) {
    return [=](const Context& context) -> core::Result<Setting> {
        const auto written = parseInteger(context.opcode.value);
        if (!written) return malformed(context, "a whole number");
        return settingOf(clamped(context, *written, lowest, highest), apply);
    };
}

core::Result<std::uint8_t> keyValue(const Context& context) {
    const auto written = parseKey(context.opcode.value);
    if (!written) return malformed(context, "a key: 0 to 127, or a note name like c4 or c#4");
    const std::int64_t shifted = std::clamp(*written, -kFarthestKey, kFarthestKey) + context.control.keyOffset();
    return static_cast<std::uint8_t>(clamped<std::int64_t>(context, shifted, 0, 127));
}

// A MIDI key, shifted by <control> note_offset and octave_offset, which `apply(draft, std::uint8_t)`
// stores.
template <typename Apply>
Converter key(Apply apply) {
    return [apply](const Context& context) -> core::Result<Setting> {
        const auto value = keyValue(context);
        if (!value) return value.error();
        return settingOf(*value, apply);
    };
}

template <typename T>
struct Word {
    std::string_view word;
    T value;
    std::string_view playedAs{};  // set for a word the sampler only approximates
};

// One of `words` (in any letter case), whose value `apply(draft, T)` stores.
template <typename T, typename Apply>
Converter choice(std::vector<Word<T>> words, Apply apply) {
    return [words = std::move(words), apply](const Context& context) -> core::Result<Setting> {
        std::string written = context.opcode.value;
        std::transform(written.begin(), written.end(), written.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const auto found =
            std::find_if(words.begin(), words.end(), [&](const Word<T>& w) { return w.word == written; });
        if (found == words.end()) {
            std::string known;
            for (const Word<T>& w : words) {
                if (w.playedAs.empty()) known += (known.empty() ? "" : ", ") + std::string{w.word};
            }
            return malformed(context, "one of " + known);
        }
        if (!found->playedAs.empty()) {
            context.warnings.once("approximated:" + context.opcode.name + "=" + written,
                                  context.opcode.name + "=" + written + " is played as " + std::string{found->playedAs},
                                  context.opcode.where);
        }
        return settingOf(found->value, apply);
    };
}

core::Result<Setting> sample(const Context& context) {
    std::string path = context.opcode.value;
    if (path.empty()) return malformed(context, "the path of a sample file");
    std::replace(path.begin(), path.end(), '\\', '/');
    // Built-in sounds ("*silence", "*sine") are no files, so default_path is not theirs.
    if (path.front() != '*') path = (std::filesystem::path{context.control.defaultPath} / path).generic_string();
    return Setting{[path = std::move(path), where = context.opcode.valueWhere](RegionDraft& draft) {
        draft.samplePath = path;
        draft.sampleWhere = where;
    }};
}

core::Result<Setting> pitchKeycenter(const Context& context) {
    if (context.opcode.value == "sample") {
        return Setting{[](RegionDraft& draft) { draft.keyCenterFromSample = true; }};
    }
    const auto value = keyValue(context);
    if (!value) return value.error();
    return settingOf(*value, [](RegionDraft& draft, std::uint8_t key) {
        draft.region.rootKey = key;
        draft.keyCenterFromSample = false;
    });
}

void addEnvelope(ConverterTable& table, const std::string& prefix, EnvelopeShape SamplerRegion::*envelope) {
    const std::pair<const char*, float EnvelopeShape::*> stages[] = {
        {"delay", &EnvelopeShape::delay}, {"attack", &EnvelopeShape::attack},   {"hold", &EnvelopeShape::hold},
        {"decay", &EnvelopeShape::decay}, {"release", &EnvelopeShape::release},
    };
    for (const auto& named : stages) {
        float EnvelopeShape::*stage = named.second;
        table[prefix + named.first] = number(0, 100, [envelope, stage](RegionDraft& draft, double seconds) {
            (draft.region.*envelope).*stage = static_cast<float>(seconds);
        });
    }
    table[prefix + "sustain"] = number(0, 100, [envelope](RegionDraft& draft, double percent) {
        (draft.region.*envelope).sustain = static_cast<float>(percent / 100);
    });
}

ConverterTable makeRegionOpcodes() {
    ConverterTable t;
    t["sample"] = sample;

    // Which notes play it.
    t["lokey"] = key([](RegionDraft& draft, std::uint8_t k) { draft.region.loKey = k; });
    t["hikey"] = key([](RegionDraft& draft, std::uint8_t k) { draft.region.hiKey = k; });
    t["key"] = key([](RegionDraft& draft, std::uint8_t k) {
        draft.region.loKey = draft.region.hiKey = draft.region.rootKey = k;
        draft.keyCenterFromSample = false;
    });
    t["lovel"] = integer(
        0, 127, [](RegionDraft& draft, std::int64_t v) { draft.region.loVelocity = static_cast<std::uint8_t>(v); });
    t["hivel"] = integer(
        0, 127, [](RegionDraft& draft, std::int64_t v) { draft.region.hiVelocity = static_cast<std::uint8_t>(v); });
    t["trigger"] = choice<Trigger>({{"attack", Trigger::Attack},
                                    {"release", Trigger::Release},
                                    {"first", Trigger::First},
                                    {"legato", Trigger::Legato},
                                    {"release_key", Trigger::Release, "release (the sustain pedal delays it)"}},
                                   [](RegionDraft& draft, Trigger trigger) { draft.region.trigger = trigger; });
    // ARIA writes negative groups too: as unsigned they stay distinct from each other and from 0.
    const auto groupNumber = [](auto field) {
        return integer(
            std::numeric_limits<std::int32_t>::min(), kLastFrame,
            [field](RegionDraft& draft, std::int64_t g) { draft.region.*field = static_cast<std::uint32_t>(g); });
    };
    t["group"] = groupNumber(&SamplerRegion::group);
    t["off_by"] = groupNumber(&SamplerRegion::offBy);
    t["seq_length"] = integer(
        1, 100, [](RegionDraft& draft, std::int64_t n) { draft.region.sequenceLength = static_cast<std::uint8_t>(n); });
    t["seq_position"] = integer(1, 100, [](RegionDraft& draft, std::int64_t n) {
        draft.region.sequencePosition = static_cast<std::uint8_t>(n);
    });
    t["lorand"] = number(0, 1, [](RegionDraft& draft, double r) { draft.region.loRandom = static_cast<float>(r); });
    t["hirand"] = number(0, 1, [](RegionDraft& draft, double r) { draft.region.hiRandom = static_cast<float>(r); });

    // Where in the sample to play.
    t["offset"] = integer(0, kLastFrame, [](RegionDraft& draft, std::int64_t frame) {
        draft.offset = static_cast<std::uint32_t>(frame);
    });
    t["end"] = integer(-1, kLastFrame, [](RegionDraft& draft, std::int64_t frame) { draft.last = frame; });
    t["loop_mode"] = choice<LoopMode>({{"no_loop", LoopMode::NoLoop},
                                       {"one_shot", LoopMode::OneShot},
                                       {"loop_continuous", LoopMode::LoopContinuous},
                                       {"loop_sustain", LoopMode::LoopSustain}},
                                      [](RegionDraft& draft, LoopMode mode) { draft.loopMode = mode; });
    t["loop_start"] = integer(0, kLastFrame, [](RegionDraft& draft, std::int64_t frame) {
        draft.loopStart = static_cast<std::uint32_t>(frame);
    });
    t["loop_end"] = integer(0, kLastFrame, [](RegionDraft& draft, std::int64_t frame) {
        draft.loopLast = static_cast<std::uint32_t>(frame);
    });

    // Pitch.
    t["pitch_keycenter"] = pitchKeycenter;
    t["tune"] =
        number(-9600, 9600, [](RegionDraft& draft, double cents) { draft.tuneCents = static_cast<float>(cents); });
    t["transpose"] = integer(-127, 127, [](RegionDraft& draft, std::int64_t semitones) {
        draft.transposeSemitones = static_cast<float>(semitones);
    });
    t["pitch_keytrack"] = number(
        -1200, 1200, [](RegionDraft& draft, double cents) { draft.region.keyTrackCents = static_cast<float>(cents); });
    t["bend_up"] =
        number(-9600, 9600, [](RegionDraft& draft, double cents) { draft.bendUpCents = static_cast<float>(cents); });
    t["bend_down"] =
        number(-9600, 9600, [](RegionDraft& draft, double cents) { draft.bendDownCents = static_cast<float>(cents); });

    // Level.
    t["volume"] = number(-144, 48, [](RegionDraft& draft, double decibels) {
        draft.region.attenuationDb = static_cast<float>(-decibels);
    });
    t["amp_veltrack"] = number(-100, 100, [](RegionDraft& draft, double percent) {
        draft.region.velocityTrack = static_cast<float>(percent / 100);
    });
    t["pan"] = number(-100, 100,
                      [](RegionDraft& draft, double percent) { draft.region.pan = static_cast<float>(percent / 100); });
    addEnvelope(t, "ampeg_", &SamplerRegion::volumeEnvelope);

    // Filter.
    constexpr std::string_view kNoFilter = "no filter";
    t["fil_type"] = choice<FilterType>({{"lpf_1p", FilterType::LowPass1Pole},
                                        {"lpf_2p", FilterType::LowPass2Pole},
                                        {"hpf_1p", FilterType::HighPass1Pole},
                                        {"hpf_2p", FilterType::HighPass2Pole},
                                        {"bpf_2p", FilterType::BandPass2Pole},
                                        {"brf_2p", FilterType::BandReject2Pole},
                                        {"lpf_4p", FilterType::LowPass2Pole, "lpf_2p"},
                                        {"lpf_6p", FilterType::LowPass2Pole, "lpf_2p"},
                                        {"lpf_2p_sv", FilterType::LowPass2Pole, "lpf_2p"},
                                        {"hpf_4p", FilterType::HighPass2Pole, "hpf_2p"},
                                        {"hpf_6p", FilterType::HighPass2Pole, "hpf_2p"},
                                        {"hpf_2p_sv", FilterType::HighPass2Pole, "hpf_2p"},
                                        {"bpf_1p", FilterType::BandPass2Pole, "bpf_2p"},
                                        {"bpf_4p", FilterType::BandPass2Pole, "bpf_2p"},
                                        {"bpf_6p", FilterType::BandPass2Pole, "bpf_2p"},
                                        {"bpf_2p_sv", FilterType::BandPass2Pole, "bpf_2p"},
                                        {"brf_1p", FilterType::BandReject2Pole, "brf_2p"},
                                        {"brf_2p_sv", FilterType::BandReject2Pole, "brf_2p"},
                                        {"apf_1p", FilterType::None, kNoFilter},
                                        {"pkf_2p", FilterType::None, kNoFilter},
                                        {"lsh", FilterType::None, kNoFilter},
                                        {"hsh", FilterType::None, kNoFilter},
                                        {"peq", FilterType::None, kNoFilter}},
                                       [](RegionDraft& draft, FilterType type) { draft.filterType = type; });
    t["cutoff"] = number(1, kHighestCutoffHz, [](RegionDraft& draft, double hertz) {
        draft.region.filterCutoffCents = static_cast<float>(1200 * std::log2(hertz / kCentZeroHz));
        draft.hasCutoff = true;
    });
    t["resonance"] = number(0, 40, [](RegionDraft& draft, double decibels) {
        draft.region.filterResonanceDb = static_cast<float>(decibels);
    });
    addEnvelope(t, "fileg_", &SamplerRegion::modulationEnvelope);
    t["fileg_depth"] = number(-12000, 12000, [](RegionDraft& draft, double cents) {
        draft.region.modEnvToFilterCents = static_cast<float>(cents);
    });

    // Other spellings in use: SFZ v1's, and aliases later players accept.
    for (const auto& [alias, name] :
         {std::pair{"loopmode", "loop_mode"}, std::pair{"loopstart", "loop_start"}, std::pair{"loopend", "loop_end"},
          std::pair{"bendup", "bend_up"}, std::pair{"benddown", "bend_down"}, std::pair{"filtype", "fil_type"},
          std::pair{"offby", "off_by"}, std::pair{"polyphony_group", "group"}}) {
        t[alias] = t.at(name);
    }
    return t;
}

const ConverterTable& regionOpcodes() {
    static const ConverterTable table = makeRegionOpcodes();
    return table;
}

bool isControlOpcode(std::string_view name) {
    return name == "default_path" || name == "note_offset" || name == "octave_offset";
}

void warnUnknown(const Opcode& opcode, Warnings& warnings) {
    warnings.once("unknown:" + opcode.name, "unknown opcode '" + opcode.name + "'", opcode.where);
}

}  // namespace

core::Result<std::optional<Setting>> regionSetting(const Opcode& opcode, const ControlState& control,
                                                   Warnings& warnings) {
    const auto& table = regionOpcodes();
    if (const auto found = table.find(opcode.name); found != table.end()) {
        auto setting = found->second(Context{opcode, control, warnings});
        if (!setting) return std::move(setting).error();
        return std::optional<Setting>{std::move(*setting)};
    }
    if (isControlOpcode(opcode.name)) {
        warnings.once("misplaced:" + opcode.name, "opcode '" + opcode.name + "' outside <control> is ignored",
                      opcode.where);
    } else {
        warnUnknown(opcode, warnings);
    }
    return std::optional<Setting>{};
}

core::Result<void> applyControl(const Opcode& opcode, ControlState& control, Warnings& warnings) {
    const Context context{opcode, control, warnings};
    if (opcode.name == "default_path") {
        control.defaultPath = opcode.value;
        std::replace(control.defaultPath.begin(), control.defaultPath.end(), '\\', '/');
    } else if (opcode.name == "note_offset" || opcode.name == "octave_offset") {
        const auto written = parseInteger(opcode.value);
        if (!written) return malformed(context, "a whole number");
        if (opcode.name == "note_offset") {
            control.noteOffset = clamped<std::int64_t>(context, *written, -127, 127);
        } else {
            control.octaveOffset = clamped<std::int64_t>(context, *written, -10, 10);
        }
    } else if (regionOpcodes().contains(opcode.name)) {
        warnings.once("misplaced:" + opcode.name, "opcode '" + opcode.name + "' under <control> is ignored",
                      opcode.where);
    } else {
        warnUnknown(opcode, warnings);
    }
    return {};
}

}  // namespace mos::audio::sfz
