// Chord symbols: a scanner over the text after the root that reads quality marks, numbers,
// alterations and keywords in any of the orders charts use, then one normalisation (m7b5 is a
// half-diminished seventh, 7#5 an augmented seventh) so that every spelling of a chord gives the
// same structure.

#include "mos/theory/ChordSymbol.hpp"

#include <algorithm>
#include <array>
#include <bit>

namespace mos::theory {
namespace {

using core::ErrorCode;

constexpr bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }

class SymbolParser {
public:
    explicit SymbolParser(std::string_view text) : text_{text} {}

    core::Result<ChordSymbol> run() {
        std::string_view trimmed = trim(text_);
        // "(E7)": an optional chord, written in parentheses.
        if (trimmed.size() > 2 && trimmed.front() == '(' && trimmed.back() == ')') {
            trimmed = trim(trimmed.substr(1, trimmed.size() - 2));
        }
        if (trimmed == "N.C." || trimmed == "NC" || trimmed == "N.C" || trimmed == "n.c.") {
            chord_.noChord = true;
            return chord_;
        }
        at_ = static_cast<std::size_t>(trimmed.data() - text_.data());
        end_ = at_ + trimmed.size();
        std::size_t length = 0;
        const auto root = NoteName::parsePrefix(rest(), length);
        if (!root) return error("a chord symbol starts with a root, A to G");
        chord_.root = *root;
        at_ += length;
        suffixStart_ = at_;
        while (at_ < end_) {
            if (auto step = next(); !step) return std::move(step).error();
        }
        return finish();
    }

private:
    std::string_view rest() const noexcept { return text_.substr(at_, end_ - at_); }
    bool take(std::string_view word) noexcept {
        if (!rest().starts_with(word)) return false;
        at_ += word.size();
        return true;
    }
    char peek(std::size_t ahead = 0) const noexcept { return at_ + ahead < end_ ? text_[at_ + ahead] : '\0'; }
    bool atNumber() const noexcept { return isDigit(peek()); }

    core::Error error(std::string message) const {
        core::SourceLocation where;
        where.line = 1;
        where.column = static_cast<std::int64_t>(at_) + 1;
        return core::fail(ErrorCode::ParseError, "chord symbol \"" + std::string{text_} + "\": " + std::move(message),
                          std::move(where));
    }

    static std::string_view trim(std::string_view text) noexcept {
        while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
        while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
        return text;
    }

    int number() {
        int value = 0;
        while (atNumber() && value < 100) value = value * 10 + (text_[at_++] - '0');
        return value;
    }

    // A quality mark counts only before the chord's numbers (in "C7-9" the '-' is a flat).
    bool qualityOpen() const noexcept { return !sawNumber_ && !qualitySet_; }

    void setQuality(TriadQuality quality) {
        chord_.triad = quality;
        qualitySet_ = true;
    }

    // Marks of the triad and of a major seventh come before the numbers: "Cm7", not "C7m".
    core::Result<void> beforeNumbers() const {
        if (!sawNumber_) return {};
        return error("the chord's quality must come before its numbers");
    }

    core::Result<void> next() {
        const char c = peek();
        if (c == ' ' || c == ',' || c == '(' || c == ')') {
            ++at_;
            return {};
        }
        // Words first, so "add", "alt" and "aug" are not read as the ABC dialect's 'a'.
        if (take("add")) return addTone();
        if (take("alt")) {
            chord_.altered = true;
            return {};
        }
        if (take("sus")) {
            if (take("2")) {
                setQuality(TriadQuality::Suspended2);
            } else {
                take("4");
                setQuality(TriadQuality::Suspended4);
            }
            return {};
        }
        if (take("omit") || take("no")) {
            const int degree = number();
            if (degree == 3) {
                chord_.omitThird = true;
            } else if (degree == 5) {
                chord_.omitFifth = true;
            } else {
                return error("only the third or the fifth can be left out");
            }
            return {};
        }
        if (take("maug")) {  // "Cmaug": a minor triad with a raised fifth
            if (auto order = beforeNumbers(); !order) return order;
            setQuality(TriadQuality::Minor);
            chord_.alterations.insert({5, 1});
            return {};
        }
        // "ma" only before a number ("Cma7"), so "Cmadd9" stays minor with an added ninth.
        const bool ma = (rest().starts_with("ma") || rest().starts_with("Ma")) && isDigit(peek(2));
        if (take("maj") || take("Maj") || take("MAJ") || (ma && take(rest().substr(0, 2))) || take("M")) {
            if (auto order = beforeNumbers(); !order) return order;
            majorSeventh_ = true;
            return {};
        }
        if (take("\u0394") || take("^")) {  // Δ
            if (auto order = beforeNumbers(); !order) return order;
            majorSeventh_ = true;
            triangle_ = true;
            return {};
        }
        if (take("aug")) {
            if (auto order = beforeNumbers(); !order) return order;
            if (chord_.triad == TriadQuality::Minor && qualitySet_) {
                chord_.alterations.insert({5, 1});  // "Cmaug": a minor triad with a raised fifth
            } else {
                setQuality(TriadQuality::Augmented);
            }
            return {};
        }
        if (take("dim")) {
            if (auto order = beforeNumbers(); !order) return order;
            setQuality(TriadQuality::Diminished);
            diminishedMark_ = true;
            return {};
        }
        if (take("min") || take("mi")) {
            if (auto order = beforeNumbers(); !order) return order;
            setQuality(TriadQuality::Minor);
            return {};
        }
        if (take("\u00F8") || take("\u00D8")) {  // ø Ø
            if (auto order = beforeNumbers(); !order) return order;
            return halfDiminished();
        }
        if (take("\u00B0")) {  // °
            if (auto order = beforeNumbers(); !order) return order;
            setQuality(TriadQuality::Diminished);
            diminishedMark_ = true;
            return {};
        }
        if (c == 'm') {
            if (auto order = beforeNumbers(); !order) return order;
            ++at_;
            setQuality(TriadQuality::Minor);
            return {};
        }
        if (qualityOpen()) {
            // Single-character marks that only mean a quality right after the root.
            if (c == '-') {
                ++at_;
                setQuality(TriadQuality::Minor);
                return {};
            }
            if (c == '+') {  // "C+", "C+7"; "C+5" says the same
                ++at_;
                take("5");
                setQuality(TriadQuality::Augmented);
                return {};
            }
            if (c == 'o' || c == '0' || c == 'd') {  // 'o', iReal's '0', ABC books' 'd'
                ++at_;
                setQuality(TriadQuality::Diminished);
                diminishedMark_ = true;
                return {};
            }
            if (c == 'h') {
                ++at_;
                return halfDiminished();
            }
            if (c == 'a') {  // ABC books: "Ea", "Fa7"
                ++at_;
                setQuality(TriadQuality::Augmented);
                return {};
            }
        }
        if (c == '/') return slash();
        if (c == 'b' || c == '#' || c == '+' || c == '-' || rest().starts_with("\u266D") ||
            rest().starts_with("\u266F")) {
            return alteration();
        }
        if (atNumber()) return numeral();
        return error(std::string{"unexpected '"} + c + "'");
    }

    core::Result<void> halfDiminished() {
        setQuality(TriadQuality::Diminished);
        chord_.seventh = SeventhKind::Minor;
        take("7");
        sawNumber_ = true;
        return {};
    }

    core::Result<void> addTone() {
        int alter = 0;
        if (take("b") || take("-")) alter = -1;
        if (take("#") || take("+")) alter = 1;
        if (!atNumber()) return error("\"add\" needs a degree: add9, add11, add2");
        const int degree = number();
        if (degree < 2 || degree > 13 || degree == 3 || degree == 5 || degree == 7) {
            return error("cannot add degree " + std::to_string(degree));
        }
        if (degree == 6 && alter == 0) {
            chord_.sixth = true;  // "C7add6": the sixth beside a seventh
        } else {
            chord_.added.insert({degree, alter});
        }
        return {};
    }

    core::Result<void> alteration() {
        int alter = 0;
        if (take("\u266D")) {
            alter = -1;
        } else if (take("\u266F")) {
            alter = 1;
        } else {
            alter = (peek() == 'b' || peek() == '-') ? -1 : 1;
            ++at_;
        }
        if (!atNumber()) return error("an accidental here must be followed by a degree: b9, #11");
        const int degree = number();
        if (degree == 6) {  // "mb6": a minor sixth added to the triad
            chord_.added.insert({6, alter});
        } else if (degree == 5 || degree == 9 || degree == 11 || degree == 13) {
            chord_.alterations.insert({degree, alter});
        } else {
            return error("cannot alter degree " + std::to_string(degree));
        }
        sawNumber_ = true;
        return {};
    }

    core::Error powerError() const { return error("a power chord (5) has only a root and a fifth"); }

    core::Result<void> numeral() {
        const bool first = at_ == suffixStart_;
        const int value = number();
        sawNumber_ = true;
        switch (value) {
            case 5:
                if (!first) return powerError();  // "C5" only: a 5 anywhere else is no chord
                setQuality(TriadQuality::Power);
                return {};
            case 6:
                if (chord_.triad == TriadQuality::Power) return powerError();
                chord_.sixth = true;
                if (take("9")) chord_.added.insert({9, 0});  // "69"
                return {};
            case 69:
                if (chord_.triad == TriadQuality::Power) return powerError();
                chord_.sixth = true;
                chord_.added.insert({9, 0});
                return {};
            case 2:
            case 4:
                chord_.added.insert({value, 0});
                return {};
            case 7:
            case 9:
            case 11:
            case 13:
                if (chord_.triad == TriadQuality::Power) return powerError();
                if (chord_.seventh != SeventhKind::None || chord_.extension != 0) {
                    // "C7(9)" or "C9(13)": a further tone of the same stack.
                    chord_.extension = std::max(chord_.extension, value == 7 ? 0 : value);
                    return {};
                }
                chord_.seventh = majorSeventh_ ? SeventhKind::Major : SeventhKind::Minor;
                if (value != 7) chord_.extension = value;
                return {};
            default:
                return error("no chord has a " + std::to_string(value));
        }
    }

    core::Result<void> slash() {
        ++at_;
        if (take("9") && chord_.sixth) {  // "6/9"
            chord_.added.insert({9, 0});
            return {};
        }
        if (take("maj7") || take("Maj7") || take("M7") || take("\u03947")) {  // "m/maj7"
            chord_.seventh = SeventhKind::Major;
            return {};
        }
        std::size_t length = 0;
        if (auto bass = NoteName::parsePrefix(rest(), length)) {
            at_ += length;
            setBass(*bass);
            return {};
        }
        // ABC books write the bass in lower case, '+' sharp and '-' or 'b' flat: "D/f+", "G/bb".
        const char letter = peek();
        if (letter >= 'a' && letter <= 'g') {
            NoteName bass{*stepFromLetter(letter), 0};
            ++at_;
            if (take("+") || take("#")) {
                bass.alter = 1;
            } else if (take("-") || take("b")) {
                bass.alter = -1;
            }
            setBass(bass);
            return {};
        }
        return error("a '/' must be followed by a bass note: C/E, D/F#");
    }

    void setBass(NoteName bass) {
        if (bass == chord_.root) return;  // "C/C" is C
        chord_.bass = bass;
    }

    core::Result<ChordSymbol> finish() {
        ChordSymbol& c = chord_;
        if (triangle_ && c.seventh == SeventhKind::None && !c.sixth) c.seventh = SeventhKind::Major;  // "CΔ"
        if (diminishedMark_ && c.triad == TriadQuality::Diminished && c.seventh == SeventhKind::Minor &&
            !majorSeventh_) {
            c.seventh = SeventhKind::Diminished;  // "Cdim7", "Co7": the seventh is diminished
        }
        if (c.altered && c.seventh == SeventhKind::None) c.seventh = SeventhKind::Minor;
        if (c.triad == TriadQuality::Power) {
            if (c.seventh != SeventhKind::None || c.sixth || c.extension != 0 || c.altered) return powerError();
            c.omitThird = false;  // it has none
        }
        const auto take5 = [&](int alter) {
            if (!c.alterations.contains({5, alter})) return false;
            c.alterations.erase({5, alter});
            return true;
        };
        // The fifth alterations that make another triad: m7b5 is half-diminished, 7#5 augmented.
        if (c.triad == TriadQuality::Minor && take5(-1)) c.triad = TriadQuality::Diminished;
        if (c.triad == TriadQuality::Major && take5(1)) c.triad = TriadQuality::Augmented;
        // A fifth the triad already has is no alteration ("Cø7b5" is Cø7).
        if (c.triad == TriadQuality::Diminished) c.alterations.erase({5, -1});
        if (c.triad == TriadQuality::Augmented) c.alterations.erase({5, 1});
        return c;
    }

    std::string_view text_;
    std::size_t at_ = 0;
    std::size_t end_ = 0;
    std::size_t suffixStart_ = 0;
    ChordSymbol chord_;
    bool qualitySet_ = false;
    bool sawNumber_ = false;
    bool majorSeventh_ = false;
    bool triangle_ = false;
    bool diminishedMark_ = false;
};

// Steps and semitones of a degree's major or perfect interval (2 … 13).
Interval naturalDegree(int degree) noexcept {
    constexpr std::array<int, 7> kSemitones{0, 2, 4, 5, 7, 9, 11};
    const int steps = degree - 1;
    return {steps, kSemitones[static_cast<std::size_t>(steps % 7)] + 12 * (steps / 7)};
}

}  // namespace

namespace {
constexpr int kAlterations = 5;  // -2 … +2 per degree

int bitOf(ChordDegree d) noexcept {
    if (d.degree < 2 || d.degree > 13 || d.alter < -2 || d.alter > 2) return -1;
    return (d.degree - 2) * kAlterations + d.alter + 2;
}
}  // namespace

bool ChordDegrees::insert(ChordDegree degree) noexcept {
    const int bit = bitOf(degree);
    if (bit < 0) return false;
    bits_ |= std::uint64_t{1} << bit;
    return true;
}

void ChordDegrees::erase(ChordDegree degree) noexcept {
    if (const int bit = bitOf(degree); bit >= 0) bits_ &= ~(std::uint64_t{1} << bit);
}

bool ChordDegrees::contains(ChordDegree degree) const noexcept {
    const int bit = bitOf(degree);
    return bit >= 0 && (bits_ >> bit & 1U) != 0;
}

bool ChordDegrees::containsDegree(int degree) const noexcept {
    if (degree < 2 || degree > 13) return false;
    return (bits_ >> ((degree - 2) * kAlterations) & 0x1FU) != 0;
}

std::size_t ChordDegrees::size() const noexcept { return static_cast<std::size_t>(std::popcount(bits_)); }

ChordDegree ChordDegrees::Iterator::operator*() const noexcept {
    const int bit = std::countr_zero(remaining_);
    return {bit / kAlterations + 2, bit % kAlterations - 2};
}

Interval ChordDegree::interval() const noexcept {
    const Interval natural = naturalDegree(degree);
    return {natural.steps, natural.semitones + alter};
}

std::string ChordDegree::toString() const {
    return (alter < 0 ? std::string(static_cast<std::size_t>(-alter), 'b')
                      : std::string(static_cast<std::size_t>(alter), '#')) +
           std::to_string(degree);
}

std::vector<Interval> ChordSymbol::intervals() const {
    if (noChord) return {};
    std::vector<Interval> tones{{0, 0}};
    const auto add = [&](int degree, int alter) { tones.push_back(ChordDegree{degree, alter}.interval()); };
    switch (triad) {
        case TriadQuality::Major:
            add(3, 0);
            break;
        case TriadQuality::Minor:
        case TriadQuality::Diminished:
            add(3, -1);
            break;
        case TriadQuality::Augmented:
            add(3, 0);
            break;
        case TriadQuality::Suspended2:
            add(2, 0);
            break;
        case TriadQuality::Suspended4:
            add(4, 0);
            break;
        case TriadQuality::Power:
            break;
    }
    if (omitThird && triad != TriadQuality::Power) tones.pop_back();
    if (!omitFifth && !alterations.containsDegree(5) && !altered) {
        add(5, triad == TriadQuality::Diminished ? -1 : (triad == TriadQuality::Augmented ? 1 : 0));
    }
    if (sixth) add(6, 0);
    switch (seventh) {
        case SeventhKind::None:
            break;
        case SeventhKind::Minor:
            add(7, -1);
            break;
        case SeventhKind::Major:
            add(7, 0);
            break;
        case SeventhKind::Diminished:
            add(7, -2);
            break;
    }
    const auto altersDegree = [&](int degree) { return alterations.containsDegree(degree); };
    const bool minorThird = triad == TriadQuality::Minor || triad == TriadQuality::Diminished;
    const bool suspended = triad == TriadQuality::Suspended2 || triad == TriadQuality::Suspended4;
    if (extension >= 9 && !altersDegree(9)) add(9, 0);
    // The eleventh sounds in an 11 chord, and in a 13 chord only where no major third clashes with it.
    if ((extension == 11 || (extension == 13 && (minorThird || suspended))) && !altersDegree(11)) add(11, 0);
    if (extension == 13 && !altersDegree(13)) add(13, 0);
    if (altered) {
        add(9, -1);
        add(9, 1);
        add(13, -1);
    }
    for (const ChordDegree d : alterations) add(d.degree, d.alter);
    for (const ChordDegree d : added) add(d.degree, d.alter);
    std::sort(tones.begin(), tones.end(), [](const Interval& a, const Interval& b) {
        return a.semitones != b.semitones ? a.semitones < b.semitones : a.steps < b.steps;
    });
    tones.erase(std::unique(tones.begin(), tones.end()), tones.end());
    return tones;
}

std::vector<Pitch> ChordSymbol::spell(int octave) const {
    std::vector<Pitch> notes;
    if (noChord) return notes;
    const Pitch base = Pitch::of(root, octave);
    if (bass) {
        Pitch low = Pitch::of(*bass, octave);
        while (low.midiNumber() >= base.midiNumber()) low.octave = static_cast<std::int8_t>(low.octave - 1);
        notes.push_back(low);
    }
    for (const Interval interval : intervals()) notes.push_back(transpose(base, interval));
    return notes;
}

std::uint16_t ChordSymbol::pitchClasses() const {
    unsigned mask = 0;
    if (noChord) return 0;
    for (const Interval interval : intervals()) mask |= 1U << ((root.pitchClass() + interval.semitones) % 12);
    if (bass) mask |= 1U << bass->pitchClass();
    return static_cast<std::uint16_t>(mask);
}

std::string ChordSymbol::toString(ChordStyle style) const {
    if (noChord) return "N.C.";
    const bool jazz = style == ChordStyle::Jazz;
    std::string text = root.toString();
    // The number that names the stack: 7, or the extension that implies it.
    const std::string stack = extension != 0 ? std::to_string(extension) : (seventh != SeventhKind::None ? "7" : "");
    const std::string majorStack = (jazz ? "\u0394" : "maj") + (stack.empty() ? std::string{"7"} : stack);
    ChordDegrees shown = alterations;
    switch (triad) {
        case TriadQuality::Major:
        case TriadQuality::Suspended2:
        case TriadQuality::Suspended4:
        case TriadQuality::Power:
            text += seventh == SeventhKind::Major ? majorStack : stack;
            break;
        case TriadQuality::Minor:
            text += jazz ? "-" : "m";
            text += seventh == SeventhKind::Major ? (jazz ? majorStack : "(maj" + (stack.empty() ? "7" : stack) + ")")
                                                  : stack;
            break;
        case TriadQuality::Diminished:
            if (seventh == SeventhKind::Minor) {
                text += jazz ? "\u00F8" + stack : "m" + stack + "b5";
            } else if (seventh == SeventhKind::Diminished) {
                text += (jazz ? "\u00B0" : "dim") + stack;
            } else if (seventh == SeventhKind::Major) {
                text += (jazz ? "\u00B0" : "dim") + std::string{jazz ? "" : "("} + majorStack + (jazz ? "" : ")");
            } else {
                text += jazz ? "\u00B0" : "dim";
            }
            break;
        case TriadQuality::Augmented:
            if (seventh == SeventhKind::None) {
                text += jazz ? "+" : "aug";
            } else {
                // An augmented seventh reads as its stack with a raised fifth: C7#5, Cmaj7#5.
                text += seventh == SeventhKind::Major ? majorStack : stack;
                shown.insert({5, 1});
            }
            break;
    }
    if (triad == TriadQuality::Power) text += "5";
    if (sixth) {
        const bool sixNine = added.contains({9, 0});
        // Beside a stack number the sixth is added ("C7add6"): "C76" would read as one number.
        if (!stack.empty()) {
            text += "add6";
        } else {
            text += sixNine ? (jazz ? "69" : "6/9") : "6";
        }
    }
    if (triad == TriadQuality::Suspended2) text += "sus2";
    if (triad == TriadQuality::Suspended4) text += "sus4";
    if (altered) text += "alt";
    std::string marks;
    for (const ChordDegree d : shown) marks += d.toString();
    for (const ChordDegree d : added) {
        if (sixth && stack.empty() && d == ChordDegree{9, 0}) continue;
        if (d.degree != 6) marks += "add";
        marks += d.toString();
    }
    // Right after the root, "b9" or "#11" would read as the root's accidental: "C(b9)", not "Cb9".
    const bool afterRoot = text.size() == root.toString().size();
    const bool bracket = afterRoot && (marks.starts_with('b') || marks.starts_with('#'));
    if (bracket) text += '(';
    text += marks;
    if (bracket) text += ')';
    if (omitThird && triad != TriadQuality::Power) text += "no3";
    if (omitFifth) text += "no5";
    if (bass) {
        // Appended in two steps: GCC 12 at -O3 reports a false -Wrestrict for "/" + string.
        text += '/';
        text += bass->toString();
    }
    return text;
}

std::string_view ChordSymbol::musicXmlKind() const noexcept {
    if (noChord) return "none";
    const auto stacked = [&](std::string_view seventhKind, std::string_view ninth, std::string_view eleventh,
                             std::string_view thirteenth) {
        switch (extension) {
            case 9:
                return ninth;
            case 11:
                return eleventh;
            case 13:
                return thirteenth;
            default:
                return seventhKind;
        }
    };
    switch (triad) {
        case TriadQuality::Major:
        case TriadQuality::Augmented:
            if (seventh == SeventhKind::Minor) {
                if (triad == TriadQuality::Augmented && extension == 0) return "augmented-seventh";
                return stacked("dominant", "dominant-ninth", "dominant-11th", "dominant-13th");
            }
            if (seventh == SeventhKind::Major)
                return stacked("major-seventh", "major-ninth", "major-11th", "major-13th");
            if (triad == TriadQuality::Augmented) return "augmented";
            return sixth ? "major-sixth" : "major";
        case TriadQuality::Minor:
            if (seventh == SeventhKind::Minor)
                return stacked("minor-seventh", "minor-ninth", "minor-11th", "minor-13th");
            if (seventh == SeventhKind::Major) return "major-minor";
            return sixth ? "minor-sixth" : "minor";
        case TriadQuality::Diminished:
            if (seventh == SeventhKind::Minor) return "half-diminished";
            if (seventh == SeventhKind::Diminished) return "diminished-seventh";
            return "diminished";
        case TriadQuality::Suspended2:
            return "suspended-second";
        case TriadQuality::Suspended4:
            return seventh == SeventhKind::Minor ? "dominant" : "suspended-fourth";
        case TriadQuality::Power:
            return "power";
    }
    return "other";
}

core::Result<ChordSymbol> ChordSymbol::parse(std::string_view text) { return SymbolParser{text}.run(); }

}  // namespace mos::theory
