#pragma once

// The evaluations' main: runs the program and reports an exception as its error message and exit
// status 1, instead of letting it escape (std::terminate would print nothing useful).
//
//   int main(int argc, char** argv) {
//       return mos::eval::reportingErrors("mos_eval_keys", [&] { return run(argc, argv); });
//   }

#include <cstdio>
#include <exception>

namespace mos::eval {

template <typename Run>
int reportingErrors(const char* program, Run&& run) {
    try {
        return run();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", program, e.what());
        return 1;
    }
}

}  // namespace mos::eval
