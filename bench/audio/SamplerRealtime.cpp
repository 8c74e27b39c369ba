// Apollo's real-time proof: the sampler plays a General MIDI SoundFont through a real JACK server,
// kept at 256 voices (tests/support/SustainedVoices.hpp), while the JACK device times every
// callback against its block's budget. Prints the callbacks, the overruns, the budget, the p50, p99,
// p99.9 and slowest callback and the mean share of one core, and, to tell MOS's time from the
// machine's, the slowest callback and the overruns in the audio thread's CPU time
// (CpuTimedCallback.hpp). bench/compare/realtime.sh starts a
// dummy JACK server at 48 kHz and 64 frames and runs it; a plain program rather than a Google
// Benchmark, because the device, not a benchmark loop, decides when each block runs.
//
//   JACK_DEFAULT_SERVER=mos-rt mos_sampler_realtime [--seconds 20] [--voices 256]
//                                                   [--soundfont FluidR3_GM.sf2] [--json]

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <thread>

#include "CpuTimedCallback.hpp"
#include "mos/audio/Apollo.hpp"
#include "mos/audio/AudioDevice.hpp"
#include "mos/audio/InstrumentLoader.hpp"
#include "mos/core/JsonWriter.hpp"
#include "support/SustainedVoices.hpp"

namespace {

using namespace mos;

struct Options {
    double seconds = 20.0;
    std::uint32_t voices = audio::Sampler::kMaxVoices;
    std::filesystem::path soundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";
    bool json = false;
};

bool parse(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg{argv[i]};
        const bool hasValue = i + 1 < argc;
        if (arg == "--json") {
            options.json = true;
        } else if (arg == "--seconds" && hasValue) {
            options.seconds = std::strtod(argv[++i], nullptr);
        } else if (arg == "--voices" && hasValue) {
            options.voices = static_cast<std::uint32_t>(std::strtoul(argv[++i], nullptr, 10));
        } else if (arg == "--soundfont" && hasValue) {
            options.soundFont = argv[++i];
        } else {
            return false;
        }
    }
    return options.seconds > 0.0 && options.voices > 0;
}

double micros(std::int64_t nanos) { return static_cast<double>(nanos) / 1000.0; }

struct Result {
    std::string device;
    audio::CallbackTiming timing;
    std::uint32_t fewestVoices = 0;
    double meanVoices = 0.0;
    std::uint32_t peakVoices = 0;
    std::uint64_t notesStruck = 0;
    double coreShare = 0.0;
    std::int64_t maxCpuNanos = 0;
    std::uint64_t cpuOverruns = 0;
};

void printJson(const Options& options, const Result& result) {
    core::JsonWriter out{false};
    const auto& t = result.timing;
    out.beginObject();
    out.key("device");
    out.string(result.device);
    out.key("soundfont");
    out.string(options.soundFont.string());
    out.key("seconds");
    out.number(options.seconds);
    out.key("target_voices");
    out.unsignedInteger(options.voices);
    out.key("fewest_voices");
    out.unsignedInteger(result.fewestVoices);
    out.key("mean_voices");
    out.number(result.meanVoices);
    out.key("peak_voices");
    out.unsignedInteger(result.peakVoices);
    out.key("notes_struck");
    out.unsignedInteger(result.notesStruck);
    out.key("callbacks");
    out.unsignedInteger(t.callbacks);
    out.key("overruns");
    out.unsignedInteger(t.overruns);
    out.key("device_xruns");
    out.unsignedInteger(t.deviceXruns);
    out.key("budget_us");
    out.number(micros(t.budgetNanos));
    out.key("p50_callback_us");
    out.number(micros(t.p50Nanos));
    out.key("p99_callback_us");
    out.number(micros(t.p99Nanos));
    out.key("p999_callback_us");
    out.number(micros(t.p999Nanos));
    out.key("max_callback_us");
    out.number(micros(t.maxNanos));
    out.key("max_callback_cpu_us");
    out.number(micros(result.maxCpuNanos));
    out.key("cpu_overruns");
    out.unsignedInteger(result.cpuOverruns);
    out.key("core_share");
    out.number(result.coreShare);
    out.endObject();
    std::cout << out.take() << '\n';
}

void printText(const Options& options, const Result& result) {
    const auto& t = result.timing;
    std::printf("Apollo through %s, %s, %.1f s\n", result.device.c_str(), options.soundFont.filename().c_str(),
                options.seconds);
    std::printf("  voices: target %u; once reached, mean %.1f, fewest %u; peak %u; %llu notes struck\n", options.voices,
                result.meanVoices, result.fewestVoices, result.peakVoices,
                static_cast<unsigned long long>(result.notesStruck));
    std::printf("  callbacks %llu, overruns %llu, device xruns %llu, budget %.1f us\n",
                static_cast<unsigned long long>(t.callbacks), static_cast<unsigned long long>(t.overruns),
                static_cast<unsigned long long>(t.deviceXruns), micros(t.budgetNanos));
    std::printf("  callback p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us\n", micros(t.p50Nanos),
                micros(t.p99Nanos), micros(t.p999Nanos), micros(t.maxNanos));
    std::printf("  in the audio thread's CPU time: slowest callback %.1f us, overruns %llu\n",
                micros(result.maxCpuNanos), static_cast<unsigned long long>(result.cpuOverruns));
    std::printf("  mean share of one core %.3f\n", result.coreShare);
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse(argc, argv, options)) {
        std::cerr << "usage: mos_sampler_realtime [--seconds S] [--voices N] [--soundfont FILE] [--json]\n";
        return 2;
    }
    auto device = audio::openAudioDevice({.backend = audio::DeviceBackend::Jack, .clientName = "mos-realtime"});
    if (!device) {
        std::cerr << device.error().describe() << '\n';
        return 1;
    }
    // The locator checks the file and tells SoundFonts from SFZ.
    const auto instrument = audio::SoundFontLocator{options.soundFont, {}}.locate().use;
    if (!instrument) {
        std::cerr << options.soundFont << " is not an instrument the sampler plays\n";
        return 1;
    }
    audio::SampleStore store;
    auto bank = audio::loadInstrument(*instrument, store);
    if (!bank) {
        std::cerr << bank.error().describe() << '\n';
        return 1;
    }

    audio::Apollo apollo;
    apollo.prepare((*device)->sampleRate(), (*device)->bufferFrames());
    apollo.setBank(*bank);
    test::SustainedVoices load{apollo, options.voices};
    bench::CpuTimedCallback cpuTimed{load, (*device)->sampleRate()};
    if (auto started = (*device)->start(cpuTimed); !started) {
        std::cerr << started.error().describe() << '\n';
        return 1;
    }
    std::this_thread::sleep_for(std::chrono::duration<double>{options.seconds});
    (*device)->stop();

    Result result{.device = (*device)->describe(),
                  .timing = (*device)->timing(),
                  .fewestVoices = load.fewestVoicesSinceFull(),
                  .meanVoices = load.meanVoicesSinceFull(),
                  .peakVoices = apollo.sampler().peakVoices(),
                  .notesStruck = load.notesStruck(),
                  .maxCpuNanos = cpuTimed.maxNanos(),
                  .cpuOverruns = cpuTimed.overruns()};
    const auto& t = result.timing;
    const double audioNanos = static_cast<double>(t.callbacks) * static_cast<double>(t.budgetNanos);
    result.coreShare = audioNanos > 0.0 ? static_cast<double>(t.totalNanos) / audioNanos : 0.0;
    if (options.json) {
        printJson(options, result);
    } else {
        printText(options, result);
    }
    return 0;
}
