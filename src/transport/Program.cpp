// The compiled program's lookups, and the chase checkpoints that keep a seek short.

#include "mos/transport/Program.hpp"

#include <algorithm>

namespace mos::transport {

Program::Program(core::SampleRate rate, TempoMap tempoMap, PerformanceTimeline timeline)
    : sampleRate_{rate}, tempoMap_{std::move(tempoMap)}, timeline_{std::move(timeline)} {}

std::size_t Program::firstEventAt(std::int64_t sample) const noexcept {
    const auto first = std::lower_bound(events_.begin(), events_.end(), sample,
                                        [](const ProgramEvent& e, std::int64_t s) { return e.sample < s; });
    return static_cast<std::size_t>(first - events_.begin());
}

std::size_t Program::firstNoteFrom(std::int64_t sample) const noexcept {
    const auto first = std::lower_bound(notes_.begin(), notes_.end(), sample,
                                        [](const ProgramNote& n, std::int64_t s) { return n.startSample < s; });
    return static_cast<std::size_t>(first - notes_.begin());
}

void Program::buildChaseCheckpoints() {
    const auto checkpoints = static_cast<std::size_t>(std::max<std::int64_t>(endSample_, 0) / kChaseStride) + 1;
    // Checkpoint c holds the notes with start < c·stride < end.
    const auto firstCrossed = [](const ProgramNote& n) {
        return static_cast<std::size_t>(std::max<std::int64_t>(n.startSample, -1) / kChaseStride + 1);
    };
    const auto lastCrossed = [&](const ProgramNote& n) {
        return std::min(checkpoints - 1, static_cast<std::size_t>((n.endSample - 1) / kChaseStride));
    };
    chaseStarts_.assign(checkpoints + 1, 0);
    for (const ProgramNote& note : notes_) {
        for (std::size_t c = firstCrossed(note); c <= lastCrossed(note) && note.endSample > 0; ++c)
            ++chaseStarts_[c + 1];
    }
    for (std::size_t c = 0; c < checkpoints; ++c) chaseStarts_[c + 1] += chaseStarts_[c];
    chaseNotes_.resize(chaseStarts_.back());
    std::vector<std::uint32_t> filled(chaseStarts_.begin(), chaseStarts_.end() - 1);
    for (std::size_t n = 0; n < notes_.size(); ++n) {
        const ProgramNote& note = notes_[n];
        for (std::size_t c = firstCrossed(note); c <= lastCrossed(note) && note.endSample > 0; ++c) {
            chaseNotes_[filled[c]++] = static_cast<std::uint32_t>(n);
        }
    }
}

}  // namespace mos::transport
