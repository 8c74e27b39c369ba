// UMF → Hermes timeline JSON. The notes come from the MIDI exporter (ties merged, transposition,
// percussion keys and velocities exactly as MOS plays them), the rest from the score's layers.

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mos/core/Ticks.hpp"
#include "mos/formats/HermesTimeline.hpp"
#include "mos/formats/MidiScore.hpp"
#include "mos/formats/StandardMidiFile.hpp"
#include "mos/score/Summary.hpp"
#include "mos/score/TempoMap.hpp"

namespace mos::formats {

namespace {

using core::Rational;
using nlohmann::json;

struct Entry {
    Rational position;  // whole notes from the start
    int order;          // at one place: tempo, key, chord, note off, note on
    json event;
};

enum Order : int { kTempo, kKey, kChord, kNoteOff, kNoteOn, kKept };

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
        json events = json::array();
        for (Entry& entry : entries_) {
            events.push_back(std::move(entry.event));
        }
        return json{{"version", "1.0"}, {"events", std::move(events)}}.dump(2) + '\n';
    }

private:
    Rational absolute(const score::ScorePosition& at) const {
        return (at.measure < starts_.size() ? starts_[at.measure] : starts_.back()) + at.offset;
    }

    // The timing fields every event carries: seconds, 960-PPQ tick, 1-based measure and beat.
    json timed(const char* type, Rational position, json data) const {
        const auto after = std::upper_bound(starts_.begin(), starts_.end() - 1, position);
        const auto measure = static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(after - starts_.begin() - 1, 0));
        const score::TimeSignature time = score::timeSignatureAt(score_.timeline, measure);
        const double beat = 1.0 + ((position - starts_[measure]) * Rational{time.denominator}).toDouble();
        return json{{"timestamp", std::round(tempo_.secondsAt(position) * 1e6) / 1e6},
                    {"tick", (position * Rational{core::kTicksPerWhole}).round().value_or(0)},
                    {"measure", measure + 1},
                    {"beat", beat},
                    {"type", type},
                    {"data", std::move(data)}};
    }

    void add(Rational position, int order, const char* type, json data) {
        entries_.push_back({position, order, timed(type, position, std::move(data))});
    }

    void addTempoAndKeys() {
        for (std::size_t m = 0; m < score_.timeline.measures.size(); ++m) {
            const score::Measure& measure = score_.timeline.measures[m];
            for (const score::TempoMark& mark : measure.tempos) {
                json data{{"bpm", mark.quarterBpm().toDouble()}};
                if (!mark.text.empty()) {
                    data["text"] = mark.text;
                }
                add(starts_[m] + mark.offset, kTempo, "tempo_change", std::move(data));
            }
            for (const score::KeyChange& change : measure.keys) {
                const std::string name = score::keyName(change.key);  // "E minor"
                add(starts_[m] + change.offset, kKey, "key_change",
                    {{"key", name}, {"fifths", change.key.fifths}, {"mode", name.substr(name.find(' ') + 1)}});
            }
        }
    }

    void addChords() {
        for (const score::ChordSymbol& chord : score_.layers.chords) {
            if (chord.alternate) {
                continue;
            }
            json data{{"expected", chord.text}};
            const auto numeral =
                std::find_if(score_.layers.analysis.numerals.begin(), score_.layers.analysis.numerals.end(),
                             [&](const score::RomanNumeral& n) { return n.at == chord.at; });
            if (numeral != score_.layers.analysis.numerals.end()) {
                data["roman"] = numeral->numeral;
            }
            add(absolute(chord.at), kChord, "chord_change", std::move(data));
        }
    }

    // Track 0 of the exported file is the conductor; track i plays part i - 1.
    void addNotes() {
        const StandardMidiFile midi = scoreToMidi(score_);
        const Rational ticksPerWhole{4 * std::int64_t{midi.division.ticksPerQuarter}};
        for (std::size_t t = 1; t < midi.tracks.size(); ++t) {
            const std::string part = t - 1 < score_.parts.size() ? score_.parts[t - 1].id : std::string{};
            for (const SmfEvent& event : midi.tracks[t].events) {
                const bool on = event.command() == 0x90 && event.data2 > 0;
                if (!on && event.command() != 0x80 && event.command() != 0x90) {
                    continue;
                }
                json data{{"message", on ? "note_on" : "note_off"},
                          {"note", event.data1},
                          {"velocity", on ? event.data2 : 0},
                          {"channel", event.channel0to15() + 1}};
                if (!part.empty()) {
                    data["part"] = part;
                }
                add(Rational{event.tick} / ticksPerWhole, on ? kNoteOn : kNoteOff, "midi_event", std::move(data));
            }
        }
    }

    // Events read from a timeline that UMF does not model go back out where they were.
    void addKept() {
        const auto kept = score_.extensions.find("hermes");
        if (kept == score_.extensions.end()) {
            return;
        }
        const json extension = json::parse(kept->second, nullptr, false);
        if (!extension.is_object() || !extension.contains("events") || !extension["events"].is_array()) {
            return;
        }
        for (const json& event : extension["events"]) {
            if (!event.is_object()) {
                continue;
            }
            const auto tick = event.contains("tick") && event["tick"].is_number_integer()
                                  ? event["tick"].get<std::int64_t>()
                                  : std::int64_t{0};
            // Timed afresh like every other event; whatever else the event held goes back as it was.
            const Rational position{tick, core::kTicksPerWhole};
            json out = timed("", position, json{});
            for (const auto& [name, value] : event.items()) {
                if (name != "timestamp" && name != "measure" && name != "beat" && name != "tick") {
                    out[name] = value;
                }
            }
            entries_.push_back({position, kKept, std::move(out)});
        }
    }

    const score::Score& score_;
    std::vector<Rational> starts_;
    score::TempoMap tempo_;
    std::vector<Entry> entries_;
};

}  // namespace

std::string writeHermesTimeline(const score::Score& score) { return TimelineWriter{score}.write(); }

}  // namespace mos::formats
