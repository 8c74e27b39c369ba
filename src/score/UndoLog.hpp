#pragma once

// The record of how to take back a run of changes to a Workspace: steps that, replayed last first,
// put the document back exactly as it was (== on Score). Each step records its own inverse into
// another log as it runs, so replaying an undo log yields the redo log and replaying that yields the
// undo log again — redo needs no copy of the transaction.

#include <functional>
#include <utility>
#include <vector>

namespace mos::score {

class Workspace;

class UndoLog {
public:
    using Step = std::function<void(Workspace&, UndoLog&)>;

    // Thread: the document's writer. RT-safe: no.
    void record(Step step) { steps_.push_back(std::move(step)); }
    bool empty() const noexcept { return steps_.empty(); }

    // Runs the steps last to first against the state they were recorded on, recording their inverses
    // into `inverse`. Consumes the log. Thread: the document's writer. RT-safe: no.
    void replay(Workspace& workspace, UndoLog& inverse) && {
        // Reverse iterators, not std::views::reverse: clang 14 (the fuzz build) rejects libstdc++ 12 views.
        for (auto step = steps_.rbegin(); step != steps_.rend(); ++step) (*step)(workspace, inverse);
        steps_.clear();
    }

private:
    std::vector<Step> steps_;
};

}  // namespace mos::score
