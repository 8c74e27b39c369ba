#pragma once

// Offline rendering: a score played by the engine into a WAV or FLAC file, as fast as the machine
// allows — the same player, engine and instrument a device plays through, so a render sounds
// exactly as live playback does, sample for sample.
//
//   renderToFile(score, {.sampleRate = core::SampleRate{44100}, .metronome = true}, "song.wav")
//     -> 185.2 s of audio written in 3.1 s

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mos/audio/InstrumentBank.hpp"
#include "mos/core/Rational.hpp"
#include "mos/core/Result.hpp"
#include "mos/core/SampleTime.hpp"
#include "mos/score/Score.hpp"

namespace mos::engine {

struct RenderOptions {
    core::SampleRate sampleRate{48000};
    core::Rational tempoScale{1};            // 0.25…4
    std::optional<std::string> fromMeasure;  // a measure number as the score prints it ("5", "12a")
    std::optional<std::string> toMeasure;    // the last measure played, inclusive
    bool metronome = false;
    std::uint32_t blockFrames = 512;
    double maxTailSeconds = 3.0;  // after the last note, how long release tails may ring
    // What plays the parts: a SoundFont or SFZ bank, or (null) the built-in fallback synth.
    std::shared_ptr<const audio::InstrumentBank> instruments{};
};

struct RenderReport {
    std::uint64_t frames = 0;    // written to the file
    double audioSeconds = 0.0;   // frames / sample rate
    double renderSeconds = 0.0;  // wall-clock time the rendering took
    std::size_t notes = 0;       // notes the performance plays (whole performance)
    std::uint64_t droppedEvents = 0;
};

// Receives each rendered block: `frames` frames of left and right. An error ends the render.
using AudioOutput = std::function<core::Result<void>(const float* left, const float* right, std::uint32_t frames)>;

// Renders `score` block by block into `output`, calling `progress` with 0…1 now and then. Errors
// name the measure that does not exist, or are the output's. Thread: control. RT-safe: no.
core::Result<RenderReport> render(const score::Score& score, const RenderOptions& options, const AudioOutput& output,
                                  const std::function<void(double)>& progress = {});

// The presets a render of `score` plays: each channel's General MIDI program in bank 0, the drum
// channel's kit in audio::kDrumBank, and that kit for the metronome's clicks. Given to
// audio::loadInstrument, they load no more of a SoundFont than the render needs.
// Thread: control. RT-safe: no.
std::vector<audio::PresetId> presetsPlayed(const score::Score& score, const RenderOptions& options);

// Renders `score` to `path` (.wav or .flac), calling `progress` with 0…1 now and then. Errors name
// the file, or the measure that does not exist. Thread: control. RT-safe: no.
core::Result<RenderReport> renderToFile(const score::Score& score, const RenderOptions& options,
                                        const std::filesystem::path& path,
                                        const std::function<void(double)>& progress = {});

}  // namespace mos::engine
