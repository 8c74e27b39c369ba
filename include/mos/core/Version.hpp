#pragma once

#include <string_view>

namespace mos::core {

// MOS's version, "MAJOR.MINOR.PATCH" from the CMake project. Thread: any. RT-safe: yes.
std::string_view version() noexcept;

}  // namespace mos::core
