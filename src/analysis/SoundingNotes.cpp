#include "mos/analysis/SoundingNotes.hpp"

#include <algorithm>
#include <tuple>

#include "mos/theory/Interval.hpp"

namespace mos::analysis {
namespace {

// A tied chain still waiting for its continuation: the index of its note in the output.
struct OpenTie {
    std::size_t index = 0;
    int midi = 0;
};

bool sounds(const score::Event& event) {
    return !event.isRest() && !event.grace && !event.cue && event.duration.isValid() &&
           event.duration > core::Rational{0};
}

// Continues the open chain of this pitch that ends exactly at `onset`, preferring one in the same
// voice (two voices of a part may tie the same pitch at once); returns whether one did.
bool continueTie(std::vector<OpenTie>& open, std::vector<SoundingNote>& notes, int midi, core::Rational onset,
                 const score::Event& event, const score::Note& note) {
    auto best = open.end();
    for (auto it = open.begin(); it != open.end(); ++it) {
        const SoundingNote& chain = notes[it->index];
        if (it->midi != midi || chain.end() != onset) continue;
        if (best == open.end() || chain.voice == event.voice) best = it;
    }
    if (best == open.end()) return false;
    notes[best->index].duration += event.duration;
    if (!note.tieStart) open.erase(best);
    return true;
}

void collectPart(const score::Part& part, std::uint32_t partIndex, const std::vector<core::Rational>& starts,
                 std::vector<SoundingNote>& notes) {
    if (part.instrument.percussion) return;
    const score::Transposition& t = part.transposition;
    const theory::Interval transposition{t.diatonic + 7 * t.octaveChange, t.soundingSemitones()};
    const auto measureCount = static_cast<std::uint32_t>(starts.size() - 1);
    std::vector<OpenTie> open;
    for (const score::Event& event : part.events) {
        if (!sounds(event) || event.measure >= measureCount) continue;
        const core::Rational onset = starts[event.measure] + event.offset;
        if (!onset.isValid()) continue;
        // A chain that ended before this event can no longer continue.
        std::erase_if(open, [&](const OpenTie& tie) { return notes[tie.index].end() < onset; });
        for (const score::Note& note : event.notes) {
            if (note.percussionKey != 0) continue;
            const score::Pitch sounding = t.isNone() ? note.pitch : theory::transpose(note.pitch, transposition);
            const int midi = sounding.midiNumber();
            if (continueTie(open, notes, midi, onset, event, note)) continue;
            notes.push_back({.onset = onset,
                             .duration = event.duration,
                             .pitch = sounding,
                             .part = partIndex,
                             .staff = event.staff,
                             .voice = event.voice,
                             .at = {event.measure, event.offset},
                             .note = note.id});
            if (note.tieStart) open.push_back({notes.size() - 1, midi});
        }
    }
}

}  // namespace

std::vector<SoundingNote> soundingNotes(const score::Score& score) {
    const std::vector<core::Rational> starts = score::measureStarts(score.timeline);
    std::vector<SoundingNote> notes;
    for (std::size_t p = 0; p < score.parts.size(); ++p) {
        collectPart(score.parts[p], static_cast<std::uint32_t>(p), starts, notes);
    }
    // A chain whose sum overflowed has no place in time.
    std::erase_if(notes, [](const SoundingNote& n) { return !n.end().isValid(); });
    std::stable_sort(notes.begin(), notes.end(), [](const SoundingNote& a, const SoundingNote& b) {
        if (a.onset != b.onset) return a.onset < b.onset;
        return std::tuple{a.part, a.staff, a.voice, a.midiNumber()} <
               std::tuple{b.part, b.staff, b.voice, b.midiNumber()};
    });
    return notes;
}

}  // namespace mos::analysis
