// Chord naming: for each candidate root, one pass over the twelve intervals above it decides the
// third, fifth and seventh, then explains what is left as extensions, alterations and added tones;
// a cost that grows with everything a reader has to take in (a slash, a missing third, an
// alteration) ranks the readings, and a softmax over the costs gives the confidences.

#include "mos/theory/ChordNaming.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace mos::theory {
namespace {

constexpr std::size_t kMaxCandidates = 12;

// The cost of each part of a reading, in arbitrary units (a plain triad costs nothing).
// A chord over its third reads most naturally, then over its fifth or seventh, then over an
// extension (charts write Eb6/G rather than Cm7/G, and Cm7/Bb rather than Eb6/Bb).
constexpr double kSlashOverThird = 0.7;
constexpr double kSlashOverFifthOrSeventh = 0.8;
constexpr double kSlashOverExtension = 0.9;
constexpr double kSlashOverOtherTone = 1.0;
constexpr double kNoThird = 1.5;
constexpr double kSuspended = 0.5;
constexpr double kPower = 0.3;
constexpr double kNoFifth = 0.4;
constexpr double kNoFifthInTriad = 0.9;
constexpr double kDiminished = 0.3;
constexpr double kAugmented = 1.0;
constexpr double kSeventh = 0.1;
constexpr double kSixth = 0.15;  // a little above a seventh: Cm7/Bb rather than Eb6/Bb
constexpr double kExtension = 0.1;
constexpr double kAlteration = 0.8;
constexpr double kDominantAlteration = 0.3;  // b9, #9, #11, b13 over a dominant seventh are everyday
constexpr double kAdded = 1.0;
constexpr double kAddedNinth = 0.6;  // add9 is everyday pop harmony
constexpr double kSixNine = 0.2;     // the 9 of a 69 chord
constexpr double kUnexplained = 5.0;
constexpr double kRootInKey = -0.3;
constexpr double kChordInKey = -0.3;

struct Reading {
    ChordSymbol symbol;
    double cost = 0;
};

// What a slash costs for a bass `bassAboveRoot` semitones above the root of the tones `rel`.
double slashCost(int bassAboveRoot, std::uint16_t rel) noexcept {
    if ((rel >> bassAboveRoot & 1U) == 0) return kSlashOverOtherTone;
    switch (bassAboveRoot) {
        case 3:
        case 4:
            return kSlashOverThird;
        case 6:
        case 7:
        case 8:
        case 10:
        case 11:
            return kSlashOverFifthOrSeventh;
        default:
            return kSlashOverExtension;
    }
}

// Reads the pitch classes as a chord on `root`: `rel` has bit i set when the tone i semitones above
// the root sounds.
// What stays the same for every root of one call: the key and its scale.
struct Context {
    const std::optional<Key>& key;
    std::uint16_t scale = 0;  // the key's pitch classes; 0 without a key
};

Reading readAbove(int root, std::uint16_t rel, int bass, std::uint16_t pitchClasses, const Context& context) {
    const std::optional<Key>& key = context.key;
    Reading reading;
    ChordSymbol& chord = reading.symbol;
    std::uint16_t left = rel & static_cast<std::uint16_t>(~1U);  // what is still to explain
    const auto has = [&](int semitones) { return (left >> semitones & 1U) != 0; };
    const auto use = [&](int semitones) { left = static_cast<std::uint16_t>(left & ~(1U << semitones)); };

    // Third.
    if (has(4)) {
        chord.triad = TriadQuality::Major;
        use(4);
    } else if (has(3)) {
        chord.triad = TriadQuality::Minor;
        use(3);
    } else if (has(5) && has(7)) {
        chord.triad = TriadQuality::Suspended4;
        use(5);
        reading.cost += kSuspended;
    } else if (has(2) && has(7)) {
        chord.triad = TriadQuality::Suspended2;
        use(2);
        reading.cost += kSuspended;
    } else if (has(7) && std::popcount(left) == 1) {
        chord.triad = TriadQuality::Power;
        reading.cost += kPower;
    } else {
        chord.omitThird = true;
        reading.cost += kNoThird;
    }
    const bool minorThird = chord.triad == TriadQuality::Minor;
    const bool majorThird = chord.triad == TriadQuality::Major || chord.triad == TriadQuality::Augmented;

    // Fifth.
    const bool perfectFifth = has(7);
    if (perfectFifth) {
        use(7);
    } else if (minorThird && has(6)) {
        chord.triad = TriadQuality::Diminished;
        use(6);
        reading.cost += kDiminished;
    } else if (majorThird && has(8)) {
        chord.triad = TriadQuality::Augmented;  // costed below: cheap on a dominant seventh
        use(8);
    } else if (majorThird && has(6)) {
        chord.alterations.insert({5, -1});
        use(6);
    } else if (chord.triad != TriadQuality::Power) {
        chord.omitFifth = true;
    }

    // Seventh.
    if (has(10)) {
        chord.seventh = SeventhKind::Minor;
        use(10);
    } else if (has(11)) {
        chord.seventh = SeventhKind::Major;
        use(11);
    } else if (chord.triad == TriadQuality::Diminished && has(9)) {
        chord.seventh = SeventhKind::Diminished;
        use(9);
    }
    if (chord.seventh != SeventhKind::None) reading.cost += kSeventh;
    const bool seventh = chord.seventh != SeventhKind::None;
    // A dominant seventh (suspended too) takes altered fifths and extensions as everyday colour.
    const bool dominant =
        (majorThird || chord.triad == TriadQuality::Suspended4) && chord.seventh == SeventhKind::Minor;
    const double alterationCost = dominant ? kDominantAlteration : kAlteration;
    if (chord.triad == TriadQuality::Augmented) reading.cost += dominant ? kDominantAlteration : kAugmented;
    if (chord.alterations.contains({5, -1})) reading.cost += alterationCost;
    // A triad without its fifth reads oddly; a seventh chord without it is everyday.
    if (chord.omitFifth) reading.cost += seventh ? kNoFifth : kNoFifthInTriad;

    // Extensions: a stack above the seventh where the symbol's stack spells exactly these tones.
    // A 13 implies a ninth (natural or altered) and, over a minor or suspended third, the eleventh
    // (a sus4's fourth is that eleventh); over a major third it must have no natural eleventh.
    const bool anyNinth = has(2) || has(1) || (majorThird && has(3));
    const bool suspended = chord.triad == TriadQuality::Suspended2 || chord.triad == TriadQuality::Suspended4;
    const bool elevenInThirteen = minorThird || chord.triad == TriadQuality::Diminished || suspended;
    const bool naturalEleven = has(5);
    const bool sharpEleven = perfectFifth && has(6);
    const bool elevenForThirteen = naturalEleven || sharpEleven || chord.triad == TriadQuality::Suspended4;
    if (seventh && anyNinth) {
        // A stack of 9 only names a natural ninth ("C7b9", not "C9b9"); 11 and 13 take any ninth.
        if (has(2)) {
            chord.extension = 9;
            use(2);
        }
        if (has(9) && (elevenInThirteen ? elevenForThirteen : !naturalEleven)) {
            chord.extension = 13;
            use(9);
            if (naturalEleven && elevenInThirteen) use(5);
        } else if (naturalEleven) {
            chord.extension = 11;
            use(5);
        }
        if (chord.extension != 0) reading.cost += kExtension;
    }
    if (!seventh && has(9)) {
        chord.sixth = true;
        use(9);
        reading.cost += kSixth;
    }
    // Altered tones: b9, #9 (beside a major third), #11 (beside a perfect fifth), b13.
    const auto alter = [&](int semitones, ChordDegree degree) {
        if (!has(semitones)) return;
        chord.alterations.insert(degree);
        use(semitones);
        reading.cost += alterationCost;
    };
    alter(1, {9, -1});
    if (majorThird) alter(3, {9, 1});
    if (seventh) alter(6, {11, 1});
    if (seventh && perfectFifth) alter(8, {13, -1});  // without a fifth it is a #5
    // What is left is added: add9, add11, add13, the b6 of mb6.
    const auto add = [&](int semitones, ChordDegree degree) {
        if (!has(semitones)) return;
        chord.added.insert(degree);
        use(semitones);
        reading.cost += degree == ChordDegree{9, 0} ? kAddedNinth : kAdded;
    };
    add(2, {9, 0});
    add(5, {11, 0});
    add(9, {13, 0});
    add(8, {6, -1});
    add(6, {11, 1});
    add(3, {9, 1});
    reading.cost += kUnexplained * std::popcount(left);
    if (chord.sixth && chord.added.contains({9, 0})) reading.cost -= kAddedNinth - kSixNine;  // 69 is one idea

    // Root, bass and key.
    chord.root = spellPitchClass(root, key);
    if (bass != root) {
        reading.cost += slashCost((bass - root + 12) % 12, rel);
        chord.bass = spellPitchClass(bass, key);
    }
    if (key) {
        if ((context.scale >> root & 1U) != 0) reading.cost += kRootInKey;
        if ((pitchClasses & ~context.scale) == 0) reading.cost += kChordInKey;
    }
    return reading;
}

std::uint16_t rotateDown(std::uint16_t pitchClasses, int root) noexcept {
    const unsigned mask = pitchClasses;
    return static_cast<std::uint16_t>(((mask >> root) | (mask << (12 - root))) & 0xFFFU);
}

}  // namespace

NoteName spellPitchClass(int pitchClass, const std::optional<Key>& key) noexcept {
    pitchClass = ((pitchClass % 12) + 12) % 12;
    // Position f on the line of fifths has pitch class 7f mod 12, and 7 is its own inverse mod 12.
    const int anyFifths = 7 * pitchClass % 12;
    if (key) {
        // The key's letters lie on signature-1 … signature+5; take the spelling nearest their middle
        // (the flat one when two are as near: bVI, not #V).
        const int center = key->signature() + 2;
        const int up = ((anyFifths - center) % 12 + 12) % 12;
        return NoteName::fromFifths(up < 6 ? center + up : center + up - 12);
    }
    constexpr std::array<int, 12> kDefaultFifths{0, -5, 2,  -3, 4,  -1,
                                                 6, 1,  -4, 3,  -2, 5};  // C Db D Eb E F F# G Ab A Bb B
    return NoteName::fromFifths(kDefaultFifths[static_cast<std::size_t>(pitchClass)]);
}

std::size_t nameChord(std::uint16_t pitchClasses, int bassPitchClass, const std::optional<Key>& key,
                      std::span<ChordCandidate> out) noexcept {
    pitchClasses &= 0xFFF;
    if (pitchClasses == 0 || out.empty()) return 0;
    bassPitchClass = ((bassPitchClass % 12) + 12) % 12;
    pitchClasses = static_cast<std::uint16_t>(pitchClasses | (1U << bassPitchClass));
    Context context{key};
    if (key) {
        for (int fifths = key->signature() - 1; fifths <= key->signature() + 5; ++fifths) {
            context.scale =
                static_cast<std::uint16_t>(context.scale | (1U << NoteName::fromFifths(fifths).pitchClass()));
        }
    }
    std::array<Reading, kMaxCandidates> readings{};
    std::size_t count = 0;
    for (int root = 0; root < 12; ++root) {
        if ((pitchClasses >> root & 1U) == 0) continue;
        Reading reading = readAbove(root, rotateDown(pitchClasses, root), bassPitchClass, pitchClasses, context);
        // A bass that is not a tone of the chord above it ("A/B"): read the chord without it.
        const auto upper = static_cast<std::uint16_t>(pitchClasses & ~(1U << bassPitchClass));
        if (root != bassPitchClass) {
            Reading above = readAbove(root, rotateDown(upper, root), bassPitchClass, pitchClasses, context);
            if (above.cost < reading.cost) reading = above;
        }
        readings[count++] = reading;
    }
    std::sort(readings.begin(), readings.begin() + static_cast<std::ptrdiff_t>(count),
              [](const Reading& a, const Reading& b) { return a.cost < b.cost; });
    double total = 0;
    for (std::size_t i = 0; i < count; ++i) total += std::exp(readings[0].cost - readings[i].cost);
    const std::size_t written = std::min(count, out.size());
    for (std::size_t i = 0; i < written; ++i) {
        out[i].symbol = readings[i].symbol;
        out[i].confidence = std::exp(readings[0].cost - readings[i].cost) / total;
    }
    return written;
}

std::vector<ChordCandidate> nameChord(std::span<const int> midiNotes, const std::optional<Key>& key,
                                      std::size_t limit) {
    if (midiNotes.empty()) return {};
    std::uint16_t pitchClasses = 0;
    for (const int note : midiNotes)
        pitchClasses = static_cast<std::uint16_t>(pitchClasses | (1U << ((note % 12 + 12) % 12)));
    const int bass = *std::min_element(midiNotes.begin(), midiNotes.end());
    std::array<ChordCandidate, kMaxCandidates> candidates{};
    const std::size_t count =
        nameChord(pitchClasses, bass % 12, key, std::span{candidates}.first(std::min(limit, kMaxCandidates)));
    return {candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(count)};
}

}  // namespace mos::theory
