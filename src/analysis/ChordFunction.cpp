#include "mos/analysis/ChordFunction.hpp"

namespace mos::analysis {

std::string_view chordFunctionName(ChordFunction function) noexcept {
    switch (function) {
        case ChordFunction::Tonic:
            return "tonic";
        case ChordFunction::Dominant:
            return "dominant";
        case ChordFunction::Diatonic:
            return "diatonic";
        case ChordFunction::Applied:
            return "applied";
        case ChordFunction::Foreign:
            return "foreign";
    }
    return "foreign";
}

ChordFunction chordFunction(const theory::ChordSymbol& chord, const theory::Key& key) {
    if (chord.noChord) return ChordFunction::Foreign;
    const int root = chord.root.pitchClass();
    const int degree = (root - key.tonic.pitchClass() + 12) % 12;  // semitones above the tonic
    const std::uint16_t tones = chord.pitchClasses();
    const auto has = [&](int interval) { return ((tones >> ((root + interval) % 12)) & 1U) != 0; };
    const bool major = has(4) && !has(3);
    const bool minor = has(3) && has(7);
    const bool diminished = has(3) && has(6) && !has(7);
    const bool minorSeventh = has(10);
    const bool majorSeventh = has(11);
    // A diminished seventh is the leading tone's on any of its four roots (a rotation is a
    // respelling); on the other roots it leads to another degree.
    if (diminished && has(9) && !minorSeventh) {
        return degree % 3 == 2 ? ChordFunction::Dominant : ChordFunction::Applied;
    }
    if ((degree == 7 && major) || (degree == 11 && diminished)) return ChordFunction::Dominant;
    const theory::Mode mode = key.mode;
    const bool minorKey = mode == theory::Mode::Minor || mode == theory::Mode::Aeolian ||
                          mode == theory::Mode::Dorian || mode == theory::Mode::Phrygian ||
                          mode == theory::Mode::Locrian;
    if (!minorKey) {
        if (degree == 0 && major && !minorSeventh) return ChordFunction::Tonic;
        if ((degree == 2 || degree == 4 || degree == 9) && minor && !majorSeventh) return ChordFunction::Diatonic;
        if (degree == 5 && major && !minorSeventh) return ChordFunction::Diatonic;
        if ((degree == 0 || degree == 2 || degree == 4 || degree == 9) && major && !majorSeventh) {
            return ChordFunction::Applied;
        }
        return ChordFunction::Foreign;
    }
    if (degree == 0 && minor && !majorSeventh) return ChordFunction::Tonic;
    if (degree == 2 && diminished) return ChordFunction::Diatonic;
    if ((degree == 3 || degree == 8 || degree == 10) && major) return ChordFunction::Diatonic;
    if ((degree == 5 || degree == 7) && minor) return ChordFunction::Diatonic;
    if ((degree == 0 || degree == 2 || degree == 5) && major && !majorSeventh) return ChordFunction::Applied;
    return ChordFunction::Foreign;
}

}  // namespace mos::analysis
