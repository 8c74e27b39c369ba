#pragma once

// Key finding: the global key of a score and its local key regions, with the modulations between
// them. Each candidate key (a tonic and a mode) is scored against the score's pitch-class weights
// through a key profile; the global key also weighs what a musician looks at first (the final
// note, the final chord symbol and, when asked, the key signature), and the regions come from a
// Viterbi path over the measures in which changing key costs something, so one chromatic bar does
// not make a modulation.
//
//   KeyFinder finder;                                      // the measured defaults
//   KeyAnalysis keys = finder.analyze(score);
//   keys.global.key.toString()   -> "G major"
//   keys.regions                 -> {measure 0: G major}, {measure 8: D major}, {measure 12: G major}
//
//   KeyFinder textbook{KeyFinderOptions::krumhanslSchmuckler()};   // the baseline to beat

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "mos/analysis/KeyProfiles.hpp"
#include "mos/analysis/PitchClassWindows.hpp"
#include "mos/analysis/SoundingNotes.hpp"
#include "mos/score/Layers.hpp"
#include "mos/score/Score.hpp"
#include "mos/theory/Key.hpp"

namespace mos::analysis {

// How a key profile is compared with pitch-class weights.
enum class KeyScoring : std::uint8_t {
    // Pearson correlation of the weights with the rotated profile (Krumhansl–Schmuckler).
    Correlation,
    // The log-likelihood of the weights under the profile read as a distribution over pitch
    // classes: sum of weight × log(profile share), per whole note of music.
    LogLikelihood,
};

struct KeyFinderOptions {
    KeyProfileSet profiles = KeyProfileSet::TemperleyKostkaPayne;
    KeyScoring scoring = KeyScoring::LogLikelihood;
    // The modes searched, each on all twelve tonics.
    std::vector<theory::Mode> modes{theory::Mode::Major, theory::Mode::Minor};
    // How each window's pitch-class weights are taken (extra weight on the bass and strong beats).
    WindowOptions windows{};
    // The tones of the score's chord symbols count this much against the notes' (0: ignored).
    double chordWeight = 0.5;
    // The global key gets this much more when its tonic is the lowest note of the final sonority.
    double finalNoteWeight = 0.05;
    // … and this much more when the lowest note on the first downbeat is in its tonic triad …
    double firstBassWeight = 0.05;
    // … and this much more when the first chord symbol is its tonic chord (root and third) …
    double firstChordWeight = 0.2;
    // … and this much more when its signature is the score's opening key signature (0: the
    // signature is ignored, the key comes from the notes alone).
    double signatureWeight = 0.0;
    // What a change of key costs the region path, in score units: each measure adds its score per
    // whole note times its length in whole notes (however many voices fill it), so 1 is about a
    // 4/4 measure of clear evidence for the new key. Higher keeps regions longer.
    double modulationCost = 1.0;

    // The textbook Krumhansl–Schmuckler finder: Krumhansl–Kessler profiles correlated with the
    // duration-weighted pitch classes of the whole score, 24 major and minor keys, no other
    // evidence. Thread: any. RT-safe: no.
    static KeyFinderOptions krumhanslSchmuckler();
};

struct KeyEstimate {
    theory::Key key{};
    // The estimate's share of the evidence among every candidate (a softmax of the scores): 1 is
    // certain, 1 / candidates is a guess.
    double confidence = 0.0;
    double score = 0.0;  // the finder's score, in the units of its KeyScoring plus the bonuses
};

struct KeyRegion {
    score::ScorePosition start{};  // the first measure of the region
    score::ScorePosition end{};    // where the next region starts (the score's end for the last)
    theory::Key key{};
    // The key's share among every candidate for the region's own music, as KeyEstimate's is for
    // the whole score's (a region the path keeps against its own evidence scores low).
    double confidence = 0.0;
};

struct KeyAnalysis {
    KeyEstimate global{};
    std::vector<KeyEstimate> ranking;  // every candidate, best first (ranking[0] == global)
    std::vector<KeyRegion> regions;    // in score order, covering every measure; empty for no measures
};

class KeyFinder {
public:
    // Thread: any. RT-safe: no.
    explicit KeyFinder(KeyFinderOptions options = {});

    // The keys of a score. Thread: any (const). RT-safe: no.
    KeyAnalysis analyze(const score::Score& score) const;
    // The same from the score's notes already flattened (soundingNotes(score)), for passes that
    // share them. Thread: any (const). RT-safe: no.
    KeyAnalysis analyze(const score::Score& score, std::span<const SoundingNote> notes) const;
    // Only the global ranking (every candidate, best first), without the regions: cheaper.
    // Thread: any (const). RT-safe: no.
    std::vector<KeyEstimate> rankKeys(const score::Score& score, std::span<const SoundingNote> notes) const;

    const KeyFinderOptions& options() const noexcept { return options_; }

private:
    struct Candidate {
        theory::Mode mode = theory::Mode::Major;
        int tonic = 0;                 // pitch class
        PitchClassWeights profile{};   // rotated to the tonic
        PitchClassWeights logShare{};  // log of the rotated profile's shares, for LogLikelihood
    };
    // What the score says besides its pitch-class weights.
    struct Marks {
        std::optional<int> finalBass;          // the lowest pitch class of the last sonority
        std::optional<int> firstBass;          // … and of the first downbeat
        std::optional<int> firstChordRoot;     // the first chord symbol's root …
        std::uint16_t firstChordTones = 0;     // … and its tones
        std::vector<int> signatureTonics;      // per measure: the relative-major tonic of the signature
        std::optional<double> spellingFifths;  // where the notes' spellings centre on the line of fifths
    };
    struct Evidence {
        std::vector<PitchClassWindow> windows;  // one per measure
        PitchClassWeights whole{};              // the whole score, chords weighed in
        Marks marks;
    };

    static Marks readMarks(const score::Score& score, std::span<const SoundingNote> notes);
    Evidence gather(const score::Score& score, std::span<const SoundingNote> notes) const;
    // The candidate's score for the weights, per whole note of their total (> 0).
    double perWholeNote(const Candidate& candidate, const PitchClassWeights& weights,
                        double totalWeight) const noexcept;
    std::vector<double> globalScores(const Evidence& evidence) const;
    std::vector<KeyEstimate> rank(const Evidence& evidence) const;
    theory::Key keyOf(std::size_t candidate, const Evidence& evidence) const;
    std::vector<KeyRegion> regions(const score::Score& score, const Evidence& evidence, const theory::Key& home) const;

    KeyFinderOptions options_;
    std::vector<Candidate> candidates_;
};

// The regions as the score's analysis layer keeps them (score::Layers::analysis.keys).
// Thread: any. RT-safe: no.
std::vector<score::KeyRegion> toLayer(std::span<const KeyRegion> regions);

}  // namespace mos::analysis
