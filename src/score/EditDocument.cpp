#include <string>
#include <utility>

#include "Edits.hpp"

namespace mos::score {
namespace {

using Extensions = std::map<std::string, std::string>;

Extensions& extensionsOf(Score& score) { return score.extensions; }

}  // namespace

core::Result<void> perform(EditContext& context, SetMetadata& edit) {
    context.workspace.assign<Metadata>([](Score& score) -> Metadata& { return score.metadata; },
                                       std::move(edit.metadata), context.log);
    context.changes.flags().metadata = true;
    return {};
}

// The extensions map is small (one entry per plugin), so it is replaced whole.
core::Result<void> perform(EditContext& context, SetExtension& edit) {
    if (edit.plugin.empty()) return core::fail(core::ErrorCode::InvalidArgument, "the plugin name is empty");
    Extensions extensions = context.score().extensions;
    extensions[edit.plugin] = std::move(edit.json);
    context.workspace.assign<Extensions>(extensionsOf, std::move(extensions), context.log);
    context.changes.flags().extensions = true;
    return {};
}

core::Result<void> perform(EditContext& context, RemoveExtension& edit) {
    Extensions extensions = context.score().extensions;
    if (extensions.erase(edit.plugin) == 0) {
        return core::fail(core::ErrorCode::NotFound, "no extension of plugin \"" + edit.plugin + "\"");
    }
    context.workspace.assign<Extensions>(extensionsOf, std::move(extensions), context.log);
    context.changes.flags().extensions = true;
    return {};
}

}  // namespace mos::score
