// The `mos` command: parses the command line and hands over to one subcommand.

#include <iostream>

#include "Command.hpp"
#include "JsonOutput.hpp"
#include "mos/core/Version.hpp"

int main(int argc, char** argv) {
    CLI::App app{"MOS, the Musical Operating System: open, play, analyse and practise music.", "mos"};
    app.require_subcommand(0, 1);

    bool showVersion = false;
    bool json = false;
    app.add_flag("--version", showVersion, "Print the version and exit");
    app.add_flag("--json", json, "Machine-readable output (with --version)");

    int exitStatus = 0;

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    if (showVersion) {
        if (json) {
            mos::cli::printJsonLine({{"name", "mos"}, {"version", mos::core::version()}});
        } else {
            std::cout << "mos " << mos::core::version() << '\n';
        }
        return 0;
    }
    if (app.get_subcommands().empty()) {
        std::cout << app.help();
        return 0;
    }
    return exitStatus;
}
