// Chord diagrams. GP3 and GP4 start with a format byte: 0 is the old format (a name, a base fret
// and, when the base fret is not 0, one fret per string), 1 the new one, which GP5 always uses:
// spelling, root, type, extension, bass, alterations, a name in a 22-byte field, base fret, frets,
// barres, omitted degrees and (GP4/GP5) fingering. GP3 stores the new format's small numbers as
// 32-bit integers and has room for six strings; GP4/GP5 use bytes and seven strings.

#include <algorithm>

#include "formats/guitarpro/GpBeat.hpp"

namespace mos::formats::gp {
namespace {

constexpr std::size_t kNameField = 22;
constexpr int kMaxFret = 99;
constexpr std::size_t kBarreSlots = 5;
constexpr std::size_t kOmissions = 7;

// MusicXML kind names of the GP chord types 0…14; the two seventh-suspended types have none.
constexpr std::array<const char*, 15> kKinds{"major",
                                             "dominant",
                                             "major-seventh",
                                             "major-sixth",
                                             "minor",
                                             "minor-seventh",
                                             "major-minor",
                                             "minor-sixth",
                                             "suspended-second",
                                             "suspended-fourth",
                                             "",
                                             "",
                                             "diminished",
                                             "augmented",
                                             "power"};

class ChordReader {
public:
    ChordReader(Import& import, std::size_t strings)
        : import_{import}, in_{import.in}, strings_{strings}, gp3_{import.version.major < 4} {}

    ChordData read() {
        ChordData chord;
        const bool newFormat = import_.version.major >= 5 || in_.boolean();
        if (newFormat) {
            readNewFormat(chord);
        } else {
            readOldFormat(chord);
        }
        return chord;
    }

private:
    void readOldFormat(ChordData& chord) {
        chord.name = in_.intByteSizeString();
        chord.baseFret = in_.i32();
        if (chord.baseFret != 0) readFrets(chord, import_.version.atLeast(4, 6) ? 7 : 6);
        chord.baseFret = std::max(chord.baseFret, 1);
    }

    void readNewFormat(ChordData& chord) {
        if (import_.version.major >= 5) in_.skip(1);  // the format byte, always 1
        chord.sharp = in_.boolean();
        in_.skip(3);
        chord.root = small();
        const int type = small();
        const int extension = small();
        chord.bass = in_.i32();
        const int tonality = in_.i32();
        const bool added = in_.boolean();
        chord.name = in_.byteSizeString(kNameField);
        const int fifth = small();
        const int ninth = small();
        const int eleventh = small();
        chord.baseFret = std::max(in_.i32(), 1);
        readFrets(chord, gp3_ ? 6 : 7);
        if (gp3_) {
            in_.skip(4 + 2 * 3 * 4);  // barre count; two barres of fret, first and last string
        } else {
            in_.skip(1 + 3 * kBarreSlots);  // barre count; five barres of fret, first and last string
        }
        in_.skip(kOmissions + 1);
        if (!gp3_) readFingering(chord);
        if (chord.root < 0 || chord.root > 11) chord.root = -1;
        if (chord.bass < 0 || chord.bass > 11 || chord.bass == chord.root) chord.bass = -1;
        const bool plain = extension == 0 && tonality == 0 && !added && fifth == 0 && ninth == 0 && eleventh == 0;
        if (plain && type >= 0 && static_cast<std::size_t>(type) < kKinds.size())
            chord.kind = kKinds[static_cast<std::size_t>(type)];
    }

    // GP3 stores these as 32-bit integers, GP4 and GP5 as bytes.
    int small() { return gp3_ ? in_.i32() : in_.i8(); }

    void readFrets(ChordData& chord, std::size_t slots) {
        for (std::size_t s = 0; s < slots && in_.ok(); ++s) {
            const std::size_t at = in_.position();
            const std::int32_t fret = in_.i32();
            if (s >= strings_ || !in_.ok()) continue;
            if (fret < -1 || fret > kMaxFret) {
                import_.warn(at, "the chord diagram \"" + chord.name + "\" has fret " + std::to_string(fret) +
                                     " on string " + std::to_string(s + 1) + "; the string is shown muted");
            }
            chord.frets.push_back(static_cast<std::int8_t>(fret < -1 || fret > kMaxFret ? -1 : fret));
        }
    }

    // -2 unknown, -1 open or muted, 0 thumb, 1…4 index…little finger.
    void readFingering(ChordData& chord) {
        std::vector<std::uint8_t> fingers;
        bool any = false;
        for (std::size_t s = 0; s < 7; ++s) {
            const std::int8_t finger = in_.i8();
            if (s >= strings_) continue;
            const std::uint8_t mapped =
                finger == 0 ? 5 : (finger >= 1 && finger <= 4 ? static_cast<std::uint8_t>(finger) : 0);
            any = any || mapped != 0;
            fingers.push_back(mapped);
        }
        in_.skip(1);  // whether the fingering is shown
        if (any) chord.fingers = std::move(fingers);
    }

    Import& import_;
    ByteReader& in_;
    std::size_t strings_;
    bool gp3_;
};

}  // namespace

ChordData readChord(Import& import, std::size_t strings) { return ChordReader{import, strings}.read(); }

}  // namespace mos::formats::gp
