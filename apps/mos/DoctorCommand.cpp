// `mos doctor [--json]`: what MOS finds on this machine and what it will use. Missing things are
// reported with a hint, not treated as errors, so the command exits 0.

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "Command.hpp"
#include "JsonOutput.hpp"
#include "mos/audio/DeviceProbe.hpp"
#include "mos/audio/SoundFontLocator.hpp"
#include "mos/core/Paths.hpp"
#include "mos/core/UserConfig.hpp"
#include "mos/core/Version.hpp"
#include "mos/midi/SequencerPorts.hpp"

namespace mos::cli {

namespace {

namespace fs = std::filesystem;

using Hint = std::optional<std::string>;

struct Findings {
    audio::DeviceReport devices;
    core::Result<std::vector<midi::SequencerPort>> midiPorts;
    core::Result<core::UserConfig> config;
    bool configExists = false;
    audio::SoundFontSearch soundFonts;
    core::Result<fs::path> database;
    bool databaseExists = false;
    core::WebRootSearch web;
};

Findings lookAround() {
    const core::Environment environment = core::Environment::current();
    auto config = core::readUserConfig(environment);
    // A broken settings file is reported; the instruments are then looked for as if it were empty.
    auto soundFonts = audio::SoundFontLocator::forEnvironment(environment, config.valueOr(core::UserConfig{})).locate();
    Findings findings{audio::probeDevices(environment),
                      midi::listSequencerPorts(),
                      std::move(config),
                      false,
                      std::move(soundFonts),
                      core::libraryDatabasePath(environment),
                      false,
                      core::findWebRoot(environment, core::runningExecutable().value_or(fs::path{}))};
    std::error_code error;
    findings.configExists = findings.config && fs::exists(findings.config->file, error);
    findings.databaseExists = findings.database && fs::exists(*findings.database, error);
    return findings;
}

// One hint per check, shared by both outputs; nothing when nothing is missing.

Hint jackHint(const audio::JackReport& jack) {
    if (jack.running) return std::nullopt;
    return "start one with `jackd -d alsa` (or `jackd -r -d dummy` without a sound card); "
           "MOS falls back to ALSA";
}

Hint alsaHint(const audio::AlsaReport& alsa) {
    if (alsa.available()) return std::nullopt;
    return "connect a sound card (in a container, pass --device /dev/snd); "
           "without one MOS renders to WAV/FLAC files";
}

Hint midiHint(const core::Result<std::vector<midi::SequencerPort>>& ports) {
    if (!ports) {
        return "load the ALSA sequencer with `sudo modprobe snd-seq` "
               "(in a container, pass --device /dev/snd)";
    }
    if (ports->empty()) return "plug in a MIDI keyboard or start a software synthesizer";
    return std::nullopt;
}

Hint soundFontHint(const audio::SoundFontSearch& search) {
    if (search.use) return std::nullopt;
    return "install the default General MIDI set with `sudo apt install fluid-soundfont-gm`, or set "
           "MOS_SOUNDFONT to a .sf2/.sf3/.sfz file";
}

Hint databaseHint(const Findings& findings) {
    if (!findings.database) return "set MOS_DATA_DIR to the directory MOS should keep its data in";
    if (findings.databaseExists) return std::nullopt;
    return "MOS creates it when it first stores a song; set MOS_DATA_DIR to keep it elsewhere";
}

Hint webHint(const core::WebRootSearch& web) {
    if (web.root) return std::nullopt;
    return "this build has no studio page yet; set MOS_WEB_ROOT to a folder holding a built studio "
           "(its index.html)";
}

// The JSON report: one object with a member per section; every check has a "hint", null when
// nothing is missing, and what could not be found is null rather than left out.

using Text = std::optional<std::string>;  // a string, or null

void pathList(core::JsonWriter& json, const std::vector<fs::path>& paths) {
    json.beginArray();
    for (const fs::path& path : paths) json.string(path.string());
    json.endArray();
}

void writeAudio(core::JsonWriter& json, const audio::DeviceReport& devices) {
    json.beginObject();
    const audio::JackReport& jack = devices.jack;
    json.key("jack");
    json.beginObject();
    json.key("running");
    json.boolean(jack.running);
    json.key("server");
    json.string(jack.serverName);
    json.key("sampleRate");
    if (jack.running) {
        json.unsignedInteger(jack.sampleRate);
    } else {
        json.null();
    }
    json.key("bufferSize");
    if (jack.running) {
        json.unsignedInteger(jack.bufferFrames);
    } else {
        json.null();
    }
    json.key("reason");
    stringOrNull(json, jack.running ? Text{} : Text{jack.reason});
    json.key("hint");
    stringOrNull(json, jackHint(jack));
    json.endObject();

    const audio::AlsaReport& alsa = devices.alsa;
    json.key("alsa");
    json.beginObject();
    json.key("devices");
    json.beginArray();
    for (const audio::AlsaPlaybackDevice& device : alsa.devices) {
        json.beginObject();
        json.key("id");
        json.string(device.id);
        json.key("card");
        json.string(device.cardName);
        json.key("name");
        json.string(device.deviceName);
        json.endObject();
    }
    json.endArray();
    json.key("reason");
    stringOrNull(json, alsa.available() ? Text{} : Text{alsa.reason});
    json.key("hint");
    stringOrNull(json, alsaHint(alsa));
    json.endObject();

    json.key("use");
    json.string(audio::toString(devices.use));
    json.endObject();
}

void writeMidi(core::JsonWriter& json, const core::Result<std::vector<midi::SequencerPort>>& ports) {
    json.beginObject();
    json.key("available");
    json.boolean(ports.ok());
    json.key("ports");
    json.beginArray();
    if (ports) {
        for (const midi::SequencerPort& port : *ports) {
            json.beginObject();
            json.key("address");
            json.string(port.address());
            json.key("client");
            json.string(port.clientName);
            json.key("name");
            json.string(port.portName);
            json.key("input");
            json.boolean(port.input);
            json.key("output");
            json.boolean(port.output);
            json.endObject();
        }
    }
    json.endArray();
    json.key("reason");
    stringOrNull(json, ports ? Text{} : Text{ports.error().message});
    json.key("hint");
    stringOrNull(json, midiHint(ports));
    json.endObject();
}

void writeSoundFonts(core::JsonWriter& json, const audio::SoundFontSearch& search) {
    json.beginObject();
    json.key("found");
    json.beginArray();
    for (const audio::InstrumentFile& file : search.found) {
        json.beginObject();
        json.key("path");
        json.string(file.path.string());
        json.key("format");
        json.string(audio::toString(file.format));
        json.endObject();
    }
    json.endArray();
    json.key("invalid");
    json.beginArray();
    for (const audio::RejectedFile& file : search.invalid) {
        json.beginObject();
        json.key("path");
        json.string(file.path.string());
        json.key("reason");
        json.string(file.reason);
        json.endObject();
    }
    json.endArray();
    json.key("searched");
    pathList(json, search.searched);
    json.key("use");
    stringOrNull(json, search.use ? Text{search.use->path.string()} : Text{});
    json.key("hint");
    stringOrNull(json, soundFontHint(search));
    json.endObject();
}

void writeConfig(core::JsonWriter& json, const Findings& findings) {
    const core::Result<core::UserConfig>& config = findings.config;
    json.beginObject();
    json.key("path");
    stringOrNull(json, config && !config->file.empty() ? Text{config->file.string()} : Text{});
    json.key("exists");
    json.boolean(findings.configExists);
    json.key("error");
    stringOrNull(json, config ? Text{} : Text{config.error().describe()});
    json.key("soundfont");
    stringOrNull(json, config && config->soundfont ? Text{config->soundfont->string()} : Text{});
    json.endObject();
}

// What plays the parts: the sampler with the file the search chose, else the fallback synth.
void writeInstruments(core::JsonWriter& json, const audio::SoundFontSearch& search) {
    json.beginObject();
    json.key("engine");
    json.string(search.use ? "sampler" : "fallback");
    json.key("file");
    stringOrNull(json, search.use ? Text{search.use->path.string()} : Text{});
    json.key("format");
    stringOrNull(json, search.use ? Text{std::string{audio::toString(search.use->format)}} : Text{});
    json.key("source");
    stringOrNull(json, search.use ? Text{std::string{audio::toString(search.source)}} : Text{});
    json.endObject();
}

void writeDoctor(core::JsonWriter& json, const Findings& findings) {
    json.key("version");
    json.string(core::version());
    json.key("audio");
    writeAudio(json, findings.devices);
    json.key("midi");
    writeMidi(json, findings.midiPorts);
    json.key("config");
    writeConfig(json, findings);
    json.key("soundfonts");
    writeSoundFonts(json, findings.soundFonts);
    json.key("instruments");
    writeInstruments(json, findings.soundFonts);

    json.key("database");
    json.beginObject();
    json.key("path");
    stringOrNull(json, findings.database ? Text{findings.database->string()} : Text{});
    json.key("exists");
    json.boolean(findings.databaseExists);
    json.key("hint");
    stringOrNull(json, databaseHint(findings));
    json.endObject();

    const core::WebRootSearch& web = findings.web;
    json.key("web");
    json.beginObject();
    json.key("root");
    stringOrNull(json, web.root ? Text{web.root->string()} : Text{});
    json.key("searched");
    pathList(json, web.searched);
    json.key("hint");
    stringOrNull(json, webHint(web));
    json.endObject();
}

// Human output: one aligned line per check, "[ok]" when found, "[--]" when missing (then a hint on
// the next line), "[!!]" for something found but unusable.
enum class Mark { Found, Missing, Unusable };

void printCheck(Mark mark, std::string_view check, const std::string& detail, const Hint& hint = std::nullopt) {
    constexpr int kCheckWidth = 11;  // "instruments"
    const char* markText = mark == Mark::Found ? "[ok]" : mark == Mark::Missing ? "[--]" : "[!!]";
    std::cout << markText << ' ' << std::left << std::setw(kCheckWidth) << check << ' ' << detail << '\n';
    if (hint) std::cout << std::string(4 + 1 + kCheckWidth + 1, ' ') << "hint: " << *hint << '\n';
}

Mark markFor(bool found) { return found ? Mark::Found : Mark::Missing; }

// "a, b, c" from the items' descriptions.
template <typename Item, typename Describe>
std::string commaList(const std::vector<Item>& items, Describe describe) {
    std::string text;
    for (const Item& item : items) text += (text.empty() ? "" : ", ") + describe(item);
    return text;
}

std::string pathText(const fs::path& path) { return path.string(); }

std::string jackDetail(const audio::JackReport& jack) {
    if (!jack.running) return jack.reason;
    return "server \"" + jack.serverName + "\" running: " + std::to_string(jack.sampleRate) + " Hz, " +
           std::to_string(jack.bufferFrames) + " frames per period";
}

std::string alsaDetail(const audio::AlsaReport& alsa) {
    if (!alsa.available()) return alsa.reason;
    return commaList(alsa.devices, [](const audio::AlsaPlaybackDevice& device) {
        return device.id + " (" + device.cardName + ": " + device.deviceName + ")";
    });
}

std::string midiDetail(const core::Result<std::vector<midi::SequencerPort>>& ports) {
    if (!ports) return ports.error().message;
    if (ports->empty()) return "the sequencer has no ports to connect to";
    return commaList(*ports, [](const midi::SequencerPort& port) {
        return port.address() + " " + port.clientName + " / " + port.portName;
    });
}

std::string soundFontDetail(const audio::SoundFontSearch& search) {
    if (!search.use) return "none found in " + commaList(search.searched, pathText);
    return search.use->path.string() + " (" + std::to_string(search.found.size()) + " instrument file(s) found)";
}

std::string configDetail(const Findings& findings) {
    if (!findings.config) return findings.config.error().describe();
    if (findings.config->file.empty()) return "no configuration directory: MOS_CONFIG_DIR and HOME are unset";
    return findings.config->file.string() + (findings.configExists ? "" : " (none: MOS uses its defaults)");
}

// "sampler: /usr/share/sounds/sf2/FluidR3_GM.sf2 (sf2)", with who chose the file when not the default.
std::string instrumentsDetail(const Findings& findings) {
    const audio::SoundFontSearch& search = findings.soundFonts;
    if (!search.use) return "fallback synth (no SoundFont found)";
    std::string detail =
        "sampler: " + search.use->path.string() + " (" + std::string{audio::toString(search.use->format)};
    if (search.source == audio::SoundFontSource::Environment) detail += ", from $MOS_SOUNDFONT";
    if (search.source == audio::SoundFontSource::ConfigFile) detail += ", from " + findings.config->file.string();
    return detail + ")";
}

std::string databaseDetail(const Findings& findings) {
    if (!findings.database) return findings.database.error().message;
    return findings.database->string() + (findings.databaseExists ? "" : " (not created yet)");
}

std::string webDetail(const core::WebRootSearch& web) {
    if (web.root) return web.root->string();
    if (web.searched.empty()) return "no built studio: MOS_WEB_ROOT is unset and the executable's path unknown";
    return "no built studio in " + commaList(web.searched, pathText);
}

void printHuman(const Findings& findings) {
    std::cout << "mos " << core::version() << " doctor\n";
    const audio::DeviceReport& devices = findings.devices;
    printCheck(markFor(devices.jack.available()), "jack", jackDetail(devices.jack), jackHint(devices.jack));
    printCheck(markFor(devices.alsa.available()), "alsa", alsaDetail(devices.alsa), alsaHint(devices.alsa));
    printCheck(markFor(devices.use != audio::DeviceBackend::None), "audio out",
               devices.use == audio::DeviceBackend::None ? "none: no device, MOS renders to files only"
                                                         : std::string{audio::toString(devices.use)});
    printCheck(markFor(findings.midiPorts && !findings.midiPorts->empty()), "midi", midiDetail(findings.midiPorts),
               midiHint(findings.midiPorts));
    // No settings file is no problem: MOS's defaults apply.
    printCheck(findings.config ? Mark::Found : Mark::Unusable, "config", configDetail(findings));
    const audio::SoundFontSearch& soundFonts = findings.soundFonts;
    printCheck(markFor(soundFonts.use.has_value()), "soundfont", soundFontDetail(soundFonts),
               soundFontHint(soundFonts));
    for (const audio::RejectedFile& file : soundFonts.invalid) {
        printCheck(Mark::Unusable, "soundfont", file.path.string() + ": " + file.reason);
    }
    printCheck(markFor(soundFonts.use.has_value()), "instruments", instrumentsDetail(findings));
    printCheck(markFor(findings.databaseExists), "database", databaseDetail(findings), databaseHint(findings));
    printCheck(markFor(findings.web.root.has_value()), "web", webDetail(findings.web), webHint(findings.web));
}

}  // namespace

void registerDoctorCommand(CLI::App& app, CommandContext& context) {
    CLI::App* doctor =
        addSubcommand(app, context, "doctor", "Show what MOS finds on this machine and what it will use");
    doctor->callback([&context] {
        const Findings findings = lookAround();
        if (context.json) {
            printJsonLine([&](core::JsonWriter& json) { writeDoctor(json, findings); });
        } else {
            printHuman(findings);
        }
        context.exitStatus = 0;
    });
}

}  // namespace mos::cli
