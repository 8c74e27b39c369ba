#include <algorithm>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "Edits.hpp"
#include "References.hpp"
#include "Validation.hpp"

namespace mos::score {
namespace {

std::vector<std::pair<std::size_t, Event>> single(std::size_t at, Event event) {
    std::vector<std::pair<std::size_t, Event>> one;
    one.emplace_back(at, std::move(event));
    return one;
}

// Puts a changed event (same id) in place of the old one: where it was when its place and grace-ness
// are unchanged (so it keeps its order among the events at that place), else into time order.
void replaceAndReorder(EditContext& context, Workspace::EventRef ref, Event replacement) {
    const Event& old = context.workspace.event(ref);
    context.changes.eventChanged(old.id);
    context.changes.measure(old.measure);
    context.changes.measure(replacement.measure);
    if (old.measure == replacement.measure && old.offset == replacement.offset &&
        old.grace.has_value() == replacement.grace.has_value()) {
        context.workspace.replaceEvent(ref, std::move(replacement), context.log);
        return;
    }
    context.workspace.eraseEvents(ref.part, {ref.index}, context.log);
    const std::size_t at = context.workspace.insertionIndex(ref.part, replacement);
    context.workspace.insertEvents(ref.part, single(at, std::move(replacement)), context.log);
}

}  // namespace

core::Result<void> perform(EditContext& context, InsertEvent& edit) {
    const auto part = requirePart(context.workspace, edit.partId);
    if (!part) return part.error();
    Event& event = edit.event;
    if (auto ok = checkEvent(context.score(), context.score().parts[*part], event); !ok) return ok;
    event.id = context.workspace.newId();
    for (Note& note : event.notes) note.id = context.workspace.newId();
    context.changes.wholeEventInserted(event);
    context.changes.measure(event.measure);
    const std::size_t at = context.workspace.insertionIndex(*part, event);
    context.workspace.insertEvents(*part, single(at, std::move(event)), context.log);
    return {};
}

core::Result<void> perform(EditContext& context, DeleteEvent& edit) {
    const auto ref = requireEvent(context.workspace, edit.event);
    if (!ref) return ref.error();
    const Event& event = context.workspace.event(*ref);
    Removal removal;
    removal.add(event);
    context.changes.wholeEventDeleted(event);
    context.changes.measure(event.measure);
    dropReferences(context, removal);
    context.workspace.eraseEvents(ref->part, {ref->index}, context.log);
    return {};
}

core::Result<void> perform(EditContext& context, ChangeEvent& edit) {
    Event& replacement = edit.event;
    const auto ref = requireEvent(context.workspace, replacement.id);
    if (!ref) return ref.error();
    if (auto ok = checkEvent(context.score(), context.score().parts[ref->part], replacement); !ok) return ok;
    const Event& old = context.workspace.event(*ref);
    std::unordered_set<ElementId> kept;
    for (const Note& note : replacement.notes) {
        if (note.id == 0) continue;
        const bool ours =
            std::any_of(old.notes.begin(), old.notes.end(), [&](const Note& n) { return n.id == note.id; });
        if (!ours) {
            return core::fail(core::ErrorCode::InvalidArgument,
                              "note " + std::to_string(note.id) + " is not a note of event " + std::to_string(old.id));
        }
        if (!kept.insert(note.id).second) {
            return core::fail(core::ErrorCode::InvalidArgument, "note " + std::to_string(note.id) + " appears twice");
        }
    }
    Removal dropped;
    for (const Note& note : old.notes) {
        if (kept.count(note.id) != 0) continue;
        dropped.notes.insert(note.id);
        context.changes.noteDeleted(note.id, old.id);
    }
    dropReferences(context, dropped);
    for (Note& note : replacement.notes) {
        if (note.id != 0) continue;
        note.id = context.workspace.newId();
        context.changes.noteInserted(note.id, replacement.id);
    }
    replaceAndReorder(context, *ref, std::move(replacement));
    return {};
}

core::Result<void> perform(EditContext& context, MoveEvent& edit) {
    const auto ref = requireEvent(context.workspace, edit.event);
    if (!ref) return ref.error();
    Event moved = context.workspace.event(*ref);
    moved.measure = edit.to.measure;
    moved.offset = edit.to.offset;
    if (auto ok = checkEvent(context.score(), context.score().parts[ref->part], moved); !ok) return ok;
    replaceAndReorder(context, *ref, std::move(moved));
    return {};
}

core::Result<void> perform(EditContext& context, InsertNote& edit) {
    const auto ref = requireEvent(context.workspace, edit.event);
    if (!ref) return ref.error();
    if (auto ok = checkNote(edit.note); !ok) return ok;
    Event event = context.workspace.event(*ref);
    edit.note.id = context.workspace.newId();
    context.changes.noteInserted(edit.note.id, event.id);
    context.changes.measure(event.measure);
    event.notes.push_back(edit.note);
    context.workspace.replaceEvent(*ref, std::move(event), context.log);
    return {};
}

core::Result<void> perform(EditContext& context, DeleteNote& edit) {
    const auto ref = requireNote(context.workspace, edit.note);
    if (!ref) return ref.error();
    const Workspace::EventRef eventRef{ref->part, ref->event};
    Event event = context.workspace.event(eventRef);
    event.notes.erase(event.notes.begin() + static_cast<std::ptrdiff_t>(ref->note));
    Removal removal;
    removal.notes.insert(edit.note);
    dropReferences(context, removal);
    context.changes.noteDeleted(edit.note, event.id);
    context.changes.measure(event.measure);
    context.workspace.replaceEvent(eventRef, std::move(event), context.log);
    return {};
}

core::Result<void> perform(EditContext& context, ChangeNote& edit) {
    const auto ref = requireNote(context.workspace, edit.note.id);
    if (!ref) return ref.error();
    if (auto ok = checkNote(edit.note); !ok) return ok;
    const Workspace::EventRef eventRef{ref->part, ref->event};
    Event event = context.workspace.event(eventRef);
    event.notes[ref->note] = edit.note;
    context.changes.eventChanged(event.id);
    context.changes.measure(event.measure);
    context.workspace.replaceEvent(eventRef, std::move(event), context.log);
    return {};
}

}  // namespace mos::score
