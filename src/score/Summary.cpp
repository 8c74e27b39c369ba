#include "mos/score/Summary.hpp"

#include "mos/score/TempoMap.hpp"

namespace mos::score {

namespace {

// Steps above the major tonic and semitones above it of each church mode's tonic.
struct ModeDegree {
    int steps;
    int semitones;
    const char* name;
};

ModeDegree modeDegree(Mode mode) noexcept {
    switch (mode) {
        case Mode::Major:
            return {0, 0, "major"};
        case Mode::Ionian:
            return {0, 0, "ionian"};
        case Mode::Dorian:
            return {1, 2, "dorian"};
        case Mode::Phrygian:
            return {2, 4, "phrygian"};
        case Mode::Lydian:
            return {3, 5, "lydian"};
        case Mode::Mixolydian:
            return {4, 7, "mixolydian"};
        case Mode::Minor:
            return {5, 9, "minor"};
        case Mode::Aeolian:
            return {5, 9, "aeolian"};
        case Mode::Locrian:
            return {6, 11, "locrian"};
        case Mode::None:
            break;
    }
    return {0, 0, "none"};
}

}  // namespace

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
    const ModeDegree degree = modeDegree(key.mode);
    if (key.mode == Mode::None) {
        return degree.name;
    }
    // The major key with these fifths: each fifth is 4 steps and 7 semitones up from C.
    const int majorSteps = ((key.fifths * 4) % 7 + 7) % 7;
    const int majorSemitones = ((key.fifths * 7) % 12 + 12) % 12;
    const auto tonicStep = static_cast<Step>((majorSteps + degree.steps) % 7);
    int alter = (majorSemitones + degree.semitones - naturalSemitone(tonicStep)) % 12;
    alter = alter > 6 ? alter - 12 : (alter < -6 ? alter + 12 : alter);
    std::string name(1, toLetter(tonicStep));
    name.append(static_cast<std::size_t>(alter > 0 ? alter : 0), '#');
    name.append(static_cast<std::size_t>(alter < 0 ? -alter : 0), 'b');
    return name + ' ' + degree.name;
}

std::string timeSignatureName(const TimeSignature& time) {
    return std::to_string(time.numerator) + '/' + std::to_string(time.denominator);
}

}  // namespace mos::score
