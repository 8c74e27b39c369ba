#pragma once

// How a subcommand joins the `mos` command: each lives in its own file and adds itself to the app
// with a register function that uses addSubcommand, and reports through the shared context.

#include <string>

#include <CLI/CLI.hpp>

namespace mos::cli {

// What every subcommand shares with main().
struct CommandContext {
    bool json = false;   // --json, given before or after the subcommand's name
    int exitStatus = 0;  // set by the subcommand's callback
};

// A subcommand that accepts --json like every other. Thread: main. RT-safe: no.
inline CLI::App* addSubcommand(CLI::App& app, CommandContext& context, const std::string& name,
                               const std::string& description) {
    CLI::App* command = app.add_subcommand(name, description);
    command->add_flag("--json", context.json, "Machine-readable output: one JSON object per line");
    return command;
}

void registerAnalyzeCommand(CLI::App& app, CommandContext& context);
void registerChordCommand(CLI::App& app, CommandContext& context);
void registerConvertCommand(CLI::App& app, CommandContext& context);
void registerDoctorCommand(CLI::App& app, CommandContext& context);
void registerInfoCommand(CLI::App& app, CommandContext& context);
void registerMetronomeCommand(CLI::App& app, CommandContext& context);
void registerPlayCommand(CLI::App& app, CommandContext& context);
void registerRenderCommand(CLI::App& app, CommandContext& context);
void registerRomanCommand(CLI::App& app, CommandContext& context);
void registerTimelineCommand(CLI::App& app, CommandContext& context);

}  // namespace mos::cli
