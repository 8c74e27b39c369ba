// Voice leading as a branch-and-bound search. The chord's tones are ranked by how much they say
// about it (bass, root, third, seventh, alterations, extensions, fifth); the voices take the
// top-ranked ones, and doublings of the root or fifth when there are more voices than tones. Each
// voice's candidate notes are sorted by how far they lie from where that voice was, and a voicing
// is built from the lowest voice up, abandoning a branch as soon as what it has moved plus the
// least the remaining voices must move exceeds the best complete voicing so far. The first branch
// is the nearest note for every voice, so the bound is tight early: four or five voices take a few
// dozen steps, all in fixed-size arrays on the stack.

#include "mos/theory/VoiceLeading.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <limits>
#include <tuple>

#include "Modulo.hpp"
#include "mos/theory/ChordNaming.hpp"

namespace mos::theory {
namespace {

constexpr int kNoteCount = 128;
constexpr int kUnreachable = std::numeric_limits<int>::max() / 4;
// Search steps before the best voicing found so far is taken: bounds the time of large voicings
// over chords of few tones, where the rules force voices octaves apart (VoiceLeading.hpp).
constexpr int kSearchBudget = 4096;

using Voicing = std::array<int, kMaxVoices>;

std::uint16_t bitOf(int pitchClass) noexcept { return static_cast<std::uint16_t>(1U << floorMod(pitchClass, 12)); }

bool has(std::uint16_t mask, int pitchClass) noexcept { return (mask & bitOf(pitchClass)) != 0; }

// What a voicing of the next chord must sound.
struct ChordTones {
    std::uint16_t required = 0;   // pitch classes that must each sound
    std::uint16_t doublable = 0;  // those of them more than one voice may sound
    int root = 0;
    std::optional<int> bass;  // the pitch class of the lowest voice, under the bass rule
};

// The interval above the root that acts as the third: major, minor, else the suspended fourth or
// second; -1 for none.
int thirdOf(std::uint16_t intervals) noexcept {
    for (const int third : {4, 3, 5, 2}) {
        if (has(intervals, third)) return third;
    }
    return -1;
}

// How long a tone is kept when voices are short (smaller: kept longer), by its interval above the
// root in semitones, given all the intervals the chord has.
int keepRank(int interval, std::uint16_t intervals) noexcept {
    const auto present = [&](int semitones) { return has(intervals, semitones); };
    const int third = thirdOf(intervals);
    // A major sixth stands in for the seventh in 6 chords and is the diminished seventh of o7.
    const int seventh = present(10) ? 10 : present(11) ? 11 : present(9) && third != -1 ? 9 : -1;
    constexpr int kTier = 12;
    if (interval == 0) return 1 * kTier;
    if (interval == third) return 2 * kTier;
    if (interval == seventh) return 3 * kTier;
    if (interval == 7) return 6 * kTier;
    if (interval == 9 || interval == 5 || interval == 2) {
        return 5 * kTier + (interval == 9 ? 0 : interval == 5 ? 1 : 2);  // 13, 11, 9: the named one first
    }
    return 4 * kTier + interval;  // b9, #9, b5/#11, #5/b13, a second seventh
}

// Which tones may double, most preferred first: the root and the perfect fifth; then the third
// too; then every tone. A later set is tried only when no voicing fits with the one before.
enum class Doubling : std::uint8_t { RootOrFifth, AlsoThird, Any };

ChordTones chordTones(std::uint16_t pitchClasses, int root, int bass, std::size_t voices, bool bassInLowestVoice,
                      Doubling doubling) noexcept {
    const auto tones = static_cast<std::uint16_t>((pitchClasses & 0x0FFF) | bitOf(root) | bitOf(bass));
    std::uint16_t intervals = 0;
    for (int pc = 0; pc < 12; ++pc) {
        if (has(tones, pc)) intervals = static_cast<std::uint16_t>(intervals | bitOf(pc - root));
    }
    // Order the tones by rank (insertion sort of at most twelve), the bass first under the bass rule.
    std::array<int, 12> order{};
    std::array<int, 12> rank{};
    std::size_t count = 0;
    for (int pc = 0; pc < 12; ++pc) {
        if (!has(tones, pc)) continue;
        const int r = bassInLowestVoice && pc == floorMod(bass, 12) ? 0 : keepRank(floorMod(pc - root, 12), intervals);
        std::size_t at = count++;
        for (; at > 0 && rank[at - 1] > r; --at) {
            order[at] = order[at - 1];
            rank[at] = rank[at - 1];
        }
        order[at] = pc;
        rank[at] = r;
    }
    ChordTones chord;
    chord.root = floorMod(root, 12);
    for (std::size_t i = 0; i < std::min(count, voices); ++i) {
        chord.required = static_cast<std::uint16_t>(chord.required | bitOf(order[i]));
    }
    // Without a perfect fifth (diminished and augmented triads, b5 and #5 chords) the third takes
    // its place, as in the textbook vii°6 with its doubled third.
    const int third = thirdOf(intervals);
    const bool fifth = has(intervals, 7);
    const bool withThird = third != -1 && (doubling != Doubling::RootOrFifth || !fifth);
    auto doublable = static_cast<std::uint16_t>(bitOf(root) | (fifth ? bitOf(root + 7) : 0U) |
                                                (withThird ? bitOf(root + third) : 0U));
    if (doubling == Doubling::Any) doublable = tones;
    chord.doublable = static_cast<std::uint16_t>(chord.required & doublable);
    if (bassInLowestVoice) chord.bass = floorMod(bass, 12);
    return chord;
}

// Sorted copy of a voicing; false when it is empty, too large or leaves the MIDI range.
bool sortedVoicing(std::span<const int> notes, Voicing& sorted) noexcept {
    if (notes.empty() || notes.size() > kMaxVoices) return false;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        if (notes[i] < 0 || notes[i] >= kNoteCount) return false;
        sorted[i] = notes[i];
    }
    std::sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(notes.size()));
    return true;
}

// The cheapest order-keeping pairing of two sorted voicings: every voice of the larger one pairs
// with exactly one of the smaller, every voice of the smaller with at least one (for equal sizes,
// voice i with voice i).
struct Pairing {
    int motion = 0;
    std::array<std::array<int, 2>, kMaxVoices> pairs{};  // {from note, to note}, lowest first
    std::size_t count = 0;
};

Pairing pair(std::span<const int> from, std::span<const int> to) noexcept {
    Pairing result;
    result.count = std::max(from.size(), to.size());
    if (from.size() == to.size()) {
        for (std::size_t i = 0; i < from.size(); ++i) {
            result.pairs[i] = {from[i], to[i]};
            result.motion += std::abs(to[i] - from[i]);
        }
        return result;
    }
    const bool fromLarger = from.size() > to.size();
    const std::span<const int> large = fromLarger ? from : to;
    const std::span<const int> small = fromLarger ? to : from;
    // cost[j][i]: the cheapest pairing of large[0..j] with small[0..i] that pairs large[j] with small[i].
    std::array<std::array<int, kMaxVoices>, kMaxVoices> cost{};
    for (std::size_t j = 0; j < large.size(); ++j) {
        for (std::size_t i = 0; i < small.size(); ++i) {
            const int here = std::abs(large[j] - small[i]);
            if (j == 0) {
                cost[j][i] = i == 0 ? here : kUnreachable;
                continue;
            }
            const int stay = cost[j - 1][i];                             // small[i] also took large[j - 1]
            const int step = i > 0 ? cost[j - 1][i - 1] : kUnreachable;  // small[i - 1] took large[j - 1]
            cost[j][i] = std::min(kUnreachable, here + std::min(stay, step));
        }
    }
    result.motion = cost[large.size() - 1][small.size() - 1];
    std::size_t i = small.size() - 1;
    for (std::size_t j = large.size(); j-- > 0;) {
        result.pairs[j] = fromLarger ? std::array{large[j], small[i]} : std::array{small[i], large[j]};
        if (j > 0 && i > 0 && cost[j - 1][i - 1] <= cost[j - 1][i]) --i;
    }
    return result;
}

// What decides between voicings, most important first; smaller is better.
struct Score {
    int motion = kUnreachable;
    int moving = 0;          // voices that change note
    int largestLeap = 0;     // the largest motion of one voice
    int similarToBass = 0;   // upper voices moving the same way as the bass
    int otherDoublings = 0;  // doublings of anything but the root
    Voicing notes{};         // last resort: the lower voicing, from the lowest voice up

    friend bool operator<(const Score& a, const Score& b) noexcept {
        return std::tie(a.motion, a.moving, a.largestLeap, a.similarToBass, a.otherDoublings, a.notes) <
               std::tie(b.motion, b.moving, b.largestLeap, b.similarToBass, b.otherDoublings, b.notes);
    }
};

class Search {
public:
    Search(const ChordTones& chord, std::span<const int> reference, std::size_t voices, int lowest,
           int highest) noexcept
        : chord_{chord}, reference_{reference}, voices_{voices} {
        const bool pairedInOrder = reference.size() == voices;
        for (std::size_t voice = 0; voice < voices; ++voice) {
            // The allowed notes, sorted by the least motion that reaches them (insertion sort: a
            // few dozen notes at most, and it keeps equal ones in ascending order).
            Candidates& list = candidates_[voice];
            for (int note = lowest; note <= highest; ++note) {
                const int pc = note % 12;
                const bool allowed = voice == 0 && chord.bass ? pc == *chord.bass : has(chord.required, pc);
                if (!allowed) continue;
                int least = kNoteCount;
                if (pairedInOrder) {
                    least = std::abs(note - reference[voice]);
                } else {
                    for (const int from : reference) least = std::min(least, std::abs(note - from));
                }
                std::size_t at = list.count++;
                for (; at > 0 && list.motion[at - 1] > least; --at) {
                    list.notes[at] = list.notes[at - 1];
                    list.motion[at] = list.motion[at - 1];
                }
                list.notes[at] = static_cast<std::uint8_t>(note);
                list.motion[at] = static_cast<std::uint8_t>(least);
            }
        }
        for (int note = highest; note >= lowest; --note) {
            const auto at = static_cast<std::size_t>(note);
            doublableAbove_[at] = doublableAbove_[at + 1] + (has(chord.doublable, note % 12) ? 1 : 0);
            tonesAbove_[at] = static_cast<std::uint16_t>(tonesAbove_[at + 1] | (chord.required & bitOf(note % 12)));
        }
        for (std::size_t voice = voices; voice-- > 0;) {
            const Candidates& list = candidates_[voice];
            const int least = list.count > 0 ? list.motion[0] : kUnreachable;
            leastAbove_[voice] = std::min(kUnreachable, leastAbove_[voice + 1] + least);
        }
    }

    // The best voicing, or nullopt when none fits.
    std::optional<Voicing> run() noexcept {
        if (leastAbove_[0] >= kUnreachable) return std::nullopt;
        descend(0, -1, 0, 0);
        if (best_.motion >= kUnreachable) return std::nullopt;
        return best_.notes;
    }

private:
    // Left uninitialised but for the count: only the first `count` entries are ever read, and
    // clearing all ten lists would cost more than the search itself.
    struct Candidates {
        std::array<std::uint8_t, kNoteCount> notes;
        std::array<std::uint8_t, kNoteCount> motion;  // the least this voice moves to reach the note
        std::size_t count = 0;
    };

    void descend(std::size_t voice, int below, std::uint16_t covered, int moved) noexcept {
        if (++steps_ > kSearchBudget) return;
        if (voice == voices_) {
            consider();
            return;
        }
        const std::size_t voicesLeft = voices_ - voice - 1;
        const Candidates& list = candidates_[voice];
        for (std::size_t c = 0; c < list.count; ++c) {
            if (moved + list.motion[c] + leastAbove_[voice + 1] > best_.motion) break;
            const int note = list.notes[c];
            if (note <= below) continue;
            const int pc = note % 12;
            if (has(covered, pc) && !has(chord_.doublable, pc)) continue;
            const auto now = static_cast<std::uint16_t>(covered | bitOf(pc));
            if (!completable(note, now, voicesLeft)) continue;
            notes_[voice] = note;
            descend(voice + 1, note, now, moved + list.motion[c]);
        }
    }

    // Whether the voices above `note` can still be filled once `covered` sounds: every missing tone
    // has a note above, and there are enough notes for them all. Exact (the notes of different
    // voices only have to differ, and any distinct notes can be sorted), so no branch the search
    // enters is a dead end, and the first complete voicing is found at once.
    bool completable(int note, std::uint16_t covered, std::size_t voicesLeft) const noexcept {
        const auto missing = static_cast<std::uint16_t>(chord_.required & ~covered);
        if (std::popcount(static_cast<unsigned>(missing)) > static_cast<int>(voicesLeft)) return false;
        if ((missing & ~tonesAbove_[static_cast<std::size_t>(note) + 1]) != 0) return false;
        // One note for each missing tone that cannot double, any distinct notes of those that can.
        const int once = std::popcount(static_cast<unsigned>(missing & ~chord_.doublable));
        return doublableAbove_[static_cast<std::size_t>(note) + 1] + once >= static_cast<int>(voicesLeft);
    }

    void consider() noexcept {
        const std::span<const int> voicing{notes_.data(), voices_};
        const Pairing pairing = pair(reference_, voicing);
        Score score;
        score.motion = pairing.motion;
        score.notes = notes_;
        const int bassMotion = pairing.pairs[0][1] - pairing.pairs[0][0];
        for (std::size_t p = 0; p < pairing.count; ++p) {
            const int motion = pairing.pairs[p][1] - pairing.pairs[p][0];
            score.moving += motion != 0 ? 1 : 0;
            score.largestLeap = std::max(score.largestLeap, std::abs(motion));
            const bool similar = p > 0 && motion != 0 && (motion > 0) == (bassMotion > 0) && bassMotion != 0;
            score.similarToBass += similar ? 1 : 0;
        }
        std::uint16_t sounded = 0;
        for (const int note : voicing) {
            const int pc = note % 12;
            if (has(sounded, pc) && pc != chord_.root) ++score.otherDoublings;
            sounded = static_cast<std::uint16_t>(sounded | bitOf(pc));
        }
        if (score < best_) best_ = score;
    }

    const ChordTones& chord_;
    std::span<const int> reference_;
    std::size_t voices_;
    std::array<Candidates, kMaxVoices> candidates_;
    std::array<int, kMaxVoices + 1> leastAbove_{};            // the least motion of voices i … end together
    std::array<int, kNoteCount + 1> doublableAbove_{};        // notes at or above n in range that may double
    std::array<std::uint16_t, kNoteCount + 1> tonesAbove_{};  // the tones with a note at or above n in range
    Voicing notes_{};
    Score best_{};
    int steps_ = 0;
};

std::size_t voiceChord(std::span<const int> previous, std::uint16_t pitchClasses, int root, int bass,
                       std::span<int> out, const VoicingOptions& options) noexcept {
    if (out.empty() || out.size() > kMaxVoices || (pitchClasses & 0x0FFF) == 0) return 0;
    const int lowest = std::max(options.lowestNote, 0);
    const int highest = std::min(options.highestNote, kNoteCount - 1);
    if (lowest > highest) return 0;
    Voicing reference{};
    std::size_t referenceSize = out.size();
    if (previous.empty()) {
        // Start from notes a major third apart around the middle of the range: a close voicing.
        const int middle = lowest + (highest - lowest) / 2;
        for (std::size_t voice = 0; voice < out.size(); ++voice) {
            const int offset = 4 * static_cast<int>(voice) - 2 * static_cast<int>(out.size() - 1);
            reference[voice] = std::clamp(middle + offset, lowest, highest);
        }
    } else if (sortedVoicing(previous, reference)) {
        referenceSize = previous.size();
    } else {
        return 0;
    }
    for (const Doubling doubling : {Doubling::RootOrFifth, Doubling::AlsoThird, Doubling::Any}) {
        const ChordTones chord = chordTones(pitchClasses, root, bass, out.size(), options.bassInLowestVoice, doubling);
        Search search{chord, std::span<const int>{reference.data(), referenceSize}, out.size(), lowest, highest};
        if (const std::optional<Voicing> best = search.run()) {
            std::copy_n(best->begin(), out.size(), out.begin());
            return out.size();
        }
    }
    return 0;
}

}  // namespace

std::optional<int> voiceLeadingDistance(std::span<const int> from, std::span<const int> to) noexcept {
    Voicing sortedFrom{};
    Voicing sortedTo{};
    if (!sortedVoicing(from, sortedFrom) || !sortedVoicing(to, sortedTo)) return std::nullopt;
    return pair({sortedFrom.data(), from.size()}, {sortedTo.data(), to.size()}).motion;
}

std::size_t nextVoicing(std::span<const int> previous, std::uint16_t pitchClasses, int bassPitchClass,
                        std::span<int> out, const VoicingOptions& options) noexcept {
    const auto tones = static_cast<std::uint16_t>((pitchClasses & 0x0FFF) | bitOf(bassPitchClass));
    std::array<ChordCandidate, 1> named{};
    if ((pitchClasses & 0x0FFF) == 0 || nameChord(tones, floorMod(bassPitchClass, 12), std::nullopt, named) == 0) {
        return 0;
    }
    return voiceChord(previous, tones, named[0].symbol.root.pitchClass(), bassPitchClass, out, options);
}

std::size_t nextVoicing(std::span<const int> previous, const ChordSymbol& chord, std::span<int> out,
                        const VoicingOptions& options) {
    if (chord.noChord) return 0;
    return voiceChord(previous, chord.pitchClasses(), chord.root.pitchClass(), chord.bassPitchClass(), out, options);
}

}  // namespace mos::theory
