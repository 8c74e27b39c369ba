// From a chord to the numeral a teacher writes: candidate numerals are tried in the order of
// preference that RomanNumeral.hpp lists, each spelled in the key by realize(), and the one that
// accounts best for the notes heard wins. A note heard that the chord lacks costs most (it is
// written as an added tone), then a missing third, a missing fifth, a bass that is no chord
// member, a root other than the spelling shows; among equals the earlier candidate wins.

#include <algorithm>
#include <array>
#include <optional>

#include "mos/theory/Interval.hpp"
#include "mos/theory/RomanNumeral.hpp"
#include "theory/Modulo.hpp"
#include "theory/RomanFigures.hpp"
#include "theory/RomanRealization.hpp"

namespace mos::theory {
namespace {

using core::ErrorCode;

// The chord as heard: its pitch classes, its bass and, when the spelling or symbol shows it, its root.
struct Heard {
    std::uint16_t pitchClasses = 0;
    int bass = 0;
    std::optional<NoteName> root;
    bool rootSpelled = false;  // the root comes from spelled notes (not from a chord symbol's letter)
};

std::uint16_t bitOf(int pitchClass) noexcept { return static_cast<std::uint16_t>(1U << floorMod(pitchClass, 12)); }
bool has(std::uint16_t mask, int pitchClass) noexcept { return (mask & bitOf(pitchClass)) != 0; }

bool isMinorKey(const Key& key) noexcept { return key.mode == Mode::Minor || key.mode == Mode::Aeolian; }
bool isMajorKey(const Key& key) noexcept { return key.mode == Mode::Major || key.mode == Mode::Ionian; }

constexpr int kExtraNote = 1000;
constexpr int kMissingThird = 400;
constexpr int kMissingFifth = 300;
constexpr int kBassNotInChord = 200;
constexpr int kOtherRoot = 100;
constexpr int kTierStep = 10;  // every tier costs less than any mismatch

// A numeral in root position: degree, accidentals, case, mark, and its chord size (3 triad, 4
// seventh, 5 ninth).
struct Shape {
    std::int8_t degree;
    std::int8_t alter;
    bool upper;
    RomanMark mark;
    std::int8_t size;
};

RomanNumeral numeralOf(const Shape& shape) {
    RomanNumeral numeral;
    numeral.degree = shape.degree;
    numeral.alter = shape.alter;
    numeral.upperCase = shape.upper;
    numeral.mark = shape.mark;
    numeral.figures = figuresOf(0, shape.size);
    return numeral;
}

constexpr auto kPlain = RomanMark::None;
constexpr auto kDim = RomanMark::Diminished;
constexpr auto kHalf = RomanMark::HalfDiminished;
constexpr auto kAug = RomanMark::Augmented;

// The key's own chords, most common first.
constexpr std::array<Shape, 16> kMajorDiatonic{{
    {1, 0, true, kPlain, 3},
    {5, 0, true, kPlain, 3},
    {4, 0, true, kPlain, 3},
    {2, 0, false, kPlain, 3},
    {6, 0, false, kPlain, 3},
    {3, 0, false, kPlain, 3},
    {7, 0, false, kDim, 3},
    {5, 0, true, kPlain, 4},
    {2, 0, false, kPlain, 4},
    {7, 0, false, kHalf, 4},
    {7, 0, false, kDim, 4},
    {4, 0, true, kPlain, 4},
    {1, 0, true, kPlain, 4},
    {6, 0, false, kPlain, 4},
    {3, 0, false, kPlain, 4},
    {5, 0, true, kPlain, 5},
}};
// In minor also the chords of the raised sixth and seventh degrees (V, viio, IV, ii, vio) and the
// Picardy third. The dominant seventh on VII is left to V7/III, as analysts write it (the When in
// Rome corpus has V7/III 310 times in minor, VII7 7 times).
constexpr std::array<Shape, 26> kMinorDiatonic{{
    {1, 0, false, kPlain, 3}, {5, 0, true, kPlain, 3},  {4, 0, false, kPlain, 3}, {6, 0, true, kPlain, 3},
    {3, 0, true, kPlain, 3},  {7, 0, true, kPlain, 3},  {7, 0, false, kDim, 3},   {2, 0, false, kDim, 3},
    {5, 0, false, kPlain, 3}, {4, 0, true, kPlain, 3},  {3, 0, true, kAug, 3},    {6, 0, false, kDim, 3},
    {2, 0, false, kPlain, 3}, {5, 0, true, kPlain, 4},  {7, 0, false, kDim, 4},   {2, 0, false, kHalf, 4},
    {4, 0, false, kPlain, 4}, {1, 0, false, kPlain, 4}, {6, 0, true, kPlain, 4},  {3, 0, true, kPlain, 4},
    {5, 0, false, kPlain, 4}, {7, 0, false, kHalf, 4},  {6, 0, false, kHalf, 4},  {4, 0, true, kPlain, 4},
    {5, 0, true, kPlain, 5},  {1, 0, true, kPlain, 3},
}};

// Suspensions and appoggiaturas: a fourth for the third (V[no3][add4], V7[no3][add4],
// I[no3][add4], IV[no3][add4]) and a sixth for the fifth of V (V[no5][add6], V7[no5][add6]).
struct Suspension {
    Shape shape;
    int omitted;
    RomanTone added;
};
constexpr std::array<Suspension, 6> kMajorSuspended{{
    {{5, 0, true, kPlain, 3}, 3, {4, 0}},
    {{5, 0, true, kPlain, 4}, 3, {4, 0}},
    {{1, 0, true, kPlain, 3}, 3, {4, 0}},
    {{4, 0, true, kPlain, 3}, 3, {4, 0}},
    {{5, 0, true, kPlain, 3}, 5, {6, 0}},
    {{5, 0, true, kPlain, 4}, 5, {6, 0}},
}};
constexpr std::array<Suspension, 6> kMinorSuspended{{
    {{5, 0, true, kPlain, 3}, 3, {4, 0}},
    {{5, 0, true, kPlain, 4}, 3, {4, 0}},
    {{1, 0, false, kPlain, 3}, 3, {4, 0}},
    {{4, 0, false, kPlain, 3}, 3, {4, 0}},
    {{5, 0, true, kPlain, 3}, 5, {6, 0}},
    {{5, 0, true, kPlain, 4}, 5, {6, 0}},
}};

// V, V7, viio, viio7 and viiø7 applied to the key's major and minor triads.
constexpr std::array<Shape, 5> kAppliedShapes{{{5, 0, true, kPlain, 3},
                                               {5, 0, true, kPlain, 4},
                                               {7, 0, false, kDim, 3},
                                               {7, 0, false, kDim, 4},
                                               {7, 0, false, kHalf, 4}}};
constexpr std::array<RomanTarget, 5> kMajorTargets{{
    {RomanKind::Degree, 5, 0, true},
    {RomanKind::Degree, 2, 0, false},
    {RomanKind::Degree, 4, 0, true},
    {RomanKind::Degree, 6, 0, false},
    {RomanKind::Degree, 3, 0, false},
}};
constexpr std::array<RomanTarget, 5> kMinorTargets{{
    {RomanKind::Degree, 5, 0, true},
    {RomanKind::Degree, 4, 0, false},
    {RomanKind::Degree, 3, 0, true},
    {RomanKind::Degree, 6, 0, true},
    {RomanKind::Degree, 7, 0, true},
}};

// Dominant sevenths applied to the chords borrowed from the parallel minor (bII, bIII, bVI,
// bVII): V7/bVI in C is Eb G Bb Db.
constexpr std::array<RomanTarget, 4> kBorrowedTargets{{
    {RomanKind::Degree, 6, -1, true},
    {RomanKind::Degree, 3, -1, true},
    {RomanKind::Degree, 7, -1, true},
    {RomanKind::Degree, 2, -1, true},
}};

// Borrowed from the parallel minor (its major sevenths marked: bVIM7, as a bare 7 on a
// chromatic root is a minor seventh).
constexpr std::array<Shape, 13> kMajorMixture{{
    {4, 0, false, kPlain, 3},
    {6, -1, true, kPlain, 3},
    {7, -1, true, kPlain, 3},
    {3, -1, true, kPlain, 3},
    {2, 0, false, kDim, 3},
    {2, 0, false, kHalf, 4},
    {1, 0, false, kPlain, 3},
    {5, 0, false, kPlain, 3},
    {4, 0, false, kPlain, 4},
    {6, -1, true, RomanMark::MajorSeventh, 4},
    {7, -1, true, kPlain, 4},
    {3, -1, true, RomanMark::MajorSeventh, 4},
    {5, 0, false, kPlain, 4},
}};

// Every case and mark for a chord on any root, plain ones first.
constexpr std::array<Shape, 13> kAnyQuality{{
    {1, 0, true, kPlain, 3},
    {1, 0, false, kPlain, 3},
    {1, 0, false, kDim, 3},
    {1, 0, true, kAug, 3},
    {1, 0, true, kPlain, 4},
    {1, 0, false, kPlain, 4},
    {1, 0, true, RomanMark::DominantSeventh, 4},
    {1, 0, true, RomanMark::MajorSeventh, 4},
    {1, 0, false, RomanMark::MajorSeventh, 4},
    {1, 0, false, kHalf, 4},
    {1, 0, false, kDim, 4},
    {1, 0, true, kAug, 4},
    {1, 0, true, RomanMark::AugmentedMajorSeventh, 4},
}};

enum class Tier : std::uint8_t {
    AugmentedSixth,
    Diatonic,
    Suspended,
    Applied,
    AppliedToBorrowed,
    Neapolitan,
    Mixture,
    AnyRoot
};

class Reader {
public:
    Reader(const Heard& heard, const Key& key, RomanReadingOptions options)
        : heard_{heard}, key_{key}, minor_{isMinorKey(key)}, options_{options} {}

    core::Result<RomanNumeral> run() {
        if (heard_.pitchClasses == 0) return core::fail(ErrorCode::InvalidArgument, "a chord needs at least one note");
        considerAugmentedSixths();
        if (!exact()) {
            if (minor_ || isMajorKey(key_)) {
                for (const Shape& shape : minor_ ? std::span<const Shape>{kMinorDiatonic} : kMajorDiatonic) {
                    consider(numeralOf(shape), Tier::Diatonic);
                }
            } else {
                considerModeChords();
            }
        }
        if (!exact()) {
            for (const Suspension& suspension :
                 minor_ ? std::span<const Suspension>{kMinorSuspended} : kMajorSuspended) {
                RomanNumeral suspended = numeralOf(suspension.shape);
                suspended.omittedTones = static_cast<std::uint16_t>(1U << suspension.omitted);
                suspended.addedTones.push_back(suspension.added);
                consider(std::move(suspended), Tier::Suspended);
            }
        }
        if (!exact()) considerApplied();
        if (!exact()) {
            for (const RomanTarget& target :
                 minor_ ? std::span<const RomanTarget>{kBorrowedTargets}.last(1) : kBorrowedTargets) {
                RomanNumeral applied = numeralOf({5, 0, true, kPlain, 4});
                applied.appliedTo.push_back(target);
                consider(std::move(applied), Tier::AppliedToBorrowed);
            }
        }
        if (!exact()) consider(*RomanNumeral::parse("N"), Tier::Neapolitan);
        if (!exact() && !minor_) {
            for (const Shape& shape : kMajorMixture) consider(numeralOf(shape), Tier::Mixture);
        }
        if (!exact()) considerAnyRoot();
        return finish();
    }

private:
    // A reading that accounts for every note: no later, less preferred candidate does better.
    bool exact() const noexcept { return best_ && bestCost_ < kOtherRoot; }

    // The chords of a church mode's scale (D dorian: i ii III IV v vio VII), triads first, with
    // the case and mark their thirds and fifths give.
    void considerModeChords() {
        for (const int size : {3, 4}) {
            for (const int degree : {1, 5, 4, 2, 6, 3, 7}) {
                const NoteName root = key_.degree(degree);
                const int third = floorMod(key_.degree(degree + 2).pitchClass() - root.pitchClass(), 12);
                const int fifth = floorMod(key_.degree(degree + 4).pitchClass() - root.pitchClass(), 12);
                const bool diminished = third == 3 && fifth == 6;
                RomanMark mark = diminished ? kDim : fifth == 8 ? kAug : kPlain;
                const int seventh = floorMod(key_.degree(degree + 6).pitchClass() - root.pitchClass(), 12);
                if (size == 4 && diminished && seventh == 10) mark = kHalf;
                consider(
                    numeralOf({static_cast<std::int8_t>(degree), 0, third == 4, mark, static_cast<std::int8_t>(size)}),
                    Tier::Diatonic);
            }
        }
    }

    // With the raised fourth heard and either the lowered sixth in the bass or the spelling
    // showing the chord's root (F# Ab C Eb in C is Ger7, the German sixth in root position).
    void considerAugmentedSixths() {
        const int tonic = key_.tonic.pitchClass();
        if (!has(heard_.pitchClasses, tonic + 6)) return;
        const bool usualBass = heard_.bass == floorMod(tonic + 8, 12);
        const bool rootSpelled = heard_.rootSpelled && heard_.root &&
                                 (heard_.root->pitchClass() == floorMod(tonic + 6, 12) ||
                                  heard_.root->pitchClass() == floorMod(tonic + 2, 12));
        if (!usualBass && !rootSpelled) return;
        for (const char* text : {"It6", "Fr43", "Ger65"}) consider(*RomanNumeral::parse(text), Tier::AugmentedSixth);
    }

    void considerApplied() {
        for (const RomanTarget& target : minor_ ? std::span<const RomanTarget>{kMinorTargets} : kMajorTargets) {
            for (const Shape& shape : kAppliedShapes) {
                RomanNumeral applied = numeralOf(shape);
                applied.appliedTo.push_back(target);
                consider(std::move(applied), Tier::Applied);
            }
        }
    }

    // Any chord on a root heard: degree and accidentals from the spelled root when known (and
    // within two accidentals of the degree), else from the nearest degree (flats, but #IV).
    void considerAnyRoot() {
        for (int pitchClass = 0; pitchClass < 12; ++pitchClass) {
            if (!has(heard_.pitchClasses, pitchClass)) continue;
            const bool spelled = heard_.root && heard_.root->pitchClass() == pitchClass;
            for (Shape shape : kAnyQuality) {
                const bool raisedInMinor = !shape.upper && shape.mark != kAug;
                NoteName root = spelled ? *heard_.root : spellRoot(pitchClass);
                auto alter = alterFor(root, degreeOf(root), raisedInMinor);
                if (!alter) {
                    root = spellRoot(pitchClass);
                    alter = alterFor(root, degreeOf(root), raisedInMinor);
                }
                if (!alter) continue;
                shape.degree = static_cast<std::int8_t>(degreeOf(root));
                shape.alter = static_cast<std::int8_t>(*alter);
                consider(numeralOf(shape), Tier::AnyRoot);
            }
        }
    }

    int degreeOf(NoteName root) const noexcept {
        return floorMod(static_cast<int>(root.step) - static_cast<int>(key_.tonic.step), 7) + 1;
    }

    // The pitch class spelled on the nearest degree above the tonic: flats, but the raised fourth.
    NoteName spellRoot(int pitchClass) const noexcept {
        static constexpr std::array<int, 12> kDegreeAbove{1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 7, 7};
        const int aboveTonic = floorMod(pitchClass - key_.tonic.pitchClass(), 12);
        const int degree = kDegreeAbove[static_cast<std::size_t>(aboveTonic)];
        return transpose(key_.tonic, Interval{degree - 1, aboveTonic});
    }

    // The accidentals that put a numeral of this degree on `root`, where in minor the sixth and
    // seventh degrees follow the quality; nullopt beyond two.
    std::optional<int> alterFor(NoteName root, int degree, bool raisedInMinor) const noexcept {
        const int shift = root.alter - key_.degree(degree).alter;
        int alter = shift;
        if (minor_ && (degree == 6 || degree == 7)) {
            const int implied = raisedInMinor ? 1 : 0;
            alter = shift == implied ? 0 : shift > 0 ? shift : shift - 1;
        }
        if (alter < -2 || alter > 2) return std::nullopt;
        return alter;
    }

    // Tries a candidate written in root position; the bass decides its figures.
    void consider(RomanNumeral candidate, Tier tier) {
        const RomanRealization realized = realize(candidate, key_);
        const bool named = candidate.kind != RomanKind::Degree && candidate.kind != RomanKind::Neapolitan;
        const int root = realized.root.pitchClass();
        if (!named && !has(heard_.pitchClasses, root)) return;
        const std::uint16_t expected = realized.pitchClasses();
        const auto missing = static_cast<std::uint16_t>(expected & ~heard_.pitchClasses);
        const int third = realized.members[1].pitchClass();
        const int fifth = realized.members[2].pitchClass();
        int cost = kTierStep * static_cast<int>(tier);
        if (missing != 0) {
            if (named || (missing & ~(bitOf(third) | bitOf(fifth))) != 0) return;
            if (has(missing, third)) cost += kMissingThird;
            if (has(missing, fifth)) cost += kMissingFifth;
        }
        for (int pitchClass = 0; pitchClass < 12; ++pitchClass) {
            if (has(heard_.pitchClasses, pitchClass) && !has(expected, pitchClass)) cost += kExtraNote;
        }
        int inversion = -1;
        for (int member = 0; member < std::min(realized.memberCount, 4); ++member) {
            if (realized.members[static_cast<std::size_t>(member)].pitchClass() == heard_.bass) inversion = member;
        }
        if (realized.memberCount > 4 && inversion != 0) return;  // ninths only in root position
        if (inversion < 0) {
            if (named) return;
            cost += kBassNotInChord;
            inversion = 0;
        }
        // A chord symbol names an augmented sixth by its bass (Ab7 for Ger65 in C); spelling shows its root.
        const bool rootShown = heard_.root && (heard_.rootSpelled || !named);
        if (rootShown && heard_.root->pitchClass() != root) cost += kOtherRoot;
        if (best_ && cost >= bestCost_) return;
        if (realized.memberCount <= 4) candidate.figures = figuresOf(inversion, realized.memberCount);
        // Without its third a chord is written so ([no3]), and then also without a missing fifth.
        if (!named && has(missing, third)) {
            candidate.omittedTones |= 1U << 3;
            if (has(missing, fifth)) candidate.omittedTones |= 1U << 5;
        }
        best_ = std::move(candidate);
        bestCost_ = cost;
    }

    core::Result<RomanNumeral> finish() const {
        if (!best_) return core::fail(ErrorCode::InvalidArgument, "no Roman numeral reads this chord");
        RomanNumeral result = best_->normalized(key_);
        writeAddedTones(result);
        // Analysts write N6 for the Neapolitan sixth but bII and bII64 for its other positions.
        if (result.kind == RomanKind::Neapolitan && result.inversion() != 1) {
            result.kind = RomanKind::Degree;
            result.degree = 2;
            result.alter = -1;
        }
        if (options_.cadentialSixFour) return cadential(std::move(result));
        return result;
    }

    // A six-four that the music shows to be cadential: I64 (i64) is Cad64, and a six-four on
    // another degree is Cad64 applied to it (in C, V64 before V/V is Cad64/V).
    RomanNumeral cadential(RomanNumeral sixFour) const {
        const bool plain = sixFour.kind == RomanKind::Degree && sixFour.mark == kPlain && sixFour.appliedTo.empty() &&
                           sixFour.figures == figuresOf(2, 3) && sixFour.addedTones.empty() &&
                           sixFour.omittedTones == 0;
        if (!plain) return sixFour;
        RomanNumeral cadential = *RomanNumeral::parse("Cad64");
        if (sixFour.degree != 1 || sixFour.alter != 0) {
            cadential.appliedTo.push_back({RomanKind::Degree, sixFour.degree, sixFour.alter, sixFour.upperCase});
        }
        const RomanRealization wanted = realize(sixFour, key_);
        const RomanRealization found = realize(cadential, key_);
        const bool same =
            std::equal(wanted.notes.begin(), wanted.notes.begin() + static_cast<std::ptrdiff_t>(wanted.noteCount),
                       found.notes.begin(), found.notes.begin() + static_cast<std::ptrdiff_t>(found.noteCount));
        return same ? cadential : sixFour;
    }

    // The notes heard beyond the chord as [addN] counted from the root (a second as 9, then 4, 6,
    // 7), each with the accidental that spells it in the key.
    void writeAddedTones(RomanNumeral& result) const {
        const RomanRealization realized = realize(result, key_);
        const int root = realized.root.pitchClass();
        const auto extra = static_cast<std::uint16_t>(heard_.pitchClasses & ~realized.pitchClasses());
        static constexpr std::array<int, 12> kNumberAbove{8, 9, 9, 9, 3, 4, 4, 5, 6, 6, 7, 7};
        for (int pitchClass = 0; pitchClass < 12; ++pitchClass) {
            if (!has(extra, pitchClass)) continue;
            const int number = kNumberAbove[static_cast<std::size_t>(floorMod(pitchClass - root, 12))];
            for (const int alter : {0, -1, 1}) {
                RomanNumeral withTone = result;
                withTone.addedTones.push_back({static_cast<std::int8_t>(number), static_cast<std::int8_t>(alter)});
                sortTones(withTone.addedTones);
                if (has(realize(withTone, key_).pitchClasses(), pitchClass)) {
                    result = std::move(withTone);
                    break;
                }
            }
        }
    }

    const Heard& heard_;
    Key key_;
    bool minor_;
    RomanReadingOptions options_;
    std::optional<RomanNumeral> best_;
    int bestCost_ = 0;
};

// The note that all the others stack above in thirds, when exactly one does (F# Ab C Eb: F#).
std::optional<NoteName> stackedRoot(std::span<const NoteName> notes) noexcept {
    std::optional<NoteName> found;
    for (const NoteName& root : notes) {
        const bool stacked = std::all_of(notes.begin(), notes.end(), [&](const NoteName& note) {
            const int steps = floorMod(static_cast<int>(note.step) - static_cast<int>(root.step), 7);
            return note == root || (steps != 0 && steps % 2 == 0);
        });
        if (!stacked || (found && *found == root)) continue;
        if (found) return std::nullopt;
        found = root;
    }
    return found;
}

}  // namespace

core::Result<RomanNumeral> RomanNumeral::fromChord(std::span<const NoteName> notesBassFirst, const Key& key,
                                                   RomanReadingOptions options) {
    Heard heard;
    for (const NoteName& note : notesBassFirst) heard.pitchClasses |= bitOf(note.pitchClass());
    if (!notesBassFirst.empty()) heard.bass = notesBassFirst.front().pitchClass();
    heard.root = stackedRoot(notesBassFirst);
    heard.rootSpelled = true;
    return Reader{heard, key, options}.run();
}

core::Result<RomanNumeral> RomanNumeral::fromChord(const ChordSymbol& chord, const Key& key,
                                                   RomanReadingOptions options) {
    if (chord.noChord) return core::fail(ErrorCode::InvalidArgument, "N.C. has no Roman numeral");
    Heard heard;
    heard.pitchClasses = chord.pitchClasses();
    heard.bass = chord.bassPitchClass();
    heard.root = chord.root;
    return Reader{heard, key, options}.run();
}

}  // namespace mos::theory
