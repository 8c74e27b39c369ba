// A beat: flag byte, status (empty or rest), duration, tuplet, chord diagram, text, beat effects,
// mix table change, then a string byte saying which strings have a note (bit 6 = string 1) and the
// notes, highest string first. GP5 adds display flags after the notes.
//
// A note: flag byte, type (normal, tie, dead), dynamic, fret, fingering, then its effects: bend,
// grace note, tremolo picking, slide, harmonic, trill and a set of flags.

#include <algorithm>
#include <bit>

#include "formats/guitarpro/GpBeat.hpp"

namespace mos::formats::gp {
namespace {

using score::Harmonic;
using score::Slide;

// Beat flags.
constexpr std::uint8_t kDotted = 0x01;
constexpr std::uint8_t kChord = 0x02;
constexpr std::uint8_t kText = 0x04;
constexpr std::uint8_t kBeatEffects = 0x08;
constexpr std::uint8_t kMixTable = 0x10;
constexpr std::uint8_t kTuplet = 0x20;
constexpr std::uint8_t kStatus = 0x40;

// Note flags.
constexpr std::uint8_t kNoteDuration = 0x01;  // GP3/GP4: a duration of its own; GP5: a length in percent
constexpr std::uint8_t kHeavyAccent = 0x02;   // GP5 (GP3/GP4: a dotted note)
constexpr std::uint8_t kGhost = 0x04;
constexpr std::uint8_t kNoteEffects = 0x08;
constexpr std::uint8_t kDynamic = 0x10;
constexpr std::uint8_t kNoteType = 0x20;
constexpr std::uint8_t kAccent = 0x40;
constexpr std::uint8_t kFingering = 0x80;

constexpr std::size_t kMaxStrings = 7;
constexpr std::int8_t kDefaultDynamic = 6;  // forte
constexpr std::int32_t kBendPositions = 60;
constexpr std::int32_t kMaxBendValue = 1200;  // six tones, in the file's hundredths of a tone
constexpr std::size_t kBendPointBytes = 9;
constexpr std::size_t kMixTableValues = 6;  // volume, pan, chorus, reverb, phaser, tremolo
constexpr std::size_t kRseInstrumentBytes = 16;

// ppp (1) … fff (8) as MIDI velocities in even steps; anything else is forte.
std::uint8_t velocityOf(std::int8_t dynamic) {
    const int level = dynamic < 1 || dynamic > 8 ? kDefaultDynamic : dynamic;
    return static_cast<std::uint8_t>(15 + 16 * (level - 1));
}

class BeatReader {
public:
    BeatReader(Import& import, std::size_t strings)
        : import_{import},
          in_{import.in},
          gp5_{import.version.major >= 5},
          gp4_{import.version.major >= 4},
          strings_{strings} {}

    void read(BeatData& beat) {
        beat.clear();
        beat.offset = in_.position();
        const std::uint8_t flags = in_.u8();
        if ((flags & kStatus) != 0) beat.status = (in_.u8() & 0x02U) != 0 ? BeatStatus::Rest : BeatStatus::Empty;
        readDuration(flags, beat);
        if ((flags & kChord) != 0) beat.chord = readChord(import_, strings_);
        if ((flags & kText) != 0) beat.text = in_.intByteSizeString();
        if ((flags & kBeatEffects) != 0) readBeatEffects(beat);
        if ((flags & kMixTable) != 0) readMixTable(beat);
        const std::uint8_t stringFlags = in_.u8();
        for (std::size_t string = 1; string <= kMaxStrings && in_.ok(); ++string) {
            if ((stringFlags & (1U << (kMaxStrings - string))) == 0) continue;
            NoteData note = readNote(string);
            if (string > strings_) {
                import_.warn(note.offset, "a note on string " + std::to_string(string) + " of a " +
                                              std::to_string(strings_) + "-string track is left out");
                continue;
            }
            beat.notes.push_back(std::move(note));
        }
        if (gp5_) {
            const std::int16_t display = in_.i16();  // beaming, stem direction and ottava hints
            if ((static_cast<std::uint16_t>(display) & 0x0800U) != 0) in_.skip(1);  // break secondary beams
        }
    }

private:
    void readDuration(std::uint8_t flags, BeatData& beat) {
        const std::size_t at = in_.position();
        const std::int8_t value = in_.i8();  // -2 whole, -1 half, 0 quarter … 6 256th
        if (!in_.ok()) return;
        if (value < -2 || value > 6) {
            in_.failAt(at, "the beat duration " + std::to_string(value) + " is not -2 (whole) … 6 (256th)");
            return;
        }
        beat.noteValue = core::Rational{1, std::int64_t{1} << static_cast<unsigned>(value + 2)};
        beat.duration = beat.noteValue;
        if ((flags & kDotted) != 0) beat.duration *= core::Rational{3, 2};
        if ((flags & kTuplet) == 0) return;
        const std::size_t tupletAt = in_.position();
        const std::int32_t tuplet = in_.i32();
        if (!in_.ok() || tuplet == 1) return;
        if (tuplet < 2 || tuplet > 128) {
            in_.failAt(tupletAt, "the tuplet " + std::to_string(tuplet) + " is not 2…128 notes");
            return;
        }
        // n notes in the time of the largest power of two below n: 3:2, 5:4, 6:4, 7:4, 9:8 … 13:8.
        beat.tuplet = static_cast<std::uint16_t>(tuplet);
        beat.tupletNormal = static_cast<std::uint16_t>(std::bit_floor(static_cast<unsigned>(tuplet - 1)));
        beat.duration *= core::Rational{beat.tupletNormal, beat.tuplet};
    }

    void readBeatEffects(BeatData& beat) {
        const std::uint8_t flags = in_.u8();
        const std::uint8_t flags2 = gp4_ ? in_.u8() : 0;
        beat.vibrato = (flags & 0x02U) != 0 || (!gp4_ && (flags & 0x01U) != 0);
        if (!gp4_ && (flags & 0x04U) != 0) beat.harmonic = Harmonic::Natural;
        if (!gp4_ && (flags & 0x08U) != 0) beat.harmonic = Harmonic::Artificial;
        if ((flags & 0x20U) != 0) {
            // 1 tapping, 2 slapping, 3 popping; GP3's 0 is the tremolo bar, with its depth after.
            const std::int8_t technique = in_.i8();
            beat.tapping = technique == 1;
            beat.slap = technique == 2;
            beat.pop = technique == 3;
            if (!gp4_) in_.skip(4);
        }
        if ((flags2 & 0x04U) != 0) static_cast<void>(readBend());  // the tremolo bar, not kept
        if ((flags & 0x40U) != 0) {
            const std::uint8_t down = in_.u8();  // GP5 writes up first; either way, a brush stroke
            const std::uint8_t up = in_.u8();
            beat.brush = down > 0 || up > 0;
        }
        if ((flags2 & 0x02U) != 0) {
            const std::int8_t stroke = in_.i8();
            beat.pickStroke = stroke == 1 ? PickStroke::Up : stroke == 2 ? PickStroke::Down : PickStroke::None;
        }
    }

    void readMixTable(BeatData& beat) {
        in_.skip(1);  // instrument
        if (gp5_) in_.skip(kRseInstrumentBytes);
        std::array<std::int8_t, kMixTableValues> values{};
        for (auto& value : values) value = in_.i8();
        if (gp5_) beat.tempoName = in_.intByteSizeString();
        beat.tempoOffset = in_.position();
        const std::int32_t tempo = in_.i32();
        // Each value that changes has the number of beats its transition takes.
        for (const std::int8_t value : values) {
            if (value >= 0) in_.skip(1);
        }
        if (tempo >= 0) {
            in_.skip(1);
            if (import_.version.atLeast(5, 10)) in_.skip(1);  // hide the tempo
            beat.tempo = tempo;
        }
        if (gp4_) in_.skip(1);  // which values apply to every track
        if (gp5_) in_.skip(1);  // wah
        if (import_.version.atLeast(5, 10)) {
            static_cast<void>(in_.intByteSizeString());  // RSE effect
            static_cast<void>(in_.intByteSizeString());  // and its category
        }
    }

    NoteData readNote(std::size_t string) {
        NoteData note;
        note.offset = in_.position();
        note.string = static_cast<std::uint8_t>(string);
        const std::uint8_t flags = in_.u8();
        note.ghost = (flags & kGhost) != 0;
        note.accent = (flags & kAccent) != 0;
        note.heavyAccent = gp5_ && (flags & kHeavyAccent) != 0;
        if ((flags & kNoteType) != 0) {
            const std::uint8_t type = in_.u8();
            note.tie = type == 2;
            note.dead = type == 3;
        }
        if (!gp5_ && (flags & kNoteDuration) != 0) in_.skip(2);  // a duration and tuplet of its own
        note.velocity = velocityOf((flags & kDynamic) != 0 ? in_.i8() : kDefaultDynamic);
        if ((flags & kNoteType) != 0) note.fret = in_.i8();
        if ((flags & kFingering) != 0) {
            note.leftFinger = in_.i8();
            note.rightFinger = in_.i8();
        }
        if (gp5_) {
            if ((flags & kNoteDuration) != 0) in_.skip(8);  // its length in percent, a double
            in_.skip(1);                                    // whether to swap the accidental
        }
        if ((flags & kNoteEffects) != 0) readNoteEffects(note);
        if (note.fret < 0 && !note.tie && in_.ok()) {
            import_.warn(note.offset, "the fret " + std::to_string(note.fret) + " is read as 0");
            note.fret = 0;
        }
        return note;
    }

    void readNoteEffects(NoteData& note) {
        const std::uint8_t flags = in_.u8();
        const std::uint8_t flags2 = gp4_ ? in_.u8() : 0;
        if ((flags & 0x01U) != 0) note.bend = readBend();
        if ((flags & 0x10U) != 0) note.grace = readGrace();
        if ((flags2 & 0x04U) != 0) {
            in_.skip(1);  // tremolo picking speed
            note.tremoloPicking = true;
        }
        if ((flags2 & 0x08U) != 0) note.slide = gp5_ ? gp5Slide(in_.u8()) : gp4Slide(in_.i8());
        if (!gp4_ && (flags & 0x04U) != 0) note.slide = Slide::Shift;
        if ((flags2 & 0x10U) != 0) note.harmonic = readHarmonic();
        if ((flags2 & 0x20U) != 0) {
            in_.skip(2);  // the fret trilled with and the speed
            note.trill = true;
        }
        note.hammer = (flags & 0x02U) != 0;
        note.letRing = (flags & 0x08U) != 0;
        note.staccato = (flags2 & 0x01U) != 0;
        note.palmMute = (flags2 & 0x02U) != 0;
        note.vibrato = (flags2 & 0x40U) != 0;
    }

    // A bend or tremolo bar: type, height, then points at sixtieths of the note's length with their
    // pitch in hundredths of a tone (100 = a full tone, 200 cents).
    std::vector<score::BendPoint> readBend() {
        in_.skip(1 + 4);  // type and height, both implied by the points
        const std::size_t count = in_.count(kBendPointBytes, "number of bend points");
        std::vector<score::BendPoint> points;
        points.reserve(count);
        for (std::size_t i = 0; i < count && in_.ok(); ++i) {
            const std::int32_t position = std::clamp(in_.i32(), 0, kBendPositions);
            const std::int32_t value = std::clamp(in_.i32(), -kMaxBendValue, kMaxBendValue);
            in_.skip(1);  // vibrato
            points.push_back(
                score::BendPoint{core::Rational{position, kBendPositions}, static_cast<std::int16_t>(value * 2)});
        }
        return points;
    }

    GraceData readGrace() {
        GraceData grace;
        grace.fret = std::max<int>(in_.i8(), 0);
        grace.velocity = velocityOf(in_.i8());
        const std::int8_t transition = in_.i8();  // 0 none, 1 slide, 2 bend, 3 hammer
        grace.slide = transition == 1;
        grace.legato = transition == 3;
        // 1 a sixty-fourth, 2 a thirty-second, 3 a sixteenth.
        const std::uint8_t length = in_.u8();
        if (length >= 1 && length <= 6) grace.value = core::Rational{1, std::int64_t{128} >> length};
        if (gp5_) {
            const std::uint8_t flags = in_.u8();
            grace.dead = (flags & 0x01U) != 0;
            grace.onBeat = (flags & 0x02U) != 0;
        }
        return grace;
    }

    static Slide gp4Slide(std::int8_t type) {
        switch (type) {
            case -2:
                return Slide::InFromAbove;
            case -1:
                return Slide::InFromBelow;
            case 1:
                return Slide::Shift;
            case 2:
                return Slide::Legato;
            case 3:
                return Slide::OutDownwards;
            case 4:
                return Slide::OutUpwards;
            default:
                return Slide::None;
        }
    }

    // GP5 slides are a bitmask; a note keeps one, slides out of it before slides into it.
    static Slide gp5Slide(std::uint8_t mask) {
        constexpr std::array<std::pair<std::uint8_t, Slide>, 6> kBits{{{0x01, Slide::Shift},
                                                                       {0x02, Slide::Legato},
                                                                       {0x04, Slide::OutDownwards},
                                                                       {0x08, Slide::OutUpwards},
                                                                       {0x10, Slide::InFromBelow},
                                                                       {0x20, Slide::InFromAbove}}};
        for (const auto& [bit, slide] : kBits) {
            if ((mask & bit) != 0) return slide;
        }
        return Slide::None;
    }

    Harmonic readHarmonic() {
        const std::uint8_t type = in_.u8();
        if (gp5_) {
            switch (type) {
                case 1:
                    return Harmonic::Natural;
                case 2:
                    in_.skip(3);  // the harmonic's pitch, accidental and octave
                    return Harmonic::Artificial;
                case 3:
                    in_.skip(1);  // the fret tapped
                    return Harmonic::Tapped;
                case 4:
                    return Harmonic::Pinch;
                case 5:
                    return Harmonic::Semi;
                default:
                    return Harmonic::None;
            }
        }
        switch (type) {
            case 1:
                return Harmonic::Natural;
            case 3:
                return Harmonic::Tapped;
            case 4:
                return Harmonic::Pinch;
            case 5:
                return Harmonic::Semi;
            case 15:  // artificial, a fifth, an octave and a half, an octave above
            case 17:
            case 22:
                return Harmonic::Artificial;
            default:
                return Harmonic::None;
        }
    }

    Import& import_;
    ByteReader& in_;
    bool gp5_;
    bool gp4_;
    std::size_t strings_;
};

}  // namespace

void readBeat(Import& import, std::size_t strings, BeatData& beat) { BeatReader{import, strings}.read(beat); }

}  // namespace mos::formats::gp
