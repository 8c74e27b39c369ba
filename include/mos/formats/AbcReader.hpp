#pragma once

// ABC 2.1 → UMF. An ABC file is a tune book: each tune (from its X: field to the next blank line)
// becomes its own score::Score. What lands where:
//
//   T: title (then subtitle)   C: composer   S: source   R: genre   O: a tag
//   M: meters   L: unit length (default from M:)   Q: tempo marks   K: keys (modes, explicit
//   accidentals, clef=)   V: one part per voice (name=, sname=, clef=, octave=, transpose=), unless
//   %%score (or %%staves) groups them: voices in ( ) share a staff (one part, several Event::voice),
//   the staves in { } are one part (Event::staff), and the parts follow its order
//   m: macros, static (~G3 = G{A}G{F}G) and transposing (~n2 = (3o/n/m/ n), expanded before reading
//   P: in the body: form sections; P: (or Nottingham Y:) in the header: the order they are played
//   w: lyrics (several w: lines in a row are verses)   W: a text below the music
//   "Am7" chord symbols   "^text" texts   !trill! . ~ … articulations, !p! dynamics, !segno! …
//   navigation, !<(! hairpins, !1! fingering   (…) slurs   |: :| [1 [2 repeats and endings
//   X:, A: B: D: F: G: H: N: Z: and the header P:/Y: as written: extensions["abc"], {"X": "3", …}
//
//   auto book = readAbc(text, "jigs.abc");
//   if (!book) return book.error();   // "e.abc:1:1: tune 1 (Nothing): the tune has no music"
//   for (const auto& tune : book->scores) …
//   for (const auto& w : book->warnings) …  // "jigs.abc:12:7, measure 3: tune 4 (Ap Shenkin): …"

#include <string>
#include <string_view>

#include "mos/core/Result.hpp"
#include "mos/formats/Imported.hpp"

namespace mos::formats {

// Reads every tune of a book, in order. Fields in the file header (before the first X:) apply to
// every tune. A tune that cannot be read is left out with a warning that names the file, the line
// and column, and the tune ("tune 3 (The Rose Tree)"); the other tunes still import. An error only
// when no tune can be read. Thread: any. RT-safe: no.
core::Result<Imported> readAbc(std::string_view text, const std::string& fileName);

// Reads the one tune whose reference number is X:`referenceNumber` (the first, should several
// share it); an error when the book has no such tune or it cannot be read. For `mos convert
// --tune N`. Thread: any. RT-safe: no.
core::Result<Imported> readAbcTune(std::string_view text, const std::string& fileName, int referenceNumber);

}  // namespace mos::formats
