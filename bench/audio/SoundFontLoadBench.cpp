// How long loading a SoundFont takes, side by side with FluidSynth loading the same file: Debian's
// FluidR3_GM.sf2 (148 MB of 16-bit samples) and MuseScore_General_Lite.sf3 (40 MB of Ogg Vorbis).
// The goal is to be no slower than FluidSynth. Each iteration uses a fresh SampleStore, so every
// sample is converted (or decoded) again; "Reload" shows a second load sharing the stored samples.
// FluidSynth is opened with dlopen (its runtime library comes with the fluidsynth package), and
// its benchmarks are skipped when it is missing.

#include <cstdint>
#include <filesystem>
#include <string>

#include <benchmark/benchmark.h>
#include <dlfcn.h>

#include "mos/audio/SampleStore.hpp"
#include "mos/audio/SoundFontFile.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kFluidR3 = "/usr/share/sounds/sf2/FluidR3_GM.sf2";
const fs::path kMuseScoreLite = "/usr/share/sounds/sf3/MuseScore_General_Lite.sf3";

bool present(benchmark::State& state, const fs::path& path) {
    if (fs::exists(path)) return true;
    state.SkipWithError((path.string() + " is not installed: run scripts/setup").c_str());
    return false;
}

void loadWithMos(benchmark::State& state, const fs::path& path) {
    if (!present(state, path)) return;
    for (auto _ : state) {
        mos::audio::SampleStore store;
        const auto bank = mos::audio::loadSoundFont(path, store);
        if (!bank) {
            state.SkipWithError(bank.error().describe().c_str());
            return;
        }
        benchmark::DoNotOptimize(bank->presets.data());
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(fs::file_size(path)));
}

void BM_MosLoadFluidR3Gm(benchmark::State& state) { loadWithMos(state, kFluidR3); }
void BM_MosLoadMuseScoreLiteSf3(benchmark::State& state) { loadWithMos(state, kMuseScoreLite); }

void BM_MosReloadFluidR3GmSharingSamples(benchmark::State& state) {
    if (!present(state, kFluidR3)) return;
    mos::audio::SampleStore store;
    const auto first = mos::audio::loadSoundFont(kFluidR3, store);
    if (!first) {
        state.SkipWithError(first.error().describe().c_str());
        return;
    }
    for (auto _ : state) {
        const auto bank = mos::audio::loadSoundFont(kFluidR3, store);
        benchmark::DoNotOptimize(bank.ok());
    }
}

// The few entry points of libfluidsynth's C API the comparison needs, declared here because only
// its runtime library is installed, not its headers. One synth serves every load: deleting the last
// synth shuts libinstpatch down, and creating one again then deadlocks inside it.
class FluidSynth {
public:
    FluidSynth() : library_{::dlopen("libfluidsynth.so.3", RTLD_NOW | RTLD_LOCAL)} {
        if (library_ == nullptr) return;
        const auto newSettings = symbol<void* (*)()>("new_fluid_settings");
        const auto newSynth = symbol<void* (*)(void*)>("new_fluid_synth");
        deleteSettings_ = symbol<void (*)(void*)>("delete_fluid_settings");
        deleteSynth_ = symbol<void (*)(void*)>("delete_fluid_synth");
        load_ = symbol<int (*)(void*, const char*, int)>("fluid_synth_sfload");
        unload_ = symbol<int (*)(void*, int, int)>("fluid_synth_sfunload");
        if (newSettings == nullptr || newSynth == nullptr || deleteSettings_ == nullptr || deleteSynth_ == nullptr ||
            load_ == nullptr || unload_ == nullptr) {
            return;
        }
        settings_ = newSettings();
        synth_ = newSynth(settings_);
    }
    ~FluidSynth() {
        if (synth_ != nullptr) deleteSynth_(synth_);
        if (settings_ != nullptr) deleteSettings_(settings_);
        if (library_ != nullptr) ::dlclose(library_);
    }
    FluidSynth(const FluidSynth&) = delete;
    FluidSynth& operator=(const FluidSynth&) = delete;

    bool available() const { return synth_ != nullptr; }

    // Loads the file with every sample (FluidSynth's default) and unloads it again.
    bool load(const fs::path& path) const {
        const int id = load_(synth_, path.c_str(), 0);
        if (id < 0) return false;
        unload_(synth_, id, 0);
        return true;
    }

private:
    template <typename Function>
    Function symbol(const char* name) const {
        return reinterpret_cast<Function>(::dlsym(library_, name));
    }

    void* library_;
    void (*deleteSettings_)(void*) = nullptr;
    void (*deleteSynth_)(void*) = nullptr;
    int (*load_)(void*, const char*, int) = nullptr;
    int (*unload_)(void*, int, int) = nullptr;
    void* settings_ = nullptr;
    void* synth_ = nullptr;
};

void loadWithFluidSynth(benchmark::State& state, const fs::path& path) {
    if (!present(state, path)) return;
    static const FluidSynth fluidSynth;
    if (!fluidSynth.available()) {
        state.SkipWithError("libfluidsynth.so.3 is not installed: run scripts/setup (package fluidsynth)");
        return;
    }
    for (auto _ : state) {
        if (!fluidSynth.load(path)) {
            state.SkipWithError(("FluidSynth could not load " + path.string()).c_str());
            return;
        }
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(fs::file_size(path)));
}

void BM_FluidSynthLoadFluidR3Gm(benchmark::State& state) { loadWithFluidSynth(state, kFluidR3); }
void BM_FluidSynthLoadMuseScoreLiteSf3(benchmark::State& state) { loadWithFluidSynth(state, kMuseScoreLite); }

}  // namespace

BENCHMARK(BM_MosLoadFluidR3Gm)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FluidSynthLoadFluidR3Gm)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_MosReloadFluidR3GmSharingSamples)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_MosLoadMuseScoreLiteSf3)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FluidSynthLoadMuseScoreLiteSf3)->Unit(benchmark::kMillisecond)->UseRealTime();
