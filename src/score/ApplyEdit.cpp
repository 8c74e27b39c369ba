#include <array>
#include <string>
#include <variant>

#include "Edits.hpp"

namespace mos::score {
namespace {

// In the order of the Edit variant's alternatives.
constexpr std::array<std::string_view, std::variant_size_v<Edit>> kEditNames = {
    "SetMetadata",
    "SetExtension",
    "RemoveExtension",
    "AddPart",
    "RemovePart",
    "MovePart",
    "RenamePart",
    "SetInstrument",
    "SetTuning",
    "SetStaves",
    "InsertEvent",
    "DeleteEvent",
    "ChangeEvent",
    "MoveEvent",
    "InsertNote",
    "DeleteNote",
    "ChangeNote",
    "SetDynamic",
    "RemoveDynamic",
    "InsertMeasures",
    "DeleteMeasures",
    "SetTimeSignature",
    "RemoveTimeSignature",
    "SetKey",
    "RemoveKey",
    "SetTempo",
    "RemoveTempo",
    "SetMeasureNumber",
    "SetRepeatStart",
    "SetRepeatEnd",
    "SetBarline",
    "SetNavigation",
    "RemoveNavigation",
    "SetEnding",
    "RemoveEnding",
    "SetSection",
    "RemoveSection",
    "SetChordSymbol",
    "RemoveChordSymbol",
    "SetKeyRegion",
    "RemoveKeyRegion",
    "SetRomanNumeral",
    "RemoveRomanNumeral",
    "SetCadence",
    "RemoveCadence",
    "SetTabNote",
    "RemoveTabNote",
    "SetChordDiagram",
    "RemoveChordDiagram",
    "SetFingering",
    "RemoveFingering",
    "SetClef",
    "RemoveClef",
    "SetBeam",
    "RemoveBeam",
    "SetStem",
    "RemoveStem",
    "SetSlur",
    "RemoveSlur",
    "SetHairpin",
    "RemoveHairpin",
    "SetText",
    "RemoveText",
    "SetLyric",
    "RemoveLyric",
    "SetMarker",
    "RemoveMarker",
    "SetPointOfInterest",
    "RemovePointOfInterest",
    "SetAnnotation",
    "RemoveAnnotation",
    "SetAudioReference",
    "RemoveAudioReference",
};
static_assert(!kEditNames.back().empty(), "a name for every Edit alternative");

}  // namespace

std::string_view editName(const Edit& edit) noexcept { return kEditNames[edit.index()]; }

core::Result<void> applyEdit(EditContext& context, Edit& edit) {
    return std::visit([&](auto& alternative) { return perform(context, alternative); }, edit);
}

}  // namespace mos::score
