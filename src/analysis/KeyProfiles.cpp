#include "mos/analysis/KeyProfiles.hpp"

#include <array>
#include <utility>

namespace mos::analysis {
namespace {

using theory::Mode;

// The published numbers, C (the tonic) first, as the sources print them.
constexpr std::array<KeyProfile, 6> kProfiles{{
    {"krumhansl-kessler",
     "Krumhansl, C. L. & Kessler, E. J. (1982). Tracing the dynamic changes in perceived tonal organization in a "
     "spatial representation of musical keys. Psychological Review 89(4), 334-368. Probe-tone ratings.",
     {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88},
     {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17}},
    {"temperley-kostka-payne",
     "Temperley, D. (2007). Music and Probability. MIT Press: the polyphonic model's profiles, the share of "
     "segments of the Kostka-Payne excerpts in which each degree occurs.",
     {0.748, 0.060, 0.488, 0.082, 0.670, 0.460, 0.096, 0.715, 0.104, 0.366, 0.057, 0.400},
     {0.712, 0.084, 0.474, 0.618, 0.049, 0.460, 0.105, 0.747, 0.404, 0.067, 0.133, 0.330}},
    {"aarden-essen",
     "Aarden, B. (2003). Dynamic Melodic Expectancy. PhD dissertation, Ohio State University: degree frequencies "
     "in the Essen Folksong Collection.",
     {17.7661, 0.145624, 14.9265, 0.160186, 19.8049, 11.3587, 0.291248, 22.062, 0.145624, 8.15494, 0.232998, 4.95122},
     {18.2648, 0.737619, 14.0499, 16.8599, 0.702494, 14.4362, 0.702494, 18.6161, 4.56621, 1.93186, 7.37619, 1.75623}},
    {"albrecht-shanahan",
     "Albrecht, J. & Shanahan, D. (2013). The use of large corpora to train a new type of key-finding algorithm. "
     "Music Perception 31(1), 59-67.",
     {0.238, 0.006, 0.111, 0.006, 0.137, 0.094, 0.016, 0.214, 0.009, 0.080, 0.008, 0.081},
     {0.220, 0.006, 0.104, 0.123, 0.019, 0.103, 0.012, 0.214, 0.062, 0.022, 0.061, 0.052}},
    {"sapp",
     "Sapp, C. S. (2011). Computational Methods for the Analysis of Musical Structure. PhD dissertation, Stanford "
     "University: the simple key-finding weights.",
     {2, 0, 1, 0, 1, 1, 0, 2, 0, 1, 0, 1},
     {2, 0, 1, 1, 0, 1, 0, 2, 1, 0, 0.5, 0.5}},
    {"bellman-budge",
     "Bellman, H. (2005). About the determination of key of a musical excerpt. CMMR 2005, LNCS 3902, 76-91: "
     "weights from Budge's (1943) chord frequencies.",
     {16.80, 0.86, 12.95, 1.41, 13.49, 11.93, 1.25, 20.28, 1.80, 8.04, 0.62, 10.57},
     {18.16, 0.69, 12.99, 13.34, 1.07, 11.15, 1.38, 21.07, 7.49, 1.53, 0.92, 10.21}},
}};

constexpr std::array<KeyProfileSet, 6> kSets{
    KeyProfileSet::KrumhanslKessler,
    KeyProfileSet::TemperleyKostkaPayne,
    KeyProfileSet::AardenEssen,
    KeyProfileSet::AlbrechtShanahan,
    KeyProfileSet::Sapp,
    KeyProfileSet::BellmanBudge,
};

// The weights of a degree the mode does not use and of the one it uses instead change places.
PitchClassWeights withDegreeMoved(PitchClassWeights weights, std::size_t from, std::size_t to) noexcept {
    std::swap(weights[from], weights[to]);
    return weights;
}

// A minor profile weighs the leading tone of harmonic minor; a mode with a flat seventh uses that
// seventh more, so it gets the larger of the two weights.
PitchClassWeights withFlatSeventh(PitchClassWeights weights) noexcept {
    if (weights[11] > weights[10]) std::swap(weights[10], weights[11]);
    return weights;
}

}  // namespace

std::span<const KeyProfileSet> allKeyProfileSets() noexcept { return kSets; }

const KeyProfile& keyProfile(KeyProfileSet set) noexcept { return kProfiles[static_cast<std::size_t>(set)]; }

std::optional<KeyProfileSet> keyProfileFromName(std::string_view name) noexcept {
    for (const KeyProfileSet set : kSets) {
        if (keyProfile(set).name == name) return set;
    }
    return std::nullopt;
}

PitchClassWeights modeProfile(KeyProfileSet set, Mode mode) noexcept {
    const KeyProfile& profile = keyProfile(set);
    switch (mode) {
        case Mode::Minor:
            return profile.minor;
        case Mode::Aeolian:
            return withFlatSeventh(profile.minor);
        case Mode::Dorian:
            return withFlatSeventh(withDegreeMoved(profile.minor, 8, 9));
        case Mode::Phrygian:
            return withFlatSeventh(withDegreeMoved(profile.minor, 2, 1));
        case Mode::Locrian:
            return withFlatSeventh(withDegreeMoved(withDegreeMoved(profile.minor, 2, 1), 7, 6));
        case Mode::Lydian:
            return withDegreeMoved(profile.major, 5, 6);
        case Mode::Mixolydian:
            return withDegreeMoved(profile.major, 11, 10);
        case Mode::Major:
        case Mode::Ionian:
        case Mode::None:
            break;
    }
    return profile.major;
}

}  // namespace mos::analysis
