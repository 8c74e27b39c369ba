// mos_eval_keys: key finding against the K: field of every tune of a folder of ABC tune books (by
// default ../shared/corpora/abc-nottingham). An evaluation, not a test: see bench/eval/README.md.
//
// The first table compares the global key of the textbook Krumhansl–Schmuckler finder and of
// MOS's finder (with each published key profile, and without some of its evidence) with the
// tune's first K: field, once from the music alone (the key signature ignored) and once with the
// signature as evidence. The second compares MOS's key regions, measure by measure, with the K:
// in force there (the tunes whose K: changes mid-tune test the modulations).

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mos/analysis/KeyFinder.hpp"
#include "mos/analysis/SoundingNotes.hpp"
#include "mos/core/JsonWriter.hpp"
#include "mos/formats/ScoreFile.hpp"
#include "mos/score/Timeline.hpp"

namespace {

namespace fs = std::filesystem;
using mos::analysis::KeyFinder;
using mos::analysis::KeyFinderOptions;
using mos::theory::Key;
using mos::theory::Mode;

// The signature weight of the "with signature" columns: more than all other evidence together,
// so the signature fixes the collection and the music chooses among the keys that share it.
constexpr double kSignatureWeight = 1.0;

struct Tune {
    std::string file;
    std::string title;
    mos::score::Score score;
    std::vector<mos::analysis::SoundingNote> notes;
    std::vector<Key> written;  // the K: in force at the start of each measure
    bool keyChanges = false;
};

bool sameKey(const Key& a, const Key& b) { return a.tonic.pitchClass() == b.tonic.pitchClass() && a.mode == b.mode; }

bool hasMinorThird(Mode mode) {
    return mode == Mode::Minor || mode == Mode::Aeolian || mode == Mode::Dorian || mode == Mode::Phrygian ||
           mode == Mode::Locrian;
}

// How a detected key relates to the written one.
enum class Outcome { Exact, Relative, Parallel, Fifth, Other };

Outcome compare(const Key& found, const Key& written) {
    const int foundTonic = found.tonic.pitchClass();
    const int writtenTonic = written.tonic.pitchClass();
    if (sameKey(found, written)) return Outcome::Exact;
    if (foundTonic == writtenTonic) return Outcome::Parallel;
    const bool sameSignature = (found.signature() - written.signature()) % 12 == 0;
    if (sameSignature && hasMinorThird(found.mode) != hasMinorThird(written.mode)) return Outcome::Relative;
    const int up = (foundTonic - writtenTonic + 12) % 12;
    if (found.mode == written.mode && (up == 7 || up == 5)) return Outcome::Fifth;
    return Outcome::Other;
}

struct Tally {
    int tunes = 0;
    int exact = 0;
    int tonic = 0;
    int signature = 0;  // the detected key has the written signature
    int relative = 0;
    int parallel = 0;
    int fifth = 0;
    int other = 0;

    void add(const Key& found, const Key& written) {
        ++tunes;
        tonic += found.tonic.pitchClass() == written.tonic.pitchClass() ? 1 : 0;
        signature += (found.signature() - written.signature()) % 12 == 0 ? 1 : 0;
        switch (compare(found, written)) {
            case Outcome::Exact:
                ++exact;
                break;
            case Outcome::Relative:
                ++relative;
                break;
            case Outcome::Parallel:
                ++parallel;
                break;
            case Outcome::Fifth:
                ++fifth;
                break;
            case Outcome::Other:
                ++other;
                break;
        }
    }
    double percent(int count) const { return tunes == 0 ? 0.0 : 100.0 * count / tunes; }
};

struct Method {
    std::string name;
    KeyFinderOptions options;
};

struct GlobalRow {
    std::string name;
    Tally notesOnly;
    Tally withSignature;
};

// Measures whose region key is the K: in force there.
struct MeasureTally {
    int measures = 0;
    int matching = 0;
    int regions = 0;
    int tunes = 0;

    double percent() const { return measures == 0 ? 0.0 : 100.0 * matching / measures; }
    double regionsPerTune() const { return tunes == 0 ? 0.0 : static_cast<double>(regions) / tunes; }
};

struct LocalRow {
    std::string name;
    MeasureTally all;
    MeasureTally changing;  // the tunes whose K: changes
};

std::vector<Tune> readTunes(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() == ".abc") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Tune> tunes;
    for (const fs::path& path : files) {
        auto read = mos::formats::readScoreFile(path);
        if (!read) {
            std::cerr << "mos_eval_keys: " << read.error().describe() << '\n';
            continue;
        }
        for (auto& score : read->imported.scores) {
            if (score.timeline.measures.empty()) continue;
            Tune tune{.file = path.filename().string(),
                      .title = score.metadata.title,
                      .score = std::move(score),
                      .notes = {},
                      .written = {},
                      .keyChanges = false};
            const auto& measures = tune.score.timeline.measures;
            for (std::uint32_t m = 0; m < measures.size(); ++m) {
                const mos::score::KeySignature signature = mos::score::keyAt(tune.score.timeline, {m, {}});
                tune.written.push_back(Key::fromSignature(signature.fifths, signature.mode));
                tune.keyChanges = tune.keyChanges || !sameKey(tune.written.back(), tune.written.front());
            }
            tune.notes = mos::analysis::soundingNotes(tune.score);
            tunes.push_back(std::move(tune));
        }
    }
    return tunes;
}

KeyFinderOptions withSignature(KeyFinderOptions options) {
    options.signatureWeight = kSignatureWeight;
    return options;
}

// The profile with nothing but the pitch classes' durations (the log-likelihood scoring).
KeyFinderOptions distributionOnly(mos::analysis::KeyProfileSet set) {
    KeyFinderOptions options;
    options.profiles = set;
    options.chordWeight = 0;
    options.finalNoteWeight = 0;
    options.firstBassWeight = 0;
    options.firstChordWeight = 0;
    return options;
}

std::vector<Method> standardMethods() {
    std::vector<Method> methods{{"Krumhansl-Schmuckler (textbook)", KeyFinderOptions::krumhanslSchmuckler()}};
    const KeyFinderOptions defaults;
    for (const auto set : mos::analysis::allKeyProfileSets()) {
        methods.push_back(
            {"pitch classes only, " + std::string{mos::analysis::keyProfile(set).name}, distributionOnly(set)});
    }
    for (const auto set : mos::analysis::allKeyProfileSets()) {
        KeyFinderOptions options;
        options.profiles = set;
        methods.push_back({"MOS, " + std::string{mos::analysis::keyProfile(set).name} +
                               (set == defaults.profiles ? " (default)" : ""),
                           options});
    }
    KeyFinderOptions correlation;
    correlation.scoring = mos::analysis::KeyScoring::Correlation;
    methods.push_back({"MOS default, correlation scoring", correlation});
    KeyFinderOptions noChords;
    noChords.chordWeight = 0;
    noChords.firstChordWeight = 0;
    methods.push_back({"MOS default, chord symbols ignored", noChords});
    KeyFinderOptions modal;
    modal.modes = {Mode::Major, Mode::Minor, Mode::Dorian, Mode::Mixolydian};
    methods.push_back({"MOS default + dorian, mixolydian", modal});
    return methods;
}

GlobalRow evaluateGlobal(const Method& method, const std::vector<Tune>& tunes, bool printMisses) {
    const KeyFinder notesOnly{method.options};
    const KeyFinder signed_{withSignature(method.options)};
    GlobalRow row{method.name, {}, {}};
    for (const Tune& tune : tunes) {
        const Key found = notesOnly.rankKeys(tune.score, tune.notes).front().key;
        row.notesOnly.add(found, tune.written.front());
        row.withSignature.add(signed_.rankKeys(tune.score, tune.notes).front().key, tune.written.front());
        if (printMisses && !sameKey(found, tune.written.front())) {
            std::cerr << tune.file << ": " << tune.title << ": written " << tune.written.front().toString()
                      << ", found " << found.toString() << '\n';
        }
    }
    return row;
}

void addRegions(MeasureTally& tally, const Tune& tune, const mos::analysis::KeyAnalysis& analysis) {
    ++tally.tunes;
    tally.regions += static_cast<int>(analysis.regions.size());
    for (const auto& region : analysis.regions) {
        // Every region ends where the next starts; the last one at the end of the last measure.
        const std::uint32_t last = &region == &analysis.regions.back() ? region.end.measure + 1 : region.end.measure;
        for (std::uint32_t m = region.start.measure; m < last && m < tune.written.size(); ++m) {
            ++tally.measures;
            tally.matching += sameKey(region.key, tune.written[m]) ? 1 : 0;
        }
    }
}

LocalRow evaluateLocal(const std::string& name, const KeyFinderOptions& options, const std::vector<Tune>& tunes) {
    const KeyFinder finder{options};
    LocalRow row{name, {}, {}};
    for (const Tune& tune : tunes) {
        const auto analysis = finder.analyze(tune.score, tune.notes);
        addRegions(row.all, tune, analysis);
        if (tune.keyChanges) addRegions(row.changing, tune, analysis);
    }
    return row;
}

void printTables(const std::vector<GlobalRow>& global, const std::vector<LocalRow>& local, std::size_t tunes) {
    std::printf("Global key of %zu tunes vs their K: field (tonic and mode)\n\n", tunes);
    std::printf("%-40s | %-52s | %-15s\n", "", "from the music (signature ignored)", "with signature");
    std::printf("%-40s | %6s %6s %6s %5s %5s %5s %5s | %6s %6s\n", "method", "exact%", "tonic%", "sig%", "rel", "par",
                "5th", "other", "exact%", "tonic%");
    std::printf("%s\n", std::string(115, '-').c_str());
    for (const GlobalRow& row : global) {
        const Tally& a = row.notesOnly;
        const Tally& b = row.withSignature;
        std::printf("%-40s | %6.1f %6.1f %6.1f %5d %5d %5d %5d | %6.1f %6.1f\n", row.name.c_str(), a.percent(a.exact),
                    a.percent(a.tonic), a.percent(a.signature), a.relative, a.parallel, a.fifth, a.other,
                    b.percent(b.exact), b.percent(b.tonic));
    }
    if (local.empty()) return;
    const int changing = local.front().changing.tunes;
    std::printf("\nKey regions, measure by measure, vs the K: in force (all tunes; the %d whose K: changes)\n\n",
                changing);
    std::printf("%-40s | %9s %13s | %9s %13s\n", "method", "measures%", "regions/tune", "measures%", "regions/tune");
    std::printf("%s\n", std::string(94, '-').c_str());
    for (const LocalRow& row : local) {
        std::printf("%-40s | %9.1f %13.2f | %9.1f %13.2f\n", row.name.c_str(), row.all.percent(),
                    row.all.regionsPerTune(), row.changing.percent(), row.changing.regionsPerTune());
    }
}

void writeTally(mos::core::JsonWriter& json, const Tally& tally) {
    json.beginObject();
    for (const auto& [name, value] : {std::pair{"tunes", tally.tunes},
                                      {"exact", tally.exact},
                                      {"tonic", tally.tonic},
                                      {"signature", tally.signature},
                                      {"relative", tally.relative},
                                      {"parallel", tally.parallel},
                                      {"fifth", tally.fifth},
                                      {"other", tally.other}}) {
        json.key(name);
        json.integer(value);
    }
    json.endObject();
}

void writeMeasures(mos::core::JsonWriter& json, const MeasureTally& tally) {
    json.beginObject();
    for (const auto& [name, value] : {std::pair{"tunes", tally.tunes},
                                      {"measures", tally.measures},
                                      {"matching", tally.matching},
                                      {"regions", tally.regions}}) {
        json.key(name);
        json.integer(value);
    }
    json.endObject();
}

void printJson(const std::vector<GlobalRow>& global, const std::vector<LocalRow>& local, std::size_t tunes) {
    mos::core::JsonWriter json{false};
    json.beginObject();
    json.key("tunes");
    json.unsignedInteger(tunes);
    json.key("global");
    json.beginArray();
    for (const GlobalRow& row : global) {
        json.beginObject();
        json.key("method");
        json.string(row.name);
        json.key("notes_only");
        writeTally(json, row.notesOnly);
        json.key("with_signature");
        writeTally(json, row.withSignature);
        json.endObject();
    }
    json.endArray();
    json.key("regions");
    json.beginArray();
    for (const LocalRow& row : local) {
        json.beginObject();
        json.key("method");
        json.string(row.name);
        json.key("all");
        writeMeasures(json, row.all);
        json.key("key_changes");
        writeMeasures(json, row.changing);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    std::cout << json.take() << '\n';
}

std::optional<double> number(std::string_view text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

int usage() {
    std::cerr << "usage: mos_eval_keys [--corpus DIR] [--json] [--misses]\n"
                 "                     [--profile NAME] [--scoring corr|ll] [--modes major,minor,dorian,...]\n"
                 "                     [--chords W] [--final-note W] [--first-bass W] [--first-chord W]\n"
                 "                     [--bass W] [--accent W] [--modulation-cost C]\n"
                 "Without finder options it prints the standard tables; with them, the finder so\n"
                 "configured beside the textbook baseline. --misses lists the last finder's misses.\n";
    return 2;
}

// Reads one finder option; false when `arg` is none or its value is bad.
bool readOption(std::string_view arg, std::string_view value, KeyFinderOptions& options) {
    auto weight = [&](double& target) {
        const auto parsed = number(value);
        if (parsed) target = *parsed;
        return parsed.has_value();
    };
    if (arg == "--profile") {
        const auto set = mos::analysis::keyProfileFromName(value);
        if (set) options.profiles = *set;
        return set.has_value();
    }
    if (arg == "--scoring") {
        if (value != "corr" && value != "ll") return false;
        options.scoring =
            value == "corr" ? mos::analysis::KeyScoring::Correlation : mos::analysis::KeyScoring::LogLikelihood;
        return true;
    }
    if (arg == "--modes") {
        options.modes.clear();
        for (std::string_view rest = value; !rest.empty();) {
            const std::size_t comma = rest.find(',');
            const auto mode = mos::theory::modeFromName(rest.substr(0, comma));
            if (!mode) return false;
            options.modes.push_back(*mode);
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
        return true;
    }
    if (arg == "--chords") return weight(options.chordWeight);
    if (arg == "--final-note") return weight(options.finalNoteWeight);
    if (arg == "--first-bass") return weight(options.firstBassWeight);
    if (arg == "--first-chord") return weight(options.firstChordWeight);
    if (arg == "--bass") return weight(options.windows.bassWeight);
    if (arg == "--accent") return weight(options.windows.accentWeight);
    if (arg == "--modulation-cost") return weight(options.modulationCost);
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path corpus = fs::path{MOS_SHARED_DIR} / "corpora" / "abc-nottingham";
    bool json = false;
    bool misses = false;
    bool custom = false;
    KeyFinderOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--json") {
            json = true;
        } else if (arg == "--misses") {
            misses = true;
        } else if (i + 1 < argc && arg == "--corpus") {
            corpus = argv[++i];
        } else if (i + 1 < argc && readOption(arg, argv[i + 1], options)) {
            custom = true;
            ++i;
        } else {
            return usage();
        }
    }

    const std::vector<Tune> tunes = readTunes(corpus);
    if (tunes.empty()) {
        std::cerr << "mos_eval_keys: no tunes in " << corpus << '\n';
        return 1;
    }
    const std::vector<Method> methods =
        custom ? std::vector<Method>{{"Krumhansl-Schmuckler (textbook)", KeyFinderOptions::krumhanslSchmuckler()},
                                     {"MOS, as configured", options}}
               : standardMethods();
    std::vector<GlobalRow> global;
    for (const Method& method : methods) {
        global.push_back(evaluateGlobal(method, tunes, misses && &method == &methods.back()));
    }
    const KeyFinderOptions regionOptions = custom ? options : KeyFinderOptions{};
    const std::string regionName = custom ? "MOS, as configured" : "MOS default";
    const std::vector<LocalRow> local{
        evaluateLocal(regionName, regionOptions, tunes),
        evaluateLocal(regionName + ", with signature", withSignature(regionOptions), tunes)};
    if (json) {
        printJson(global, local, tunes.size());
    } else {
        printTables(global, local, tunes.size());
    }
    return 0;
}
