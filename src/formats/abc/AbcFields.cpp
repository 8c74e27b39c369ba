#include "formats/abc/AbcFields.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "formats/ChordSuffix.hpp"

namespace mos::formats::abc {
namespace {

using score::Mode;
using score::Step;

bool isBlank(char c) noexcept { return c == ' ' || c == '\t'; }
bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }
char lower(char c) noexcept { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string_view trimmed(std::string_view s) noexcept {
    while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
    return s;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

// Words separated by blanks; a double-quoted stretch (name="Tenor I") stays inside its word.
std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isBlank(text[i])) ++i;
        const std::size_t from = i;
        bool quoted = false;
        while (i < text.size() && (quoted || !isBlank(text[i]))) {
            if (text[i] == '"') quoted = !quoted;
            ++i;
        }
        if (i > from) out.push_back(text.substr(from, i - from));
    }
    return out;
}

std::string_view unquoted(std::string_view value) noexcept {
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') return value.substr(1, value.size() - 2);
    return value;
}

// A small signed integer ("-1", "+2", "12"); nullopt for anything else or beyond ±999.
std::optional<int> smallInteger(std::string_view text) noexcept {
    int sign = 1;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        sign = text.front() == '-' ? -1 : 1;
        text.remove_prefix(1);
    }
    if (text.empty() || text.size() > 3 || !std::all_of(text.begin(), text.end(), isDigit)) return std::nullopt;
    int value = 0;
    for (const char c : text) value = value * 10 + (c - '0');
    return sign * value;
}

// Reads the digits at text[i…] as a number up to `limit`; nullopt when there are none or too many.
std::optional<std::int64_t> digitsAt(std::string_view text, std::size_t& i, std::int64_t limit) noexcept {
    const std::size_t from = i;
    std::int64_t value = 0;
    while (i < text.size() && isDigit(text[i])) {
        value = value * 10 + (text[i] - '0');
        if (value > limit) return std::nullopt;
        ++i;
    }
    if (i == from) return std::nullopt;
    return value;
}

constexpr std::int64_t kLargestNumber = 1'000'000;

// Position of each step on the circle of fifths from C: F -1, C 0, G 1, D 2, A 3, E 4, B 5.
constexpr std::array<int, 7> kStepFifths = {0, 2, 4, -1, 1, 3, 5};
// Steps in the order sharps are added (F C G D A E B); flats come in the reverse order.
constexpr std::array<Step, 7> kSharpOrder = {Step::F, Step::C, Step::G, Step::D, Step::A, Step::E, Step::B};
constexpr int kLargestFifths = 14;  // A# major and the like: double sharps, still a signature

struct ModeName {
    std::string_view prefix;  // the first three letters, which is all ABC requires
    Mode mode;
    int fifthsFromMajor;  // the signature of a mode is its major key's, moved round the circle
};
constexpr auto kModes = std::to_array<ModeName>({
    {"maj", Mode::Major, 0},
    {"ion", Mode::Ionian, 0},
    {"min", Mode::Minor, -3},
    {"aeo", Mode::Aeolian, -3},
    {"mix", Mode::Mixolydian, -1},
    {"dor", Mode::Dorian, -2},
    {"phr", Mode::Phrygian, -4},
    {"lyd", Mode::Lydian, 1},
    {"loc", Mode::Locrian, -5},
});

const ModeName* findMode(std::string_view word) noexcept {
    if (equalsIgnoringCase(word, "m")) return &kModes[2];
    if (word.size() < 3) return nullptr;
    for (const ModeName& mode : kModes) {
        if (equalsIgnoringCase(word.substr(0, 3), mode.prefix)) return &mode;
    }
    return nullptr;
}

struct ClefName {
    std::string_view name;
    score::Clef::Sign sign;
    std::int8_t line;
};
constexpr auto kClefs = std::to_array<ClefName>({
    {"treble", score::Clef::Sign::G, 2},
    {"bass", score::Clef::Sign::F, 4},
    {"baritone", score::Clef::Sign::F, 3},
    {"tenor", score::Clef::Sign::C, 4},
    {"alto", score::Clef::Sign::C, 3},
    {"mezzosoprano", score::Clef::Sign::C, 2},
    {"mezzo", score::Clef::Sign::C, 2},
    {"soprano", score::Clef::Sign::C, 1},
    {"perc", score::Clef::Sign::Percussion, 3},
    {"none", score::Clef::Sign::None, 3},
    {"tab", score::Clef::Sign::Tab, 3},
});

// "^f", "__B", "=c": an explicit key accidental.
std::optional<score::KeyAccidental> keyAccidental(std::string_view word) noexcept {
    int alter = 0;
    std::size_t i = 0;
    bool natural = false;
    while (i < word.size() && (word[i] == '^' || word[i] == '_' || word[i] == '=')) {
        if (word[i] == '=') natural = true;
        alter += word[i] == '^' ? 1 : (word[i] == '_' ? -1 : 0);
        ++i;
    }
    if (i == 0 || i + 1 != word.size() || (natural && alter != 0) || alter < -2 || alter > 2) return std::nullopt;
    const auto step = score::stepFromLetter(word[i]);
    if (!step) return std::nullopt;
    return score::KeyAccidental{*step, static_cast<std::int8_t>(alter)};
}

bool isKnownIgnoredParameter(std::string_view key) noexcept {
    constexpr std::array<std::string_view, 9> kIgnored = {"middle", "m",     "stafflines", "staffscale", "cue",
                                                          "stem",   "gstem", "dyn",        "lyrics"};
    return std::any_of(kIgnored.begin(), kIgnored.end(),
                       [&](std::string_view k) { return equalsIgnoringCase(k, key); });
}

// Reads one staff parameter ("clef=bass", "treble-8", "octave=-1", "transpose=2", "middle=d");
// false when the word is none.
bool staffParameter(std::string_view word, StaffParameters& out) {
    const std::size_t equals = word.find('=');
    if (equals == std::string_view::npos) {
        if (auto clef = parseClef(word)) {
            out.clef = clef;
            return true;
        }
        return false;
    }
    const std::string_view key = word.substr(0, equals);
    const std::string_view value = unquoted(word.substr(equals + 1));
    if (equalsIgnoringCase(key, "clef")) {
        auto clef = parseClef(value);
        if (!clef) return false;
        out.clef = clef;
        return true;
    }
    if (equalsIgnoringCase(key, "octave")) {
        out.octave = smallInteger(value);
        return out.octave.has_value();
    }
    if (equalsIgnoringCase(key, "transpose")) {
        out.transpose = smallInteger(value);
        return out.transpose.has_value();
    }
    return isKnownIgnoredParameter(key);
}

// Adds every step's alteration under `key` to its explicit list, so the list alone is the signature.
void spellOutSignature(score::KeySignature& key, const std::vector<score::KeyAccidental>& written) {
    const StepAlterations fromSignature = keyAlterations(key);
    std::array<bool, 7> writtenSteps{};
    for (const auto& accidental : written) writtenSteps[static_cast<std::size_t>(accidental.step)] = true;
    std::vector<score::KeyAccidental> all;
    for (const Step step : kSharpOrder) {
        const auto index = static_cast<std::size_t>(step);
        if (!writtenSteps[index] && fromSignature[index] != 0) all.push_back({step, fromSignature[index]});
    }
    for (const auto& accidental : written) {
        std::erase_if(all, [&](const score::KeyAccidental& a) { return a.step == accidental.step; });
        all.push_back(accidental);
    }
    key.accidentals = std::move(all);
}

}  // namespace

std::optional<Meter> parseMeter(std::string_view text) {
    text = trimmed(text);
    Meter meter;
    if (text.empty() || equalsIgnoringCase(text, "none")) {
        meter.free = true;
        return meter;
    }
    if (text == "C") {
        meter.time = {4, 4, score::TimeSignature::Symbol::Common};
        return meter;
    }
    if (text == "C|") {
        meter.time = {2, 2, score::TimeSignature::Symbol::Cut};
        return meter;
    }
    // "(2+3)/8", "2+3/8", "6/8": the numerator may be a sum.
    std::size_t i = 0;
    std::int64_t numerator = 0;
    if (i < text.size() && text[i] == '(') ++i;
    while (true) {
        const auto term = digitsAt(text, i, kLargestNumber);
        if (!term) return std::nullopt;
        numerator += *term;
        if (i < text.size() && text[i] == '+') {
            ++i;
            continue;
        }
        break;
    }
    if (i < text.size() && text[i] == ')') ++i;
    if (i >= text.size() || text[i] != '/') return std::nullopt;
    ++i;
    const auto denominator = digitsAt(text, i, kLargestNumber);
    if (!denominator || i != text.size() || numerator == 0 || *denominator == 0 || numerator > 0xFFFF ||
        *denominator > 0xFFFF) {
        return std::nullopt;
    }
    meter.time.numerator = static_cast<std::uint16_t>(numerator);
    meter.time.denominator = static_cast<std::uint16_t>(*denominator);
    return meter;
}

Fraction defaultUnitLength(const Meter& meter) noexcept {
    if (meter.free) return Fraction{1, 8};
    // numerator/denominator < 3/4, compared without division.
    const bool shortMeter = 4 * meter.time.numerator < 3 * meter.time.denominator;
    return shortMeter ? Fraction{1, 16} : Fraction{1, 8};
}

std::optional<Fraction> parseUnitLength(std::string_view text) {
    text = trimmed(text);
    std::size_t i = 0;
    const auto numerator = digitsAt(text, i, kLargestNumber);
    if (!numerator || *numerator == 0) return std::nullopt;
    std::int64_t denominator = 1;
    if (i < text.size() && text[i] == '/') {
        ++i;
        const auto d = digitsAt(text, i, kLargestNumber);
        if (!d || *d == 0) return std::nullopt;
        denominator = *d;
    }
    if (i != text.size()) return std::nullopt;
    return Fraction{*numerator, denominator};
}

std::optional<Tempo> parseTempo(std::string_view text, Fraction unitLength) {
    Tempo tempo;
    Fraction beat{};
    std::optional<core::Rational> bpm;
    std::size_t i = 0;
    const auto readBpm = [&]() -> bool {
        // "120" or "92.5": an exact decimal.
        const auto whole = digitsAt(text, i, kLargestNumber);
        if (!whole) return false;
        core::Rational value{*whole};
        if (i < text.size() && text[i] == '.') {
            ++i;
            std::int64_t scale = 1;
            std::int64_t fraction = 0;
            while (i < text.size() && isDigit(text[i]) && scale < kLargestNumber) {
                fraction = fraction * 10 + (text[i] - '0');
                scale *= 10;
                ++i;
            }
            value += core::Rational{fraction, scale};
        }
        if (value.isZero()) return false;
        bpm = value;
        return true;
    };
    while (i < text.size()) {
        const char c = text[i];
        if (isBlank(c)) {
            ++i;
        } else if (c == '"') {
            const std::size_t close = text.find('"', i + 1);
            if (close == std::string_view::npos) return std::nullopt;
            if (!tempo.text.empty()) tempo.text += ' ';
            tempo.text += text.substr(i + 1, close - i - 1);
            i = close + 1;
        } else if (c == '=') {
            ++i;
            while (i < text.size() && isBlank(text[i])) ++i;
            if (!readBpm()) return std::nullopt;
        } else if (c == 'C' || c == 'L') {
            // The old "C=120" / "C3=120": beats of the unit note length (times the digits).
            ++i;
            const auto times = i < text.size() && isDigit(text[i]) ? digitsAt(text, i, kLargestNumber)
                                                                   : std::optional<std::int64_t>{1};
            if (!times) return std::nullopt;
            beat += unitLength * Fraction{*times};
        } else if (isDigit(c)) {
            const std::size_t from = i;
            const auto numerator = digitsAt(text, i, kLargestNumber);
            if (i < text.size() && text[i] == '/') {
                ++i;
                const auto denominator = digitsAt(text, i, kLargestNumber);
                if (!numerator || !denominator || *denominator == 0) return std::nullopt;
                beat += Fraction{*numerator, *denominator};
            } else {
                i = from;  // "120" alone: beats per minute of the unit note length
                if (!readBpm()) return std::nullopt;
            }
        } else {
            return std::nullopt;
        }
    }
    if (bpm) {
        if (beat.isZero()) beat = unitLength;
        if (!beat.isPositive()) return std::nullopt;
        tempo.mark =
            score::TempoMark{.offset = {}, .beatUnit = beat.toRational(), .beatsPerMinute = *bpm, .text = tempo.text};
    } else if (tempo.text.empty()) {
        return std::nullopt;
    }
    return tempo;
}

std::optional<score::Clef> parseClef(std::string_view name) {
    std::string_view rest = name;
    const ClefName* found = nullptr;
    for (const ClefName& clef : kClefs) {
        if (rest.size() >= clef.name.size() && equalsIgnoringCase(rest.substr(0, clef.name.size()), clef.name)) {
            // "bass" must not swallow "baritone"'s prefix and vice versa: take the longest match.
            if (!found || clef.name.size() > found->name.size()) found = &clef;
        }
    }
    if (!found) return std::nullopt;
    rest.remove_prefix(found->name.size());
    score::Clef clef;
    clef.sign = found->sign;
    clef.line = found->line;
    if (!rest.empty() && rest.front() >= '1' && rest.front() <= '5') {
        clef.line = static_cast<std::int8_t>(rest.front() - '0');
        rest.remove_prefix(1);
    }
    if (rest == "+8" || rest == "^8") {
        clef.octaveChange = 1;
    } else if (rest == "-8" || rest == "_8") {
        clef.octaveChange = -1;
    } else if (rest == "+15" || rest == "^15") {
        clef.octaveChange = 2;
    } else if (rest == "-15" || rest == "_15") {
        clef.octaveChange = -2;
    } else if (!rest.empty()) {
        return std::nullopt;
    }
    return clef;
}

KeyField parseKey(std::string_view text) {
    KeyField out;
    const auto all = words(trimmed(text));
    std::size_t w = 0;
    score::KeySignature key;
    bool haveKey = false;
    bool explicitOnly = false;
    std::vector<score::KeyAccidental> written;
    if (!all.empty()) {
        const std::string_view first = all[0];
        if (equalsIgnoringCase(first, "none")) {
            key.mode = Mode::None;
            haveKey = true;
            ++w;
        } else if (first == "HP" || first == "Hp") {
            // Highland pipes: A mixolydian, the notes sounding with F and C sharp.
            key.fifths = 2;
            key.mode = Mode::Mixolydian;
            haveKey = true;
            ++w;
        } else if (first.front() >= 'A' && first.front() <= 'G') {
            const auto step = *score::stepFromLetter(first.front());
            int fifths = kStepFifths[static_cast<std::size_t>(step)];
            std::string_view rest = first.substr(1);
            if (!rest.empty() && (rest.front() == '#' || rest.front() == 'b')) {
                fifths += rest.front() == '#' ? 7 : -7;
                rest.remove_prefix(1);
            }
            const ModeName* mode = &kModes[0];
            ++w;
            if (!rest.empty()) {
                mode = findMode(rest);
                if (!mode) {
                    out.staff.unknown.push_back(first);
                    mode = &kModes[0];
                }
            } else if (w < all.size()) {
                if (const ModeName* named = findMode(all[w]); named && !parseClef(all[w])) {
                    mode = named;
                    ++w;
                }
            }
            key.fifths =
                static_cast<std::int8_t>(std::clamp(fifths + mode->fifthsFromMajor, -kLargestFifths, kLargestFifths));
            key.mode = mode->mode;
            haveKey = true;
        }
    }
    for (; w < all.size(); ++w) {
        const std::string_view word = all[w];
        if (equalsIgnoringCase(word, "exp")) {
            explicitOnly = true;
        } else if (auto accidental = keyAccidental(word)) {
            std::erase_if(written, [&](const score::KeyAccidental& a) { return a.step == accidental->step; });
            written.push_back(*accidental);
        } else if (!staffParameter(word, out.staff)) {
            out.staff.unknown.push_back(word);
        }
    }
    if (explicitOnly || !written.empty()) {
        haveKey = true;  // "K:^f" alone: C with the written accidentals
        if (explicitOnly) {
            std::erase_if(written, [](const score::KeyAccidental& a) { return a.alter == 0; });
            key.accidentals = std::move(written);
        } else {
            spellOutSignature(key, written);
        }
    }
    if (haveKey) out.key = std::move(key);
    return out;
}

StepAlterations keyAlterations(const score::KeySignature& key) noexcept {
    StepAlterations alter{};
    if (!key.accidentals.empty()) {
        for (const auto& accidental : key.accidentals)
            alter[static_cast<std::size_t>(accidental.step)] = accidental.alter;
        return alter;
    }
    const int fifths = std::clamp<int>(key.fifths, -kLargestFifths, kLargestFifths);
    for (int k = 0; k < fifths; ++k) ++alter[static_cast<std::size_t>(kSharpOrder[static_cast<std::size_t>(k % 7)])];
    for (int k = 0; k < -fifths; ++k) {
        --alter[static_cast<std::size_t>(kSharpOrder[static_cast<std::size_t>(6 - k % 7)])];
    }
    return alter;
}

VoiceField parseVoice(std::string_view text) {
    VoiceField out;
    const auto all = words(trimmed(text));
    if (all.empty()) return out;
    out.id = all[0];
    for (std::size_t w = 1; w < all.size(); ++w) {
        const std::string_view word = all[w];
        const std::size_t equals = word.find('=');
        const std::string_view key = equals == std::string_view::npos ? std::string_view{} : word.substr(0, equals);
        const std::string_view value =
            equals == std::string_view::npos ? std::string_view{} : unquoted(word.substr(equals + 1));
        if (equalsIgnoringCase(key, "name") || equalsIgnoringCase(key, "nm")) {
            out.name = value;
        } else if (equalsIgnoringCase(key, "subname") || equalsIgnoringCase(key, "sname") ||
                   equalsIgnoringCase(key, "snm")) {
            out.shortName = value;
        } else if (!staffParameter(word, out.staff) && !equalsIgnoringCase(word, "merge") &&
                   !equalsIgnoringCase(word, "up") && !equalsIgnoringCase(word, "down")) {
            out.staff.unknown.push_back(word);
        }
    }
    return out;
}

namespace {

// One level of a part order: labels and parenthesised groups, each with an optional repeat count.
bool expandSequence(std::string_view text, std::size_t& i, int depth, std::size_t limit, std::vector<char>& out) {
    constexpr int kDeepestNesting = 8;
    if (depth > kDeepestNesting) return false;
    while (i < text.size() && text[i] != ')') {
        const char c = text[i];
        if (isBlank(c) || c == '.') {
            ++i;
            continue;
        }
        std::vector<char> item;
        if (c == '(') {
            ++i;
            if (!expandSequence(text, i, depth + 1, limit, item) || i >= text.size()) return false;
            ++i;  // the ')'
        } else if (c >= 'A' && c <= 'Z') {
            item.push_back(c);
            ++i;
        } else {
            return false;
        }
        std::int64_t times = 1;
        if (i < text.size() && isDigit(text[i])) {
            const auto count = digitsAt(text, i, 99);
            if (!count) return false;
            times = *count;
        }
        for (std::int64_t t = 0; t < times; ++t) {
            if (out.size() + item.size() > limit) return false;
            out.insert(out.end(), item.begin(), item.end());
        }
    }
    return true;
}

// "F#", "Bb", "E": a pitch name at the start of `text`; advances past it.
std::optional<score::PitchName> pitchName(std::string_view& text) noexcept {
    if (text.empty() || text.front() < 'A' || text.front() > 'G') return std::nullopt;
    score::PitchName name{*score::stepFromLetter(text.front()), 0};
    text.remove_prefix(1);
    if (!text.empty() && (text.front() == '#' || text.front() == 'b')) {
        name.alter = static_cast<std::int8_t>(text.front() == '#' ? 1 : -1);
        text.remove_prefix(1);
    }
    return name;
}

}  // namespace

std::optional<std::vector<char>> expandPartOrder(std::string_view text, std::size_t limit) {
    std::vector<char> out;
    std::size_t i = 0;
    text = trimmed(text);
    if (!expandSequence(text, i, 0, limit, out) || i != text.size() || out.empty()) return std::nullopt;
    return out;
}

score::ChordSymbol parseChordSymbol(std::string_view text) {
    score::ChordSymbol symbol;
    symbol.text = text;
    if (equalsIgnoringCase(text, "N.C.") || equalsIgnoringCase(text, "NC")) {
        symbol.noChord = true;
        return symbol;
    }
    std::string_view rest = text;
    const auto root = pitchName(rest);
    if (!root) return symbol;
    std::optional<score::PitchName> bass;
    if (const std::size_t slash = rest.find('/'); slash != std::string_view::npos) {
        std::string_view bassText = rest.substr(slash + 1);
        bass = pitchName(bassText);
        if (!bass || !bassText.empty()) return symbol;
        rest = rest.substr(0, slash);
    }
    const auto kind = musicXmlKindOfSuffix(rest);
    if (!kind) return symbol;
    symbol.root = root;
    symbol.kind = *kind;
    symbol.bass = bass;
    return symbol;
}

}  // namespace mos::formats::abc
