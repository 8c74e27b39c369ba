#pragma once

// Writes a score as MusicXML 4.0 (partwise), plain or compressed (.mxl), valid against the
// MusicXML 4.0 schema.
//
//   std::string xml = writeMusicXml(score);                  // <score-partwise version="4.0"> …
//   auto mxl = writeCompressedMusicXml(score);               // zip: mimetype, META-INF/container.xml,
//   if (mxl) std::fwrite(mxl->data(), 1, mxl->size(), file);  // score.musicxml
//
// What is written: titles and credits, identification (creators, rights, source, genre and tags,
// encoding software "MOS"), parts with instruments and MIDI programs (GM drums as unpitched notes
// with one score-instrument per drum key), and per measure its number, key (written keys for
// transposing parts), meter, clefs, tunings and capo, notes with exact durations (divisions are
// chosen per part so every duration is a whole number), types and dots, tuplets (nested too),
// chords, ties, grace and cue notes, voices and staves placed with backup/forward, stems, beams,
// slurs, articulations and ornaments, lyrics, fingering and tablature techniques, dynamics, wedges,
// words, rehearsal marks, tempo marks, chord symbols with diagrams, barlines, repeats, endings and
// navigation. Every part has every measure of the timeline; a part silent in a measure gets a
// measure rest. Layers MusicXML has no place for (analysis, form, points of interest, the learning
// block, audio references, extensions) are not written.

#include <cstddef>
#include <string>
#include <vector>

#include "mos/core/Result.hpp"
#include "mos/score/Score.hpp"

namespace mos::formats {

// The score as a partwise MusicXML 4.0 document in UTF-8, with its XML declaration and DOCTYPE.
// Never fails: text that is not valid UTF-8 is repaired, values MusicXML cannot hold (an octave
// beyond 0…9, a duration no note type spells) are written as the nearest valid ones.
// Thread: any. RT-safe: no.
std::string writeMusicXml(const score::Score& score);

// The score as a compressed MusicXML file (.mxl): a zip holding `mimetype` (stored first),
// `META-INF/container.xml` and `score.musicxml`. Fails only when the zip cannot be built.
// Thread: any. RT-safe: no.
core::Result<std::vector<std::byte>> writeCompressedMusicXml(const score::Score& score);

}  // namespace mos::formats
