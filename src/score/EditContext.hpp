#pragma once

// What an edit works with: the document, the log its changes are recorded in, and the recorder of
// what it changed. Edits change the score only through the Workspace primitives.

#include "ChangeRecorder.hpp"
#include "UndoLog.hpp"
#include "Workspace.hpp"
#include "mos/core/Result.hpp"
#include "mos/score/Edit.hpp"

namespace mos::score {

struct EditContext {
    Workspace& workspace;
    UndoLog& log;
    ChangeRecorder& changes;

    const Score& score() const noexcept { return workspace.score(); }
};

// Applies one edit, or fails with the reason and leaves what it did in the log for the rollback.
// One overload per group of edits, in EditDocument.cpp, EditParts.cpp, EditEvents.cpp,
// EditTimeline.cpp, EditMeasures.cpp and EditEntries.cpp. Thread: the document's writer. RT-safe: no.
core::Result<void> applyEdit(EditContext& context, Edit& edit);

}  // namespace mos::score
