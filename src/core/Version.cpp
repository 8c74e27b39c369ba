#include "mos/core/Version.hpp"

namespace mos::core {

std::string_view version() noexcept { return MOS_VERSION_STRING; }

}  // namespace mos::core
