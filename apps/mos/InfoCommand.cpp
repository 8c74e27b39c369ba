// `mos info FILE [--json]`: what a score file holds: format, title, composer, parts, measures,
// notes, length, key, meter and tempo; one summary per score (per tune of an ABC book).

#include <iostream>
#include <string>

#include "Command.hpp"
#include "JsonOutput.hpp"
#include "ScoreOutput.hpp"
#include "mos/formats/ScoreFile.hpp"

namespace mos::cli {

void registerInfoCommand(CLI::App& app, CommandContext& context) {
    auto* command = addSubcommand(app, context, "info", "Show what a score file holds (one summary per score)");
    auto file = std::make_shared<std::string>();
    command->add_option("FILE", *file, "A score: .umf.json, .musicxml/.xml, .mxl, .mid, .abc, .gp3/.gp4/.gp5")
        ->required();
    command->callback([&context, file] {
        const auto read = openScoreFile("info", *file);
        if (!read) {
            context.exitStatus = 1;
            return;
        }
        const auto& scores = read->imported.scores;
        for (std::size_t i = 0; i < scores.size(); ++i) {
            const ScoreInfo info = scoreInfo(scores[i], read->format, *file, i + 1, scores.size());
            if (context.json) {
                printJsonLine([&](core::JsonWriter& json) { writeScoreInfo(json, info); });
            } else {
                std::cout << (i > 0 ? "\n" : "") << scoreInfoText(info);
            }
        }
    });
}

}  // namespace mos::cli
