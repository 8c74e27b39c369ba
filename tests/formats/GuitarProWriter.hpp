#pragma once

// Writes small Guitar Pro 3/4/5 files for tests and fuzz seeds, section by section as the format
// lays them out: song header, measure headers, tracks, then every track's bar of every measure.
// Beats and notes are described by specs; effect payloads are given as the bytes the file holds,
// so a test shows exactly what it feeds the reader.
//
//   GpWriter w{5, 10};
//   w.song({.measures = 1, .tracks = 1});
//   w.measureHeader({.numerator = 4, .denominator = 4});
//   w.track({});
//   w.bar({{{.duration = 0, .notes = {{.string = 1, .fret = 3}}}}});
//   auto imported = readGuitarPro(w.bytes(), "test.gp5");

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace mos::formats::testing {

using Bytes = std::vector<std::uint8_t>;

struct SongSpec {
    std::string title{}, subtitle{}, artist{}, album{}, words{}, music{}, copyright{}, tab{}, instructions{};
    std::vector<std::string> notice{};
    bool tripletFeel = false;  // GP3/GP4
    std::int32_t lyricTrack = 0;
    std::vector<std::pair<std::int32_t, std::string>> lyrics{};  // start bar and text, up to five
    std::string tempoName = "Moderate";                          // GP5
    std::int32_t tempo = 120;
    std::int8_t key = 0;
    std::array<std::int32_t, 64> programs = [] {
        std::array<std::int32_t, 64> all{};
        all.fill(25);
        return all;
    }();
    std::array<std::int16_t, 19> directions = [] {
        std::array<std::int16_t, 19> none{};
        none.fill(-1);
        return none;
    }();
    std::int32_t measures = 1;
    std::int32_t tracks = 1;
};

struct BarSpec {
    std::optional<std::uint8_t> numerator{}, denominator{};
    bool repeatStart = false;
    std::optional<std::uint8_t> repeatEnd{};  // as stored: GP5 passes, GP3/GP4 repeats
    std::optional<std::uint8_t> ending{};     // GP5 bitmask, GP3/GP4 highest ending number
    std::optional<std::string> marker{};
    std::optional<std::pair<std::int8_t, std::uint8_t>> key{};  // fifths, 1 for minor
    bool doubleBar = false;
    std::uint8_t tripletFeel = 0;  // GP5
};

struct TrackSpec {
    std::string name = "Guitar";
    std::vector<std::int32_t> tuning{64, 59, 55, 50, 45, 40};
    std::int32_t port = 1;
    std::int32_t channel = 1;
    std::int32_t capo = 0;
    bool drums = false;
};

struct NoteSpec {
    int string = 1;
    int fret = 0;
    std::uint8_t type = 1;  // 1 normal, 2 tie, 3 dead
    std::optional<std::int8_t> dynamic{};
    bool ghost = false;
    bool accent = false;
    bool heavyAccent = false;  // GP5
    std::optional<std::pair<std::int8_t, std::int8_t>> fingers{};
    std::optional<Bytes> effects{};  // the effect flag byte(s) and what they announce
};

struct BeatSpec {
    std::int8_t duration = 0;  // -2 whole … 0 quarter … 4 sixty-fourth
    bool dotted = false;
    std::optional<std::int32_t> tuplet{};
    std::optional<std::uint8_t> status{};  // 0 empty, 2 rest
    std::optional<Bytes> chord{};
    std::optional<std::string> text{};
    std::optional<Bytes> effects{};   // the beat effect flag byte(s) and what they announce
    std::optional<Bytes> mixTable{};  // written as it is
    std::vector<NoteSpec> notes{};
};

class GpWriter {
public:
    GpWriter(int major, int minor) : major_{major}, minor_{minor} {}

    // The file so far. Thread: any. RT-safe: no.
    std::span<const std::byte> bytes() const { return std::as_bytes(std::span{data_}); }
    const Bytes& data() const { return data_; }

    GpWriter& u8(int value) {
        data_.push_back(static_cast<std::uint8_t>(value));
        return *this;
    }
    GpWriter& i16(int value) { return u8(value & 0xFF).u8((value >> 8) & 0xFF); }
    GpWriter& i32(std::int64_t value) {
        for (int i = 0; i < 4; ++i) u8(static_cast<int>((value >> (8 * i)) & 0xFF));
        return *this;
    }
    GpWriter& raw(const Bytes& bytes) {
        data_.insert(data_.end(), bytes.begin(), bytes.end());
        return *this;
    }
    GpWriter& zeros(std::size_t count) { return raw(Bytes(count, 0)); }
    // A length byte and a field of `size` bytes.
    GpWriter& byteString(const std::string& text, std::size_t size) {
        u8(static_cast<int>(text.size()));
        raw(Bytes(text.begin(), text.end()));
        return zeros(size - text.size());
    }
    // A 32-bit field size, a length byte and the text.
    GpWriter& intByteString(const std::string& text) {
        i32(static_cast<std::int64_t>(text.size()) + 1);
        return byteString(text, text.size());
    }

    void version(const std::string& text) { byteString(text, 30); }

    void song(const SongSpec& song) {
        version("FICHIER GUITAR PRO v" + std::to_string(major_) + "." + (minor_ < 10 ? "0" : "") +
                std::to_string(minor_));
        songAfterVersion(song);
    }

    // Everything from the song information to the measure and track counts.
    void songAfterVersion(const SongSpec& song) {
        for (const auto* field : {&song.title, &song.subtitle, &song.artist, &song.album, &song.words}) {
            intByteString(*field);
        }
        if (major_ >= 5) intByteString(song.music);
        for (const auto* field : {&song.copyright, &song.tab, &song.instructions}) intByteString(*field);
        i32(static_cast<std::int64_t>(song.notice.size()));
        for (const auto& line : song.notice) intByteString(line);
        if (major_ < 5) u8(song.tripletFeel ? 1 : 0);
        if (major_ >= 4) {
            i32(song.lyricTrack);
            for (std::size_t i = 0; i < 5; ++i) {
                const auto line = i < song.lyrics.size() ? song.lyrics[i] : std::pair<std::int32_t, std::string>{1, ""};
                i32(line.first).i32(static_cast<std::int64_t>(line.second.size()));
                raw(Bytes(line.second.begin(), line.second.end()));
            }
        }
        if (gp510()) zeros(19);  // RSE master effect
        if (major_ >= 5) {
            zeros(7 * 4 + 2);  // page setup
            for (int i = 0; i < 10; ++i) intByteString("%TITLE%");
            intByteString(song.tempoName);
        }
        i32(song.tempo);
        if (gp510()) u8(0);
        u8(song.key).zeros(3);
        if (major_ >= 4) u8(0);
        for (const std::int32_t program : song.programs) i32(program).u8(13).u8(8).zeros(6);
        if (major_ >= 5) {
            for (const std::int16_t measure : song.directions) i16(measure);
            i32(0);  // master reverb
        }
        i32(song.measures).i32(song.tracks);
    }

    void measureHeader(const BarSpec& bar) {
        const int flags = (bar.numerator ? 0x01 : 0) | (bar.denominator ? 0x02 : 0) | (bar.repeatStart ? 0x04 : 0) |
                          (bar.repeatEnd ? 0x08 : 0) | (bar.ending ? 0x10 : 0) | (bar.marker ? 0x20 : 0) |
                          (bar.key ? 0x40 : 0) | (bar.doubleBar ? 0x80 : 0);
        u8(flags);
        if (bar.numerator) u8(*bar.numerator);
        if (bar.denominator) u8(*bar.denominator);
        if (bar.repeatEnd) u8(*bar.repeatEnd);
        if (bar.ending && major_ < 5) u8(*bar.ending);
        if (bar.marker) intByteString(*bar.marker).i32(0xFF0000);
        if (bar.key) u8(bar.key->first).u8(bar.key->second);
        if (major_ >= 5) {
            if (bar.numerator || bar.denominator) u8(2).u8(2).u8(2).u8(2);
            u8(bar.ending.value_or(0)).u8(bar.tripletFeel).u8(0);
        }
    }

    void track(const TrackSpec& track) {
        u8(track.drums ? 1 : 0);
        byteString(track.name, 40);
        i32(static_cast<std::int64_t>(track.tuning.size()));
        for (std::size_t s = 0; s < 7; ++s) i32(s < track.tuning.size() ? track.tuning[s] : -1);
        i32(track.port).i32(track.channel).i32(track.channel == 10 ? 10 : 2).i32(24).i32(track.capo).i32(0);
        if (gp510()) {
            zeros(49);
            intByteString("").intByteString("");
        } else if (major_ >= 5) {
            zeros(45);
        }
    }

    // One track's bar: voice 1 and (GP5) voice 2.
    void bar(const std::vector<std::vector<BeatSpec>>& voices) {
        if (major_ >= 5) u8(0);
        const std::size_t count = major_ >= 5 ? 2 : 1;
        for (std::size_t v = 0; v < count; ++v) {
            const auto& beats = v < voices.size() ? voices[v] : std::vector<BeatSpec>{};
            i32(static_cast<std::int64_t>(beats.size()));
            for (const BeatSpec& b : beats) beat(b);
        }
    }

    void beat(const BeatSpec& beat) {
        const int flags = (beat.dotted ? 0x01 : 0) | (beat.chord ? 0x02 : 0) | (beat.text ? 0x04 : 0) |
                          (beat.effects ? 0x08 : 0) | (beat.mixTable ? 0x10 : 0) | (beat.tuplet ? 0x20 : 0) |
                          (beat.status ? 0x40 : 0);
        u8(flags);
        if (beat.status) u8(*beat.status);
        u8(beat.duration);
        if (beat.tuplet) i32(*beat.tuplet);
        if (beat.chord) raw(*beat.chord);
        if (beat.text) intByteString(*beat.text);
        if (beat.effects) raw(*beat.effects);
        if (beat.mixTable) raw(*beat.mixTable);
        int strings = 0;
        for (const NoteSpec& note : beat.notes) strings |= 1 << (7 - note.string);
        u8(strings);
        for (int string = 1; string <= 7; ++string) {
            for (const NoteSpec& note : beat.notes) {
                if (note.string == string) this->note(note);
            }
        }
        if (major_ >= 5) i16(0);
    }

    void note(const NoteSpec& note) {
        const int flags = (note.heavyAccent ? 0x02 : 0) | (note.ghost ? 0x04 : 0) | (note.effects ? 0x08 : 0) |
                          (note.dynamic ? 0x10 : 0) | 0x20 | (note.accent ? 0x40 : 0) | (note.fingers ? 0x80 : 0);
        u8(flags).u8(note.type);
        if (note.dynamic) u8(*note.dynamic);
        u8(note.fret);
        if (note.fingers) u8(note.fingers->first).u8(note.fingers->second);
        if (major_ >= 5) u8(0);
        if (note.effects) raw(*note.effects);
    }

    // A mix table change that sets only the tempo.
    Bytes tempoChange(std::int32_t tempo, const std::string& name = "") const {
        GpWriter w{major_, minor_};
        w.u8(-1);
        if (major_ >= 5) w.zeros(16);
        for (int i = 0; i < 6; ++i) w.u8(-1);
        if (major_ >= 5) w.intByteString(name);
        w.i32(tempo).u8(0);
        if (gp510()) w.u8(0);
        if (major_ >= 4) w.u8(0);
        if (major_ >= 5) w.u8(-1);
        if (gp510()) w.intByteString("").intByteString("");
        return w.data();
    }

    // A bend: points of (sixtieths of the note, hundredths of a tone).
    static Bytes bend(const std::vector<std::pair<int, int>>& points) {
        GpWriter w{5, 10};
        w.u8(1).i32(100).i32(static_cast<std::int64_t>(points.size()));
        for (const auto& [position, value] : points) w.i32(position).i32(value).u8(0);
        return w.data();
    }

    // A GP4/GP5 chord diagram in the new format with seven fret and finger slots.
    Bytes chord(const std::string& name, int root, int type, std::vector<int> frets, std::vector<int> fingers,
                int baseFret = 1) const {
        GpWriter w{major_, minor_};
        w.u8(1).u8(1).zeros(3).u8(root).u8(type).u8(0).i32(-1).i32(0).u8(0);
        w.byteString(name, 22).zeros(3).i32(baseFret);
        frets.resize(7, -1);
        fingers.resize(7, -1);
        for (const int fret : frets) w.i32(fret);
        w.u8(0).zeros(15).zeros(8);
        for (const int finger : fingers) w.u8(finger);
        w.u8(1);
        return w.data();
    }

private:
    bool gp510() const { return major_ > 5 || (major_ == 5 && minor_ >= 10); }

    int major_;
    int minor_;
    Bytes data_;
};

}  // namespace mos::formats::testing
