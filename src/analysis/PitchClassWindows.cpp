#include "mos/analysis/PitchClassWindows.hpp"

#include <algorithm>

#include "mos/theory/ChordSymbol.hpp"

namespace mos::analysis {
namespace {

// Where the beats fall in each measure: a pickup's first note is not a downbeat, so its offsets
// are counted from where a full measure would have started.
struct MeterGrid {
    std::vector<core::Rational> pickupShift;  // nominal length - actual length for pickups, else 0
    std::vector<core::Rational> nominal;      // the meter's measure length
    std::vector<bool> evenMeter;              // numerator even: the middle of the measure is strong
};

MeterGrid meterGrid(const score::Timeline& timeline) {
    MeterGrid grid;
    score::TimeSignature meter{};
    for (const score::Measure& measure : timeline.measures) {
        if (measure.time) meter = *measure.time;
        const core::Rational nominal = meter.measureLength();
        grid.nominal.push_back(nominal);
        grid.pickupShift.push_back(measure.pickup && measure.duration < nominal ? nominal - measure.duration
                                                                                : core::Rational{0});
        grid.evenMeter.push_back(meter.numerator % 2 == 0);
    }
    return grid;
}

bool onStrongBeat(const MeterGrid& grid, score::ScorePosition at) {
    if (at.measure >= grid.nominal.size()) return false;
    const core::Rational offset = at.offset + grid.pickupShift[at.measure];
    return offset.isZero() || (grid.evenMeter[at.measure] && offset == grid.nominal[at.measure] * core::Rational{1, 2});
}

// Something that sounds a set of pitch classes over a time span, in doubles (weights need no
// exactness, and equal rationals give equal doubles, so touching spans stay touching).
struct Span {
    double start = 0;
    double end = 0;
    int midi = 0;  // for the bass; unused for chord symbols
    std::uint16_t pitchClasses = 0;
    double weight = 1;  // 1 + the accent for a note struck on a strong beat
};

std::vector<Span> noteSpans(std::span<const SoundingNote> notes, const MeterGrid& grid, const WindowOptions& options) {
    std::vector<Span> spans;
    spans.reserve(notes.size());
    for (const SoundingNote& note : notes) {
        const double accent = options.accentWeight != 0 && onStrongBeat(grid, note.at) ? options.accentWeight : 0;
        spans.push_back({note.onset.toDouble(), note.end().toDouble(), note.midiNumber(),
                         static_cast<std::uint16_t>(1U << note.pitchClass()), 1 + accent});
    }
    return spans;
}

std::uint16_t chordPitchClasses(const score::ChordSymbol& symbol) {
    if (auto parsed = theory::ChordSymbol::parse(symbol.text)) return parsed->pitchClasses();
    std::uint16_t mask = 0;
    for (const auto& name : {symbol.root, symbol.bass}) {
        if (name) mask |= static_cast<std::uint16_t>(1U << theory::NoteName{name->step, name->alter}.pitchClass());
    }
    return mask;
}

// Each symbol holds until the next one that is not an alternate, or to the end of the score.
std::vector<Span> chordSpans(const score::Score& score, const std::vector<core::Rational>& starts) {
    struct Timed {
        core::Rational at;
        const score::ChordSymbol* symbol;
    };
    std::vector<Timed> timed;
    for (const score::ChordSymbol& symbol : score.layers.chords) {
        if (symbol.alternate || symbol.at.measure + 1 >= starts.size()) continue;
        const core::Rational at = starts[symbol.at.measure] + symbol.at.offset;
        if (at.isValid()) timed.push_back({at, &symbol});
    }
    std::stable_sort(timed.begin(), timed.end(), [](const Timed& a, const Timed& b) { return a.at < b.at; });
    std::vector<Span> spans;
    for (std::size_t i = 0; i < timed.size(); ++i) {
        if (timed[i].symbol->noChord) continue;
        const core::Rational end = i + 1 < timed.size() ? timed[i + 1].at : starts.back();
        if (!end.isValid()) continue;
        spans.push_back({timed[i].at.toDouble(), end.toDouble(), 0, chordPitchClasses(*timed[i].symbol), 1});
    }
    return spans;
}

void addPitchClasses(PitchClassWeights& weights, std::uint16_t mask, double amount) {
    for (std::size_t pc = 0; pc < 12; ++pc) {
        if ((mask >> pc) & 1U) weights[pc] += amount;
    }
}

// Sweeps spans sorted by start through the windows, keeping those that may still overlap.
class SpanSweep {
public:
    explicit SpanSweep(const std::vector<Span>& spans) : spans_{spans} {}

    // The spans overlapping [start, end); windows must come in ascending order.
    const std::vector<const Span*>& overlapping(double start, double end) {
        while (next_ < spans_.size() && spans_[next_].start < end) active_.push_back(&spans_[next_++]);
        std::erase_if(active_, [&](const Span* s) { return s->end <= start; });
        return active_;
    }

private:
    const std::vector<Span>& spans_;
    std::size_t next_ = 0;
    std::vector<const Span*> active_;
};

// Adds `bassWeight` for each stretch of the window to the lowest note sounding in it.
void addBass(PitchClassWeights& weights, const std::vector<const Span*>& active, double start, double end,
             double bassWeight) {
    std::vector<double> points{start, end};
    for (const Span* s : active) {
        if (s->start > start) points.push_back(s->start);
        if (s->end < end) points.push_back(s->end);
    }
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        const Span* lowest = nullptr;
        for (const Span* s : active) {
            if (s->start <= points[i] && s->end >= points[i + 1] && (!lowest || s->midi < lowest->midi)) lowest = s;
        }
        if (lowest) addPitchClasses(weights, lowest->pitchClasses, bassWeight * (points[i + 1] - points[i]));
    }
}

// The measures' starts up to the first that a length sum overflowing 64-bit fractions makes
// invalid: the measures after it have no place in time.
std::vector<core::Rational> validMeasureStarts(const score::Timeline& timeline) {
    std::vector<core::Rational> starts = score::measureStarts(timeline);
    starts.erase(std::find_if(starts.begin(), starts.end(), [](const core::Rational& r) { return !r.isValid(); }),
                 starts.end());
    return starts;
}

score::ScorePosition positionOf(const std::vector<core::Rational>& starts, core::Rational time) {
    if (starts.size() < 2) return {0, time};
    // The last measure starting at or before `time` (a measure of length 0 gives way to the next).
    const auto it = std::upper_bound(starts.begin(), starts.end() - 1, time);
    const auto measure = static_cast<std::uint32_t>(it == starts.begin() ? 0 : it - starts.begin() - 1);
    return {measure, time - starts[measure]};
}

// The windows between consecutive boundaries, each starting at the matching position.
std::vector<PitchClassWindow> windowsAt(const score::Score& score, std::span<const SoundingNote> notes,
                                        std::span<const core::Rational> boundaries,
                                        std::span<const score::ScorePosition> positions, const WindowOptions& options) {
    std::vector<PitchClassWindow> windows;
    if (boundaries.size() < 2) return windows;
    const std::vector<core::Rational> starts = score::measureStarts(score.timeline);
    const MeterGrid grid = meterGrid(score.timeline);
    const std::vector<Span> noteSpanList = noteSpans(notes, grid, options);
    const std::vector<Span> chordSpanList = chordSpans(score, starts);
    SpanSweep noteSweep{noteSpanList};
    SpanSweep chordSweep{chordSpanList};
    windows.reserve(boundaries.size() - 1);
    for (std::size_t w = 0; w + 1 < boundaries.size(); ++w) {
        PitchClassWindow window{.start = boundaries[w], .end = boundaries[w + 1], .at = positions[w]};
        const double start = window.start.toDouble();
        const double end = window.end.toDouble();
        const auto& sounding = noteSweep.overlapping(start, end);
        for (const Span* s : sounding) {
            const double overlap = std::min(s->end, end) - std::max(s->start, start);
            if (overlap > 0) addPitchClasses(window.notes, s->pitchClasses, overlap * s->weight);
        }
        if (options.bassWeight != 0) addBass(window.notes, sounding, start, end, options.bassWeight);
        for (const Span* s : chordSweep.overlapping(start, end)) {
            const double overlap = std::min(s->end, end) - std::max(s->start, start);
            if (overlap > 0) addPitchClasses(window.chords, s->pitchClasses, overlap);
        }
        windows.push_back(window);
    }
    return windows;
}

}  // namespace

std::vector<PitchClassWindow> pitchClassWindows(const score::Score& score, std::span<const SoundingNote> notes,
                                                std::span<const core::Rational> boundaries,
                                                const WindowOptions& options) {
    const std::vector<core::Rational> starts = validMeasureStarts(score.timeline);
    std::vector<score::ScorePosition> positions;
    positions.reserve(boundaries.size());
    for (const core::Rational& boundary : boundaries) positions.push_back(positionOf(starts, boundary));
    return windowsAt(score, notes, boundaries, positions, options);
}

std::vector<PitchClassWindow> measureWindows(const score::Score& score, std::span<const SoundingNote> notes,
                                             const WindowOptions& options) {
    std::vector<core::Rational> starts = score::measureStarts(score.timeline);
    // Lengths that overflow leave the measures after them without a place in time.
    const auto invalid =
        std::find_if(starts.begin(), starts.end(), [](const core::Rational& r) { return !r.isValid(); });
    starts.erase(invalid, starts.end());
    std::vector<score::ScorePosition> positions;
    positions.reserve(starts.size());
    for (std::uint32_t m = 0; m < starts.size(); ++m) positions.push_back({m, {}});
    return windowsAt(score, notes, starts, positions, options);
}

PitchClassWindow mergeWindows(std::span<const PitchClassWindow> windows) noexcept {
    PitchClassWindow merged;
    if (windows.empty()) return merged;
    merged.start = windows.front().start;
    merged.end = windows.back().end;
    merged.at = windows.front().at;
    for (const PitchClassWindow& window : windows) {
        for (std::size_t pc = 0; pc < 12; ++pc) {
            merged.notes[pc] += window.notes[pc];
            merged.chords[pc] += window.chords[pc];
        }
    }
    return merged;
}

}  // namespace mos::analysis
