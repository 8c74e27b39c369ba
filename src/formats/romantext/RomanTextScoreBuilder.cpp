// The second pass: beats become exact positions in their measure's meter, and the document's marks
// fill the timeline (measures, meters, key signatures, repeats, endings), the analysis layer
// (numerals and key regions), the form, the annotations and the metadata.

#include <algorithm>
#include <map>

#include "formats/romantext/RomanTextDocument.hpp"
#include "formats/romantext/RomanTextLines.hpp"
#include "mos/core/JsonWriter.hpp"

namespace mos::formats::romantext {
namespace {

using core::ErrorCode;
using core::Rational;
using score::ScorePosition;

class ScoreBuilder {
public:
    ScoreBuilder(const Document& document, const std::string& fileName, std::vector<core::Error>& warnings)
        : doc_{document}, fileName_{fileName}, warnings_{warnings} {}

    score::Score build() {
        settleAmbiguousBeats();
        buildTimeline();
        measurePickup();
        buildAnalysis();
        buildForm();
        buildAnnotations();
        buildMetadata();
        return std::move(score_);
    }

private:
    const Meter& meterOf(std::size_t measure) const { return doc_.meters[doc_.measures[measure].meter]; }

    Rational beatLengthOf(std::size_t measure) const {
        return beatLength(meterOf(measure), eachNoteABeat_[doc_.measures[measure].meter]);
    }

    // A 3/8 passage counts its eighths when any of its marks stands at b2 or later.
    void settleAmbiguousBeats() {
        eachNoteABeat_.assign(doc_.meters.size(), false);
        const auto late = [](const auto& marks) {
            return std::any_of(marks.begin(), marks.end(), [](const auto& mark) { return mark.beat >= Rational{2}; });
        };
        for (const MeasureRecord& measure : doc_.measures) {
            if (!hasAmbiguousBeat(doc_.meters[measure.meter])) continue;
            if (late(measure.numerals) || late(measure.keys) || late(measure.signatures)) {
                eachNoteABeat_[measure.meter] = true;
            }
        }
    }

    void buildTimeline() {
        const score::TimeSignature* previous = nullptr;
        for (const MeasureRecord& record : doc_.measures) {
            score::Measure& measure = score_.timeline.measures.emplace_back();
            const score::TimeSignature& signature = doc_.meters[record.meter].signature;
            measure.number = record.label;
            measure.duration = signature.measureLength();
            if (previous == nullptr || *previous != signature) measure.time = signature;
            previous = &signature;
            measure.repeatStart = record.repeatStart;
            measure.repeatEnd = record.repeatEnd ? 2 : 0;
        }
        buildEndings();
    }

    // Measures with the same letter in a row (m12a m13a) are one ending: a the first, b the second.
    void buildEndings() {
        auto& endings = score_.timeline.endings;
        for (std::size_t i = 0; i < doc_.measures.size(); ++i) {
            const char letter = doc_.measures[i].endingLetter();
            if (letter == '\0') continue;
            const auto index = static_cast<std::uint32_t>(i);
            if (!endings.empty() && endings.back().lastMeasure + 1 == index &&
                doc_.measures[i - 1].endingLetter() == letter) {
                endings.back().lastMeasure = index;
            } else {
                endings.push_back({index, index, {static_cast<std::uint8_t>(letter - 'a' + 1)}, {}, false});
            }
        }
    }

    // Where a beat lies from the measure's nominal start; nullopt beyond the measure's end.
    std::optional<Rational> nominalOffset(std::size_t measure, const Rational& beat) const {
        const Rational offset = (beat - Rational{1}) * beatLengthOf(measure);
        if (!offset.isValid() || !(offset < meterOf(measure).signature.measureLength())) return std::nullopt;
        return offset;
    }

    // m0 is a pickup as long as from its first numeral (or key, when it has none) to the bar line.
    void measurePickup() {
        if (doc_.measures.empty() || doc_.measures.front().number != 0) return;
        const MeasureRecord& record = doc_.measures.front();
        std::optional<Rational> first;
        const auto earliest = [&](const auto& marks) {
            for (const auto& mark : marks) {
                const auto offset = nominalOffset(0, mark.beat);
                if (offset && (!first || *offset < *first)) first = offset;
            }
        };
        earliest(record.numerals);
        if (!first) earliest(record.keys);
        pickupStart_ = first.value_or(Rational{});
        score::Measure& pickup = score_.timeline.measures.front();
        pickup.pickup = true;
        pickup.duration -= pickupStart_;
    }

    // A mark's position; nullopt, with a warning, for a beat beyond its measure.
    std::optional<ScorePosition> positionOf(std::size_t measure, const Rational& beat, const Place& place,
                                            const std::string& what) {
        auto offset = nominalOffset(measure, beat);
        if (!offset) {
            const Rational beats = meterOf(measure).signature.measureLength() / beatLengthOf(measure);
            const score::TimeSignature& signature = meterOf(measure).signature;
            warnings_.push_back(core::fail(
                ErrorCode::ParseError,
                std::string{"'"}.append(what).append("' at ").append(place.beat) +
                    " lies beyond the end of the measure: " + std::to_string(signature.numerator) + "/" +
                    std::to_string(signature.denominator) + " counts " + beats.toString() + " beats; left out",
                {fileName_, place.line, place.column, std::nullopt, doc_.measures[measure].label}));
            return std::nullopt;
        }
        if (measure == 0) *offset = std::max(Rational{}, *offset - pickupStart_);
        return ScorePosition{static_cast<std::uint32_t>(measure), *offset};
    }

    void buildAnalysis() {
        auto& analysis = score_.layers.analysis;
        for (std::size_t i = 0; i < doc_.measures.size(); ++i) {
            const MeasureRecord& record = doc_.measures[i];
            const std::size_t firstNumeral = analysis.numerals.size();
            for (const NumeralMark& mark : record.numerals) {
                if (const auto at = positionOf(i, mark.beat, mark.place, mark.numeral)) {
                    analysis.numerals.push_back({*at, mark.numeral, mark.key});
                }
            }
            // A beat written after a later one (b3 … b2) still sorts into time order.
            std::stable_sort(analysis.numerals.begin() + static_cast<std::ptrdiff_t>(firstNumeral),
                             analysis.numerals.end(),
                             [](const auto& a, const auto& b) { return a.at.offset < b.at.offset; });
            std::vector<score::KeyRegion> changes;
            for (const KeyMark& mark : record.keys) {
                if (const auto at = positionOf(i, mark.beat, mark.place, mark.name + ":"))
                    changes.push_back({*at, mark.tonic, mark.mode});
            }
            std::stable_sort(changes.begin(), changes.end(),
                             [](const auto& a, const auto& b) { return a.at.offset < b.at.offset; });
            for (const score::KeyRegion& change : changes) addKeyRegion(change);
            for (const SignatureMark& mark : record.signatures) {
                if (const auto at = positionOf(i, mark.beat, mark.place, "KS" + std::to_string(mark.fifths))) {
                    addSignature(score_.timeline.measures[i], {at->offset, {mark.fifths, mark.mode, {}}});
                }
            }
        }
    }

    // A region per change of key: a key restated changes nothing, and of two changes at one place
    // the later wins.
    void addKeyRegion(const score::KeyRegion& change) {
        auto& regions = score_.layers.analysis.keys;
        if (!regions.empty() && regions.back().at == change.at) regions.pop_back();
        if (!regions.empty() && regions.back().tonic == change.tonic && regions.back().mode == change.mode) return;
        regions.push_back(change);
    }

    static void addSignature(score::Measure& measure, const score::KeyChange& change) {
        auto& keys = measure.keys;
        const auto at =
            std::find_if(keys.begin(), keys.end(), [&](const auto& k) { return !(k.offset < change.offset); });
        if (at != keys.end() && at->offset == change.offset) {
            *at = change;
        } else {
            keys.insert(at, change);
        }
    }

    // A Form: line starts a section that runs to the next one's start (several before one
    // measure make one section).
    void buildForm() {
        auto& form = score_.layers.form;
        for (const MeasureText& text : doc_.forms) {
            const auto measure = static_cast<std::uint32_t>(text.measure);
            if (!form.empty() && form.back().firstMeasure == measure) {
                form.back().label += "; " + text.text;
                continue;
            }
            if (!form.empty()) form.back().lastMeasure = measure - 1;
            form.push_back({text.text, measure, measure});
        }
        if (!form.empty()) form.back().lastMeasure = static_cast<std::uint32_t>(doc_.measures.size() - 1);
    }

    void buildAnnotations() {
        for (const MeasureText& note : doc_.notes) {
            score_.learning.annotations.push_back(
                {ScorePosition{static_cast<std::uint32_t>(note.measure), {}}, {}, note.text, doc_.analyst});
        }
    }

    // Title and composer; every other field, by tag, in extensions["romantext"].
    void buildMetadata() {
        score_.metadata.title = doc_.title;
        score_.metadata.composer = doc_.composer;
        std::map<std::string, std::string> fields;  // sorted by name, as UMF's canonical form keeps members
        for (const auto& [tag, value] : doc_.fields) {
            std::string& joined = fields[tag];
            if (!joined.empty()) joined += '\n';
            joined += value;
            if (score_.metadata.title.empty() && (tagIs(tag, "piece") || tagIs(tag, "work"))) {
                score_.metadata.title = value;  // the only name some analyses give their piece
            }
        }
        if (fields.empty()) return;
        core::JsonWriter json{false};
        json.beginObject();
        for (const auto& [tag, value] : fields) {
            json.escapedKey(tag);
            json.string(value);
        }
        json.endObject();
        score_.extensions["romantext"] = json.take();
    }

    const Document& doc_;
    const std::string& fileName_;
    std::vector<core::Error>& warnings_;
    score::Score score_;
    std::vector<bool> eachNoteABeat_;  // per entry of Document::meters
    Rational pickupStart_{};           // where m0's first numeral stands in a full bar
};

}  // namespace

score::Score buildScore(const Document& document, const std::string& fileName, std::vector<core::Error>& warnings) {
    return ScoreBuilder{document, fileName, warnings}.build();
}

}  // namespace mos::formats::romantext
