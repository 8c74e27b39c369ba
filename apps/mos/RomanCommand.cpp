// `mos roman NUMERAL --key K [--json]`: the chord a Roman numeral names in a key ("V65/V" in C is
// F# A C D), spelled, with its root, quality and inversion.

#include <iostream>
#include <memory>
#include <string>

#include "Command.hpp"
#include "JsonOutput.hpp"
#include "mos/theory/Key.hpp"
#include "mos/theory/RomanNumeral.hpp"

namespace mos::cli {
namespace {

struct RomanOptions {
    std::string numeral;
    std::string key;
};

void printRoman(const theory::RomanNumeral& numeral, const theory::Key& key, bool json) {
    const theory::RomanChord chord = numeral.toChord(key);
    if (json) {
        printJsonLine([&](core::JsonWriter& out) {
            out.key("numeral");
            out.string(numeral.toString());
            out.key("key");
            out.string(key.toString());
            out.key("chord_key");
            out.string(chord.key.toString());
            out.key("root");
            out.string(chord.root.toString());
            out.key("bass");
            out.string(chord.bass.toString());
            out.key("quality");
            out.string(theory::romanQualityName(chord.quality));
            out.key("inversion");
            out.integer(chord.inversion);
            out.key("notes");
            out.beginArray();
            for (const theory::NoteName& note : chord.notes) out.string(note.toString());
            out.endArray();
            out.key("pitch_classes");
            out.beginArray();
            for (int pc = 0; pc < 12; ++pc) {
                if ((chord.pitchClasses() >> pc & 1U) != 0) out.integer(pc);
            }
            out.endArray();
        });
        return;
    }
    std::cout << "numeral    " << numeral.toString() << " in " << key.toString() << '\n';
    std::cout << "notes     ";
    for (const theory::NoteName& note : chord.notes) std::cout << ' ' << note.toString();
    std::cout << "\nroot       " << chord.root.toString() << "\nbass       " << chord.bass.toString() << "\nquality    "
              << theory::romanQualityName(chord.quality) << "\ninversion  " << chord.inversion << "\nread in    "
              << chord.key.toString() << '\n';
}

}  // namespace

void registerRomanCommand(CLI::App& app, CommandContext& context) {
    auto* command = addSubcommand(app, context, "roman", "Spell the chord a Roman numeral names in a key");
    auto options = std::make_shared<RomanOptions>();
    command->add_option("NUMERAL", options->numeral, R"(A RomanText numeral: "V65/V", "viio7", "bVI", "Ger65", "N6")")
        ->required();
    command->add_option("--key", options->key, R"(The key: "C", "C major", "c" or "C minor", "F#m", "D dorian")")
        ->required();
    command->callback([&context, options] {
        const auto key = theory::Key::parse(options->key);
        if (!key) {
            std::cerr << "mos roman: --key \"" << options->key << "\" is not a key (write C, c, F# minor, D dorian)\n";
            context.exitStatus = 2;
            return;
        }
        const auto numeral = theory::RomanNumeral::parse(options->numeral);
        if (!numeral) {
            std::cerr << "mos roman: " << numeral.error().describe() << '\n';
            context.exitStatus = 1;
            return;
        }
        printRoman(*numeral, *key, context.json);
    });
}

}  // namespace mos::cli
