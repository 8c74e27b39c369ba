#include "mos/score/Summary.hpp"

#include "mos/score/TempoMap.hpp"

namespace mos::score {

Summary summarize(const Score& score) {
    Summary summary;
    summary.parts = score.parts.size();
    summary.measures = score.timeline.measures.size();
    for (const Part& part : score.parts) {
        for (const Event& event : part.events) {
            if (!event.cue) {
                summary.notes += event.notes.size();
            }
        }
    }
    const TempoMap tempo{score.timeline};
    summary.durationSeconds = tempo.secondsAt(measureStarts(score.timeline).back());
    summary.key = keyAt(score.timeline, {});
    summary.time = timeSignatureAt(score.timeline, 0);
    summary.tempoBpm = tempo.quarterBpmAt(core::Rational{});
    return summary;
}

std::string keyName(const KeySignature& key) {
    if (key.mode == Mode::None) return std::string{theory::modeName(key.mode)};
    return theory::Key::fromSignature(key.fifths, key.mode).toString();
}

std::string timeSignatureName(const TimeSignature& time) {
    return std::to_string(time.numerator) + '/' + std::to_string(time.denominator);
}

}  // namespace mos::score
