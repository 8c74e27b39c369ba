#include "References.hpp"

#include "ListEdits.hpp"

namespace mos::score {
namespace {

template <typename T, typename Drop>
bool dropWhere(EditContext& context, Locate<std::vector<T>> locate, Drop drop) {
    if (context.workspace.peek(locate).empty()) return false;
    return rewriteEach(context, std::move(locate),
                       [&](const T& entry, T&) { return drop(entry) ? Verdict::Remove : Verdict::Keep; });
}

template <typename T>
Locate<std::vector<T>> in(std::vector<T> Layers::*list) {
    return [list](Score& score) -> std::vector<T>& { return score.layers.*list; };
}

template <typename T>
Locate<std::vector<T>> inNotation(std::vector<T> NotationLayer::*list) {
    return [list](Score& score) -> std::vector<T>& { return score.layers.notation.*list; };
}

}  // namespace

void dropReferences(EditContext& context, const Removal& removal) {
    if (removal.empty()) return;
    const auto& events = removal.events;
    const auto& notes = removal.notes;
    const std::string& partId = removal.partId;
    const bool partGone = !partId.empty();
    ChangedLayers& flags = context.changes.flags().layers;

    if (!notes.empty()) {
        flags.tablature |= dropWhere(context, in(&Layers::tablature),
                                     [&](const TabNote& entry) { return notes.count(entry.note) != 0; });
        flags.fingering |= dropWhere(context, in(&Layers::fingering),
                                     [&](const Fingering& entry) { return notes.count(entry.note) != 0; });
    }
    if (!events.empty()) {
        flags.lyrics |= dropWhere(context, in(&Layers::lyrics),
                                  [&](const LyricSyllable& entry) { return events.count(entry.event) != 0; });
        flags.notation |= dropWhere(context, inNotation(&NotationLayer::stems),
                                    [&](const Stem& entry) { return events.count(entry.event) != 0; });
    }
    flags.notation |= dropWhere(context, inNotation(&NotationLayer::slurs), [&](const Slur& entry) {
        return (partGone && entry.partId == partId) || events.count(entry.from) != 0 || events.count(entry.to) != 0;
    });
    if (!context.workspace.peek(inNotation(&NotationLayer::beams)).empty()) {
        flags.notation |= rewriteEach(context, inNotation(&NotationLayer::beams), [&](const Beam& beam, Beam& shorter) {
            if (partGone && beam.partId == partId) return Verdict::Remove;
            std::size_t kept = 0;
            for (ElementId member : beam.events) kept += events.count(member) == 0 ? 1 : 0;
            if (kept == beam.events.size()) return Verdict::Keep;
            if (kept < 2) return Verdict::Remove;
            shorter = beam;
            std::erase_if(shorter.events, [&](ElementId member) { return events.count(member) != 0; });
            return Verdict::Replace;
        });
    }
    if (!partGone) return;
    auto ofPart = [&](const auto& entry) { return entry.partId == partId; };
    flags.chords |= dropWhere(context, in(&Layers::chords), ofPart);
    flags.diagrams |= dropWhere(context, in(&Layers::diagrams), ofPart);
    flags.notation |= dropWhere(context, inNotation(&NotationLayer::clefs), ofPart);
    flags.notation |= dropWhere(context, inNotation(&NotationLayer::hairpins), ofPart);
    flags.notation |= dropWhere(context, inNotation(&NotationLayer::texts), ofPart);
    const Locate<std::vector<Annotation>> annotations = [](Score& score) -> std::vector<Annotation>& {
        return score.learning.annotations;
    };
    context.changes.flags().learning |= dropWhere(context, annotations, ofPart);
}

}  // namespace mos::score
