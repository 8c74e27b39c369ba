#pragma once

// The warnings of one SFZ load. Each kind is reported once, with the place it was first seen, so an
// instrument of 2000 regions that all use one unknown opcode gives one line, not 2000.

#include <string>
#include <unordered_set>
#include <vector>

#include "mos/core/Error.hpp"

namespace mos::audio::sfz {

class Warnings {
public:
    // Adds "message (first at piano.sfz:12)" unless a warning of this kind was added before.
    // Thread: control. RT-safe: no.
    void once(const std::string& kind, const std::string& message, const core::SourceLocation& where);

    // The warnings in the order they were first seen. Thread: control. RT-safe: no.
    std::vector<std::string> take() &&;

private:
    std::unordered_set<std::string> kinds_;
    std::vector<std::string> messages_;
};

}  // namespace mos::audio::sfz
