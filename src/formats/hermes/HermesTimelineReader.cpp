// Hermes timeline JSON → UMF. simdjson parses the text into its DOM; notes go through the MIDI
// importer (the timeline's midi_events are a performance like a MIDI file's), then tempo, keys,
// chords and numerals are laid over the score. Places for errors come from core's JSON locator,
// which walks the text again only when there is an error to place.

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "HermesJson.hpp"
#include "mos/core/JsonLocator.hpp"
#include "mos/core/JsonWriter.hpp"
#include "mos/core/Ticks.hpp"
#include "mos/formats/HermesTimeline.hpp"
#include "mos/formats/MidiScore.hpp"
#include "mos/formats/StandardMidiFile.hpp"
#include "mos/score/TempoMap.hpp"
#include "mos/theory/Key.hpp"

namespace mos::formats {

namespace {

using core::ErrorCode;
using core::Rational;
using hermes::member;
using hermes::number;
using hermes::text;
using hermes::Value;
using simdjson::dom::element;

// Timelines longer than this many 4/4 bars are refused rather than built (the MIDI importer's cap).
constexpr std::int64_t kLastTick = 16384 * core::kTicksPerWhole;

struct TimedEvent {
    std::int64_t tick = 0;
    std::size_t index = 0;  // in the file, for messages and stable order
    element event;
    std::string_view type;
};

class TimelineReader {
public:
    // `json` is the text `document` was parsed from (after any byte order mark), for placing errors.
    TimelineReader(element document, std::string_view json, const std::string& fileName)
        : document_{document}, json_{json}, fileName_{fileName} {}

    core::Result<Imported> read() {
        const Value events = member(document_, "events");
        if (!events || !events->is_array()) {
            return error("a Hermes timeline is an object with an \"events\" array");
        }
        const std::string version = text(document_, "version", "-");
        if (!(version == "1" || version.starts_with("1."))) {
            return core::fail(ErrorCode::Unsupported, "Hermes timeline version must be \"1.x\"", {fileName_});
        }
        if (auto placed = placeEvents(events->get_array().value_unsafe()); !placed) {
            return std::move(placed).error();
        }
        buildNotes();
        for (const TimedEvent& timed : events_) {
            addEvent(timed);
        }
        coverEveryEvent();
        if (keptEvents_ > 0) {
            kept_.endArray();
            kept_.endObject();
            score_.extensions[std::string{hermes::kExtension}] = kept_.take();
        }
        Imported imported;
        imported.scores.push_back(std::move(score_));
        placeWarnings();
        imported.warnings = std::move(warnings_);
        return imported;
    }

private:
    // An error that stops the import, placed at its event's line and column.
    core::Error error(const std::string& message, std::optional<std::size_t> event = std::nullopt) const {
        core::Error failure = problem(message, event);
        if (event) {
            const std::array<core::JsonPathStep, 2> path{{{"events"}, {{}, *event, true}}};
            if (const auto offset = core::locateJsonValue(json_, path)) {
                const core::LineColumn place = core::lineColumnOf(json_, *offset);
                failure.where.line = place.line;
                failure.where.column = place.column;
            }
        }
        return failure;
    }

    // A problem with the file, named by its event ("events[3]: ...").
    core::Error problem(const std::string& message, std::optional<std::size_t> event) const {
        return core::fail(ErrorCode::ParseError, event ? "events[" + std::to_string(*event) + "]: " + message : message,
                          {fileName_});
    }

    // A problem the import works around, named by its event; placed at the end (placeWarnings).
    void warn(std::size_t event, const std::string& message) {
        warnings_.push_back(problem(message, event));
        warningEvents_.push_back(event);
    }

    // Every warning at its event's line and column, from one more walk over the text however
    // many there are.
    void placeWarnings() {
        if (warnings_.empty()) return;
        const std::array<core::JsonPathStep, 1> path{{{"events"}}};
        const std::vector<std::size_t> starts = core::locateJsonArrayElements(json_, path);
        std::vector<std::size_t> order(warnings_.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return warningEvents_[a] < warningEvents_[b]; });
        std::vector<std::size_t> offsets;
        offsets.reserve(order.size());
        for (const std::size_t w : order) {
            offsets.push_back(warningEvents_[w] < starts.size() ? starts[warningEvents_[w]] : json_.size());
        }
        const std::vector<core::LineColumn> places = core::lineColumnsOf(json_, offsets);
        for (std::size_t i = 0; i < order.size(); ++i) {
            warnings_[order[i]].where.line = places[i].line;
            warnings_[order[i]].where.column = places[i].column;
        }
    }

    // Each event's tick: its own, else from measure and beat (4/4), else from its timestamp through
    // the tempo changes before it.
    core::Result<void> placeEvents(simdjson::dom::array list) {
        struct Untimed {
            std::size_t index;
            element event;
            std::string_view type;
            double timestamp;
        };
        std::vector<Untimed> byTimestamp;
        std::size_t i = 0;
        for (const element event : list) {
            std::string_view type;
            const Value typeMember = member(event, "type");
            if (!typeMember || typeMember->get_string().get(type) != simdjson::SUCCESS) {
                return error("an event is an object with a \"type\" string", i);
            }
            if (const auto tick = number(event, "tick")) {
                if (*tick < 0 || *tick > kLastTick) {
                    return error("tick must be a number from 0 to " + std::to_string(kLastTick), i);
                }
                events_.push_back({std::llround(*tick), i, event, type});
            } else if (const auto measure = number(event, "measure"), beat = number(event, "beat"); measure && beat) {
                if (*measure < 1 || *beat < 1 || *measure > 16384 || *beat > 64) {
                    return error("measure and beat count from 1", i);
                }
                events_.push_back(
                    {std::llround(((*measure - 1) * 4 + (*beat - 1)) * static_cast<double>(core::kTicksPerQuarter)), i,
                     event, type});
            } else if (const auto timestamp = number(event, "timestamp");
                       timestamp && *timestamp >= 0 && *timestamp < 1e9) {
                byTimestamp.push_back({i, event, type, *timestamp});
            } else {
                return error("an event needs a tick, a measure and beat, or a timestamp", i);
            }
            ++i;
        }
        std::stable_sort(events_.begin(), events_.end(),
                         [](const TimedEvent& a, const TimedEvent& b) { return a.tick < b.tick; });
        // Events placed only by time: through the tempo changes that have ticks.
        score::Timeline tempoOnly;
        tempoOnly.measures.push_back(score::Measure{});
        for (const TimedEvent& timed : events_) {
            if (timed.type == "tempo_change") {
                if (const auto bpm = tempoOf(timed.event)) {
                    tempoOnly.measures[0].tempos.push_back(
                        {Rational{timed.tick, core::kTicksPerWhole}, Rational{1, 4}, *bpm, ""});
                }
            }
        }
        const score::TempoMap tempo{tempoOnly};
        for (const Untimed& untimed : byTimestamp) {
            const Rational position = tempo.positionAt(untimed.timestamp);
            const std::int64_t tick = (position * Rational{core::kTicksPerWhole}).round().value_or(kLastTick + 1);
            if (tick > kLastTick) {
                return error("the timestamp lies beyond " + std::to_string(kLastTick) + " ticks", untimed.index);
            }
            events_.push_back({tick, untimed.index, untimed.event, untimed.type});
        }
        std::stable_sort(events_.begin(), events_.end(), [](const TimedEvent& a, const TimedEvent& b) {
            return a.tick != b.tick ? a.tick < b.tick : a.index < b.index;
        });
        return {};
    }

    static std::optional<Rational> tempoOf(element event) {
        const auto bpm = number(member(event, "data"), "bpm");
        if (!bpm || !(*bpm > 0 && *bpm < 10000)) {
            return std::nullopt;
        }
        return Rational{std::llround(*bpm * 1000), 1000};
    }

    // The midi_events as a MIDI performance at 960 ticks per quarter, imported like a MIDI file.
    void buildNotes() {
        StandardMidiFile midi;
        midi.format = 0;
        midi.division.ticksPerQuarter = static_cast<std::uint16_t>(core::kTicksPerQuarter);
        midi.tracks.emplace_back();
        SmfTrack& track = midi.tracks.back();
        for (const TimedEvent& timed : events_) {
            if (timed.type != "midi_event") {
                continue;
            }
            const Value data = member(timed.event, "data");
            const std::string message = text(data, "message", text(data, "status"));
            const auto note = number(data, "note");
            const double velocity = number(data, "velocity").value_or(message == "note_on" ? 80 : 0);
            const double channel = number(data, "channel").value_or(1);
            if ((message != "note_on" && message != "note_off") || !note || *note < 0 || *note > 127 || velocity < 0 ||
                velocity > 127 || channel < 1 || channel > 16) {
                warn(timed.index,
                     "a midi_event needs message note_on/note_off, note 0-127, velocity 0-127, channel 1-16");
                continue;
            }
            SmfEvent event;
            event.tick = timed.tick;
            event.kind = SmfEventKind::Channel;
            const bool on = message == "note_on" && velocity > 0;
            event.status = static_cast<std::uint8_t>((on ? 0x90 : 0x80) | (static_cast<int>(channel) - 1));
            event.data1 = static_cast<std::uint8_t>(*note);
            event.data2 = static_cast<std::uint8_t>(on ? velocity : 0);
            track.events.push_back(event);
        }
        score_ = midiToScore(midi);
    }

    void addEvent(const TimedEvent& timed) {
        const std::string_view type = timed.type;
        const Value data = member(timed.event, "data");
        if (type == "tempo_change") {
            if (const auto bpm = tempoOf(timed.event)) {
                tempos_.emplace_back(timed.tick, *bpm);
            } else {
                warn(timed.index, "a tempo_change needs data.bpm above 0");
            }
        } else if (type == "key_change") {
            if (const auto key = keyOf(data)) {
                keys_.emplace_back(timed.tick, *key);
            } else {
                warn(timed.index, R"(a key_change needs data.key ("G major", "Em") or data.fifths)");
            }
        } else if (type == "chord_change") {
            addChord(timed, data);
        } else if (type != "midi_event") {
            keep(timed);
        }
    }

    // widget_state and types this MOS does not know go into the extension as they were, placed by
    // their tick alone (a writer derives the other timing fields from it).
    void keep(const TimedEvent& timed) {
        if (keptEvents_++ == 0) {
            kept_.beginObject();
            kept_.key("events");
            kept_.beginArray();
        }
        kept_.beginObject();
        kept_.key("tick");
        kept_.integer(timed.tick);
        const simdjson::dom::object event = timed.event.get_object().value_unsafe();
        for (const auto field : event) {
            if (!hermes::isTimingField(field.key)) {
                kept_.escapedKey(field.key);
                kept_.raw(simdjson::to_string(field.value));
            }
        }
        kept_.endObject();
    }

    void addChord(const TimedEvent& timed, Value data) {
        std::string symbol;
        for (const char* name : {"expected", "detected", "symbol", "chord"}) {
            symbol = text(data, name);
            if (!symbol.empty()) {
                break;
            }
        }
        if (symbol.empty()) {
            warn(timed.index, "a chord_change needs data.expected, data.detected or data.symbol");
            return;
        }
        chords_.emplace_back(timed.tick, symbol);
        if (std::string roman = text(data, "roman"); !roman.empty()) {
            numerals_.emplace_back(timed.tick, std::move(roman));
        }
    }

    // data.fifths with data.mode ("major" when absent), or data.key as theory::Key::parse reads
    // it ("G major", "Em", "D dorian"); a key needing more than seven sharps or flats has none.
    static std::optional<score::KeySignature> keyOf(Value data) {
        std::optional<theory::Key> key;
        if (const auto fifths = number(data, "fifths"); fifths && *fifths >= -7 && *fifths <= 7) {
            const auto mode = theory::modeFromName(text(data, "mode", "major"));
            if (mode) key = theory::Key::fromSignature(static_cast<int>(*fifths), *mode);
        } else {
            key = theory::Key::parse(text(data, "key"));
        }
        if (!key || key->signature() < -7 || key->signature() > 7) return std::nullopt;
        return score::KeySignature{static_cast<std::int8_t>(key->signature()), key->mode};
    }

    // Extends the timeline (4/4 bars) to the last timed event, then places tempos, keys and chords.
    void coverEveryEvent() {
        auto& measures = score_.timeline.measures;
        const std::int64_t lastTick = events_.empty() ? 0 : events_.back().tick;
        std::vector<Rational> starts = score::measureStarts(score_.timeline);
        // The added bars change no time signature, so they all last as long as the last bar's meter
        // says (looked up once: for each bar it would cost a walk back over all of them).
        const Rational barLength =
            score::timeSignatureAt(score_.timeline, static_cast<std::uint32_t>(measures.size())).measureLength();
        while (starts.back() <= Rational{lastTick, core::kTicksPerWhole} || measures.empty()) {
            score::Measure bar;
            bar.number = std::to_string(measures.size() + 1);
            bar.duration = barLength;
            if (measures.empty()) {
                bar.time = score::TimeSignature{};
            }
            measures.push_back(bar);
            starts.push_back(starts.back() + bar.duration);
        }
        const auto positionOf = [&](std::int64_t tick) {
            const Rational at{tick, core::kTicksPerWhole};
            const auto after = std::upper_bound(starts.begin(), starts.end() - 1, at);
            const auto measure = static_cast<std::uint32_t>(after - starts.begin() - 1);
            return score::ScorePosition{measure, at - starts[measure]};
        };
        if (!tempos_.empty()) {
            for (auto& bar : measures) {
                bar.tempos.clear();  // the timeline's own exact tempos replace what the MIDI import derived
            }
        }
        for (const auto& [tick, bpm] : tempos_) {
            const auto at = positionOf(tick);
            measures[at.measure].tempos.push_back({at.offset, Rational{1, 4}, bpm, ""});
        }
        for (const auto& [tick, key] : keys_) {
            const auto at = positionOf(tick);
            auto& changes = measures[at.measure].keys;
            std::erase_if(changes, [&](const score::KeyChange& change) { return change.offset == at.offset; });
            changes.push_back({at.offset, key});
        }
        for (const auto& [tick, symbol] : chords_) {
            score::ChordSymbol chord;
            chord.at = positionOf(tick);
            chord.text = symbol;
            chord.noChord = symbol == "N.C." || symbol == "NC";
            score_.layers.chords.push_back(std::move(chord));
        }
        for (const auto& [tick, numeral] : numerals_) {
            const auto at = positionOf(tick);
            score_.layers.analysis.numerals.push_back({at, numeral, ""});
        }
    }

    element document_;
    std::string_view json_;
    const std::string& fileName_;
    std::vector<TimedEvent> events_;
    score::Score score_;
    std::vector<core::Error> warnings_;
    std::vector<std::size_t> warningEvents_;  // the event each warning names
    std::vector<std::pair<std::int64_t, Rational>> tempos_;
    std::vector<std::pair<std::int64_t, score::KeySignature>> keys_;
    std::vector<std::pair<std::int64_t, std::string>> chords_;
    std::vector<std::pair<std::int64_t, std::string>> numerals_;
    core::JsonWriter kept_{false};  // {"events": [...]} once an event is kept
    std::size_t keptEvents_ = 0;
};

}  // namespace

core::Result<Imported> readHermesTimeline(std::string_view text, const std::string& fileName) {
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    const std::size_t bomLength = text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
    const std::string_view body = text.substr(bomLength);

    simdjson::dom::parser parser;
    element document;
    if (const auto code = parser.parse(body.data(), body.size(), true).get(document); code != simdjson::SUCCESS) {
        core::SourceLocation where{fileName};
        if (code == simdjson::MEMALLOC || code == simdjson::CAPACITY) {
            return core::fail(ErrorCode::OutOfRange, "the timeline is too large", where);
        }
        // A number no double holds (1e400), an integer beyond 64 bits and nesting deeper than 1024
        // are syntax errors too, for simdjson and for the locator alike.
        if (const auto offset = core::findJsonSyntaxError(body)) {
            const core::LineColumn place = core::lineColumnOf(body, *offset);
            where.line = place.line;
            where.column = place.column;
            where.byteOffset = static_cast<std::int64_t>(*offset + bomLength);
        }
        return core::fail(ErrorCode::ParseError, std::string{"not valid JSON: "} + simdjson::error_message(code),
                          std::move(where));
    }
    return TimelineReader{document, body, fileName}.read();
}

}  // namespace mos::formats
