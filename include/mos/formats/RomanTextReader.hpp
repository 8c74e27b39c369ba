#pragma once

// RomanText → UMF: a human harmonic analysis (the format of Tymoczko, Gotham, Cuthbert and Ariza,
// ISMIR 2019, used by the When in Rome corpus) becomes a score with a timeline and an analysis
// layer, but no parts: the analysis names chords, not notes. Numerals stay text ("V65/V",
// "Ger65"); theory::RomanNumeral reads them.
//
//   Composer: Brahms                  metadata.composer
//   Title: Ein deutsches Requiem      metadata.title
//   Analyst: Dmitri Tymoczko          extensions["romantext"] {"Analyst": …}, annotation author
//   Time Signature: 6/8               the meter of the measures from the next measure line on
//   Note: a long suspension           learning.annotations, at the next measure line
//   Form: Exposition                  layers.form, a section from the next measure line on
//   m0 b2 Eb: I                       a pickup; analysis.keys gets Eb major, numerals "I" in "Eb"
//   m1 V7 b3 I || b4 c: iv            numerals at their beats; a key change from b4
//   m5-6 = m1-2                       measures 5 and 6 analysed as 1 and 2 (keys and all)
//   m7-8 V b3 I                       each of measures 7 and 8 holds V and I
//   m9var1 IV b2 V                    an alternative reading: kept as written in the extension
//
// - Beats count the meter's beats from b1: a quarter in 3/4, a dotted quarter in 6/8, 9/8 and
//   12/8, a dotted half in 6/4. Decimals name simple fractions: b2.5 is half way through beat 2,
//   b1.33 and b1.67 (or .66) are its thirds, b1.83 five sixths, b1.88 seven eighths; a second
//   decimal divides the first's part again (b1.66.5 = 1 + 2/3 + 1/6). "fast 3/4" counts one beat
//   a bar, "slow 6/8" six. Plain 3/8 (and 3/16) counts one dotted beat a bar, as music21 does,
//   unless the passage in that meter names a b2 or b3: then its eighths are the beats.
// - Measures keep their labels ("12", "12a"); m0 is a pickup. Measures the file skips are filled
//   in (the last chord holds through them); a file that starts at m3 still starts at m1, so indices
//   match the score's. Measures with a letter are endings (a → 1, b → 2), and a lettered pass may
//   go back: m32a m33a m32b m33b m34. A Time Signature line governs the measure the next line
//   names, not the skipped ones before it. A pickup is as long as the analysis shows: from its
//   first numeral to the bar line, so offset o in it stands at o + (meter length − pickup duration)
//   of a full bar; a score's pickup may be longer.
// - A key token (C:, f#:, Bb:, lower case minor) applies to the numerals after it. A numeral
//   before it at the same beat is a pivot: both stay, each with its key (analysis.keys gets one
//   region per change of key). "g;:" also sets the key signature, as do "Key Signature:" lines
//   and KS-2 tokens (Measure::keys); "?(Bb:" optional keys change nothing. N.C., NC and nc become
//   the numeral "N.C.". ||: and :|| are repeats; phrase marks (||, |*, *|) and parentheses are
//   not kept: the model has no place for them.
// - Header fields the model has no place for (Analyst, Proofreader, Movement, Piece, BWV, Pedal …,
//   and the variant lines under "variants") stay in extensions["romantext"] as {"Analyst": "…"},
//   several lines of one field joined by "\n".
//
//   auto read = readRomanText(text, "analysis.txt");
//   if (!read) return read.error();        // "analysis.txt:1:1: no measure lines: …"
//   for (const auto& w : read->warnings) …  // "analysis.txt:14:9, measure 12: 'V' at b5 lies beyond …"

#include <string>
#include <string_view>

#include "mos/core/Result.hpp"
#include "mos/formats/Imported.hpp"

namespace mos::formats {

// Reads one analysis into one score. What can be worked around (an unknown token, a beat beyond
// its measure, a measure line out of order, a copy of measures that do not exist) is left out with
// a warning naming the file, line, column and measure; the rest still loads. An error only when the
// text has no measure line at all. Thread: any. RT-safe: no.
core::Result<Imported> readRomanText(std::string_view text, const std::string& fileName);

// Whether text reads as RomanText: before its first measure line ("m1 …") only header fields
// ("Composer: …"), the first of them one RomanText defines, or the measure line first. For telling
// an analysis.txt from other text files. Thread: any. RT-safe: yes.
bool looksLikeRomanText(std::string_view text) noexcept;

}  // namespace mos::formats
