// The offline render loop: publish, seek, play, and pull blocks from the engine into the file
// until the range is played and the release tails have died away.

#include "mos/engine/Render.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "mos/audio/Apollo.hpp"
#include "mos/audio/AudioFileWriter.hpp"
#include "mos/audio/Engine.hpp"
#include "mos/score/PlayedNotes.hpp"
#include "mos/transport/MeasureRange.hpp"
#include "mos/transport/Player.hpp"
#include "mos/transport/Program.hpp"

namespace mos::engine {

std::vector<audio::PresetId> presetsPlayed(const score::Score& score, const RenderOptions& options) {
    const transport::Program program =
        transport::compile(score, {.sampleRate = options.sampleRate, .tempoScale = options.tempoScale});
    std::set<std::uint8_t> channels;
    for (const transport::ProgramNote& note : program.notes()) channels.insert(note.channel0to15);
    if (options.metronome) channels.insert(score::kDrumChannel0to15);
    std::vector<audio::PresetId> presets;
    for (const std::uint8_t channel : channels) {
        const bool drums = channel == score::kDrumChannel0to15;
        presets.push_back({drums ? audio::kDrumBank : std::uint16_t{0}, program.channelPrograms()[channel]});
    }
    return presets;
}

core::Result<RenderReport> render(const score::Score& score, const RenderOptions& options, const AudioOutput& output,
                                  const std::function<void(double)>& progress) {
    const auto began = std::chrono::steady_clock::now();
    auto program = std::make_unique<transport::Program>(
        transport::compile(score, {.sampleRate = options.sampleRate, .tempoScale = options.tempoScale}));
    const auto range =
        transport::performanceRange(score.timeline, program->timeline(), options.fromMeasure, options.toMeasure);
    if (!range) return range.error();
    const std::int64_t startSample = program->sampleAt(range->start);
    // The whole performance runs on to its last note's end, which may ring past the last bar line.
    const bool whole = !options.toMeasure;
    const std::int64_t endSample = whole ? program->endSample() : program->sampleAt(range->end);
    RenderReport report;
    report.notes = program->notes().size();

    transport::Player player;
    player.publish(std::move(program));
    audio::Apollo apollo;
    if (options.instruments) apollo.setBank(options.instruments);
    const std::uint32_t block = std::max<std::uint32_t>(1, options.blockFrames);
    audio::Engine engine{player, apollo, {.sampleRate = options.sampleRate, .maxBlockFrames = block}};
    engine.setMetronome(options.metronome);
    player.seek(range->start);
    player.play();

    std::vector<float> left(block);
    std::vector<float> right(block);
    const std::int64_t length = std::max<std::int64_t>(0, endSample - startSample);
    const auto tailLimit = static_cast<std::int64_t>(std::ceil(options.maxTailSeconds * options.sampleRate.value));
    std::int64_t played = 0;
    std::int64_t tail = 0;
    bool stopped = false;
    // The instrument's latency (a look-ahead limiter) is taken back out: its first frames are
    // dropped, and as many more are rendered after the sound ends, so each note lands in the file on
    // its exact frame. Known once the first block has run (the sampler adopts its bank there).
    std::optional<std::uint32_t> latency;
    std::uint32_t toDrop = 0;
    std::uint32_t toFlush = 0;
    const auto emit = [&](std::uint32_t frames) -> core::Result<void> {
        const std::uint32_t dropped = std::min(toDrop, frames);
        toDrop -= dropped;
        if (dropped == frames) return {};
        return output(left.data() + dropped, right.data() + dropped, frames - dropped);
    };
    while (true) {
        const bool inRange = played < length;
        if (!inRange && !stopped) {
            player.stop();  // the range is over: every note enters its release
            stopped = true;
        }
        if (!inRange && (engine.activeVoices() == 0 || tail >= tailLimit)) break;
        const auto frames =
            static_cast<std::uint32_t>(inRange ? std::min<std::int64_t>(block, length - played) : block);
        engine.process(left.data(), right.data(), frames);
        if (!latency) {
            latency = apollo.latencyFrames();
            toDrop = toFlush = *latency;
        }
        if (auto written = emit(frames); !written) return written.error();
        (inRange ? played : tail) += frames;
        if (progress && inRange)
            progress(static_cast<double>(played) / static_cast<double>(std::max<std::int64_t>(1, length)));
    }
    while (toFlush > 0) {
        const std::uint32_t frames = std::min(toFlush, block);
        engine.process(left.data(), right.data(), frames);
        if (auto written = emit(frames); !written) return written.error();
        toFlush -= frames;
    }
    report.frames = static_cast<std::uint64_t>(played + tail);
    report.audioSeconds = static_cast<double>(report.frames) / options.sampleRate.value;
    report.renderSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    report.droppedEvents = engine.droppedEvents();
    return report;
}

core::Result<RenderReport> renderToFile(const score::Score& score, const RenderOptions& options,
                                        const std::filesystem::path& path,
                                        const std::function<void(double)>& progress) {
    auto writer = audio::AudioFileWriter::create(path, options.sampleRate);
    if (!writer) return writer.error();
    auto rendered = render(
        score, options,
        [&](const float* left, const float* right, std::uint32_t frames) { return writer->write(left, right, frames); },
        progress);
    if (!rendered) return rendered.error();
    if (auto finished = writer->finish(); !finished) return finished.error();
    return rendered;
}

}  // namespace mos::engine
