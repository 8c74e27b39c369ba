// readUmf: simdjson parses the text into its DOM (the fastest way this machine has to read a large
// score, see bench/score/UmfJsonBench.cpp), and one pass over the DOM fills the Score and checks it
// against the schema. Top-level sections are read in dependency order (timeline, parts, then the
// layers that point into them), so every reference is checked where it is read, with its path.

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <simdjson.h>

#include "CanonicalJson.hpp"
#include "UmfNames.hpp"
#include "UmfText.hpp"
#include "mos/core/JsonLocator.hpp"
#include "mos/core/JsonWriter.hpp"
#include "mos/score/UmfJson.hpp"

namespace mos::score {

namespace {

using core::JsonPathStep;
using simdjson::dom::element;
using umf::Sign;

constexpr std::size_t kNoNote = std::numeric_limits<std::size_t>::max();
constexpr std::uint8_t kNoElement = 0;
constexpr std::uint8_t kEvent = 1;
constexpr std::uint8_t kNote = 2;
constexpr std::int64_t kMaxElementId = std::numeric_limits<ElementId>::max() - 1;

// A document error on its way out of the reader; readUmf turns it into a core::Error with the path
// and the place. (An exception keeps the reading code straight; it never leaves this file.)
struct ReadFailure {
    core::ErrorCode code;
    std::string message;
    std::vector<JsonPathStep> path;  // of the value at fault
};

// The member names of one JSON object type, and which of them must be present. Names are looked
// up by a compile-time index, so `case kFields["duration"]:` fails to compile for a misspelt name.
template <std::size_t N>
struct Fields {
    std::array<std::string_view, N> names;
    std::uint64_t required = 0;

    constexpr std::size_t operator[](std::string_view name) const {
        for (std::size_t i = 0; i < N; ++i) {
            if (names[i] == name) return i;
        }
        std::abort();  // not a constant expression: a misspelt name is a compile error
    }
};

// Name comparison for the member loop: the length and first letter rule out almost every other
// name before memcmp is called.
inline bool sameName(std::string_view known, std::string_view key) noexcept {
    return known.size() == key.size() && known.front() == key.front() && known == key;
}

template <std::size_t N>
constexpr Fields<N> fields(std::array<std::string_view, N> names, std::initializer_list<std::string_view> required) {
    static_assert(N <= 64);
    Fields<N> result{names, 0};
    for (const std::string_view name : required) result.required |= std::uint64_t{1} << result[name];
    return result;
}

using Names = std::string_view;

constexpr auto kRootFields = fields(std::to_array<Names>({"umf", "metadata", "timeline", "parts", "layers", "learning",
                                                          "audio", "extensions", "nextId"}),
                                    {"umf"});
constexpr auto kMetadataFields = fields(std::to_array<Names>({"title", "subtitle", "composer", "lyricist", "arranger",
                                                              "copyright", "source", "genre", "tags"}),
                                        {});
constexpr auto kTimelineFields = fields(std::to_array<Names>({"measures", "endings"}), {});
constexpr auto kMeasureFields =
    fields(std::to_array<Names>({"number", "duration", "pickup", "time", "timeSymbol", "keys", "tempos", "repeatStart",
                                 "repeatEnd", "navigation", "barline"}),
           {"duration"});
constexpr auto kKeyChangeFields = fields(std::to_array<Names>({"offset", "fifths", "mode", "accidentals"}), {"fifths"});
constexpr auto kTempoFields =
    fields(std::to_array<Names>({"offset", "beatUnit", "beatsPerMinute", "text", "rampToNext"}), {"beatsPerMinute"});
constexpr auto kNavigationFields = fields(std::to_array<Names>({"kind", "offset", "text"}), {"kind"});
constexpr auto kEndingFields = fields(std::to_array<Names>({"firstMeasure", "lastMeasure", "numbers", "text", "open"}),
                                      {"firstMeasure", "lastMeasure", "numbers"});
constexpr auto kPartFields = fields(std::to_array<Names>({"id", "name", "abbreviation", "instrument", "transposition",
                                                          "tuning", "capo", "staves", "events", "dynamics"}),
                                    {"id"});
constexpr auto kInstrumentFields = fields(std::to_array<Names>({"name", "gmProgram", "percussion", "midiChannel"}), {});
constexpr auto kTranspositionFields = fields(std::to_array<Names>({"diatonic", "chromatic", "octaveChange"}), {});
constexpr auto kEventFields =
    fields(std::to_array<Names>({"id", "measure", "offset", "duration", "voice", "staff", "notes", "tuplets", "grace",
                                 "cue", "measureRest", "invisible", "articulations"}),
           {"measure", "duration"});
constexpr auto kNoteFields = fields(
    std::to_array<Names>({"id", "pitch", "percussionKey", "tieStart", "tieStop", "velocity", "performed"}), {"pitch"});
constexpr auto kPerformedFields = fields(std::to_array<Names>({"onset", "duration"}), {"onset", "duration"});
constexpr auto kTupletFields =
    fields(std::to_array<Names>({"actual", "normal", "start", "stop"}), {"actual", "normal"});
constexpr auto kGraceFields = fields(std::to_array<Names>({"slash", "value"}), {});
constexpr auto kDynamicFields = fields(std::to_array<Names>({"at", "staff", "mark", "velocity"}), {"at", "mark"});
constexpr auto kPositionFields = fields(std::to_array<Names>({"measure", "offset"}), {"measure"});
constexpr auto kLayersFields = fields(std::to_array<Names>({"form", "chords", "analysis", "tablature", "diagrams",
                                                            "fingering", "notation", "lyrics", "markers"}),
                                      {});
constexpr auto kSectionFields =
    fields(std::to_array<Names>({"label", "firstMeasure", "lastMeasure"}), {"label", "firstMeasure", "lastMeasure"});
constexpr auto kChordFields = fields(
    std::to_array<Names>({"at", "partId", "text", "root", "kind", "bass", "degrees", "alternate", "noChord"}), {"at"});
constexpr auto kDegreeFields = fields(std::to_array<Names>({"value", "alter", "type"}), {"value"});
constexpr auto kAnalysisFields = fields(std::to_array<Names>({"keys", "numerals", "cadences"}), {});
constexpr auto kKeyRegionFields = fields(std::to_array<Names>({"at", "tonic", "mode"}), {"at", "tonic"});
constexpr auto kNumeralFields = fields(std::to_array<Names>({"at", "numeral", "key"}), {"at", "numeral"});
constexpr auto kCadenceFields = fields(std::to_array<Names>({"at", "kind"}), {"at", "kind"});
constexpr auto kTabNoteFields =
    fields(std::to_array<Names>({"note", "string", "fret", "bend", "slide", "harmonic", "hammerOn", "pullOff",
                                 "vibrato", "palmMute", "deadNote", "ghost", "letRing", "tapping"}),
           {"note", "string", "fret"});
constexpr auto kBendFields = fields(std::to_array<Names>({"position", "cents"}), {"position", "cents"});
constexpr auto kDiagramFields =
    fields(std::to_array<Names>({"at", "partId", "name", "baseFret", "frets", "fingers"}), {"at"});
constexpr auto kFingeringFields = fields(std::to_array<Names>({"note", "finger"}), {"note", "finger"});
constexpr auto kNotationFields =
    fields(std::to_array<Names>({"clefs", "beams", "stems", "slurs", "hairpins", "texts"}), {});
constexpr auto kClefFields =
    fields(std::to_array<Names>({"partId", "staff", "at", "sign", "line", "octaveChange"}), {"at", "sign"});
constexpr auto kBeamFields = fields(std::to_array<Names>({"partId", "events"}), {"events"});
constexpr auto kStemFields = fields(std::to_array<Names>({"event", "direction"}), {"event", "direction"});
constexpr auto kSlurFields = fields(std::to_array<Names>({"partId", "from", "to"}), {"from", "to"});
constexpr auto kHairpinFields =
    fields(std::to_array<Names>({"partId", "staff", "from", "to", "crescendo"}), {"from", "to"});
constexpr auto kTextFields = fields(std::to_array<Names>({"partId", "staff", "at", "text", "above"}), {"at", "text"});
constexpr auto kLyricFields =
    fields(std::to_array<Names>({"event", "verse", "text", "syllabic", "extend"}), {"event", "text"});
constexpr auto kMarkerFields = fields(std::to_array<Names>({"at", "kind", "label"}), {"at"});
constexpr auto kLearningFields = fields(std::to_array<Names>({"pointsOfInterest", "annotations"}), {});
constexpr auto kPointOfInterestFields = fields(
    std::to_array<Names>({"firstMeasure", "lastMeasure", "title", "description"}), {"firstMeasure", "lastMeasure"});
constexpr auto kAnnotationFields = fields(std::to_array<Names>({"at", "partId", "text", "author"}), {"at", "text"});
constexpr auto kAudioFields =
    fields(std::to_array<Names>({"uri", "mediaType", "description", "offsetSeconds"}), {"uri"});

// Where an id was defined: parts[part].events[event], or .notes[note] of it.
struct IdDefinition {
    ElementId id;
    std::size_t part;
    std::size_t event;
    std::size_t note;  // kNoNote for an event's own id

    bool isNote() const noexcept { return note != kNoNote; }
};

class UmfReader {
public:
    Score read(element root);

private:
    // The JSON path of the value being read. UMF nests at most 8 deep
    // (parts[i].events[j].notes[k].performed.onset), so a fixed array does, and a push is a store.
    class Path {
    public:
        void push(JsonPathStep step) noexcept {
            assert(size_ < steps_.size());
            steps_[size_++] = step;
        }
        void pop() noexcept { --size_; }
        void assign(std::initializer_list<JsonPathStep> steps) noexcept {
            size_ = 0;
            for (const JsonPathStep& step : steps) push(step);
        }
        std::vector<JsonPathStep> steps() const {
            return {steps_.begin(), steps_.begin() + static_cast<std::ptrdiff_t>(size_)};
        }

    private:
        std::array<JsonPathStep, 12> steps_{};
        std::size_t size_ = 0;
    };

    // Pushes one path step for the lifetime of a scope.
    class Step {
    public:
        Step(Path& path, JsonPathStep step) noexcept : path_{path} { path_.push(step); }
        ~Step() { path_.pop(); }
        Step(const Step&) = delete;
        Step& operator=(const Step&) = delete;

    private:
        Path& path_;
    };

    [[noreturn]] void fail(std::string message, core::ErrorCode code = core::ErrorCode::ParseError) const {
        throw ReadFailure{code, std::move(message), path_.steps()};
    }

    // Calls onField(index, value) for each member `fields` knows (others are skipped: a later minor
    // version may add them); a member given twice or a required one missing is an error.
    template <std::size_t N, typename OnField>
    void members(element value, const Fields<N>& known, OnField&& onField) {
        simdjson::dom::object object;
        if (value.get_object().get(object) != simdjson::SUCCESS) fail("must be an object");
        std::uint64_t seen = 0;
        for (const auto field : object) {
            std::size_t index = 0;
            while (index < N && !sameName(known.names[index], field.key)) ++index;
            if (index == N) continue;
            const Step step{path_, {known.names[index]}};
            const std::uint64_t bit = std::uint64_t{1} << index;
            if ((seen & bit) != 0) fail("appears twice in its object");
            seen |= bit;
            onField(index, field.value);
        }
        if (const std::uint64_t missing = known.required & ~seen; missing != 0) {
            for (std::size_t i = 0; i < N; ++i) {
                if ((missing & (std::uint64_t{1} << i)) != 0) fail("missing \"" + std::string{known.names[i]} + '"');
            }
        }
    }

    // Calls readItem(value, item) for each array element, appended to `out`.
    template <typename T, typename ReadItem>
    void list(element value, std::vector<T>& out, ReadItem&& readItem) {
        simdjson::dom::array array;
        if (value.get_array().get(array) != simdjson::SUCCESS) fail("must be an array");
        out.reserve(array.size());
        std::size_t index = 0;
        for (const element item : array) {
            const Step step{path_, {{}, index++, true}};
            readItem(item, out.emplace_back());
        }
    }

    std::string_view text(element value) const {
        std::string_view result;
        if (value.get_string().get(result) != simdjson::SUCCESS) fail("must be a string");
        return result;
    }

    bool boolean(element value) const {
        bool result = false;
        if (value.get_bool().get(result) != simdjson::SUCCESS) fail("must be true or false");
        return result;
    }

    template <typename Int>
    // NOLINTNEXTLINE(bugprone-signed-char-misuse): int8_t holds numbers here, not characters
    Int integer(element value, std::int64_t min = std::numeric_limits<Int>::min(),
                std::int64_t max = static_cast<std::int64_t>(std::numeric_limits<Int>::max())) const {
        std::int64_t result = 0;
        if (value.get_int64().get(result) != simdjson::SUCCESS || result < min || result > max) {
            fail("must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
        }
        return static_cast<Int>(result);
    }

    core::Rational rational(element value, Sign sign) const {
        const std::string_view written = text(value);
        if (const auto parsed = umf::parseRational(written, sign)) return *parsed;
        const char* what = sign == Sign::Positive      ? "a positive rational"
                           : sign == Sign::NonNegative ? "a non-negative rational"
                                                       : "a rational";
        fail('"' + std::string{written} + R"(" is not )" + what + R"( ("3/8", "2"))");
    }

    Pitch pitch(element value) const {
        const std::string_view written = text(value);
        if (const auto parsed = umf::parsePitch(written)) return *parsed;
        fail('"' + std::string{written} + R"(" is not a pitch ("C4", "F#3", "Bb5", "E4+50c"))");
    }

    PitchName pitchName(element value) const {
        const std::string_view written = text(value);
        if (const auto parsed = umf::parsePitchName(written)) return *parsed;
        fail('"' + std::string{written} + R"(" is not a pitch name ("C", "F#", "Bb"))");
    }

    template <typename Enum>
    Enum name(element value) const {
        const std::string_view written = text(value);
        if (const auto parsed = umf::enumFromName<Enum>(written)) return *parsed;
        std::string message = '"' + std::string{written} + "\" is not one of";
        for (const std::string_view known : umf::EnumNames<Enum>::kNames) {
            message += " \"";
            message += known;
            message += '"';
        }
        fail(std::move(message));
    }

    std::uint32_t measureIndex(element value) const {
        const auto index = integer<std::uint32_t>(value);
        if (index >= measureCount_) {
            fail("measure " + std::to_string(index) + " does not exist (the timeline has " +
                 std::to_string(measureCount_) + " measures)");
        }
        return index;
    }

    void measureRange(std::uint32_t first, std::uint32_t last) const {
        if (first > last)
            fail("ends (measure " + std::to_string(last) + ") before it starts (" + std::to_string(first) + ')');
    }

    ScorePosition position(element value) {
        ScorePosition at;
        members(value, kPositionFields, [&](std::size_t field, element member) {
            switch (field) {
                case kPositionFields["measure"]:
                    at.measure = measureIndex(member);
                    break;
                default:
                    at.offset = rational(member, Sign::NonNegative);
                    break;
            }
        });
        return at;
    }

    ElementId elementId(element value) const { return integer<ElementId>(value, 1, kMaxElementId); }

    std::string partReference(element value) const {
        std::string id{text(value)};
        if (!id.empty() && !std::binary_search(partIds_.begin(), partIds_.end(), id)) {
            fail("no part has the id \"" + id + '"');
        }
        return id;
    }

    ElementId reference(element value, bool toNote) const {
        const ElementId id = elementId(value);
        bool found = false;
        if (!kindById_.empty()) {
            found = id < kindById_.size() && kindById_[id] == (toNote ? kNote : kEvent);
        } else {
            const auto at = std::lower_bound(ids_.begin(), ids_.end(), id,
                                             [](const IdDefinition& entry, ElementId key) { return entry.id < key; });
            found = at != ids_.end() && at->id == id && at->isNote() == toNote;
        }
        if (!found) fail(std::string{"no "} + (toNote ? "note" : "event") + " has the id " + std::to_string(id));
        return id;
    }

    void metadata(element value, Metadata& out);
    void timeline(element value, Timeline& out);
    void measure(element value, Measure& out);
    void part(element value, Part& out, std::size_t partIndex);
    void event(element value, Event& out, std::size_t partIndex, std::size_t eventIndex);
    void note(element value, Note& out);
    void dynamic(element value, DynamicMark& out);
    void checkIds(const std::vector<Part>& parts);
    void layers(element value, Layers& out);
    void chord(element value, ChordSymbol& out);
    void analysis(element value, AnalysisLayer& out);
    void tabNote(element value, TabNote& out);
    void diagram(element value, ChordDiagram& out);
    void notation(element value, NotationLayer& out);
    void learning(element value, Learning& out);
    void audio(element value, AudioReference& out);
    void extensions(element value, std::map<std::string, std::string>& out);

    Path path_;
    std::size_t measureCount_ = 0;
    std::vector<IdDefinition> ids_;       // in document order; sorted by id after the parts unless kindById_ is used
    std::vector<std::uint8_t> kindById_;  // for dense ids (the usual 1…n): kNoElement, kEvent or kNote
    ElementId largestId_ = 0;
    std::vector<std::string> partIds_;  // sorted
};

Score UmfReader::read(element root) {
    std::array<std::optional<element>, kRootFields.names.size()> sections{};
    members(root, kRootFields, [&](std::size_t field, element value) { sections[field] = value; });
    const auto section = [&](std::string_view name) { return sections[kRootFields[name]]; };
    const auto enter = [&](std::string_view name) { return JsonPathStep{kRootFields.names[kRootFields[name]]}; };

    {
        const Step step{path_, enter("umf")};
        const std::string_view version = text(*section("umf"));
        const auto dot = version.find('.');
        const auto major = umf::parseRational(version.substr(0, dot), Sign::NonNegative);
        const auto minor = dot == std::string_view::npos
                               ? std::nullopt
                               : umf::parseRational(version.substr(dot + 1), Sign::NonNegative);
        if (!major || !minor || !major->isInteger() || !minor->isInteger()) {
            fail('"' + std::string{version} + R"(" is not a UMF version ("1.0"))");
        }
        if (*major != core::Rational{1}) {
            fail("UMF " + std::string{version} + " is not supported: this build reads UMF 1.x",
                 core::ErrorCode::Unsupported);
        }
    }

    Score score;
    if (const auto value = section("metadata")) {
        const Step step{path_, enter("metadata")};
        metadata(*value, score.metadata);
    }
    if (const auto value = section("timeline")) {
        const Step step{path_, enter("timeline")};
        timeline(*value, score.timeline);
    }
    if (const auto value = section("parts")) {
        const Step step{path_, enter("parts")};
        std::size_t partIndex = 0;
        list(*value, score.parts, [&](element item, Part& out) { part(item, out, partIndex++); });
    }
    checkIds(score.parts);
    if (const auto value = section("layers")) {
        const Step step{path_, enter("layers")};
        layers(*value, score.layers);
    }
    if (const auto value = section("learning")) {
        const Step step{path_, enter("learning")};
        learning(*value, score.learning);
    }
    if (const auto value = section("audio")) {
        const Step step{path_, enter("audio")};
        list(*value, score.audio, [&](element item, AudioReference& out) { audio(item, out); });
    }
    if (const auto value = section("extensions")) {
        const Step step{path_, enter("extensions")};
        extensions(*value, score.extensions);
    }
    const ElementId largestId = largestId_;
    score.nextId = largestId + 1;
    if (const auto value = section("nextId")) {
        const Step step{path_, enter("nextId")};
        score.nextId = integer<ElementId>(value.value(), 1);
        if (score.nextId <= largestId) {
            fail("must be greater than every id in the document (the largest is " + std::to_string(largestId) + ')');
        }
    }
    return score;
}

void UmfReader::metadata(element value, Metadata& out) {
    members(value, kMetadataFields, [&](std::size_t field, element member) {
        switch (field) {
            case kMetadataFields["title"]:
                out.title = text(member);
                break;
            case kMetadataFields["subtitle"]:
                out.subtitle = text(member);
                break;
            case kMetadataFields["composer"]:
                out.composer = text(member);
                break;
            case kMetadataFields["lyricist"]:
                out.lyricist = text(member);
                break;
            case kMetadataFields["arranger"]:
                out.arranger = text(member);
                break;
            case kMetadataFields["copyright"]:
                out.copyright = text(member);
                break;
            case kMetadataFields["source"]:
                out.source = text(member);
                break;
            case kMetadataFields["genre"]:
                out.genre = text(member);
                break;
            default:
                list(member, out.tags, [&](element item, std::string& tag) { tag = text(item); });
                break;
        }
    });
}

void UmfReader::timeline(element value, Timeline& out) {
    // The endings point at measures, so the measures are read first whatever the member order.
    std::optional<element> endings;
    members(value, kTimelineFields, [&](std::size_t field, element member) {
        if (field == kTimelineFields["endings"]) {
            endings = member;
            return;
        }
        list(member, out.measures, [&](element item, Measure& measureOut) { measure(item, measureOut); });
    });
    measureCount_ = out.measures.size();
    if (!endings) return;
    const Step step{path_, {kTimelineFields.names[kTimelineFields["endings"]]}};
    list(*endings, out.endings, [&](element item, Ending& ending) {
        members(item, kEndingFields, [&](std::size_t field, element member) {
            switch (field) {
                case kEndingFields["firstMeasure"]:
                    ending.firstMeasure = measureIndex(member);
                    break;
                case kEndingFields["lastMeasure"]:
                    ending.lastMeasure = measureIndex(member);
                    break;
                case kEndingFields["numbers"]:
                    list(member, ending.numbers,
                         [&](element number, std::uint8_t& pass) { pass = integer<std::uint8_t>(number, 1); });
                    break;
                case kEndingFields["text"]:
                    ending.text = text(member);
                    break;
                default:
                    ending.open = boolean(member);
                    break;
            }
        });
        measureRange(ending.firstMeasure, ending.lastMeasure);
    });
}

void UmfReader::measure(element value, Measure& out) {
    std::optional<TimeSignature::Symbol> symbol;
    members(value, kMeasureFields, [&](std::size_t field, element member) {
        switch (field) {
            case kMeasureFields["number"]:
                out.number = text(member);
                break;
            case kMeasureFields["duration"]:
                out.duration = rational(member, Sign::NonNegative);
                break;
            case kMeasureFields["pickup"]:
                out.pickup = boolean(member);
                break;
            case kMeasureFields["time"]: {
                const std::string_view written = text(member);
                out.time = umf::parseMeter(written);
                if (!out.time) fail('"' + std::string{written} + R"(" is not a time signature ("3/4", "6/8"))");
                break;
            }
            case kMeasureFields["timeSymbol"]:
                symbol = name<TimeSignature::Symbol>(member);
                break;
            case kMeasureFields["keys"]:
                list(member, out.keys, [&](element item, KeyChange& change) {
                    members(item, kKeyChangeFields, [&](std::size_t keyField, element keyMember) {
                        switch (keyField) {
                            case kKeyChangeFields["offset"]:
                                change.offset = rational(keyMember, Sign::NonNegative);
                                break;
                            case kKeyChangeFields["fifths"]:
                                change.key.fifths = integer<std::int8_t>(keyMember);
                                break;
                            case kKeyChangeFields["mode"]:
                                change.key.mode = name<Mode>(keyMember);
                                break;
                            default:
                                list(keyMember, change.key.accidentals,
                                     [&](element accidental, KeyAccidental& written) {
                                         const PitchName parsed = pitchName(accidental);
                                         written = {parsed.step, parsed.alter};
                                     });
                                break;
                        }
                    });
                });
                break;
            case kMeasureFields["tempos"]:
                list(member, out.tempos, [&](element item, TempoMark& tempo) {
                    members(item, kTempoFields, [&](std::size_t tempoField, element tempoMember) {
                        switch (tempoField) {
                            case kTempoFields["offset"]:
                                tempo.offset = rational(tempoMember, Sign::NonNegative);
                                break;
                            case kTempoFields["beatUnit"]:
                                tempo.beatUnit = rational(tempoMember, Sign::Positive);
                                break;
                            case kTempoFields["beatsPerMinute"]:
                                tempo.beatsPerMinute = rational(tempoMember, Sign::Positive);
                                break;
                            case kTempoFields["text"]:
                                tempo.text = text(tempoMember);
                                break;
                            default:
                                tempo.rampToNext = boolean(tempoMember);
                                break;
                        }
                    });
                });
                break;
            case kMeasureFields["repeatStart"]:
                out.repeatStart = boolean(member);
                break;
            case kMeasureFields["repeatEnd"]:
                out.repeatEnd = integer<std::uint8_t>(member);
                break;
            case kMeasureFields["navigation"]:
                list(member, out.navigation, [&](element item, Navigation& mark) {
                    members(item, kNavigationFields, [&](std::size_t markField, element markMember) {
                        switch (markField) {
                            case kNavigationFields["kind"]:
                                mark.kind = name<NavigationKind>(markMember);
                                break;
                            case kNavigationFields["offset"]:
                                mark.offset = rational(markMember, Sign::NonNegative);
                                break;
                            default:
                                mark.text = text(markMember);
                                break;
                        }
                    });
                });
                break;
            default:
                out.barline = text(member);
                break;
        }
    });
    if (symbol) {
        if (!out.time) fail(R"("timeSymbol" needs a "time")");
        out.time->symbol = *symbol;
    }
}

void UmfReader::part(element value, Part& out, std::size_t partIndex) {
    members(value, kPartFields, [&](std::size_t field, element member) {
        switch (field) {
            case kPartFields["id"]:
                out.id = text(member);
                if (out.id.empty()) fail("must not be empty");
                break;
            case kPartFields["name"]:
                out.name = text(member);
                break;
            case kPartFields["abbreviation"]:
                out.abbreviation = text(member);
                break;
            case kPartFields["instrument"]:
                members(member, kInstrumentFields, [&](std::size_t instrumentField, element instrumentMember) {
                    switch (instrumentField) {
                        case kInstrumentFields["name"]:
                            out.instrument.name = text(instrumentMember);
                            break;
                        case kInstrumentFields["gmProgram"]:
                            out.instrument.gmProgram = integer<std::uint8_t>(instrumentMember, 0, 127);
                            break;
                        case kInstrumentFields["percussion"]:
                            out.instrument.percussion = boolean(instrumentMember);
                            break;
                        default:
                            out.instrument.midiChannel = integer<std::uint8_t>(instrumentMember, 1, 16);
                            break;
                    }
                });
                break;
            case kPartFields["transposition"]:
                members(member, kTranspositionFields, [&](std::size_t transpositionField, element amount) {
                    switch (transpositionField) {
                        case kTranspositionFields["diatonic"]:
                            out.transposition.diatonic = integer<std::int8_t>(amount);
                            break;
                        case kTranspositionFields["chromatic"]:
                            out.transposition.chromatic = integer<std::int8_t>(amount);
                            break;
                        default:
                            out.transposition.octaveChange = integer<std::int8_t>(amount);
                            break;
                    }
                });
                break;
            case kPartFields["tuning"]:
                list(member, out.tuning, [&](element item, Pitch& string) { string = pitch(item); });
                break;
            case kPartFields["capo"]:
                out.capo = integer<std::uint8_t>(member);
                break;
            case kPartFields["staves"]:
                out.staves = integer<std::uint8_t>(member, 1);
                break;
            case kPartFields["events"]: {
                std::size_t eventIndex = 0;
                list(member, out.events,
                     [&](element item, Event& eventOut) { event(item, eventOut, partIndex, eventIndex++); });
                break;
            }
            default:
                list(member, out.dynamics, [&](element item, DynamicMark& mark) { dynamic(item, mark); });
                break;
        }
    });
}

void UmfReader::event(element value, Event& out, std::size_t partIndex, std::size_t eventIndex) {
    members(value, kEventFields, [&](std::size_t field, element member) {
        switch (field) {
            case kEventFields["id"]:
                out.id = elementId(member);
                ids_.push_back({out.id, partIndex, eventIndex, kNoNote});
                break;
            case kEventFields["measure"]:
                out.measure = measureIndex(member);
                break;
            case kEventFields["offset"]:
                out.offset = rational(member, Sign::NonNegative);
                break;
            case kEventFields["duration"]:
                out.duration = rational(member, Sign::NonNegative);
                break;
            case kEventFields["voice"]:
                out.voice = integer<std::uint8_t>(member, 1);
                break;
            case kEventFields["staff"]:
                out.staff = integer<std::uint8_t>(member, 1);
                break;
            case kEventFields["notes"]: {
                std::size_t noteIndex = 0;
                list(member, out.notes, [&](element item, Note& noteOut) {
                    note(item, noteOut);
                    if (noteOut.id != 0) ids_.push_back({noteOut.id, partIndex, eventIndex, noteIndex});
                    ++noteIndex;
                });
                break;
            }
            case kEventFields["tuplets"]:
                list(member, out.tuplets, [&](element item, Tuplet& tuplet) {
                    members(item, kTupletFields, [&](std::size_t tupletField, element tupletMember) {
                        switch (tupletField) {
                            case kTupletFields["actual"]:
                                tuplet.actual = integer<std::uint16_t>(tupletMember, 1);
                                break;
                            case kTupletFields["normal"]:
                                tuplet.normal = integer<std::uint16_t>(tupletMember, 1);
                                break;
                            case kTupletFields["start"]:
                                tuplet.start = boolean(tupletMember);
                                break;
                            default:
                                tuplet.stop = boolean(tupletMember);
                                break;
                        }
                    });
                });
                break;
            case kEventFields["grace"]: {
                Grace& grace = out.grace.emplace();
                members(member, kGraceFields, [&](std::size_t graceField, element graceMember) {
                    if (graceField == kGraceFields["slash"]) {
                        grace.slash = boolean(graceMember);
                    } else {
                        grace.value = rational(graceMember, Sign::Positive);
                    }
                });
                break;
            }
            case kEventFields["cue"]:
                out.cue = boolean(member);
                break;
            case kEventFields["measureRest"]:
                out.measureRest = boolean(member);
                break;
            case kEventFields["invisible"]:
                out.invisible = boolean(member);
                break;
            default:
                list(member, out.articulations,
                     [&](element item, Articulation& articulation) { articulation = name<Articulation>(item); });
                break;
        }
    });
}

void UmfReader::note(element value, Note& out) {
    members(value, kNoteFields, [&](std::size_t field, element member) {
        switch (field) {
            case kNoteFields["id"]:
                out.id = elementId(member);
                break;
            case kNoteFields["pitch"]:
                out.pitch = pitch(member);
                break;
            case kNoteFields["percussionKey"]:
                out.percussionKey = integer<std::uint8_t>(member, 0, 127);
                break;
            case kNoteFields["tieStart"]:
                out.tieStart = boolean(member);
                break;
            case kNoteFields["tieStop"]:
                out.tieStop = boolean(member);
                break;
            case kNoteFields["velocity"]:
                out.velocity = integer<std::uint8_t>(member, 0, 127);
                break;
            default: {
                PerformedTiming& performed = out.performed.emplace();
                members(member, kPerformedFields, [&](std::size_t timingField, element timing) {
                    if (timingField == kPerformedFields["onset"]) {
                        performed.onset = rational(timing, Sign::NonNegative);
                    } else {
                        performed.duration = rational(timing, Sign::NonNegative);
                    }
                });
                break;
            }
        }
    });
}

void UmfReader::dynamic(element value, DynamicMark& out) {
    members(value, kDynamicFields, [&](std::size_t field, element member) {
        switch (field) {
            case kDynamicFields["at"]:
                out.at = position(member);
                break;
            case kDynamicFields["staff"]:
                out.staff = integer<std::uint8_t>(member, 1);
                break;
            case kDynamicFields["mark"]:
                out.mark = text(member);
                break;
            default:
                out.velocity = integer<std::uint8_t>(member, 0, 127);
                break;
        }
    });
}

// Ids must be unique across events and notes. MOS hands them out as 1, 2, 3 …, so a table indexed by
// id usually does (its size bounded by the document's); scattered ids are sorted instead.
void UmfReader::checkIds(const std::vector<Part>& parts) {
    const IdDefinition* twice = nullptr;
    for (const IdDefinition& entry : ids_) largestId_ = std::max(largestId_, entry.id);
    if (largestId_ <= 4 * ids_.size() + 1024) {
        kindById_.assign(std::size_t{largestId_} + 1, kNoElement);
        for (const IdDefinition& entry : ids_) {
            std::uint8_t& kind = kindById_[entry.id];
            if (kind != kNoElement) {
                twice = &entry;
                break;
            }
            kind = entry.isNote() ? kNote : kEvent;
        }
    } else {
        const auto byId = [](const IdDefinition& a, const IdDefinition& b) { return a.id < b.id; };
        std::stable_sort(ids_.begin(), ids_.end(), byId);
        const auto same = std::adjacent_find(ids_.begin(), ids_.end(),
                                             [](const IdDefinition& a, const IdDefinition& b) { return a.id == b.id; });
        // The stable sort keeps document order among equal ids, so the second is the later definition.
        if (same != ids_.end()) twice = &same[1];
    }
    if (twice != nullptr) {
        path_.assign({{kRootFields.names[kRootFields["parts"]]},
                      {{}, twice->part, true},
                      {kPartFields.names[kPartFields["events"]]},
                      {{}, twice->event, true}});
        if (twice->isNote()) {
            path_.push({kEventFields.names[kEventFields["notes"]]});
            path_.push({{}, twice->note, true});
        }
        path_.push({kEventFields.names[kEventFields["id"]]});
        fail("the id " + std::to_string(twice->id) + " is already used");
    }

    partIds_.reserve(parts.size());
    for (const Part& part : parts) partIds_.push_back(part.id);
    std::sort(partIds_.begin(), partIds_.end());
    const auto sameId = std::adjacent_find(partIds_.begin(), partIds_.end());
    if (sameId != partIds_.end()) {
        std::size_t index = parts.size();
        while (parts[--index].id != *sameId) {}
        path_.assign(
            {{kRootFields.names[kRootFields["parts"]]}, {{}, index, true}, {kPartFields.names[kPartFields["id"]]}});
        fail("the part id \"" + *sameId + "\" is already used");
    }
}

void UmfReader::layers(element value, Layers& out) {
    members(value, kLayersFields, [&](std::size_t field, element member) {
        switch (field) {
            case kLayersFields["form"]:
                list(member, out.form, [&](element item, Section& section) {
                    members(item, kSectionFields, [&](std::size_t sectionField, element sectionMember) {
                        switch (sectionField) {
                            case kSectionFields["label"]:
                                section.label = text(sectionMember);
                                break;
                            case kSectionFields["firstMeasure"]:
                                section.firstMeasure = measureIndex(sectionMember);
                                break;
                            default:
                                section.lastMeasure = measureIndex(sectionMember);
                                break;
                        }
                    });
                    measureRange(section.firstMeasure, section.lastMeasure);
                });
                break;
            case kLayersFields["chords"]:
                list(member, out.chords, [&](element item, ChordSymbol& symbol) { chord(item, symbol); });
                break;
            case kLayersFields["analysis"]:
                analysis(member, out.analysis);
                break;
            case kLayersFields["tablature"]:
                list(member, out.tablature, [&](element item, TabNote& tab) { tabNote(item, tab); });
                break;
            case kLayersFields["diagrams"]:
                list(member, out.diagrams, [&](element item, ChordDiagram& shape) { diagram(item, shape); });
                break;
            case kLayersFields["fingering"]:
                list(member, out.fingering, [&](element item, Fingering& fingering) {
                    members(item, kFingeringFields, [&](std::size_t fingeringField, element fingeringMember) {
                        if (fingeringField == kFingeringFields["note"]) {
                            fingering.note = reference(fingeringMember, true);
                        } else {
                            fingering.finger = text(fingeringMember);
                        }
                    });
                });
                break;
            case kLayersFields["notation"]:
                notation(member, out.notation);
                break;
            case kLayersFields["lyrics"]:
                list(member, out.lyrics, [&](element item, LyricSyllable& syllable) {
                    members(item, kLyricFields, [&](std::size_t lyricField, element lyricMember) {
                        switch (lyricField) {
                            case kLyricFields["event"]:
                                syllable.event = reference(lyricMember, false);
                                break;
                            case kLyricFields["verse"]:
                                syllable.verse = integer<std::uint8_t>(lyricMember, 1);
                                break;
                            case kLyricFields["text"]:
                                syllable.text = text(lyricMember);
                                break;
                            case kLyricFields["syllabic"]:
                                syllable.syllabic = name<LyricSyllable::Syllabic>(lyricMember);
                                break;
                            default:
                                syllable.extend = boolean(lyricMember);
                                break;
                        }
                    });
                });
                break;
            default:
                list(member, out.markers, [&](element item, Marker& marker) {
                    members(item, kMarkerFields, [&](std::size_t markerField, element markerMember) {
                        switch (markerField) {
                            case kMarkerFields["at"]:
                                marker.at = position(markerMember);
                                break;
                            case kMarkerFields["kind"]:
                                marker.kind = name<Marker::Kind>(markerMember);
                                break;
                            default:
                                marker.label = text(markerMember);
                                break;
                        }
                    });
                });
                break;
        }
    });
}

void UmfReader::chord(element value, ChordSymbol& out) {
    members(value, kChordFields, [&](std::size_t field, element member) {
        switch (field) {
            case kChordFields["at"]:
                out.at = position(member);
                break;
            case kChordFields["partId"]:
                out.partId = partReference(member);
                break;
            case kChordFields["text"]:
                out.text = text(member);
                break;
            case kChordFields["root"]:
                out.root = pitchName(member);
                break;
            case kChordFields["kind"]:
                out.kind = text(member);
                break;
            case kChordFields["bass"]:
                out.bass = pitchName(member);
                break;
            case kChordFields["degrees"]:
                list(member, out.degrees, [&](element item, ChordDegree& degree) {
                    members(item, kDegreeFields, [&](std::size_t degreeField, element degreeMember) {
                        switch (degreeField) {
                            case kDegreeFields["value"]:
                                degree.value = integer<std::uint8_t>(degreeMember, 1);
                                break;
                            case kDegreeFields["alter"]:
                                degree.alter = integer<std::int8_t>(degreeMember);
                                break;
                            default:
                                degree.type = name<ChordDegree::Type>(degreeMember);
                                break;
                        }
                    });
                });
                break;
            case kChordFields["alternate"]:
                out.alternate = boolean(member);
                break;
            default:
                out.noChord = boolean(member);
                break;
        }
    });
}

void UmfReader::analysis(element value, AnalysisLayer& out) {
    members(value, kAnalysisFields, [&](std::size_t field, element member) {
        switch (field) {
            case kAnalysisFields["keys"]:
                list(member, out.keys, [&](element item, KeyRegion& region) {
                    members(item, kKeyRegionFields, [&](std::size_t regionField, element regionMember) {
                        switch (regionField) {
                            case kKeyRegionFields["at"]:
                                region.at = position(regionMember);
                                break;
                            case kKeyRegionFields["tonic"]:
                                region.tonic = pitchName(regionMember);
                                break;
                            default:
                                region.mode = name<Mode>(regionMember);
                                break;
                        }
                    });
                });
                break;
            case kAnalysisFields["numerals"]:
                list(member, out.numerals, [&](element item, RomanNumeral& numeral) {
                    members(item, kNumeralFields, [&](std::size_t numeralField, element numeralMember) {
                        switch (numeralField) {
                            case kNumeralFields["at"]:
                                numeral.at = position(numeralMember);
                                break;
                            case kNumeralFields["numeral"]:
                                numeral.numeral = text(numeralMember);
                                break;
                            default:
                                numeral.key = text(numeralMember);
                                break;
                        }
                    });
                });
                break;
            default:
                list(member, out.cadences, [&](element item, Cadence& cadence) {
                    members(item, kCadenceFields, [&](std::size_t cadenceField, element cadenceMember) {
                        if (cadenceField == kCadenceFields["at"]) {
                            cadence.at = position(cadenceMember);
                        } else {
                            cadence.kind = name<CadenceKind>(cadenceMember);
                        }
                    });
                });
                break;
        }
    });
}

void UmfReader::tabNote(element value, TabNote& out) {
    members(value, kTabNoteFields, [&](std::size_t field, element member) {
        switch (field) {
            case kTabNoteFields["note"]:
                out.note = reference(member, true);
                break;
            case kTabNoteFields["string"]:
                out.string = integer<std::uint8_t>(member, 1);
                break;
            case kTabNoteFields["fret"]:
                out.fret = integer<std::uint8_t>(member);
                break;
            case kTabNoteFields["bend"]:
                list(member, out.bend, [&](element item, BendPoint& point) {
                    members(item, kBendFields, [&](std::size_t bendField, element bendMember) {
                        if (bendField == kBendFields["position"]) {
                            point.position = rational(bendMember, Sign::NonNegative);
                        } else {
                            point.cents = integer<std::int16_t>(bendMember);
                        }
                    });
                });
                break;
            case kTabNoteFields["slide"]:
                out.slide = name<Slide>(member);
                break;
            case kTabNoteFields["harmonic"]:
                out.harmonic = name<Harmonic>(member);
                break;
            case kTabNoteFields["hammerOn"]:
                out.hammerOn = boolean(member);
                break;
            case kTabNoteFields["pullOff"]:
                out.pullOff = boolean(member);
                break;
            case kTabNoteFields["vibrato"]:
                out.vibrato = boolean(member);
                break;
            case kTabNoteFields["palmMute"]:
                out.palmMute = boolean(member);
                break;
            case kTabNoteFields["deadNote"]:
                out.deadNote = boolean(member);
                break;
            case kTabNoteFields["ghost"]:
                out.ghost = boolean(member);
                break;
            case kTabNoteFields["letRing"]:
                out.letRing = boolean(member);
                break;
            default:
                out.tapping = boolean(member);
                break;
        }
    });
}

void UmfReader::diagram(element value, ChordDiagram& out) {
    members(value, kDiagramFields, [&](std::size_t field, element member) {
        switch (field) {
            case kDiagramFields["at"]:
                out.at = position(member);
                break;
            case kDiagramFields["partId"]:
                out.partId = partReference(member);
                break;
            case kDiagramFields["name"]:
                out.name = text(member);
                break;
            case kDiagramFields["baseFret"]:
                out.baseFret = integer<std::uint8_t>(member, 1);
                break;
            case kDiagramFields["frets"]:
                list(member, out.frets,
                     [&](element item, std::int8_t& fret) { fret = integer<std::int8_t>(item, -1); });
                break;
            default:
                list(member, out.fingers,
                     [&](element item, std::uint8_t& finger) { finger = integer<std::uint8_t>(item, 0, 5); });
                break;
        }
    });
}

void UmfReader::notation(element value, NotationLayer& out) {
    members(value, kNotationFields, [&](std::size_t field, element member) {
        switch (field) {
            case kNotationFields["clefs"]:
                list(member, out.clefs, [&](element item, Clef& clef) {
                    members(item, kClefFields, [&](std::size_t clefField, element clefMember) {
                        switch (clefField) {
                            case kClefFields["partId"]:
                                clef.partId = partReference(clefMember);
                                break;
                            case kClefFields["staff"]:
                                clef.staff = integer<std::uint8_t>(clefMember, 1);
                                break;
                            case kClefFields["at"]:
                                clef.at = position(clefMember);
                                break;
                            case kClefFields["sign"]:
                                clef.sign = name<Clef::Sign>(clefMember);
                                break;
                            case kClefFields["line"]:
                                clef.line = integer<std::int8_t>(clefMember);
                                break;
                            default:
                                clef.octaveChange = integer<std::int8_t>(clefMember);
                                break;
                        }
                    });
                });
                break;
            case kNotationFields["beams"]:
                list(member, out.beams, [&](element item, Beam& beam) {
                    members(item, kBeamFields, [&](std::size_t beamField, element beamMember) {
                        if (beamField == kBeamFields["partId"]) {
                            beam.partId = partReference(beamMember);
                        } else {
                            list(beamMember, beam.events,
                                 [&](element id, ElementId& event) { event = reference(id, false); });
                        }
                    });
                });
                break;
            case kNotationFields["stems"]:
                list(member, out.stems, [&](element item, Stem& stem) {
                    members(item, kStemFields, [&](std::size_t stemField, element stemMember) {
                        if (stemField == kStemFields["event"]) {
                            stem.event = reference(stemMember, false);
                        } else {
                            stem.direction = name<Stem::Direction>(stemMember);
                        }
                    });
                });
                break;
            case kNotationFields["slurs"]:
                list(member, out.slurs, [&](element item, Slur& slur) {
                    members(item, kSlurFields, [&](std::size_t slurField, element slurMember) {
                        switch (slurField) {
                            case kSlurFields["partId"]:
                                slur.partId = partReference(slurMember);
                                break;
                            case kSlurFields["from"]:
                                slur.from = reference(slurMember, false);
                                break;
                            default:
                                slur.to = reference(slurMember, false);
                                break;
                        }
                    });
                });
                break;
            case kNotationFields["hairpins"]:
                list(member, out.hairpins, [&](element item, Hairpin& hairpin) {
                    members(item, kHairpinFields, [&](std::size_t hairpinField, element hairpinMember) {
                        switch (hairpinField) {
                            case kHairpinFields["partId"]:
                                hairpin.partId = partReference(hairpinMember);
                                break;
                            case kHairpinFields["staff"]:
                                hairpin.staff = integer<std::uint8_t>(hairpinMember, 1);
                                break;
                            case kHairpinFields["from"]:
                                hairpin.from = position(hairpinMember);
                                break;
                            case kHairpinFields["to"]:
                                hairpin.to = position(hairpinMember);
                                break;
                            default:
                                hairpin.crescendo = boolean(hairpinMember);
                                break;
                        }
                    });
                });
                break;
            default:
                list(member, out.texts, [&](element item, TextMark& mark) {
                    members(item, kTextFields, [&](std::size_t textField, element textMember) {
                        switch (textField) {
                            case kTextFields["partId"]:
                                mark.partId = partReference(textMember);
                                break;
                            case kTextFields["staff"]:
                                mark.staff = integer<std::uint8_t>(textMember, 1);
                                break;
                            case kTextFields["at"]:
                                mark.at = position(textMember);
                                break;
                            case kTextFields["text"]:
                                mark.text = text(textMember);
                                break;
                            default:
                                mark.above = boolean(textMember);
                                break;
                        }
                    });
                });
                break;
        }
    });
}

void UmfReader::learning(element value, Learning& out) {
    members(value, kLearningFields, [&](std::size_t field, element member) {
        if (field == kLearningFields["pointsOfInterest"]) {
            list(member, out.pointsOfInterest, [&](element item, PointOfInterest& point) {
                members(item, kPointOfInterestFields, [&](std::size_t pointField, element pointMember) {
                    switch (pointField) {
                        case kPointOfInterestFields["firstMeasure"]:
                            point.firstMeasure = measureIndex(pointMember);
                            break;
                        case kPointOfInterestFields["lastMeasure"]:
                            point.lastMeasure = measureIndex(pointMember);
                            break;
                        case kPointOfInterestFields["title"]:
                            point.title = text(pointMember);
                            break;
                        default:
                            point.description = text(pointMember);
                            break;
                    }
                });
                measureRange(point.firstMeasure, point.lastMeasure);
            });
            return;
        }
        list(member, out.annotations, [&](element item, Annotation& annotation) {
            members(item, kAnnotationFields, [&](std::size_t annotationField, element annotationMember) {
                switch (annotationField) {
                    case kAnnotationFields["at"]:
                        annotation.at = position(annotationMember);
                        break;
                    case kAnnotationFields["partId"]:
                        annotation.partId = partReference(annotationMember);
                        break;
                    case kAnnotationFields["text"]:
                        annotation.text = text(annotationMember);
                        break;
                    default:
                        annotation.author = text(annotationMember);
                        break;
                }
            });
        });
    });
}

void UmfReader::audio(element value, AudioReference& out) {
    members(value, kAudioFields, [&](std::size_t field, element member) {
        switch (field) {
            case kAudioFields["uri"]:
                out.uri = text(member);
                if (out.uri.empty()) fail("must not be empty");
                break;
            case kAudioFields["mediaType"]:
                out.mediaType = text(member);
                break;
            case kAudioFields["description"]:
                out.description = text(member);
                break;
            default:
                out.offsetSeconds = rational(member, Sign::Any);
                break;
        }
    });
}

void UmfReader::extensions(element value, std::map<std::string, std::string>& out) {
    simdjson::dom::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS) fail("must be an object");
    for (const auto field : object) {
        const Step step{path_, {field.key}};
        core::JsonWriter canonical{false};
        if (!umf::writeCanonical(field.value, canonical)) fail("an object in it has a member name twice");
        if (!out.emplace(field.key, canonical.take()).second) fail("appears twice in its object");
    }
}

core::Error documentError(std::string_view json, const std::string& fileName, std::size_t bomLength,
                          const ReadFailure& failure) {
    core::SourceLocation where{fileName};
    if (const auto offset = core::locateJsonValue(json.substr(bomLength), failure.path)) {
        const auto place = core::lineColumnOf(json, *offset + bomLength);
        where.line = place.line;
        where.column = place.column;
    }
    return core::fail(failure.code, core::formatJsonPath(failure.path) + ": " + failure.message, std::move(where));
}

core::Error syntaxError(std::string_view json, const std::string& fileName, std::size_t bomLength,
                        simdjson::error_code code) {
    core::SourceLocation where{fileName};
    if (const auto offset = core::findJsonSyntaxError(json.substr(bomLength))) {
        const auto place = core::lineColumnOf(json, *offset + bomLength);
        where.line = place.line;
        where.column = place.column;
    }
    return core::fail(core::ErrorCode::ParseError, std::string{"not JSON: "} + simdjson::error_message(code),
                      std::move(where));
}

}  // namespace

core::Result<Score> readUmf(std::string_view json, const std::string& fileName) {
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    const std::size_t bomLength = json.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
    const std::string_view body = json.substr(bomLength);

    simdjson::dom::parser parser;
    element root;
    if (const auto code = parser.parse(body.data(), body.size(), true).get(root); code != simdjson::SUCCESS) {
        if (code == simdjson::MEMALLOC || code == simdjson::CAPACITY) {
            return core::fail(core::ErrorCode::OutOfRange, "the document is too large", core::SourceLocation{fileName});
        }
        return syntaxError(json, fileName, bomLength, code);
    }
    UmfReader reader;
    try {
        return reader.read(root);
    } catch (const ReadFailure& failure) {
        return documentError(json, fileName, bomLength, failure);
    }
}

}  // namespace mos::score
