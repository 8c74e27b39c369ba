#include "mos/analysis/KeyFinder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

#include "analysis/SwitchingPath.hpp"
#include "mos/theory/ChordSymbol.hpp"

namespace mos::analysis {
namespace {

using theory::Mode;
using theory::NoteName;

constexpr int pitchClassOf(int n) noexcept { return ((n % 12) + 12) % 12; }

double total(const PitchClassWeights& weights) noexcept { return std::accumulate(weights.begin(), weights.end(), 0.0); }

// Notes plus chord-symbol tones, as the options weigh them.
PitchClassWeights combined(const PitchClassWindow& window, double chordWeight) noexcept {
    PitchClassWeights weights = window.notes;
    for (std::size_t pc = 0; pc < 12; ++pc) weights[pc] += chordWeight * window.chords[pc];
    return weights;
}

double correlation(const PitchClassWeights& a, const PitchClassWeights& b) noexcept {
    const double meanA = total(a) / 12;
    const double meanB = total(b) / 12;
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (std::size_t i = 0; i < 12; ++i) {
        ab += (a[i] - meanA) * (b[i] - meanB);
        aa += (a[i] - meanA) * (a[i] - meanA);
        bb += (b[i] - meanB) * (b[i] - meanB);
    }
    return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : 0.0;
}

// Whether a key of this mode has a major third above its tonic.
bool hasMajorThird(Mode mode) noexcept {
    return mode == Mode::Major || mode == Mode::Ionian || mode == Mode::Lydian || mode == Mode::Mixolydian ||
           mode == Mode::None;
}

// The pitch class of the relative major's tonic: the keys with the same signature share it.
int signatureTonic(int tonicPitchClass, Mode mode) noexcept {
    return pitchClassOf(tonicPitchClass + 7 * theory::modeSignatureOffset(mode));
}

// The tonic's spelling: the one whose signature lies where the notes' spellings centre (a
// diatonic collection centres two fifths above its signature), and on a tie the one with fewer
// accidentals: F# major for music written in sharps, Gb major for music written in flats.
NoteName spellTonic(int pitchClass, Mode mode, std::optional<double> spellingFifths) {
    const int offset = theory::modeSignatureOffset(mode);
    auto distance = [&](int fifths) {
        const int signature = fifths + offset;
        if (signature < -7 || signature > 7) return std::numeric_limits<double>::infinity();
        const double fromNotes = spellingFifths ? std::abs(signature + 2 - *spellingFifths) : 0.0;
        return fromNotes + 1e-3 * std::abs(signature);
    };
    // The name of the pitch class nearest C on the line of fifths (Db … F#), and its enharmonics.
    int best = pitchClassOf(7 * pitchClass + 5) - 5;
    for (const int fifths : {best - 12, best + 12}) {
        if (distance(fifths) < distance(best)) best = fifths;
    }
    return NoteName::fromFifths(best);
}

// The relative-major tonic of the key signature in force at the start of each measure.
std::vector<int> signatureTonics(const score::Timeline& timeline) {
    std::vector<int> tonics;
    tonics.reserve(timeline.measures.size());
    int fifths = 0;
    for (const score::Measure& measure : timeline.measures) {
        // Changes inside the measure (offset > 0) count from the next one on.
        int next = fifths;
        for (const score::KeyChange& change : measure.keys) {
            const int changed = change.key.fifths;  // NOLINT(bugprone-signed-char-misuse): fifths are signed
            if (change.offset.isZero()) fifths = changed;
            next = changed;
        }
        tonics.push_back(pitchClassOf(7 * fifths));
        fifths = next;
    }
    return tonics;
}

std::vector<double> softmax(const std::vector<double>& scores, double temperature) {
    std::vector<double> shares(scores.size());
    if (scores.empty()) return shares;
    const double top = *std::max_element(scores.begin(), scores.end());
    double sum = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) sum += shares[i] = std::exp((scores[i] - top) / temperature);
    for (double& share : shares) share /= sum;
    return shares;
}

// The softmax temperature of the confidences, in score units: a lead of 0.1 over the runner-up
// makes the winner e times as likely. The value with the smallest log loss of the written key on
// the Nottingham tunes, for both scorings (bench/eval/README.md).
constexpr double kConfidenceTemperature = 0.1;

}  // namespace

KeyFinderOptions KeyFinderOptions::krumhanslSchmuckler() {
    return {.profiles = KeyProfileSet::KrumhanslKessler,
            .scoring = KeyScoring::Correlation,
            .modes = {Mode::Major, Mode::Minor},
            .windows = {},
            .chordWeight = 0,
            .finalNoteWeight = 0,
            .firstBassWeight = 0,
            .firstChordWeight = 0,
            .signatureWeight = 0,
            .modulationCost = KeyFinderOptions{}.modulationCost};
}

KeyFinder::KeyFinder(KeyFinderOptions options) : options_{std::move(options)} {
    for (const Mode mode : options_.modes) {
        const PitchClassWeights base = modeProfile(options_.profiles, mode);
        const double sum = total(base);
        // A degree a profile gives no weight (Sapp's) still happens: smooth it to a small share.
        const double floor = 0.005;
        for (int tonic = 0; tonic < 12; ++tonic) {
            Candidate candidate{.mode = mode, .tonic = tonic};
            for (int pc = 0; pc < 12; ++pc) {
                const double weight = base[static_cast<std::size_t>(pitchClassOf(pc - tonic))];
                candidate.profile[static_cast<std::size_t>(pc)] = weight;
                candidate.logShare[static_cast<std::size_t>(pc)] = std::log((weight / sum + floor) / (1 + 12 * floor));
            }
            candidates_.push_back(candidate);
        }
    }
}

double KeyFinder::perWholeNote(const Candidate& candidate, const PitchClassWeights& weights,
                               double totalWeight) const noexcept {
    if (options_.scoring == KeyScoring::Correlation) return correlation(weights, candidate.profile);
    double score = 0;
    for (std::size_t pc = 0; pc < 12; ++pc) score += weights[pc] * candidate.logShare[pc];
    return score / totalWeight;
}

void KeyFinder::Spelling::add(const SoundingNote& note) noexcept {
    const double length = note.duration.toDouble();
    weightedFifths += length * note.pitch.name().fifths();
    duration += length;
}

KeyFinder::Spelling& KeyFinder::Spelling::operator+=(const Spelling& other) noexcept {
    weightedFifths += other.weightedFifths;
    duration += other.duration;
    return *this;
}

std::optional<double> KeyFinder::Spelling::centre() const noexcept {
    return duration > 0 ? std::optional{weightedFifths / duration} : std::nullopt;
}

KeyFinder::Marks KeyFinder::readMarks(const score::Score& score, std::span<const SoundingNote> notes) {
    Marks marks;
    if (!notes.empty()) {
        core::Rational last = notes.front().end();
        for (const SoundingNote& note : notes) last = std::max(last, note.end());
        int lowest = std::numeric_limits<int>::max();
        Spelling whole;
        marks.measureSpellings.resize(score.timeline.measures.size());
        for (const SoundingNote& note : notes) {
            if (note.end() == last && note.midiNumber() < lowest) {
                lowest = note.midiNumber();
                marks.finalBass = note.pitchClass();
            }
            whole.add(note);
            if (note.at.measure < marks.measureSpellings.size()) marks.measureSpellings[note.at.measure].add(note);
        }
        marks.spellingFifths = whole.centre();
        // The first downbeat: where the first measure that is not a pickup starts, or the first
        // note after it.
        const auto& measures = score.timeline.measures;
        const std::uint32_t downbeat = !measures.empty() && measures.front().pickup ? 1 : 0;
        const auto first =
            std::find_if(notes.begin(), notes.end(), [&](const SoundingNote& n) { return n.at.measure >= downbeat; });
        int lowestFirst = std::numeric_limits<int>::max();
        for (auto it = first; it != notes.end() && it->onset == first->onset; ++it) {
            if (it->midiNumber() < lowestFirst) {
                lowestFirst = it->midiNumber();
                marks.firstBass = it->pitchClass();
            }
        }
    }
    for (const score::ChordSymbol& symbol : score.layers.chords) {
        if (symbol.alternate) continue;
        if (symbol.noChord) break;
        if (auto parsed = theory::ChordSymbol::parse(symbol.text)) {
            marks.firstChordRoot = parsed->root.pitchClass();
            marks.firstChordTones = parsed->pitchClasses();
        }
        break;
    }
    marks.signatureTonics = signatureTonics(score.timeline);
    return marks;
}

KeyFinder::Evidence KeyFinder::gather(const score::Score& score, std::span<const SoundingNote> notes) const {
    Evidence evidence{measureWindows(score, notes, options_.windows), {}, readMarks(score, notes)};
    evidence.whole = combined(mergeWindows(evidence.windows), options_.chordWeight);
    return evidence;
}

std::vector<double> KeyFinder::globalScores(const Evidence& evidence) const {
    const double wholeWeight = total(evidence.whole);
    const Marks& marks = evidence.marks;
    std::vector<double> scores;
    scores.reserve(candidates_.size());
    for (const Candidate& candidate : candidates_) {
        // Per whole note, so a long piece is not more certain than a short one.
        double value = wholeWeight > 0 ? perWholeNote(candidate, evidence.whole, wholeWeight) : 0.0;
        const int third = pitchClassOf(candidate.tonic + (hasMajorThird(candidate.mode) ? 4 : 3));
        if (marks.finalBass == candidate.tonic) value += options_.finalNoteWeight;
        if (marks.firstBass && (*marks.firstBass == candidate.tonic || *marks.firstBass == third ||
                                *marks.firstBass == pitchClassOf(candidate.tonic + 7))) {
            value += options_.firstBassWeight;
        }
        if (marks.firstChordRoot == candidate.tonic && ((marks.firstChordTones >> third) & 1U)) {
            value += options_.firstChordWeight;
        }
        if (!marks.signatureTonics.empty() &&
            marks.signatureTonics.front() == signatureTonic(candidate.tonic, candidate.mode)) {
            value += options_.signatureWeight;
        }
        scores.push_back(value);
    }
    return scores;
}

std::vector<KeyEstimate> KeyFinder::rank(const Evidence& evidence) const {
    const std::vector<double> scores = globalScores(evidence);
    const std::vector<double> shares = softmax(scores, kConfidenceTemperature);
    std::vector<KeyEstimate> ranking;
    ranking.reserve(candidates_.size());
    for (std::size_t c = 0; c < candidates_.size(); ++c) ranking.push_back({keyOf(c, evidence), shares[c], scores[c]});
    std::stable_sort(ranking.begin(), ranking.end(),
                     [](const KeyEstimate& a, const KeyEstimate& b) { return a.score > b.score; });
    return ranking;
}

theory::Key KeyFinder::keyOf(std::size_t candidate, const Evidence& evidence,
                             std::optional<double> spellingFifths) const {
    const Candidate& c = candidates_[candidate];
    return {spellTonic(c.tonic, c.mode, spellingFifths ? spellingFifths : evidence.marks.spellingFifths), c.mode};
}

std::vector<KeyEstimate> KeyFinder::rankKeys(const score::Score& score, std::span<const SoundingNote> notes) const {
    if (candidates_.empty()) return {};
    return rank(gather(score, notes));
}

KeyAnalysis KeyFinder::analyze(const score::Score& score) const { return analyze(score, soundingNotes(score)); }

KeyAnalysis KeyFinder::analyze(const score::Score& score, std::span<const SoundingNote> notes) const {
    return analyze(score, notes, {});
}

KeyAnalysis KeyFinder::analyze(const score::Score& score, std::span<const SoundingNote> notes,
                               const MeasureKeyEvidence& measureEvidence) const {
    KeyAnalysis analysis;
    if (candidates_.empty()) return analysis;
    const Evidence evidence = gather(score, notes);
    analysis.ranking = rank(evidence);
    analysis.global = analysis.ranking.front();
    analysis.regions = regions(score, evidence, analysis.global.key, measureEvidence);
    return analysis;
}

std::vector<KeyRegion> KeyFinder::regions(const score::Score& score, const Evidence& evidence, const theory::Key& home,
                                          const MeasureKeyEvidence& measureEvidence) const {
    // A path through the candidates, one per measure, that pays modulationCost for every change
    // and for starting anywhere but in the global key. Each measure weighs as much as it lasts,
    // however many notes and voices fill it, so the cost means the same in a solo and a quartet.
    const std::vector<PitchClassWindow>& windows = evidence.windows;
    std::vector<KeyRegion> regions;
    if (windows.empty()) return regions;
    const std::size_t n = candidates_.size();
    const double cost = std::max(0.0, options_.modulationCost);
    std::vector<double> start(n, -cost);
    for (std::size_t c = 0; c < n; ++c) {
        if (candidates_[c].mode == home.mode && candidates_[c].tonic == home.tonic.pitchClass()) start[c] = 0;
    }
    std::vector<std::vector<double>> scores(windows.size(), std::vector<double>(n));
    for (std::size_t w = 0; w < windows.size(); ++w) {
        const PitchClassWeights weights = combined(windows[w], options_.chordWeight);
        const double sum = total(weights);
        if (sum <= 0) continue;
        const double duration = (windows[w].end - windows[w].start).toDouble();
        for (std::size_t c = 0; c < n; ++c) scores[w][c] = duration * perWholeNote(candidates_[c], weights, sum);
        if (options_.signatureWeight != 0 && w < evidence.marks.signatureTonics.size()) {
            // The signature in force in this measure, weighed per whole note as in the global score.
            for (std::size_t c = 0; c < n; ++c) {
                if (signatureTonic(candidates_[c].tonic, candidates_[c].mode) == evidence.marks.signatureTonics[w]) {
                    scores[w][c] += duration * options_.signatureWeight;
                }
            }
        }
    }
    if (measureEvidence) {
        std::vector<theory::Key> keys;
        keys.reserve(n);
        for (std::size_t c = 0; c < n; ++c) keys.push_back(keyOf(c, evidence));
        for (std::size_t w = 0; w < windows.size(); ++w) {
            for (std::size_t c = 0; c < n; ++c) scores[w][c] += measureEvidence(windows[w].at.measure, keys[c]);
        }
    }
    const std::vector<std::size_t> path = switchingPath(scores, start, cost);

    const auto& measures = score.timeline.measures;
    const score::ScorePosition scoreEnd{static_cast<std::uint32_t>(measures.size() - 1), measures.back().duration};
    std::size_t first = 0;
    for (std::size_t w = 1; w <= windows.size(); ++w) {
        if (w < windows.size() && path[w] == path[first]) continue;
        // The region's confidence: its key's share among all candidates for the region's own music,
        // as the global confidence is for the whole score's.
        const PitchClassWeights weights =
            combined(mergeWindows(std::span{windows}.subspan(first, w - first)), options_.chordWeight);
        const double sum = total(weights);
        std::vector<double> local(n, 0.0);
        if (sum > 0) {
            for (std::size_t c = 0; c < n; ++c) local[c] = perWholeNote(candidates_[c], weights, sum);
        }
        // The tonic is spelled as the region's own notes are: a passage in Eb minor written in
        // flats is Eb minor even inside a piece written in sharps.
        Spelling spelling;
        for (std::size_t r = first; r < w; ++r) {
            const std::size_t measure = windows[r].at.measure;
            if (measure < evidence.marks.measureSpellings.size()) spelling += evidence.marks.measureSpellings[measure];
        }
        regions.push_back({.start = windows[first].at,
                           .end = w < windows.size() ? windows[w].at : scoreEnd,
                           .key = keyOf(path[first], evidence, spelling.centre()),
                           .confidence = softmax(local, kConfidenceTemperature)[path[first]]});
        first = w;
    }
    return regions;
}

std::vector<score::KeyRegion> toLayer(std::span<const KeyRegion> regions) {
    std::vector<score::KeyRegion> layer;
    layer.reserve(regions.size());
    for (const KeyRegion& region : regions) {
        layer.push_back({region.start, {region.key.tonic.step, region.key.tonic.alter}, region.key.mode});
    }
    return layer;
}

}  // namespace mos::analysis
