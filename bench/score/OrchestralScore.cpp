#include "OrchestralScore.hpp"

#include <array>
#include <string>
#include <string_view>

namespace mos::score::bench {

namespace {

using core::Rational;

struct PartSpec {
    std::string_view name;
    std::uint8_t gmProgram;
    Transposition transposition;
    int lowestMidi;  // the bottom of the range the part plays in
    std::uint8_t staves;
};

constexpr std::array<PartSpec, 20> kOrchestra{{
    {"Flute 1", 73, {}, 72, 1},
    {"Flute 2", 73, {}, 67, 1},
    {"Oboe 1", 68, {}, 65, 1},
    {"Oboe 2", 68, {}, 62, 1},
    {"Clarinet in Bb 1", 71, {-1, -2, 0}, 60, 1},
    {"Clarinet in Bb 2", 71, {-1, -2, 0}, 55, 1},
    {"Bassoon 1", 70, {}, 45, 1},
    {"Bassoon 2", 70, {}, 40, 1},
    {"Horn in F 1", 60, {-4, -7, 0}, 57, 1},
    {"Horn in F 2", 60, {-4, -7, 0}, 50, 1},
    {"Trumpet in Bb", 56, {-1, -2, 0}, 60, 1},
    {"Trombone", 57, {}, 48, 1},
    {"Timpani", 47, {}, 41, 1},
    {"Harp", 46, {}, 48, 2},
    {"Piano", 0, {}, 48, 2},
    {"Violin I", 40, {}, 67, 1},
    {"Violin II", 40, {}, 60, 1},
    {"Viola", 41, {}, 53, 1},
    {"Violoncello", 42, {}, 43, 1},
    {"Contrabass", 43, {0, 0, -1}, 36, 1},
}};

constexpr std::array<std::string_view, 8> kDynamics{"pp", "p", "mp", "mf", "f", "ff", "sfz", "fp"};
constexpr std::array<std::string_view, 6> kChords{"C", "Am7", "Dm7", "G7", "Fmaj7", "E7b9"};
constexpr std::array<std::string_view, 5> kSyllables{"Lau", "da", "te", "Do", "mi"};

class Builder {
public:
    explicit Builder(Score& score) : score_{score} {}

    // Appends one event of `notes` chord tones stacked in thirds above `midi` (0 notes: a rest).
    Event& event(Part& part, std::uint32_t measure, Rational offset, Rational duration, int midi, int notes) {
        Event& event = part.events.emplace_back();
        event.id = score_.newId();
        event.measure = measure;
        event.offset = offset;
        event.duration = duration;
        for (int i = 0; i < notes; ++i) {
            Note& note = event.notes.emplace_back();
            note.id = score_.newId();
            note.pitch = Pitch::fromMidi(midi + 4 * i, -1);
        }
        return event;
    }

private:
    Score& score_;
};

Timeline timeline(std::uint32_t measures) {
    Timeline timeline;
    timeline.measures.resize(measures);
    for (std::uint32_t m = 0; m < measures; ++m) {
        Measure& measure = timeline.measures[m];
        measure.number = std::to_string(m + 1);
        measure.duration = Rational{1};
        if (m % 64 == 0) {
            measure.keys.push_back(
                {Rational{}, KeySignature{static_cast<std::int8_t>(m / 64 % 5 - 2), Mode::Major, {}}});
            measure.tempos.push_back({Rational{}, Rational{1, 4}, Rational{96 + m / 64 % 4 * 12}, "Allegro"});
        }
        if (m % 16 == 0) measure.repeatStart = true;
        if (m % 16 == 15) measure.repeatEnd = 2;
    }
    timeline.measures[0].time = TimeSignature{4, 4};
    return timeline;
}

// One measure of one part: the rhythm rotates with the measure and the part.
void fillMeasure(Builder& build, Part& part, std::size_t partIndex, std::uint32_t m, int low) {
    const int pitch = low + static_cast<int>((std::size_t{m} * 7 + partIndex * 3) % 12);
    const bool chords = part.staves == 2 || partIndex >= 15;
    switch ((m + partIndex) % 5) {
        case 0:  // four quarters, the last staccato
            for (int beat = 0; beat < 4; ++beat) {
                Event& e = build.event(part, m, Rational{beat, 4}, Rational{1, 4}, pitch + beat, 1);
                if (beat == 3) e.articulations.push_back(Articulation::Staccato);
            }
            break;
        case 1:  // two halves, chords where the instrument has them; the second tied over the bar
            build.event(part, m, Rational{}, Rational{1, 2}, pitch, chords ? 3 : 1);
            build.event(part, m, Rational{1, 2}, Rational{1, 2}, pitch + 2, chords ? 2 : 1).notes[0].tieStart = true;
            break;
        case 2: {  // a triplet of eighths, a quarter and a half
            for (int i = 0; i < 3; ++i) {
                Event& e = build.event(part, m, Rational{i, 12}, Rational{1, 12}, pitch + i, 1);
                e.tuplets.push_back({3, 2, i == 0, i == 2});
            }
            build.event(part, m, Rational{1, 4}, Rational{1, 4}, pitch - 1, 1)
                .articulations.push_back(Articulation::Accent);
            build.event(part, m, Rational{1, 2}, Rational{1, 2}, pitch, chords ? 2 : 1);
            break;
        }
        case 3:  // dotted quarter, eighth, quarter, quarter rest
            build.event(part, m, Rational{}, Rational{3, 8}, pitch, 1);
            build.event(part, m, Rational{3, 8}, Rational{1, 8}, pitch + 1, 1);
            build.event(part, m, Rational{1, 2}, Rational{1, 4}, pitch + 3, chords ? 3 : 1);
            build.event(part, m, Rational{3, 4}, Rational{1, 4}, 0, 0);
            break;
        default:  // tacet
            build.event(part, m, Rational{}, Rational{1}, 0, 0).measureRest = true;
            break;
    }
    if (part.staves == 2) {  // the left hand
        build.event(part, m, Rational{}, Rational{1}, low - 12, 3).staff = 2;
    }
}

}  // namespace

Score orchestralScore(std::uint32_t measures) {
    Score score;
    score.metadata.title = "Symphony No. 1";
    score.metadata.composer = "Benchmark";
    score.timeline = timeline(measures);
    Builder build{score};
    for (std::size_t p = 0; p < kOrchestra.size(); ++p) {
        const PartSpec& spec = kOrchestra[p];
        Part& part = score.parts.emplace_back();
        part.id = std::to_string(p + 1);
        part.id.insert(part.id.begin(), 'P');  // not "P" + …: GCC 12 -O3 warns falsely (-Wrestrict)
        part.name = spec.name;
        part.instrument.name = spec.name;
        part.instrument.gmProgram = spec.gmProgram;
        part.transposition = spec.transposition;
        part.staves = spec.staves;
        for (std::uint32_t m = 0; m < measures; ++m) {
            const std::size_t firstEvent = part.events.size();
            fillMeasure(build, part, p, m, spec.lowestMidi);
            if (m % 4 == 0)
                part.dynamics.push_back({ScorePosition{m, Rational{}}, 1, std::string{kDynamics[(m / 4 + p) % 8]}, 0});
            const Event& first = part.events[firstEvent];
            if (first.tuplets.size() == 1) {
                score.layers.notation.beams.push_back(
                    {part.id, {first.id, part.events[firstEvent + 1].id, part.events[firstEvent + 2].id}});
            }
            if (p == 0) {
                for (std::size_t e = firstEvent; e < part.events.size(); ++e) {
                    if (part.events[e].isRest()) continue;
                    score.layers.lyrics.push_back({part.events[e].id, 1, std::string{kSyllables[e % kSyllables.size()]},
                                                   LyricSyllable::Syllabic::Single, false});
                }
            }
            if (p % 4 == 0 && part.events.size() - firstEvent >= 2) {
                score.layers.notation.slurs.push_back({part.id, first.id, part.events[firstEvent + 1].id});
            }
        }
    }
    for (std::uint32_t m = 0; m < measures; ++m) {
        ChordSymbol chord;
        chord.at = {m, Rational{}};
        chord.text = kChords[m % kChords.size()];
        chord.root = PitchName{static_cast<Step>(m % 7), 0};
        chord.kind = "major";
        score.layers.chords.push_back(chord);
        if (m % 2 == 1) {
            chord.at.offset = Rational{1, 2};
            chord.text = kChords[(m + 3) % kChords.size()];
            score.layers.chords.push_back(chord);
        }
    }
    return score;
}

}  // namespace mos::score::bench
