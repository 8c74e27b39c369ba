#include "mos/analysis/HarmonicAnalysis.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <vector>

#include "mos/analysis/BeatUnits.hpp"
#include "mos/analysis/ChordFunction.hpp"
#include "mos/analysis/SoundingNotes.hpp"
#include "mos/theory/ChordNaming.hpp"
#include "mos/theory/Interval.hpp"

namespace mos::analysis {
namespace {

theory::Key keyAt(const KeyAnalysis& keys, const score::ScorePosition& at) {
    theory::Key key = keys.global.key;
    for (const KeyRegion& region : keys.regions) {
        if (region.start.measure > at.measure) break;
        key = region.key;
    }
    return key;
}

// A note name the score writes, with how long it sounds within a region.
struct WrittenName {
    theory::NoteName name;
    double weight = 0;
};

// The names the score writes for the notes sounding within [start, end), weighted by how long
// each sounds there. `notes` is in onset order; `longest` is the longest note's duration.
std::vector<WrittenName> writtenNames(std::span<const SoundingNote> notes, const core::Rational& longest,
                                      const core::Rational& start, const core::Rational& end) {
    std::vector<WrittenName> names;
    auto note = std::lower_bound(notes.begin(), notes.end(), start - longest,
                                 [](const SoundingNote& n, const core::Rational& time) { return n.onset < time; });
    for (; note != notes.end() && note->onset < end; ++note) {
        const core::Rational from = std::max(note->onset, start);
        const core::Rational to = std::min(note->end(), end);
        if (!(from < to)) continue;
        const double weight = (to - from).toDouble();
        const theory::NoteName name = note->pitch.name();
        const auto same =
            std::find_if(names.begin(), names.end(), [&](const WrittenName& w) { return w.name == name; });
        if (same == names.end()) {
            names.push_back({name, weight});
        } else {
            same->weight += weight;
        }
    }
    return names;
}

// The score's name for a pitch class: the one sounding longest; none when it is not written.
std::optional<theory::NoteName> writtenName(std::span<const WrittenName> names, int pitchClass) {
    const WrittenName* best = nullptr;
    for (const WrittenName& w : names) {
        if (w.name.pitchClass() == pitchClass && (best == nullptr || w.weight > best->weight)) best = &w;
    }
    return best == nullptr ? std::nullopt : std::optional{best->name};
}

// A diminished seventh or an augmented triad has the same pitch classes on several roots; the
// root is the one the score's spelling stacks in thirds from (B D F Ab: B; G# B D F: G#). Returns
// that root's name, or none when the spelling does not tell.
std::optional<theory::NoteName> symmetricRootBySpelling(const HarmonicChord& chord,
                                                        std::span<const WrittenName> names) {
    int step = 0;
    if (chord.shape == theory::RomanQuality::DiminishedSeventh) step = 3;
    if (chord.shape == theory::RomanQuality::Augmented) step = 4;
    if (step == 0) return std::nullopt;
    const std::uint16_t mask = chordShapeMask(chord.shape);
    double bestWeight = 0;
    std::optional<theory::NoteName> best;
    for (int root = chord.root % step; root < 12; root += step) {
        // Each written chord tone implies the letter of the root it is a third, fifth or seventh
        // above; the letter most of the sounding time implies wins.
        std::array<double, 7> byLetter{};
        for (const WrittenName& w : names) {
            const int interval = (w.name.pitchClass() - root + 12) % 12;
            if (((mask >> interval) & 1U) == 0) continue;
            const int member = interval / step;
            byLetter[static_cast<std::size_t>((static_cast<int>(w.name.step) - 2 * member + 14) % 7)] += w.weight;
        }
        const auto letter = std::max_element(byLetter.begin(), byLetter.end());
        if (*letter > bestWeight) {
            bestWeight = *letter;
            const auto rootStep = static_cast<theory::Step>(letter - byLetter.begin());
            const int alter = (root - theory::naturalSemitone(rootStep) + 18) % 12 - 6;
            if (alter >= -2 && alter <= 2) best = theory::NoteName{rootStep, static_cast<std::int8_t>(alter)};
        }
    }
    return best;
}

// The chord a segmentation region found, spelled as the score writes it where it can tell, else
// in the key: the root as written (or as the key spells it), the other tones by their intervals
// above the root, the bass as the chord tone it is.
theory::ChordSymbol spell(HarmonicChord chord, const theory::Key& key, std::span<const WrittenName> names) {
    theory::ChordSymbol symbol;
    symbol.root = symmetricRootBySpelling(chord, names)
                      .value_or(writtenName(names, chord.root).value_or(theory::spellPitchClass(chord.root, key)));
    chord.root = symbol.root.pitchClass();  // a symmetric chord may take another of its roots
    switch (chord.shape) {
        case theory::RomanQuality::Major:
            break;
        case theory::RomanQuality::Minor:
            symbol.triad = theory::TriadQuality::Minor;
            break;
        case theory::RomanQuality::Diminished:
            symbol.triad = theory::TriadQuality::Diminished;
            break;
        case theory::RomanQuality::Augmented:
            symbol.triad = theory::TriadQuality::Augmented;
            break;
        case theory::RomanQuality::DominantSeventh:
            symbol.seventh = theory::SeventhKind::Minor;
            break;
        case theory::RomanQuality::MajorSeventh:
            symbol.seventh = theory::SeventhKind::Major;
            break;
        case theory::RomanQuality::MinorSeventh:
            symbol.triad = theory::TriadQuality::Minor;
            symbol.seventh = theory::SeventhKind::Minor;
            break;
        case theory::RomanQuality::HalfDiminishedSeventh:
            symbol.triad = theory::TriadQuality::Diminished;
            symbol.seventh = theory::SeventhKind::Minor;
            break;
        case theory::RomanQuality::DiminishedSeventh:
            symbol.triad = theory::TriadQuality::Diminished;
            symbol.seventh = theory::SeventhKind::Diminished;
            break;
        default:  // the segmentation finds only the nine template qualities
            break;
    }
    if (chord.bass != chord.root) {
        symbol.bass = theory::spellPitchClass(chord.bass, key);
        for (const theory::Interval& interval : symbol.intervals()) {
            if ((chord.root + interval.semitones) % 12 == chord.bass)
                symbol.bass = theory::transpose(symbol.root, interval);
        }
    }
    return symbol;
}

// A chord symbol as written in the score: parsed from its text, else its root as a major triad.
std::optional<theory::ChordSymbol> writtenChord(const score::ChordSymbol& written) {
    if (written.noChord) {
        theory::ChordSymbol none;
        none.noChord = true;
        return none;
    }
    if (auto parsed = theory::ChordSymbol::parse(written.text)) return *parsed;
    if (!written.root) return std::nullopt;
    theory::ChordSymbol symbol;
    symbol.root = {written.root->step, written.root->alter};
    if (written.bass) symbol.bass = theory::NoteName{written.bass->step, written.bass->alter};
    return symbol;
}

std::vector<AnalyzedChord> chordsFromSymbols(const score::Score& score, const std::vector<core::Rational>& starts) {
    struct Written {
        core::Rational start;
        score::ScorePosition at;
        theory::ChordSymbol symbol;
    };
    std::vector<Written> written;
    for (const score::ChordSymbol& chord : score.layers.chords) {
        if (chord.alternate || chord.at.measure + 1 >= starts.size()) continue;
        if (auto symbol = writtenChord(chord))
            written.push_back({starts[chord.at.measure] + chord.at.offset, chord.at, *symbol});
    }
    std::stable_sort(written.begin(), written.end(),
                     [](const Written& a, const Written& b) { return a.start < b.start; });
    // Only N.C. written everywhere says nothing about the harmony.
    if (std::none_of(written.begin(), written.end(), [](const Written& w) { return !w.symbol.noChord; })) return {};
    std::vector<AnalyzedChord> chords;
    for (std::size_t i = 0; i < written.size(); ++i) {
        // Symbols written over several parts at one place are one chord: the last one counts.
        if (i + 1 < written.size() && written[i + 1].start == written[i].start) continue;
        AnalyzedChord& chord = chords.emplace_back();
        chord.at = written[i].at;
        chord.start = written[i].start;
        chord.symbol = written[i].symbol;
        chord.written = true;
    }
    for (std::size_t i = 0; i < chords.size(); ++i)
        chords[i].end = i + 1 < chords.size() ? chords[i + 1].start : starts.back();
    return chords;
}

std::vector<AnalyzedChord> chordsFromNotes(std::span<const SoundingNote> notes, const BeatUnits& beats,
                                           const KeyAnalysis& keys, const SegmentationOptions& options) {
    core::Rational longest{};
    for (const SoundingNote& note : notes) longest = std::max(longest, note.duration);
    std::vector<theory::Key> unitKeys;
    unitKeys.reserve(beats.positions.size());
    for (const score::ScorePosition& at : beats.positions) unitKeys.push_back(keyAt(keys, at));
    std::vector<AnalyzedChord> chords;
    for (const HarmonicRegion& region : segmentHarmony(beats.units, unitKeys, options)) {
        AnalyzedChord& chord = chords.emplace_back();
        chord.at = beats.positions[region.firstUnit];
        chord.start = beats.starts[region.firstUnit];
        chord.end = region.endUnit < beats.starts.size() ? beats.starts[region.endUnit] : beats.end;
        chord.key = unitKeys[region.firstUnit];
        chord.symbol = spell(region.chord, chord.key, writtenNames(notes, longest, chord.start, chord.end));
        chord.fit = region.fit;
    }
    return chords;
}

bool isDegree(const theory::RomanNumeral& numeral, int degree) {
    return numeral.kind == theory::RomanKind::Degree && numeral.degree == degree && numeral.alter == 0 &&
           numeral.appliedTo.empty();
}

bool isDominant(const theory::RomanNumeral& numeral) { return isDegree(numeral, 5) && numeral.upperCase; }

// The highest note sounding when `time` begins.
std::optional<int> topPitchClassAt(std::span<const SoundingNote> notes, const core::Rational& time) {
    int top = -1;
    std::optional<int> pitchClass;
    for (const SoundingNote& note : notes) {
        if (note.onset > time) break;
        if (note.end() > time && note.midiNumber() > top) {
            top = note.midiNumber();
            pitchClass = note.pitchClass();
        }
    }
    return pitchClass;
}

// Whether the music breathes at `time`: nothing sounds just before it … or the score ends there.
bool phraseEndsAt(std::span<const SoundingNote> notes, const core::Rational& time, const core::Rational& scoreEnd) {
    if (time >= scoreEnd) return true;
    for (const SoundingNote& note : notes) {
        if (note.onset >= time) break;
        if (note.end() >= time) return false;
    }
    return true;
}

std::vector<FoundCadence> findCadences(const std::vector<AnalyzedChord>& chords, std::span<const SoundingNote> notes,
                                       const core::Rational& scoreEnd) {
    std::vector<FoundCadence> cadences;
    for (std::size_t i = 0; i + 1 < chords.size(); ++i) {
        const AnalyzedChord& before = chords[i];
        const AnalyzedChord& arrival = chords[i + 1];
        if (!before.numeral || !arrival.numeral || !(before.key == arrival.key)) continue;
        const theory::RomanNumeral& from = *before.numeral;
        const theory::RomanNumeral& to = *arrival.numeral;
        // Cadences arrive on a downbeat, or end the piece.
        const bool strong = arrival.at.offset == core::Rational{} || i + 2 == chords.size();
        if (!strong) continue;
        std::optional<score::CadenceKind> kind;
        if (isDominant(from) && isDegree(to, 1)) {
            const auto top = topPitchClassAt(notes, arrival.start);
            const bool perfect =
                from.inversion() == 0 && to.inversion() == 0 && top && *top == arrival.key.tonic.pitchClass();
            kind = perfect ? score::CadenceKind::Perfect : score::CadenceKind::Imperfect;
        } else if (isDominant(from) && isDegree(to, 6) && to.inversion() == 0) {
            kind = score::CadenceKind::Deceptive;
        } else if (isDegree(from, 4) && from.inversion() == 0 && isDegree(to, 1) && to.inversion() == 0 &&
                   phraseEndsAt(notes, arrival.end, scoreEnd)) {
            kind = score::CadenceKind::Plagal;
        }
        if (kind) cadences.push_back({arrival.at, *kind, arrival.key});
    }
    // A half cadence: a phrase that stops on V.
    for (const AnalyzedChord& chord : chords) {
        if (!chord.numeral || !isDominant(*chord.numeral) || chord.numeral->inversion() != 0) continue;
        if (chord.numeral->hasSeventh()) continue;
        if (phraseEndsAt(notes, chord.end, scoreEnd))
            cadences.push_back({chord.at, score::CadenceKind::Half, chord.key});
    }
    std::sort(cadences.begin(), cadences.end(), [](const FoundCadence& a, const FoundCadence& b) {
        return a.at.measure != b.at.measure ? a.at.measure < b.at.measure : a.at.offset < b.at.offset;
    });
    return cadences;
}

// A tonic six-four whose bass stays for the V after it decorates a cadence.
bool isCadentialSixFour(const AnalyzedChord& chord, const AnalyzedChord* next) {
    if (next == nullptr || chord.symbol.noChord || next->symbol.noChord) return false;
    const int tonic = chord.key.tonic.pitchClass();
    const int dominant = (tonic + 7) % 12;
    return chord.symbol.root.pitchClass() == tonic && chord.symbol.bassPitchClass() == dominant &&
           next->symbol.root.pitchClass() == dominant && next->symbol.bassPitchClass() == dominant;
}

// How the chords of each measure function in a key: the evidence the key regions add to the
// notes', per whole note of each chord. A chord foreign to the key speaks against it, an applied
// dominant a little; a dominant resolving to the tonic speaks for it. (Bonuses for tonic and
// dominant chords by themselves found fewer of the When-in-Rome analysts' local keys.)
MeasureKeyEvidence chordFunctionEvidence(std::span<const AnalyzedChord> chords,
                                         std::span<const core::Rational> starts) {
    constexpr double kApplied = -0.1;
    constexpr double kForeign = -0.4;
    constexpr double kResolution = 0.3;  // per arrival, whatever its length
    return [chords, starts](std::size_t measure, const theory::Key& key) {
        if (measure + 1 >= starts.size()) return 0.0;
        const core::Rational& from = starts[measure];
        const core::Rational& to = starts[measure + 1];
        const auto first = std::partition_point(chords.begin(), chords.end(),
                                                [&](const AnalyzedChord& chord) { return chord.end <= from; });
        double sum = 0;
        for (auto chord = first; chord != chords.end() && chord->start < to; ++chord) {
            if (chord->symbol.noChord) continue;
            const ChordFunction function = chordFunction(chord->symbol, key);
            const double length = (std::min(chord->end, to) - std::max(chord->start, from)).toDouble();
            if (function == ChordFunction::Applied) sum += kApplied * length;
            if (function == ChordFunction::Foreign) sum += kForeign * length;
            if (function == ChordFunction::Tonic && chord != chords.begin() && chord->start >= from &&
                !(chord - 1)->symbol.noChord && chordFunction((chord - 1)->symbol, key) == ChordFunction::Dominant) {
                sum += kResolution;
            }
        }
        return sum;
    };
}

}  // namespace

HarmonicAnalysis analyzeHarmony(const score::Score& score, const HarmonicAnalysisOptions& options) {
    HarmonicAnalysis analysis;
    const std::vector<SoundingNote> notes = soundingNotes(score);
    const KeyFinder finder{options.keys};
    analysis.keys = finder.analyze(score, notes);
    const std::vector<core::Rational> starts = score::measureStarts(score.timeline);
    if (options.useWrittenChords) analysis.chords = chordsFromSymbols(score, starts);
    if (analysis.chords.empty()) {
        analysis.chords = chordsFromNotes(notes, beatUnits(score, notes), analysis.keys, options.segmentation);
    }
    // The chords, found or written, tell the keys again by how they function in them.
    analysis.keys = finder.analyze(score, notes, chordFunctionEvidence(analysis.chords, starts));
    for (AnalyzedChord& chord : analysis.chords) chord.key = keyAt(analysis.keys, chord.at);
    for (std::size_t i = 0; i < analysis.chords.size(); ++i) {
        AnalyzedChord& chord = analysis.chords[i];
        if (chord.symbol.noChord) continue;
        const AnalyzedChord* next = i + 1 < analysis.chords.size() ? &analysis.chords[i + 1] : nullptr;
        const theory::RomanReadingOptions reading{isCadentialSixFour(chord, next)};
        if (auto numeral = theory::RomanNumeral::fromChord(chord.symbol, chord.key, reading)) chord.numeral = *numeral;
    }
    analysis.cadences = findCadences(analysis.chords, notes, starts.empty() ? core::Rational{} : starts.back());
    return analysis;
}

namespace {

// How RomanText writes a key: upper case for major, lower case for minor ("C", "f#").
std::string romanTextKey(const theory::Key& key) {
    std::string text = key.tonic.toString();
    if (key.mode == theory::Mode::Minor || key.mode == theory::Mode::Aeolian) {
        text.front() = static_cast<char>(text.front() - 'A' + 'a');
    }
    return text;
}

score::PitchName pitchName(const theory::NoteName& name) { return {name.step, name.alter}; }

}  // namespace

void writeAnalysis(score::Score& score, const HarmonicAnalysis& analysis) {
    score::AnalysisLayer layer;
    for (const KeyRegion& region : analysis.keys.regions) {
        layer.keys.push_back({region.start, pitchName(region.key.tonic), region.key.mode});
    }
    for (const AnalyzedChord& chord : analysis.chords) {
        if (chord.numeral) layer.numerals.push_back({chord.at, chord.numeral->toString(), romanTextKey(chord.key)});
    }
    for (const FoundCadence& cadence : analysis.cadences) layer.cadences.push_back({cadence.at, cadence.kind});
    score.layers.analysis = std::move(layer);

    if (!score.layers.chords.empty()) return;
    for (const AnalyzedChord& chord : analysis.chords) {
        score::ChordSymbol symbol;
        symbol.at = chord.at;
        symbol.text = chord.symbol.toString(theory::ChordStyle::Pop);
        symbol.noChord = chord.symbol.noChord;
        if (!chord.symbol.noChord) {
            symbol.root = pitchName(chord.symbol.root);
            symbol.kind = std::string{chord.symbol.musicXmlKind()};
            if (chord.symbol.bass) symbol.bass = pitchName(*chord.symbol.bass);
        }
        score.layers.chords.push_back(std::move(symbol));
    }
}

}  // namespace mos::analysis
