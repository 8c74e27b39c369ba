#pragma once

// The state one Guitar Pro import shares between its sections: the reader, the file's version, the
// score being built, the warnings, and what the song header says that later sections need (MIDI
// channels, lyrics, directions, the song's tempo and key).
//
// The file is read in the order it is written:
//   readVersion → readSongHeader → readMeasureHeaders → readTracks → readMeasures → attachLyrics

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "formats/guitarpro/GpByteReader.hpp"
#include "mos/score/Score.hpp"

namespace mos::formats::gp {

struct Version {
    int major = 5;
    int minor = 10;          // 3.00 → 0, 4.06 → 6, 5.10 → 10
    bool clipboard = false;  // a GP5 clipboard ("CLIPBOARD GP 5.2"): a few bars copied out of a song
    std::string text;        // as written, "FICHIER GUITAR PRO v5.10"

    bool atLeast(int wantMajor, int wantMinor) const noexcept {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }
};

struct LyricLine {
    std::int32_t startMeasure = 1;  // 1-based
    std::string text;
};

// A GP5 direction sign or jump and the measure (1-based) it stands in.
struct Direction {
    std::int32_t measure = 0;
    score::NavigationKind kind = score::NavigationKind::Segno;
    std::string text;
    bool atEnd = false;      // jumps sit at the end of their measure, signs at the start
    std::size_t offset = 0;  // where the file says it, for a warning
};

// What the importer keeps of a track to turn frets into pitches.
struct TrackInfo {
    std::vector<int> tuning;  // open strings as MIDI numbers, string 1 (the highest) first
    int capo = 0;
    bool percussion = false;
};

inline constexpr std::size_t kMidiChannels = 64;  // 4 ports of 16 channels

struct Import {
    Import(std::span<const std::byte> bytes, std::string fileName) : in{bytes, std::move(fileName)} {}

    // A problem that did not stop the import, at `offset`, in the current measure.
    void warn(std::size_t offset, std::string message) {
        warnings.push_back(core::fail(core::ErrorCode::ParseError, std::move(message), in.locationAt(offset)));
    }

    ByteReader in;
    Version version;
    score::Score score;
    std::vector<core::Error> warnings;

    // From the song header.
    std::array<std::uint8_t, kMidiChannels> programs{};  // GM program of each channel, 0-based
    std::int32_t lyricTrack = 0;                         // 1-based; 0 for none
    std::vector<LyricLine> lyrics;
    std::vector<Direction> directions;
    std::int32_t tempo = 120;  // quarter notes per minute
    std::string tempoName;
    std::int8_t keyFifths = 0;
    bool tripletFeel = false;  // GP3/GP4: the whole song swings eighths

    // From the measure headers: the key (fifths) in force in each measure, to spell pitches.
    std::vector<std::int8_t> measureFifths;

    std::vector<TrackInfo> tracks;
    std::int32_t firstMeasureNumber = 1;  // a clipboard starts at the bar it was copied from
};

// Each reads its section at the reader's position; a failure is left in the reader.
void readVersion(Import& import);
void readSongHeader(Import& import);
void readMeasureHeaders(Import& import, std::size_t count);
void readTracks(Import& import, std::size_t count);
void readMeasures(Import& import);
void attachLyrics(Import& import);

}  // namespace mos::formats::gp
