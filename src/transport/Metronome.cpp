// A metronome spec, checked, laid out as a grid of steps for one bar, and repeated into a score.

#include "mos/transport/Metronome.hpp"

#include <bit>
#include <sstream>
#include <string>
#include <utility>

#include "mos/theory/EuclideanRhythm.hpp"

namespace mos::transport {
namespace {

using core::ErrorCode;
using core::Rational;

constexpr int kMaxMeterNumerator = 64;
constexpr unsigned kMaxMeterDenominator = 64;
constexpr int kMaxSubdivisions = 16;
constexpr int kMaxEuclideanSteps = 64;
constexpr std::uint32_t kMaxBars = 9999;
constexpr std::int64_t kMaxBpm = 1000;
// Each click is a score event; this keeps the largest score near a hundred megabytes. 9999 bars of
// 4/4 in sixteenths fit.
constexpr std::size_t kMaxClicks = 200000;

// The downbeat must stand out even under a subdivided bar; subdivisions stay in the background.
constexpr std::uint8_t kAccentVelocity = 120;
constexpr std::uint8_t kBeatVelocity = 85;
constexpr std::uint8_t kSubdivisionVelocity = 50;

// Where the clicks are drawn on a percussion staff: the accent a third above the others.
constexpr score::Pitch kAccentLine{.step = score::Step::F, .octave = 5};
constexpr score::Pitch kClickLine{.step = score::Step::D, .octave = 5};

// Three units to the beat, as musicians count 6/8, 9/8 and 12/8; 3/8 and 3/4 stay simple.
bool isCompound(const score::TimeSignature& meter) noexcept {
    return meter.denominator >= 8 && meter.numerator > 3 && meter.numerator % 3 == 0;
}

std::string meterText(const score::TimeSignature& meter) {
    return std::to_string(meter.numerator) + "/" + std::to_string(meter.denominator);
}

core::Result<void> check(const MetronomeSpec& spec) {
    if (!(spec.bpm > Rational{0} && spec.bpm <= Rational{kMaxBpm})) {
        std::ostringstream bpm;
        bpm << spec.bpm.toDouble();
        return core::fail(ErrorCode::OutOfRange, "the tempo must be above 0 and at most " + std::to_string(kMaxBpm) +
                                                     " BPM, not " + bpm.str());
    }
    const int beats = spec.meter.numerator;
    const unsigned noteValue = spec.meter.denominator;
    if (beats < 1 || beats > kMaxMeterNumerator) {
        return core::fail(ErrorCode::OutOfRange, "a meter counts 1 to " + std::to_string(kMaxMeterNumerator) +
                                                     " beats, not " + std::to_string(beats) + " (in " +
                                                     meterText(spec.meter) + ")");
    }
    if (!std::has_single_bit(noteValue) || noteValue > kMaxMeterDenominator) {
        return core::fail(ErrorCode::InvalidArgument,
                          "a meter's denominator is a note value, a power of two from 1 to " +
                              std::to_string(kMaxMeterDenominator) + " (4 for quarters, 8 for eighths), not " +
                              std::to_string(noteValue) + " (in " + meterText(spec.meter) + ")");
    }
    if (spec.subdivisions && (*spec.subdivisions < 1 || *spec.subdivisions > kMaxSubdivisions)) {
        return core::fail(ErrorCode::OutOfRange, "a beat is subdivided into 1 to " + std::to_string(kMaxSubdivisions) +
                                                     " clicks, not " + std::to_string(*spec.subdivisions));
    }
    if (spec.euclid) {
        const EuclideanPattern& euclid = *spec.euclid;
        if (spec.subdivisions) {
            return core::fail(ErrorCode::InvalidArgument,
                              "a Euclidean pattern sets its own steps; it cannot be subdivided as well");
        }
        if (euclid.steps < 1 || euclid.steps > kMaxEuclideanSteps) {
            return core::fail(ErrorCode::OutOfRange, "a Euclidean pattern has 1 to " +
                                                         std::to_string(kMaxEuclideanSteps) + " steps, not " +
                                                         std::to_string(euclid.steps));
        }
        if (euclid.hits < 1 || euclid.hits > euclid.steps) {
            return core::fail(ErrorCode::InvalidArgument, "a Euclidean pattern of " + std::to_string(euclid.steps) +
                                                              " steps has 1 to " + std::to_string(euclid.steps) +
                                                              " hits, not " + std::to_string(euclid.hits));
        }
    }
    if (spec.bars < 1 || spec.bars > kMaxBars) {
        return core::fail(ErrorCode::OutOfRange, "a metronome plays 1 to " + std::to_string(kMaxBars) + " bars, not " +
                                                     std::to_string(spec.bars));
    }
    return {};
}

// The bar cut into equal steps, with the click each step plays, if any.
struct Grid {
    Rational stepLength;
    std::vector<std::optional<ClickKind>> steps;
};

Grid beatGrid(std::uint16_t beats, Rational beatUnit, int subdivisions) {
    Grid grid{beatUnit / Rational{subdivisions}, {}};
    for (int step = 0; step < beats * subdivisions; ++step) {
        if (step == 0) {
            grid.steps.emplace_back(ClickKind::Accent);
        } else {
            grid.steps.emplace_back(step % subdivisions == 0 ? ClickKind::Beat : ClickKind::Subdivision);
        }
    }
    return grid;
}

Grid euclideanGrid(const EuclideanPattern& euclid, Rational barLength) {
    Grid grid{barLength / Rational{euclid.steps}, {}};
    bool firstHit = true;
    for (const bool hit : theory::euclideanRhythm(euclid.hits, euclid.steps, euclid.rotation)) {
        if (!hit) {
            grid.steps.emplace_back();
            continue;
        }
        grid.steps.emplace_back(firstHit ? ClickKind::Accent : ClickKind::Beat);
        firstHit = false;
    }
    return grid;
}

char symbolOf(std::optional<ClickKind> step) noexcept {
    if (!step) return '.';
    switch (*step) {
        case ClickKind::Accent:
            return 'X';
        case ClickKind::Beat:
            return 'x';
        case ClickKind::Subdivision:
            return '-';
    }
    return '?';
}

score::Note clickNote(score::ElementId id, ClickKind kind) {
    const bool accent = kind == ClickKind::Accent;
    score::Note note;
    note.id = id;
    note.pitch = accent ? kAccentLine : kClickLine;
    note.percussionKey = accent ? kMetronomeAccentKey : kMetronomeClickKey;
    note.velocity = accent ? kAccentVelocity : kind == ClickKind::Beat ? kBeatVelocity : kSubdivisionVelocity;
    return note;
}

// One bar's events: each click lasts until the next one (or the bar line), so the bar adds up, and
// a Euclidean bar that starts with silence starts with a rest.
void appendBar(score::Score& score, score::Part& part, std::uint32_t measure, const MetronomeBar& bar,
               Rational barLength) {
    const auto event = [&](Rational offset, Rational end) -> score::Event& {
        score::Event& added = part.events.emplace_back();
        added.id = score.newId();
        added.measure = measure;
        added.offset = offset;
        added.duration = end - offset;
        return added;
    };
    const std::vector<MetronomeClick>& clicks = bar.clicks;
    if (clicks.front().offset > Rational{0}) event(Rational{0}, clicks.front().offset);
    for (std::size_t c = 0; c < clicks.size(); ++c) {
        const Rational end = c + 1 < clicks.size() ? clicks[c + 1].offset : barLength;
        event(clicks[c].offset, end).notes.push_back(clickNote(score.newId(), clicks[c].kind));
    }
}

}  // namespace

core::Result<MetronomeBar> metronomeBar(const MetronomeSpec& spec) {
    if (auto valid = check(spec); !valid) return std::move(valid).error();
    const bool compound = isCompound(spec.meter);
    MetronomeBar bar;
    bar.beatUnit = Rational{compound ? 3 : 1, spec.meter.denominator};
    bar.beats = static_cast<std::uint16_t>(compound ? spec.meter.numerator / 3 : spec.meter.numerator);
    const Rational secondsPerWholeNote = Rational{60} / (spec.bpm * bar.beatUnit);
    bar.seconds = spec.meter.measureLength() * secondsPerWholeNote;

    const Grid grid = spec.euclid ? euclideanGrid(*spec.euclid, spec.meter.measureLength())
                                  : beatGrid(bar.beats, bar.beatUnit, spec.subdivisions.value_or(compound ? 3 : 1));
    for (std::size_t s = 0; s < grid.steps.size(); ++s) {
        bar.pattern += symbolOf(grid.steps[s]);
        if (!grid.steps[s]) continue;
        const Rational offset = grid.stepLength * Rational{static_cast<std::int64_t>(s)};
        bar.clicks.push_back({offset, offset * secondsPerWholeNote, *grid.steps[s]});
    }
    return bar;
}

core::Result<score::Score> metronomeScore(const MetronomeSpec& spec) {
    const auto bar = metronomeBar(spec);
    if (!bar) return bar.error();
    if (bar->clicks.size() * spec.bars > kMaxClicks) {
        return core::fail(ErrorCode::OutOfRange, std::to_string(spec.bars) + " bars of " +
                                                     std::to_string(bar->clicks.size()) + " clicks are more than the " +
                                                     std::to_string(kMaxClicks) + " a metronome plays");
    }
    const Rational barLength = spec.meter.measureLength();

    score::Score score;
    score.metadata.title = "Metronome";
    score::Part part;
    part.id = "P1";
    part.name = "Metronome";
    part.instrument.name = "Wood blocks";
    part.instrument.percussion = true;
    for (std::uint32_t m = 0; m < spec.bars; ++m) {
        score::Measure& measure = score.timeline.measures.emplace_back();
        measure.number = std::to_string(m + 1);
        measure.duration = barLength;
        if (m == 0) {
            measure.time = spec.meter;
            measure.keys.emplace_back();
            score::TempoMark& tempo = measure.tempos.emplace_back();
            tempo.beatUnit = bar->beatUnit;
            tempo.beatsPerMinute = spec.bpm;
        }
        appendBar(score, part, m, *bar, barLength);
    }
    score.parts.push_back(std::move(part));
    return score;
}

}  // namespace mos::transport
