#include "audio/sampler/SfzWarnings.hpp"

#include <string>
#include <utility>

namespace mos::audio::sfz {

void Warnings::once(const std::string& kind, const std::string& message, const core::SourceLocation& where) {
    if (!kinds_.insert(kind).second) return;
    // The line is enough to find the place; the column would only differ between regions.
    std::string place = where.file;
    if (where.line) place += ":" + std::to_string(*where.line);
    messages_.push_back(place.empty() ? message : message + " (first at " + place + ")");
}

std::vector<std::string> Warnings::take() && { return std::move(messages_); }

}  // namespace mos::audio::sfz
