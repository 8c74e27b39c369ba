// `mos metronome --bpm 120 --meter 7/8 [--euclid 3:8[:rotation]] [--subdivide N] [--bars 4]
// [--render click.wav] [--rate 48000] [--device jack|alsa|null] [--json]`: the metronome score
// (transport::metronomeScore) rendered into a WAV or FLAC file the way `mos render` plays a score,
// or, without --render, played live the way `mos play` plays one — endlessly unless --bars says how
// many — after the pattern and click times of one bar.

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Command.hpp"
#include "JsonOutput.hpp"
#include "LivePlayback.hpp"
#include "mos/engine/Render.hpp"
#include "mos/transport/Metronome.hpp"

namespace mos::cli {
namespace {

struct MetronomeArguments {
    double bpm = 120.0;
    std::string meter = "4/4";
    std::string euclid;
    int subdivisions = 1;
    CLI::Option* subdivide = nullptr;  // given or not: unset leaves the meter's own subdivision
    std::uint32_t bars = 4;
    CLI::Option* barsGiven = nullptr;  // live, without --bars, the metronome never stops
    std::string render;
    std::string device;
    std::uint32_t rate = 48000;
};

// The integers of "7/8" or "3:8:1", each read as an Int (so "7/-8" is no meter); nullopt for
// anything else.
template <typename Int>
std::optional<std::vector<Int>> integersJoinedBy(std::string_view text, char separator) {
    std::vector<Int> values;
    const char* at = text.data();
    const char* const end = text.data() + text.size();
    while (true) {
        Int value = 0;
        const auto [next, error] = std::from_chars(at, end, value);
        if (error != std::errc{}) return std::nullopt;
        values.push_back(value);
        if (next == end) return values;
        if (*next != separator) return std::nullopt;
        at = next + 1;
    }
}

// The spec the arguments ask for, or a message saying which argument is malformed. Whether the
// values make sense is transport::metronomeBar's to judge.
std::optional<transport::MetronomeSpec> specOf(const MetronomeArguments& arguments, std::string& problem) {
    transport::MetronomeSpec spec;
    // Thousandths of a beat are as fine as a tempo is ever marked; the bound keeps llround defined.
    if (!std::isfinite(arguments.bpm) || std::abs(arguments.bpm) > 1e9) {
        problem = "--bpm must be a number of beats a minute";
        return std::nullopt;
    }
    spec.bpm = core::Rational{std::llround(arguments.bpm * 1000), 1000};
    const auto meter = integersJoinedBy<std::uint16_t>(arguments.meter, '/');
    if (!meter || meter->size() != 2) {
        problem =
            "--meter must look like 7/8 (beats a bar / the note value of a beat), not \"" + arguments.meter + "\"";
        return std::nullopt;
    }
    spec.meter.numerator = (*meter)[0];
    spec.meter.denominator = (*meter)[1];
    if (arguments.subdivide->count() > 0) spec.subdivisions = arguments.subdivisions;
    if (!arguments.euclid.empty()) {
        const auto euclid = integersJoinedBy<int>(arguments.euclid, ':');
        if (!euclid || euclid->size() < 2 || euclid->size() > 3) {
            problem = "--euclid must look like 3:8 or 3:8:1 (hits:steps[:rotation]), not \"" + arguments.euclid + "\"";
            return std::nullopt;
        }
        spec.euclid = transport::EuclideanPattern{(*euclid)[0], (*euclid)[1], euclid->size() > 2 ? (*euclid)[2] : 0};
    }
    spec.bars = arguments.bars;
    return spec;
}

std::string meterText(const score::TimeSignature& meter) {
    return std::to_string(meter.numerator) + "/" + std::to_string(meter.denominator);
}

// The members both forms of output share: the tempo, the meter and one bar.
void writeBar(core::JsonWriter& out, const transport::MetronomeSpec& spec, const transport::MetronomeBar& bar) {
    out.key("bpm");
    out.number(spec.bpm.toDouble());
    out.key("meter");
    out.string(meterText(spec.meter));
    out.key("beat_unit");
    out.string(bar.beatUnit.toString());
    out.key("beats_per_bar");
    out.unsignedInteger(bar.beats);
    out.key("bar_seconds");
    out.number(bar.seconds.toDouble());
    out.key("pattern");
    out.string(bar.pattern);
    out.key("click_seconds");
    out.beginArray();
    for (const transport::MetronomeClick& click : bar.clicks) out.number(click.seconds.toDouble());
    out.endArray();
}

void printBar(const transport::MetronomeSpec& spec, const transport::MetronomeBar& bar) {
    char heading[160];
    std::snprintf(heading, sizeof heading, "%s at %g BPM (a beat is %s), %u beats a bar of %.3f s\n",
                  meterText(spec.meter).c_str(), spec.bpm.toDouble(), bar.beatUnit.toString().c_str(),
                  unsigned{bar.beats}, bar.seconds.toDouble());
    std::cout << heading << "pattern  " << bar.pattern << "   (X accent, x beat, - subdivision, . silent)\n"
              << "clicks  ";
    for (const transport::MetronomeClick& click : bar.clicks) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, " %.3f", click.seconds.toDouble());
        std::cout << seconds;
    }
    std::cout << " s\n";
}

int render(const MetronomeArguments& arguments, const transport::MetronomeSpec& spec,
           const transport::MetronomeBar& bar, bool json) {
    const auto score = transport::metronomeScore(spec);
    if (!score) {
        std::cerr << "mos metronome: " << score.error().describe() << '\n';
        return 2;
    }
    engine::RenderOptions options;
    options.sampleRate = core::SampleRate{arguments.rate};
    const auto rendered = engine::renderToFile(*score, options, arguments.render);
    if (!rendered) {
        std::cerr << "mos metronome: " << rendered.error().describe() << '\n';
        return 1;
    }
    if (json) {
        printJsonLine([&](core::JsonWriter& out) {
            out.key("file");
            out.string(arguments.render);
            out.key("bars");
            out.unsignedInteger(spec.bars);
            writeBar(out, spec, bar);
            out.key("clicks");
            out.unsignedInteger(rendered->notes);
            out.key("sample_rate");
            out.unsignedInteger(arguments.rate);
            out.key("frames");
            out.unsignedInteger(rendered->frames);
            out.key("audio_seconds");
            out.number(rendered->audioSeconds);
        });
    } else {
        char line[256];
        std::snprintf(line, sizeof line, "%s: %u bars of %s at %g BPM, %zu clicks, %.2f s of audio\n",
                      arguments.render.c_str(), spec.bars, meterText(spec.meter).c_str(), spec.bpm.toDouble(),
                      rendered->notes, rendered->audioSeconds);
        std::cout << line << "pattern  " << bar.pattern << '\n';
    }
    return 0;
}

int clickLive(const MetronomeArguments& arguments, transport::MetronomeSpec spec, bool json) {
    const bool endless = arguments.barsGiven->count() == 0;
    if (endless) spec.bars = 1;
    auto score = transport::metronomeScore(spec);
    if (!score) {
        std::cerr << "mos metronome: " << score.error().describe() << '\n';
        return 2;
    }
    auto engine = startEngine(arguments.device);
    if (!engine) {
        std::cerr << "mos metronome: " << engine.error().describe() << '\n';
        return engine.error().code == core::ErrorCode::InvalidArgument ? 2 : 1;
    }
    const auto loaded = (*engine)->load(std::move(*score), "Metronome");
    if (!loaded) {
        std::cerr << "mos metronome: " << loaded.error().describe() << '\n';
        return 1;
    }
    if (endless) (void)(*engine)->setLoop("1", "1");
    playLive(**engine, *loaded, json);
    return 0;
}

int run(const MetronomeArguments& arguments, bool json) {
    std::string problem;
    const auto spec = specOf(arguments, problem);
    if (!spec) {
        std::cerr << "mos metronome: " << problem << '\n';
        return 2;
    }
    const auto bar = transport::metronomeBar(*spec);
    if (!bar) {
        std::cerr << "mos metronome: " << bar.error().describe() << '\n';
        return 2;
    }
    if (!arguments.render.empty()) return render(arguments, *spec, *bar, json);
    if (json) {
        printJsonLine([&](core::JsonWriter& out) { writeBar(out, *spec, *bar); });
    } else {
        printBar(*spec, *bar);
    }
    std::cout << std::flush;
    return clickLive(arguments, *spec, json);
}

}  // namespace

void registerMetronomeCommand(CLI::App& app, CommandContext& context) {
    auto* command = addSubcommand(app, context, "metronome",
                                  "Click a meter at a tempo: accented downbeat, subdivisions, Euclidean patterns. "
                                  "With --render, write the clicks to an audio file; without it, print one bar's "
                                  "pattern and click times and play it (space pauses, q quits)");
    auto arguments = std::make_shared<MetronomeArguments>();
    command->add_option("--bpm", arguments->bpm,
                        "Beats a minute, up to 1000; a beat is the meter's note value (an eighth in 7/8), or a "
                        "dotted note in compound meters (a dotted quarter in 6/8, 9/8, 12/8)");
    command->add_option("--meter", arguments->meter, "Beats a bar / note value of a beat: 4/4, 3/4, 7/8, 6/8");
    command->add_option("--euclid", arguments->euclid,
                        "K:N[:R]: K hits spread evenly over N steps of the bar, rotated R steps left; "
                        "3:8 is the tresillo");
    arguments->subdivide = command->add_option(
        "--subdivide", arguments->subdivisions,
        "Clicks a beat, 1 to 16: 2 for eighths in 4/4 (compound meters click their three eighths unless told)");
    arguments->barsGiven = command->add_option("--bars", arguments->bars,
                                               "Bars to render (4 unless given) or to play (endless unless given)");
    command->add_option("--render", arguments->render, "The audio file to write: .wav or .flac");
    command->add_option("--rate", arguments->rate, "Sample rate in Hz")->check(CLI::Range(8000U, 384000U));
    command->add_option("--device", arguments->device,
                        "Live: jack, alsa or null (default: JACK when a server runs, else ALSA, else null)");
    command->callback([&context, arguments] { context.exitStatus = run(*arguments, context.json); });
}

}  // namespace mos::cli
