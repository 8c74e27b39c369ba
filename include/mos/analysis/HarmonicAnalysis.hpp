#pragma once

// Harmonic analysis of a score, as a theory teacher marks it: the key regions, the chords at the
// pace the harmony moves, each with its symbol, its local key and its Roman numeral, and the
// cadences. Chord symbols written in the score (MusicXML harmony, ABC "Am") are taken as they are
// written; elsewhere the chords come from the notes (analysis::segmentHarmony over the beats).
//
//   auto analysis = analyzeHarmony(score);
//   analysis.keys.global.key.toString()      -> "C major"
//   analysis.chords[3].numeral.toString()    -> "V65/V", at measure 2 beat 3
//   analysis.cadences[0].kind                -> score::CadenceKind::Perfect
//   writeAnalysis(score, analysis);          // the chords and analysis layers of the UMF score

#include <optional>
#include <vector>

#include "mos/analysis/HarmonicSegmentation.hpp"
#include "mos/analysis/KeyFinder.hpp"
#include "mos/core/Rational.hpp"
#include "mos/score/Layers.hpp"
#include "mos/score/Score.hpp"
#include "mos/theory/ChordSymbol.hpp"
#include "mos/theory/Key.hpp"
#include "mos/theory/RomanNumeral.hpp"

namespace mos::analysis {

struct AnalyzedChord {
    score::ScorePosition at{};
    core::Rational start{};  // whole notes from the score's start
    core::Rational end{};
    theory::ChordSymbol symbol{};                   // spelled in its key
    theory::Key key{};                              // the local key the numeral is read in
    std::optional<theory::RomanNumeral> numeral{};  // none for N.C.
    double fit = 1.0;      // share of the sounding time the chord's tones fill (1 for a written symbol)
    bool written = false;  // taken from a chord symbol in the score
};

struct FoundCadence {
    score::ScorePosition at{};  // where the cadence arrives (the final chord; for a half cadence, the V)
    score::CadenceKind kind = score::CadenceKind::Perfect;
    theory::Key key{};
};

struct HarmonicAnalysis {
    KeyAnalysis keys{};
    std::vector<AnalyzedChord> chords{};  // in time order, covering the score from its first note
    std::vector<FoundCadence> cadences{};
};

struct HarmonicAnalysisOptions {
    // The key finder's defaults, but with the key signature read lightly, as a musician reads it:
    // on When in Rome 0.1 found the analysts' local key on 78.5% of the beats against 77.7% with
    // none, 0.2 on 77.3% (classical music modulates without changing its signature).
    KeyFinderOptions keys{.signatureWeight = 0.1};
    SegmentationOptions segmentation{};
    bool useWrittenChords = true;  // take the score's chord symbols where it has them
};

// The analysis of a score. Thread: any. RT-safe: no.
HarmonicAnalysis analyzeHarmony(const score::Score& score, const HarmonicAnalysisOptions& options = {});

// Writes the analysis into the score's layers: key regions, Roman numerals and cadences replace the
// analysis layer; the chords become the chords layer when the score has no chord symbols of its
// own. Thread: any. RT-safe: no.
void writeAnalysis(score::Score& score, const HarmonicAnalysis& analysis);

}  // namespace mos::analysis
