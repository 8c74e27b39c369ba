// From a numeral to the notes of its chord in a key: the key its targets lead to, the root, the
// members stacked in thirds, the figures' and brackets' accidentals, added and omitted tones, and
// the order bass first. The rules are those at the top of RomanNumeral.hpp.

#include <algorithm>
#include <array>

#include "mos/theory/Interval.hpp"
#include "mos/theory/RomanNumeral.hpp"
#include "theory/Modulo.hpp"
#include "theory/RomanFigures.hpp"
#include "theory/RomanRealization.hpp"

namespace mos::theory {
namespace {

// Semitones of the major or perfect interval of each simple size (unison … seventh).
constexpr std::array<int, 7> kNaturalSemitones{0, 2, 4, 5, 7, 9, 11};

constexpr Interval kMinorSecond{1, 1};
constexpr Interval kMajorSecond{1, 2};
constexpr Interval kAugmentedFourth{3, 6};

bool isMinorKey(const Key& key) noexcept { return key.mode == Mode::Minor || key.mode == Mode::Aeolian; }
bool isMajorKey(const Key& key) noexcept { return key.mode == Mode::Major || key.mode == Mode::Ionian; }

int stepIndex(Step step) noexcept { return static_cast<int>(step); }

// Semitones from `lower` up to `upper` within the octave their letters span (C to Cb is -1).
int semitonesAbove(NoteName lower, NoteName upper) noexcept {
    const int letters = floorMod(naturalSemitone(upper.step) - naturalSemitone(lower.step), 12);
    return letters + upper.alter - lower.alter;
}

// The note `steps` letters above `root` at a given size in semitones.
NoteName noteAbove(NoteName root, int steps, int semitones) noexcept {
    return transpose(root, Interval{steps, semitones});
}

// The root of a degree in a key; in minor the sixth and seventh degrees follow the quality (see
// the header), and accidentals on them confirm the raised or natural degree.
NoteName rootOn(const Key& key, int degree, int alter, bool raisedInMinor) noexcept {
    NoteName root = key.degree(degree);
    int shift = alter;
    if (isMinorKey(key) && (degree == 6 || degree == 7)) {
        if (alter > 0) {
            shift = alter;
        } else if (alter < 0) {
            shift = alter + 1;
        } else {
            shift = raisedInMinor ? 1 : 0;
        }
    }
    root.alter = static_cast<std::int8_t>(root.alter + shift);
    return root;
}

Key tonicize(const RomanTarget& target, const Key& key) noexcept {
    if (target.kind == RomanKind::Neapolitan) return {transpose(key.tonic, kMinorSecond), Mode::Major};
    return {rootOn(key, target.degree, target.alter, !target.upperCase), target.upperCase ? Mode::Major : Mode::Minor};
}

enum class Triad : std::uint8_t { Major, Minor, Diminished, Augmented };

Triad triadOf(const RomanNumeral& numeral, const Key& key) noexcept {
    if (numeral.kind == RomanKind::CadentialSixFour) return isMinorKey(key) ? Triad::Minor : Triad::Major;
    switch (numeral.mark) {
        case RomanMark::Diminished:
        case RomanMark::HalfDiminished:
            return Triad::Diminished;
        case RomanMark::Augmented:
        case RomanMark::AugmentedMajorSeventh:
            return Triad::Augmented;
        case RomanMark::DominantSeventh:
            return Triad::Major;
        case RomanMark::None:
        case RomanMark::MajorSeventh:
            break;
    }
    return numeral.upperCase || numeral.kind == RomanKind::Neapolitan ? Triad::Major : Triad::Minor;
}

// Lower-case i, iv and v in a major key are chords of the minor mode.
bool minorChordInMajor(const RomanNumeral& numeral, const Key& key) noexcept {
    const bool tonicOrDominant = numeral.degree == 1 || numeral.degree == 4 || numeral.degree == 5;
    return isMajorKey(key) && numeral.kind == RomanKind::Degree && !numeral.upperCase && tonicOrDominant;
}

// Above a chromatic root: the intervals a chord symbol means by a bare number (a minor seventh).
constexpr std::array<int, 7> kChromaticSemitones{0, 2, 4, 5, 7, 9, 10};

// `note` moved by `alter` semitones, unless it already lies on that side of the major or perfect
// interval `steps` above `from`: then the accidental only confirms it (a [b9] on a minor ninth).
NoteName alterCautiously(NoteName from, NoteName note, int steps, int alter) noexcept {
    const int natural = kNaturalSemitones[static_cast<std::size_t>(floorMod(steps, 7))];
    const int semitones = semitonesAbove(from, note);
    if ((alter < 0 && semitones < natural) || (alter > 0 && semitones > natural)) return note;
    note.alter = static_cast<std::int8_t>(note.alter + alter);
    return note;
}

// The same for figures and a key's added tones: the accidental also only confirms a note already
// altered that way (in C major iv6b5 has Eb, in c minor Vb9 has Ab).
NoteName alterKeyNote(NoteName from, NoteName keyNote, int steps, int alter) noexcept {
    if ((alter < 0 && keyNote.alter < 0) || (alter > 0 && keyNote.alter > 0)) return keyNote;
    return alterCautiously(from, keyNote, steps, alter);
}

struct Tone {
    NoteName name{};
    int aboveRoot = 0;  // diatonic steps above the root, 0 … 6
};

class ChordBuilder {
public:
    ChordBuilder(const RomanNumeral& numeral, const Key& home) : numeral_{numeral} {
        // Read from the right: in V/V/V the last V is the home key's.
        key_ = home;
        for (std::size_t i = numeral.appliedTo.size(); i-- > 0;) key_ = tonicize(numeral.appliedTo[i], key_);
    }

    RomanRealization build() noexcept {
        stackMembers();
        applyFigures();
        applyBrackets();
        RomanRealization out;
        out.key = key_;
        out.root = members_[0].name;
        out.inversion = inversion_;
        out.quality = quality();
        out.memberCount = size_;
        for (int member = 0; member < size_; ++member) {
            out.members[static_cast<std::size_t>(member)] = members_[static_cast<std::size_t>(member)].name;
        }
        order(out);
        return out;
    }

private:
    // The note `steps` letters above `from` that sevenths, ninths and added tones take: the key's
    // own for a numeral of the key, a chord symbol's bare-number interval (a minor seventh, a
    // major ninth) for a chromatic one (bVI7 in C is Ab C Eb Gb, vii7 in c minor B D F# A).
    NoteName referenceAbove(NoteName from, int steps) const noexcept {
        if (chromatic_) return noteAbove(from, steps, kChromaticSemitones[static_cast<std::size_t>(steps)]);
        const int letter = floorMod(stepIndex(from.step) + steps, 7);
        return key_.degree(floorMod(letter - stepIndex(key_.tonic.step), 7) + 1);
    }

    // An accidental of an [add]: on a numeral of the key it may confirm the key's own note.
    NoteName alterAdded(NoteName from, NoteName note, int steps, int alter) const noexcept {
        return chromatic_ ? alterCautiously(from, note, steps, alter) : alterKeyNote(from, note, steps, alter);
    }

    void setMember(int member, NoteName name) noexcept {
        members_[static_cast<std::size_t>(member)] = {name, (2 * member) % 7};
    }

    void stackMembers() noexcept {
        const FigureShape shape = figureShape(numeral_.figures);
        inversion_ = shape.inversion;
        size_ = shape.size;
        if (numeral_.hasSeventh()) size_ = std::max(size_, 4);
        switch (numeral_.kind) {
            case RomanKind::ItalianSixth:
            case RomanKind::GermanSixth: {
                chromatic_ = true;
                const NoteName root = transpose(key_.tonic, kAugmentedFourth);
                setMember(0, root);
                setMember(1, noteAbove(root, 2, 2));  // a diminished third: F# Ab
                setMember(2, noteAbove(root, 4, 6));
                size_ = numeral_.kind == RomanKind::GermanSixth ? 4 : 3;
                if (size_ == 4) setMember(3, noteAbove(root, 6, 9));
                return;
            }
            case RomanKind::FrenchSixth: {
                chromatic_ = true;
                const NoteName root = transpose(key_.tonic, kMajorSecond);
                setMember(0, root);
                setMember(1, noteAbove(root, 2, 4));
                setMember(2, noteAbove(root, 4, 6));
                setMember(3, noteAbove(root, 6, 10));
                size_ = 4;
                return;
            }
            case RomanKind::CadentialSixFour:
                inversion_ = 2;
                size_ = 3;
                setMember(0, key_.tonic);
                break;
            case RomanKind::Neapolitan:
                setMember(0, transpose(key_.tonic, kMinorSecond));
                chromatic_ = true;
                break;
            case RomanKind::Degree: {
                const Triad triad = triadOf(numeral_, key_);
                const bool raised = triad == Triad::Minor || triad == Triad::Diminished;
                const NoteName root = rootOn(key_, numeral_.degree, numeral_.alter, raised);
                setMember(0, root);
                chromatic_ = root != key_.degree(numeral_.degree) || minorChordInMajor(numeral_, key_);
                break;
            }
        }
        stackAboveRoot();
    }

    void stackAboveRoot() noexcept {
        const NoteName root = members_[0].name;
        const Triad triad = triadOf(numeral_, key_);
        const bool majorThird = triad == Triad::Major || triad == Triad::Augmented;
        setMember(1, noteAbove(root, 2, majorThird ? 4 : 3));
        const int fifth = triad == Triad::Diminished ? 6 : triad == Triad::Augmented ? 8 : 7;
        setMember(2, noteAbove(root, 4, fifth));
        if (size_ >= 4) setMember(3, seventhAbove(root));
        for (int member = 4; member < size_; ++member) setMember(member, referenceAbove(root, (2 * member) % 7));
    }

    NoteName seventhAbove(NoteName root) const noexcept {
        switch (numeral_.mark) {
            case RomanMark::Diminished:
                return noteAbove(root, 6, 9);
            case RomanMark::HalfDiminished:
            case RomanMark::DominantSeventh:
                return noteAbove(root, 6, 10);
            case RomanMark::MajorSeventh:
            case RomanMark::AugmentedMajorSeventh:
                return noteAbove(root, 6, 11);
            case RomanMark::None:
            case RomanMark::Augmented:
                break;
        }
        return referenceAbove(root, 6);
    }

    Tone* memberAbove(int aboveRoot) noexcept {
        for (int member = 0; member < size_; ++member) {
            if (members_[static_cast<std::size_t>(member)].aboveRoot == aboveRoot)
                return &members_[static_cast<std::size_t>(member)];
        }
        return nullptr;
    }

    void addTone(NoteName name, int aboveRoot) noexcept {
        const auto same = [&](const Tone& tone) { return tone.name == name; };
        const auto addedEnd = added_.begin() + static_cast<std::ptrdiff_t>(addedCount_);
        const auto membersEnd = members_.begin() + size_;
        if (std::any_of(members_.begin(), membersEnd, same) || std::any_of(added_.begin(), addedEnd, same)) return;
        if (addedCount_ == added_.size()) return;
        added_[addedCount_++] = {name, aboveRoot};
    }

    // Figures name notes above the bass: an accidental alters the chord's note there, or the
    // key's; a figure on no chord member (the 4 of V54) adds its note.
    void applyFigures() noexcept {
        const NoteName bass = members_[static_cast<std::size_t>(inversion_)].name;
        const int bassAboveRoot = (2 * inversion_) % 7;
        for (const RomanFigure& figure : numeral_.figures) {
            const int aboveBass = (figure.number - 1) % 7;
            const int aboveRoot = (aboveBass + bassAboveRoot) % 7;
            Tone* member = memberAbove(aboveRoot);
            if (member != nullptr) {
                if (figure.alter != 0) member->name = alterKeyNote(bass, member->name, aboveBass, figure.alter);
                continue;
            }
            addTone(alterKeyNote(bass, referenceAbove(bass, aboveBass), aboveBass, figure.alter), aboveRoot);
        }
    }

    void applyBrackets() noexcept {
        const NoteName root = members_[0].name;
        for (const RomanTone& tone : numeral_.alteredTones) {
            const int aboveRoot = (tone.number - 1) % 7;
            if (Tone* member = memberAbove(aboveRoot)) {
                member->name = alterCautiously(root, member->name, aboveRoot, tone.alter);
            } else {
                addTone(alterCautiously(root, referenceAbove(root, aboveRoot), aboveRoot, tone.alter), aboveRoot);
            }
        }
        for (const RomanTone& tone : numeral_.addedTones) {
            const int aboveRoot = (tone.number - 1) % 7;
            addTone(alterAdded(root, referenceAbove(root, aboveRoot), aboveRoot, tone.alter), aboveRoot);
        }
    }

    RomanQuality quality() const noexcept {
        switch (numeral_.kind) {
            case RomanKind::ItalianSixth:
                return RomanQuality::ItalianSixth;
            case RomanKind::FrenchSixth:
                return RomanQuality::FrenchSixth;
            case RomanKind::GermanSixth:
                return RomanQuality::GermanSixth;
            default:
                break;
        }
        const NoteName root = members_[0].name;
        const int third = semitonesAbove(root, members_[1].name);
        const int fifth = semitonesAbove(root, members_[2].name);
        struct Shape {
            int third;
            int fifth;
            int seventh;  // 0: a triad
            RomanQuality quality;
        };
        static constexpr std::array<Shape, 12> kShapes{{
            {4, 7, 0, RomanQuality::Major},
            {3, 7, 0, RomanQuality::Minor},
            {3, 6, 0, RomanQuality::Diminished},
            {4, 8, 0, RomanQuality::Augmented},
            {4, 7, 10, RomanQuality::DominantSeventh},
            {4, 7, 11, RomanQuality::MajorSeventh},
            {3, 7, 10, RomanQuality::MinorSeventh},
            {3, 6, 10, RomanQuality::HalfDiminishedSeventh},
            {3, 6, 9, RomanQuality::DiminishedSeventh},
            {3, 7, 11, RomanQuality::MinorMajorSeventh},
            {4, 8, 11, RomanQuality::AugmentedMajorSeventh},
            {4, 8, 10, RomanQuality::AugmentedSeventh},
        }};
        const int seventh = size_ >= 4 ? semitonesAbove(root, members_[3].name) : 0;
        for (const Shape& shape : kShapes) {
            if (shape.third == third && shape.fifth == fifth && shape.seventh == seventh) return shape.quality;
        }
        return RomanQuality::Other;
    }

    bool omitted(const Tone& tone) const noexcept {
        for (int number = 1; number <= 15; ++number) {
            if ((numeral_.omittedTones & (1U << number)) != 0 && (number - 1) % 7 == tone.aboveRoot) return true;
        }
        return false;
    }

    // The bass (which brackets never leave out), the other members of the triad or seventh chord
    // as stacked above it, then ninths, elevenths, thirteenths, then the added tones.
    void order(RomanRealization& out) const noexcept {
        const int core = std::min(size_, 4);
        const auto put = [&out](const Tone& tone) { out.notes[out.noteCount++] = tone.name; };
        put(members_[static_cast<std::size_t>(inversion_)]);
        for (int step = 1; step < core; ++step) {
            const Tone& tone = members_[static_cast<std::size_t>((inversion_ + step) % core)];
            if (!omitted(tone)) put(tone);
        }
        for (int member = core; member < size_; ++member) {
            if (!omitted(members_[static_cast<std::size_t>(member)])) put(members_[static_cast<std::size_t>(member)]);
        }
        for (std::size_t i = 0; i < addedCount_; ++i) put(added_[i]);
    }

    const RomanNumeral& numeral_;
    Key key_{};
    bool chromatic_ = false;  // the root or the quality lies outside the key (see referenceAbove)
    int inversion_ = 0;
    int size_ = 3;
    std::array<Tone, 7> members_{};
    std::array<Tone, 40> added_{};
    std::size_t addedCount_ = 0;
};

}  // namespace

std::string_view romanQualityName(RomanQuality quality) noexcept {
    static constexpr std::array<std::string_view, 16> kNames{"major",
                                                             "minor",
                                                             "diminished",
                                                             "augmented",
                                                             "dominant-seventh",
                                                             "major-seventh",
                                                             "minor-seventh",
                                                             "half-diminished-seventh",
                                                             "diminished-seventh",
                                                             "minor-major-seventh",
                                                             "augmented-major-seventh",
                                                             "augmented-seventh",
                                                             "italian-sixth",
                                                             "french-sixth",
                                                             "german-sixth",
                                                             "other"};
    return kNames[static_cast<std::size_t>(quality)];
}

std::uint16_t RomanRealization::pitchClasses() const noexcept {
    std::uint16_t mask = 0;
    for (std::size_t i = 0; i < noteCount; ++i) mask |= static_cast<std::uint16_t>(1U << notes[i].pitchClass());
    return mask;
}

RomanRealization realize(const RomanNumeral& numeral, const Key& key) noexcept {
    return ChordBuilder{numeral, key}.build();
}

std::uint16_t RomanChord::pitchClasses() const noexcept {
    std::uint16_t mask = 0;
    for (const NoteName& note : notes) mask |= static_cast<std::uint16_t>(1U << note.pitchClass());
    return mask;
}

RomanChord RomanNumeral::toChord(const Key& key) const {
    const RomanRealization realized = realize(*this, key);
    RomanChord chord;
    chord.key = realized.key;
    chord.root = realized.root;
    chord.bass = realized.notes[0];
    chord.notes.assign(realized.notes.begin(),
                       realized.notes.begin() + static_cast<std::ptrdiff_t>(realized.noteCount));
    chord.quality = realized.quality;
    chord.inversion = realized.inversion;
    return chord;
}

}  // namespace mos::theory
