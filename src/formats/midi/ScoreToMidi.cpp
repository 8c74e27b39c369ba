// UMF score → Standard MIDI File, type 1. Positions are exact rationals of a whole note; the division
// is chosen so that every one of them is a whole number of ticks, and a note plays at its performed
// timing when it has one, so a file that was read writes back the same notes at the same ticks.

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <numeric>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "mos/formats/MidiScore.hpp"
#include "mos/score/PlayedNotes.hpp"

namespace mos::formats {
namespace {

using core::Rational;

constexpr std::int64_t kMaxDivision = 32767;     // the division field's 15 bits
constexpr std::int64_t kRoundingDivision = 960;  // when no exact division fits
constexpr std::int64_t kUsualDivision = 480;     // exact divisions are raised towards this
constexpr std::int64_t kMaxTick = std::int64_t{1} << 40;
constexpr std::int64_t kLargestDelta = 0x0FFFFFFF;  // a delta time's 28 bits
constexpr std::int64_t kMicrosPerMinute = 60'000'000;
constexpr std::int64_t kLargestTempo = 0xFFFFFF;

bool isPowerOfTwo(std::int64_t value) noexcept { return value > 0 && (value & (value - 1)) == 0; }

int log2Of(std::int64_t powerOfTwo) noexcept { return std::countr_zero(static_cast<std::uint64_t>(powerOfTwo)); }

// A channel or meta event waiting for its tick; `order` settles events at one tick: texts first,
// then note offs, note ons (shorter first, so first-on-first-off pairing finds them again), and
// last the offs of notes that take no time.
struct Pending {
    std::int64_t tick = 0;
    std::int64_t order = 0;
    std::int64_t tieBreak = 0;
    SmfEvent event{};
};

// Whole-note positions become ticks: needs() learns what the division must divide, ticks() converts.
class DivisionChooser {
public:
    void need(Rational position, bool timed) {
        if (!position.isValid()) return;
        // position × 4 × division is whole when den / gcd(den, 4) divides the division.
        const std::int64_t den = position.den();
        const std::int64_t factor = den / std::gcd(den, std::int64_t{4});
        all_ = combine(all_, factor);
        if (timed) timed_ = combine(timed_, factor);
    }

    // The division, and a warning when some positions must be rounded.
    std::int64_t choose(std::vector<core::Error>& warnings) const {
        std::int64_t division = kRoundingDivision;
        if (all_ <= kMaxDivision) {
            division = all_;
        } else if (timed_ <= kMaxDivision) {
            division = timed_;
            warnings.push_back(core::fail(core::ErrorCode::OutOfRange,
                                          "meters, keys and texts are rounded to " + std::to_string(timed_) +
                                              " ticks per quarter; the notes and tempo changes are exact"));
        } else {
            warnings.push_back(core::fail(core::ErrorCode::OutOfRange,
                                          "no division up to 32767 places every position exactly; positions are "
                                          "rounded to 960 ticks per quarter"));
            return division;
        }
        return division * ((kUsualDivision + division - 1) / division);
    }

private:
    static std::int64_t combine(std::int64_t lcm, std::int64_t factor) {
        if (lcm > kMaxDivision) return lcm;
        return std::min(std::lcm(lcm, factor), kMaxDivision + 1);
    }

    std::int64_t all_ = 1;
    std::int64_t timed_ = 1;
};

class MidiWriter {
public:
    explicit MidiWriter(const score::Score& score) : score_{score} {}

    StandardMidiFile run() {
        starts_ = score::measureStarts(score_.timeline);
        file_.format = 1;
        collectNotes();
        chooseDivision();
        writeConductor();
        for (std::size_t p = 0; p < score_.parts.size(); ++p) writePart(p);
        if (skipped_ > 0) {
            warn(std::to_string(skipped_) +
                 " notes are left out: their pitch is outside MIDI's 0…127 or their position is not in the score");
        }
        return std::move(file_);
    }

private:
    std::optional<Rational> absolute(const score::ScorePosition& at) const {
        if (at.measure >= score_.timeline.measures.size()) return std::nullopt;
        const Rational position = starts_[at.measure] + at.offset;
        if (!position.isValid() || position.isNegative()) return std::nullopt;
        return position;
    }

    // The notes each part plays (ties merged), and where the lyrics' events sit.
    void collectNotes() {
        score::PlayedNotes played = score::playedNotes(score_);
        played_ = std::move(played.parts);
        skipped_ += played.skipped;
        for (const auto& notes : played_) {
            for (const score::PlayedNote& note : notes) {
                divisionChooser_.need(note.onset, true);
                divisionChooser_.need(note.onset + note.duration, true);
            }
        }
        for (const auto& syllable : score_.layers.lyrics) lyricEvents_.emplace(syllable.event, -1);
        for (std::size_t p = 0; p < score_.parts.size(); ++p) {
            for (const score::Event& event : score_.parts[p].events) {
                const auto lyric = lyricEvents_.find(event.id);
                const auto start = absolute({event.measure, event.offset});
                if (lyric == lyricEvents_.end() || !start) continue;
                lyric->second = static_cast<std::int64_t>(p);
                lyricPositions_[event.id] = *start;
                divisionChooser_.need(*start, false);
            }
        }
    }

    void chooseDivision() {
        for (std::size_t m = 0; m < score_.timeline.measures.size(); ++m) {
            const score::Measure& measure = score_.timeline.measures[m];
            divisionChooser_.need(starts_[m], false);
            for (const auto& key : measure.keys) divisionChooser_.need(starts_[m] + key.offset, false);
            for (const auto& tempo : measure.tempos) divisionChooser_.need(starts_[m] + tempo.offset, true);
        }
        for (const auto& marker : score_.layers.markers) {
            if (const auto at = absolute(marker.at)) divisionChooser_.need(*at, false);
        }
        for (const auto& text : score_.layers.notation.texts) {
            if (const auto at = absolute(text.at)) divisionChooser_.need(*at, false);
        }
        division_ = divisionChooser_.choose(file_.warnings);
        file_.division.ticksPerQuarter = static_cast<std::uint16_t>(division_);
    }

    std::optional<std::int64_t> ticksOf(Rational position) const {
        const auto ticks = (position * Rational{4 * division_}).round();
        if (!ticks || *ticks < 0 || *ticks > kMaxTick) return std::nullopt;
        return *ticks;
    }

    void addMeta(std::vector<Pending>& pending, std::int64_t tick, std::uint8_t type,
                 std::span<const std::uint8_t> data, std::int64_t tieBreak = 0) {
        SmfEvent event;
        event.kind = SmfEventKind::Meta;
        event.status = type;
        event.payloadOffset = static_cast<std::uint32_t>(file_.bytes.size());
        event.payloadSize = static_cast<std::uint32_t>(data.size());
        file_.bytes.insert(file_.bytes.end(), data.begin(), data.end());
        pending.push_back({tick, -1, tieBreak, event});
    }

    void addText(std::vector<Pending>& pending, std::int64_t tick, std::uint8_t type, std::string_view text) {
        addMeta(pending, tick, type, {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
    }

    void addMetaAt(std::vector<Pending>& pending, std::optional<Rational> at, std::uint8_t type,
                   std::span<const std::uint8_t> data) {
        if (!at) return;
        if (const auto tick = ticksOf(*at)) addMeta(pending, *tick, type, data);
    }

    // Sorts a track's events by tick (stable: texts keep their order) and moves them into the file,
    // with empty text events where a gap is longer than a delta time can say.
    void finishTrack(std::vector<Pending>& pending) {
        std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
            if (a.tick != b.tick) return a.tick < b.tick;
            if (a.order != b.order) return a.order < b.order;
            return a.tieBreak < b.tieBreak;
        });
        SmfTrack& track = file_.tracks.emplace_back();
        track.events.reserve(pending.size());
        std::int64_t last = 0;
        for (Pending& p : pending) {
            while (p.tick - last > kLargestDelta) {
                last += kLargestDelta;
                SmfEvent filler;
                filler.tick = last;
                filler.kind = SmfEventKind::Meta;
                filler.status = smf_meta::kText;
                filler.payloadOffset = static_cast<std::uint32_t>(file_.bytes.size());
                track.events.push_back(filler);
            }
            p.event.tick = p.tick;
            track.events.push_back(p.event);
            last = p.tick;
        }
    }

    void writeConductor() {
        std::vector<Pending> pending;
        if (!score_.metadata.title.empty()) addText(pending, 0, smf_meta::kTrackName, score_.metadata.title);
        if (!score_.metadata.copyright.empty()) addText(pending, 0, smf_meta::kCopyright, score_.metadata.copyright);
        const auto& measures = score_.timeline.measures;
        bool restate = false;  // the last measure's written meter was its own length: write the meter again
        score::TimeSignature meter{};
        for (std::size_t m = 0; m < measures.size(); ++m) {
            const score::Measure& measure = measures[m];
            if (measure.time) meter = *measure.time;
            if (m == 0 || measure.time || restate) {
                restate = false;
                score::TimeSignature written = meter;
                const bool nextStates = m + 1 < measures.size() && measures[m + 1].time.has_value();
                if (measure.duration != meter.measureLength() && m + 1 < measures.size() && !nextStates) {
                    if (const auto own = meterOfLength(measure.duration, meter)) {
                        written = *own;
                        restate = true;
                    }
                }
                writeMeter(pending, starts_[m], written);
            }
            for (const auto& change : measure.keys) {
                const auto fifths = static_cast<std::uint8_t>(std::clamp<int>(change.key.fifths, -7, 7));
                const bool minor = change.key.mode == score::Mode::Minor || change.key.mode == score::Mode::Aeolian;
                const std::array<std::uint8_t, 2> data{fifths, static_cast<std::uint8_t>(minor ? 1 : 0)};
                addMetaAt(pending, starts_[m] + change.offset, smf_meta::kKeySignature, data);
            }
            for (const auto& tempo : measure.tempos) {
                const Rational quarterBpm = tempo.quarterBpm();
                if (!quarterBpm.isValid() || quarterBpm <= Rational{0}) continue;
                const auto micros = (Rational{kMicrosPerMinute} / quarterBpm).round();
                if (!micros) continue;
                const auto value = static_cast<std::uint32_t>(std::clamp<std::int64_t>(*micros, 1, kLargestTempo));
                const std::array<std::uint8_t, 3> data{static_cast<std::uint8_t>(value >> 16U),
                                                       static_cast<std::uint8_t>(value >> 8U),
                                                       static_cast<std::uint8_t>(value)};
                addMetaAt(pending, starts_[m] + tempo.offset, smf_meta::kTempo, data);
            }
        }
        for (const auto& marker : score_.layers.markers) {
            const auto at = absolute(marker.at);
            const auto tick = at ? ticksOf(*at) : std::nullopt;
            if (!tick) continue;
            addText(pending, *tick, marker.kind == score::Marker::Kind::Text ? smf_meta::kCuePoint : smf_meta::kMarker,
                    marker.label);
        }
        for (const auto& text : score_.layers.notation.texts) {
            if (text.partId.empty() || score_.findPart(text.partId) == nullptr) writeText(pending, text);
        }
        finishTrack(pending);
    }

    // A meter whose measure is `length` long, with the denominator of `meter` where it can: the
    // time signature a short measure (a pickup) is written with.
    static std::optional<score::TimeSignature> meterOfLength(Rational length, const score::TimeSignature& meter) {
        if (!length.isValid() || length <= Rational{0} || !isPowerOfTwo(length.den())) return std::nullopt;
        std::int64_t denominator =
            std::max<std::int64_t>(length.den(), isPowerOfTwo(meter.denominator) ? meter.denominator : 4);
        const Rational numerator = length * Rational{denominator};
        if (!numerator.isInteger() || numerator.num() > 255 || denominator > (1 << 15)) return std::nullopt;
        return score::TimeSignature{static_cast<std::uint16_t>(numerator.num()),
                                    static_cast<std::uint16_t>(denominator)};
    }

    void writeMeter(std::vector<Pending>& pending, Rational at, const score::TimeSignature& meter) {
        if (!isPowerOfTwo(meter.denominator) || meter.numerator == 0 || meter.numerator > 255) {
            ++unwrittenMeters_;
            if (unwrittenMeters_ == 1) {
                warn("a time signature of " + std::to_string(meter.numerator) + "/" +
                     std::to_string(meter.denominator) + " cannot be written to MIDI (it needs a power of two below)");
            }
            return;
        }
        const std::array<std::uint8_t, 4> data{static_cast<std::uint8_t>(meter.numerator),
                                               static_cast<std::uint8_t>(log2Of(meter.denominator)), 24, 8};
        addMetaAt(pending, at, smf_meta::kTimeSignature, data);
    }

    void writeText(std::vector<Pending>& pending, const score::TextMark& text) {
        const auto at = absolute(text.at);
        const auto tick = at ? ticksOf(*at) : std::nullopt;
        if (tick) addText(pending, *tick, smf_meta::kText, text.text);
    }

    void writePart(std::size_t p) {
        const score::Part& part = score_.parts[p];
        std::vector<Pending> pending;
        pending.reserve(played_[p].size() * 2 + 4);
        if (!part.name.empty()) addText(pending, 0, smf_meta::kTrackName, part.name);
        if (!part.instrument.name.empty()) addText(pending, 0, smf_meta::kInstrumentName, part.instrument.name);
        const std::uint8_t channel = channels_[p];
        SmfEvent program;
        program.status = static_cast<std::uint8_t>(0xC0U | channel);
        program.data1 = static_cast<std::uint8_t>(part.instrument.gmProgram & 0x7FU);
        pending.push_back({0, -1, 0, program});

        for (const score::PlayedNote& note : played_[p]) {
            const auto on = ticksOf(note.onset);
            const auto off = ticksOf(note.onset + note.duration);
            if (!on || !off) {
                ++skipped_;
                continue;
            }
            SmfEvent event;
            event.status = static_cast<std::uint8_t>(0x90U | channel);
            event.data1 = note.key;
            event.data2 = std::max<std::uint8_t>(1, note.velocity & 0x7FU);
            pending.push_back({*on, 1, *off, event});
            event.data2 = 0;  // a note on of velocity 0 ends the note, and keeps running status
            pending.push_back({*off, *off == *on ? 2 : 0, *on, event});
        }
        for (const auto& syllable : score_.layers.lyrics) {
            const auto owner = lyricEvents_.find(syllable.event);
            if (owner == lyricEvents_.end() || owner->second != static_cast<std::int64_t>(p)) continue;
            const auto tick = ticksOf(lyricPositions_.at(syllable.event));
            if (!tick) continue;
            const bool continues = syllable.syllabic == score::LyricSyllable::Syllabic::Begin ||
                                   syllable.syllabic == score::LyricSyllable::Syllabic::Middle;
            addText(pending, *tick, smf_meta::kLyric, continues ? syllable.text + "-" : syllable.text);
        }
        for (const auto& text : score_.layers.notation.texts) {
            if (text.partId == part.id) writeText(pending, text);
        }
        finishTrack(pending);
    }

    void warn(std::string message) {
        file_.warnings.push_back(core::fail(core::ErrorCode::OutOfRange, std::move(message)));
    }

    const score::Score& score_;
    StandardMidiFile file_;
    std::vector<Rational> starts_;
    std::vector<std::vector<score::PlayedNote>> played_;
    std::unordered_map<score::ElementId, std::int64_t> lyricEvents_;  // event → part that holds it
    std::unordered_map<score::ElementId, Rational> lyricPositions_;
    DivisionChooser divisionChooser_;
    std::int64_t division_ = kUsualDivision;
    std::vector<std::uint8_t> channels_ = score::midiChannels(score_);
    std::size_t skipped_ = 0;
    std::size_t unwrittenMeters_ = 0;
};

}  // namespace

StandardMidiFile scoreToMidi(const score::Score& score) { return MidiWriter{score}.run(); }

core::Result<std::vector<std::byte>> writeMidi(const score::Score& score) {
    const StandardMidiFile file = scoreToMidi(score);
    auto bytes = writeStandardMidiFile(file);
    if (!bytes) return std::move(bytes).error();
    std::vector<std::byte> out(bytes->size());
    if (!out.empty()) std::memcpy(out.data(), bytes->data(), out.size());
    return out;
}

}  // namespace mos::formats
