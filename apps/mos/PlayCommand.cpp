// `mos play FILE [--device jack|alsa|null] [--loop M-N] [--from M] [--tempo 0.75] [--metronome]
// [--count-in BARS] [--soundfont PATH] [--tune N] [--json]`: plays a score through the engine, with
// the General MIDI SoundFont unless told otherwise, and a live bar:beat line. Keys: space pauses and resumes, q quits
// (stdin in raw mode when it is a terminal). It ends with the performance (never, with a loop, until q or Ctrl-C) and
// reports how the audio callbacks kept to their budget.

#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "Command.hpp"
#include "InstrumentChoice.hpp"
#include "LivePlayback.hpp"
#include "mos/engine/Engine.hpp"

namespace mos::cli {
namespace {

struct PlayArguments {
    std::string file;
    std::string device;  // empty: the engine's choice
    std::string loop;    // "5-8"
    std::string from;
    double tempo = 1.0;
    bool metronome = false;
    std::uint16_t countIn = 0;
    std::size_t tune = 1;
    std::string soundfont;
};

// Hands the engine its instruments and waits (a moment at most) until the audio thread plays them,
// so the first notes are not the fallback synth's.
void useInstruments(engine::Engine& engine, const InstrumentChoice& instruments) {
    if (!instruments.bank) return;
    engine.setInstruments(instruments.bank);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{2};
    while (!engine.isReady() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds{2});
    }
}

// Applies the requested start, loop, tempo, count-in and metronome; the first error ends it.
core::Result<void> prepare(engine::Engine& engine, const PlayArguments& arguments) {
    if (auto tempo = engine.setTempoScale(arguments.tempo); !tempo) return tempo;
    if (auto countIn = engine.setCountIn(arguments.countIn); !countIn) return countIn;
    engine.setMetronome(arguments.metronome);
    if (!arguments.loop.empty()) {
        const auto dash = arguments.loop.find('-');
        if (dash == std::string::npos || dash == 0 || dash + 1 == arguments.loop.size()) {
            return core::fail(core::ErrorCode::InvalidArgument,
                              "--loop takes two measures, as in 5-8, not \"" + arguments.loop + "\"");
        }
        const std::string first = arguments.loop.substr(0, dash);
        if (auto loop = engine.setLoop(first, arguments.loop.substr(dash + 1)); !loop) return loop;
        if (arguments.from.empty()) return engine.seekMeasure(first);
    }
    if (!arguments.from.empty()) return engine.seekMeasure(arguments.from);
    return {};
}

int run(const PlayArguments& arguments, bool json) {
    audio::SampleStore store;
    const auto instruments = chooseInstruments("play", arguments.soundfont, store);
    if (!instruments) return 1;
    auto engine = startEngine(arguments.device);
    if (!engine) {
        std::cerr << "mos play: " << engine.error().describe() << '\n';
        return engine.error().code == core::ErrorCode::InvalidArgument ? 2 : 1;
    }
    useInstruments(**engine, *instruments);
    if (!json) std::cout << "instruments: " << instruments->description << '\n';
    const auto loaded = (*engine)->load(arguments.file, arguments.tune);
    if (!loaded) {
        std::cerr << "mos play: " << loaded.error().describe() << '\n';
        return 1;
    }
    if (auto prepared = prepare(**engine, arguments); !prepared) {
        std::cerr << "mos play: " << prepared.error().describe() << '\n';
        return 2;
    }
    playLive(**engine, *loaded, json);
    return 0;
}

}  // namespace

void registerPlayCommand(CLI::App& app, CommandContext& context) {
    auto* command = addSubcommand(app, context, "play", "Play a score through the sound card (space pauses, q quits)");
    auto arguments = std::make_shared<PlayArguments>();
    command->add_option("FILE", arguments->file, "A score: .umf.json, .musicxml/.xml, .mxl, .mid, .abc, .gp3/.gp4/.gp5")
        ->required();
    command->add_option("--device", arguments->device,
                        "jack, alsa or null (default: JACK when a server runs, else ALSA, else null)");
    command->add_option("--loop", arguments->loop, "Loop the measures M-N, as the score numbers them");
    command->add_option("--from", arguments->from, "Start at this measure");
    command->add_option("--tempo", arguments->tempo, "Speed factor, 0.25 to 4");
    command->add_flag("--metronome", arguments->metronome, "Click on every beat");
    command->add_option("--count-in", arguments->countIn, "Bars to count in before playing (0 to 8)");
    command->add_option("--tune", arguments->tune, "Which score of a book (ABC) to play, from 1");
    addSoundFontOption(*command, arguments->soundfont);
    command->callback([&context, arguments] { context.exitStatus = run(*arguments, context.json); });
}

}  // namespace mos::cli
