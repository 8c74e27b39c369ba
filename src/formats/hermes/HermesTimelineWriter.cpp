// UMF → Hermes timeline JSON. The notes come from the MIDI exporter (ties merged, transposition,
// percussion keys and velocities exactly as MOS plays them), the rest from the score's layers.

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "HermesJson.hpp"
#include "mos/core/JsonWriter.hpp"
#include "mos/core/Ticks.hpp"
#include "mos/formats/HermesTimeline.hpp"
#include "mos/formats/MidiScore.hpp"
#include "mos/formats/StandardMidiFile.hpp"
#include "mos/score/Summary.hpp"
#include "mos/score/TempoMap.hpp"

namespace mos::formats {

namespace {

using core::JsonWriter;
using core::Rational;
using Layout = JsonWriter::Layout;

// At one place: tempo, key, chord, note off, note on, then what was kept.
enum class Order { Tempo, Key, Chord, NoteOff, NoteOn, Kept };

// One event, written once all are sorted: its timing comes from `position`, the rest from `members`.
struct Entry {
    Rational position;  // whole notes from the start
    Order order;
    std::string_view type;
    std::function<void(JsonWriter&)> members;  // writes "data" and whatever else the event holds
};

class TimelineWriter {
public:
    explicit TimelineWriter(const score::Score& score)
        : score_{score}, starts_{score::measureStarts(score.timeline)}, tempo_{score.timeline} {}

    std::string write() {
        addTempoAndKeys();
        addChords();
        addNotes();
        addKept();
        std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
            return a.position != b.position ? a.position < b.position : a.order < b.order;
        });
        // One event per line.
        JsonWriter json{true};
        json.beginObject(Layout::Block);
        json.key("version");
        json.string("1.0");
        json.key("events");
        json.beginArray(Layout::Block);
        for (const Entry& entry : entries_) {
            json.beginObject(Layout::Line);
            writeTiming(json, entry.position);
            json.key("type");
            json.string(entry.type);
            entry.members(json);
            json.endObject();
        }
        json.endArray();
        json.endObject();
        return json.take();
    }

private:
    Rational absolute(const score::ScorePosition& at) const {
        return (at.measure < starts_.size() ? starts_[at.measure] : starts_.back()) + at.offset;
    }

    // The timing fields every event carries: seconds, 960-PPQ tick, 1-based measure and beat.
    void writeTiming(JsonWriter& json, Rational position) const {
        const auto after = std::upper_bound(starts_.begin(), starts_.end() - 1, position);
        const auto measure = static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(after - starts_.begin() - 1, 0));
        const score::TimeSignature time = score::timeSignatureAt(score_.timeline, measure);
        json.key("timestamp");
        json.number(std::round(tempo_.secondsAt(position) * 1e6) / 1e6);
        json.key("tick");
        json.integer((position * Rational{core::kTicksPerWhole}).round().value_or(0));
        json.key("measure");
        json.integer(std::int64_t{measure} + 1);
        json.key("beat");
        json.number(1.0 + ((position - starts_[measure]) * Rational{time.denominator}).toDouble());
    }

    // An event whose data object `writeData` fills.
    void add(Rational position, Order order, std::string_view type, std::function<void(JsonWriter&)> writeData) {
        entries_.push_back({position, order, type, [writeData = std::move(writeData)](JsonWriter& json) {
                                json.key("data");
                                json.beginObject();
                                writeData(json);
                                json.endObject();
                            }});
    }

    void addTempoAndKeys() {
        for (std::size_t m = 0; m < score_.timeline.measures.size(); ++m) {
            const score::Measure& measure = score_.timeline.measures[m];
            for (const score::TempoMark& mark : measure.tempos) {
                add(starts_[m] + mark.offset, Order::Tempo, "tempo_change", [&mark](JsonWriter& json) {
                    json.key("bpm");
                    json.number(mark.quarterBpm().toDouble());
                    if (!mark.text.empty()) {
                        json.key("text");
                        json.string(mark.text);
                    }
                });
            }
            for (const score::KeyChange& change : measure.keys) {
                add(starts_[m] + change.offset, Order::Key, "key_change", [&change](JsonWriter& json) {
                    const std::string name = score::keyName(change.key);  // "E minor"
                    json.key("key");
                    json.string(name);
                    json.key("fifths");
                    json.integer(change.key.fifths);
                    json.key("mode");
                    json.string(name.substr(name.find(' ') + 1));
                });
            }
        }
    }

    void addChords() {
        for (const score::ChordSymbol& chord : score_.layers.chords) {
            if (chord.alternate) {
                continue;
            }
            const auto& numerals = score_.layers.analysis.numerals;
            const auto numeral = std::find_if(numerals.begin(), numerals.end(),
                                              [&](const score::RomanNumeral& n) { return n.at == chord.at; });
            const score::RomanNumeral* roman = numeral != numerals.end() ? &*numeral : nullptr;
            add(absolute(chord.at), Order::Chord, "chord_change", [&chord, roman](JsonWriter& json) {
                json.key("expected");
                json.string(chord.text);
                if (roman != nullptr) {
                    json.key("roman");
                    json.string(roman->numeral);
                }
            });
        }
    }

    // Track 0 of the exported file is the conductor; track i plays part i - 1.
    void addNotes() {
        const StandardMidiFile midi = scoreToMidi(score_);
        const Rational ticksPerWhole{4 * std::int64_t{midi.division.ticksPerQuarter}};
        for (std::size_t t = 1; t < midi.tracks.size(); ++t) {
            const std::string_view part = t - 1 < score_.parts.size() ? score_.parts[t - 1].id : std::string_view{};
            for (const SmfEvent& event : midi.tracks[t].events) {
                const bool on = event.command() == 0x90 && event.data2 > 0;
                if (!on && event.command() != 0x80 && event.command() != 0x90) {
                    continue;
                }
                add(Rational{event.tick} / ticksPerWhole, on ? Order::NoteOn : Order::NoteOff, "midi_event",
                    [on, note = event.data1, velocity = on ? event.data2 : 0, channel0to15 = event.channel0to15(),
                     part](JsonWriter& json) {
                        json.key("message");
                        json.string(on ? "note_on" : "note_off");
                        json.key("note");
                        json.integer(note);
                        json.key("velocity");
                        json.integer(velocity);
                        json.key("channel");
                        json.integer(channel0to15 + 1);
                        if (!part.empty()) {
                            json.key("part");
                            json.string(part);
                        }
                    });
            }
        }
    }

    // Events read from a timeline that UMF does not model go back out where they were, timed afresh
    // like every other event; whatever else an event held goes back as it was. An event without a
    // "type" string could not be read back, so it is left out.
    void addKept() {
        const auto kept = score_.extensions.find(std::string{hermes::kExtension});
        simdjson::dom::element extension;
        if (kept == score_.extensions.end() || keptParser_.parse(kept->second).get(extension) != simdjson::SUCCESS) {
            return;
        }
        simdjson::dom::array events;
        if (const hermes::Value list = hermes::member(extension, "events");
            !list || list->get_array().get(events) != simdjson::SUCCESS) {
            return;
        }
        for (const simdjson::dom::element event : events) {
            std::string_view type;
            if (const hermes::Value typeMember = hermes::member(event, "type");
                !typeMember || typeMember->get_string().get(type) != simdjson::SUCCESS) {
                continue;
            }
            std::int64_t tick = 0;
            if (const hermes::Value tickMember = hermes::member(event, "tick");
                !tickMember || tickMember->get_int64().get(tick) != simdjson::SUCCESS) {
                tick = 0;
            }
            entries_.push_back({Rational{tick, core::kTicksPerWhole}, Order::Kept, type,
                                [event](JsonWriter& json) { writeKeptMembers(json, event); }});
        }
    }

    // "data" (an empty object when the event had none), then the members beyond the timing fields,
    // "type" and "data", in the order the event had them.
    static void writeKeptMembers(JsonWriter& json, simdjson::dom::element event) {
        json.key("data");
        if (const hermes::Value data = hermes::member(event, "data")) {
            json.raw(simdjson::to_string(*data));
        } else {
            json.beginObject();
            json.endObject();
        }
        const simdjson::dom::object members = event.get_object().value_unsafe();
        for (const auto field : members) {
            if (!hermes::isTimingField(field.key) && field.key != "type" && field.key != "data") {
                json.escapedKey(field.key);
                json.raw(simdjson::to_string(field.value));
            }
        }
    }

    const score::Score& score_;
    std::vector<Rational> starts_;
    score::TempoMap tempo_;
    std::vector<Entry> entries_;
    simdjson::dom::parser keptParser_;  // holds the kept events until they are written
};

}  // namespace

std::string writeHermesTimeline(const score::Score& score) { return TimelineWriter{score}.write(); }

}  // namespace mos::formats
