// Harmonic segmentation by dynamic programming over units (Pardo and Birmingham's idea of scoring
// a region by the chord template that explains most of its sounding time, with the cut points
// chosen jointly). The score of a region under a chord, in whole notes of sounding time:
//   + time of the chord's tones − λ · time of the other tones
//   − a penalty for each missing root, third or fifth (per whole note of the region), and for
//     the time a seventh chord's seventh does not sound
//   − a small price for the rarer shapes, + a bonus for the root (or a chord tone) in the bass,
//   + a bonus for a chord that belongs to the local key.
// Prefix sums make every region's weights O(1), so the whole search is O(units · maxLength · 108).

#include "mos/analysis/HarmonicSegmentation.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <optional>

namespace mos::analysis {
namespace {

using theory::RomanQuality;

constexpr std::array<RomanQuality, 9> kShapes{
    RomanQuality::Major,
    RomanQuality::Minor,
    RomanQuality::Diminished,
    RomanQuality::Augmented,
    RomanQuality::DominantSeventh,
    RomanQuality::MajorSeventh,
    RomanQuality::MinorSeventh,
    RomanQuality::HalfDiminishedSeventh,
    RomanQuality::DiminishedSeventh,
};

struct ShapeTones {
    int third;
    int fifth;
    int seventh;   // -1 for a triad
    double price;  // what choosing this rarer shape costs per whole note (chosen on bench/eval/mos_eval_roman)
};

ShapeTones tonesOf(RomanQuality shape) noexcept {
    switch (shape) {
        case RomanQuality::Major:
            return {4, 7, -1, 0.0};
        case RomanQuality::Minor:
            return {3, 7, -1, 0.0};
        case RomanQuality::Diminished:
            return {3, 6, -1, 0.05};
        case RomanQuality::Augmented:
            return {4, 8, -1, 0.6};
        case RomanQuality::DominantSeventh:
            return {4, 7, 10, 0.02};
        case RomanQuality::MajorSeventh:
            return {4, 7, 11, 1.0};
        case RomanQuality::MinorSeventh:
            return {3, 7, 10, 0.8};
        case RomanQuality::HalfDiminishedSeventh:
            return {3, 6, 10, 0.3};
        case RomanQuality::DiminishedSeventh:
            return {3, 6, 9, 0.03};
        default:  // no template: the augmented sixths and the rarer sevenths are read from spelling later
            break;
    }
    return {4, 7, -1, 0.0};
}

// λ: passing and neighbour tones cost less than unexplained chord tones would.
constexpr double kOtherTones = 0.5;
constexpr double kMissingRoot = 0.35;
constexpr double kMissingThird = 1.0;
constexpr double kMissingFifth = 0.3;
// A seventh costs this much per whole note of the units it does not sound in: analysts write
// V … V7 where the seventh arrives late, so a seventh chord's seventh must sound through it.
constexpr double kSeventhAbsent = 0.4;
constexpr double kPresent = 0.04;  // a tone sounds when it fills this share of the region's time
constexpr double kRootInBass = 0.5;
constexpr double kToneInBass = 0.05;
constexpr double kInKey = 0.2;

// The key's scale for chord membership: minor keys take both the natural and the raised sixth
// and seventh, so V, viio7 and the subtonic chords all belong.
std::uint16_t keyTones(const theory::Key& key) noexcept {
    const bool minor = key.mode == theory::Mode::Minor || key.mode == theory::Mode::Aeolian;
    std::uint16_t tones = theory::scalePitchClasses(key.tonic, theory::modeScale(key.mode));
    if (minor) tones |= theory::scalePitchClasses(key.tonic, theory::ScaleType::MelodicMinor);
    return tones;
}

std::uint16_t rotateUp(std::uint16_t mask, int root) noexcept {
    const unsigned bits = mask;
    return static_cast<std::uint16_t>(((bits << root) | (bits >> (12 - root))) & 0xFFFU);
}

std::ptrdiff_t soundingPitchClasses(const HarmonicUnit& unit) noexcept {
    return std::count_if(unit.weights.begin(), unit.weights.end(), [](double weight) { return weight > 0; });
}

struct Prefix {
    std::vector<std::array<double, 12>> weights;    // sums of unit weights before unit i
    std::vector<std::array<double, 12>> bassTime;   // time each pitch class is the bass
    std::vector<double> soundingTime;               // length of the units that sound
    std::vector<std::array<double, 12>> heardTime;  // length of the units each pitch class sounds in

    explicit Prefix(std::span<const HarmonicUnit> units)
        : weights(units.size() + 1),
          bassTime(units.size() + 1),
          soundingTime(units.size() + 1),
          heardTime(units.size() + 1) {
        for (std::size_t i = 0; i < units.size(); ++i) {
            weights[i + 1] = weights[i];
            bassTime[i + 1] = bassTime[i];
            soundingTime[i + 1] = soundingTime[i];
            heardTime[i + 1] = heardTime[i];
            for (std::size_t pc = 0; pc < 12; ++pc) {
                weights[i + 1][pc] += units[i].weights[pc];
                if (units[i].weights[pc] > 0) heardTime[i + 1][pc] += units[i].length;
            }
            if (units[i].bassPitchClass < 0) continue;
            soundingTime[i + 1] += units[i].length;
            // A melody note alone is no bass: only a note under others says which chord tone is lowest.
            if (soundingPitchClasses(units[i]) > 1)
                bassTime[i + 1][static_cast<std::size_t>(units[i].bassPitchClass)] += units[i].length;
        }
    }
};

struct Scored {
    HarmonicChord chord{};
    double score = -std::numeric_limits<double>::infinity();
    double fit = 0;
};

Scored bestChord(const Prefix& prefix, std::size_t first, std::size_t end, std::uint16_t inKey) {
    std::array<double, 12> w{};
    std::array<double, 12> bass{};
    double total = 0;
    for (std::size_t pc = 0; pc < 12; ++pc) {
        w[pc] = prefix.weights[end][pc] - prefix.weights[first][pc];
        bass[pc] = prefix.bassTime[end][pc] - prefix.bassTime[first][pc];
        total += w[pc];
    }
    Scored best;
    const double length = prefix.soundingTime[end] - prefix.soundingTime[first];
    if (total <= 0) {
        best.score = 0;
        return best;
    }
    const double present = kPresent * total;
    for (int root = 0; root < 12; ++root) {
        const auto at = [&](int above) { return w[static_cast<std::size_t>((root + above) % 12)]; };
        for (const RomanQuality shape : kShapes) {
            const ShapeTones tones = tonesOf(shape);
            const std::uint16_t mask = rotateUp(chordShapeMask(shape), root);
            double inside = 0;
            double bassOnTone = 0;
            for (std::size_t pc = 0; pc < 12; ++pc) {
                if ((mask >> pc & 1U) == 0) continue;
                inside += w[pc];
                bassOnTone += bass[pc];
            }
            double score = inside - kOtherTones * (total - inside);
            if (at(0) < present) score -= kMissingRoot * length;
            if (at(tones.third) < present) score -= kMissingThird * length;
            if (at(tones.fifth) < present) score -= kMissingFifth * length;
            if (tones.seventh >= 0) {
                const auto seventh = static_cast<std::size_t>((root + tones.seventh) % 12);
                const double heard = prefix.heardTime[end][seventh] - prefix.heardTime[first][seventh];
                score -= kSeventhAbsent * (length - heard);
            }
            score -= tones.price * length;
            const double rootBass = bass[static_cast<std::size_t>(root)];
            score += kRootInBass * rootBass + kToneInBass * (bassOnTone - rootBass);
            if (inKey != 0 && (mask & ~inKey) == 0) score += kInKey * length;
            if (score > best.score) {
                best.score = score;
                best.chord.root = root;
                best.chord.shape = shape;
                best.fit = inside / total;
            }
        }
    }
    return best;
}

}  // namespace

std::uint16_t chordShapeMask(RomanQuality shape) noexcept {
    const ShapeTones tones = tonesOf(shape);
    unsigned mask = 1U | 1U << tones.third | 1U << tones.fifth;
    if (tones.seventh >= 0) mask |= 1U << tones.seventh;
    return static_cast<std::uint16_t>(mask);
}

std::vector<HarmonicRegion> segmentHarmony(std::span<const HarmonicUnit> units, std::span<const theory::Key> keys,
                                           const SegmentationOptions& options) {
    const std::size_t count = units.size();
    if (count == 0) return {};
    const Prefix prefix{units};
    std::vector<std::uint16_t> inKey(count, 0);
    if (keys.size() == count) {
        for (std::size_t i = 0; i < count; ++i) inKey[i] = keyTones(keys[i]);
    }
    const std::size_t maxLength = std::max<std::size_t>(options.maxUnitsPerRegion, 1);

    // best[j]: the best segmentation of units [0, j); from[j]: where its last region starts.
    std::vector<double> best(count + 1, -std::numeric_limits<double>::infinity());
    std::vector<std::size_t> from(count + 1, 0);
    std::vector<Scored> chosen(count + 1);
    best[0] = 0;
    for (std::size_t end = 1; end <= count; ++end) {
        const std::size_t earliest = end > maxLength ? end - maxLength : 0;
        for (std::size_t first = earliest; first < end; ++first) {
            const Scored region = bestChord(prefix, first, end, inKey[first]);
            // Harmony moves on downbeats: a change on any weaker beat costs six times as much
            // (on When in Rome this finds 74.2% of the roots, twice as much 73.8%, the same 73.1%).
            const double meter = units[first].strength >= 1 ? 0.5 : 3.0;
            const double change = options.changeCost * meter * units[first].length * 4;
            const double total = best[first] + region.score - change;
            if (total > best[end]) {
                best[end] = total;
                from[end] = first;
                chosen[end] = region;
            }
        }
    }

    std::vector<HarmonicRegion> regions;
    for (std::size_t end = count; end > 0; end = from[end]) {
        const std::size_t first = from[end];
        HarmonicRegion region{first, end, chosen[end].chord, chosen[end].fit};
        // The bass is the first lowest note that is a chord tone under other notes: a passing or
        // neighbour note under the chord's first beat does not make it a slash chord, nor does a
        // unison before the chord fills in. A region without one takes its first chord tone in
        // the bass at all, else the root.
        const std::uint16_t tones = rotateUp(chordShapeMask(region.chord.shape), region.chord.root);
        std::optional<int> anyBass;
        std::optional<int> bassUnderOthers;
        for (std::size_t i = first; i < end && !bassUnderOthers; ++i) {
            const int bass = units[i].bassPitchClass;
            if (bass < 0 || ((tones >> bass) & 1U) == 0) continue;
            if (!anyBass) anyBass = bass;
            if (soundingPitchClasses(units[i]) > 1) bassUnderOthers = bass;
        }
        region.chord.bass = bassUnderOthers.value_or(anyBass.value_or(region.chord.root));
        regions.push_back(region);
    }
    std::reverse(regions.begin(), regions.end());
    // Silence explains nothing: a region with no sounding note takes the chord before it, and
    // before the first note there is no chord.
    const auto silent = [&](const HarmonicRegion& region) {
        return prefix.soundingTime[region.endUnit] == prefix.soundingTime[region.firstUnit];
    };
    while (!regions.empty() && silent(regions.front())) regions.erase(regions.begin());
    for (std::size_t i = 1; i < regions.size(); ++i) {
        if (silent(regions[i])) {
            regions[i - 1].endUnit = regions[i].endUnit;
            regions.erase(regions.begin() + static_cast<std::ptrdiff_t>(i));
            --i;
        }
    }
    return regions;
}

}  // namespace mos::analysis
