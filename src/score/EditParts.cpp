#include <algorithm>
#include <string>
#include <utility>

#include "Edits.hpp"
#include "ListEdits.hpp"
#include "References.hpp"
#include "Validation.hpp"

namespace mos::score {
namespace {

template <typename T>
Locate<T> partField(std::size_t part, T Part::*field) {
    return [part, field](Score& score) -> T& { return score.parts[part].*field; };
}

template <typename T>
void setPartField(EditContext& context, std::size_t part, T Part::*field, T value) {
    context.workspace.assign<T>(partField(part, field), std::move(value), context.log);
}

core::Result<void> withEventIndex(core::Result<void> status, std::size_t index) {
    if (status) return status;
    core::Error error = std::move(status).error();
    error.message = "event " + std::to_string(index) + ": " + error.message;
    return error;
}

core::Result<void> checkDynamic(const Score& score, const Part& part, const DynamicMark& dynamic) {
    if (auto ok = checkPlace(score, dynamic.at); !ok) return ok;
    if (auto ok = checkStaff(part, dynamic.staff); !ok) return ok;
    if (dynamic.velocity > 127) {
        return core::fail(core::ErrorCode::OutOfRange,
                          "velocity " + std::to_string(dynamic.velocity) + " is above 127");
    }
    return {};
}

}  // namespace

core::Result<void> perform(EditContext& context, AddPart& edit) {
    Part& part = edit.part;
    const Score& score = context.score();
    if (part.id.empty()) return core::fail(core::ErrorCode::InvalidArgument, "a part needs an id");
    if (context.workspace.findPart(part.id)) {
        return core::fail(core::ErrorCode::InvalidArgument, "part \"" + part.id + "\" exists already");
    }
    if (part.staves < 1) return core::fail(core::ErrorCode::InvalidArgument, "a part needs at least one staff");
    const std::size_t index = edit.index.value_or(score.parts.size());
    if (index > score.parts.size()) {
        return core::fail(core::ErrorCode::OutOfRange, "part index " + std::to_string(index) + " is past the " +
                                                           std::to_string(score.parts.size()) + " parts");
    }
    for (std::size_t i = 0; i < part.events.size(); ++i) {
        if (auto ok = withEventIndex(checkEvent(score, part, part.events[i]), i); !ok) return ok;
    }
    for (const DynamicMark& dynamic : part.dynamics) {
        if (auto ok = checkDynamic(score, part, dynamic); !ok) return ok;
    }
    std::stable_sort(part.events.begin(), part.events.end(), [](const Event& a, const Event& b) {
        return earlier({a.measure, a.offset}, {b.measure, b.offset});
    });
    for (Event& event : part.events) {
        event.id = context.workspace.newId();
        for (Note& note : event.notes) note.id = context.workspace.newId();
        context.changes.wholeEventInserted(event);
    }
    context.changes.partAdded(part.id);
    if (!score.timeline.measures.empty()) context.changes.measuresToEnd(0);
    context.workspace.insertPart(index, std::move(part), context.log);
    return {};
}

core::Result<void> perform(EditContext& context, RemovePart& edit) {
    const auto part = requirePart(context.workspace, edit.partId);
    if (!part) return part.error();
    Removal removal;
    removal.partId = edit.partId;
    for (const Event& event : context.score().parts[*part].events) {
        removal.add(event);
        context.changes.wholeEventDeleted(event);
    }
    dropReferences(context, removal);
    context.changes.partRemoved(edit.partId);
    if (!context.score().timeline.measures.empty()) context.changes.measuresToEnd(0);
    context.workspace.erasePart(*part, context.log);
    return {};
}

core::Result<void> perform(EditContext& context, MovePart& edit) {
    const auto part = requirePart(context.workspace, edit.partId);
    if (!part) return part.error();
    const std::size_t count = context.score().parts.size();
    if (edit.index >= count) {
        return core::fail(core::ErrorCode::OutOfRange, "part index " + std::to_string(edit.index) + " is past the " +
                                                           std::to_string(count) + " parts");
    }
    context.workspace.movePart(*part, edit.index, context.log);
    context.changes.partChanged(edit.partId);
    return {};
}

core::Result<void> perform(EditContext& context, RenamePart& edit) {
    const auto part = requirePart(context.workspace, edit.partId);
    if (!part) return part.error();
    setPartField(context, *part, &Part::name, std::move(edit.name));
    setPartField(context, *part, &Part::abbreviation, std::move(edit.abbreviation));
    context.changes.partChanged(edit.partId);
    return {};
}

core::Result<void> perform(EditContext& context, SetInstrument& edit) {
    const auto part = requirePart(context.workspace, edit.partId);
    if (!part) return part.error();
    if (edit.instrument.gmProgram > 127) {
        return core::fail(core::ErrorCode::OutOfRange,
                          "General MIDI program " + std::to_string(edit.instrument.gmProgram) + " is above 127");
    }
    if (edit.instrument.midiChannel && (*edit.instrument.midiChannel < 1 || *edit.instrument.midiChannel > 16)) {
        return core::fail(core::ErrorCode::OutOfRange,
                          "MIDI channel " + std::to_string(*edit.instrument.midiChannel) + " is not 1 to 16");
    }
    setPartField(context, *part, &Part::instrument, std::move(edit.instrument));
    setPartField(context, *part, &Part::transposition, edit.transposition);
    context.changes.partChanged(edit.partId);
    return {};
}

core::Result<void> perform(EditContext& context, SetTuning& edit) {
    const auto part = requirePart(context.workspace, edit.partId);
    if (!part) return part.error();
    if (!edit.tuning.empty()) {
        for (const TabNote& tab : context.score().layers.tablature) {
            const auto note = context.workspace.findNote(tab.note);
            if (note && note->part == *part && tab.string > edit.tuning.size()) {
                return core::fail(core::ErrorCode::InvalidArgument,
                                  "note " + std::to_string(tab.note) + " is on string " + std::to_string(tab.string) +
                                      ", which the new tuning of " + std::to_string(edit.tuning.size()) +
                                      " strings does not have");
            }
        }
    }
    setPartField(context, *part, &Part::tuning, std::move(edit.tuning));
    setPartField(context, *part, &Part::capo, edit.capo);
    context.changes.partChanged(edit.partId);
    return {};
}

core::Result<void> perform(EditContext& context, SetStaves& edit) {
    const auto part = requirePart(context.workspace, edit.partId);
    if (!part) return part.error();
    if (edit.staves < 1) return core::fail(core::ErrorCode::InvalidArgument, "a part needs at least one staff");
    const Score& score = context.score();
    auto above = [&](std::uint8_t staff, const std::string& what) -> core::Result<void> {
        if (staff <= edit.staves) return {};
        return core::fail(core::ErrorCode::InvalidArgument, what + " is on staff " + std::to_string(staff) +
                                                                ", above the new " + std::to_string(edit.staves) +
                                                                " staves");
    };
    for (const Event& event : score.parts[*part].events) {
        if (auto ok = above(event.staff, "event " + std::to_string(event.id)); !ok) return ok;
    }
    for (const DynamicMark& dynamic : score.parts[*part].dynamics) {
        if (auto ok = above(dynamic.staff, "a dynamic at " + describePlace(dynamic.at)); !ok) return ok;
    }
    const auto& notation = score.layers.notation;
    for (const Clef& clef : notation.clefs) {
        if (clef.partId != edit.partId) continue;
        if (auto ok = above(clef.staff, "a clef at " + describePlace(clef.at)); !ok) return ok;
    }
    for (const Hairpin& hairpin : notation.hairpins) {
        if (hairpin.partId != edit.partId) continue;
        if (auto ok = above(hairpin.staff, "a hairpin at " + describePlace(hairpin.from)); !ok) return ok;
    }
    for (const TextMark& text : notation.texts) {
        if (text.partId != edit.partId) continue;
        if (auto ok = above(text.staff, "a text at " + describePlace(text.at)); !ok) return ok;
    }
    setPartField(context, *part, &Part::staves, edit.staves);
    context.changes.partChanged(edit.partId);
    if (!score.timeline.measures.empty()) context.changes.measuresToEnd(0);
    return {};
}

core::Result<void> perform(EditContext& context, SetDynamic& edit) {
    const auto part = requirePart(context.workspace, edit.partId);
    if (!part) return part.error();
    if (auto ok = checkDynamic(context.score(), context.score().parts[*part], edit.dynamic); !ok) return ok;
    const DynamicMark& dynamic = edit.dynamic;
    context.changes.partChanged(edit.partId);
    context.changes.measure(dynamic.at.measure);
    putEntry<DynamicMark>(
        context, partField(*part, &Part::dynamics), edit.dynamic,
        [&](const DynamicMark& entry) { return entry.staff == dynamic.staff && entry.at == dynamic.at; },
        [](const DynamicMark& a, const DynamicMark& b) { return earlier(a.at, b.at); });
    return {};
}

core::Result<void> perform(EditContext& context, RemoveDynamic& edit) {
    const auto part = requirePart(context.workspace, edit.partId);
    if (!part) return part.error();
    const auto removed = removeEntry<DynamicMark>(
        context, partField(*part, &Part::dynamics),
        [&](const DynamicMark& entry) { return entry.staff == edit.staff && entry.at == edit.at; });
    if (!removed) {
        return core::fail(core::ErrorCode::NotFound, "part \"" + edit.partId + "\" has no dynamic on staff " +
                                                         std::to_string(edit.staff) + " at " + describePlace(edit.at));
    }
    context.changes.partChanged(edit.partId);
    context.changes.measure(edit.at.measure);
    return {};
}

}  // namespace mos::score
