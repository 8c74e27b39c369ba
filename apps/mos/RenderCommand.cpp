// `mos render FILE -o OUT.wav [--rate 48000] [--from M --to N] [--tempo 0.75] [--metronome]
// [--soundfont PATH] [--tune N] [--json]`: a score played into a WAV or FLAC file by the General MIDI
// SoundFont (or the instruments named, or the fallback synth), faster than real time, with a
// progress bar when stderr is a terminal.

#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include <unistd.h>

#include "Command.hpp"
#include "InstrumentChoice.hpp"
#include "JsonOutput.hpp"
#include "ScoreOutput.hpp"
#include "mos/engine/Render.hpp"
#include "mos/formats/ScoreFile.hpp"

namespace mos::cli {
namespace {

struct RenderArguments {
    std::string file;
    std::string output;
    std::uint32_t rate = 48000;
    std::string from;
    std::string to;
    double tempo = 1.0;
    bool metronome = false;
    std::size_t tune = 1;
    std::string soundfont;
};

// A bar on stderr that redraws itself in place: "[#########.........] 45%".
void drawProgress(double fraction) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(std::lround(fraction * kWidth));
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '.');
    std::cerr << "\rrendering [" << bar << "] " << std::lround(fraction * 100) << "%" << std::flush;
}

int run(const RenderArguments& arguments, bool json) {
    if (arguments.tempo < 0.25 || arguments.tempo > 4.0) {
        std::cerr << "mos render: --tempo must be between 0.25 and 4, not " << arguments.tempo << '\n';
        return 2;
    }
    const auto read = openScoreFile("render", arguments.file);
    if (!read) {
        return 1;
    }
    const auto& scores = read->imported.scores;
    if (arguments.tune < 1 || arguments.tune > scores.size()) {
        std::cerr << "mos render: " << arguments.file << " holds " << scores.size() << " score(s); there is no tune "
                  << arguments.tune << '\n';
        return 1;
    }
    const score::Score& score = scores[arguments.tune - 1];
    engine::RenderOptions options;
    options.sampleRate = core::SampleRate{arguments.rate};
    options.tempoScale = core::Rational{std::llround(arguments.tempo * 1000), 1000};
    if (!arguments.from.empty()) options.fromMeasure = arguments.from;
    if (!arguments.to.empty()) options.toMeasure = arguments.to;
    options.metronome = arguments.metronome;
    audio::SampleStore store;
    // Only the presets the score plays are loaded: most of a General MIDI SoundFont is not needed.
    const auto instruments =
        chooseInstruments("render", arguments.soundfont, store, engine::presetsPlayed(score, options));
    if (!instruments) return 1;
    options.instruments = instruments->bank;
    const bool showProgress = !json && ::isatty(STDERR_FILENO) == 1;
    const auto rendered = engine::renderToFile(score, options, arguments.output,
                                               showProgress ? drawProgress : std::function<void(double)>{});
    if (showProgress) std::cerr << '\n';
    if (!rendered) {
        std::cerr << "mos render: " << arguments.file << ": " << rendered.error().describe() << '\n';
        return 1;
    }
    const double speed = rendered->audioSeconds / std::max(rendered->renderSeconds, 1e-9);
    if (json) {
        printJsonLine([&](core::JsonWriter& out) {
            out.key("file");
            out.string(arguments.file);
            out.key("output");
            out.string(arguments.output);
            out.key("sample_rate");
            out.unsignedInteger(arguments.rate);
            out.key("frames");
            out.unsignedInteger(rendered->frames);
            out.key("audio_seconds");
            out.number(rendered->audioSeconds);
            out.key("render_seconds");
            out.number(rendered->renderSeconds);
            out.key("times_real_time");
            out.number(speed);
            out.key("notes");
            out.unsignedInteger(rendered->notes);
            out.key("instruments");
            out.string(instruments->description);
        });
    } else {
        char line[160];
        std::snprintf(line, sizeof line, "%s: %.2f s of audio (%zu notes) in %.2f s, %.0f× real time\n",
                      arguments.output.c_str(), rendered->audioSeconds, rendered->notes, rendered->renderSeconds,
                      speed);
        std::cout << line << "instruments: " << instruments->description << '\n';
    }
    return 0;
}

}  // namespace

void registerRenderCommand(CLI::App& app, CommandContext& context) {
    auto* command = addSubcommand(app, context, "render", "Play a score into a WAV or FLAC file");
    auto arguments = std::make_shared<RenderArguments>();
    command->add_option("FILE", arguments->file, "A score: .umf.json, .musicxml/.xml, .mxl, .mid, .abc, .gp3/.gp4/.gp5")
        ->required();
    command->add_option("-o,--output", arguments->output, "The audio file to write: .wav or .flac")->required();
    command->add_option("--rate", arguments->rate, "Sample rate in Hz")->check(CLI::Range(8000U, 384000U));
    command->add_option("--from", arguments->from, "First measure to play, as the score numbers it");
    command->add_option("--to", arguments->to, "Last measure to play, as the score numbers it");
    command->add_option("--tempo", arguments->tempo, "Speed factor, 0.25 to 4");
    command->add_flag("--metronome", arguments->metronome, "Click on every beat");
    command->add_option("--tune", arguments->tune, "Which score of a book (ABC) to play, from 1");
    addSoundFontOption(*command, arguments->soundfont);
    command->callback([&context, arguments] { context.exitStatus = run(*arguments, context.json); });
}

}  // namespace mos::cli
