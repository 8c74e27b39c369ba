// mos_eval_keys: key finding against keys people wrote. An evaluation, not a test: see
// bench/eval/README.md.
//
// Nottingham (../shared/corpora/abc-nottingham): the first table compares the global key of the
// textbook Krumhansl–Schmuckler finder and of MOS's finder (with each published key profile, and
// without some of its evidence) with each tune's first K: field, once from the music alone (the
// key signature ignored) and once with the signature as evidence; the second compares MOS's key
// regions, measure by measure, with the K: in force there (the tunes whose K: changes mid-tune
// test the modulations).
//
// When in Rome (../shared/corpora/romantext, the scores that come with an analysis): the global
// key against the analysis's first key, and the regions against the analysis's key at each
// downbeat, per sub-corpus.

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "EvalMain.hpp"
#include "RomanTextKeys.hpp"
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
            std::string title = score.metadata.title;
            Tune tune{.file = path.filename().string(),
                      .title = std::move(title),
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

// A profile with nothing but the pitch classes' durations (the log-likelihood scoring).
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
        methods.push_back({"profile only, " + std::string{mos::analysis::keyProfile(set).name}, distributionOnly(set)});
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
    const KeyFinder signatureFinder{withSignature(method.options)};
    GlobalRow row{method.name, {}, {}};
    for (const Tune& tune : tunes) {
        const Key found = notesOnly.rankKeys(tune.score, tune.notes).front().key;
        row.notesOnly.add(found, tune.written.front());
        row.withSignature.add(signatureFinder.rankKeys(tune.score, tune.notes).front().key, tune.written.front());
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

// A score of the When-in-Rome corpus with the keys of its analysis.
struct AnalysedScore {
    std::string group;  // the sub-corpus: "Quartets", "Textbooks" …
    mos::score::Score score;
    std::vector<mos::analysis::SoundingNote> notes;
    std::vector<mos::eval::AnalysisKey> keys;
};

std::vector<AnalysedScore> readWhenInRome(const fs::path& folder) {
    std::vector<fs::path> scores;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.path().filename() == "score.mxl") scores.push_back(entry.path());
    }
    std::sort(scores.begin(), scores.end());
    std::vector<AnalysedScore> analysed;
    for (const fs::path& path : scores) {
        const fs::path dir = path.parent_path();
        const fs::path text = fs::exists(dir / "analysis.txt") ? dir / "analysis.txt" : dir / "analysis.rntxt";
        std::ifstream in{text};
        if (!in) continue;
        std::stringstream contents;
        contents << in.rdbuf();
        auto keys = mos::eval::romanTextKeys(contents.str());
        auto read = mos::formats::readScoreFile(path);
        if (keys.empty() || !read || read->imported.scores.empty()) continue;
        AnalysedScore score{.group = fs::relative(path, folder).begin()->string(),
                            .score = std::move(read->imported.scores.front()),
                            .notes = {},
                            .keys = std::move(keys)};
        score.notes = mos::analysis::soundingNotes(score.score);
        analysed.push_back(std::move(score));
    }
    return analysed;
}

struct GroupTally {
    int scores = 0;
    int exact = 0;     // global key == the analysis's first key
    int measures = 0;  // measures whose downbeat has a key in the analysis
    int matching = 0;  // … and whose region key is it

    void add(const GroupTally& other) {
        scores += other.scores;
        exact += other.exact;
        measures += other.measures;
        matching += other.matching;
    }
};

std::map<std::string, GroupTally> evaluateWhenInRome(const KeyFinderOptions& options,
                                                     const std::vector<AnalysedScore>& corpus) {
    const KeyFinder finder{options};
    std::map<std::string, GroupTally> groups;
    for (const AnalysedScore& item : corpus) {
        const auto analysis = finder.analyze(item.score, item.notes);
        GroupTally& tally = groups[item.group];
        ++tally.scores;
        tally.exact += sameKey(analysis.global.key, item.keys.front().key) ? 1 : 0;
        const auto& measures = item.score.timeline.measures;
        std::size_t region = 0;
        for (std::uint32_t m = 0; m < measures.size(); ++m) {
            int number = 0;
            const std::string& label = measures[m].number;
            if (std::from_chars(label.data(), label.data() + label.size(), number).ec != std::errc{}) continue;
            const auto written = mos::eval::keyAtDownbeat(item.keys, number);
            if (!written) continue;
            while (region + 1 < analysis.regions.size() && analysis.regions[region + 1].start.measure <= m) ++region;
            ++tally.measures;
            tally.matching += sameKey(analysis.regions[region].key, *written) ? 1 : 0;
        }
    }
    return groups;
}

double percent(int part, int whole) { return whole == 0 ? 0.0 : 100.0 * part / whole; }

void printWhenInRome(const std::vector<std::pair<std::string, std::map<std::string, GroupTally>>>& rows) {
    if (rows.empty()) return;
    std::printf("\nWhen in Rome: global key vs the analysis's first key; regions vs its key at each downbeat\n\n");
    std::printf("%-34s %-24s | %6s %8s | %9s %8s\n", "method", "sub-corpus", "scores", "global%", "measures",
                "regions%");
    std::printf("%s\n", std::string(98, '-').c_str());
    for (const auto& [name, groups] : rows) {
        GroupTally all;
        for (const auto& [group, tally] : groups) {
            std::printf("%-34s %-24s | %6d %8.1f | %9d %8.1f\n", name.c_str(), group.c_str(), tally.scores,
                        percent(tally.exact, tally.scores), tally.measures, percent(tally.matching, tally.measures));
            all.add(tally);
        }
        std::printf("%-34s %-24s | %6d %8.1f | %9d %8.1f\n", name.c_str(), "all", all.scores,
                    percent(all.exact, all.scores), all.measures, percent(all.matching, all.measures));
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

using WhenInRomeRows = std::vector<std::pair<std::string, std::map<std::string, GroupTally>>>;

void printJson(const std::vector<GlobalRow>& global, const std::vector<LocalRow>& local, std::size_t tunes,
               const WhenInRomeRows& whenInRome) {
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
    json.key("when_in_rome");
    json.beginArray();
    for (const auto& [name, groups] : whenInRome) {
        for (const auto& [group, tally] : groups) {
            json.beginObject();
            json.key("method");
            json.string(name);
            json.key("group");
            json.string(group);
            for (const auto& [key, value] : {std::pair{"scores", tally.scores},
                                             {"exact", tally.exact},
                                             {"measures", tally.measures},
                                             {"matching", tally.matching}}) {
                json.key(key);
                json.integer(value);
            }
            json.endObject();
        }
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
    std::cerr << "usage: mos_eval_keys [--corpus DIR] [--half odd|even] [--romantext DIR] [--json] [--misses]\n"
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

// The whole evaluation; main() only turns an escaping exception (file system, allocation) into a message.
int run(int argc, char** argv) {
    fs::path corpus = fs::path{MOS_SHARED_DIR} / "corpora" / "abc-nottingham";
    fs::path romantext = fs::path{MOS_SHARED_DIR} / "corpora" / "romantext";
    bool json = false;
    bool misses = false;
    bool custom = false;
    std::optional<int> half;  // keep only the tunes whose 1-based number is odd (1) or even (0)
    KeyFinderOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--json") {
            json = true;
        } else if (arg == "--misses") {
            misses = true;
        } else if (i + 1 < argc && arg == "--corpus") {
            corpus = argv[++i];
        } else if (i + 1 < argc && arg == "--half" &&
                   (std::string_view{argv[i + 1]} == "odd" || std::string_view{argv[i + 1]} == "even")) {
            half = std::string_view{argv[++i]} == "odd" ? 1 : 0;
        } else if (i + 1 < argc && arg == "--romantext") {
            romantext = argv[++i];
        } else if (i + 1 < argc && readOption(arg, argv[i + 1], options)) {
            custom = true;
            ++i;
        } else {
            return usage();
        }
    }

    std::vector<Tune> tunes = readTunes(corpus);
    if (half) {
        std::vector<Tune> kept;
        kept.reserve(tunes.size() / 2 + 1);
        for (std::size_t t = 0; t < tunes.size(); ++t) {
            if (static_cast<int>((t + 1) % 2) == *half) kept.push_back(std::move(tunes[t]));
        }
        tunes = std::move(kept);
    }
    if (tunes.empty()) {
        std::cerr << "mos_eval_keys: no tunes in " << corpus << '\n';
        return 1;
    }
    const std::vector<Method> methods =
        custom ? std::vector<Method>{{"Krumhansl-Schmuckler (textbook)", KeyFinderOptions::krumhanslSchmuckler()},
                                     {"MOS, as configured", options}}
               : standardMethods();
    std::vector<GlobalRow> global;
    global.reserve(methods.size());
    for (const Method& method : methods) {
        global.push_back(evaluateGlobal(method, tunes, misses && &method == &methods.back()));
    }
    const KeyFinderOptions regionOptions = custom ? options : KeyFinderOptions{};
    const std::string regionName = custom ? "MOS, as configured" : "MOS default";
    const std::vector<LocalRow> local{
        evaluateLocal(regionName, regionOptions, tunes),
        evaluateLocal(regionName + ", with signature", withSignature(regionOptions), tunes)};
    WhenInRomeRows whenInRome;
    if (fs::exists(romantext)) {
        const std::vector<AnalysedScore> analysed = readWhenInRome(romantext);
        whenInRome.emplace_back("Krumhansl-Schmuckler (textbook)",
                                evaluateWhenInRome(KeyFinderOptions::krumhanslSchmuckler(), analysed));
        whenInRome.emplace_back(regionName, evaluateWhenInRome(regionOptions, analysed));
    }
    if (json) {
        printJson(global, local, tunes.size(), whenInRome);
    } else {
        printTables(global, local, tunes.size());
        printWhenInRome(whenInRome);
    }
    return 0;
}
}  // namespace

int main(int argc, char** argv) {
    return mos::eval::reportingErrors("mos_eval_keys", [&] { return run(argc, argv); });
}
