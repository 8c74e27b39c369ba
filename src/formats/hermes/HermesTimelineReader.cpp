// Hermes timeline JSON → UMF. Notes go through the MIDI importer (the timeline's midi_events are a
// performance like a MIDI file's), then tempo, keys, chords and numerals are laid over the score.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mos/core/Ticks.hpp"
#include "mos/formats/HermesTimeline.hpp"
#include "mos/formats/MidiScore.hpp"
#include "mos/formats/StandardMidiFile.hpp"
#include "mos/score/TempoMap.hpp"

namespace mos::formats {

namespace {

using core::ErrorCode;
using core::Rational;
using nlohmann::json;

constexpr const char* kExtension = "hermes";  // where events MOS does not model are kept
// Timelines longer than this many 4/4 bars are refused rather than built (the MIDI importer's cap).
constexpr std::int64_t kLastTick = 16384 * core::kTicksPerWhole;

struct TimedEvent {
    std::int64_t tick = 0;
    std::size_t index = 0;  // in the file, for messages and stable order
    const json* event = nullptr;
};

class TimelineReader {
public:
    TimelineReader(const json& document, const std::string& fileName) : document_{document}, fileName_{fileName} {}

    core::Result<Imported> read() {
        if (!document_.is_object() || !document_.contains("events") || !document_["events"].is_array()) {
            return error("a Hermes timeline is an object with an \"events\" array");
        }
        const json& version = document_.value("version", json{});
        if (!version.is_string() ||
            !(version.get<std::string>() == "1" || version.get<std::string>().starts_with("1."))) {
            return core::fail(ErrorCode::Unsupported, "Hermes timeline version must be \"1.x\"", {fileName_});
        }
        if (auto placed = placeEvents(); !placed) {
            return std::move(placed).error();
        }
        buildNotes();
        for (const TimedEvent& timed : events_) {
            addEvent(timed);
        }
        coverEveryEvent();
        if (!kept_.empty()) {
            score_.extensions[kExtension] = json{{"events", kept_}}.dump();
        }
        Imported imported;
        imported.scores.push_back(std::move(score_));
        imported.warnings = std::move(warnings_);
        return imported;
    }

private:
    core::Error error(const std::string& message, std::optional<std::size_t> event = std::nullopt) const {
        return core::fail(ErrorCode::ParseError, event ? "events[" + std::to_string(*event) + "]: " + message : message,
                          {fileName_});
    }

    void warn(std::size_t event, const std::string& message) { warnings_.push_back(error(message, event)); }

    // A string member, or `fallback` when it is missing or not a string.
    static std::string text(const json& object, const char* name, const std::string& fallback = {}) {
        const auto found = object.is_object() ? object.find(name) : object.end();
        return found != object.end() && found->is_string() ? found->get<std::string>() : fallback;
    }

    static std::optional<double> number(const json& object, const char* name) {
        const auto found = object.find(name);
        return found != object.end() && found->is_number() ? std::optional{found->get<double>()} : std::nullopt;
    }

    // Each event's tick: its own, else from measure and beat (4/4), else from its timestamp through
    // the tempo changes before it.
    core::Result<void> placeEvents() {
        const json& list = document_["events"];
        std::vector<std::size_t> byTimestamp;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const json& event = list[i];
            if (!event.is_object() || !event.contains("type") || !event["type"].is_string()) {
                return error("an event is an object with a \"type\" string", i);
            }
            if (const auto tick = number(event, "tick")) {
                if (*tick < 0 || *tick > kLastTick) {
                    return error("tick must be a number from 0 to " + std::to_string(kLastTick), i);
                }
                events_.push_back({std::llround(*tick), i, &event});
            } else if (const auto measure = number(event, "measure"), beat = number(event, "beat"); measure && beat) {
                if (*measure < 1 || *beat < 1 || *measure > 16384 || *beat > 64) {
                    return error("measure and beat count from 1", i);
                }
                events_.push_back(
                    {std::llround(((*measure - 1) * 4 + (*beat - 1)) * static_cast<double>(core::kTicksPerQuarter)), i,
                     &event});
            } else if (const auto timestamp = number(event, "timestamp");
                       timestamp && *timestamp >= 0 && *timestamp < 1e9) {
                byTimestamp.push_back(i);
            } else {
                return error("an event needs a tick, a measure and beat, or a timestamp", i);
            }
        }
        std::stable_sort(events_.begin(), events_.end(),
                         [](const TimedEvent& a, const TimedEvent& b) { return a.tick < b.tick; });
        // Events placed only by time: through the tempo changes that have ticks.
        score::Timeline tempoOnly;
        tempoOnly.measures.push_back(score::Measure{});
        for (const TimedEvent& timed : events_) {
            if ((*timed.event)["type"] == "tempo_change") {
                if (const auto bpm = tempoOf(*timed.event)) {
                    tempoOnly.measures[0].tempos.push_back(
                        {Rational{timed.tick, core::kTicksPerWhole}, Rational{1, 4}, *bpm, ""});
                }
            }
        }
        const score::TempoMap tempo{tempoOnly};
        for (const std::size_t i : byTimestamp) {
            const Rational position = tempo.positionAt(*number(list[i], "timestamp"));
            const std::int64_t tick = (position * Rational{core::kTicksPerWhole}).round().value_or(kLastTick + 1);
            if (tick > kLastTick) {
                return error("the timestamp lies beyond " + std::to_string(kLastTick) + " ticks", i);
            }
            events_.push_back({tick, i, &list[i]});
        }
        std::stable_sort(events_.begin(), events_.end(), [](const TimedEvent& a, const TimedEvent& b) {
            return a.tick != b.tick ? a.tick < b.tick : a.index < b.index;
        });
        return {};
    }

    static std::optional<Rational> tempoOf(const json& event) {
        const json& data = event.value("data", json::object());
        const auto bpm = data.is_object() ? number(data, "bpm") : std::nullopt;
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
            if ((*timed.event)["type"] != "midi_event") {
                continue;
            }
            const json& data = timed.event->value("data", json::object());
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
        const json& event = *timed.event;
        const std::string type = event["type"].get<std::string>();
        const json data = event.value("data", json::object());
        if (type == "tempo_change") {
            if (const auto bpm = tempoOf(event)) {
                tempos_.push_back({timed.tick, *bpm});
            } else {
                warn(timed.index, "a tempo_change needs data.bpm above 0");
            }
        } else if (type == "key_change") {
            if (const auto key = keyOf(data)) {
                keys_.push_back({timed.tick, *key});
            } else {
                warn(timed.index, "a key_change needs data.key (\"G major\", \"Em\") or data.fifths");
            }
        } else if (type == "chord_change") {
            addChord(timed, data);
        } else if (type != "midi_event") {
            // widget_state and types this MOS does not know, placed by their tick alone (a writer
            // derives the other timing fields from it)
            json kept = event;
            kept.erase("timestamp");
            kept.erase("measure");
            kept.erase("beat");
            kept["tick"] = timed.tick;
            kept_.push_back(std::move(kept));
        }
    }

    void addChord(const TimedEvent& timed, const json& data) {
        std::string symbol;
        for (const char* name : {"expected", "detected", "symbol", "chord"}) {
            if (data.is_object() && data.contains(name) && data[name].is_string() &&
                !data[name].get<std::string>().empty()) {
                symbol = data[name].get<std::string>();
                break;
            }
        }
        if (symbol.empty()) {
            warn(timed.index, "a chord_change needs data.expected, data.detected or data.symbol");
            return;
        }
        chords_.push_back({timed.tick, symbol});
        if (data.contains("roman") && data["roman"].is_string() && !data["roman"].get<std::string>().empty()) {
            numerals_.push_back({timed.tick, data["roman"].get<std::string>()});
        }
    }

    static std::optional<score::KeySignature> keyOf(const json& data) {
        if (!data.is_object()) {
            return std::nullopt;
        }
        if (const auto fifths = number(data, "fifths"); fifths && *fifths >= -7 && *fifths <= 7) {
            const auto mode = modeNamed(text(data, "mode", "major"));
            return mode ? std::optional{score::KeySignature{static_cast<std::int8_t>(*fifths), *mode}} : std::nullopt;
        }
        const std::string keyText = text(data, "key");
        const auto tonic = keyText.empty() ? std::nullopt : score::stepFromLetter(keyText[0]);
        if (!tonic || std::islower(static_cast<unsigned char>(keyText[0])) != 0) {
            return std::nullopt;
        }
        std::size_t i = 1;
        int alter = 0;
        for (; i < keyText.size() && (keyText[i] == '#' || keyText[i] == 'b'); ++i) {
            alter += keyText[i] == '#' ? 1 : -1;
        }
        std::string rest = keyText.substr(i);
        rest.erase(0, rest.find_first_not_of(' '));
        const auto mode = modeNamed(rest);
        if (!mode) {
            return std::nullopt;
        }
        // Fifths of the tonic as a major key, less the mode's distance from its major relative.
        constexpr int kLetterFifths[] = {0, 2, 4, -1, 1, 3, 5};  // C D E F G A B
        const int fifths = kLetterFifths[static_cast<int>(*tonic)] + 7 * alter - modeFifthsBelowMajor(*mode);
        if (fifths < -7 || fifths > 7) {
            return std::nullopt;
        }
        return score::KeySignature{static_cast<std::int8_t>(fifths), *mode};
    }

    static std::optional<score::Mode> modeNamed(std::string name) {
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        using score::Mode;
        static const std::pair<const char*, Mode> kNames[] = {
            {"", Mode::Major},
            {"maj", Mode::Major},
            {"major", Mode::Major},
            {"m", Mode::Minor},
            {"min", Mode::Minor},
            {"minor", Mode::Minor},
            {"ionian", Mode::Ionian},
            {"dorian", Mode::Dorian},
            {"phrygian", Mode::Phrygian},
            {"lydian", Mode::Lydian},
            {"mixolydian", Mode::Mixolydian},
            {"aeolian", Mode::Aeolian},
            {"locrian", Mode::Locrian},
        };
        for (const auto& [text, mode] : kNames) {
            if (name == text) {
                return mode;
            }
        }
        return std::nullopt;
    }

    static int modeFifthsBelowMajor(score::Mode mode) {
        using score::Mode;
        switch (mode) {
            case Mode::Dorian:
                return 2;
            case Mode::Phrygian:
                return 4;
            case Mode::Lydian:
                return -1;
            case Mode::Mixolydian:
                return 1;
            case Mode::Minor:
            case Mode::Aeolian:
                return 3;
            case Mode::Locrian:
                return 5;
            default:
                return 0;
        }
    }

    // Extends the timeline (4/4 bars) to the last timed event, then places tempos, keys and chords.
    void coverEveryEvent() {
        auto& measures = score_.timeline.measures;
        const std::int64_t lastTick = events_.empty() ? 0 : events_.back().tick;
        std::vector<Rational> starts = score::measureStarts(score_.timeline);
        while (starts.back() <= Rational{lastTick, core::kTicksPerWhole} || measures.empty()) {
            score::Measure bar;
            bar.number = std::to_string(measures.size() + 1);
            bar.duration =
                score::timeSignatureAt(score_.timeline, static_cast<std::uint32_t>(measures.size())).measureLength();
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

    const json& document_;
    const std::string& fileName_;
    std::vector<TimedEvent> events_;
    score::Score score_;
    std::vector<core::Error> warnings_;
    std::vector<std::pair<std::int64_t, Rational>> tempos_;
    std::vector<std::pair<std::int64_t, score::KeySignature>> keys_;
    std::vector<std::pair<std::int64_t, std::string>> chords_;
    std::vector<std::pair<std::int64_t, std::string>> numerals_;
    json kept_ = json::array();
};

}  // namespace

core::Result<Imported> readHermesTimeline(std::string_view text, const std::string& fileName) {
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error& e) {
        core::SourceLocation where{fileName};
        where.byteOffset = static_cast<std::int64_t>(e.byte);
        return core::fail(ErrorCode::ParseError, "not valid JSON", where);
    } catch (const json::exception& e) {  // a number out of range, such as 1e400
        return core::fail(ErrorCode::ParseError, std::string{"not valid JSON: "} + e.what(), {fileName});
    }
    return TimelineReader{document, fileName}.read();
}

}  // namespace mos::formats
