#include "formats/PercussionStaff.hpp"

#include <array>

namespace mos::formats {

namespace {

using Head = PercussionNotehead;
using score::Step;

struct Entry {
    std::string_view name;
    Step step;
    std::int8_t octave;
    Head head;
    bool shared;  // drawn exactly like a more common key, so a reader never guesses it
};

constexpr int kFirstKey = 27;
// The drum set proper (GM keys 35…59); a reader guessing a key tries these first.
constexpr int kFirstKitKey = 35;
constexpr int kLastKitKey = 59;

constexpr std::array<Entry, 61> kEntries{{
    // Effects (GM2): clicks and sticks on the snare line.
    {"High Q", Step::C, 5, Head::X, false},
    {"Slap", Step::C, 5, Head::Slash, false},
    {"Scratch Push", Step::C, 5, Head::X, false},
    {"Scratch Pull", Step::C, 5, Head::X, false},
    {"Sticks", Step::C, 5, Head::X, false},
    {"Square Click", Step::C, 5, Head::X, false},
    {"Metronome Click", Step::C, 5, Head::X, false},
    {"Metronome Bell", Step::C, 5, Head::Triangle, false},
    // The drum set.
    {"Acoustic Bass Drum", Step::E, 4, Head::Normal, false},
    {"Bass Drum 1", Step::F, 4, Head::Normal, false},
    {"Side Stick", Step::C, 5, Head::X, false},
    {"Acoustic Snare", Step::C, 5, Head::Normal, false},
    {"Hand Clap", Step::B, 4, Head::X, false},
    {"Electric Snare", Step::C, 5, Head::Normal, true},
    {"Low Floor Tom", Step::G, 4, Head::Normal, false},
    {"Closed Hi-Hat", Step::G, 5, Head::X, false},
    {"High Floor Tom", Step::A, 4, Head::Normal, false},
    {"Pedal Hi-Hat", Step::D, 4, Head::X, false},
    {"Low Tom", Step::B, 4, Head::Normal, false},
    {"Open Hi-Hat", Step::G, 5, Head::CircleX, false},
    {"Low-Mid Tom", Step::D, 5, Head::Normal, true},
    {"Hi-Mid Tom", Step::D, 5, Head::Normal, false},
    {"Crash Cymbal 1", Step::A, 5, Head::X, false},
    {"High Tom", Step::E, 5, Head::Normal, false},
    {"Ride Cymbal 1", Step::F, 5, Head::X, false},
    {"Chinese Cymbal", Step::C, 6, Head::X, false},
    {"Ride Bell", Step::F, 5, Head::Diamond, false},
    {"Tambourine", Step::B, 4, Head::Triangle, false},
    {"Splash Cymbal", Step::D, 6, Head::X, false},
    {"Cowbell", Step::F, 5, Head::Triangle, false},
    {"Crash Cymbal 2", Step::B, 5, Head::X, false},
    {"Vibraslap", Step::C, 6, Head::Triangle, false},
    {"Ride Cymbal 2", Step::E, 5, Head::X, false},
    // Latin and orchestral percussion: hand drums on the tom lines, the rest above the staff. A
    // normal head only ever shares a line with a drum-set normal head, so a file that draws its
    // hi-hat or cymbals with plain heads is still read as the drum set.
    {"Hi Bongo", Step::E, 5, Head::Normal, false},
    {"Low Bongo", Step::D, 5, Head::Normal, false},
    {"Mute Hi Conga", Step::B, 4, Head::X, false},
    {"Open Hi Conga", Step::B, 4, Head::Normal, false},
    {"Low Conga", Step::A, 4, Head::Normal, false},
    {"High Timbale", Step::E, 5, Head::Normal, false},
    {"Low Timbale", Step::D, 5, Head::Normal, false},
    {"High Agogo", Step::B, 5, Head::Triangle, false},
    {"Low Agogo", Step::A, 5, Head::Triangle, false},
    {"Cabasa", Step::B, 5, Head::Slash, false},
    {"Maracas", Step::A, 5, Head::Slash, false},
    {"Short Whistle", Step::D, 6, Head::Diamond, false},
    {"Long Whistle", Step::D, 6, Head::Diamond, false},
    {"Short Guiro", Step::C, 6, Head::Slash, false},
    {"Long Guiro", Step::C, 6, Head::Slash, false},
    {"Claves", Step::D, 6, Head::Triangle, false},
    {"Hi Wood Block", Step::E, 5, Head::Triangle, false},
    {"Low Wood Block", Step::D, 5, Head::Triangle, false},
    {"Mute Cuica", Step::G, 4, Head::X, false},
    {"Open Cuica", Step::G, 4, Head::Normal, false},
    {"Mute Triangle", Step::C, 6, Head::CircleX, false},
    {"Open Triangle", Step::C, 6, Head::Diamond, false},
    // GM2 additions.
    {"Shaker", Step::G, 5, Head::Slash, false},
    {"Jingle Bell", Step::G, 5, Head::Triangle, false},
    {"Bell Tree", Step::A, 5, Head::Diamond, false},
    {"Castanets", Step::D, 5, Head::X, false},
    {"Mute Surdo", Step::E, 4, Head::X, false},
    {"Open Surdo", Step::E, 4, Head::Normal, false},
}};

constexpr std::array<std::string_view, 6> kNoteheadNames{"normal", "x", "circle-x", "diamond", "triangle", "slash"};

constexpr bool drawnAt(const Entry& entry, const score::Pitch& position) {
    return entry.step == position.step && entry.octave == position.octave && position.alter == 0;
}

// The first key in first…last (inclusive) that `matches` accepts, skipping shared places.
template <typename Matches>
std::optional<std::uint8_t> firstKey(int first, int last, Matches matches) {
    for (int key = first; key <= last; ++key) {
        const Entry& entry = kEntries[static_cast<std::size_t>(key - kFirstKey)];
        if (!entry.shared && matches(entry)) return static_cast<std::uint8_t>(key);
    }
    return std::nullopt;
}

}  // namespace

std::optional<PercussionNotation> percussionNotation(int key) noexcept {
    if (key < kFirstKey || key >= kFirstKey + static_cast<int>(kEntries.size())) return std::nullopt;
    const Entry& entry = kEntries[static_cast<std::size_t>(key - kFirstKey)];
    return PercussionNotation{entry.name, score::Pitch{entry.step, 0, entry.octave, 0}, entry.head};
}

score::Pitch percussionPosition(int key) noexcept {
    if (const auto notation = percussionNotation(key)) return notation->position;
    return score::Pitch{Step::B, 0, 4, 0};
}

std::optional<std::uint8_t> percussionKeyAt(const score::Pitch& position,
                                            std::optional<PercussionNotehead> notehead) noexcept {
    const auto exactly = [&](const Entry& entry) { return drawnAt(entry, position) && entry.head == notehead; };
    const int lastKey = kFirstKey + static_cast<int>(kEntries.size()) - 1;
    if (auto key = firstKey(kFirstKitKey, kLastKitKey, exactly)) return key;
    if (auto key = firstKey(kFirstKey, kFirstKitKey - 1, exactly)) return key;
    if (auto key = firstKey(kLastKitKey + 1, lastKey, exactly)) return key;
    // Another head on a drum-set line or space: the plain-headed drum there, else the first one.
    const auto plain = [&](const Entry& entry) { return drawnAt(entry, position) && entry.head == Head::Normal; };
    if (auto key = firstKey(kFirstKitKey, kLastKitKey, plain)) return key;
    return firstKey(kFirstKitKey, kLastKitKey, [&](const Entry& entry) { return drawnAt(entry, position); });
}

std::string_view musicXmlNotehead(PercussionNotehead notehead) noexcept {
    return kNoteheadNames[static_cast<std::size_t>(notehead)];
}

std::optional<PercussionNotehead> percussionNoteheadFromMusicXml(std::string_view name) noexcept {
    for (std::size_t i = 0; i < kNoteheadNames.size(); ++i) {
        if (kNoteheadNames[i] == name) return static_cast<PercussionNotehead>(i);
    }
    return std::nullopt;
}

}  // namespace mos::formats
