// The first pass over a RomanText file: header fields and measure lines into a Document. Measures
// are opened in the order the file names them (skipped numbers filled in), each measure line's
// tokens become marks at beats, and copies ("m5-6 = m1-2") repeat the marks of measures already
// read.

#include <algorithm>
#include <map>
#include <optional>

#include "formats/abc/AbcLines.hpp"
#include "formats/romantext/RomanTextBeat.hpp"
#include "formats/romantext/RomanTextDocument.hpp"
#include "formats/romantext/RomanTextKey.hpp"
#include "formats/romantext/RomanTextLines.hpp"

namespace mos::formats::romantext {
namespace {

using core::ErrorCode;
using core::Rational;

// Longer than any piece analysed (the corpus goes to m584), short enough that a typo such as
// m99999999 cannot fill memory with empty measures.
constexpr std::uint32_t kMaxMeasureNumber = 20000;
constexpr std::size_t kMaxMeasureDigits = 5;
// Copies multiply numerals; this bounds what a small file can ask for.
constexpr std::size_t kMaxNumerals = 200000;

bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }
bool isLower(char c) noexcept { return c >= 'a' && c <= 'z'; }

// Digits at `at` as a measure number; advances `at` past them.
std::optional<std::uint32_t> measureNumberAt(std::string_view text, std::size_t& at) noexcept {
    std::uint32_t value = 0;
    const std::size_t start = at;
    while (at < text.size() && isDigit(text[at])) {
        if (at - start >= kMaxMeasureDigits) return std::nullopt;
        value = value * 10 + static_cast<std::uint32_t>(text[at] - '0');
        ++at;
    }
    if (at == start) return std::nullopt;
    return value;
}

// Measures a line names: m12, m12a (an ending), m5-8, m5-m8.
struct MeasureRange {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    std::string suffix;  // only on a single measure
    bool isRange() const noexcept { return last != first; }
    std::uint32_t count() const noexcept { return last - first + 1; }
};

// A measure reference at the start of `text` ("m5-8", "5-m8", "m12a"); `length` says how far it
// went. The 'm' is optional: copies are sometimes written "m38-44 = 2-8".
std::optional<MeasureRange> measureRangeAt(std::string_view text, std::size_t& length) {
    std::size_t at = text.starts_with('m') ? 1 : 0;
    MeasureRange range;
    const auto first = measureNumberAt(text, at);
    if (!first) return std::nullopt;
    range.first = range.last = *first;
    if (at < text.size() && text[at] == '-') {
        ++at;
        if (at < text.size() && text[at] == 'm') ++at;
        const auto last = measureNumberAt(text, at);
        if (!last || *last < *first) return std::nullopt;
        range.last = *last;
    } else {
        while (at < text.size() && isLower(text[at]) && !text.substr(at).starts_with("var")) range.suffix += text[at++];
    }
    length = at;
    return range;
}

// 'text', for naming a token in a message. Appended piece by piece: GCC 12 at -O3 warns of a
// bogus overlap (-Wrestrict) in "'" + std::string{…}.
std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '\'';
    out += text;
    out += '\'';
    return out;
}

// "m12", for naming a measure in a message (appended, for the reason quoted gives).
std::string measureName(std::string_view label) {
    std::string out{"m"};
    out += label;
    return out;
}

// Where a view into `line` starts in it.
std::size_t offsetIn(std::string_view line, std::string_view part) noexcept {
    return static_cast<std::size_t>(part.data() - line.data());
}

bool isNoChord(std::string_view token) noexcept {
    return token == "NC" || token == "N.C." || token == "N.C" || token == "nc";
}

// A Roman numeral as far as this reader needs to know (theory::RomanNumeral parses it): an
// optional bracket and accidentals, then a Roman numeral or a named chord.
bool looksLikeNumeral(std::string_view token) noexcept {
    while (!token.empty() && (token.front() == '(' || token.front() == '[')) token.remove_prefix(1);
    while (!token.empty() && (token.front() == 'b' || token.front() == '#' || token.front() == '-')) {
        token.remove_prefix(1);
    }
    for (const std::string_view start : {"I", "V", "i", "v", "N", "It", "Fr", "Ger", "Cad"}) {
        if (token.starts_with(start)) return true;
    }
    return false;
}

bool isPhraseMark(std::string_view token) noexcept {
    return token == "||" || token == "|" || token == "|*" || token == "*|" || token == "(" || token == ")";
}

// The key in force while reading.
struct KeyState {
    score::PitchName tonic{};
    score::Mode mode = score::Mode::Major;
    std::string name;

    bool sameKey(const KeyState& other) const noexcept { return tonic == other.tonic && mode == other.mode; }
};

class DocumentParser {
public:
    DocumentParser(const std::string& fileName, std::vector<core::Error>& warnings)
        : fileName_{fileName}, warnings_{warnings} {}

    Document parse(std::string_view text) {
        std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
        std::int64_t lineNumber = 1;
        while (start < text.size()) {
            const std::size_t end = abc::lineEnd(text, start);
            readLine(text.substr(start, end - start), lineNumber);
            start = abc::nextLine(text, end);
            ++lineNumber;
        }
        // Notes and forms after the last measure line belong to the last measure.
        if (!doc_.measures.empty()) attachPendingTexts(doc_.measures.size() - 1);
        return std::move(doc_);
    }

private:
    void warn(std::string message, std::int64_t line, std::int64_t column, std::string measure = {}) {
        warnings_.push_back(core::fail(ErrorCode::ParseError, std::move(message),
                                       {fileName_, line, column, std::nullopt, std::move(measure)}));
    }

    void readLine(std::string_view line, std::int64_t lineNumber) {
        if (isEmptyLine(line)) return;
        const std::string_view text = trim(line);
        if (isMeasureLine(line)) {
            readMeasureLine(line, lineNumber);
            return;
        }
        const auto field = headerField(line);
        if (!field) {
            warn(quoted(text) + " is neither a measure line (m12 …) nor a field (Tag: value); left out", lineNumber,
                 columnOf(line, offsetIn(line, text)));
            return;
        }
        readField(*field, line, lineNumber);
    }

    void readField(const Field& field, std::string_view line, std::int64_t lineNumber) {
        const std::string value{field.value};
        const std::int64_t valueColumn = columnOf(line, offsetIn(line, field.value));
        if (tagIs(field.tag, "timesignature")) {
            readTimeSignature(value, lineNumber, valueColumn);
        } else if (tagIs(field.tag, "keysignature")) {
            readKeySignature(value, lineNumber, valueColumn);
        } else if (tagIs(field.tag, "note")) {
            if (!value.empty()) pendingNotes_.push_back(value);
        } else if (tagIs(field.tag, "form")) {
            if (!value.empty()) pendingForms_.push_back(value);
        } else if (tagIs(field.tag, "title") && doc_.title.empty()) {
            doc_.title = value;
        } else if (tagIs(field.tag, "composer") && doc_.composer.empty()) {
            doc_.composer = value;
        } else {
            if (tagIs(field.tag, "analyst") && doc_.analyst.empty()) doc_.analyst = value;
            doc_.fields.emplace_back(std::string{field.tag}, value);
        }
    }

    void readTimeSignature(const std::string& value, std::int64_t lineNumber, std::int64_t column) {
        const auto meter = parseMeter(value);
        if (!meter) {
            warn(quoted(value) + " is no time signature (3/4, 6/8, C, fast 3/8 …); the meter stays as it was",
                 lineNumber, column);
            return;
        }
        if (meter->trailingText) {
            warn("time signature '" + value + "' read as " + std::to_string(meter->meter.signature.numerator) + "/" +
                     std::to_string(meter->meter.signature.denominator) + "; the text after it is ignored",
                 lineNumber, column);
        }
        doc_.meters.push_back(meter->meter);
        pendingMeter_ = doc_.meters.size() - 1;
    }

    void readKeySignature(const std::string& value, std::int64_t lineNumber, std::int64_t column) {
        if (value.empty()) return;
        // music21's one legacy form: "Bb" for a signature of one flat.
        if (value == "Bb") {
            pendingSignature_ = -1;
            return;
        }
        std::string_view digits = value;
        const bool negative = digits.starts_with('-');
        if (negative) digits.remove_prefix(1);
        if (digits.size() == 1 && digits[0] >= '0' && digits[0] <= '7') {
            const auto fifths = static_cast<std::int8_t>(digits[0] - '0');
            pendingSignature_ = negative ? static_cast<std::int8_t>(-fifths) : fifths;
            return;
        }
        warn(quoted(value) + " is no key signature (-7 … 7 sharps, or Bb for one flat)", lineNumber, column);
    }

    void readMeasureLine(std::string_view line, std::int64_t lineNumber) {
        const std::string_view text = trim(line);
        const std::int64_t tagColumn = columnOf(line, offsetIn(line, text));
        std::size_t tagLength = 0;
        const auto range = measureRangeAt(text, tagLength);
        const std::string_view afterTag = text.substr(tagLength);
        const std::string_view rest = trim(afterTag);
        if (afterTag.starts_with("var") || rest.starts_with("var")) {
            doc_.fields.emplace_back("variants", std::string{text});  // an alternative reading, kept as written
            return;
        }
        // The tag ends at a blank, an '=' or the line's end: "m12x" is no measure.
        const bool tagEnds = afterTag.empty() || afterTag.front() == '=' || rest.data() != afterTag.data();
        if (!range || !tagEnds) {
            warn(quoted(splitTokens(text).front().text) +
                     " is no measure number (m12, m12a, m5-8); line "
                     "left out",
                 lineNumber, tagColumn);
            return;
        }
        const std::string label = std::to_string(range->first) + range->suffix;
        if (range->last > kMaxMeasureNumber) {
            warn("measure " + std::to_string(range->last) + " is beyond the " + std::to_string(kMaxMeasureNumber) +
                     " measures this reader takes; line left out",
                 lineNumber, tagColumn, label);
            return;
        }
        // Numbers go forward, but for a later pass with a letter: m32a m33a m32b m33b m34.
        if (!doc_.measures.empty() && range->first <= highestNumber_ && range->suffix.empty()) {
            warn(measureName(label) + " comes after m" + doc_.measures.back().label +
                     ": measure lines must go forward; line left out",
                 lineNumber, tagColumn, label);
            return;
        }
        if (labels_.count(label) != 0) {
            warn(measureName(label) + " is in the analysis already; line left out", lineNumber, tagColumn, label);
            return;
        }
        const Place restPlace{lineNumber, columnOf(line, offsetIn(line, rest)), {}};
        if (rest.starts_with('=')) {
            readCopy(*range, trim(rest.substr(1)), restPlace);
            return;
        }
        std::size_t sourceLength = 0;
        if (range->isRange() && measureRangeAt(rest, sourceLength) && trim(rest.substr(sourceLength)).empty()) {
            warn(quoted(rest) + " read as a copy, which is written m" + std::to_string(range->first) + "-" +
                     std::to_string(range->last) + " = " + std::string{rest},
                 lineNumber, restPlace.column, label);
            readCopy(*range, rest, restPlace);
            return;
        }
        const std::size_t index = openMeasure(range->first, range->suffix, lineNumber);
        readMarks(index, line, lineNumber);
        // "m5-7 V b3 I": each measure of the range holds what the line says.
        if (range->isRange()) copyMeasures(MeasureRange{range->first + 1, range->last, {}}, {index}, restPlace);
    }

    void readCopy(const MeasureRange& target, std::string_view sourceText, const Place& place) {
        const std::int64_t lineNumber = place.line;
        const std::int64_t column = place.column;
        std::size_t length = 0;
        const auto source = measureRangeAt(sourceText, length);
        const std::string targetLabel = std::to_string(target.first);
        if (!source || !trim(sourceText.substr(length)).empty()) {
            warn(quoted(sourceText) + " names no measures to copy (m1, m1-4)", lineNumber, column, targetLabel);
            return;
        }
        if (source->last >= target.first) {
            warn(measureName(targetLabel) + " copies measures that do not come before it", lineNumber, column,
                 targetLabel);
            return;
        }
        std::vector<std::size_t> sources;
        for (std::uint32_t number = source->first; number <= source->last; ++number) {
            const auto index = indexOfNumber(number, source->isRange() ? std::string{} : source->suffix);
            if (!index) {
                warn(measureName(std::to_string(number)) +
                         " is not in the analysis, so it cannot be copied; line left out",
                     lineNumber, column, targetLabel);
                return;
            }
            sources.push_back(*index);
        }
        if (source->count() != target.count()) {
            warn(std::string{"copies "} + std::to_string(source->count()) + " measures into " +
                     std::to_string(target.count()) + "; the first " +
                     std::to_string(std::min(source->count(), target.count())) + " are copied",
                 lineNumber, column, targetLabel);
            sources.resize(std::min<std::size_t>(sources.size(), target.count()));
        }
        copyMeasures(MeasureRange{target.first, target.first + static_cast<std::uint32_t>(sources.size()) - 1, {}},
                     sources, place);
    }

    // The measure labelled number + suffix, else the first with that number (m12 when the file
    // has only m12a and m12b).
    std::optional<std::size_t> indexOfNumber(std::uint32_t number, const std::string& suffix) const {
        if (const auto labelled = labels_.find(std::to_string(number) + suffix); labelled != labels_.end()) {
            return labelled->second;
        }
        const auto numbered = firstOfNumber_.find(number);
        return numbered == firstOfNumber_.end() ? std::nullopt : std::optional{numbered->second};
    }

    // Opens target measures analysed as the source measures, one for one, keeping the key each
    // source measure started in.
    void copyMeasures(const MeasureRange& target, const std::vector<std::size_t>& sources, const Place& place) {
        const auto sourceOf = [&](std::uint32_t i) { return sources[std::min<std::size_t>(i, sources.size() - 1)]; };
        std::size_t numerals = 0;
        for (std::uint32_t i = 0; i < target.count(); ++i) numerals += doc_.measures[sourceOf(i)].numerals.size();
        if (numeralCount_ + numerals > kMaxNumerals) {
            warn("the copy would make more than " + std::to_string(kMaxNumerals) + " numerals; line left out",
                 place.line, place.column, std::to_string(target.first));
            return;
        }
        for (std::uint32_t i = 0; i < target.count(); ++i) {
            const std::size_t source = sourceOf(i);
            const std::size_t index = openMeasure(target.first + i, {}, place.line);
            MeasureRecord& into = doc_.measures[index];
            const MeasureRecord& from = doc_.measures[source];
            const std::optional<KeyState>& startKey = startKeys_[source];
            if (startKey && (!key_ || !startKey->sameKey(*key_))) {
                into.keys.push_back({Rational{1}, startKey->tonic, startKey->mode, startKey->name, place});
                key_ = startKey;
            }
            for (NumeralMark numeral : from.numerals) {
                numeral.place = Place{place.line, place.column, numeral.place.beat};
                into.numerals.push_back(std::move(numeral));
            }
            for (KeyMark key : from.keys) {
                key.place = Place{place.line, place.column, key.place.beat};
                key_ = KeyState{key.tonic, key.mode, key.name};
                into.keys.push_back(std::move(key));
            }
            into.signatures.insert(into.signatures.end(), from.signatures.begin(), from.signatures.end());
            numeralCount_ += from.numerals.size();
        }
    }

    // Opens measure `number` (and the ones the file skipped before it) and returns its index.
    // What waited for a measure (a new meter, notes, forms, a repeat start, a key whose beat was
    // unreadable) goes to the first measure opened.
    std::size_t openMeasure(std::uint32_t number, const std::string& suffix, std::int64_t lineNumber) {
        std::uint32_t next = 1;
        std::string fillSuffix;
        if (!doc_.measures.empty()) {
            const MeasureRecord& last = doc_.measures.back();
            if (!suffix.empty() && last.suffix() == suffix) {
                // m114b … m117b: the measures between belong to the same pass.
                next = last.number + 1;
                fillSuffix = suffix;
            } else {
                // After a later pass (m32b m33b) numbering goes on from the highest number so far.
                next = highestNumber_ + 1;
            }
        } else if (number == 0) {
            next = 0;
        }
        for (std::uint32_t fill = next; fill < number; ++fill) {
            if (labels_.count(std::to_string(fill) + fillSuffix) == 0) {
                addMeasure(fill, std::to_string(fill) + fillSuffix, 0);
            }
        }
        return addMeasure(number, std::to_string(number) + suffix, lineNumber);
    }

    std::size_t addMeasure(std::uint32_t number, std::string label, std::int64_t lineNumber) {
        const bool first = doc_.measures.empty();
        // A new meter governs the measure the next line names: the measures it skipped keep the old.
        if (pendingMeter_ && (lineNumber != 0 || first)) {
            meter_ = *pendingMeter_;
            pendingMeter_.reset();
        }
        labels_.emplace(label, doc_.measures.size());
        firstOfNumber_.emplace(number, doc_.measures.size());
        highestNumber_ = std::max(highestNumber_, number);
        MeasureRecord& measure = doc_.measures.emplace_back();
        measure.number = number;
        measure.label = std::move(label);
        measure.meter = meter_;
        startKeys_.push_back(key_);
        const std::size_t index = doc_.measures.size() - 1;
        if (first || lineNumber != 0) {
            if (pendingSignature_) {
                measure.signatures.push_back(
                    {Rational{1}, *pendingSignature_, score::Mode::Major, {lineNumber, 1, {}}});
                pendingSignature_.reset();
            }
            attachPendingTexts(index);
        }
        if (pendingRepeatStart_) measure.repeatStart = true;
        pendingRepeatStart_ = false;
        if (keyAwaitingMeasure_) {
            measure.keys.push_back(std::move(*keyAwaitingMeasure_));
            keyAwaitingMeasure_.reset();
        }
        return index;
    }

    void attachPendingTexts(std::size_t index) {
        for (std::string& note : pendingNotes_) doc_.notes.push_back({index, std::move(note)});
        for (std::string& form : pendingForms_) doc_.forms.push_back({index, std::move(form)});
        pendingNotes_.clear();
        pendingForms_.clear();
    }

    // The tokens after the measure tag: beats, keys, numerals, repeat signs.
    void readMarks(std::size_t index, std::string_view line, std::int64_t lineNumber) {
        const std::vector<Token> tokens = splitTokens(line);
        Rational beat{1};
        bool beatKnown = true;
        std::string beatText;
        std::optional<Rational> lastBeat;
        bool afterNumeral = false;
        bool anyMark = false;
        std::optional<KeyMark> keyAwaitingBeat;
        MeasureRecord& measure = doc_.measures[index];
        const std::string& label = measure.label;
        const auto at = [&](const Token& token) { return Place{lineNumber, token.column, beatText}; };
        for (std::size_t t = 1; t < tokens.size(); ++t) {
            const Token& token = tokens[t];
            const std::string_view text = token.text;
            if (text == "||:") {
                // Before the first beat or numeral it opens this measure, after them the next.
                if (anyMark) {
                    pendingRepeatStart_ = true;
                } else {
                    measure.repeatStart = true;
                }
                continue;
            }
            if (text == ":||" || text == ":||:") {
                measure.repeatEnd = true;
                pendingRepeatStart_ = text == ":||:";
                continue;
            }
            if (isPhraseMark(text) || isOptionalKeyToken(text)) continue;
            anyMark = true;
            if (isBeatToken(text)) {
                afterNumeral = false;
                const auto parsed = parseBeat(text);
                if (!parsed) {
                    warn(quoted(text) +
                             " is no beat (b1, b2.5, b1.33 …); what follows it up to the next "
                             "beat is left out",
                         lineNumber, token.column, label);
                    beatKnown = false;
                    continue;
                }
                if (lastBeat && *parsed < *lastBeat) {
                    warn(quoted(text) + " comes before the beat written before it", lineNumber, token.column, label);
                }
                beat = *parsed;
                beatKnown = true;
                beatText = std::string{text};
                lastBeat = parsed;
                if (keyAwaitingBeat) {
                    keyAwaitingBeat->beat = beat;
                    measure.keys.push_back(std::move(*keyAwaitingBeat));
                    keyAwaitingBeat.reset();
                }
                continue;
            }
            if (const auto key = parseKeyToken(text)) {
                afterNumeral = false;
                key_ = KeyState{key->tonic, key->mode, std::string{key->name}};
                KeyMark mark{beat, key->tonic, key->mode, std::string{key->name}, at(token)};
                if (beatKnown) {
                    measure.keys.push_back(std::move(mark));
                } else {
                    keyAwaitingBeat = std::move(mark);
                }
                if (key->setsSignature && beatKnown) {
                    measure.signatures.push_back({beat, signatureOf(*key), key->mode, at(token)});
                }
                continue;
            }
            if (const auto fifths = parseKeySignatureToken(text)) {
                if (beatKnown) measure.signatures.push_back({beat, *fifths, score::Mode::Major, at(token)});
                continue;
            }
            if (!isNoChord(text) && !looksLikeNumeral(text)) {
                warn(quoted(text) + " is no numeral, beat or key; left out", lineNumber, token.column, label);
                continue;
            }
            if (!beatKnown) continue;  // its beat was unreadable, and said so
            if (afterNumeral) {
                warn(quoted(text) +
                         " follows another numeral at the same beat, with no key change between: a beat is "
                         "missing?",
                     lineNumber, token.column, label);
            }
            if (!key_ && !warnedNoKey_) {
                warn(quoted(text) +
                         " comes before any key (C:, a: …): it and the numerals up to the first key have "
                         "none",
                     lineNumber, token.column, label);
                warnedNoKey_ = true;
            }
            if (numeralCount_ >= kMaxNumerals) {
                warn("more than " + std::to_string(kMaxNumerals) + " numerals; the rest are left out", lineNumber,
                     token.column, label);
                return;
            }
            measure.numerals.push_back(
                {beat, isNoChord(text) ? "N.C." : std::string{text}, key_ ? key_->name : std::string{}, at(token)});
            ++numeralCount_;
            afterNumeral = true;
        }
        // A key whose beat was unreadable starts at the next measure.
        if (keyAwaitingBeat) {
            keyAwaitingBeat->beat = Rational{1};
            keyAwaitingMeasure_ = std::move(keyAwaitingBeat);
        }
    }

    const std::string& fileName_;
    std::vector<core::Error>& warnings_;
    Document doc_;
    std::vector<std::optional<KeyState>> startKeys_;      // per measure: the key it starts in
    std::map<std::string, std::size_t> labels_;           // measure index by label
    std::map<std::uint32_t, std::size_t> firstOfNumber_;  // the first measure index with a number
    std::uint32_t highestNumber_ = 0;
    std::optional<KeyState> key_;
    std::size_t meter_ = 0;
    std::optional<std::size_t> pendingMeter_;
    std::optional<std::int8_t> pendingSignature_;
    std::vector<std::string> pendingNotes_;
    std::vector<std::string> pendingForms_;
    bool pendingRepeatStart_ = false;
    std::optional<KeyMark> keyAwaitingMeasure_;
    std::size_t numeralCount_ = 0;
    bool warnedNoKey_ = false;
};

}  // namespace

Document parseDocument(std::string_view text, const std::string& fileName, std::vector<core::Error>& warnings) {
    return DocumentParser{fileName, warnings}.parse(text);
}

}  // namespace mos::formats::romantext
