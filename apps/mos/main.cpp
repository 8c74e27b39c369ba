// The `mos` command: parses the command line and hands over to one subcommand.

#include <exception>
#include <iostream>

#include "Command.hpp"
#include "JsonOutput.hpp"
#include "mos/core/Log.hpp"
#include "mos/core/Version.hpp"

namespace {

int run(int argc, char** argv) {
    CLI::App app{"MOS, the Musical Operating System: open, play, analyse and practise music.", "mos"};
    app.require_subcommand(0, 1);

    mos::cli::CommandContext context;
    bool showVersion = false;
    app.add_flag("--version", showVersion, "Print the version and exit");
    app.add_flag("--json", context.json, "Machine-readable output: one JSON object per line");

    mos::cli::registerAnalyzeCommand(app, context);
    mos::cli::registerChordCommand(app, context);
    mos::cli::registerConvertCommand(app, context);
    mos::cli::registerDoctorCommand(app, context);
    mos::cli::registerInfoCommand(app, context);
    mos::cli::registerMetronomeCommand(app, context);
    mos::cli::registerPlayCommand(app, context);
    mos::cli::registerRenderCommand(app, context);
    mos::cli::registerRomanCommand(app, context);
    mos::cli::registerTimelineCommand(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    if (showVersion) {
        if (context.json) {
            mos::cli::printJsonLine([](mos::core::JsonWriter& json) {
                json.key("name");
                json.string("mos");
                json.key("version");
                json.string(mos::core::version());
            });
        } else {
            std::cout << "mos " << mos::core::version() << '\n';
        }
        return 0;
    }
    if (app.get_subcommands().empty()) {
        std::cout << app.help();
        return 0;
    }
    return context.exitStatus;
}

}  // namespace

int main(int argc, char** argv) {
    // Subcommands report expected failures through their exit status; anything thrown is a bug, and
    // still deserves a message rather than an abort.
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        mos::core::log::error("mos", e.what());
    } catch (...) {
        mos::core::log::error("mos", "unexpected failure");
    }
    return 1;
}
