#include "mos/theory/Interval.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "theory/Modulo.hpp"

namespace mos::theory {
namespace {

// Semitones of the major or perfect interval of each simple size (unison … seventh).
constexpr std::array<int, 7> kReferenceSemitones{0, 2, 4, 5, 7, 9, 11};
constexpr bool isPerfectSize(int simpleSteps) noexcept {
    return simpleSteps == 0 || simpleSteps == 3 || simpleSteps == 4;
}

// Semitones of the major or perfect interval with this many steps (any size, ascending).
int referenceSemitones(int steps) noexcept {
    return kReferenceSemitones[static_cast<std::size_t>(steps % 7)] + 12 * (steps / 7);
}

// Each quality's distance in semitones from the major or perfect interval, for the perfect sizes
// (unison, fourth, fifth) and for the others; kNone where the quality does not occur (a major fifth).
constexpr int kNone = 99;
struct QualityDeviation {
    IntervalQuality quality;
    int perfect;
    int imperfect;
};
constexpr std::array<QualityDeviation, 7> kDeviations{{{IntervalQuality::DoublyDiminished, -2, -3},
                                                       {IntervalQuality::Diminished, -1, -2},
                                                       {IntervalQuality::Minor, kNone, -1},
                                                       {IntervalQuality::Perfect, 0, kNone},
                                                       {IntervalQuality::Major, kNone, 0},
                                                       {IntervalQuality::Augmented, 1, 1},
                                                       {IntervalQuality::DoublyAugmented, 2, 2}}};

int deviationOf(const QualityDeviation& entry, bool perfect) noexcept {
    return perfect ? entry.perfect : entry.imperfect;
}

struct QualityMark {
    IntervalQuality quality;
    std::string_view text;
};
constexpr std::array<QualityMark, 7> kQualityMarks{{{IntervalQuality::DoublyDiminished, "dd"},
                                                    {IntervalQuality::DoublyAugmented, "AA"},
                                                    {IntervalQuality::Diminished, "d"},
                                                    {IntervalQuality::Minor, "m"},
                                                    {IntervalQuality::Perfect, "P"},
                                                    {IntervalQuality::Major, "M"},
                                                    {IntervalQuality::Augmented, "A"}}};

}  // namespace

std::optional<IntervalQuality> Interval::quality() const noexcept {
    const Interval up = ascending();
    const int deviation = up.semitones - referenceSemitones(up.steps);
    const bool perfect = isPerfectSize(up.steps % 7);
    const auto entry = std::find_if(kDeviations.begin(), kDeviations.end(),
                                    [&](const QualityDeviation& e) { return deviationOf(e, perfect) == deviation; });
    if (entry == kDeviations.end()) return std::nullopt;
    return entry->quality;
}

Interval Interval::simple() const noexcept {
    const Interval up = ascending();
    if (up.steps < 7) return *this;
    const int octaves = (up.steps % 7 == 0 ? up.steps / 7 - 1 : up.steps / 7);
    const Interval reduced{up.steps - 7 * octaves, up.semitones - 12 * octaves};
    return isDescending() ? Interval{-reduced.steps, -reduced.semitones} : reduced;
}

std::optional<Interval> Interval::of(IntervalQuality quality, int number) noexcept {
    if (number < 1) return std::nullopt;
    const int steps = number - 1;
    const auto entry = std::find_if(kDeviations.begin(), kDeviations.end(),
                                    [&](const QualityDeviation& e) { return e.quality == quality; });
    const int deviation = deviationOf(*entry, isPerfectSize(steps % 7));
    if (deviation == kNone) return std::nullopt;
    const int semitones = referenceSemitones(steps) + deviation;
    if (semitones < 0) return std::nullopt;  // a diminished unison
    return Interval{steps, semitones};
}

std::string Interval::toString() const {
    const auto q = quality();
    std::string text = isDescending() ? "-" : "";
    const auto mark = std::find_if(kQualityMarks.begin(), kQualityMarks.end(),
                                   [&](const QualityMark& m) { return q && m.quality == *q; });
    text += mark == kQualityMarks.end() ? std::string_view{"?"} : mark->text;
    return text + std::to_string(number());
}

std::optional<Interval> Interval::parse(std::string_view text) {
    const bool descending = text.starts_with('-');
    if (descending) text.remove_prefix(1);
    // Two-letter marks come first in the table, so "dd7" is not read as "d" then "d7".
    const auto mark = std::find_if(kQualityMarks.begin(), kQualityMarks.end(),
                                   [&](const QualityMark& m) { return text.starts_with(m.text); });
    if (mark == kQualityMarks.end()) return std::nullopt;
    const IntervalQuality quality = mark->quality;
    const std::size_t letters = mark->text.size();
    int number = 0;
    const char* end = text.data() + text.size();
    const auto [after, error] = std::from_chars(text.data() + letters, end, number);
    if (error != std::errc{} || after != end || number < 1 || number > 64) return std::nullopt;
    auto interval = of(quality, number);
    if (!interval) return std::nullopt;
    if (descending) {
        if (interval->steps == 0 && interval->semitones == 0) return std::nullopt;  // "-P1"
        return Interval{-interval->steps, -interval->semitones};
    }
    return interval;
}

Interval Interval::between(const Pitch& a, const Pitch& b) noexcept {
    return {b.diatonicIndex() - a.diatonicIndex(), b.midiNumber() - a.midiNumber()};
}

Interval Interval::between(NoteName a, NoteName b) noexcept {
    // b in the octave from a's letter upwards.
    return between(Pitch::of(a, 4), Pitch::of(b, b.step < a.step ? 5 : 4));
}

Pitch transpose(const Pitch& pitch, Interval interval) noexcept {
    const int target = pitch.diatonicIndex() + interval.steps;
    Pitch result;
    result.step = static_cast<Step>(((target % 7) + 7) % 7);
    result.octave = static_cast<std::int8_t>(floorDiv(target, 7));
    result.cents = pitch.cents;
    const int natural = (result.octave + 1) * 12 + naturalSemitone(result.step);
    result.alter = static_cast<std::int8_t>(pitch.midiNumber() + interval.semitones - natural);
    return result;
}

NoteName transpose(NoteName name, Interval interval) noexcept { return transpose(Pitch::of(name, 4), interval).name(); }

}  // namespace mos::theory
