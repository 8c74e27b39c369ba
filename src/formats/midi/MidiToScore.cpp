// Standard MIDI File → UMF score. One pass per track pairs note ons and offs (first on, first off
// for one key of one channel) and gathers the conductor events; the measures follow from the time
// signature map; each part's notes then go through the quantiser, which writes the notation while
// every note keeps its exact performed timing.
//
// Time is counted in units: file ticks times a scale chosen so that every measure and every
// quantiser grid point is a whole number of units, so nothing below is rounded.

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstring>
#include <limits>
#include <numeric>
#include <optional>
#include <string_view>

#include "formats/PercussionStaff.hpp"
#include "formats/midi/GeneralMidi.hpp"
#include "formats/midi/Quantizer.hpp"
#include "mos/core/Utf8.hpp"
#include "mos/formats/MidiScore.hpp"

namespace mos::formats {
namespace {

using core::Rational;

// Limits that keep a hostile file (a note after a silence of days) from taking unbounded memory;
// real music stays far inside them (9 hours at 120 quarters a minute).
constexpr std::int64_t kMaxQuarters = std::int64_t{1} << 16;    // the longest timeline imported
constexpr std::size_t kMaxMeasures = std::size_t{1} << 14;      // and its most measures
constexpr std::size_t kMaxMeasureCells = std::size_t{1} << 18;  // measures × parts: the measure rests it may take
constexpr std::uint8_t kDrumChannel = 9;                        // channel 10, counted from 0
constexpr std::size_t kChannels = 16;
constexpr std::size_t kKeys = 128;
constexpr std::int64_t kMicrosPerMinute = 60'000'000;

struct RawNote {
    std::int64_t onset = 0;
    std::int64_t end = -1;       // -1 while it sounds
    std::int32_t nextOpen = -1;  // the next note on this channel and key waiting for its note off
    std::uint32_t track = 0;
    std::uint8_t channel = 0;
    std::uint8_t key = 0;
    std::uint8_t velocity = 0;
};

struct TrackInfo {
    const SmfEvent* name = nullptr;
    const SmfEvent* instrument = nullptr;
    std::uint16_t channels = 0;  // a bit per channel that plays notes
    std::array<std::int16_t, kChannels> programs{};
};

struct MetaAt {
    std::int64_t tick = 0;
    std::uint32_t track = 0;
    const SmfEvent* event = nullptr;
};

struct MeterAt {
    std::int64_t tick = 0;
    score::TimeSignature meter{};
};

struct KeyAt {
    std::int64_t unit = 0;
    int fifths = 0;
};

// MIDI text has no declared encoding: UTF-8 where it is valid UTF-8, else Latin-1 (what older files
// use). Trailing NULs some writers pad with are dropped.
std::string decodeText(std::span<const std::uint8_t> bytes) {
    while (!bytes.empty() && bytes.back() == 0) bytes = bytes.first(bytes.size() - 1);
    std::string text{bytes.begin(), bytes.end()};
    if (core::isValidUtf8(text)) return text;
    text.clear();
    text.reserve(bytes.size() * 2);
    for (const std::uint8_t byte : bytes) {
        if (byte < 0x80) {
            text.push_back(static_cast<char>(byte));
        } else {
            text.push_back(static_cast<char>(0xC0U | (byte >> 6U)));
            text.push_back(static_cast<char>(0x80U | (byte & 0x3FU)));
        }
    }
    return text;
}

// "P1", "P2" …, built in a buffer: assigning "P" + to_string() into the part's string makes GCC 12
// at -O3 report a false -Wrestrict.
std::string partId(std::size_t index) {
    std::array<char, 24> buffer{'P'};
    const auto end = std::to_chars(buffer.data() + 1, buffer.data() + buffer.size(), index + 1).ptr;
    return {buffer.data(), end};
}

std::string_view trimmed(std::string_view text) noexcept {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\r' || text.front() == '\n')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\r' || text.back() == '\n')) text.remove_suffix(1);
    return text;
}

class MidiImporter {
public:
    MidiImporter(const StandardMidiFile& file, const MidiImportOptions& options, std::vector<core::Error>* warnings)
        : file_{file}, options_{options}, warnings_{warnings} {}

    score::Score run() {
        chooseTracks();
        head_.fill(-1);
        tail_.fill(-1);
        std::size_t events = 0;
        for (std::size_t t = firstTrack_; t < endTrack_; ++t) events += file_.tracks[t].events.size();
        notes_.reserve(events / 2);  // at most one note per on/off pair
        for (std::size_t t = firstTrack_; t < endTrack_; ++t) collectTrack(t);
        if (strayNoteOffs_ > 0) {
            warn(strayNoteOffOffset_,
                 std::to_string(strayNoteOffs_) + " note offs without a sounding note are ignored");
        }
        if (unfinishedNotes_ > 0) {
            warn(std::nullopt,
                 std::to_string(unfinishedNotes_) + " notes still sounding at the end of their track end there");
        }
        sortConductorEvents();
        chooseScale();
        groupParts();
        buildTimeline();
        fillMeasures();
        buildParts();
        placeTexts();
        return std::move(score_);
    }

private:
    void chooseTracks() {
        if (file_.format == 2) {
            firstTrack_ = std::min(options_.sequence, file_.tracks.size());
            endTrack_ = std::min(firstTrack_ + 1, file_.tracks.size());
        } else {
            firstTrack_ = 0;
            endTrack_ = file_.tracks.size();
        }
        tracks_.resize(endTrack_ - firstTrack_);
    }

    void collectTrack(std::size_t trackIndex) {
        const auto& events = file_.tracks[trackIndex].events;
        const auto track = static_cast<std::uint32_t>(trackIndex - firstTrack_);
        TrackInfo& info = tracks_[track];
        info.programs.fill(-1);
        std::int64_t endTick = 0;
        std::size_t open = 0;
        for (const SmfEvent& e : events) {
            endTick = e.tick;
            if (e.kind == SmfEventKind::Channel) {
                const std::uint8_t command = e.command();
                const std::uint8_t channel = e.channel0to15();
                if (command == 0x90 && e.data2 > 0) {
                    const std::size_t slot = channel * kKeys + e.data1;
                    const auto index = static_cast<std::int32_t>(notes_.size());
                    notes_.push_back({e.tick, -1, -1, track, channel, e.data1, e.data2});
                    if (tail_[slot] >= 0) {
                        notes_[static_cast<std::size_t>(tail_[slot])].nextOpen = index;
                    } else {
                        head_[slot] = index;
                    }
                    tail_[slot] = index;
                    ++open;
                    info.channels = static_cast<std::uint16_t>(info.channels | (1U << channel));
                } else if (command == 0x80 || command == 0x90) {
                    const std::size_t slot = channel * kKeys + e.data1;
                    const std::int32_t first = head_[slot];
                    if (first < 0) {
                        if (strayNoteOffs_++ == 0) strayNoteOffOffset_ = e.byteOffset;
                        continue;
                    }
                    RawNote& note = notes_[static_cast<std::size_t>(first)];
                    note.end = e.tick;
                    head_[slot] = note.nextOpen;
                    if (head_[slot] < 0) tail_[slot] = -1;
                    --open;
                } else if (command == 0xC0 && info.programs[channel] < 0) {
                    info.programs[channel] = e.data1;
                }
                continue;
            }
            if (e.kind != SmfEventKind::Meta) continue;
            const MetaAt at{e.tick, track, &e};
            switch (e.status) {
                case smf_meta::kTrackName:
                    if (info.name == nullptr) info.name = &e;
                    break;
                case smf_meta::kInstrumentName:
                    if (info.instrument == nullptr) info.instrument = &e;
                    break;
                case smf_meta::kCopyright:
                    if (copyright_ == nullptr) copyright_ = &e;
                    break;
                case smf_meta::kTempo:
                    tempos_.push_back(at);
                    break;
                case smf_meta::kTimeSignature:
                    if (const auto meter = smfTimeSignature(file_, e)) {
                        meters_.push_back({e.tick, {meter->numerator, meter->denominator}});
                    }
                    break;
                case smf_meta::kKeySignature:
                    keys_.push_back(at);
                    break;
                case smf_meta::kText:
                case smf_meta::kLyric:
                case smf_meta::kMarker:
                case smf_meta::kCuePoint:
                    if (e.payloadSize > 0) texts_.push_back(at);
                    break;
                default:
                    break;
            }
        }
        if (open > 0) closeOpenNotes(endTick, open);
    }

    void closeOpenNotes(std::int64_t endTick, std::size_t open) {
        unfinishedNotes_ += open;
        for (std::size_t slot = 0; slot < head_.size(); ++slot) {
            for (std::int32_t n = head_[slot]; n >= 0; n = notes_[static_cast<std::size_t>(n)].nextOpen) {
                notes_[static_cast<std::size_t>(n)].end = endTick;
            }
            head_[slot] = -1;
            tail_[slot] = -1;
        }
    }

    // Tracks were read one after another; the conductor lists go by time, tracks in order at a tick.
    void sortConductorEvents() {
        const auto byTick = [](const auto& a, const auto& b) { return a.tick < b.tick; };
        std::stable_sort(tempos_.begin(), tempos_.end(), byTick);
        std::stable_sort(meters_.begin(), meters_.end(), byTick);
        std::stable_sort(keys_.begin(), keys_.end(), byTick);
        std::stable_sort(texts_.begin(), texts_.end(), byTick);
    }

    // Ticks per quarter; an SMPTE file counts real time, read as one quarter per second (1.001 s for
    // 29.97 fps drop-frame) with a matching fixed tempo.
    void chooseScale() {
        const SmfDivision& division = file_.division;
        if (division.ticksPerQuarter != 0) {
            ticksPerQuarter_ = division.ticksPerQuarter;
        } else {
            const bool dropFrame = division.smpteFramesPerSecond == 29;
            const std::int64_t frames = dropFrame ? 30 : division.smpteFramesPerSecond;
            ticksPerQuarter_ = std::max<std::int64_t>(1, frames * division.ticksPerFrame);
            smpteMicrosPerQuarter_ = dropFrame ? 1'001'000 : 1'000'000;
        }
        scale_ = midi::kGridLcm / std::gcd(midi::kGridLcm, ticksPerQuarter_);
        for (const MeterAt& m : meters_) {
            const std::int64_t length = std::int64_t{m.meter.numerator} * 4 * ticksPerQuarter_ * scale_;
            scale_ *= m.meter.denominator / std::gcd(length, std::int64_t{m.meter.denominator});
        }
        timeline_.unitsPerQuarter = ticksPerQuarter_ * scale_;
        timeline_.unitsPerWhole = 4 * timeline_.unitsPerQuarter;
    }

    // One part per track and channel with notes, in track order, then channel order.
    void groupParts() {
        partOf_.assign(tracks_.size() * kChannels, -1);
        for (std::size_t t = 0; t < tracks_.size(); ++t) {
            for (std::size_t c = 0; c < kChannels; ++c) {
                if ((tracks_[t].channels & (1U << c)) == 0) continue;
                partOf_[t * kChannels + c] = static_cast<std::int32_t>(partTracks_.size());
                partTracks_.push_back({static_cast<std::uint32_t>(t), static_cast<std::uint8_t>(c)});
            }
        }
    }

    std::int64_t measureLength(const score::TimeSignature& meter) const noexcept {
        return std::int64_t{meter.numerator} * timeline_.unitsPerWhole / meter.denominator;
    }

    // Measures from the time signature map over the whole music; a time signature inside a measure
    // ends it there. A first measure one short bar long before a longer meter is a pickup.
    void buildTimeline() {
        std::int64_t coverTicks = 0;
        for (const RawNote& note : notes_) coverTicks = std::max({coverTicks, note.end, note.onset + 1});
        for (const MetaAt& text : texts_) coverTicks = std::max(coverTicks, text.tick + 1);
        const std::int64_t cover = coverTicks * scale_;
        const std::size_t maxMeasures = std::min(
            kMaxMeasures, std::max<std::size_t>(1, kMaxMeasureCells / std::max<std::size_t>(1, partTracks_.size())));
        const std::int64_t maxUnits = kMaxQuarters * timeline_.unitsPerQuarter;

        auto& starts = timeline_.starts;
        starts.assign(1, 0);
        score::TimeSignature meter{};
        std::size_t next = 0;
        bool set = true;
        const auto takeMetersAt = [&](std::int64_t position) {
            while (next < meters_.size() && meters_[next].tick * scale_ <= position) {
                set = set || meters_[next].meter != meter;
                meter = meters_[next++].meter;
            }
        };
        takeMetersAt(0);
        std::int64_t position = 0;
        while (measureMeters_.size() < maxMeasures &&
               (measureMeters_.empty() || (position < cover && position < maxUnits))) {
            std::int64_t end = position + measureLength(meter);
            bool cut = false;
            if (next < meters_.size() && meters_[next].tick * scale_ < end) {
                end = meters_[next].tick * scale_;
                cut = true;
            }
            measureMeters_.push_back({meter, set});
            starts.push_back(end);
            position = end;
            set = cut;  // the meter is stated again after a measure cut short
            takeMetersAt(position);
        }
        const bool pickup = measureMeters_.size() >= 2 && starts[1] == measureLength(measureMeters_[0].meter) &&
                            measureMeters_[1].set &&
                            measureLength(measureMeters_[0].meter) < measureLength(measureMeters_[1].meter);
        if (pickup) {
            measureMeters_[0].meter = measureMeters_[1].meter;
            measureMeters_[1].set = false;
        }
        pickup_ = pickup;
        timeline_.indexWindows(pickup);
        timelineEnd_ = starts.back();
        if (timelineEnd_ < cover) {
            warn(std::nullopt, "the music lasts longer than the " + std::to_string(starts.size() - 1) +
                                   " measures MOS imports for this file; what follows is left out");
        }
    }

    std::uint32_t measureAt(std::int64_t unit) const noexcept {
        const auto& starts = timeline_.starts;
        return static_cast<std::uint32_t>(std::upper_bound(starts.begin(), starts.end(), unit) - starts.begin() - 1);
    }

    score::ScorePosition positionAt(std::int64_t unit) const noexcept {
        const std::uint32_t measure = measureAt(unit);
        return {measure, Rational{unit - timeline_.starts[measure], timeline_.unitsPerWhole}};
    }

    void fillMeasures() {
        auto& measures = score_.timeline.measures;
        const auto& starts = timeline_.starts;
        measures.resize(measureMeters_.size());
        for (std::size_t m = 0; m < measures.size(); ++m) {
            score::Measure& measure = measures[m];
            measure.pickup = m == 0 && pickup_;
            measure.number = std::to_string(pickup_ ? m : m + 1);
            measure.duration = Rational{starts[m + 1] - starts[m], timeline_.unitsPerWhole};
            if (m == 0 || measureMeters_[m].set) measure.time = measureMeters_[m].meter;
        }
        for (const MetaAt& at : keys_) {
            const auto key = smfKeySignature(file_, *at.event);
            const std::int64_t unit = at.tick * scale_;
            if (!key || unit >= timelineEnd_) continue;
            const score::ScorePosition where = positionAt(unit);
            auto& changes = measures[where.measure].keys;
            const score::KeySignature signature{key->fifths, key->minor ? score::Mode::Minor : score::Mode::Major, {}};
            const int fifths = key->fifths;  // NOLINT(bugprone-signed-char-misuse): fifths are signed
            if (!changes.empty() && changes.back().offset == where.offset) {
                changes.back().key = signature;
                keyMap_.back().fifths = fifths;
            } else {
                changes.push_back({where.offset, signature});
                keyMap_.push_back({unit, fifths});
            }
        }
        auto& firstKeys = measures.front().keys;
        if (firstKeys.empty() || firstKeys.front().offset != Rational{0})
            firstKeys.insert(firstKeys.begin(), score::KeyChange{});

        if (smpteMicrosPerQuarter_ != 0) {
            measures.front().tempos.push_back(
                {Rational{0}, Rational{1, 4}, Rational{kMicrosPerMinute, smpteMicrosPerQuarter_}, {}});
            return;
        }
        for (const MetaAt& at : tempos_) {
            const auto micros = smfTempo(file_, *at.event);
            const std::int64_t unit = at.tick * scale_;
            if (!micros || unit >= timelineEnd_) continue;
            const score::ScorePosition where = positionAt(unit);
            auto& tempos = measures[where.measure].tempos;
            const Rational bpm{kMicrosPerMinute, std::int64_t{*micros}};
            if (!tempos.empty() && tempos.back().offset == where.offset) {
                tempos.back().beatsPerMinute = bpm;
            } else {
                tempos.push_back({where.offset, Rational{1, 4}, bpm, {}});
            }
        }
    }

    std::string textOf(const SmfEvent* event) const {
        return event == nullptr ? std::string{} : decodeText(file_.payload(*event));
    }

    void nameScore() {
        if (copyright_ != nullptr) score_.metadata.copyright = textOf(copyright_);
        // The first track names the sequence when it is a conductor track (or the only track).
        if (!tracks_.empty() && (file_.format != 1 || tracks_[0].channels == 0)) {
            score_.metadata.title = textOf(tracks_[0].name);
            sequenceNameTrack_ = 0;
        }
    }

    void nameParts() {
        auto& parts = score_.parts;
        parts.resize(partTracks_.size());
        for (std::size_t p = 0; p < parts.size(); ++p) {
            const auto [track, channel] = partTracks_[p];
            const TrackInfo& info = tracks_[track];
            score::Part& part = parts[p];
            part.id = partId(p);
            score::Instrument& instrument = part.instrument;
            instrument.midiChannel = static_cast<std::uint8_t>(channel + 1);
            instrument.percussion = channel == kDrumChannel;
            std::int16_t program = info.programs[channel];
            for (std::size_t t = 0; t < tracks_.size() && program < 0; ++t) program = tracks_[t].programs[channel];
            instrument.gmProgram = static_cast<std::uint8_t>(std::max<std::int16_t>(program, 0));
            instrument.name = textOf(info.instrument);
            if (instrument.name.empty()) {
                instrument.name = instrument.percussion
                                      ? std::string{midi::kPercussionName}
                                      : std::string{midi::generalMidiProgramName(instrument.gmProgram)};
            }
            const bool ownName = sequenceNameTrack_ != static_cast<std::int64_t>(track) && info.name != nullptr;
            part.name = ownName ? textOf(info.name) : std::string{};
            if (part.name.empty()) part.name = instrument.name;
            if (ownName && std::popcount(info.channels) > 1)
                part.name += " (channel " + std::to_string(channel + 1) + ")";
        }
    }

    void buildParts() {
        nameScore();
        nameParts();
        // The notes of each part in onset order: a stable counting sort of the file's notes.
        partNoteStarts_.assign(partTracks_.size() + 1, 0);
        for (const RawNote& note : notes_) {
            ++partNoteStarts_[static_cast<std::size_t>(partOf_[note.track * kChannels + note.channel]) + 1];
        }
        std::partial_sum(partNoteStarts_.begin(), partNoteStarts_.end(), partNoteStarts_.begin());
        partNotes_.resize(notes_.size());
        std::vector<std::size_t> fill(partNoteStarts_.begin(), partNoteStarts_.end() - 1);
        for (std::size_t n = 0; n < notes_.size(); ++n) {
            partNotes_[fill[static_cast<std::size_t>(partOf_[notes_[n].track * kChannels + notes_[n].channel])]++] = n;
        }

        midi::Quantizer quantizer{timeline_, {options_.detectTuplets, options_.maxVoices}};
        std::vector<midi::PerformedNote> performed;
        std::vector<score::ElementId> heads;
        headEvents_.assign(notes_.size(), 0);
        std::size_t dropped = 0;
        // A note cut at the end of the imported measures ends on the last tick before it, so its
        // performed timing stays in the file's ticks.
        const std::int64_t lastTickUnit = timelineEnd_ / scale_ * scale_;
        for (std::size_t p = 0; p < partTracks_.size(); ++p) {
            performed.clear();
            std::size_t key = 0;
            int fifths = 0;
            const bool percussion = score_.parts[p].instrument.percussion;
            for (std::size_t k = partNoteStarts_[p]; k < partNoteStarts_[p + 1]; ++k) {
                const RawNote& raw = notes_[partNotes_[k]];
                const std::int64_t onset = raw.onset * scale_;
                if (onset >= timelineEnd_) {
                    ++dropped;
                    partNotes_[k] = std::numeric_limits<std::size_t>::max();
                    continue;
                }
                while (key < keyMap_.size() && keyMap_[key].unit <= onset) fifths = keyMap_[key++].fifths;
                midi::PerformedNote& note = performed.emplace_back();
                note.onset = onset;
                note.end = std::min(raw.end * scale_, lastTickUnit);
                // A drum is drawn where drum notation puts it, not at its key's pitch.
                note.pitch = percussion ? percussionPosition(raw.key) : score::Pitch::fromMidi(raw.key, fifths);
                note.percussionKey = percussion ? raw.key : 0;
                note.velocity = raw.velocity;
            }
            quantizer.quantize(performed, score_, score_.parts[p], heads);
            std::size_t h = 0;
            for (std::size_t k = partNoteStarts_[p]; k < partNoteStarts_[p + 1]; ++k) {
                if (partNotes_[k] != std::numeric_limits<std::size_t>::max()) headEvents_[partNotes_[k]] = heads[h++];
            }
        }
        if (dropped > 0)
            warn(std::nullopt, std::to_string(dropped) + " notes after the imported measures are left out");
    }

    // The event where a note of this track starts exactly at this tick, or 0.
    score::ElementId eventStartingAt(std::uint32_t track, std::int64_t tick) const {
        for (std::size_t c = 0; c < kChannels; ++c) {
            const std::int32_t part = partOf_[track * kChannels + c];
            if (part < 0) continue;
            const auto begin =
                partNotes_.begin() + static_cast<std::ptrdiff_t>(partNoteStarts_[static_cast<std::size_t>(part)]);
            const auto end =
                partNotes_.begin() + static_cast<std::ptrdiff_t>(partNoteStarts_[static_cast<std::size_t>(part) + 1]);
            // Dropped notes (marked with the largest index) all lie at the end, past any tick here.
            const auto found = std::lower_bound(begin, end, tick, [&](std::size_t n, std::int64_t t) {
                return n != std::numeric_limits<std::size_t>::max() && notes_[n].onset < t;
            });
            if (found != end && *found != std::numeric_limits<std::size_t>::max() && notes_[*found].onset == tick) {
                return headEvents_[*found];
            }
        }
        return 0;
    }

    // The part a track's texts belong to: its only part, or none (the whole score).
    std::string partIdOfTrack(std::uint32_t track) const {
        std::string id;
        for (std::size_t c = 0; c < kChannels; ++c) {
            const std::int32_t part = partOf_[track * kChannels + c];
            if (part < 0) continue;
            if (!id.empty()) return {};
            id = score_.parts[static_cast<std::size_t>(part)].id;
        }
        return id;
    }

    void placeTexts() {
        std::vector<bool> hyphenated(tracks_.size(), false);  // the track's last syllable continues
        for (const MetaAt& at : texts_) {
            const std::int64_t unit = at.tick * scale_;
            if (unit >= timelineEnd_) continue;
            const std::string text = textOf(at.event);
            const std::uint8_t type = at.event->status;
            if (type == smf_meta::kMarker || type == smf_meta::kCuePoint) {
                score_.layers.markers.push_back(
                    {positionAt(unit),
                     type == smf_meta::kMarker ? score::Marker::Kind::Rehearsal : score::Marker::Kind::Text, text});
                continue;
            }
            if (type == smf_meta::kLyric) {
                if (const score::ElementId event = eventStartingAt(at.track, at.tick); event != 0) {
                    addSyllable(event, text, hyphenated[at.track]);
                    continue;
                }
            }
            if (trimmed(text).empty()) continue;
            score::TextMark mark;
            mark.partId = partIdOfTrack(at.track);
            mark.at = positionAt(unit);
            mark.text = text;
            score_.layers.notation.texts.push_back(std::move(mark));
        }
    }

    // "Hal-" "le-" "lu-" "jah": a trailing hyphen says the word goes on.
    void addSyllable(score::ElementId event, std::string_view text, std::vector<bool>::reference continues) {
        text = trimmed(text);
        const bool hyphen = !text.empty() && text.back() == '-';
        if (hyphen) text.remove_suffix(1);
        score::LyricSyllable syllable;
        syllable.event = event;
        syllable.text = std::string{text};
        const bool previous = continues;
        syllable.syllabic =
            previous ? (hyphen ? score::LyricSyllable::Syllabic::Middle : score::LyricSyllable::Syllabic::End)
                     : (hyphen ? score::LyricSyllable::Syllabic::Begin : score::LyricSyllable::Syllabic::Single);
        continues = hyphen;
        auto& lyrics = score_.layers.lyrics;
        // A second syllable on one event is a second verse.
        std::uint8_t verse = 1;
        for (auto it = lyrics.rbegin(); it != lyrics.rend() && it->event == event; ++it)
            verse = static_cast<std::uint8_t>(it->verse + 1);
        syllable.verse = verse;
        lyrics.push_back(std::move(syllable));
    }

    void warn(std::optional<std::int64_t> byteOffset, std::string message) {
        if (warnings_ == nullptr) return;
        warnings_->push_back(core::fail(core::ErrorCode::ParseError, std::move(message),
                                        core::SourceLocation{.byteOffset = byteOffset}));
    }

    struct PartTrack {
        std::uint32_t track = 0;
        std::uint8_t channel = 0;
    };
    struct MeasureMeter {
        score::TimeSignature meter{};
        bool set = false;  // a time signature is written at the measure's start
    };

    const StandardMidiFile& file_;
    const MidiImportOptions& options_;
    std::vector<core::Error>* warnings_;
    score::Score score_;

    std::size_t firstTrack_ = 0;
    std::size_t endTrack_ = 0;
    std::vector<TrackInfo> tracks_;
    std::vector<RawNote> notes_;
    std::array<std::int32_t, kChannels * kKeys> head_{};  // per channel and key: the oldest sounding note
    std::array<std::int32_t, kChannels * kKeys> tail_{};  // and the newest
    std::size_t strayNoteOffs_ = 0;
    std::int64_t strayNoteOffOffset_ = 0;
    std::size_t unfinishedNotes_ = 0;
    const SmfEvent* copyright_ = nullptr;
    std::vector<MetaAt> tempos_;
    std::vector<MeterAt> meters_;
    std::vector<MetaAt> keys_;
    std::vector<MetaAt> texts_;

    std::int64_t ticksPerQuarter_ = 1;
    std::int64_t smpteMicrosPerQuarter_ = 0;  // non-zero: an SMPTE file's fixed tempo
    std::int64_t scale_ = 1;                  // units per tick
    midi::UnitTimeline timeline_;
    std::int64_t timelineEnd_ = 0;
    bool pickup_ = false;
    std::vector<MeasureMeter> measureMeters_;
    std::vector<KeyAt> keyMap_;

    std::vector<PartTrack> partTracks_;
    std::vector<std::int32_t> partOf_;  // per track and channel: the part, or -1
    std::int64_t sequenceNameTrack_ = -1;
    std::vector<std::size_t> partNoteStarts_;
    std::vector<std::size_t> partNotes_;
    std::vector<score::ElementId> headEvents_;  // per note: the event it starts in
};

}  // namespace

score::Score midiToScore(const StandardMidiFile& file, const MidiImportOptions& options,
                         std::vector<core::Error>* warnings) {
    return MidiImporter{file, options, warnings}.run();
}

core::Result<Imported> readMidi(std::span<const std::byte> bytes, const std::string& fileName,
                                const MidiImportOptions& options) {
    std::vector<std::uint8_t> copy(bytes.size());
    if (!bytes.empty()) std::memcpy(copy.data(), bytes.data(), bytes.size());
    auto file = readStandardMidiFile(std::move(copy), fileName);
    if (!file) return std::move(file).error();
    Imported imported;
    imported.warnings = std::move(file->warnings);
    const std::size_t sequences = file->format == 2 ? std::max<std::size_t>(file->tracks.size(), 1) : 1;
    imported.scores.reserve(sequences);
    std::vector<core::Error> warnings;
    for (std::size_t s = 0; s < sequences; ++s) {
        MidiImportOptions sequence = options;
        sequence.sequence = s;
        imported.scores.push_back(midiToScore(*file, sequence, &warnings));
    }
    for (core::Error& warning : warnings) {
        warning.where.file = fileName;
        imported.warnings.push_back(std::move(warning));
    }
    return imported;
}

}  // namespace mos::formats
