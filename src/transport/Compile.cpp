// Score → Program: the played notes (score::playedNotes) laid out along the unfolded performance,
// shaped by articulations and swing, and stamped with samples by the tempo map.

#include <algorithm>
#include <cmath>

#include "mos/score/PlayedNotes.hpp"
#include "mos/transport/Program.hpp"

namespace mos::transport {
namespace {

using core::Rational;
using score::Articulation;

constexpr int kAccentBoost = 20;
constexpr int kStrongAccentBoost = 30;
const Rational kQuarter{1, 4};
const Rational kEighth{1, 8};

// The score's tempo marks in score order, as a map over score positions.
TempoMap notatedTempos(const score::Score& score, const std::vector<Rational>& scoreStarts) {
    std::vector<TempoChange> changes;
    for (std::size_t m = 0; m < score.timeline.measures.size(); ++m) {
        for (const score::TempoMark& mark : score.timeline.measures[m].tempos) {
            changes.push_back({scoreStarts[m] + mark.offset, mark.quarterBpm(), mark.rampToNext});
        }
    }
    return TempoMap{changes};
}

// The tempo in force at score position `from`, restated at performance position `at`: within a
// ramp its exact value there, still ramping on to the ramp's goal.
TempoChange carriedTempo(const TempoMap& notated, Rational from, Rational at) {
    const auto& segments = notated.segments();
    const auto after = std::upper_bound(segments.begin(), segments.end(), from,
                                        [](Rational p, const TempoMap::Segment& s) { return p < s.start; });
    const TempoMap::Segment& segment = *(after - 1);  // the first segment starts at 0
    if (!segment.ramps()) return {at, segment.startBpm};
    const Rational into = (from - segment.start) / segment.length;
    return {at, segment.startBpm + (segment.endBpm - segment.startBpm) * into, true};
}

// Tempo in performance order: each measure's own marks, and where the performance does not go on
// from the score's previous measure (its start, and after every jump) the tempo in force at the
// place it lands. Only there: a carried tempo at every measure would cut a ramp into steps.
std::vector<TempoChange> performedTempos(const score::Score& score, const PerformanceTimeline& timeline,
                                         const std::vector<Rational>& scoreStarts) {
    const TempoMap notated = notatedTempos(score, scoreStarts);
    const std::vector<PerformedMeasure>& performed = timeline.measures();
    std::vector<TempoChange> changes;
    changes.reserve(performed.size());
    for (std::size_t k = 0; k < performed.size(); ++k) {
        const PerformedMeasure& measure = performed[k];
        if (k == 0 || measure.measure != performed[k - 1].measure + 1) {
            changes.push_back(carriedTempo(notated, scoreStarts[measure.measure], measure.start));
        }
        for (const score::TempoMark& mark : score.timeline.measures[measure.measure].tempos) {
            changes.push_back({measure.start + mark.offset, mark.quarterBpm(), mark.rampToNext});
        }
    }
    return changes;
}

// Moves an offset within its measure by the swing: the first eighth of each quarter takes
// `swing` of it, the second the rest.
Rational swung(Rational offset, Rational swing) {
    const auto quarters = (offset / kQuarter).floor();
    if (!quarters) return offset;
    const Rational beat = Rational{*quarters} * kQuarter;
    const Rational into = offset - beat;
    const Rational moved = into <= kEighth ? into * Rational{2} * swing
                                           : swing * kQuarter + (into - kEighth) * Rational{2} * (Rational{1} - swing);
    return beat + moved;
}

Rational articulatedLength(const score::PlayedNote& note) {
    if (note.has(Articulation::Staccatissimo)) return note.duration * Rational{1, 4};
    if (note.has(Articulation::Staccato)) return note.duration * Rational{1, 2};
    return note.duration;
}

std::uint8_t articulatedVelocity(const score::PlayedNote& note) {
    int velocity = note.velocity;
    if (note.has(Articulation::StrongAccent)) {
        velocity += kStrongAccentBoost;
    } else if (note.has(Articulation::Accent)) {
        velocity += kAccentBoost;
    }
    return static_cast<std::uint8_t>(std::clamp(velocity, 1, 127));
}

// A key restarted on its channel before it ended is cut where it restarts; two starting together
// become one, as long as the longer.
void separateRepeatedKeys(std::vector<ProgramNote>& notes) {
    std::sort(notes.begin(), notes.end(), [](const ProgramNote& a, const ProgramNote& b) {
        if (a.channel0to15 != b.channel0to15) return a.channel0to15 < b.channel0to15;
        if (a.key0to127 != b.key0to127) return a.key0to127 < b.key0to127;
        return a.startSample < b.startSample;
    });
    std::vector<ProgramNote> kept;
    kept.reserve(notes.size());
    for (const ProgramNote& note : notes) {
        if (!kept.empty()) {
            ProgramNote& previous = kept.back();
            const bool sameKey = previous.channel0to15 == note.channel0to15 && previous.key0to127 == note.key0to127;
            if (sameKey && previous.startSample == note.startSample) {
                previous.endSample = std::max(previous.endSample, note.endSample);
                previous.velocity1to127 = std::max(previous.velocity1to127, note.velocity1to127);
                continue;
            }
            if (sameKey && previous.endSample > note.startSample) previous.endSample = note.startSample;
        }
        kept.push_back(note);
    }
    notes = std::move(kept);
    std::stable_sort(notes.begin(), notes.end(), [](const ProgramNote& a, const ProgramNote& b) {
        if (a.startSample != b.startSample) return a.startSample < b.startSample;
        if (a.part != b.part) return a.part < b.part;
        return a.key0to127 < b.key0to127;
    });
}

}  // namespace

Program compile(const score::Score& score, const CompileOptions& options) {
    PerformanceTimeline timeline{score.timeline};
    const std::vector<Rational> scoreStarts = score::measureStarts(score.timeline);
    TempoMap tempoMap{performedTempos(score, timeline, scoreStarts), options.tempoScale};
    Program program{options.sampleRate, std::move(tempoMap), std::move(timeline)};
    const PerformanceTimeline& performance = program.timeline_;
    const bool swinging = options.swing.isValid() && options.swing != Rational{1, 2} && options.swing > Rational{0} &&
                          options.swing < Rational{1};

    const score::PlayedNotes played = score::playedNotes(score);
    const std::vector<std::uint8_t> channels = score::midiChannels(score);
    // Each part's notes grouped by the measure they start in, so every pass over a measure finds them.
    std::vector<std::vector<std::vector<const score::PlayedNote*>>> byMeasure(played.parts.size());
    for (std::size_t p = 0; p < played.parts.size(); ++p) {
        byMeasure[p].resize(score.timeline.measures.size());
        for (const score::PlayedNote& note : played.parts[p]) {
            if (note.measure < score.timeline.measures.size()) byMeasure[p][note.measure].push_back(&note);
        }
        const score::Instrument& instrument = score.parts[p].instrument;
        program.channelPrograms_[channels[p]] = instrument.percussion ? 0 : instrument.gmProgram & 0x7FU;
    }

    for (std::size_t k = 0; k < performance.measures().size(); ++k) {
        const PerformedMeasure& performed = performance.measures()[k];
        const Rational scoreStart = scoreStarts[performed.measure];
        for (std::size_t p = 0; p < byMeasure.size(); ++p) {
            for (const score::PlayedNote* note : byMeasure[p][performed.measure]) {
                Rational onset = note->onset - scoreStart;
                Rational end = onset + articulatedLength(*note);
                if (swinging && !note->performed) {
                    onset = swung(onset, options.swing);
                    end = swung(end, options.swing);
                }
                const std::int64_t start = program.sampleAt(performed.start + onset);
                const std::int64_t stop = std::max(start + 1, program.sampleAt(performed.start + end));
                program.notes_.push_back({start, stop, static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(k),
                                          channels[p], note->key, articulatedVelocity(*note)});
                program.usedChannels_ = static_cast<std::uint16_t>(program.usedChannels_ | (1U << channels[p]));
            }
        }
    }
    separateRepeatedKeys(program.notes_);

    auto& events = program.events_;
    events.reserve(program.notes_.size() * 2 + performance.measures().size() * 4);
    for (std::size_t n = 0; n < program.notes_.size(); ++n) {
        const auto index = static_cast<std::uint32_t>(n);
        events.push_back({program.notes_[n].startSample, ProgramEvent::Kind::NoteOn, index});
        events.push_back({program.notes_[n].endSample, ProgramEvent::Kind::NoteOff, index});
        program.endSample_ = std::max(program.endSample_, program.notes_[n].endSample);
    }
    for (std::size_t k = 0; k < performance.measures().size(); ++k) {
        const PerformedMeasure& performed = performance.measures()[k];
        // A pickup's beats line up with the bar line after it.
        const std::int64_t firstBeat = (performed.lateStart / performed.beatLength()).ceil().value_or(0);
        for (std::int64_t b = firstBeat;; ++b) {
            const Rational at = performed.start + Rational{b} * performed.beatLength() - performed.lateStart;
            if (!(at < performed.end())) break;
            events.push_back({program.sampleAt(at), ProgramEvent::Kind::Beat, static_cast<std::uint32_t>(k),
                              static_cast<std::uint16_t>(std::min<std::int64_t>(b + 1, 0xFFFF))});
        }
    }
    std::stable_sort(events.begin(), events.end(), [](const ProgramEvent& a, const ProgramEvent& b) {
        if (a.sample != b.sample) return a.sample < b.sample;
        return a.kind < b.kind;
    });
    program.endSample_ = std::max(program.endSample_, program.sampleAt(performance.length()));
    program.buildChaseCheckpoints();
    return program;
}

}  // namespace mos::transport
