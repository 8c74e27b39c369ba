// Inserting and deleting measures: the one kind of edit that moves everything after it. Events move
// through Workspace::retime (their measure index and performed timing); the measure list and every
// list of placed entries are rebuilt and replaced whole, since most of their entries after the
// change move anyway.

#include <algorithm>
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "Edits.hpp"
#include "ListEdits.hpp"
#include "References.hpp"
#include "Validation.hpp"

namespace mos::score {
namespace {

// Where places and ranges go when `count` measures are inserted at `at`, or measures at…at+count-1
// are deleted.
struct MeasureShift {
    std::uint32_t at = 0;
    std::uint32_t count = 0;
    bool inserting = true;
    ScorePosition endBeforeGap{};  // deleting: the end of the measure before the gap (when at > 0)

    std::optional<ScorePosition> place(ScorePosition p) const {
        if (p.measure < at) return p;
        if (inserting) return ScorePosition{p.measure + count, p.offset};
        if (p.measure < at + count) return std::nullopt;
        return ScorePosition{p.measure - count, p.offset};
    }

    // A range first…last: grows when measures go in inside it, is clipped when some of it is
    // deleted, and is gone when all of it is.
    std::optional<std::pair<std::uint32_t, std::uint32_t>> range(std::uint32_t first, std::uint32_t last) const {
        if (inserting) return std::pair{first >= at ? first + count : first, last >= at ? last + count : last};
        const std::uint32_t end = at + count;
        if (first >= at && last < end) return std::nullopt;
        const std::uint32_t newFirst = first < at ? first : (first >= end ? first - count : at);
        const std::uint32_t newLast = last < at ? last : (last >= end ? last - count : at - 1);
        return std::pair{newFirst, newLast};
    }

    // A span between two places, clipped like a range.
    std::optional<std::pair<ScorePosition, ScorePosition>> span(ScorePosition from, ScorePosition to) const {
        const auto newFrom = place(from);
        const auto newTo = place(to);
        if (newFrom && newTo) return std::pair{*newFrom, *newTo};
        if (!newFrom && newTo) return std::pair{ScorePosition{at, {}}, *newTo};
        if (newFrom && !newTo) return std::pair{*newFrom, endBeforeGap};
        return std::nullopt;
    }
};

// Moves an entry's place or range; false when the entry goes.
template <typename T>
bool moveAt(T& entry, const MeasureShift& shift) {
    const auto at = shift.place(entry.at);
    if (at) entry.at = *at;
    return at.has_value();
}

template <typename T>
bool moveRange(T& entry, const MeasureShift& shift) {
    const auto range = shift.range(entry.firstMeasure, entry.lastMeasure);
    if (range) std::tie(entry.firstMeasure, entry.lastMeasure) = *range;
    return range.has_value();
}

bool move(Hairpin& entry, const MeasureShift& shift) {
    const auto span = shift.span(entry.from, entry.to);
    if (span) std::tie(entry.from, entry.to) = *span;
    return span.has_value();
}
bool move(Section& entry, const MeasureShift& shift) { return moveRange(entry, shift); }
bool move(Ending& entry, const MeasureShift& shift) { return moveRange(entry, shift); }
bool move(PointOfInterest& entry, const MeasureShift& shift) { return moveRange(entry, shift); }
template <typename T>
bool move(T& entry, const MeasureShift& shift) {
    return moveAt(entry, shift);
}

// Rebuilds a list with every entry moved, and replaces it when anything changed.
template <typename T>
bool moveList(EditContext& context, Locate<std::vector<T>> locate, const MeasureShift& shift) {
    const std::vector<T>& list = context.workspace.peek(locate);
    std::vector<T> moved;
    moved.reserve(list.size());
    for (const T& entry : list) {
        T copy = entry;
        if (move(copy, shift)) moved.push_back(std::move(copy));
    }
    if (moved == list) return false;
    context.workspace.assign<std::vector<T>>(std::move(locate), std::move(moved), context.log);
    return true;
}

template <typename T>
Locate<std::vector<T>> layer(std::vector<T> Layers::*list) {
    return [list](Score& score) -> std::vector<T>& { return score.layers.*list; };
}

template <typename T>
Locate<std::vector<T>> notation(std::vector<T> NotationLayer::*list) {
    return [list](Score& score) -> std::vector<T>& { return score.layers.notation.*list; };
}

template <typename T>
Locate<std::vector<T>> analysis(std::vector<T> AnalysisLayer::*list) {
    return [list](Score& score) -> std::vector<T>& { return score.layers.analysis.*list; };
}

void moveEntries(EditContext& context, const MeasureShift& shift) {
    ChangeSet& flags = context.changes.flags();
    flags.layers.form |= moveList(context, layer(&Layers::form), shift);
    flags.layers.chords |= moveList(context, layer(&Layers::chords), shift);
    flags.layers.analysis |= moveList(context, analysis(&AnalysisLayer::keys), shift);
    flags.layers.analysis |= moveList(context, analysis(&AnalysisLayer::numerals), shift);
    flags.layers.analysis |= moveList(context, analysis(&AnalysisLayer::cadences), shift);
    flags.layers.diagrams |= moveList(context, layer(&Layers::diagrams), shift);
    flags.layers.notation |= moveList(context, notation(&NotationLayer::clefs), shift);
    flags.layers.notation |= moveList(context, notation(&NotationLayer::hairpins), shift);
    flags.layers.notation |= moveList(context, notation(&NotationLayer::texts), shift);
    flags.layers.markers |= moveList(context, layer(&Layers::markers), shift);
    const Locate<std::vector<PointOfInterest>> points = [](Score& score) -> std::vector<PointOfInterest>& {
        return score.learning.pointsOfInterest;
    };
    const Locate<std::vector<Annotation>> annotations = [](Score& score) -> std::vector<Annotation>& {
        return score.learning.annotations;
    };
    flags.learning |= moveList(context, points, shift);
    flags.learning |= moveList(context, annotations, shift);
    const Locate<std::vector<Ending>> endings = [](Score& score) -> std::vector<Ending>& {
        return score.timeline.endings;
    };
    moveList(context, endings, shift);
    for (std::size_t part = 0; part < context.score().parts.size(); ++part) {
        const Locate<std::vector<DynamicMark>> dynamics = [part](Score& score) -> std::vector<DynamicMark>& {
            return score.parts[part].dynamics;
        };
        if (moveList(context, dynamics, shift)) context.changes.partChanged(context.score().parts[part].id);
    }
}

// A label that is a plain number ("12", not "12a" or "012"): such labels follow insertions and
// deletions; others are the author's and stay.
std::optional<long long> plainNumber(const std::string& label) {
    long long value = 0;
    const char* end = label.data() + label.size();
    const auto [stop, error] = std::from_chars(label.data(), end, value);
    if (error != std::errc{} || stop != end || std::to_string(value) != label) return std::nullopt;
    return value;
}

void renumber(std::vector<Measure>& measures, std::size_t from, long long delta) {
    for (std::size_t i = from; i < measures.size(); ++i) {
        if (const auto number = plainNumber(measures[i].number)) measures[i].number = std::to_string(*number + delta);
    }
}

// The key and tempo in force at the start of a measure, if the timeline sets any.
std::optional<KeySignature> keyAtStart(const std::vector<Measure>& measures, std::uint32_t measure) {
    for (std::size_t i = std::min<std::size_t>(measure + 1, measures.size()); i-- > 0;) {
        for (auto change = measures[i].keys.rbegin(); change != measures[i].keys.rend(); ++change) {
            if (i < measure || change->offset.isZero()) return change->key;
        }
    }
    return std::nullopt;
}

std::optional<TempoMark> tempoAtStart(const std::vector<Measure>& measures, std::uint32_t measure) {
    for (std::size_t i = std::min<std::size_t>(measure + 1, measures.size()); i-- > 0;) {
        for (auto mark = measures[i].tempos.rbegin(); mark != measures[i].tempos.rend(); ++mark) {
            if (i < measure || mark->offset.isZero()) {
                TempoMark atStart = *mark;
                atStart.offset = {};
                return atStart;
            }
        }
    }
    return std::nullopt;
}

std::optional<TimeSignature> meterAtStart(const std::vector<Measure>& measures, std::uint32_t measure) {
    for (std::size_t i = std::min<std::size_t>(measure + 1, measures.size()); i-- > 0;) {
        if (measures[i].time) return measures[i].time;
    }
    return std::nullopt;
}

// Makes `measure` start with the meter, key and tempo given, adding marks only where what is in
// force there differs (and always the meter on measure 0).
void keepInForce(std::vector<Measure>& measures, std::uint32_t measure, const TimeSignature& time,
                 const std::optional<KeySignature>& key, const std::optional<TempoMark>& tempo) {
    if (meterAtStart(measures, measure) != time || (measure == 0 && !measures[0].time)) measures[measure].time = time;
    if (key && keyAtStart(measures, measure) != key) {
        auto& keys = measures[measure].keys;
        keys.insert(keys.begin(), KeyChange{{}, *key});
    }
    if (tempo && tempoAtStart(measures, measure) != tempo) {
        auto& tempos = measures[measure].tempos;
        tempos.insert(tempos.begin(), *tempo);
    }
}

Locate<std::vector<Measure>> measureList() {
    return [](Score& score) -> std::vector<Measure>& { return score.timeline.measures; };
}

}  // namespace

core::Result<void> perform(EditContext& context, InsertMeasures& edit) {
    const std::vector<Measure>& old = context.score().timeline.measures;
    if (edit.at > old.size()) {
        return core::fail(core::ErrorCode::OutOfRange, "measure " + std::to_string(edit.at) + " is past the " +
                                                           std::to_string(old.size()) + " measures");
    }
    const std::size_t room = old.size() < kMaxMeasures ? kMaxMeasures - old.size() : 0;
    if (edit.count < 1 || edit.count > room) {
        return core::fail(core::ErrorCode::OutOfRange, "inserting " + std::to_string(edit.count) +
                                                           " measures: the count must be 1 to " + std::to_string(room) +
                                                           " (a score has at most " + std::to_string(kMaxMeasures) +
                                                           " measures)");
    }
    const MeasureShift shift{edit.at, edit.count, true, {}};
    const TimeSignature meter = timeSignatureAt(context.score().timeline, edit.at > 0 ? edit.at - 1 : 0);

    std::vector<Measure> measures = old;
    long long first = static_cast<long long>(edit.at) + 1;
    if (edit.at > 0) {
        if (const auto before = plainNumber(old[edit.at - 1].number)) first = *before + 1;
    } else if (!old.empty()) {
        if (const auto opening = plainNumber(old[0].number)) first = *opening;
    }
    renumber(measures, edit.at, edit.count);
    std::vector<Measure> inserted(edit.count);
    for (std::uint32_t i = 0; i < edit.count; ++i) {
        inserted[i].number = std::to_string(first + i);
        inserted[i].duration = meter.measureLength();
    }
    if (edit.at == 0) {
        // The new first measure takes over the opening meter, key and tempo.
        inserted[0].time = meter;
        if (const auto key = keyAtStart(old, 0)) inserted[0].keys.push_back({{}, *key});
        if (const auto tempo = tempoAtStart(old, 0)) inserted[0].tempos.push_back(*tempo);
    }
    measures.insert(measures.begin() + edit.at, std::make_move_iterator(inserted.begin()),
                    std::make_move_iterator(inserted.end()));

    const core::Rational length = meter.measureLength() * core::Rational{edit.count};
    context.workspace.retime(edit.at, edit.count, {length}, context.log);
    context.workspace.assign<std::vector<Measure>>(measureList(), std::move(measures), context.log);
    moveEntries(context, shift);
    context.changes.flags().timeline = true;
    context.changes.measuresToEnd(edit.at);
    return {};
}

core::Result<void> perform(EditContext& context, DeleteMeasures& edit) {
    const Score& score = context.score();
    const std::vector<Measure>& old = score.timeline.measures;
    if (edit.count < 1 || edit.first >= old.size() || edit.count > old.size() - edit.first) {
        return core::fail(core::ErrorCode::OutOfRange, "measures " + std::to_string(edit.first) + "…" +
                                                           std::to_string(std::uint64_t{edit.first} + edit.count - 1) +
                                                           " are not all in the " + std::to_string(old.size()) +
                                                           " measures");
    }
    const std::uint32_t end = edit.first + edit.count;
    MeasureShift shift{edit.first, edit.count, false, {}};
    if (edit.first > 0) shift.endBeforeGap = {edit.first - 1, old[edit.first - 1].duration};

    // What is in force after the gap stays in force there.
    const TimeSignature meterAfter = timeSignatureAt(score.timeline, end);
    const auto keyAfter = keyAtStart(old, end);
    const auto tempoAfter = tempoAtStart(old, end);
    core::Rational gap;
    for (std::uint32_t m = edit.first; m < end; ++m) gap += old[m].duration;

    std::vector<Measure> measures = old;
    measures.erase(measures.begin() + edit.first, measures.begin() + end);
    renumber(measures, edit.first, -static_cast<long long>(edit.count));
    if (edit.first < measures.size()) keepInForce(measures, edit.first, meterAfter, keyAfter, tempoAfter);

    Removal removal;
    for (std::size_t part = 0; part < score.parts.size(); ++part) {
        const auto& events = score.parts[part].events;
        auto byMeasure = [](const Event& e, std::uint32_t measure) { return e.measure < measure; };
        const auto from = std::lower_bound(events.begin(), events.end(), edit.first, byMeasure);
        const auto to = std::lower_bound(from, events.end(), end, byMeasure);
        std::vector<std::size_t> doomed;
        for (auto it = from; it != to; ++it) {
            removal.add(*it);
            context.changes.wholeEventDeleted(*it);
            doomed.push_back(static_cast<std::size_t>(it - events.begin()));
        }
        context.workspace.eraseEvents(part, std::move(doomed), context.log);
    }
    dropReferences(context, removal);
    context.workspace.retime(end, -static_cast<std::int64_t>(edit.count), {-gap}, context.log);
    context.workspace.assign<std::vector<Measure>>(measureList(), std::move(measures), context.log);
    moveEntries(context, shift);
    context.changes.flags().timeline = true;
    context.changes.measuresToEnd(edit.first);
    return {};
}

}  // namespace mos::score
