// Chord naming against the jazz-standards charts: every chord symbol of every chart is parsed,
// spelled to notes (bass first), and named back from those notes; the table says how often the best
// reading is the chart's chord. With --notes FILE it also writes each chord's notes as JSON lines,
// so bench/eval/chord-naming-tonal.mjs can ask npm tonal's Chord.detect the same questions.
//
//   mos_eval_chord_naming [../shared/corpora/jazz-standards] [--notes FILE]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "EvalMain.hpp"
#include "mos/core/Files.hpp"
#include "mos/core/JsonWriter.hpp"
#include "mos/theory/ChordNaming.hpp"
#include "mos/theory/ChordSymbol.hpp"

namespace {

namespace fs = std::filesystem;
using namespace mos;

// The symbols of one chart: the "Chords" strings hold bars split by '|' and chords by ','; a chord
// in parentheses is an alternative written above the one beside it, and counts on its own.
std::vector<std::string> chartSymbols(const std::string& json) {
    std::vector<std::string> symbols;
    const std::string key = R"("Chords": ")";
    for (std::size_t at = json.find(key); at != std::string::npos; at = json.find(key, at)) {
        at += key.size();
        const std::size_t end = std::min(json.find('"', at), json.size());
        std::string token;
        for (std::size_t i = at; i <= end; ++i) {
            const char c = i < end ? json[i] : ',';
            if (c == ',' || c == '|' || c == '(' || c == ')') {
                if (!token.empty()) symbols.push_back(token);
                token.clear();
            } else {
                token += c;
            }
        }
        at = end;
    }
    return symbols;
}

struct Question {
    std::string symbol;
    theory::ChordSymbol chord;
    std::vector<int> midiNotes;  // bass first
};

struct Tally {
    std::size_t asked = 0;
    std::size_t sameSound = 0;   // same pitch classes over the same bass
    std::size_t sameRoot = 0;    // …and the chart's root
    std::size_t sameSymbol = 0;  // …and printed the same (pop style)
    std::size_t inTopThree = 0;  // the chart's root, notes and bass among the first three readings
};

bool sameChord(const theory::ChordSymbol& named, const theory::ChordSymbol& chart) {
    return named.root.pitchClass() == chart.root.pitchClass() && named.bassPitchClass() == chart.bassPitchClass() &&
           named.pitchClasses() == chart.pitchClasses();
}

void writeNotes(std::ofstream& out, const Question& question) {
    core::JsonWriter json{false};
    json.beginObject();
    json.key("symbol");
    json.string(question.symbol);
    json.key("notes");
    json.beginArray();
    for (const theory::Pitch& pitch : question.chord.spell()) json.string(pitch.name().toString());
    json.endArray();
    json.key("root");
    json.integer(question.chord.root.pitchClass());
    json.key("bass");
    json.integer(question.chord.bassPitchClass());
    json.key("pitch_classes");
    json.integer(question.chord.pitchClasses());
    json.endObject();
    out << json.take() << '\n';
}

int run(int argc, char** argv) {
    fs::path folder = fs::path{MOS_SHARED_DIR} / "corpora" / "jazz-standards";
    fs::path notesFile;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--notes" && i + 1 < argc) {
            notesFile = argv[++i];
        } else {
            folder = argument;
        }
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    if (files.empty()) {
        std::fprintf(stderr, "mos_eval_chord_naming: no .json charts in %s\n", folder.c_str());
        return 1;
    }
    std::sort(files.begin(), files.end());

    std::vector<Question> questions;
    std::size_t unparsed = 0;
    for (const fs::path& file : files) {
        const auto text = core::readWholeFile(file);
        if (!text) continue;
        for (const std::string& symbol : chartSymbols(*text)) {
            const auto chord = theory::ChordSymbol::parse(symbol);
            if (!chord) {
                ++unparsed;
                continue;
            }
            if (chord->noChord) continue;
            Question question{symbol, *chord, {}};
            for (const theory::Pitch& pitch : chord->spell()) question.midiNotes.push_back(pitch.midiNumber());
            questions.push_back(std::move(question));
        }
    }
    if (!notesFile.empty()) {
        std::ofstream out{notesFile};
        for (const Question& question : questions) writeNotes(out, question);
    }

    Tally tally;
    std::map<std::string, std::size_t> misses;
    std::vector<std::vector<theory::ChordCandidate>> answers(questions.size());
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < questions.size(); ++i)
        answers[i] = theory::nameChord(questions[i].midiNotes, std::nullopt, 3);
    const std::chrono::duration<double, std::micro> elapsed = std::chrono::steady_clock::now() - start;
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const theory::ChordSymbol& chart = questions[i].chord;
        const auto& named = answers[i];
        ++tally.asked;
        if (named.empty()) continue;
        const theory::ChordSymbol& best = named.front().symbol;
        if (best.bassPitchClass() == chart.bassPitchClass() && best.pitchClasses() == chart.pitchClasses())
            ++tally.sameSound;
        if (sameChord(best, chart)) {
            ++tally.sameRoot;
            if (best.toString(theory::ChordStyle::Pop) == chart.toString(theory::ChordStyle::Pop)) ++tally.sameSymbol;
        } else {
            ++misses[questions[i].symbol + " -> " + best.toString(theory::ChordStyle::Pop)];
        }
        if (std::any_of(named.begin(), named.end(),
                        [&](const auto& candidate) { return sameChord(candidate.symbol, chart); }))
            ++tally.inTopThree;
    }

    const auto percent = [&](std::size_t count) {
        return 100.0 * static_cast<double>(count) / static_cast<double>(tally.asked);
    };
    std::printf("jazz-standards: %zu charts, %zu chords named (%zu symbols did not parse)\n\n", files.size(),
                tally.asked, unparsed);
    std::printf("| namer | same notes and bass | same root too | same symbol | root in top 3 | µs per chord |\n");
    std::printf("|---|---|---|---|---|---|\n");
    std::printf("| MOS nameChord | %.2f%% | %.2f%% | %.2f%% | %.2f%% | %.3f |\n", percent(tally.sameSound),
                percent(tally.sameRoot), percent(tally.sameSymbol), percent(tally.inTopThree),
                elapsed.count() / static_cast<double>(tally.asked));

    std::vector<std::pair<std::size_t, std::string>> ranked;
    ranked.reserve(misses.size());
    for (const auto& [miss, count] : misses) ranked.emplace_back(count, miss);
    std::sort(ranked.rbegin(), ranked.rend());
    std::fprintf(stderr, "most frequent differences (chart -> MOS):\n");
    for (std::size_t i = 0; i < std::min<std::size_t>(ranked.size(), 15); ++i)
        std::fprintf(stderr, "  %s (%zu)\n", ranked[i].second.c_str(), ranked[i].first);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    return mos::eval::reportingErrors("mos_eval_chord_naming", [&] { return run(argc, argv); });
}
