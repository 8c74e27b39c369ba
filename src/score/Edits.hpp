#pragma once

// One function per edit, each in the file of its group; ApplyEdit.cpp dispatches to them. Each
// checks everything before its first change where it can; when it fails later, what it already did
// is in the log and the transaction rolls it back.

#include "EditContext.hpp"

namespace mos::score {

// EditDocument.cpp
core::Result<void> perform(EditContext& context, SetMetadata& edit);
core::Result<void> perform(EditContext& context, SetExtension& edit);
core::Result<void> perform(EditContext& context, RemoveExtension& edit);

// EditParts.cpp
core::Result<void> perform(EditContext& context, AddPart& edit);
core::Result<void> perform(EditContext& context, RemovePart& edit);
core::Result<void> perform(EditContext& context, MovePart& edit);
core::Result<void> perform(EditContext& context, RenamePart& edit);
core::Result<void> perform(EditContext& context, SetInstrument& edit);
core::Result<void> perform(EditContext& context, SetTuning& edit);
core::Result<void> perform(EditContext& context, SetStaves& edit);
core::Result<void> perform(EditContext& context, SetDynamic& edit);
core::Result<void> perform(EditContext& context, RemoveDynamic& edit);

// EditEvents.cpp
core::Result<void> perform(EditContext& context, InsertEvent& edit);
core::Result<void> perform(EditContext& context, DeleteEvent& edit);
core::Result<void> perform(EditContext& context, ChangeEvent& edit);
core::Result<void> perform(EditContext& context, MoveEvent& edit);
core::Result<void> perform(EditContext& context, InsertNote& edit);
core::Result<void> perform(EditContext& context, DeleteNote& edit);
core::Result<void> perform(EditContext& context, ChangeNote& edit);

// EditMeasures.cpp
core::Result<void> perform(EditContext& context, InsertMeasures& edit);
core::Result<void> perform(EditContext& context, DeleteMeasures& edit);

// EditTimeline.cpp
core::Result<void> perform(EditContext& context, SetTimeSignature& edit);
core::Result<void> perform(EditContext& context, RemoveTimeSignature& edit);
core::Result<void> perform(EditContext& context, SetKey& edit);
core::Result<void> perform(EditContext& context, RemoveKey& edit);
core::Result<void> perform(EditContext& context, SetTempo& edit);
core::Result<void> perform(EditContext& context, RemoveTempo& edit);
core::Result<void> perform(EditContext& context, SetMeasureNumber& edit);
core::Result<void> perform(EditContext& context, SetRepeatStart& edit);
core::Result<void> perform(EditContext& context, SetRepeatEnd& edit);
core::Result<void> perform(EditContext& context, SetBarline& edit);
core::Result<void> perform(EditContext& context, SetNavigation& edit);
core::Result<void> perform(EditContext& context, RemoveNavigation& edit);

// EditEntries.cpp, instantiated for every entry type the Edit variant names.
template <typename Entry>
core::Result<void> perform(EditContext& context, SetEntry<Entry>& edit);
template <typename Entry>
core::Result<void> perform(EditContext& context, RemoveEntry<Entry>& edit);

}  // namespace mos::score
