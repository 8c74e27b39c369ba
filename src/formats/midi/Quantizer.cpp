// The quantiser works in linear passes over one part's notes (sorted by onset):
//  1. grids: each quarter-note window that holds an onset or an end gets the simplest grid that
//     places its points exactly, or else the grid with the least timing error plus a readability
//     cost (ends count less than onsets: players release notes loosely);
//  2. snapping: onsets and ends move to their window's grid; a note that would vanish keeps one step;
//  3. voices: notes that start and end together form a chord; a chord goes to the first voice free
//     at its onset, the highest chord of an onset first;
//  4. events: measure by measure each voice is cut at barlines and tuplet windows into note values a
//     score can show (tied), and its gaps are filled with rests.

#include "formats/midi/Quantizer.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <functional>
#include <limits>

namespace mos::formats::midi {
namespace {

struct Grid {
    std::int64_t perQuarter;  // steps in a quarter note
    std::uint16_t actual;     // tuplet ratio: `actual` notated values in the time of `normal`
    std::uint16_t normal;
    double penalty;  // what reading it costs, in quarter notes of timing error
    bool exactOnly;  // chosen only where it places the window's notes exactly
};

// Simplest first: where several grids fit exactly, the first wins. Every perQuarter divides kGridLcm.
constexpr std::array<Grid, 12> kGrids{{
    {1, 1, 1, 0.0, false},
    {2, 1, 1, 0.02, false},
    {4, 1, 1, 0.05, false},
    {3, 3, 2, 0.06, false},
    {8, 1, 1, 0.12, false},
    {6, 3, 2, 0.10, false},
    {5, 5, 4, 0.15, false},
    {16, 1, 1, 0.3, false},
    {12, 3, 2, 0.0, true},
    {10, 5, 4, 0.0, true},
    {24, 3, 2, 0.0, true},
    {20, 5, 4, 0.0, true},
}};
constexpr std::uint8_t kDefaultGrid = 2;            // sixteenths, where a window holds nothing to decide by
constexpr std::int64_t kShortestStraight = 8;       // per quarter: what a vanishing note keeps (a 32nd)
constexpr std::int64_t kWholeCacheLimit = 1 << 14;  // reduced fractions kept per file (256 KiB)

constexpr std::uint32_t gridMask(bool straightOnly) {
    std::uint32_t mask = 0;
    for (std::size_t g = 0; g < kGrids.size(); ++g) {
        if (!straightOnly || kGrids[g].actual == 1) mask |= 1U << g;
    }
    return mask;
}
constexpr std::uint32_t kAllGrids = gridMask(false);
constexpr std::uint32_t kStraightGrids = gridMask(true);

// For a point y/kGridLcm of a quarter into its window: the grids that have a point there.
constexpr std::array<std::uint32_t, kGridLcm> kExactMasks = [] {
    std::array<std::uint32_t, kGridLcm> masks{};
    for (std::int64_t y = 0; y < kGridLcm; ++y) {
        for (std::size_t g = 0; g < kGrids.size(); ++g) {
            if (y * kGrids[g].perQuarter % kGridLcm == 0) masks[static_cast<std::size_t>(y)] |= 1U << g;
        }
    }
    return masks;
}();

constexpr double kEndWeight = 0.3;          // an end's timing error counts this much of an onset's
constexpr double kEndTolerance = 1.0 / 48;  // of a quarter: how far an end may sit off an onset grid

// Step counts a tuplet note value can show: plain, dotted or double-dotted powers of two.
constexpr std::array<std::int64_t, 13> kTupletCounts{32, 28, 24, 16, 14, 12, 8, 7, 6, 4, 3, 2, 1};

bool isTuplet(std::uint8_t grid) noexcept { return kGrids[grid].actual != 1; }

// Distance from `fraction` to the grid's nearest point inside [low, high] (fractions of a quarter).
double gridError(double fraction, std::uint8_t grid, double low, double high) noexcept {
    const auto n = static_cast<double>(kGrids[grid].perQuarter);
    // fraction >= 0: truncating x + 0.5 rounds (to within an ulp, plenty for a cost), without libm.
    const auto step =
        static_cast<double>(static_cast<std::int64_t>(fraction * n + 0.5));  // NOLINT(bugprone-incorrect-roundings)
    const double nearest = std::clamp(step / n, low, high);
    return std::abs(fraction - nearest);
}

}  // namespace

void UnitTimeline::indexWindows(bool firstIsPickup) {
    const std::size_t count = measureCount();
    windowOrigins.resize(count);
    firstWindows.resize(count + 1);
    std::int64_t window = 0;
    for (std::size_t m = 0; m < count; ++m) {
        const std::int64_t start = starts[m];
        const std::int64_t end = starts[m + 1];
        const std::int64_t windows = (end - start + unitsPerQuarter - 1) / unitsPerQuarter;
        // A pickup's beats fall where they would at the end of a full measure.
        windowOrigins[m] = (m == 0 && firstIsPickup) ? end - windows * unitsPerQuarter : start;
        firstWindows[m] = window;
        window += windows;
    }
    firstWindows[count] = window;
}

Quantizer::Quantizer(const UnitTimeline& timeline, QuantizerSettings settings)
    : timeline_{timeline}, settings_{settings}, unitsPerGridLcm_{timeline.unitsPerQuarter / kGridLcm} {
    settings_.maxVoices = std::clamp<std::uint8_t>(settings_.maxVoices, 1, 32);
    // Plain, dotted and double-dotted values from a breve down to what the units can express.
    const std::int64_t unitsPerWhole = timeline.unitsPerWhole;
    for (int shift = -1; shift <= 16; ++shift) {
        const std::int64_t base = shift < 0 ? unitsPerWhole * 2 : unitsPerWhole >> shift;
        if (shift >= 0 && (base << shift) != unitsPerWhole) break;
        straightValues_.push_back(base);
        if (base % 2 == 0) straightValues_.push_back(base + base / 2);
        if (base % 4 == 0) straightValues_.push_back(base + base / 2 + base / 4);
    }
    std::sort(straightValues_.begin(), straightValues_.end(), std::greater<>{});
    wholeCache_.assign(static_cast<std::size_t>(std::min<std::int64_t>(2 * unitsPerWhole, kWholeCacheLimit)),
                       core::Rational::invalid());
}

void Quantizer::quantize(std::span<const PerformedNote> notes, score::Score& score, score::Part& part,
                         std::vector<score::ElementId>& headEvents) {
    headEvents.assign(notes.size(), 0);
    decideGrids(notes);
    snapNotes(notes);
    assignVoices(notes);
    emitMeasures(notes, score, part, headEvents);
}

Quantizer::Window Quantizer::windowAt(std::size_t measure, std::int64_t position) const noexcept {
    const std::int64_t quarter = timeline_.unitsPerQuarter;
    const std::int64_t origin = timeline_.windowOrigins[measure];
    const std::int64_t local = (position - origin) / quarter;
    Window window;
    window.index = timeline_.firstWindows[measure] + local;
    window.origin = origin + local * quarter;
    window.start = std::max(timeline_.starts[measure], window.origin);
    window.end = std::min(timeline_.starts[measure + 1], window.origin + quarter);
    return window;
}

// One pass over the onsets; ends wait in a min-heap by window until the onsets have passed their
// window, so every window is decided once with all of its points.
void Quantizer::decideGrids(std::span<const PerformedNote> notes) {
    decisions_.clear();
    pendingEnds_.clear();
    onsetDecisions_.resize(notes.size());
    endDecisions_.assign(notes.size(), -1);
    accumulator_.active = false;
    const auto later = [](const PendingEnd& a, const PendingEnd& b) { return a.window.index > b.window.index; };
    const auto enter = [&](const Window& window) {
        if (accumulator_.active && accumulator_.window.index == window.index) return;
        finishWindow();
        accumulator_.window = window;
        accumulator_.active = true;
        accumulator_.allExact = kAllGrids;
        accumulator_.onsetsExact = kAllGrids;
        accumulator_.onsets = 0;
        accumulator_.points.clear();
    };
    const auto flushEndsBefore = [&](std::int64_t windowIndex) {
        while (!pendingEnds_.empty() && pendingEnds_.front().window.index < windowIndex) {
            std::pop_heap(pendingEnds_.begin(), pendingEnds_.end(), later);
            const PendingEnd pending = pendingEnds_.back();
            pendingEnds_.pop_back();
            enter(pending.window);
            addPoint(pending.position, true);
            endDecisions_[pending.note] = static_cast<std::int32_t>(decisions_.size());
        }
    };

    const auto& starts = timeline_.starts;
    std::size_t measure = 0;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const std::int64_t onset = notes[i].onset;
        while (starts[measure + 1] <= onset) ++measure;
        const Window& current = accumulator_.window;
        const Window window =
            accumulator_.active && onset >= current.start && onset < current.end ? current : windowAt(measure, onset);
        flushEndsBefore(window.index);
        enter(window);
        addPoint(onset, false);
        onsetDecisions_[i] = static_cast<std::uint32_t>(decisions_.size());

        const std::int64_t end = notes[i].end;
        if (end <= onset) continue;  // a note of no length gets one step when snapped
        std::size_t endMeasure = measure;
        while (starts[endMeasure + 1] < end) ++endMeasure;
        const Window endWindow = end <= window.end ? window : windowAt(endMeasure, end - 1);
        if (end == endWindow.end) continue;                  // on a window boundary: on every grid
        if (endWindow.index == accumulator_.window.index) {  // a short note: its window is open now
            addPoint(end, true);
            endDecisions_[i] = static_cast<std::int32_t>(decisions_.size());
            continue;
        }
        pendingEnds_.push_back({endWindow, end, static_cast<std::uint32_t>(i)});
        std::push_heap(pendingEnds_.begin(), pendingEnds_.end(), later);
    }
    flushEndsBefore(std::numeric_limits<std::int64_t>::max());
    finishWindow();
}

void Quantizer::addPoint(std::int64_t position, bool isEnd) {
    Accumulator& acc = accumulator_;
    const std::int64_t offset = position - acc.window.origin;
    std::uint32_t exact = 0;
    if (offset % unitsPerGridLcm_ == 0) exact = kExactMasks[static_cast<std::size_t>(offset / unitsPerGridLcm_)];
    acc.allExact &= exact;
    if (!isEnd) {
        acc.onsetsExact &= exact;
        ++acc.onsets;
    }
    acc.points.push_back({static_cast<double>(offset) / static_cast<double>(timeline_.unitsPerQuarter), isEnd});
}

void Quantizer::finishWindow() {
    if (!accumulator_.active) return;
    decisions_.push_back({accumulator_.window, chooseGrid()});
    accumulator_.active = false;
}

std::uint8_t Quantizer::chooseGrid() const {
    const Accumulator& acc = accumulator_;
    const Window& w = acc.window;
    std::uint32_t allowed = settings_.detectTuplets ? kAllGrids : kStraightGrids;
    if (w.end - w.start != timeline_.unitsPerQuarter) allowed &= kStraightGrids;  // no tuplet in part of a beat
    const auto first = [](std::uint32_t mask) { return static_cast<std::uint8_t>(std::countr_zero(mask)); };
    if ((acc.allExact & allowed) != 0) return first(acc.allExact & allowed);

    const auto quarter = static_cast<double>(timeline_.unitsPerQuarter);
    const double low = static_cast<double>(w.start - w.origin) / quarter;
    const double high = static_cast<double>(w.end - w.origin) / quarter;
    // Onsets on a grid: keep it if the ends lie close to it (notation programs often end notes a
    // tick or two early).
    if (acc.onsets > 0) {
        for (std::uint32_t mask = acc.onsetsExact & allowed; mask != 0; mask &= mask - 1) {
            const std::uint8_t grid = first(mask);
            const bool endsFit = std::all_of(acc.points.begin(), acc.points.end(), [&](const Point& p) {
                return !p.isEnd || gridError(p.fraction, grid, low, high) <= kEndTolerance;
            });
            if (endsFit) return grid;
        }
    }
    // Performed timing: the least error plus the cost of reading the grid.
    std::uint8_t best = 0;
    double bestCost = std::numeric_limits<double>::infinity();
    for (std::size_t grid = 0; grid < kGrids.size(); ++grid) {
        if ((allowed & (1U << grid)) == 0 || kGrids[grid].exactOnly) continue;
        double cost = kGrids[grid].penalty;
        for (const Point& p : acc.points) {
            cost += (p.isEnd ? kEndWeight : 1.0) * gridError(p.fraction, static_cast<std::uint8_t>(grid), low, high);
            if (cost >= bestCost) break;
        }
        if (cost < bestCost) {
            bestCost = cost;
            best = static_cast<std::uint8_t>(grid);
        }
    }
    return best;
}

std::int64_t Quantizer::snap(std::int64_t position, const Decision& decision) const noexcept {
    const Window& w = decision.window;
    const std::int64_t step = timeline_.unitsPerQuarter / kGrids[decision.grid].perQuarter;
    const std::int64_t steps = (2 * (position - w.origin) + step) / (2 * step);
    return std::clamp(w.origin + steps * step, w.start, w.end);
}

// What a note that snapped to nothing keeps: a thirty-second, or one step of a tuplet grid, from a
// grid point and within its window.
std::int64_t Quantizer::stepAt(std::int64_t position) const {
    const auto& starts = timeline_.starts;
    const auto measure =
        static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), position) - starts.begin() - 1);
    const Window window = windowAt(measure, position);
    const auto decision =
        std::lower_bound(decisions_.begin(), decisions_.end(), window.index,
                         [](const Decision& d, std::int64_t index) { return d.window.index < index; });
    const std::uint8_t grid =
        decision != decisions_.end() && decision->window.index == window.index ? decision->grid : kDefaultGrid;
    const std::int64_t quarter = timeline_.unitsPerQuarter;
    const std::int64_t step = isTuplet(grid) ? quarter / kGrids[grid].perQuarter : quarter / kShortestStraight;
    return std::min(step, window.end - position);
}

void Quantizer::snapNotes(std::span<const PerformedNote> notes) {
    const std::int64_t timelineEnd = timeline_.starts.back();
    snapped_.resize(notes.size());
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const Decision& at = decisions_[onsetDecisions_[i]];
        std::int64_t onset = snap(notes[i].onset, at);
        if (onset == timelineEnd) {  // rounded past the last barline: back to the last grid point
            onset = std::max(at.window.start, onset - timeline_.unitsPerQuarter / kGrids[at.grid].perQuarter);
        }
        const std::int32_t endAt = endDecisions_[i];
        std::int64_t end = endAt < 0 ? notes[i].end : snap(notes[i].end, decisions_[static_cast<std::size_t>(endAt)]);
        if (end <= onset) end = onset + stepAt(onset);  // never lose a note: it keeps the smallest value
        snapped_[i] = {onset, end, 0};
    }

    // Legato: a performed note that overlaps the next onset a little was meant to end there.
    std::size_t groupEnd = 0;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        if (groupEnd <= i) {
            groupEnd = i + 1;
            while (groupEnd < notes.size() && snapped_[groupEnd].onset == snapped_[i].onset) ++groupEnd;
        }
        if (groupEnd == notes.size()) break;
        SnappedNote& note = snapped_[i];
        const std::int64_t nextOnset = snapped_[groupEnd].onset;
        const std::int64_t overlap = notes[i].end - notes[groupEnd].onset;
        // More than a third of the note held over the next one is a second voice, not legato.
        const std::int64_t tolerance = std::min(timeline_.unitsPerQuarter / 4, (notes[i].end - notes[i].onset) / 3);
        if (note.end > nextOnset && note.end != notes[i].end && overlap <= tolerance) note.end = nextOnset;
    }
}

void Quantizer::assignVoices(std::span<const PerformedNote> notes) {
    // Chords: within each onset, notes by end (longest first) then pitch.
    order_.resize(notes.size());
    for (std::uint32_t i = 0; i < order_.size(); ++i) order_[i] = i;
    const auto key = [&](std::uint32_t i) { return notes[i].pitch.midiNumber(); };
    const auto before = [&](std::uint32_t a, std::uint32_t b) {
        if (snapped_[a].end != snapped_[b].end) return snapped_[a].end > snapped_[b].end;
        return key(a) < key(b);
    };
    chords_.clear();
    voiceEnds_.clear();
    voiceLastChord_.clear();
    for (auto& list : voiceChords_) list.clear();

    std::array<std::uint32_t, 64> group{};  // the chords of one onset, highest first
    for (std::size_t begin = 0; begin < order_.size();) {
        std::size_t end = begin + 1;
        while (end < order_.size() && snapped_[order_[end]].onset == snapped_[order_[begin]].onset) ++end;
        // Insertion sort: groups are small and often already in order.
        for (std::size_t i = begin + 1; i < end; ++i) {
            const std::uint32_t moving = order_[i];
            std::size_t j = i;
            for (; j > begin && before(moving, order_[j - 1]); --j) order_[j] = order_[j - 1];
            order_[j] = moving;
        }
        const auto groupFirst = static_cast<std::uint32_t>(chords_.size());
        for (std::size_t i = begin; i < end; ++i) {
            const SnappedNote& note = snapped_[order_[i]];
            if (i == begin || snapped_[order_[i - 1]].end != note.end) {
                const auto index = static_cast<std::uint32_t>(chords_.size());
                chords_.push_back({note.onset, note.end, index, 0, 0});
            }
            // Notes come by pitch within a chord, so the last one sets its top.
            chords_.back().topKey = static_cast<std::uint8_t>(std::clamp(key(order_[i]), 0, 127));
            snapped_[order_[i]].chord = static_cast<std::uint32_t>(chords_.size() - 1);
        }
        const std::size_t groupChords = chords_.size() - groupFirst;
        const bool ordered = groupChords <= group.size();  // a huge cluster keeps its creation order
        if (ordered) {
            for (std::size_t c = 0; c < groupChords; ++c) group[c] = groupFirst + static_cast<std::uint32_t>(c);
            std::sort(group.begin(), group.begin() + static_cast<std::ptrdiff_t>(groupChords),
                      [&](std::uint32_t a, std::uint32_t b) { return chords_[a].topKey > chords_[b].topKey; });
        }
        for (std::size_t c = 0; c < groupChords; ++c) {
            const std::uint32_t index = ordered ? group[c] : groupFirst + static_cast<std::uint32_t>(c);
            placeInVoice(index);
        }
        begin = end;
    }

    if (voiceChords_.size() < voiceEnds_.size()) voiceChords_.resize(voiceEnds_.size());
    for (std::uint32_t c = 0; c < chords_.size(); ++c) {
        if (chords_[c].target == c) voiceChords_[chords_[c].voice].push_back(c);
    }
    // The notes of each chord, by pitch (counting sort on the chord they ended up in).
    chordNoteStarts_.assign(chords_.size() + 1, 0);
    for (const SnappedNote& note : snapped_) ++chordNoteStarts_[chords_[note.chord].target + 1];
    for (std::size_t c = 0; c < chords_.size(); ++c) chordNoteStarts_[c + 1] += chordNoteStarts_[c];
    chordNotes_.resize(notes.size());
    fill_.assign(chordNoteStarts_.begin(), chordNoteStarts_.end() - 1);
    for (const std::uint32_t i : order_) chordNotes_[fill_[chords_[snapped_[i].chord].target]++] = i;
    for (std::size_t c = 0; c < chords_.size(); ++c) {
        const auto begin = chordNotes_.begin() + chordNoteStarts_[c];
        const auto end = chordNotes_.begin() + chordNoteStarts_[c + 1];
        if (end - begin > 1) std::sort(begin, end, [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    }
}

// The first voice free at the chord's onset, a new one, or (out of voices) the one that frees first:
// join its chord when both start together, else cut that chord short.
void Quantizer::placeInVoice(std::uint32_t index) {
    Chord& chord = chords_[index];
    std::size_t voice = 0;
    while (voice < voiceEnds_.size() && voiceEnds_[voice] > chord.onset) ++voice;
    if (voice == voiceEnds_.size()) {
        if (voiceEnds_.size() < settings_.maxVoices) {
            voiceEnds_.push_back(0);
            voiceLastChord_.push_back(0);
        } else {
            voice =
                static_cast<std::size_t>(std::min_element(voiceEnds_.begin(), voiceEnds_.end()) - voiceEnds_.begin());
            Chord& last = chords_[voiceLastChord_[voice]];
            if (last.onset == chord.onset) {
                chord.target = voiceLastChord_[voice];
                return;
            }
            last.end = chord.onset;
        }
    }
    chord.voice = static_cast<std::uint8_t>(voice);
    voiceEnds_[voice] = chord.end;
    voiceLastChord_[voice] = index;
}

void Quantizer::emitMeasures(std::span<const PerformedNote> notes, score::Score& score, score::Part& part,
                             std::vector<score::ElementId>& headEvents) {
    std::size_t voices = 0;
    for (std::size_t v = 0; v < voiceChords_.size(); ++v) {
        if (!voiceChords_[v].empty()) voices = v + 1;
    }
    std::array<std::size_t, 32> cursors{};
    std::size_t decision = 0;
    pieces_.clear();
    measurePieces_.assign(1, 0);
    for (std::size_t m = 0; m < timeline_.measureCount(); ++m) {
        measureDecisionBegin_ = decision;
        while (decision < decisions_.size() && decisions_[decision].window.index < timeline_.firstWindows[m + 1]) {
            ++decision;
        }
        measureDecisionEnd_ = decision;
        for (std::size_t v = 0; v < std::max<std::size_t>(voices, 1); ++v) {
            emitVoice(m, static_cast<std::uint8_t>(v), cursors[v]);
        }
        measurePieces_.push_back(pieces_.size());
    }
    part.events.reserve(part.events.size() + pieces_.size());
    for (std::size_t m = 0; m < timeline_.measureCount(); ++m) materialize(m, notes, score, part, headEvents);
}

void Quantizer::emitVoice(std::size_t measure, std::uint8_t voice, std::size_t& cursor) {
    const std::int64_t start = timeline_.starts[measure];
    const std::int64_t end = timeline_.starts[measure + 1];
    static const std::vector<std::uint32_t> kNone;
    const auto& list = voice < voiceChords_.size() ? voiceChords_[voice] : kNone;
    const std::size_t firstPiece = pieces_.size();
    if (cursor >= list.size() || chords_[list[cursor]].onset >= end) {
        if (voice == 0) {
            Piece rest;
            rest.start = start;
            rest.length = end - start;
            rest.measureRest = true;
            pieces_.push_back(rest);
        }
        return;
    }
    std::int64_t position = start;
    for (; cursor < list.size(); ++cursor) {
        const Chord& chord = chords_[list[cursor]];
        if (chord.onset >= end) break;
        const std::int64_t from = std::max(chord.onset, start);
        if (from > position) emitSegment(position, from, -1, voice, false, false);
        const std::int64_t to = std::min(chord.end, end);
        emitSegment(from, to, static_cast<std::int32_t>(list[cursor]), voice, chord.onset<start, chord.end> end);
        position = to;
        if (chord.end > end) break;  // continues in the next measure
    }
    if (position < end) emitSegment(position, end, -1, voice, false, false);
    markTuplets(firstPiece);
}

// Cuts [from, to) at the tuplet windows it crosses, then into note values.
void Quantizer::emitSegment(std::int64_t from, std::int64_t to, std::int32_t chord, std::uint8_t voice, bool tieIn,
                            bool tieOut) {
    const std::size_t firstPiece = pieces_.size();
    std::int64_t position = from;
    const auto first = std::partition_point(decisions_.begin() + static_cast<std::ptrdiff_t>(measureDecisionBegin_),
                                            decisions_.begin() + static_cast<std::ptrdiff_t>(measureDecisionEnd_),
                                            [&](const Decision& d) { return d.window.end <= from; });
    for (auto d = static_cast<std::size_t>(first - decisions_.begin()); d < measureDecisionEnd_ && position < to; ++d) {
        const Decision& decision = decisions_[d];
        if (!isTuplet(decision.grid) || decision.window.end <= position) continue;
        if (decision.window.start >= to) break;
        if (decision.window.start > position) {
            splitNotatable(position, decision.window.start - position, chord, voice, -1);
            position = decision.window.start;
        }
        const std::int64_t until = std::min(to, decision.window.end);
        const bool wholeWindow = position == decision.window.start && until == decision.window.end;
        splitNotatable(position, until - position, chord, voice, wholeWindow ? -1 : static_cast<std::int32_t>(d));
        position = until;
    }
    if (position < to) splitNotatable(position, to - position, chord, voice, -1);
    if (chord < 0) return;
    for (std::size_t p = firstPiece; p < pieces_.size(); ++p) {
        pieces_[p].tieIn = p > firstPiece || tieIn;
        pieces_[p].tieOut = p + 1 < pieces_.size() || tieOut;
    }
}

void Quantizer::splitNotatable(std::int64_t from, std::int64_t length, std::int32_t chord, std::uint8_t voice,
                               std::int32_t window) {
    Piece piece;
    piece.chord = chord;
    piece.voice = voice;
    piece.window = window;
    const auto push = [&](std::int64_t value) {
        piece.start = from;
        piece.length = value;
        pieces_.push_back(piece);
        from += value;
        length -= value;
    };
    if (window >= 0) {
        const std::int64_t step =
            timeline_.unitsPerQuarter / kGrids[decisions_[static_cast<std::size_t>(window)].grid].perQuarter;
        if (length % step == 0) {
            while (length > 0) {
                const std::int64_t steps = length / step;
                const auto fits = std::find_if(kTupletCounts.begin(), kTupletCounts.end(),
                                               [&](std::int64_t count) { return count <= steps; });
                push(*fits * step);
            }
            return;
        }
        piece.window = -1;  // not on the window's grid (cannot happen after snapping): write it plainly
    }
    while (length > 0) {
        const auto value = std::lower_bound(straightValues_.begin(), straightValues_.end(), length, std::greater<>{});
        push(value == straightValues_.end() ? length : *value);
    }
}

void Quantizer::markTuplets(std::size_t firstPiece) {
    for (std::size_t p = firstPiece; p < pieces_.size(); ++p) {
        const std::int32_t window = pieces_[p].window;
        if (window < 0) continue;
        pieces_[p].tupletStart = p == firstPiece || pieces_[p - 1].window != window;
        pieces_[p].tupletStop = p + 1 == pieces_.size() || pieces_[p + 1].window != window;
    }
}

// Offsets and durations repeat endlessly (quarters, eighths …): each is reduced once per part.
core::Rational Quantizer::whole(std::int64_t units) {
    if (units < 0 || static_cast<std::size_t>(units) >= wholeCache_.size()) {
        return core::Rational{units, timeline_.unitsPerWhole};
    }
    core::Rational& cached = wholeCache_[static_cast<std::size_t>(units)];
    if (!cached.isValid()) cached = core::Rational{units, timeline_.unitsPerWhole};
    return cached;
}

void Quantizer::materialize(std::size_t measure, std::span<const PerformedNote> notes, score::Score& score,
                            score::Part& part, std::vector<score::ElementId>& headEvents) {
    const auto begin = pieces_.begin() + static_cast<std::ptrdiff_t>(measurePieces_[measure]);
    const auto end = pieces_.begin() + static_cast<std::ptrdiff_t>(measurePieces_[measure + 1]);
    std::sort(begin, end, [](const Piece& a, const Piece& b) {
        return a.start != b.start ? a.start < b.start : a.voice < b.voice;
    });
    const std::int64_t start = timeline_.starts[measure];
    for (auto it = begin; it != end; ++it) {
        const Piece& piece = *it;
        score::Event& event = part.events.emplace_back();
        event.id = score.newId();
        event.measure = static_cast<std::uint32_t>(measure);
        event.offset = whole(piece.start - start);
        event.duration = whole(piece.length);
        event.voice = static_cast<std::uint8_t>(piece.voice + 1);
        event.measureRest = piece.measureRest;
        if (piece.window >= 0) {
            const Grid& grid = kGrids[decisions_[static_cast<std::size_t>(piece.window)].grid];
            event.tuplets.push_back({grid.actual, grid.normal, piece.tupletStart, piece.tupletStop});
        }
        if (piece.chord < 0) continue;
        const auto chord = static_cast<std::size_t>(piece.chord);
        event.notes.reserve(chordNoteStarts_[chord + 1] - chordNoteStarts_[chord]);
        for (std::size_t k = chordNoteStarts_[chord]; k < chordNoteStarts_[chord + 1]; ++k) {
            const std::uint32_t source = chordNotes_[k];
            const PerformedNote& played = notes[source];
            score::Note& note = event.notes.emplace_back();
            note.id = score.newId();
            note.pitch = played.pitch;
            note.percussionKey = played.percussionKey;
            note.velocity = played.velocity;
            note.tieStart = piece.tieOut;
            note.tieStop = piece.tieIn;
            if (!piece.tieIn) {
                note.performed = score::PerformedTiming{core::Rational{played.onset, timeline_.unitsPerWhole},
                                                        whole(played.end - played.onset)};
                headEvents[source] = event.id;
            }
        }
    }
}

}  // namespace mos::formats::midi
