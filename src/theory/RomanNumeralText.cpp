// RomanText numerals as text: a scanner that reads a numeral left to right (accidentals, the
// numeral or the name of a special chord, a quality mark, figures, brackets, then the numerals it
// is applied to after slashes) and the printer that writes the canonical form back.

#include <algorithm>
#include <array>
#include <string>

#include "mos/theory/RomanNumeral.hpp"
#include "theory/RomanFigures.hpp"

namespace mos::theory {
namespace {

using core::ErrorCode;

constexpr bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }

// Generous limits that no analysis reaches, so that odd input cannot grow without bound.
constexpr std::size_t kMaxFigures = 6;
constexpr std::size_t kMaxBracketTones = 12;
constexpr std::size_t kMaxTargets = 4;
constexpr int kMaxAccidentals = 2;

constexpr std::array<std::string_view, 7> kUpperNumerals{"I", "II", "III", "IV", "V", "VI", "VII"};
constexpr std::array<std::string_view, 7> kLowerNumerals{"i", "ii", "iii", "iv", "v", "vi", "vii"};

std::string accidentalText(int alter) {
    std::string text;
    text.append(static_cast<std::size_t>(alter < 0 ? -alter : alter), alter < 0 ? 'b' : '#');
    return text;
}

class NumeralParser {
public:
    explicit NumeralParser(std::string_view text) : text_{text} {}

    core::Result<RomanNumeral> run() {
        if (text_.empty()) return error("a Roman numeral cannot be empty");
        if (auto primary = readPrimary(); !primary) return std::move(primary).error();
        while (peek() == '/') {
            if (numeral_.appliedTo.size() == kMaxTargets) return error("at most 4 numerals can follow slashes");
            ++at_;
            auto target = readTarget();
            if (!target) return std::move(target).error();
            numeral_.appliedTo.push_back(*target);
        }
        if (at_ < text_.size()) return error(unexpected());
        return numeral_;
    }

private:
    char peek(std::size_t ahead = 0) const noexcept { return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0'; }
    std::string_view rest() const noexcept { return text_.substr(at_); }
    bool take(std::string_view word) noexcept {
        if (!rest().starts_with(word)) return false;
        at_ += word.size();
        return true;
    }

    core::Error error(std::string message) const { return errorAt(at_, std::move(message)); }
    core::Error errorAt(std::size_t at, std::string message) const {
        core::SourceLocation where;
        where.line = 1;
        where.column = static_cast<std::int64_t>(at) + 1;
        return core::fail(ErrorCode::ParseError, "Roman numeral \"" + std::string{text_} + "\": " + std::move(message),
                          std::move(where));
    }
    // The character at the scanner, whole even when it takes several bytes of UTF-8.
    std::string unexpected() const {
        const auto lead = static_cast<unsigned char>(peek());
        const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return "unexpected '" + std::string{rest().substr(0, length)} + "'";
    }

    // b, - (flat) or # before a numeral or a bracketed tone; the same sign, at most twice.
    core::Result<int> readAccidentals() {
        int alter = 0;
        while (peek() == 'b' || peek() == '-' || peek() == '#') {
            const int sign = peek() == '#' ? 1 : -1;
            if (alter != 0 && (alter > 0) != (sign > 0)) return error("flats and sharps cannot be mixed");
            if (alter == kMaxAccidentals || alter == -kMaxAccidentals) return error("at most two accidentals");
            alter += sign;
            ++at_;
        }
        return alter;
    }

    // I … VII or i … vii: the longest run of I/V (or i/v) letters, which must name a degree.
    core::Result<std::pair<int, bool>> readDegree() {
        const std::size_t start = at_;
        const bool upper = peek() == 'I' || peek() == 'V';
        const bool lower = peek() == 'i' || peek() == 'v';
        if (!upper && !lower) return error("expected a numeral (I … VII, i … vii, N, It, Fr, Ger or Cad64)");
        while ((upper && (peek() == 'I' || peek() == 'V')) || (lower && (peek() == 'i' || peek() == 'v'))) ++at_;
        const std::string_view run = text_.substr(start, at_ - start);
        const auto& names = upper ? kUpperNumerals : kLowerNumerals;
        const auto found = std::find(names.begin(), names.end(), run);
        if (found == names.end()) {
            std::string message{"\""};
            message += run;
            message += "\" is no numeral I … VII";
            return errorAt(start, std::move(message));
        }
        return std::pair{static_cast<int>(found - names.begin()) + 1, upper};
    }

    core::Result<void> readPrimary() {
        if (take("Cad64")) {
            numeral_.kind = RomanKind::CadentialSixFour;
            return readBrackets();
        }
        const std::size_t accidentalsAt = at_;
        auto alter = readAccidentals();
        if (!alter) return std::move(alter).error();
        if (const auto named = readNamedChord(); named) {
            if (*alter != 0) return errorAt(accidentalsAt, "a Neapolitan or augmented sixth takes no accidental");
            numeral_.kind = *named;
            if (numeral_.kind == RomanKind::Neapolitan) readMark();  // Nmaj7
        } else {
            auto degree = readDegree();
            if (!degree) return std::move(degree).error();
            numeral_.degree = static_cast<std::int8_t>(degree->first);
            numeral_.alter = static_cast<std::int8_t>(*alter);
            numeral_.upperCase = degree->second;
            readMark();
        }
        if (auto figures = readFigures(); !figures) return figures;
        return readBrackets();
    }

    // N, It, Fr, Ger (an augmented sixth may carry a '+': It+6); sets the numeral's root degree.
    std::optional<RomanKind> readNamedChord() {
        struct Named {
            std::string_view name;
            RomanKind kind;
            int degree;
            int alter;
        };
        static constexpr std::array<Named, 4> kNamed{{
            {"Ger", RomanKind::GermanSixth, 4, 1},
            {"It", RomanKind::ItalianSixth, 4, 1},
            {"Fr", RomanKind::FrenchSixth, 2, 0},
            {"N", RomanKind::Neapolitan, 2, -1},
        }};
        for (const Named& named : kNamed) {
            if (!take(named.name)) continue;
            if (named.kind != RomanKind::Neapolitan) take("+");
            numeral_.degree = static_cast<std::int8_t>(named.degree);
            numeral_.alter = static_cast<std::int8_t>(named.alter);
            return named.kind;
        }
        return std::nullopt;
    }

    void readMark() {
        if (take("o") || take("\u00B0") || take("0")) {
            numeral_.mark = RomanMark::Diminished;
        } else if (take("\u00F8") || take("/o")) {
            numeral_.mark = RomanMark::HalfDiminished;
        } else if (take("+maj") || take("+M")) {
            numeral_.mark = RomanMark::AugmentedMajorSeventh;
        } else if (take("+")) {
            numeral_.mark = RomanMark::Augmented;
        } else if (take("maj") || take("M")) {
            numeral_.mark = RomanMark::MajorSeventh;
        } else if (take("d")) {
            numeral_.mark = RomanMark::DominantSeventh;
        }
    }

    // A figure number: 2 … 9, 11 or 13 (digits run together: 65 is 6 and 5, 11 is eleven).
    core::Result<int> readFigureNumber() {
        if (take("11")) return 11;
        if (take("13")) return 13;
        if (!isDigit(peek()) || peek() == '0' || peek() == '1') return error("expected a figure: 2 … 9, 11 or 13");
        const int digit = peek() - '0';
        ++at_;
        return digit;
    }

    // Figures with optional accidentals, slashes allowed between them (6/4, 4/3).
    core::Result<void> readFigures() {
        std::vector<RomanFigure> written;
        std::vector<std::size_t> columns;
        while (true) {
            if (peek() == '/' && isDigit(peek(1)) && !written.empty()) ++at_;
            const bool accidental = (peek() == 'b' || peek() == '-' || peek() == '#') && isDigit(peek(1));
            if (!accidental && !isDigit(peek())) break;
            if (written.size() == kMaxFigures) return error("at most 6 figures");
            columns.push_back(at_);
            int alter = 0;
            if (accidental) {
                alter = peek() == '#' ? 1 : -1;
                ++at_;
            }
            auto number = readFigureNumber();
            if (!number) return std::move(number).error();
            written.push_back({static_cast<std::int8_t>(*number), static_cast<std::int8_t>(alter)});
        }
        std::size_t repeated = 0;
        auto figures = normalizeFigures(written, repeated);
        if (!figures)
            return errorAt(columns[repeated], "figure " + std::to_string(written[repeated].number) + " twice");
        numeral_.figures = std::move(*figures);
        return settleNamedFigures(columns.empty() ? at_ : columns.front());
    }

    // It6, Fr43 and Ger65 are the usual positions, also written as 6, +6 or no figure at all.
    core::Result<void> settleNamedFigures(std::size_t figuresAt) {
        auto& figures = numeral_.figures;
        const bool usual = figures.empty() || (figures.size() == 1 && figures.front() == RomanFigure{6, 0});
        switch (numeral_.kind) {
            case RomanKind::ItalianSixth:
                if (usual) figures = figuresOf(1, 3);
                if (figureShape(figures).size != 3) return errorAt(figuresAt, "an Italian sixth has no seventh");
                break;
            case RomanKind::FrenchSixth:
                if (usual) figures = figuresOf(2, 4);
                break;
            case RomanKind::GermanSixth:
                if (usual) figures = figuresOf(1, 4);
                break;
            default:
                break;
        }
        if (numeral_.kind != RomanKind::Degree && figureShape(figures).size > 4) {
            return errorAt(figuresAt, "a Neapolitan or augmented sixth has no ninth");
        }
        return {};
    }

    core::Result<int> readToneNumber() {
        if (!isDigit(peek())) return error("expected a number 1 … 15");
        int number = 0;
        while (isDigit(peek()) && number <= 15) number = number * 10 + (text_[at_++] - '0');
        if (number < 1 || number > 15) return error("expected a number 1 … 15");
        return number;
    }

    // [no5], [no3no5], [add#4], [b9]: any number of them, in any order.
    core::Result<void> readBrackets() {
        while (peek() == '[') {
            const std::size_t open = at_++;
            if (take("no")) {
                do {
                    auto number = readToneNumber();
                    if (!number) return std::move(number).error();
                    numeral_.omittedTones |= static_cast<std::uint16_t>(1U << *number);
                } while (take("no"));
            } else {
                const bool add = take("add");
                const std::size_t alterAt = at_;
                auto alter = readAccidentals();
                if (!alter) return std::move(alter).error();
                if (!add && *alter == 0)
                    return errorAt(alterAt, "a bracket holds noN, addN or an altered tone (b9, #5)");
                auto number = readToneNumber();
                if (!number) return std::move(number).error();
                auto& tones = add ? numeral_.addedTones : numeral_.alteredTones;
                const RomanTone tone{static_cast<std::int8_t>(*number), static_cast<std::int8_t>(*alter)};
                if (std::find(tones.begin(), tones.end(), tone) == tones.end()) {
                    if (tones.size() == kMaxBracketTones) return errorAt(open, "too many bracketed tones");
                    tones.push_back(tone);
                }
            }
            if (!take("]")) return error("expected ']'");
        }
        sortTones(numeral_.addedTones);
        sortTones(numeral_.alteredTones);
        return {};
    }

    // After a slash: accidentals and a numeral (its case says the key's mode), or N.
    core::Result<RomanTarget> readTarget() {
        RomanTarget target;
        if (at_ >= text_.size()) return error("a numeral must follow '/'");
        const std::size_t accidentalsAt = at_;
        auto alter = readAccidentals();
        if (!alter) return std::move(alter).error();
        if (take("N")) {
            if (*alter != 0) return errorAt(accidentalsAt, "a Neapolitan takes no accidental");
            target.kind = RomanKind::Neapolitan;
            target.degree = 2;
            target.alter = -1;
            return target;
        }
        auto degree = readDegree();
        if (!degree) return std::move(degree).error();
        target.degree = static_cast<std::int8_t>(degree->first);
        target.alter = static_cast<std::int8_t>(*alter);
        target.upperCase = degree->second;
        if (at_ < text_.size() && peek() != '/') return error(unexpected() + " after the numeral after '/'");
        return target;
    }

    std::string_view text_;
    std::size_t at_ = 0;
    RomanNumeral numeral_;
};

std::string_view markText(RomanMark mark) noexcept {
    switch (mark) {
        case RomanMark::None:
            return "";
        case RomanMark::Diminished:
            return "o";
        case RomanMark::HalfDiminished:
            return "\u00F8";
        case RomanMark::Augmented:
            return "+";
        case RomanMark::MajorSeventh:
            return "M";
        case RomanMark::AugmentedMajorSeventh:
            return "+M";
        case RomanMark::DominantSeventh:
            return "d";
    }
    return "";
}

std::string degreeText(int degree, bool upperCase) {
    const auto& names = upperCase ? kUpperNumerals : kLowerNumerals;
    return std::string{names[static_cast<std::size_t>(std::clamp(degree, 1, 7) - 1)]};
}

std::string namedText(RomanKind kind) {
    switch (kind) {
        case RomanKind::Neapolitan:
            return "N";
        case RomanKind::ItalianSixth:
            return "It";
        case RomanKind::FrenchSixth:
            return "Fr";
        case RomanKind::GermanSixth:
            return "Ger";
        case RomanKind::CadentialSixFour:
            return "Cad64";
        case RomanKind::Degree:
            break;
    }
    return "";
}

}  // namespace

core::Result<RomanNumeral> RomanNumeral::parse(std::string_view text) { return NumeralParser{text}.run(); }

std::string RomanNumeral::toString() const {
    // Appended piece by piece: GCC 12 at -O3 warns (-Wrestrict) about "literal" + std::string.
    std::string text;
    const auto tone = [&text](std::string_view open, int toneAlter, int number) {
        text += open;
        text += accidentalText(toneAlter);
        text += std::to_string(number);
        text += ']';
    };
    if (kind == RomanKind::Degree) {
        text += accidentalText(alter);
        text += degreeText(degree, upperCase);
    } else {
        text += namedText(kind);
    }
    if (kind == RomanKind::Degree || kind == RomanKind::Neapolitan) text += markText(mark);
    if (kind != RomanKind::CadentialSixFour) {
        for (const RomanFigure& figure : figures) {
            text += accidentalText(figure.alter);
            text += std::to_string(figure.number);
        }
    }
    for (int number = 1; number <= 15; ++number) {
        if ((omittedTones & (1U << number)) != 0) tone("[no", 0, number);
    }
    for (const RomanTone& altered : alteredTones) tone("[", altered.alter, altered.number);
    for (const RomanTone& added : addedTones) tone("[add", added.alter, added.number);
    for (const RomanTarget& target : appliedTo) {
        text += '/';
        if (target.kind == RomanKind::Neapolitan) {
            text += 'N';
        } else {
            text += accidentalText(target.alter);
            text += degreeText(target.degree, target.upperCase);
        }
    }
    return text;
}

int RomanNumeral::inversion() const noexcept {
    if (kind == RomanKind::CadentialSixFour) return 2;
    return figureShape(figures).inversion;
}

bool RomanNumeral::hasSeventh() const noexcept {
    switch (kind) {
        case RomanKind::FrenchSixth:
        case RomanKind::GermanSixth:
            return true;
        case RomanKind::ItalianSixth:
        case RomanKind::CadentialSixFour:
            return false;
        case RomanKind::Neapolitan:
        case RomanKind::Degree:
            break;
    }
    const bool seventhMark = mark == RomanMark::HalfDiminished || mark == RomanMark::MajorSeventh ||
                             mark == RomanMark::AugmentedMajorSeventh || mark == RomanMark::DominantSeventh;
    return seventhMark || figureShape(figures).size >= 4;
}

}  // namespace mos::theory
