#pragma once

// Guitar Pro 3, 4 and 5 files (.gp3 .gp4 .gp5, and GP5 clipboard files) as one UMF score. The
// version comes from the header string (FICHIER GUITAR PRO v3.00, v4.00, v4.06, v5.00, v5.10,
// CLIPBOARD GP 5.x); older or unknown versions fail with ErrorCode::Unsupported.
//
//   auto imported = readGuitarPro(bytes, "song.gp5");
//   if (!imported) return imported.error();  // "song.gp5 at byte 812, measure 7: beat duration 9 ..."
//   const score::Score& score = imported->scores.front();
//
// What the score holds:
// - Metadata: title, subtitle, artist → composer (the GP5 "music" field when there is no artist),
//   album → source, words → lyricist, copyright. The fields UMF has no place for (GP5 music, tab
//   transcriber, instructions, notice lines, the version) go to extensions["guitarpro"] as JSON.
// - Timeline: one measure per measure header with time and key changes, repeats (repeatEnd is the
//   total number of passes), alternate endings, double bars ("light-light"), GP5 directions (segno,
//   coda, D.C., D.S., fine; signs at the measure's start, jumps at its end), the song tempo and
//   every mix-table tempo change (quarter notes per minute, at the beat that changes it).
// - One part per track: name, GM program and channel from the track's MIDI channel (channel 10 or
//   the drum flag makes it percussion), string tunings (string 1, the highest, first) and capo.
// - Events: one per beat that is not empty (an empty beat takes its time but shows nothing), voices
//   1 and 2 in GP5, exact durations with dots and n-tuplets (plus Tuplet brackets), rests, grace
//   notes as Grace events before their beat. A note's pitch is the pitch it sounds: open string +
//   capo + fret; TabNote::fret is the fret as tabbed (counted from the capo). A tied note takes the
//   fret of the previous note on its string. Percussion notes carry the GM drum key.
// - Layers: tablature (string, fret, bends in cents, slides, harmonics, hammer-on/pull-off found by
//   comparing with the next fret on the string, vibrato, palm mute, dead and ghost notes, let ring,
//   tapping), chord diagrams and chord symbols, fingering, beat texts, lyrics (GP4/5) on the beats of
//   the lyric track, markers.
// Parsed and not kept (UMF has no place for them): page setup, RSE and equalizer settings, volume,
// pan and effect mix-table values, instrument changes, the tremolo bar, fade-in, rasgueado, wah,
// trill speeds, ottava and beam hints.

#include <cstddef>
#include <span>
#include <string>

#include "mos/core/Result.hpp"
#include "mos/formats/Imported.hpp"

namespace mos::formats {

// Reads a Guitar Pro 3/4/5 file held in memory into one score. `fileName` labels errors and
// warnings. Every read is bounds-checked: a file that is cut short or malformed fails with its byte
// offset and the measure being read; values that can be worked around become warnings.
// Thread: any. RT-safe: no.
core::Result<Imported> readGuitarPro(std::span<const std::byte> bytes, const std::string& fileName);

}  // namespace mos::formats
