// Unfolds repeats, endings and jumps by walking the measures as a player reads them.

#include "mos/transport/PerformanceTimeline.hpp"

#include <algorithm>
#include <cmath>

namespace mos::transport {
namespace {

using core::Rational;
using score::NavigationKind;

constexpr std::size_t kMaxPassesOverScore = 64;

bool hasMark(const score::Measure& measure, NavigationKind kind) noexcept {
    return std::any_of(measure.navigation.begin(), measure.navigation.end(),
                       [&](const score::Navigation& n) { return n.kind == kind; });
}

bool isJump(NavigationKind kind) noexcept {
    switch (kind) {
        case NavigationKind::DaCapo:
        case NavigationKind::DaCapoAlFine:
        case NavigationKind::DaCapoAlCoda:
        case NavigationKind::DalSegno:
        case NavigationKind::DalSegnoAlFine:
        case NavigationKind::DalSegnoAlCoda:
            return true;
        default:
            return false;
    }
}

class Unfolder {
public:
    explicit Unfolder(const score::Timeline& timeline)
        : timeline_{timeline},
          count_{static_cast<std::uint32_t>(timeline.measures.size())},
          endingOf_(count_, -1),
          repeatsTaken_(count_, 0),
          jumpTaken_(count_, false) {
        const auto& endings = timeline.endings;
        for (std::size_t e = 0; e < endings.size(); ++e) {
            for (std::uint32_t m = endings[e].firstMeasure; m <= endings[e].lastMeasure && m < count_; ++m) {
                endingOf_[m] = static_cast<int>(e);
            }
        }
        for (std::uint32_t m = 0; m < count_; ++m) {
            const score::Measure& measure = timeline.measures[m];
            if (!segno_ && hasMark(measure, NavigationKind::Segno)) segno_ = m;
            if (hasMark(measure, NavigationKind::ToCoda)) hasToCoda_ = true;
            if (hasMark(measure, NavigationKind::Fine)) hasFine_ = true;
            if (hasMark(measure, NavigationKind::Coda)) {
                if (!firstCoda_) firstCoda_ = m;
                lastCoda_ = m;
            }
        }
    }

    std::vector<std::pair<std::uint32_t, std::uint16_t>> run() {
        std::vector<std::pair<std::uint32_t, std::uint16_t>> order;
        const std::size_t limit = kMaxPassesOverScore * (count_ + 1);
        std::uint32_t m = 0;
        std::uint32_t sectionStart = 0;
        std::uint16_t pass = 1;
        bool arrivedByRepeat = false;
        bool inEndingBefore = false;
        while (m < count_ && order.size() < limit) {
            const score::Measure& measure = timeline_.measures[m];
            const int ending = endingOf_[m];
            // Arriving forwards at a repeat sign, or past the endings, a new passage begins.
            if (!arrivedByRepeat && (measure.repeatStart || (ending < 0 && inEndingBefore))) {
                sectionStart = m;
                pass = 1;
            }
            arrivedByRepeat = false;
            inEndingBefore = ending >= 0;
            if (ending >= 0 && !playsEnding(static_cast<std::size_t>(ending), pass)) {
                ++m;
                continue;
            }
            order.emplace_back(m, pass);

            if (stopAtFine_ && hasMark(measure, NavigationKind::Fine)) break;
            if (toCoda_ && isToCodaJump(m)) {
                toCoda_ = false;
                m = *lastCoda_;
                continue;
            }
            if (measure.repeatEnd > 0 && !jumped_ && repeatsTaken_[m] + 1 < measure.repeatEnd) {
                ++repeatsTaken_[m];
                ++pass;
                m = sectionStart;
                arrivedByRepeat = true;
                continue;
            }
            if (measure.repeatEnd > 0 && ending < 0) {
                sectionStart = m + 1;
                pass = 1;
            }
            if (const auto target = takeJump(m)) {
                m = *target;
                sectionStart = m;
                pass = 1;
                continue;
            }
            ++m;
        }
        return order;
    }

private:
    // An ending plays on the passes it names; after a D.C./D.S. only the last of its group plays.
    bool playsEnding(std::size_t e, std::uint16_t pass) const {
        const score::Ending& ending = timeline_.endings[e];
        if (jumped_) {
            const std::uint32_t next = ending.lastMeasure + 1;
            return next >= count_ || endingOf_[next] < 0;
        }
        return ending.numbers.empty() ||
               std::find(ending.numbers.begin(), ending.numbers.end(), pass) != ending.numbers.end();
    }

    bool isToCodaJump(std::uint32_t m) const {
        const score::Measure& measure = timeline_.measures[m];
        if (!lastCoda_ || *lastCoda_ <= m) return false;
        if (hasToCoda_) return hasMark(measure, NavigationKind::ToCoda);
        return firstCoda_ == m;  // the first coda sign marks the jump, the last the landing
    }

    // A D.C. or D.S. at the end of measure m, each taken once: where it goes.
    std::optional<std::uint32_t> takeJump(std::uint32_t m) {
        if (jumpTaken_[m]) return std::nullopt;
        const auto& marks = timeline_.measures[m].navigation;
        const auto jump =
            std::find_if(marks.begin(), marks.end(), [](const score::Navigation& n) { return isJump(n.kind); });
        if (jump == marks.end()) return std::nullopt;
        jumpTaken_[m] = true;
        jumped_ = true;
        const NavigationKind kind = jump->kind;
        const bool alCoda = kind == NavigationKind::DaCapoAlCoda || kind == NavigationKind::DalSegnoAlCoda;
        const bool alFine = kind == NavigationKind::DaCapoAlFine || kind == NavigationKind::DalSegnoAlFine;
        const bool plain = kind == NavigationKind::DaCapo || kind == NavigationKind::DalSegno;
        stopAtFine_ = alFine || (plain && hasFine_);
        toCoda_ = alCoda || (plain && !hasFine_ && lastCoda_.has_value());
        const bool segnoJump = kind == NavigationKind::DalSegno || kind == NavigationKind::DalSegnoAlFine ||
                               kind == NavigationKind::DalSegnoAlCoda;
        return segnoJump ? segno_.value_or(0) : 0;
    }

    const score::Timeline& timeline_;
    std::uint32_t count_;
    std::vector<int> endingOf_;  // index into Timeline::endings, -1 outside every ending
    std::vector<std::uint32_t> repeatsTaken_;
    std::vector<bool> jumpTaken_;
    std::optional<std::uint32_t> segno_;
    std::optional<std::uint32_t> firstCoda_;
    std::optional<std::uint32_t> lastCoda_;
    bool hasToCoda_ = false;
    bool hasFine_ = false;
    bool jumped_ = false;
    bool stopAtFine_ = false;
    bool toCoda_ = false;
};

}  // namespace

PerformanceTimeline::PerformanceTimeline(const score::Timeline& timeline) {
    const auto order = Unfolder{timeline}.run();
    measures_.reserve(order.size());
    // The meter in force, by score measure: the last one set at or before it.
    std::vector<score::TimeSignature> meters(timeline.measures.size());
    score::TimeSignature meter;
    for (std::size_t m = 0; m < timeline.measures.size(); ++m) {
        if (timeline.measures[m].time) meter = *timeline.measures[m].time;
        meters[m] = meter;
    }
    Rational start{0};
    for (const auto& [m, pass] : order) {
        const score::Measure& measure = timeline.measures[m];
        const Rational duration =
            measure.duration.isValid() && !measure.duration.isNegative() ? measure.duration : Rational{0};
        const std::uint16_t unit = meters[m].denominator == 0 ? std::uint16_t{4} : meters[m].denominator;
        const Rational nominal{meters[m].numerator, unit};
        // A pickup counts its beats back from the bar line: one quarter before a 4/4 bar is beat 4.
        const Rational lateStart = measures_.empty() && duration < nominal ? nominal - duration : Rational{0};
        measures_.push_back({m, start, duration, pass, meters[m].numerator, unit, lateStart});
        start += duration;
    }
    length_ = start;
}

std::optional<BarBeat> PerformanceTimeline::locate(double wholeNotes) const noexcept {
    if (measures_.empty()) return std::nullopt;
    const auto after = std::upper_bound(measures_.begin(), measures_.end(), wholeNotes,
                                        [](double w, const PerformedMeasure& p) { return w < p.start.toDouble(); });
    const std::size_t index = after == measures_.begin() ? 0 : static_cast<std::size_t>(after - measures_.begin()) - 1;
    const PerformedMeasure& performed = measures_[index];
    // A pickup counts its beats back from the bar line: one quarter before a 4/4 bar is beat 4.
    const double into = std::max(0.0, wholeNotes - performed.start.toDouble()) + performed.lateStart.toDouble();
    const double beats = into * performed.beatUnit;
    const double whole = std::floor(beats);
    return BarBeat{index, performed.measure, static_cast<std::int32_t>(whole) + 1, beats - whole};
}

std::optional<Rational> PerformanceTimeline::startOfScoreMeasure(std::uint32_t measure) const noexcept {
    const auto first = std::find_if(measures_.begin(), measures_.end(),
                                    [&](const PerformedMeasure& p) { return p.measure == measure; });
    if (first == measures_.end()) return std::nullopt;
    return first->start;
}

}  // namespace mos::transport
