#pragma once

// Standard MIDI File ↔ UMF score. Reading turns tracks into parts, the tempo map into tempo marks,
// time signatures into measures, key signatures into keys, markers into the markers layer and lyrics
// into the lyrics layer; every note keeps its exact performed timing (Note::performed) and a
// quantiser writes readable notation beside it: a grid per beat (straight or tuplet), voices for
// overlapping notes, chords, ties across barlines and rests. Writing produces a type 1 file with a
// conductor track (tempo map, meters, keys, markers) and one track per part.
//
//   auto imported = readMidi(bytes, "song.mid");
//   if (!imported) return imported.error();
//   score::Score& song = imported->scores.front();
//   auto written = writeMidi(song);          // plays exactly as the file read

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "mos/core/Error.hpp"
#include "mos/core/Result.hpp"
#include "mos/formats/Imported.hpp"
#include "mos/formats/StandardMidiFile.hpp"
#include "mos/score/Score.hpp"

namespace mos::formats {

struct MidiImportOptions {
    // Let the quantiser choose triplet and quintuplet grids where they fit better than straight ones.
    bool detectTuplets = true;
    // Voices the quantiser opens in one part (1…32); notes beyond them are notated shorter (their
    // performed timing stays exact).
    std::uint8_t maxVoices = 8;
    // Which track of a format 2 file (independent sequences) to convert; ignored for formats 0 and 1.
    std::size_t sequence = 0;
};

// Parses a Standard MIDI File held in memory and converts it: one score, or one per sequence of a
// format 2 file. `fileName` only labels errors and warnings. Fails only where the file itself cannot
// be read (see readStandardMidiFile); what the conversion works around becomes a warning.
// Thread: any. RT-safe: no.
core::Result<Imported> readMidi(std::span<const std::byte> bytes, const std::string& fileName,
                                const MidiImportOptions& options = {});

// Converts a parsed file to a score. Tracks become parts; a format 0 file, or a track that plays on
// several channels, gives one part per channel; channel 10 gives a percussion part. Problems worked
// around (notes cut at the end, a timeline too long to import) are appended to `warnings` when
// given. Thread: any. RT-safe: no.
score::Score midiToScore(const StandardMidiFile& file, const MidiImportOptions& options = {},
                         std::vector<core::Error>* warnings = nullptr);

// Converts a score to a type 1 file: track 0 holds the title, tempo marks, time and key signatures
// and markers; each part gets a track with its name, program change and notes on its channel
// (percussion on 10). Notes play at their performed timing when they have one, else as notated (tied
// notes as one, grace notes briefly before their beat, cue notes not at all), with their velocity,
// else the dynamic in force, else 80. The division is the smallest that places every position
// exactly; when that needs more than 32767 ticks per quarter the positions are rounded (to 960 per
// quarter, or to what the notes need) and a warning in the result's `warnings` says so. MIDI pairs
// a note off with the oldest sounding note of its key, so two notes of one pitch and part where the
// later one ends first (one held across the other) read back with their ends exchanged; repeats are
// written once, as notated. Thread: any. RT-safe: no.
StandardMidiFile scoreToMidi(const score::Score& score);

// scoreToMidi, serialised (its warnings are dropped: call scoreToMidi to see them). Fails when a
// track cannot be encoded. Thread: any. RT-safe: no.
core::Result<std::vector<std::byte>> writeMidi(const score::Score& score);

}  // namespace mos::formats
