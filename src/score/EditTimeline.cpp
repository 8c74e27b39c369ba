#include <string>
#include <utility>
#include <vector>

#include "Edits.hpp"
#include "ListEdits.hpp"
#include "Validation.hpp"

namespace mos::score {
namespace {

template <typename T>
Locate<T> measureField(std::uint32_t measure, T Measure::*field) {
    return [measure, field](Score& score) -> T& { return score.timeline.measures[measure].*field; };
}

template <typename T>
core::Result<void> setMeasureField(EditContext& context, std::uint32_t measure, T Measure::*field, T value) {
    if (auto ok = checkMeasure(context.score(), measure); !ok) return ok;
    context.workspace.assign<T>(measureField(measure, field), std::move(value), context.log);
    context.changes.flags().timeline = true;
    context.changes.measure(measure);
    return {};
}

// Puts the meter `time` (nullopt: the one before continues) at `measure`. The measures it governs
// that had the old meter's length take the new one, and later performed timing moves with them.
void changeMeter(EditContext& context, std::uint32_t measure, std::optional<TimeSignature> time) {
    const Timeline& timeline = context.score().timeline;
    const core::Rational oldLength = timeSignatureAt(timeline, measure).measureLength();
    const core::Rational newLength = (time ? *time : timeSignatureAt(timeline, measure - 1)).measureLength();
    std::vector<core::Rational> shifts;  // shifts[i]: how much later measure + 1 + i starts
    core::Rational shift;
    for (std::uint32_t m = measure; m < timeline.measures.size() && (m == measure || !timeline.measures[m].time); ++m) {
        const Measure& governed = timeline.measures[m];
        if (!governed.pickup && governed.duration == oldLength && oldLength != newLength) {
            shift += newLength - oldLength;
            context.workspace.assign<core::Rational>(measureField(m, &Measure::duration), newLength, context.log);
        }
        shifts.push_back(shift);
    }
    context.workspace.assign<std::optional<TimeSignature>>(measureField(measure, &Measure::time), time, context.log);
    context.workspace.retime(measure + 1, 0, std::move(shifts), context.log);
    context.changes.flags().timeline = true;
    context.changes.measuresToEnd(measure);
}

template <typename T>
bool byOffset(const T& a, const T& b) {
    return a.offset < b.offset;
}

core::Result<void> checkTempo(const TempoMark& tempo) {
    if (auto ok = checkRational(tempo.beatUnit, "the beat unit"); !ok) return ok;
    if (auto ok = checkRational(tempo.beatsPerMinute, "the tempo"); !ok) return ok;
    if (tempo.beatUnit.isNegative() || tempo.beatUnit.isZero() || tempo.beatsPerMinute.isNegative() ||
        tempo.beatsPerMinute.isZero()) {
        return core::fail(core::ErrorCode::InvalidArgument, "a tempo needs a positive beat unit and beats per minute");
    }
    return {};
}

}  // namespace

core::Result<void> perform(EditContext& context, SetTimeSignature& edit) {
    if (auto ok = checkMeasure(context.score(), edit.measure); !ok) return ok;
    if (edit.time.numerator < 1 || edit.time.denominator < 1) {
        return core::fail(core::ErrorCode::InvalidArgument, "a time signature needs a numerator and denominator ≥ 1");
    }
    changeMeter(context, edit.measure, edit.time);
    return {};
}

core::Result<void> perform(EditContext& context, RemoveTimeSignature& edit) {
    if (auto ok = checkMeasure(context.score(), edit.measure); !ok) return ok;
    if (edit.measure == 0) {
        return core::fail(core::ErrorCode::InvalidArgument, "the opening time signature can be changed, not removed");
    }
    if (!context.score().timeline.measures[edit.measure].time) {
        return core::fail(core::ErrorCode::NotFound,
                          "measure " + std::to_string(edit.measure) + " has no time signature of its own");
    }
    changeMeter(context, edit.measure, std::nullopt);
    return {};
}

core::Result<void> perform(EditContext& context, SetKey& edit) {
    if (auto ok = checkOffset(context.score(), edit.measure, edit.key.offset); !ok) return ok;
    if (edit.key.key.fifths < -7 || edit.key.key.fifths > 7) {
        return core::fail(core::ErrorCode::OutOfRange,
                          std::to_string(edit.key.key.fifths) + " fifths is beyond 7 sharps or flats");
    }
    const core::Rational offset = edit.key.offset;
    putEntry<KeyChange>(
        context, measureField(edit.measure, &Measure::keys), std::move(edit.key),
        [&](const KeyChange& entry) { return entry.offset == offset; }, byOffset<KeyChange>);
    context.changes.flags().timeline = true;
    context.changes.measuresToEnd(edit.measure);
    return {};
}

core::Result<void> perform(EditContext& context, RemoveKey& edit) {
    if (auto ok = checkMeasure(context.score(), edit.measure); !ok) return ok;
    if (edit.measure == 0 && edit.offset.isZero()) {
        return core::fail(core::ErrorCode::InvalidArgument, "the opening key can be changed, not removed");
    }
    const auto removed = removeEntry<KeyChange>(context, measureField(edit.measure, &Measure::keys),
                                                [&](const KeyChange& entry) { return entry.offset == edit.offset; });
    if (!removed) {
        return core::fail(core::ErrorCode::NotFound, "no key change at " + describePlace({edit.measure, edit.offset}));
    }
    context.changes.flags().timeline = true;
    context.changes.measuresToEnd(edit.measure);
    return {};
}

core::Result<void> perform(EditContext& context, SetTempo& edit) {
    if (auto ok = checkOffset(context.score(), edit.measure, edit.tempo.offset); !ok) return ok;
    if (auto ok = checkTempo(edit.tempo); !ok) return ok;
    const core::Rational offset = edit.tempo.offset;
    putEntry<TempoMark>(
        context, measureField(edit.measure, &Measure::tempos), std::move(edit.tempo),
        [&](const TempoMark& entry) { return entry.offset == offset; }, byOffset<TempoMark>);
    context.changes.flags().timeline = true;
    context.changes.measuresToEnd(edit.measure);
    return {};
}

core::Result<void> perform(EditContext& context, RemoveTempo& edit) {
    if (auto ok = checkMeasure(context.score(), edit.measure); !ok) return ok;
    const auto removed = removeEntry<TempoMark>(context, measureField(edit.measure, &Measure::tempos),
                                                [&](const TempoMark& entry) { return entry.offset == edit.offset; });
    if (!removed) {
        return core::fail(core::ErrorCode::NotFound, "no tempo mark at " + describePlace({edit.measure, edit.offset}));
    }
    context.changes.flags().timeline = true;
    context.changes.measuresToEnd(edit.measure);
    return {};
}

core::Result<void> perform(EditContext& context, SetMeasureNumber& edit) {
    return setMeasureField(context, edit.measure, &Measure::number, std::move(edit.number));
}

core::Result<void> perform(EditContext& context, SetRepeatStart& edit) {
    return setMeasureField(context, edit.measure, &Measure::repeatStart, edit.repeatStart);
}

core::Result<void> perform(EditContext& context, SetRepeatEnd& edit) {
    if (edit.times == 1) {
        return core::fail(core::ErrorCode::InvalidArgument, "a repeat plays its passage at least twice (0 clears it)");
    }
    return setMeasureField(context, edit.measure, &Measure::repeatEnd, edit.times);
}

core::Result<void> perform(EditContext& context, SetBarline& edit) {
    return setMeasureField(context, edit.measure, &Measure::barline, std::move(edit.barline));
}

core::Result<void> perform(EditContext& context, SetNavigation& edit) {
    if (auto ok = checkOffset(context.score(), edit.measure, edit.navigation.offset); !ok) return ok;
    const NavigationKind kind = edit.navigation.kind;
    putEntry<Navigation>(
        context, measureField(edit.measure, &Measure::navigation), std::move(edit.navigation),
        [&](const Navigation& entry) { return entry.kind == kind; }, byOffset<Navigation>);
    context.changes.flags().timeline = true;
    context.changes.measure(edit.measure);
    return {};
}

core::Result<void> perform(EditContext& context, RemoveNavigation& edit) {
    if (auto ok = checkMeasure(context.score(), edit.measure); !ok) return ok;
    const auto removed = removeEntry<Navigation>(context, measureField(edit.measure, &Measure::navigation),
                                                 [&](const Navigation& entry) { return entry.kind == edit.kind; });
    if (!removed) {
        return core::fail(core::ErrorCode::NotFound,
                          "measure " + std::to_string(edit.measure) + " has no navigation mark of that kind");
    }
    context.changes.flags().timeline = true;
    context.changes.measure(edit.measure);
    return {};
}

}  // namespace mos::score
