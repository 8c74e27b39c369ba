// `mos timeline FILE [--json]`: the performance order of a score — every measure as it is played,
// repeats and jumps unfolded, with the pass and the second it starts at (the score's tempo).

#include <cstdio>
#include <iostream>
#include <string>

#include "Command.hpp"
#include "JsonOutput.hpp"
#include "ScoreOutput.hpp"
#include "mos/formats/ScoreFile.hpp"
#include "mos/transport/Program.hpp"

namespace mos::cli {
namespace {

void printTimeline(const score::Score& score, std::size_t tune, std::size_t tunes, bool json) {
    const transport::Program program = transport::compile(score);
    const auto& measures = program.timeline().measures();
    const auto secondsAt = [&](core::Rational at) { return program.tempoMap().secondsAt(at); };
    if (json) {
        printJsonLine([&](core::JsonWriter& out) {
            out.key("tune");
            out.unsignedInteger(tune);
            out.key("duration_seconds");
            out.number(secondsAt(program.timeline().length()));
            out.key("measures");
            out.beginArray();
            for (const transport::PerformedMeasure& performed : measures) {
                out.beginObject();
                out.key("index");
                out.unsignedInteger(performed.measure);
                out.key("number");
                out.string(score.timeline.measures[performed.measure].number);
                out.key("pass");
                out.unsignedInteger(performed.pass);
                out.key("start_seconds");
                out.number(secondsAt(performed.start));
                out.key("start_whole_notes");
                out.string(performed.start.toString());
                out.endObject();
            }
            out.endArray();
        });
        return;
    }
    if (tunes > 1) std::cout << (tune > 1 ? "\n" : "") << "tune " << tune << '\n';
    std::cout << "played  measure  pass    start\n";
    for (std::size_t k = 0; k < measures.size(); ++k) {
        const transport::PerformedMeasure& performed = measures[k];
        char line[96];
        std::snprintf(line, sizeof line, "%6zu  %7s  %4u  %8.3f s\n", k + 1,
                      score.timeline.measures[performed.measure].number.c_str(), unsigned{performed.pass},
                      secondsAt(performed.start));
        std::cout << line;
    }
    char total[96];
    std::snprintf(total, sizeof total, "%zu measures played, %.3f s\n", measures.size(),
                  secondsAt(program.timeline().length()));
    std::cout << total;
}

}  // namespace

void registerTimelineCommand(CLI::App& app, CommandContext& context) {
    auto* command = addSubcommand(app, context, "timeline",
                                  "Show the performance order: each measure as played, with its start time");
    auto file = std::make_shared<std::string>();
    command->add_option("FILE", *file, "A score: .umf.json, .musicxml/.xml, .mxl, .mid, .abc, .gp3/.gp4/.gp5")
        ->required();
    command->callback([&context, file] {
        const auto read = openScoreFile("timeline", *file);
        if (!read) {
            context.exitStatus = 1;
            return;
        }
        const auto& scores = read->imported.scores;
        for (std::size_t i = 0; i < scores.size(); ++i) printTimeline(scores[i], i + 1, scores.size(), context.json);
    });
}

}  // namespace mos::cli
