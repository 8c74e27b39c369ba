// `mos chord NOTES… [--key K] [--json]`: names the chord the notes make, best reading first, with
// confidences; `mos chord --parse SYMBOL [--json]`: the notes and structure of a chord symbol.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ChordOutput.hpp"
#include "Command.hpp"
#include "JsonOutput.hpp"
#include "TextColumns.hpp"
#include "mos/theory/ChordNaming.hpp"
#include "mos/theory/Key.hpp"

namespace mos::cli {
namespace {

struct ChordOptions {
    std::vector<std::string> notes;
    std::string symbol;
    std::string key;
    std::size_t candidates = 5;
};

// A note as a player types it, keeping the spelling: "C4", "Bb3", a MIDI number (spelled in the key),
// or a bare name ("E") placed just above the note before it (the first in octave 4).
std::optional<theory::Pitch> typedNote(const std::string& text, const std::optional<theory::Pitch>& previous,
                                       const std::optional<theory::Key>& key) {
    int number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error == std::errc{} && end == text.data() + text.size()) {
        if (number < 0 || number > 127) return std::nullopt;
        theory::Pitch pitch = theory::Pitch::of(theory::spellPitchClass(number % 12, key), 4);
        pitch.octave = static_cast<std::int8_t>(pitch.octave + (number - pitch.midiNumber()) / 12);
        return pitch;
    }
    if (auto pitch = theory::Pitch::parse(text)) return pitch;
    const auto name = theory::NoteName::parse(text);
    if (!name) return std::nullopt;
    theory::Pitch pitch = theory::Pitch::of(*name, 4);
    if (previous) {
        while (pitch.midiNumber() <= previous->midiNumber()) ++pitch.octave;
        while (pitch.midiNumber() - 12 > previous->midiNumber()) --pitch.octave;
    }
    return pitch;
}

int nameNotes(const ChordOptions& options, const std::optional<theory::Key>& key, bool json) {
    std::vector<theory::Pitch> pitches;
    std::vector<int> notes;
    for (const std::string& text : options.notes) {
        const auto note = typedNote(text, pitches.empty() ? std::nullopt : std::optional{pitches.back()}, key);
        if (!note) {
            std::cerr << "mos chord: \"" << text << "\" is not a note (write C4, Bb3, F#5, a name or a MIDI number)\n";
            return 1;
        }
        pitches.push_back(*note);
        notes.push_back(note->midiNumber());
    }
    const auto candidates = theory::nameChord(notes, key, options.candidates);
    if (json) {
        printJsonLine([&](core::JsonWriter& out) {
            out.key("notes");
            out.beginArray();
            for (const theory::Pitch& pitch : pitches) out.string(pitch.toString());
            out.endArray();
            out.key("key");
            stringOrNull(out, key ? std::optional{key->toString()} : std::nullopt);
            out.key("candidates");
            out.beginArray();
            for (const theory::ChordCandidate& candidate : candidates) {
                out.beginObject();
                writeChordMembers(out, candidate.symbol);
                out.key("confidence");
                out.number(std::round(candidate.confidence * 1e4) / 1e4);  // four places say enough
                out.endObject();
            }
            out.endArray();
        });
        return 0;
    }
    for (const theory::ChordCandidate& candidate : candidates) {
        std::cout << padded(candidate.symbol.toString(theory::ChordStyle::Pop), 16) << std::fixed
                  << std::setprecision(2) << candidate.confidence << '\n';
    }
    return 0;
}

int parseSymbol(const std::string& symbol, bool json) {
    const auto chord = theory::ChordSymbol::parse(symbol);
    if (!chord) {
        std::cerr << "mos chord: " << chord.error().describe() << '\n';
        return 1;
    }
    if (json) {
        printJsonLine([&](core::JsonWriter& out) { writeChordMembers(out, *chord); });
    } else {
        std::cout << chordText(*chord);
    }
    return 0;
}

}  // namespace

void registerChordCommand(CLI::App& app, CommandContext& context) {
    auto* command = addSubcommand(app, context, "chord", "Name the chord some notes make, or spell a chord symbol");
    auto options = std::make_shared<ChordOptions>();
    command->add_option("NOTES", options->notes, "Notes, lowest first: C4 E4 G4 Bb4 (or C E G Bb, or 60 64 67 70)");
    command->add_option("--parse", options->symbol, R"(A chord symbol to spell: "C7b9/E", "F#m7b5", "N.C.")");
    command->add_option("--key", options->key,
                        R"(The key the notes are in ("F", "D minor", "Em"): decides spelling and ties)");
    command->add_option("--candidates", options->candidates, "How many readings to list (default 5)")
        ->check(CLI::Range(1, 12));
    command->callback([&context, options] {
        if (options->symbol.empty() == options->notes.empty()) {
            std::cerr << "mos chord: give either notes (mos chord C4 E4 G4) or --parse SYMBOL\n";
            context.exitStatus = 2;
            return;
        }
        std::optional<theory::Key> key;
        if (!options->key.empty()) {
            key = theory::Key::parse(options->key);
            if (!key) {
                std::cerr << "mos chord: --key \"" << options->key
                          << "\" is not a key (write F, F major, Dm, D dorian)\n";
                context.exitStatus = 2;
                return;
            }
        }
        context.exitStatus = options->notes.empty() ? parseSymbol(options->symbol, context.json)
                                                    : nameNotes(*options, key, context.json);
    });
}

}  // namespace mos::cli
