#pragma once

// One beat as the file describes it, before it becomes events and layer entries: its status and
// duration, chord diagram, text, beat effects, tempo change and notes with their effects. The
// reader fills it (GpBeatReader.cpp), the event builder turns it into the score (GpEventBuilder).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "formats/guitarpro/GpImport.hpp"
#include "mos/score/Layers.hpp"

namespace mos::formats::gp {

struct GraceData {
    int fret = 0;
    std::uint8_t velocity = 0;
    core::Rational value{1, 32};  // the note value it is drawn with
    bool slide = false;           // slides into the principal note
    bool legato = false;          // hammers or pulls into it
    bool dead = false;
    bool onBeat = false;  // GP5: on the beat rather than before it
};

struct NoteData {
    std::size_t offset = 0;   // where the note starts in the file, for warnings
    std::uint8_t string = 1;  // 1 = the highest
    int fret = 0;
    std::uint8_t velocity = 0;
    bool tie = false;
    bool dead = false;
    bool ghost = false;
    bool accent = false;
    bool heavyAccent = false;
    bool hammer = false;  // legato to the next note on this string
    bool letRing = false;
    bool staccato = false;
    bool palmMute = false;
    bool vibrato = false;
    bool tremoloPicking = false;
    bool trill = false;
    score::Slide slide = score::Slide::None;
    score::Harmonic harmonic = score::Harmonic::None;
    std::vector<score::BendPoint> bend;
    std::optional<GraceData> grace;
    std::int8_t leftFinger = -1;  // -1 none, 0 thumb, 1…4 index…little finger
    std::int8_t rightFinger = -1;
};

struct ChordData {
    std::string name;
    int baseFret = 1;
    std::vector<std::int8_t> frets;     // per string, string 1 first: -1 not played
    std::vector<std::uint8_t> fingers;  // per string: 0 none, 1…4, 5 thumb; empty when not given
    // The structured chord of the GP3/GP4 "new" format and GP5; root < 0 when not given.
    int root = -1;  // pitch class, 0 = C
    int bass = -1;
    bool sharp = true;  // spell with sharps
    std::string kind;   // MusicXML kind name when the chord is a plain one; empty otherwise
};

enum class BeatStatus : std::uint8_t { Empty, Rest, Normal };
enum class PickStroke : std::uint8_t { None, Up, Down };

struct BeatData {
    std::size_t offset = 0;
    BeatStatus status = BeatStatus::Normal;
    core::Rational duration{1, 4};   // what it takes, dots and tuplet included
    core::Rational noteValue{1, 4};  // the plain note value it is written with
    std::uint16_t tuplet = 1;        // n-tuplet: n in the time of tupletNormal
    std::uint16_t tupletNormal = 1;
    std::optional<ChordData> chord;
    std::optional<std::string> text;
    bool vibrato = false;  // GP3/GP4: on every note of the beat
    bool tapping = false;
    bool slap = false;
    bool pop = false;
    bool brush = false;  // strummed (a stroke up or down)
    PickStroke pickStroke = PickStroke::None;
    score::Harmonic harmonic = score::Harmonic::None;  // GP3: on every note of the beat
    std::optional<std::int32_t> tempo;
    std::string tempoName;
    std::size_t tempoOffset = 0;
    std::vector<NoteData> notes;

    void clear() {
        notes.clear();
        chord.reset();
        text.reset();
        tempo.reset();
        tempoName.clear();
        status = BeatStatus::Normal;
        tuplet = tupletNormal = 1;
        vibrato = tapping = slap = pop = brush = false;
        pickStroke = PickStroke::None;
        harmonic = score::Harmonic::None;
    }
};

// Reads one beat of a track with `strings` strings into `beat`. Thread: any. RT-safe: no.
void readBeat(Import& import, std::size_t strings, BeatData& beat);
// Reads a chord diagram for a track with `strings` strings. Thread: any. RT-safe: no.
ChordData readChord(Import& import, std::size_t strings);

}  // namespace mos::formats::gp
