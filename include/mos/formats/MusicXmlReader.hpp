#pragma once

// MusicXML (1.0 … 4.0) import into a UMF score: partwise and timewise documents, plain `.musicxml`/
// `.xml` files in UTF-8 (with or without BOM), UTF-16 (with BOM) or ISO-8859-1, and compressed `.mxl`
// archives (the root file named by META-INF/container.xml).
//
//   auto imported = readMusicXml(bytes, "song.musicxml");
//   if (!imported) return imported.error();     // "song.musicxml:812:7, measure 34: <duration> …"
//   const score::Score& score = imported->scores.front();
//
// What maps where (the rest of the model follows the comments in include/mos/score/):
// - pitches stay written; <transpose> becomes Part::transposition; keys go to Measure::keys at
//   concert pitch (the first part that states a key at a place wins);
// - durations are exact (<duration> / <divisions>, every divisions change honoured); chords, grace
//   and cue notes, tuplets (outermost first, flagged where a <tuplet> bracket starts and stops),
//   ties (<tie> and <tied>), <forward> as an invisible rest, Measure::duration the furthest position
//   any part reaches in the measure;
// - <harmony> → layers.chords (a <numeral> harmony → layers.analysis.numerals), <lyric> →
//   layers.lyrics, <technical> string/fret → layers.tablature, fingering → layers.fingering, clefs,
//   beams, stems, slurs, wedges and words → layers.notation, rehearsal → layers.markers, dynamics →
//   Part::dynamics, tempo (<sound tempo>, <metronome>) → Measure::tempos, barline repeats/endings
//   and segno/coda/D.C./D.S./fine → Measure and Timeline::endings;
// - identification (creators, rights, source) → Score::metadata; the encoding block and the
//   document version → Score::extensions["musicxml"] as JSON.

#include <string>
#include <string_view>

#include "mos/core/Result.hpp"
#include "mos/formats/Imported.hpp"

namespace mos::formats {

// Reads a MusicXML document or `.mxl` archive held in memory into one score. `fileName` only labels
// errors and warnings. Malformed input fails with file, line:column and measure; what can be worked
// around (an unmatched slur, an unknown voice name, a backup before the measure's start) becomes a
// warning with its place. Thread: any. RT-safe: no.
core::Result<Imported> readMusicXml(std::string_view bytes, const std::string& fileName);

// True when the bytes start like a zip archive (an `.mxl` file). Thread: any. RT-safe: yes.
bool isMxlArchive(std::string_view bytes) noexcept;

}  // namespace mos::formats
