// The offline render loop: publish, seek, play, and pull blocks from the engine into the file
// until the range is played and the release tails have died away.

#include "mos/engine/Render.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <vector>

#include "mos/audio/AudioFileWriter.hpp"
#include "mos/audio/Engine.hpp"
#include "mos/audio/FallbackSynth.hpp"
#include "mos/transport/Player.hpp"
#include "mos/transport/Program.hpp"

namespace mos::engine {
namespace {

using core::Rational;

// The index of the measure printed as `number`: its label, else its position counted from 1.
core::Result<std::uint32_t> measureNumbered(const score::Score& score, const std::string& number) {
    const auto& measures = score.timeline.measures;
    for (std::uint32_t m = 0; m < measures.size(); ++m) {
        if (measures[m].number == number) return m;
    }
    return core::fail(core::ErrorCode::NotFound, "the score has no measure " + number + " (it has " +
                                                     std::to_string(measures.size()) + " measures)");
}

struct Range {
    Rational start{0};
    std::optional<Rational> end;  // the whole performance when empty
};

// From the first performance of the first measure to the end of the first performance of the last
// one that follows it.
core::Result<Range> rangeOf(const score::Score& score, const transport::PerformanceTimeline& timeline,
                            const RenderOptions& options) {
    Range range;
    std::size_t from = 0;
    if (options.fromMeasure) {
        const auto m = measureNumbered(score, *options.fromMeasure);
        if (!m) return m.error();
        const auto& performed = timeline.measures();
        const auto first = std::find_if(performed.begin(), performed.end(),
                                        [&](const transport::PerformedMeasure& p) { return p.measure == *m; });
        if (first == performed.end()) {
            return core::fail(core::ErrorCode::NotFound, "measure " + *options.fromMeasure + " is never played");
        }
        from = static_cast<std::size_t>(first - performed.begin());
        range.start = first->start;
    }
    if (options.toMeasure) {
        const auto m = measureNumbered(score, *options.toMeasure);
        if (!m) return m.error();
        const auto& performed = timeline.measures();
        const auto last = std::find_if(performed.begin() + static_cast<std::ptrdiff_t>(from), performed.end(),
                                       [&](const transport::PerformedMeasure& p) { return p.measure == *m; });
        if (last == performed.end()) {
            return core::fail(
                core::ErrorCode::OutOfRange,
                "measure " + *options.toMeasure + " is not played after measure " + options.fromMeasure.value_or("1"));
        }
        range.end = last->end();
    }
    return range;
}

}  // namespace

core::Result<RenderReport> renderToFile(const score::Score& score, const RenderOptions& options,
                                        const std::filesystem::path& path,
                                        const std::function<void(double)>& progress) {
    const auto began = std::chrono::steady_clock::now();
    auto program = std::make_unique<transport::Program>(
        transport::compile(score, {.sampleRate = options.sampleRate, .tempoScale = options.tempoScale}));
    const auto range = rangeOf(score, program->timeline(), options);
    if (!range) return range.error();
    const std::int64_t startSample = program->sampleAt(range->start);
    const std::int64_t endSample = range->end ? program->sampleAt(*range->end) : program->endSample();
    RenderReport report;
    report.notes = program->notes().size();

    auto writer = audio::AudioFileWriter::create(path, options.sampleRate);
    if (!writer) return writer.error();

    transport::Player player;
    player.publish(std::move(program));
    audio::FallbackSynth synth;
    const std::uint32_t block = std::max<std::uint32_t>(1, options.blockFrames);
    audio::Engine engine{player, synth, {.sampleRate = options.sampleRate, .maxBlockFrames = block}};
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
        if (auto written = writer->write(left.data(), right.data(), frames); !written) return written.error();
        (inRange ? played : tail) += frames;
        if (progress && inRange)
            progress(static_cast<double>(played) / static_cast<double>(std::max<std::int64_t>(1, length)));
    }
    if (auto finished = writer->finish(); !finished) return finished.error();
    report.frames = static_cast<std::uint64_t>(played + tail);
    report.audioSeconds = static_cast<double>(report.frames) / options.sampleRate.value;
    report.renderSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    report.droppedEvents = engine.droppedEvents();
    return report;
}

}  // namespace mos::engine
