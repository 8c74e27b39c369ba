#pragma once

// Machine-readable output of the `mos` command: one JSON object per line on stdout.

#include <iostream>

#include <nlohmann/json.hpp>

namespace mos::cli {

inline void printJsonLine(const nlohmann::json& object) { std::cout << object.dump() << '\n'; }

}  // namespace mos::cli
