#pragma once

// Key finding: the global key of a score and its local key regions, with the modulations between
// them.
//
// Every candidate key (a tonic and a mode) is scored against the score's pitch-class weights
// through a published key profile (KeyProfiles.hpp): by default the log-likelihood of the notes'
// durations, plus half the weight of the chord symbols' tones, per whole note of music. The global
// key adds what a musician looks at besides the notes: the first chord symbol, the lowest note on
// the first downbeat, the lowest note of the final sonority and, when asked, the key signature.
// The regions are the best path through the candidates measure by measure (Viterbi) in which a
// change of key costs something, so one chromatic bar does not make a modulation; the path starts
// in the global key unless the music pays to leave it.
//
// The defaults were chosen by measurement (bench/eval/README.md): on the 948 Nottingham tunes
// they find the written key (tonic and mode) of 94.4% from the music alone, where the textbook
// Krumhansl–Schmuckler finder finds 79.9%.
//
//   KeyFinder finder;                      // the measured defaults
//   KeyAnalysis keys = finder.analyze(score);
//   keys.global.key.toString()   -> "G major"
//   keys.regions                 -> {m. 0–7: G major}, {m. 8–11: D major}, {m. 12–15: G major}
//
//   KeyFinder textbook{KeyFinderOptions::krumhanslSchmuckler()};   // the baseline
//   KeyFinderOptions folk;  folk.modes = {Mode::Major, Mode::Minor, Mode::Dorian, Mode::Mixolydian};

#include <cstdint>
#include <functional>
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

// Every default below was chosen by measurement on the Nottingham tunes (tuned on the even-numbered
// tunes, checked on the odd ones) and the When-in-Rome scores; bench/eval/README.md has the tables.
struct KeyFinderOptions {
    // Temperley–Kostka–Payne: the best profile alone on the When-in-Rome regions, tied best on
    // Nottingham.
    KeyProfileSet profiles = KeyProfileSet::TemperleyKostkaPayne;
    // Ties with Correlation on accuracy; its window scores add up as log-likelihoods for the path.
    KeyScoring scoring = KeyScoring::LogLikelihood;
    // The modes searched, each on all twelve tonics. Major and minor unless asked: searching
    // Dorian and Mixolydian too found the written tonic less often on Nottingham (92.7% against
    // 94.6%), since a tune that stays on the dominant looks Mixolydian on its fifth.
    std::vector<theory::Mode> modes{theory::Mode::Major, theory::Mode::Minor};
    // How each window's pitch-class weights are taken; extra weight on the bass or on strong beats
    // did not help on either corpus, so none by default.
    WindowOptions windows{};
    // The tones of the score's chord symbols count this much against the notes' (0: ignored).
    double chordWeight = 0.5;
    // The bonuses of the global key, in score units per whole note (LogLikelihood: nats; the
    // keys a melody leaves in doubt lie a few tenths apart). This much when the key's tonic is
    // the lowest note of the final sonority …
    double finalNoteWeight = 0.05;
    // … this much when the lowest note on the first downbeat is in the key's tonic triad …
    double firstBassWeight = 0.1;
    // … this much when the first chord symbol is the key's tonic chord (root and third) …
    double firstChordWeight = 0.2;
    // … and this much when the key's signature is the score's opening key signature (and, for the
    // regions, per whole note when it is the signature in force in the measure). 0 ignores the
    // signature; 1 outweighs all other evidence, so the notes only choose among the keys that
    // share the signature (a major key, its relative minor, their modes).
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
    // The estimate's share among every candidate: a softmax of the scores with a temperature of
    // 0.1 score units (the one that predicted the Nottingham keys best). 1 is certain,
    // 1 / candidates a guess.
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

// What a measure says for a key besides its notes, in score units (added to the notes' score for
// that measure in the region path): for example how well the measure's chords function in the
// key. `measure` indexes the score's timeline. Thread: the caller's.
using MeasureKeyEvidence = std::function<double(std::size_t measure, const theory::Key& key)>;

class KeyFinder {
public:
    // Thread: any. RT-safe: no.
    explicit KeyFinder(KeyFinderOptions options = {});

    // The keys of a score. A score without notes ranks every key alike (the first mode on C
    // first, with confidence 1 / candidates); one without measures gets no regions; an empty
    // `modes` gives an empty analysis. Thread: any (const). RT-safe: no.
    KeyAnalysis analyze(const score::Score& score) const;
    // The same from the score's notes already flattened (soundingNotes(score)), for passes that
    // share them. Thread: any (const). RT-safe: no.
    KeyAnalysis analyze(const score::Score& score, std::span<const SoundingNote> notes) const;
    // The same with more evidence for the regions (the global key is the notes' alone).
    // Thread: any (const). RT-safe: no.
    KeyAnalysis analyze(const score::Score& score, std::span<const SoundingNote> notes,
                        const MeasureKeyEvidence& measureEvidence) const;
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
    // Where the spellings of some notes centre on the line of fifths, weighted by duration.
    struct Spelling {
        double weightedFifths = 0;  // the notes' positions on the line of fifths times their durations
        double duration = 0;

        void add(const SoundingNote& note) noexcept;
        Spelling& operator+=(const Spelling& other) noexcept;
        std::optional<double> centre() const noexcept;
    };
    // What the score says besides its pitch-class weights.
    struct Marks {
        std::optional<int> finalBass;            // the lowest pitch class of the last sonority
        std::optional<int> firstBass;            // … and of the first downbeat
        std::optional<int> firstChordRoot;       // the first chord symbol's root …
        std::uint16_t firstChordTones = 0;       // … and its tones
        std::vector<int> signatureTonics;        // per measure: the relative-major tonic of the signature
        std::optional<double> spellingFifths;    // where the notes' spellings centre on the line of fifths
        std::vector<Spelling> measureSpellings;  // the same for the notes starting in each measure
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
    // The candidate's key, its tonic spelled as the notes are (by default the whole score's).
    theory::Key keyOf(std::size_t candidate, const Evidence& evidence,
                      std::optional<double> spellingFifths = std::nullopt) const;
    std::vector<KeyRegion> regions(const score::Score& score, const Evidence& evidence, const theory::Key& home,
                                   const MeasureKeyEvidence& measureEvidence) const;

    KeyFinderOptions options_;
    std::vector<Candidate> candidates_;
};

// The regions as the score's analysis layer keeps them (score::Layers::analysis.keys).
// Thread: any. RT-safe: no.
std::vector<score::KeyRegion> toLayer(std::span<const KeyRegion> regions);

}  // namespace mos::analysis
