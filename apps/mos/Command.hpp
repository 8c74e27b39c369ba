#pragma once

// How a subcommand joins the `mos` command: each lives in its own file and adds itself to the app
// with a register function; its callback stores the process exit status in `exitStatus`.

#include <CLI/CLI.hpp>

namespace mos::cli {


}  // namespace mos::cli
