// `mos convert IN OUT [--tune N] [--format F] [--json]`: any score MOS reads into UMF, MusicXML,
// .mxl, MIDI or a Hermes timeline, chosen by OUT's extension (or --format). A tune book converts
// one tune (--tune N) into a file, or every tune into a folder.

#include <cctype>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "Command.hpp"
#include "JsonOutput.hpp"
#include "ScoreOutput.hpp"
#include "mos/formats/ScoreFile.hpp"

namespace mos::cli {

namespace {

namespace fs = std::filesystem;

struct ConvertOptions {
    std::string input;
    std::string output;
    std::size_t tune = 0;  // 1-based; 0: all (a folder) or the only one (a file)
    std::string format;
};

// "The Wind That Shakes the Barley" -> "the-wind-that-shakes-the-barley", safe in every file system.
std::string slug(const std::string& title) {
    std::string name;
    for (const char c : title) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!name.empty() && name.back() != '-') {
            name += '-';
        }
    }
    while (!name.empty() && name.back() == '-') {
        name.pop_back();
    }
    return name.substr(0, 60);
}

bool namesFolder(const std::string& output) {
    std::error_code error;
    return output.ends_with('/') || fs::is_directory(output, error);
}

struct Target {
    std::size_t tune;  // 1-based index into the scores
    fs::path path;
};

class Converter {
public:
    Converter(const ConvertOptions& options, const CommandContext& context) : options_{options}, context_{context} {}

    int run() {
        std::optional<formats::ScoreFormat> format;
        if (!options_.format.empty()) {
            format = formats::formatFromName(options_.format);
            if (!format) {
                return failWith("unknown --format " + options_.format +
                                " (umf, musicxml, mxl, midi or hermes-timeline)");
            }
        }
        const auto read = formats::readScoreFile(options_.input);
        if (!read) {
            return failWith(read.error().describe());
        }
        for (const core::Error& warning : read->imported.warnings) {
            printWarning(warning);
        }
        const auto& scores = read->imported.scores;
        if (options_.tune > scores.size()) {
            return failWith(options_.input + " holds " + std::to_string(scores.size()) +
                            " score(s); there is no tune " + std::to_string(options_.tune));
        }
        std::vector<Target> targets;
        if (namesFolder(options_.output)) {
            const formats::ScoreFormat folderFormat = format.value_or(formats::ScoreFormat::Umf);
            format = folderFormat;
            std::error_code error;
            fs::create_directories(options_.output, error);
            if (error) {
                return failWith(options_.output + ": cannot create the folder: " + error.message());
            }
            for (std::size_t tune = 1; tune <= scores.size(); ++tune) {
                if (options_.tune == 0 || options_.tune == tune) {
                    targets.push_back({tune, fs::path{options_.output} / outputName(scores, tune, folderFormat)});
                }
            }
        } else {
            if (options_.tune == 0 && scores.size() > 1) {
                return failWith(options_.input + " holds " + std::to_string(scores.size()) +
                                " tunes: choose one with --tune N, or give a folder to write them all");
            }
            targets.push_back({options_.tune == 0 ? 1 : options_.tune, options_.output});
        }
        for (const Target& target : targets) {
            const score::Score& score = scores[target.tune - 1];
            if (auto written = formats::writeScoreFile(score, target.path, format); !written) {
                return failWith(written.error().describe());
            }
            report(score, target, scores.size(), format ? *format : *formats::formatFromPath(target.path));
        }
        return 0;
    }

private:
    static std::string outputName(const std::vector<score::Score>& scores, std::size_t tune,
                                  formats::ScoreFormat format) {
        std::ostringstream name;
        name << std::setw(3) << std::setfill('0') << tune;
        const std::string title = slug(scores[tune - 1].metadata.title);
        if (!title.empty()) {
            name << '-' << title;
        }
        name << formats::preferredExtension(format);
        return name.str();
    }

    void report(const score::Score& score, const Target& target, std::size_t tunes, formats::ScoreFormat format) const {
        const std::string title = displayTitle(score, tunes > 1 ? target.tune : 0, options_.input);
        if (context_.json) {
            printJsonLine([&](core::JsonWriter& json) {
                json.key("input");
                json.string(options_.input);
                if (tunes > 1) {
                    json.key("tune");
                    json.unsignedInteger(target.tune);
                }
                json.key("output");
                json.string(target.path.string());
                json.key("format");
                json.string(formats::formatName(format));
                json.key("title");
                json.string(title);
            });
        } else {
            std::cout << "wrote " << target.path.string() << " (" << formats::formatName(format) << "): " << title
                      << '\n';
        }
    }

    static int failWith(const std::string& message) {
        std::cerr << "mos convert: " << message << '\n';
        return 1;
    }

    const ConvertOptions& options_;
    const CommandContext& context_;
};

}  // namespace

void registerConvertCommand(CLI::App& app, CommandContext& context) {
    auto* command =
        addSubcommand(app, context, "convert", "Convert a score into UMF, MusicXML, .mxl, MIDI or a Hermes timeline");
    auto options = std::make_shared<ConvertOptions>();
    command->add_option("IN", options->input, "The score to read (any format `mos info` reads)")->required();
    command
        ->add_option("OUT", options->output,
                     "The file to write, format by extension (.umf.json, .musicxml, .mxl, .mid, .hermes.json); "
                     "or a folder for every tune of a book")
        ->required();
    command->add_option("--tune", options->tune, "Convert only tune N (1-based) of a tune book")
        ->check(CLI::PositiveNumber);
    command->add_option("--format", options->format,
                        "Output format when OUT is a folder or its extension says otherwise: "
                        "umf, musicxml, mxl, midi, hermes-timeline");
    command->callback([&context, options] { context.exitStatus = Converter{*options, context}.run(); });
}

}  // namespace mos::cli
