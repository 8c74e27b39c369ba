#pragma once

// Runs the built `mos` binary (MOS_BINARY, set by CMake) as a user would and collects what it did.

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "support/ChildProcess.hpp"
#include "support/TempDirectory.hpp"

namespace mos::test {

struct MosRun {
    int exitStatus = 0;
    std::string out;  // stdout
    std::string err;  // stderr
};

// `mos <arguments>` with this process's environment plus `environment` (a variable set to "" counts
// as unset for MOS), reading `input` on stdin.
inline MosRun runMos(const std::vector<std::string>& arguments,
                     const std::map<std::string, std::string>& environment = {}, const std::string& input = {}) {
    const TempDirectory outputs;
    std::vector<std::string> command{MOS_BINARY};
    command.insert(command.end(), arguments.begin(), arguments.end());
    std::ofstream{outputs.path() / "stdin", std::ios::binary} << input;
    ChildProcess mos{command, environmentWith(environment), outputs.path() / "stdout", outputs.path() / "stderr",
                     outputs.path() / "stdin"};
    const int exitStatus = mos.wait();
    return {exitStatus, readFile(outputs.path() / "stdout"), readFile(outputs.path() / "stderr")};
}

}  // namespace mos::test
