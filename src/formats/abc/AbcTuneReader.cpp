// The ABC tune reader: a single pass over the tune's tokens that keeps, per voice, the place in
// the music (measure and offset), the key and the accidentals of the current bar, and what waits
// for the next note (chord symbols, decorations, ties, tuplets, broken rhythm). The timeline is the
// union of the voices' measures; each measure is as long as its longest voice made it.

#include "formats/abc/AbcTuneReader.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>

#include "formats/abc/AbcDecorations.hpp"
#include "formats/abc/AbcFields.hpp"
#include "formats/abc/AbcLyrics.hpp"
#include "formats/abc/AbcStaffLayout.hpp"
#include "formats/abc/Fraction.hpp"

namespace mos::formats::abc {
namespace {

using score::ElementId;

constexpr std::uint32_t kMostMeasures = 20000;  // a long symphony movement has 1,000
constexpr std::size_t kMostParts = 64;
constexpr std::size_t kMostLanes = 8;  // voice overlays (&) in one measure
constexpr std::size_t kMostTupletNesting = 8;
constexpr std::size_t kMostOpenSlurs = 64;
constexpr std::size_t kMostSections = 256;
constexpr std::uint8_t kMostVerses = 64;
constexpr int kLowestOctave = -1;
constexpr int kHighestOctave = 9;
constexpr std::size_t kOctaves = kHighestOctave - kLowestOctave + 1;
constexpr std::int8_t kNoAccidental = std::numeric_limits<std::int8_t>::min();
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

std::string_view trimmed(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

Fraction toFraction(const core::Rational& r) noexcept { return Fraction{r.num(), r.den()}; }

// Tokens that are music (not fields, directives or blanks): the tune body has begun.
bool isMusic(AbcTokenKind kind) noexcept {
    switch (kind) {
        case AbcTokenKind::Field:
        case AbcTokenKind::InlineField:
        case AbcTokenKind::Directive:
        case AbcTokenKind::Space:
        case AbcTokenKind::Continuation:
        case AbcTokenKind::LineBreak:
        case AbcTokenKind::BlankLine:
            return false;
        default:
            return true;
    }
}

// The voice grouping after "%%score" or "%%staves" (or "I:score"); nullopt for other directives.
std::optional<std::string_view> staffLayoutText(std::string_view directive) noexcept {
    directive = trimmed(directive);
    for (const std::string_view keyword : {std::string_view{"score"}, std::string_view{"staves"}}) {
        if (!directive.starts_with(keyword)) continue;
        const std::string_view rest = directive.substr(keyword.size());
        if (rest.empty() || rest.front() == ' ' || rest.front() == '\t') return trimmed(rest);
    }
    return std::nullopt;
}

// The step of a note letter the tokenizer has checked (A…G, a…g), without a call per note.
score::Step stepOf(char letter) noexcept {
    constexpr std::array<score::Step, 7> kFromA = {score::Step::A, score::Step::B, score::Step::C, score::Step::D,
                                                   score::Step::E, score::Step::F, score::Step::G};
    return kFromA[static_cast<std::size_t>((letter | 0x20) - 'a') % kFromA.size()];
}

struct OpenTuplet {
    std::uint16_t actual = 3;
    std::uint16_t normal = 2;
    std::uint32_t remaining = 3;
    bool started = false;
};

// One line of events in a voice: the voice itself, or an overlay (&) sharing its measure.
struct Lane {
    Fraction offset{};
    std::size_t lastEvent = kNone;  // index in the part's events of the last note, chord or rest
    std::vector<std::size_t> ties;  // indices of the notes of lastEvent that start a tie
    Fraction brokenNext{1};         // the factor broken rhythm (a>b) left for the next event
    std::vector<OpenTuplet> tuplets;
};

struct LyricTarget {
    ElementId event = 0;
    std::uint32_t measure = 0;
};

struct Voice {
    std::string_view id;
    std::size_t part = 0;
    std::uint8_t staff = 1;  // within the part
    std::uint8_t rank = 0;   // the order of the voice within its part, from 0
    // The events' voice number in the part of each lane: the voice's own, then its overlays' (0 until used).
    std::array<std::uint8_t, kMostLanes> laneVoices{};
    std::uint32_t measure = 0;
    bool measureHasContent = false;
    std::vector<Lane> lanes = std::vector<Lane>(1);
    std::size_t lane = 0;
    Fraction unitLength{1, 8};
    Meter meter{};
    std::optional<Meter> meterFromNextBar;
    score::KeySignature key{};
    StepAlterations keyAlter{};
    std::array<std::array<std::int8_t, kOctaves>, 7> barAccidentals{};
    int octaveShift = 0;

    // Waiting for the next note, chord or rest.
    std::vector<std::size_t> chords;  // indices into the chords layer
    std::vector<score::TextMark> texts;
    std::vector<score::Articulation> articulations;
    std::vector<std::string_view> dynamics;
    std::vector<std::size_t> slurs;  // open slurs: index of their first event, kNone until it comes
    std::size_t lastAnyEvent = kNone;
    std::optional<score::ScorePosition> hairpinFrom;
    bool hairpinCrescendo = true;

    std::optional<score::Ending> ending;
    std::uint32_t endingLimit = 0;  // the first ending's length, which a last ending left open keeps

    std::size_t lyricsFrom = 0;  // the first event the next block of w: lines is sung under

    Lane& current() { return lanes[lane]; }
    std::uint8_t number() const { return laneVoices[lane]; }
};

// What the voices of one part have taken: voice numbers handed out, and the rank of the voices
// that gave the part its name and abbreviation (a lower rank wins; explicit names beat voice ids).
struct PartVoices {
    std::uint8_t numbers = 0;
    std::uint8_t namedBy = std::numeric_limits<std::uint8_t>::max();
    std::uint8_t abbreviatedBy = std::numeric_limits<std::uint8_t>::max();
};

// A bar line's meaning: ":|" ends a repeat, "|:" starts one, "::" both; "||", "|]", "[|" styles.
struct BarShape {
    bool endRepeat = false;
    bool startRepeat = false;
    std::string_view style{};
};

BarShape barShape(std::string_view text) {
    BarShape shape;
    const std::size_t firstBar = text.find_first_of("|[]");
    if (firstBar == std::string_view::npos) {  // "::"
        shape.endRepeat = shape.startRepeat = !text.empty();
        return shape;
    }
    shape.endRepeat = firstBar > 0;
    const std::size_t lastBar = text.find_last_of("|[]");
    shape.startRepeat = lastBar + 1 < text.size();
    const std::string_view core = text.substr(firstBar, lastBar - firstBar + 1);
    if (core == "|]" || core == "||]") {
        shape.style = "light-heavy";
    } else if (core == "[|") {
        shape.style = "heavy-light";
    } else if (core.size() > 1) {
        shape.style = "light-light";  // "||", and the rarer doubled and tripled bars
    }
    return shape;
}

void appendJsonString(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            constexpr std::string_view kHex = "0123456789abcdef";
            out += "\\u00";
            out += kHex[static_cast<unsigned char>(c) >> 4];
            out += kHex[static_cast<unsigned char>(c) & 0xF];
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendLine(std::string& to, std::string_view text, std::string_view separator) {
    if (!to.empty()) to += separator;
    to += text;
}

class TuneReader {
public:
    TuneReader(const std::string& fileName, std::vector<core::Error>& warnings, RationalCache& exact)
        : fileName_{fileName}, warnings_{warnings}, exact_{exact} {}

    core::Result<score::Score> read(const TuneTokens& tokens) {
        for (const core::Error& warning : tokens.lexerWarnings) pending_.push_back({warning, kNoMeasure});
        takeStaffLayout(tokens);
        for (const AbcToken& token : tokens.fileHeader) {
            if (token.kind == AbcTokenKind::Field) headerField(token, true);
            if (token.kind == AbcTokenKind::Directive) directive(token, token.text);
        }
        if (tokens.tune.empty()) return core::fail(core::ErrorCode::Internal, "an empty tune");
        const AbcToken& first = tokens.tune.front();
        if (first.kind == AbcTokenKind::Field && first.name == 'X') referenceNumber_ = trimmed(first.text);
        firstToken_ = &first;
        lastToken_ = &tokens.tune.back();
        reserveFor(tokens.tune);
        for (const AbcToken& token : tokens.tune) {
            handle(token);
            if (fatal_) break;
        }
        if (!fatal_) finish();
        flushWarnings();
        if (fatal_) return *std::move(fatal_);
        return std::move(score_);
    }

private:
    static constexpr std::uint32_t kNoMeasure = std::numeric_limits<std::uint32_t>::max();

    struct PendingWarning {
        core::Error error;
        std::uint32_t measure = kNoMeasure;
    };

    // The %%score grouping of the file header or of the tune before its music begins, the last one
    // (a tune's own replaces the file header's): it must be known before the first voice makes a part.
    void takeStaffLayout(const TuneTokens& tokens) {
        const auto take = [&](const AbcToken& token) {
            const bool directive =
                token.kind == AbcTokenKind::Directive ||
                (token.name == 'I' && (token.kind == AbcTokenKind::Field || token.kind == AbcTokenKind::InlineField));
            if (!directive) return;
            const auto text = staffLayoutText(token.text);
            if (!text) return;
            auto layout = parseStaffLayout(*text, kMostParts);
            if (!layout) {
                warn(token,
                     "%%score " + std::string{*text} + ": " + layout.error().message + "; its voices keep a part each");
                return;
            }
            layout_ = std::move(*layout);
            layoutText_ = *text;
        };
        for (const AbcToken& token : tokens.fileHeader) take(token);
        for (const AbcToken& token : tokens.tune) {
            if (isMusic(token.kind)) break;
            take(token);
        }
        if (!layout_) return;
        // Only the groups with a voice in this tune make parts: a file header's grouping leaves a
        // tune of other voices (or of none) as it is.
        layoutPartUsed_.assign(layout_->stavesPerPart.size(), 0);
        const auto use = [&](const AbcToken& token) {
            if (token.name != 'V' || (token.kind != AbcTokenKind::Field && token.kind != AbcTokenKind::InlineField)) {
                return;
            }
            if (const StaffLayout::Place* place = layout_->find(parseVoice(token.text).id)) {
                layoutPartUsed_[place->part] = 1;
            }
        };
        for (const AbcToken& token : tokens.fileHeader) use(token);
        for (const AbcToken& token : tokens.tune) use(token);
    }

    // Sizes the vectors a tune fills from its token counts, so they grow once, not note by note.
    void reserveFor(std::span<const AbcToken> tune) {
        std::size_t notes = 0;
        std::size_t bars = 0;
        std::size_t chords = 0;
        for (const AbcToken& token : tune) {
            notes += token.kind == AbcTokenKind::Note || token.kind == AbcTokenKind::Rest ? 1 : 0;
            bars += token.kind == AbcTokenKind::BarLine ? 1 : 0;
            chords += token.kind == AbcTokenKind::ChordSymbol ? 1 : 0;
        }
        score_.layers.chords.reserve(chords);
        eventsExpected_ = notes;
        score_.timeline.measures.reserve(bars + 1);
        measureLengths_.reserve(bars + 1);
        touched_.reserve(bars + 1);
    }

    // ---- problems ----------------------------------------------------------------------------

    core::SourceLocation at(const AbcToken& token) const {
        return core::SourceLocation{.file = fileName_, .line = token.line, .column = token.column};
    }

    void warn(const AbcToken& token, std::string message) {
        const std::uint32_t measure = current_ == kNone ? kNoMeasure : voices_[current_].measure;
        pending_.push_back({core::fail(core::ErrorCode::ParseError, std::move(message), at(token)), measure});
    }

    void fail(const AbcToken& token, core::ErrorCode code, std::string message) {
        if (!fatal_) fatal_ = core::fail(code, std::move(message), at(token));
    }

    std::string tuneLabel() const {
        std::string label = "tune ";
        label += referenceNumber_.empty() ? std::string_view{"without X:"} : referenceNumber_;
        if (!score_.metadata.title.empty()) label += " (" + score_.metadata.title + ")";
        return label;
    }

    // Names the tune in every message and the measure where it is known, now that labels exist;
    // in the order of the file (the tokenizer's come first otherwise).
    void flushWarnings() {
        std::stable_sort(pending_.begin(), pending_.end(), [](const PendingWarning& a, const PendingWarning& b) {
            const auto place = [](const core::Error& e) {
                return std::pair{e.where.line.value_or(0), e.where.column.value_or(0)};
            };
            return place(a.error) < place(b.error);
        });
        const std::string label = tuneLabel();
        for (PendingWarning& w : pending_) {
            if (w.measure < score_.timeline.measures.size()) {
                w.error.where.measure = score_.timeline.measures[w.measure].number;
            }
            w.error.message = label + ": " + w.error.message;
            warnings_.push_back(std::move(w.error));
        }
        if (fatal_) fatal_->message = label + ": " + fatal_->message;
    }

    // ---- dispatch ----------------------------------------------------------------------------

    void handle(const AbcToken& token) {
        if (inHeader_) {
            switch (token.kind) {
                case AbcTokenKind::Field:
                    headerField(token, false);
                    return;
                case AbcTokenKind::Directive:
                    directive(token, token.text);
                    return;
                case AbcTokenKind::LineBreak:
                case AbcTokenKind::BlankLine:
                case AbcTokenKind::Space:
                case AbcTokenKind::Continuation:
                    return;
                default:
                    warn(token, "music before the K: field that ends the tune header; the key is taken as C major");
                    finishHeader();
                    break;
            }
        }
        if (isMusic(token.kind)) musicStarted_ = true;
        if (token.kind != AbcTokenKind::Field && token.kind != AbcTokenKind::LineBreak &&
            token.kind != AbcTokenKind::Space && token.kind != AbcTokenKind::Continuation &&
            token.kind != AbcTokenKind::Directive) {
            lyricsBlockOpen_ = false;
        }
        // Broken rhythm joins two notes: between the first and the '>' only blanks, a slur's or a
        // tie's end and grace notes may stand (anything else has its place already taken).
        if (token.kind != AbcTokenKind::Note && token.kind != AbcTokenKind::Rest &&
            token.kind != AbcTokenKind::ChordEnd && token.kind != AbcTokenKind::Space &&
            token.kind != AbcTokenKind::SlurEnd && token.kind != AbcTokenKind::Tie &&
            token.kind != AbcTokenKind::GraceStart && token.kind != AbcTokenKind::GraceEnd &&
            token.kind != AbcTokenKind::BrokenRhythm) {
            afterEvent_ = false;
        }
        switch (token.kind) {
            case AbcTokenKind::Field:
            case AbcTokenKind::InlineField:
                bodyField(token);
                break;
            case AbcTokenKind::Directive:
                directive(token, token.text);
                break;
            case AbcTokenKind::Note:
                note(token);
                break;
            case AbcTokenKind::Rest:
                rest(token);
                break;
            case AbcTokenKind::MeasureRest:
                measureRest(token);
                break;
            case AbcTokenKind::BarLine:
                barLine(token);
                break;
            case AbcTokenKind::Ending:
                ending(token);
                break;
            case AbcTokenKind::ChordStart:
                chordStart(token);
                break;
            case AbcTokenKind::ChordEnd:
                chordEnd(token);
                break;
            case AbcTokenKind::ChordSymbol:
                chordSymbol(token);
                break;
            case AbcTokenKind::Annotation:
                annotation(token);
                break;
            case AbcTokenKind::Decoration:
                decoration(token);
                break;
            case AbcTokenKind::Tuplet:
                tuplet(token);
                break;
            case AbcTokenKind::SlurStart:
                slurStart(token);
                break;
            case AbcTokenKind::SlurEnd:
                slurEnd(token);
                break;
            case AbcTokenKind::Tie:
                tie(token);
                break;
            case AbcTokenKind::BrokenRhythm:
                brokenRhythm(token);
                break;
            case AbcTokenKind::GraceStart:
                graceStart(token);
                break;
            case AbcTokenKind::GraceEnd:
                graceEnd(token);
                break;
            case AbcTokenKind::VoiceOverlay:
                overlay(token);
                break;
            case AbcTokenKind::LineBreak:
                if (chordOpen_) {
                    warn(*chordStartToken_, "a chord '[' is not closed on its line; closed here");
                    chordEnd(token);
                }
                break;
            case AbcTokenKind::Space:
            case AbcTokenKind::Continuation:
            case AbcTokenKind::BlankLine:
                break;
        }
    }

    // ---- header ------------------------------------------------------------------------------

    void headerField(const AbcToken& token, bool fileHeader) {
        const std::string_view value = token.text;
        switch (token.name) {
            case 'X':
                break;
            case 'T':
                if (!fileHeader) title(value);
                break;
            case 'M':
                if (auto meter = parseMeter(value)) {
                    headerMeter_ = *meter;
                } else {
                    warn(token, "M:" + std::string{value} + " is not a meter; ignored");
                }
                break;
            case 'L':
                if (auto length = parseUnitLength(value)) {
                    headerUnit_ = *length;
                } else {
                    warn(token, "L:" + std::string{value} + " is not a note length; ignored");
                }
                break;
            case 'Q':
                headerTempo_ = &token;
                break;
            case 'V':
                headerVoices_.push_back(&token);
                break;
            case 'P':
                partOrder_ = &token;
                break;
            case 'K':
                headerKey_ = &token;
                if (!fileHeader) finishHeader();
                break;
            case 'w':
                warn(token, "lyrics (w:) in the tune header belong to no music; ignored");
                break;
            default:
                textField(token, fileHeader);
                break;
        }
    }

    void title(std::string_view value) {
        auto& metadata = score_.metadata;
        if (metadata.title.empty()) {
            metadata.title = value;
        } else {
            appendLine(metadata.subtitle, value, "; ");
        }
    }

    // Fields whose value is text: metadata, notes, lyrics words, instructions.
    void textField(const AbcToken& token, bool fileHeader) {
        const std::string_view value = token.text;
        score::Metadata& metadata = fileHeader ? fileMetadata_ : score_.metadata;
        switch (token.name) {
            case 'C':
                appendLine(metadata.composer, value, "; ");
                break;
            case 'S':
                appendLine(metadata.source, value, "; ");
                break;
            case 'R':
                appendLine(metadata.genre, value, "; ");
                break;
            case 'O':
                metadata.tags.emplace_back(value);
                break;
            case 'W':
                appendLine(words_, value, "\n");
                break;
            case 'I':
                directive(token, value);
                break;
            case 'U':
                userSymbol(token);
                break;
            case 'm':  // a macro, expanded in the text before it was tokenized (AbcMacros.hpp)
                break;
            case 'Y':  // the Nottingham Music Database's part order
                yOrder_ = &token;
                break;
            case '+':
                continuation(token, fileHeader);
                break;
            case 'A':
            case 'B':
            case 'D':
            case 'F':
            case 'G':
            case 'H':
            case 'N':
            case 'Z':
                extensionFields_.emplace_back(token.name, value);
                break;
            case 'r':
            case 's':
                break;  // remarks, and symbol lines that only place decorations for printing
            default:
                warn(token, std::string{"the field "} + token.name + ": is not ABC 2.1; ignored");
                break;
        }
        if (token.name != '+') lastFieldName_ = token.name;
    }

    // "+:" continues the field before it.
    void continuation(const AbcToken& token, bool fileHeader) {
        score::Metadata& metadata = fileHeader ? fileMetadata_ : score_.metadata;
        switch (lastFieldName_) {
            case 'T':
                (metadata.subtitle.empty() ? metadata.title : metadata.subtitle) += " " + std::string{token.text};
                break;
            case 'C':
                metadata.composer += " " + std::string{token.text};
                break;
            case 'W':
                words_ += " " + std::string{token.text};
                break;
            case 'w':
                lyricsLine(token, true);
                break;
            default:
                if (!extensionFields_.empty() && extensionFields_.back().first == lastFieldName_) {
                    extensionFields_.back().second += " " + std::string{token.text};
                }
                break;
        }
    }

    // "U: T = !trill!": a letter that stands for a decoration.
    void userSymbol(const AbcToken& token) {
        const std::string_view value = trimmed(token.text);
        const std::size_t equals = value.find('=');
        const std::string_view letter = equals == std::string_view::npos ? value : trimmed(value.substr(0, equals));
        std::string_view meaning =
            equals == std::string_view::npos ? std::string_view{} : trimmed(value.substr(equals + 1));
        if (meaning.size() >= 2 && (meaning.front() == '!' || meaning.front() == '+') &&
            meaning.back() == meaning.front()) {
            meaning = meaning.substr(1, meaning.size() - 2);
        }
        if (letter.size() != 1 || meaning.empty() ||
            static_cast<unsigned char>(letter.front()) >= userSymbols_.size()) {
            warn(token, "U:" + std::string{value} + " is not a symbol definition; ignored");
            return;
        }
        userSymbols_[static_cast<unsigned char>(letter.front())] = meaning;
    }

    // "%%MIDI program 40" (or I:MIDI …): the General MIDI program; "%%score …" groups the voices
    // (taken before the music, takeStaffLayout); other directives only lay out.
    void directive(const AbcToken& token, std::string_view text) {
        text = trimmed(text);
        if (const auto layout = staffLayoutText(text)) {
            if (musicStarted_ && *layout != layoutText_) {
                warn(token, "%%score after the music has begun cannot regroup the parts; ignored");
            }
            return;
        }
        if (!text.starts_with("MIDI") || text.find("program") == std::string_view::npos) return;
        const std::size_t lastSpace = text.find_last_of(" \t");
        int program = 0;
        for (const char c : text.substr(lastSpace + 1)) {
            if (c < '0' || c > '9' || program > 127) return;
            program = program * 10 + (c - '0');
        }
        if (program > 127) return;
        if (inHeader_ || current_ == kNone) {
            defaultProgram_ = static_cast<std::uint8_t>(program);
        } else {
            score_.parts[voices_[current_].part].instrument.gmProgram = static_cast<std::uint8_t>(program);
        }
    }

    // The K: field ends the header: from here the unit length, key and tempo are known.
    void finishHeader() {
        inHeader_ = false;
        unitLength_ = headerUnit_ ? *headerUnit_ : defaultUnitLength(headerMeter_);
        if (headerKey_) {
            KeyField field = parseKey(headerKey_->text);
            reportUnknown(*headerKey_, 'K', field.staff.unknown);
            if (field.key) headerKeySignature_ = std::move(*field.key);
            headerStaff_ = field.staff;
        }
        if (headerTempo_) {
            if (auto tempo = parseTempo(headerTempo_->text, unitLength_)) {
                headerTempoValue_ = std::move(*tempo);
            } else {
                warn(*headerTempo_, "Q:" + std::string{headerTempo_->text} + " is not a tempo; ignored");
            }
        }
        for (const AbcToken* token : headerVoices_) {
            const VoiceField field = parseVoice(token->text);
            reportUnknown(*token, 'V', field.staff.unknown);
            const std::size_t index = findOrAddVoice(*token, field.id);
            if (index != kNone) applyVoiceField(voices_[index], field, true);
        }
        // The file header's fields stand for every tune that does not give its own.
        score::Metadata& metadata = score_.metadata;
        if (metadata.composer.empty()) metadata.composer = fileMetadata_.composer;
        if (metadata.source.empty()) metadata.source = fileMetadata_.source;
        if (metadata.genre.empty()) metadata.genre = fileMetadata_.genre;
        if (metadata.tags.empty()) metadata.tags = fileMetadata_.tags;
    }

    void reportUnknown(const AbcToken& token, char field, const std::vector<std::string_view>& unknown) {
        for (const std::string_view word : unknown) {
            warn(token, std::string{field} + ": '" + std::string{word} + "' is not understood; ignored");
        }
    }

    // ---- voices ------------------------------------------------------------------------------

    std::size_t findOrAddVoice(const AbcToken& token, std::string_view id) {
        for (std::size_t i = 0; i < voices_.size(); ++i) {
            if (voices_[i].id == id) return i;
        }
        if (voices_.size() == kMostParts) {
            fail(token, core::ErrorCode::Unsupported, "more than 64 voices");
            return kNone;
        }
        if (layout_ && layoutParts_.empty()) {
            // The grouped parts come first, top to bottom, whichever of their voices is met first.
            for (std::size_t part = 0; part < layout_->stavesPerPart.size(); ++part) {
                layoutParts_.push_back(layoutPartUsed_[part] != 0
                                           ? addPart(layout_->stavesPerPart[part], layout_->voicesPerPart[part])
                                           : kNone);
            }
        }
        Voice voice;
        voice.id = id;
        if (const StaffLayout::Place* place = layout_ ? layout_->find(id) : nullptr) {
            std::size_t& part = layoutParts_[place->part];
            // Made above when a V: field names one of its voices, as every voice's does; else now.
            if (part == kNone) part = addPart(layout_->stavesPerPart[place->part], layout_->voicesPerPart[place->part]);
            voice.part = part;
            voice.staff = place->staff;
            voice.laneVoices[0] = place->number;
            voice.rank = static_cast<std::uint8_t>(place->number - 1);
            partsShared_ = partsShared_ || layout_->voicesPerPart[place->part] > 1;
        } else {
            voice.part = addPart(1, 1);
            voice.laneVoices[0] = 1;
        }
        voice.unitLength = unitLength_;
        voice.meter = headerMeter_;
        setKey(voice, headerKeySignature_);
        voice.octaveShift = headerStaff_.octave.value_or(0);
        resetBarAccidentals(voice);
        score::Part& part = score_.parts[voice.part];
        const bool numbered = std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!numbered && outranks(kNamedById + voice.rank, partVoices_[voice.part].namedBy)) part.name = id;
        if (headerStaff_.transpose) part.transposition = transposition(*headerStaff_.transpose);
        if (headerStaff_.clef) addClef(part.id, voice.staff, {}, *headerStaff_.clef);
        voices_.push_back(std::move(voice));
        return voices_.size() - 1;
    }

    // A part of `staves` staves for `voices` voices (more come with overlays), in the score's order.
    std::size_t addPart(std::uint8_t staves, std::uint8_t voices) {
        score::Part& part = score_.parts.emplace_back();
        // The first part usually has most of the notes; later ones grow as they need.
        part.events.reserve(score_.parts.size() == 1 ? eventsExpected_ : 0);
        part.id = "P" + std::to_string(score_.parts.size());
        part.instrument.gmProgram = defaultProgram_;
        part.staves = staves;
        partVoices_.push_back({.numbers = voices});
        return score_.parts.size() - 1;
    }

    // A part shared by several voices takes its name from the highest of them that gives one
    // (an explicit name= before a voice's id): whether a voice of `rank` may, with the best rank so
    // far in `holder`.
    static constexpr std::uint8_t kNamedById = kMostParts;

    static bool outranks(std::size_t rank, std::uint8_t& holder) {
        if (rank > holder) return false;
        holder = static_cast<std::uint8_t>(rank);
        return true;
    }

    void applyVoiceField(Voice& voice, const VoiceField& field, bool fromStart) {
        score::Part& part = score_.parts[voice.part];
        PartVoices& taken = partVoices_[voice.part];
        if (!field.name.empty() && outranks(voice.rank, taken.namedBy)) part.name = field.name;
        if (!field.shortName.empty() && outranks(voice.rank, taken.abbreviatedBy)) {
            part.abbreviation = field.shortName;
        }
        applyStaff(voice, field.staff, fromStart);
    }

    void applyStaff(Voice& voice, const StaffParameters& staff, bool fromStart) {
        score::Part& part = score_.parts[voice.part];
        if (staff.octave) voice.octaveShift = *staff.octave;
        if (staff.transpose) part.transposition = transposition(*staff.transpose);
        if (staff.clef) addClef(part.id, voice.staff, fromStart ? score::ScorePosition{} : here(voice), *staff.clef);
    }

    static score::Transposition transposition(int semitones) {
        score::Transposition t;
        t.octaveChange = static_cast<std::int8_t>(semitones / 12);
        t.chromatic = static_cast<std::int8_t>(semitones % 12);
        // The nearest diatonic interval: -2 semitones is a second down (B-flat clarinet).
        t.diatonic = static_cast<std::int8_t>((t.chromatic * 7 + (t.chromatic < 0 ? -6 : 6)) / 12);
        return t;
    }

    void addClef(const std::string& partId, std::uint8_t staff, score::ScorePosition position, score::Clef clef) {
        clef.partId = partId;
        clef.staff = staff;
        clef.at = position;
        auto& clefs = score_.layers.notation.clefs;
        std::erase_if(clefs,
                      [&](const score::Clef& c) { return c.partId == partId && c.staff == staff && c.at == position; });
        clefs.push_back(std::move(clef));
    }

    // The voice music goes to: the first one, made when the tune names none. Null only when no
    // voice can be made, which has ended the read.
    Voice* voice(const AbcToken& token) {
        if (current_ == kNone) current_ = voices_.empty() ? findOrAddVoice(token, {}) : 0;
        return current_ == kNone ? nullptr : &voices_[current_];
    }

    void switchVoice(const AbcToken& token) {
        const VoiceField field = parseVoice(token.text);
        reportUnknown(token, 'V', field.staff.unknown);
        closeGroups(token);
        const std::size_t index = findOrAddVoice(token, field.id);
        if (index == kNone) return;
        current_ = index;
        applyVoiceField(voices_[index], field, false);
    }

    // ---- places in the timeline -------------------------------------------------------------

    bool ensureMeasure(const AbcToken& token, std::uint32_t index) {
        return index < measureLengths_.size() || addMeasures(token, index);
    }

    bool addMeasures(const AbcToken& token, std::uint32_t index) {
        if (index >= kMostMeasures) {
            fail(token, core::ErrorCode::Unsupported, "the tune is longer than 20,000 measures");
            return false;
        }
        if (index >= measureLengths_.size()) {
            score_.timeline.measures.resize(index + 1);
            measureLengths_.resize(index + 1);
            touched_.resize(index + 1, 0);
        }
        return true;
    }

    core::Rational exact(Fraction value) { return exact_(value); }

    score::ScorePosition here(Voice& voice) { return {voice.measure, exact(voice.current().offset)}; }

    void resetBarAccidentals(Voice& voice) {
        for (auto& step : voice.barAccidentals) step.fill(kNoAccidental);
    }

    void setKey(Voice& voice, const score::KeySignature& key) {
        voice.key = key;
        voice.keyAlter = keyAlterations(key);
    }

    Fraction meterLength(const Voice& voice) const {
        return voice.meter.free ? Fraction{1} : Fraction{voice.meter.time.numerator, voice.meter.time.denominator};
    }

    // Ties left waiting where no note can end them: at the end of the tune, or in an overlaid
    // voice (&), which lasts one measure.
    void dropTies(const AbcToken& token, Voice& v, Lane& lane) {
        for (const std::size_t index : lane.ties) {
            score::Note& started = score_.parts[v.part].events[lane.lastEvent].notes[index];
            started.tieStart = false;
            warn(token, "a tie '-' from " + started.pitch.toString() + " has no note to end on; dropped");
        }
        lane.ties.clear();
    }

    // Ends the voice's current measure (which has music) and moves it to the next one.
    bool closeMeasure(const AbcToken& token, Voice& voice) {
        if (!ensureMeasure(token, voice.measure)) return false;
        Fraction length{};
        for (const Lane& lane : voice.lanes) {
            if (length < lane.offset) length = lane.offset;
        }
        Fraction& measureLength = measureLengths_[voice.measure];
        if (measureLength < length) measureLength = length;
        touched_[voice.measure] = 1;
        ++voice.measure;
        voice.measureHasContent = false;
        for (std::size_t lane = 1; lane < voice.lanes.size(); ++lane) dropTies(token, voice, voice.lanes[lane]);
        voice.lanes.resize(1);
        voice.lane = 0;
        voice.lanes[0].offset = Fraction{};
        resetBarAccidentals(voice);
        if (voice.meterFromNextBar) {
            if (!setMeter(token, voice.measure, *voice.meterFromNextBar)) return false;
            voice.meterFromNextBar.reset();
        }
        return true;
    }

    bool setMeter(const AbcToken& token, std::uint32_t measure, const Meter& meter) {
        if (meter.free) return true;  // the model has no "no meter": measures keep their real lengths
        if (!ensureMeasure(token, measure)) return false;
        score_.timeline.measures[measure].time = meter.time;
        return true;
    }

    // ---- notes -------------------------------------------------------------------------------

    void note(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        const std::size_t noteIndex = buildNote(token, v);
        const Fraction length = v.unitLength * Fraction{token.lengthNumerator, token.lengthDenominator};
        if (chordOpen_) {
            if (chordNotes_.size() == 1) chordLength_ = length;
            return;
        }
        std::vector<score::Note> notes;
        notes.push_back(chordNotes_[noteIndex]);
        chordNotes_.clear();
        if (graceOpen_) {
            addGrace(token, v, std::move(notes), length);
        } else {
            addEvent(token, v, std::move(notes), length, EventKind::Notes);
        }
    }

    // Spells the note in the key and the bar's accidentals and adds it to chordNotes_.
    std::size_t buildNote(const AbcToken& token, Voice& v) {
        const score::Step step = stepOf(token.name);
        int octave = (token.name >= 'a' ? 5 : 4) + token.octave + v.octaveShift;
        if (octave < kLowestOctave || octave > kHighestOctave) {
            warn(token, "the note is beyond the octaves -1 to 9; it is moved into them");
            octave = std::clamp(octave, kLowestOctave, kHighestOctave);
        }
        std::int8_t& barAccidental =
            v.barAccidentals[static_cast<std::size_t>(step)][static_cast<std::size_t>(octave - kLowestOctave)];
        std::int8_t alter = 0;
        if (token.accidental != 0 || token.natural) {
            alter = std::clamp<std::int8_t>(token.accidental, -2, 2);
            if (alter != token.accidental) warn(token, "more than two sharps or flats on one note; two are kept");
            barAccidental = alter;
        } else if (barAccidental != kNoAccidental) {
            alter = barAccidental;
        } else if (const score::Pitch* tied = tiedPitch(v, step, octave)) {
            alter = tied->alter;  // a tie carries the accidental over the bar line
        } else {
            alter = v.keyAlter[static_cast<std::size_t>(step)];
        }
        score::Note& note = chordNotes_.emplace_back();
        note.id = score_.newId();
        note.pitch = score::Pitch{step, alter, static_cast<std::int8_t>(octave), 0};
        for (const std::string_view finger : fingers_)
            score_.layers.fingering.push_back({note.id, std::string{finger}});
        fingers_.clear();
        return chordNotes_.size() - 1;
    }

    const score::Pitch* tiedPitch(Voice& v, score::Step step, int octave) {
        const Lane& lane = v.current();
        if (lane.ties.empty()) return nullptr;
        const auto& events = score_.parts[v.part].events;
        for (const std::size_t index : lane.ties) {
            const score::Pitch& pitch = events[lane.lastEvent].notes[index].pitch;
            if (pitch.step == step && pitch.octave == octave) return &pitch;
        }
        return nullptr;
    }

    enum class EventKind : std::uint8_t { Notes, Rest, InvisibleRest, MeasureRest, InvisibleMeasureRest };

    // Adds a note, chord or rest at the voice's place, with what was waiting for it.
    void addEvent(const AbcToken& token, Voice& v, std::vector<score::Note> notes, Fraction length, EventKind kind) {
        if (!ensureMeasure(token, v.measure)) return;
        Lane& lane = v.current();
        score::Part& part = score_.parts[v.part];
        std::vector<score::Tuplet> tuplets;
        const bool measureRest = kind == EventKind::MeasureRest || kind == EventKind::InvisibleMeasureRest;
        if (!measureRest) {
            length = length * lane.brokenNext;
            lane.brokenNext = Fraction{1};
            applyTuplets(lane, tuplets, length);
        }
        const Fraction end = lane.offset + length;
        if (!length.isPositive() || !end.isValid()) {
            fail(token, core::ErrorCode::Overflow, "a note length is too long or too finely divided to be exact");
            return;
        }
        const std::size_t index = part.events.size();
        // Built in place: an Event is large, and a copy of it per note shows in the profile.
        score::Event& event = part.events.emplace_back();
        event.id = score_.newId();
        event.measure = v.measure;
        event.voice = v.number();
        event.staff = v.staff;
        event.invisible = kind == EventKind::InvisibleRest || kind == EventKind::InvisibleMeasureRest;
        event.measureRest = measureRest;
        event.tuplets = std::move(tuplets);
        event.offset = exact(lane.offset);
        event.duration = exact(length);
        event.articulations = std::move(v.articulations);
        v.articulations.clear();
        endTies(token, v, notes, event.id);
        event.notes = std::move(notes);

        const score::ScorePosition position{v.measure, event.offset};
        if (!v.chords.empty()) placeChordSymbols(v, position);
        if (!v.texts.empty() || !v.dynamics.empty()) placeWaitingMarks(v, position);
        for (std::size_t& slur : v.slurs) {
            if (slur == kNone) slur = index;
        }
        lane.offset = end;
        lane.lastEvent = index;
        afterEvent_ = true;
        v.lastAnyEvent = index;
        v.measureHasContent = true;
        touched_[v.measure] = 1;
    }

    // "C""Em" before one note: the second is an alternative to the first.
    void placeChordSymbols(Voice& v, score::ScorePosition position) {
        const std::string& partId = score_.parts[v.part].id;
        for (std::size_t i = 0; i < v.chords.size(); ++i) {
            score::ChordSymbol& symbol = score_.layers.chords[v.chords[i]];
            symbol.at = position;
            symbol.partId = partId;
            symbol.alternate = i > 0;
        }
        v.chords.clear();
    }

    void placeWaitingMarks(Voice& v, score::ScorePosition position) {
        score::Part& part = score_.parts[v.part];
        for (score::TextMark& text : v.texts) {
            text.partId = part.id;
            text.staff = v.staff;
            text.at = position;
            score_.layers.notation.texts.push_back(std::move(text));
        }
        v.texts.clear();
        for (const std::string_view mark : v.dynamics)
            part.dynamics.push_back({position, v.staff, std::string{mark}, 0});
        v.dynamics.clear();
    }

    // Shortens the event by every tuplet it is under and marks where their brackets start and stop.
    static void applyTuplets(Lane& lane, std::vector<score::Tuplet>& tuplets, Fraction& length) {
        for (OpenTuplet& tuplet : lane.tuplets) {
            length *= Fraction{tuplet.normal, tuplet.actual};
            tuplets.push_back({tuplet.actual, tuplet.normal, !tuplet.started, tuplet.remaining == 1});
            tuplet.started = true;
            --tuplet.remaining;
        }
        std::erase_if(lane.tuplets, [](const OpenTuplet& t) { return t.remaining == 0; });
    }

    // Ends the ties waiting in this lane on the new event's notes of the same pitch. A "tie" to a
    // different pitch ("B-c", common in the Nottingham books) is an arc joining two notes: a slur.
    void endTies(const AbcToken& token, Voice& v, std::vector<score::Note>& notes, ElementId eventId) {
        Lane& lane = v.current();
        if (lane.ties.empty()) return;
        score::Part& part = score_.parts[v.part];
        score::Event& before = part.events[lane.lastEvent];
        std::size_t matched = 0;
        for (const std::size_t index : lane.ties) {
            score::Note& started = before.notes[index];
            const auto match = std::find_if(notes.begin(), notes.end(), [&](const score::Note& n) {
                return n.pitch.midiNumber() == started.pitch.midiNumber() && !n.tieStop;
            });
            started.tieStart = match != notes.end();
            if (match != notes.end()) {
                match->tieStop = true;
                ++matched;
            }
        }
        if (matched == 0) {
            score_.layers.notation.slurs.push_back({part.id, before.id, eventId});
        } else if (matched < lane.ties.size()) {
            warn(token, std::to_string(lane.ties.size() - matched) +
                            " tied note(s) of the chord find no note of their pitch; their ties are dropped");
        }
        lane.ties.clear();
    }

    void addGrace(const AbcToken& token, Voice& v, std::vector<score::Note> notes, Fraction value) {
        if (!ensureMeasure(token, v.measure)) return;
        score::Part& part = score_.parts[v.part];
        score::Event event;
        event.id = score_.newId();
        event.measure = v.measure;
        event.offset = exact(v.current().offset);
        event.voice = v.number();
        event.staff = v.staff;
        event.notes = std::move(notes);
        event.grace = score::Grace{graceSlash_, exact(value)};
        const std::size_t index = part.events.size();
        for (std::size_t& slur : v.slurs) {
            if (slur == kNone) slur = index;
        }
        part.events.push_back(std::move(event));
        v.lastAnyEvent = index;
        v.measureHasContent = true;
        touched_[v.measure] = 1;
    }

    void rest(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        if (chordOpen_ || graceOpen_) {
            warn(token, "a rest inside a chord or grace notes; ignored");
            return;
        }
        const Fraction length = v.unitLength * Fraction{token.lengthNumerator, token.lengthDenominator};
        addEvent(token, v, {}, length, token.name == 'x' ? EventKind::InvisibleRest : EventKind::Rest);
    }

    // Z4: four measures of rest, each a whole-measure rest.
    void measureRest(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        closeGroups(token);
        const EventKind kind = token.name == 'X' ? EventKind::InvisibleMeasureRest : EventKind::MeasureRest;
        for (std::uint32_t i = 0; i < token.lengthNumerator; ++i) {
            if (i > 0 && !closeMeasure(token, v)) return;
            addEvent(token, v, {}, meterLength(v), kind);
            if (fatal_) return;
        }
    }

    // ---- chords and grace notes --------------------------------------------------------------

    void chordStart(const AbcToken& token) {
        if (chordOpen_) {
            warn(token, "a chord '[' inside a chord; ignored");
            return;
        }
        chordOpen_ = true;
        chordStartToken_ = &token;
        chordNotes_.clear();
        chordTies_.clear();
        chordLength_ = Fraction{};
    }

    void chordEnd(const AbcToken& token) {
        if (!chordOpen_) {
            warn(token, "']' closes no chord; ignored");
            return;
        }
        chordOpen_ = false;
        if (chordNotes_.empty()) {
            warn(token, "an empty chord '[]'; ignored");
            return;
        }
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        const Fraction length = chordLength_ * Fraction{token.lengthNumerator, token.lengthDenominator};
        std::vector<score::Note> notes = std::move(chordNotes_);
        chordNotes_.clear();
        if (graceOpen_) {
            addGrace(token, v, std::move(notes), length);
            return;
        }
        addEvent(token, v, std::move(notes), length, EventKind::Notes);
        if (!chordTies_.empty() && v.current().lastEvent != kNone) {
            v.current().ties = chordTies_;
        }
        chordTies_.clear();
    }

    void graceStart(const AbcToken& token) {
        if (graceOpen_) warn(token, "'{' inside grace notes; ignored");
        graceOpen_ = true;
        graceSlash_ = token.text == "/";
    }

    void graceEnd(const AbcToken& token) {
        if (!graceOpen_) warn(token, "'}' closes no grace notes; ignored");
        graceOpen_ = false;
    }

    // A bar line or a voice change ends chords and grace groups left open.
    void closeGroups(const AbcToken& token) {
        if (chordOpen_) {
            warn(*chordStartToken_, "a chord '[' is not closed before the bar line; closed there");
            chordEnd(token);
        }
        if (graceOpen_) {
            warn(token, "grace notes '{' are not closed before the bar line; closed there");
            graceOpen_ = false;
        }
    }

    // ---- rhythm modifiers --------------------------------------------------------------------

    // "(3abc", "(3:2:4": the next r notes take the time of q.
    void tuplet(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        const std::uint16_t p = token.lengthNumerator;
        if (p < 2) {
            warn(token, "a tuplet of fewer than two notes; ignored");
            return;
        }
        std::uint16_t q = token.lengthDenominator;
        if (q == 0) {
            const bool compound = !v.meter.free && v.meter.time.numerator % 3 == 0 && v.meter.time.numerator > 3;
            switch (p) {
                case 2:
                case 4:
                case 8:
                    q = 3;
                    break;
                case 3:
                case 6:
                    q = 2;
                    break;
                default:
                    q = compound ? 3 : 2;
                    break;
            }
        }
        const std::uint32_t r = token.tupletNotes == 0 ? p : token.tupletNotes;
        Lane& lane = v.current();
        if (lane.tuplets.size() == kMostTupletNesting) {
            warn(token, "tuplets nested more than 8 deep; ignored");
            return;
        }
        lane.tuplets.push_back({p, q, r, false});
    }

    // "a>b": a dotted, b halved ("a>>b": 7/4 and 1/4; "a<b" the other way round).
    void brokenRhythm(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        Lane& lane = v.current();
        auto& events = score_.parts[v.part].events;
        if (!afterEvent_ || lane.lastEvent == kNone || events[lane.lastEvent].measure != v.measure ||
            events[lane.lastEvent].measureRest || !lane.brokenNext.isOne() || chordOpen_ || graceOpen_) {
            warn(token, "broken rhythm '" + std::string{token.text} + "' stands between no two notes; ignored");
            return;
        }
        const std::int64_t unit = std::int64_t{1} << token.text.size();
        const Fraction longer{2 * unit - 1, unit};
        const Fraction shorter{1, unit};
        const bool firstLonger = token.text.front() == '>';
        score::Event& before = events[lane.lastEvent];
        const Fraction old = toFraction(before.duration);
        const Fraction changed = old * (firstLonger ? longer : shorter);
        const Fraction offset = lane.offset + (changed - old);
        if (!changed.isPositive() || !offset.isValid()) {
            fail(token, core::ErrorCode::Overflow, "a note length is too long or too finely divided to be exact");
            return;
        }
        lane.offset = offset;
        before.duration = exact(changed);
        // Grace notes written between the two ("A{g}>B") lead into the second: they move with it.
        for (std::size_t i = lane.lastEvent + 1; i < events.size(); ++i) {
            if (events[i].grace && events[i].voice == v.number()) events[i].offset = exact(offset);
        }
        lane.brokenNext = firstLonger ? shorter : longer;
        afterEvent_ = false;
    }

    void tie(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        if (graceOpen_) return;  // ties between grace notes change nothing that is kept
        if (chordOpen_) {
            if (chordNotes_.empty()) {
                warn(token, "a tie '-' before any note of the chord; ignored");
                return;
            }
            chordNotes_.back().tieStart = true;
            chordTies_.push_back(chordNotes_.size() - 1);
            return;
        }
        Lane& lane = v.current();
        auto& events = score_.parts[v.part].events;
        if (lane.lastEvent == kNone || events[lane.lastEvent].notes.empty()) {
            warn(token, "a tie '-' follows no note; ignored");
            return;
        }
        auto& notes = events[lane.lastEvent].notes;
        lane.ties.clear();
        for (std::size_t i = 0; i < notes.size(); ++i) {
            notes[i].tieStart = true;
            lane.ties.push_back(i);
        }
    }

    void slurStart(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        if (v.slurs.size() == kMostOpenSlurs) {
            warn(token, "more than 64 slurs open at once; ignored");
            return;
        }
        v.slurs.push_back(kNone);
    }

    void slurEnd(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        if (v.slurs.empty()) {
            warn(token, "')' closes no slur; ignored");
            return;
        }
        const std::size_t from = v.slurs.back();
        v.slurs.pop_back();
        if (from == kNone || v.lastAnyEvent == kNone) return;  // "()" around nothing
        const auto& events = score_.parts[v.part].events;
        score_.layers.notation.slurs.push_back({score_.parts[v.part].id, events[from].id, events[v.lastAnyEvent].id});
    }

    void overlay(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        closeGroups(token);
        if (v.lane + 1 == kMostLanes) {
            warn(token, "more than 8 overlaid voices '&' in a measure; ignored");
            return;
        }
        std::uint8_t& number = v.laneVoices[v.lane + 1];
        if (number == 0) {
            std::uint8_t& numbers = partVoices_[v.part].numbers;
            if (numbers == std::numeric_limits<std::uint8_t>::max()) {
                warn(token, "more than 255 voices in one part; the overlay '&' is ignored");
                return;
            }
            number = ++numbers;
        }
        ++v.lane;
        if (v.lane == v.lanes.size()) v.lanes.emplace_back();
        hasOverlays_ = true;
    }

    // ---- marks -------------------------------------------------------------------------------

    void chordSymbol(const AbcToken& token) {
        Voice* v = voice(token);
        if (v == nullptr) return;
        // Into the layer at once (a chord symbol is costly to move); its place comes with the next note.
        v->chords.push_back(score_.layers.chords.size());
        score_.layers.chords.push_back(parseChordSymbol(token.text));
    }

    // "^above", "_below", "<left", ">right", "@x,y free": text at the next note.
    void annotation(const AbcToken& token) {
        Voice* v = voice(token);
        if (v == nullptr) return;
        std::string_view text = token.text.substr(1);
        if (token.text.front() == '@') {
            while (!text.empty() && std::string_view{"0123456789.,-+"}.find(text.front()) != std::string_view::npos) {
                text.remove_prefix(1);
            }
            text = trimmed(text);
        }
        score::TextMark mark;
        mark.text = text;
        mark.above = token.text.front() != '_';
        v->texts.push_back(std::move(mark));
    }

    void decoration(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        std::string_view name = token.text;
        if (token.name != 0) {
            const std::string_view user = userSymbols_[static_cast<unsigned char>(token.name) % userSymbols_.size()];
            name = user.empty() ? shorthandDecorationName(token.name) : user;
            if (name.empty()) {
                warn(token, std::string{"'"} + token.name + "' stands for no decoration (U: defines one); ignored");
                return;
            }
        }
        const Decoration meaning = classifyDecoration(name);
        switch (meaning.kind) {
            case Decoration::Kind::Articulation:
                if (std::find(v.articulations.begin(), v.articulations.end(), meaning.articulation) ==
                    v.articulations.end()) {
                    v.articulations.push_back(meaning.articulation);
                }
                break;
            case Decoration::Kind::Dynamic:
                v.dynamics.push_back(name);
                break;
            case Decoration::Kind::Navigation: {
                if (!ensureMeasure(token, v.measure)) return;
                const score::Navigation mark{meaning.navigation, exact(v.current().offset), {}};
                auto& navigation = score_.timeline.measures[v.measure].navigation;
                if (std::find(navigation.begin(), navigation.end(), mark) == navigation.end())
                    navigation.push_back(mark);
                break;
            }
            case Decoration::Kind::HairpinStart:
                v.hairpinFrom = here(v);
                v.hairpinCrescendo = meaning.crescendo;
                break;
            case Decoration::Kind::HairpinStop:
                if (v.hairpinFrom) {
                    score_.layers.notation.hairpins.push_back(
                        {score_.parts[v.part].id, v.staff, *v.hairpinFrom, here(v), v.hairpinCrescendo});
                    v.hairpinFrom.reset();
                } else {
                    warn(token, "!" + std::string{name} + "! ends no crescendo or diminuendo; ignored");
                }
                break;
            case Decoration::Kind::Fingering:
                fingers_.push_back(name);
                break;
            case Decoration::Kind::NoEquivalent:
                break;
            case Decoration::Kind::Unknown:
                warn(token, "!" + std::string{name} + "! is not an ABC 2.1 decoration; ignored");
                break;
        }
    }

    // ---- bar lines, repeats and endings ------------------------------------------------------

    void barLine(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        closeGroups(token);
        const BarShape shape = barShape(token.text);
        std::uint32_t closed = kNoMeasure;
        if (v.measureHasContent) {
            closed = v.measure;
            if (!closeMeasure(token, v)) return;
        } else if (v.measure > 0) {
            closed = v.measure - 1;  // "|" then "|:" on the next line: one bar line
        }
        if (closed != kNoMeasure) {
            score::Measure& measure = score_.timeline.measures[closed];
            if (!shape.style.empty()) measure.barline = shape.style;
            if (shape.endRepeat) {
                std::uint8_t times = 2;
                if (v.ending && !v.ending->numbers.empty()) {
                    times = static_cast<std::uint8_t>(
                        std::min(255, *std::max_element(v.ending->numbers.begin(), v.ending->numbers.end()) + 1));
                }
                measure.repeatEnd = std::max(measure.repeatEnd, times);
            }
            if (v.ending) {
                const std::uint32_t length = closed - v.ending->firstMeasure + 1;
                if (shape.endRepeat) {
                    closeEnding(v, closed);
                    v.endingLimit = length;
                } else if (!shape.style.empty() || shape.startRepeat ||
                           (v.endingLimit > 0 && length >= v.endingLimit)) {
                    closeEnding(v, closed);
                    v.endingLimit = 0;
                }
            }
        }
        if (shape.startRepeat) {
            if (!ensureMeasure(token, v.measure)) return;
            score_.timeline.measures[v.measure].repeatStart = true;
            v.endingLimit = 0;
        }
    }

    // "[1", "|2", ":|2", "[1,3", "[1-3": a volta bracket from this measure.
    void ending(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        std::vector<std::uint8_t> numbers;
        std::string_view text = token.text;
        while (!text.empty()) {
            int first = 0;
            std::size_t i = 0;
            while (i < text.size() && text[i] >= '0' && text[i] <= '9' && first < 1000)
                first = first * 10 + (text[i++] - '0');
            int last = first;
            if (i < text.size() && text[i] == '-') {
                last = 0;
                ++i;
                while (i < text.size() && text[i] >= '0' && text[i] <= '9' && last < 1000)
                    last = last * 10 + (text[i++] - '0');
            }
            if (first < 1 || last < first || last > 255 ||
                numbers.size() + static_cast<std::size_t>(last - first) > 32) {
                warn(token, "the ending numbers " + std::string{token.text} + " are not understood; ignored");
                return;
            }
            for (int n = first; n <= last; ++n) numbers.push_back(static_cast<std::uint8_t>(n));
            text.remove_prefix(std::min(text.size(), i + 1));  // past the ','
        }
        if (v.ending) {
            const std::uint32_t end = std::max(v.ending->firstMeasure, v.measure == 0 ? 0 : v.measure - 1);
            v.endingLimit = end - v.ending->firstMeasure + 1;
            closeEnding(v, end);
        }
        score::Ending ending;
        ending.firstMeasure = v.measure;
        ending.numbers = std::move(numbers);
        ending.text = token.text;
        v.ending = std::move(ending);
    }

    void closeEnding(Voice& v, std::uint32_t lastMeasure) {
        score::Ending ending = std::move(*v.ending);
        v.ending.reset();
        ending.lastMeasure = std::max(lastMeasure, ending.firstMeasure);
        auto& endings = score_.timeline.endings;
        const bool known = std::any_of(endings.begin(), endings.end(),
                                       [&](const score::Ending& e) { return e.firstMeasure == ending.firstMeasure; });
        if (!known) endings.push_back(std::move(ending));
    }

    // ---- fields in the tune body -------------------------------------------------------------

    void bodyField(const AbcToken& token) {
        const std::string_view value = token.text;
        if (token.name != 'w' && token.name != '+') lyricsBlockOpen_ = false;
        switch (token.name) {
            case 'K':
                keyChange(token);
                break;
            case 'M':
                meterChange(token);
                break;
            case 'L':
                if (auto length = parseUnitLength(value)) {
                    if (Voice* v = voice(token)) v->unitLength = *length;
                } else {
                    warn(token, "L:" + std::string{value} + " is not a note length; ignored");
                }
                break;
            case 'Q':
                tempoChange(token);
                break;
            case 'V':
                switchVoice(token);
                break;
            case 'P':
                section(token);
                break;
            case 'T':
                if (Voice* v = voice(token)) {
                    score::TextMark mark;
                    mark.text = value;
                    v->texts.push_back(std::move(mark));
                }
                break;
            case 'w':
                lyricsLine(token, false);
                lastFieldName_ = 'w';
                break;
            case 'X':
                break;
            default:
                textField(token, false);
                break;
        }
    }

    void keyChange(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        KeyField field = parseKey(token.text);
        reportUnknown(token, 'K', field.staff.unknown);
        applyStaff(v, field.staff, false);
        if (!field.key) return;
        setKey(v, *field.key);
        if (!ensureMeasure(token, v.measure)) return;
        const core::Rational offset = exact(v.current().offset);
        auto& keys = score_.timeline.measures[v.measure].keys;
        std::erase_if(keys, [&](const score::KeyChange& change) { return change.offset == offset; });
        keys.push_back({offset, std::move(*field.key)});
        std::stable_sort(keys.begin(), keys.end(),
                         [](const score::KeyChange& a, const score::KeyChange& b) { return a.offset < b.offset; });
    }

    void meterChange(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        const auto meter = parseMeter(token.text);
        if (!meter) {
            warn(token, "M:" + std::string{token.text} + " is not a meter; ignored");
            return;
        }
        v.meter = *meter;
        if (v.measureHasContent) {
            v.meterFromNextBar = *meter;  // the model changes meters at bar lines
        } else {
            setMeter(token, v.measure, *meter);
        }
    }

    void tempoChange(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        auto tempo = parseTempo(token.text, v.unitLength);
        if (!tempo) {
            warn(token, "Q:" + std::string{token.text} + " is not a tempo; ignored");
            return;
        }
        if (!tempo->mark) {
            score::TextMark mark;
            mark.text = tempo->text;
            v.texts.push_back(std::move(mark));
            return;
        }
        if (!ensureMeasure(token, v.measure)) return;
        tempo->mark->offset = exact(v.current().offset);
        addTempo(v.measure, std::move(*tempo->mark));
    }

    void addTempo(std::uint32_t measure, score::TempoMark mark) {
        auto& tempos = score_.timeline.measures[measure].tempos;
        std::erase_if(tempos, [&](const score::TempoMark& t) { return t.offset == mark.offset; });
        tempos.push_back(std::move(mark));
        std::stable_sort(tempos.begin(), tempos.end(),
                         [](const score::TempoMark& a, const score::TempoMark& b) { return a.offset < b.offset; });
    }

    // P:A in the body: part A starts here. A part starts a bar, so a measure left open before it
    // ends here (the Nottingham books write an introduction's last note and then "P:A" on the
    // next line without a bar line).
    void section(const AbcToken& token) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        const std::string_view label = trimmed(token.text);
        if (label.empty()) return;
        closeGroups(token);
        if (v.measureHasContent && !closeMeasure(token, v)) return;
        const std::uint32_t first = v.measure;
        const auto known = std::find_if(sections_.begin(), sections_.end(),
                                        [&](const score::Section& s) { return s.firstMeasure == first; });
        if (known != sections_.end()) {
            known->label = label;  // two parts named at one bar: the later name wins
            return;
        }
        if (sections_.size() == kMostSections) {
            warn(token, "more than 256 parts (P:); ignored");
            return;
        }
        sections_.push_back({std::string{label}, first, first});
    }

    // w: syllables under the notes of the music lines since the last w: block; several w: lines in
    // a row are verses under the same notes.
    void lyricsLine(const AbcToken& token, bool continued) {
        Voice* voicePtr = voice(token);
        if (voicePtr == nullptr) return;
        Voice& v = *voicePtr;
        if (!continued) {
            if (lyricsBlockOpen_ && lyricsVoice_ == current_) {
                verse_ = static_cast<std::uint8_t>(std::min<int>(verse_ + 1, kMostVerses));
            } else {
                // The notes since the last block: rests, grace notes and overlaid voices take no syllable.
                lyricTargets_.clear();
                const auto& events = score_.parts[v.part].events;
                for (std::size_t i = v.lyricsFrom; i < events.size(); ++i) {
                    const score::Event& event = events[i];
                    if (!event.notes.empty() && !event.grace && event.voice == v.laneVoices[0]) {
                        lyricTargets_.push_back({event.id, event.measure});
                    }
                }
                v.lyricsFrom = events.size();
                verse_ = 1;
            }
            lyricCursor_ = 0;
            lastSyllable_ = kNone;
        }
        lyricsBlockOpen_ = true;
        lyricsVoice_ = current_;
        const std::size_t end = lyricTargets_.size();
        std::size_t unplaced = 0;
        for (LyricStep& step : splitLyrics(token.text)) {
            switch (step.kind) {
                case LyricStep::Kind::Syllable:
                    if (lyricCursor_ >= end) {
                        ++unplaced;
                        break;
                    }
                    lastSyllable_ = score_.layers.lyrics.size();
                    score_.layers.lyrics.push_back(
                        {lyricTargets_[lyricCursor_++].event, verse_, std::move(step.text), step.syllabic, false});
                    break;
                case LyricStep::Kind::Hold:
                    if (lastSyllable_ != kNone) score_.layers.lyrics[lastSyllable_].extend = true;
                    [[fallthrough]];
                case LyricStep::Kind::Skip:
                    if (lyricCursor_ < end) ++lyricCursor_;
                    break;
                case LyricStep::Kind::NextBar:
                    if (lyricCursor_ > 0 && lyricCursor_ < end) {
                        const std::uint32_t bar = lyricTargets_[lyricCursor_ - 1].measure;
                        while (lyricCursor_ < end && lyricTargets_[lyricCursor_].measure == bar) ++lyricCursor_;
                    }
                    break;
            }
        }
        if (unplaced > 0) {
            warn(token, std::to_string(unplaced) + " syllable(s) more than the notes above them; dropped");
        }
    }

    // ---- the end of the tune -----------------------------------------------------------------

    void finish() {
        const AbcToken& last = *lastToken_;
        if (inHeader_) finishHeader();
        closeGroups(last);
        for (Voice& v : voices_) {
            if (v.measureHasContent && !closeMeasure(last, v)) return;
            placeLeftovers(last, v);
            for (Lane& lane : v.lanes) dropTies(last, v, lane);
        }
        // Attributes written after the last music (a final "|:" or M:) make no measure of their own.
        std::size_t used = touched_.size();
        while (used > 0 && !touched_[used - 1]) --used;
        auto& timeline = score_.timeline;
        if (used == 0) {
            fail(*firstToken_, core::ErrorCode::ParseError, "the tune has no music");
            return;
        }
        const auto lastMeasure = static_cast<std::uint32_t>(used - 1);
        moveAfterTheEnd(lastMeasure);
        timeline.measures.resize(used);
        for (Voice& v : voices_) {
            if (v.ending) closeEnding(v, std::min(v.measure, lastMeasure));
        }
        std::erase_if(timeline.endings, [&](const score::Ending& e) { return e.firstMeasure > lastMeasure; });
        for (score::Ending& e : timeline.endings) e.lastMeasure = std::min(e.lastMeasure, lastMeasure);
        std::sort(timeline.endings.begin(), timeline.endings.end(),
                  [](const score::Ending& a, const score::Ending& b) { return a.firstMeasure < b.firstMeasure; });
        for (std::size_t i = 0; i < used; ++i) timeline.measures[i].duration = exact(measureLengths_[i]);

        score::Measure& first = timeline.measures.front();
        metered_ = first.time.has_value() || !headerMeter_.free;
        if (!first.time) first.time = headerMeter_.free ? score::TimeSignature{} : headerMeter_.time;
        if (first.keys.empty() || !first.keys.front().offset.isZero()) {
            first.keys.insert(first.keys.begin(), {core::Rational{}, headerKeySignature_});
        }
        if (headerTempoValue_) {
            if (headerTempoValue_->mark && (first.tempos.empty() || !first.tempos.front().offset.isZero())) {
                first.tempos.insert(first.tempos.begin(), *headerTempoValue_->mark);
            } else if (!headerTempoValue_->mark) {
                score_.layers.notation.texts.push_back({{}, 1, {}, headerTempoValue_->text, true});
            }
        }
        numberMeasures();
        buildForm(lastMeasure);
        if (hasOverlays_ || partsShared_) {
            for (score::Part& part : score_.parts) {
                std::stable_sort(part.events.begin(), part.events.end(),
                                 [](const score::Event& a, const score::Event& b) {
                                     return a.measure != b.measure ? a.measure < b.measure : a.offset < b.offset;
                                 });
            }
        }
        if (voices_.size() > 1 || hasOverlays_) sortLayers();
        dropSilentParts();
        if (!words_.empty()) score_.layers.notation.texts.push_back({{}, 1, {lastMeasure, {}}, words_, false});
        writeExtension();
    }

    // Marks written after the last note (a closing !D.C.!, a clef or a hairpin's end after the last
    // bar line) stand at the end of the music.
    void moveAfterTheEnd(std::uint32_t lastMeasure) {
        auto& measures = score_.timeline.measures;
        const score::ScorePosition end{lastMeasure, exact(measureLengths_[lastMeasure])};
        const auto clamp = [&](score::ScorePosition& at) {
            if (at.measure > lastMeasure) at = end;
        };
        for (std::size_t m = lastMeasure + 1; m < measures.size(); ++m) {
            for (score::Navigation& mark : measures[m].navigation) {
                mark.offset = end.offset;
                measures[lastMeasure].navigation.push_back(std::move(mark));
            }
        }
        for (score::Clef& clef : score_.layers.notation.clefs) clamp(clef.at);
        for (score::Hairpin& hairpin : score_.layers.notation.hairpins) {
            clamp(hairpin.from);
            clamp(hairpin.to);
        }
    }

    // Chord symbols, texts and dynamics written after the voice's last note stand at its end.
    void placeLeftovers(const AbcToken& last, Voice& v) {
        if (v.chords.empty() && v.texts.empty() && v.dynamics.empty()) return;
        score::ScorePosition end{};
        if (v.measure > 0) end = {v.measure - 1, exact(measureLengths_[v.measure - 1])};
        if (!v.chords.empty()) placeChordSymbols(v, end);
        if (v.measure == 0 && !ensureMeasure(last, 0)) return;
        placeWaitingMarks(v, end);
    }

    // "1", "2", …; an opening measure shorter than its meter is a pickup, "0".
    void numberMeasures() {
        auto& measures = score_.timeline.measures;
        score::Measure& first = measures.front();
        const bool pickup = measures.size() > 1 && metered_ &&
                            toFraction(first.duration) < Fraction{first.time->numerator, first.time->denominator};
        first.pickup = pickup;
        const std::size_t base = pickup ? 0 : 1;
        for (std::size_t i = 0; i < measures.size(); ++i) measures[i].number = std::to_string(i + base);
    }

    // The form: the header's part order (P:AABB, or the Nottingham Y:) played through the body's
    // parts when every label is there, else the body's parts as written.
    void buildForm(std::uint32_t lastMeasure) {
        std::erase_if(sections_, [&](const score::Section& s) { return s.firstMeasure > lastMeasure; });
        std::stable_sort(sections_.begin(), sections_.end(), [](const score::Section& a, const score::Section& b) {
            return a.firstMeasure < b.firstMeasure;
        });
        for (std::size_t i = 0; i < sections_.size(); ++i) {
            const std::uint32_t next = i + 1 < sections_.size() ? sections_[i + 1].firstMeasure : lastMeasure + 1;
            sections_[i].lastMeasure = next - 1;  // sections start at different bars: next > first
        }
        auto& form = score_.layers.form;
        const AbcToken* orderToken = partOrder_ ? partOrder_ : yOrder_;
        if (orderToken) {
            if (const auto order = expandPartOrder(orderToken->text, kMostSections)) {
                for (const char label : *order) {
                    const auto found = std::find_if(sections_.begin(), sections_.end(), [&](const score::Section& s) {
                        return s.label.size() == 1 && s.label.front() == label;
                    });
                    if (found == sections_.end()) {
                        form.clear();
                        break;
                    }
                    form.push_back(*found);
                }
            } else {
                pending_.push_back({core::fail(core::ErrorCode::ParseError,
                                               std::string{orderToken->name} + ":" + std::string{orderToken->text} +
                                                   " is not a part order; the parts are kept as written",
                                               at(*orderToken)),
                                    kNoMeasure});
            }
        }
        if (form.empty()) form = std::move(sections_);
    }

    void sortLayers() {
        const auto byPlace = [](const score::ScorePosition& a, const score::ScorePosition& b) {
            return a.measure != b.measure ? a.measure < b.measure : a.offset < b.offset;
        };
        auto& chords = score_.layers.chords;
        std::stable_sort(chords.begin(), chords.end(),
                         [&](const score::ChordSymbol& a, const score::ChordSymbol& b) { return byPlace(a.at, b.at); });
        auto& texts = score_.layers.notation.texts;
        std::stable_sort(texts.begin(), texts.end(),
                         [&](const score::TextMark& a, const score::TextMark& b) { return byPlace(a.at, b.at); });
    }

    // A voice declared in the header that never has a note makes no part.
    void dropSilentParts() {
        if (score_.parts.size() < 2) return;
        std::vector<std::string> silent;
        for (const score::Part& part : score_.parts) {
            if (part.events.empty()) silent.push_back(part.id);
        }
        if (silent.empty() || silent.size() == score_.parts.size()) return;
        const auto isSilent = [&](const std::string& id) {
            return std::find(silent.begin(), silent.end(), id) != silent.end();
        };
        std::erase_if(score_.parts, [&](const score::Part& p) { return isSilent(p.id); });
        auto& notation = score_.layers.notation;
        std::erase_if(notation.clefs, [&](const score::Clef& c) { return isSilent(c.partId); });
        std::erase_if(notation.hairpins, [&](const score::Hairpin& h) { return isSilent(h.partId); });
        // Texts and chord symbols written in a voice with no notes still belong to the music.
        for (score::TextMark& text : notation.texts) {
            if (isSilent(text.partId)) text.partId.clear();
        }
        for (score::ChordSymbol& chord : score_.layers.chords) {
            if (isSilent(chord.partId)) chord.partId.clear();
        }
    }

    // ABC fields the model has no place for (the reference number, notes, history, discography,
    // transcription, the part order as written) stay in extensions["abc"] as {"X": "3", …}.
    void writeExtension() {
        if (!referenceNumber_.empty()) extensionFields_.emplace_back('X', referenceNumber_);
        if (partOrder_) extensionFields_.emplace_back('P', partOrder_->text);
        if (yOrder_) extensionFields_.emplace_back('Y', yOrder_->text);
        if (extensionFields_.empty()) return;
        std::stable_sort(extensionFields_.begin(), extensionFields_.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        std::string json = "{";
        for (std::size_t i = 0; i < extensionFields_.size();) {
            const char name = extensionFields_[i].first;
            std::string value;
            for (; i < extensionFields_.size() && extensionFields_[i].first == name; ++i) {
                appendLine(value, extensionFields_[i].second, "\n");
            }
            if (json.size() > 1) json += ',';
            appendJsonString(json, std::string_view{&name, 1});
            json += ':';
            appendJsonString(json, value);
        }
        json += '}';
        score_.extensions["abc"] = std::move(json);
    }

    const std::string& fileName_;
    std::vector<core::Error>& warnings_;
    RationalCache& exact_;
    std::vector<PendingWarning> pending_;
    std::optional<core::Error> fatal_;
    score::Score score_;
    std::string_view referenceNumber_;
    const AbcToken* firstToken_ = nullptr;
    const AbcToken* lastToken_ = nullptr;

    // The header, and the file header before the first tune.
    bool inHeader_ = true;
    Meter headerMeter_{.time = {}, .free = true};
    std::optional<Fraction> headerUnit_;
    Fraction unitLength_{1, 8};
    const AbcToken* headerKey_ = nullptr;
    score::KeySignature headerKeySignature_{};
    StaffParameters headerStaff_{};
    const AbcToken* headerTempo_ = nullptr;
    std::optional<Tempo> headerTempoValue_;
    std::vector<const AbcToken*> headerVoices_;
    const AbcToken* partOrder_ = nullptr;
    const AbcToken* yOrder_ = nullptr;
    score::Metadata fileMetadata_{};
    std::uint8_t defaultProgram_ = 0;
    std::array<std::string_view, 128> userSymbols_{};
    char lastFieldName_ = 0;

    // How the voices share parts and staves (%%score).
    std::optional<StaffLayout> layout_;
    std::string_view layoutText_;
    std::vector<std::uint8_t> layoutPartUsed_;  // by the layout's part: some V: names one of its voices
    std::vector<std::size_t> layoutParts_;      // the score's part for each of the layout's, once made
    std::vector<PartVoices> partVoices_;        // by part
    bool partsShared_ = false;                  // some part has several voices, written one after another
    bool musicStarted_ = false;

    // The body.
    std::vector<Voice> voices_;
    std::size_t current_ = kNone;
    std::vector<Fraction> measureLengths_;
    std::vector<std::uint8_t> touched_;  // measures some voice put music in (bytes: vector<bool> grows slowly)
    std::vector<score::Section> sections_;
    std::vector<std::pair<char, std::string>> extensionFields_;
    std::string words_;
    std::vector<std::string_view> fingers_;
    bool hasOverlays_ = false;
    bool afterEvent_ = false;  // nothing but blanks, ties, slur ends and grace notes since the last event
    std::size_t eventsExpected_ = 0;
    bool metered_ = false;  // the first measure has a meter from the tune, not the default

    bool chordOpen_ = false;
    const AbcToken* chordStartToken_ = nullptr;
    std::vector<score::Note> chordNotes_;
    std::vector<std::size_t> chordTies_;
    Fraction chordLength_{};
    bool graceOpen_ = false;
    bool graceSlash_ = false;

    bool lyricsBlockOpen_ = false;
    std::size_t lyricsVoice_ = kNone;
    std::uint8_t verse_ = 1;
    std::vector<LyricTarget> lyricTargets_;  // the notes the current block of w: lines is sung under
    std::size_t lyricCursor_ = 0;
    std::size_t lastSyllable_ = kNone;
};

}  // namespace

core::Result<score::Score> readTune(const TuneTokens& tokens, const std::string& fileName,
                                    std::vector<core::Error>& warnings, RationalCache& exact) {
    return TuneReader{fileName, warnings, exact}.read(tokens);
}

}  // namespace mos::formats::abc
