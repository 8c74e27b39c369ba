// readRomanText on arbitrary bytes: never crashes, hangs or breaks an invariant of the score it
// returns: at least one measure, the first with a meter, every numeral, key region and annotation
// inside a measure that exists and in time order, sections and endings over measures that exist,
// every warning naming the file and a line. looksLikeRomanText answers for any bytes too.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "mos/formats/RomanTextReader.hpp"

namespace {

namespace score = mos::score;

void require(bool condition) {
    if (!condition) std::abort();
}

bool before(const score::ScorePosition& a, const score::ScorePosition& b) {
    return a.measure < b.measure || (a.measure == b.measure && a.offset < b.offset);
}

void check(const score::Score& s) {
    const auto& measures = s.timeline.measures;
    require(!measures.empty() && measures.front().time.has_value());
    for (const auto& measure : measures)
        require(measure.duration.isValid() && measure.duration > mos::core::Rational{});
    const auto inside = [&](const score::ScorePosition& at) {
        return at.measure < measures.size() && at.offset.isValid() && !at.offset.isNegative() &&
               at.offset < measures[at.measure].duration;
    };
    const score::ScorePosition* previous = nullptr;
    for (const auto& numeral : s.layers.analysis.numerals) {
        require(inside(numeral.at) && !numeral.numeral.empty());
        require(previous == nullptr || !before(numeral.at, *previous));
        previous = &numeral.at;
    }
    previous = nullptr;
    for (const auto& key : s.layers.analysis.keys) {
        require(inside(key.at));
        require(previous == nullptr || before(*previous, key.at));
        previous = &key.at;
    }
    for (const auto& measure : measures) {
        for (const auto& key : measure.keys) require(!key.offset.isNegative() && key.offset < measure.duration);
    }
    for (const auto& note : s.learning.annotations) require(inside(note.at));
    for (const auto& section : s.layers.form) {
        require(section.firstMeasure <= section.lastMeasure && section.lastMeasure < measures.size());
    }
    for (const auto& ending : s.timeline.endings) {
        require(ending.firstMeasure <= ending.lastMeasure && ending.lastMeasure < measures.size());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const std::string name = "fuzz.rntxt";
    (void)mos::formats::looksLikeRomanText(text);
    const auto read = mos::formats::readRomanText(text, name);
    if (!read) {
        require(read.error().where.file == name);
        return 0;
    }
    require(read->scores.size() == 1);
    check(read->scores.front());
    for (const auto& warning : read->warnings) require(warning.where.file == name && warning.where.line.has_value());
    return 0;
}
