// Pitch names are theory::Pitch's and theory::NoteName's own parsers; this adds MIDI numbers and the
// upward voicing of names written without an octave.

#include "mos/engine/LiveNotes.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <sstream>

#include "mos/theory/Pitch.hpp"

namespace mos::engine {

namespace {

constexpr int kMaxKey = 127;
constexpr long kMaxVelocity = 127;
constexpr int kFirstOctave = 4;  // where an octave-less first note sounds: C means middle C

core::Error notANote(const std::string& text) {
    return core::fail(core::ErrorCode::InvalidArgument,
                      "\"" + text +
                          "\" is not a note: write a pitch (C4, F#3, Bb5), a MIDI number (60) or a name "
                          "without an octave (C, Eb)");
}

std::optional<int> midiNumber(const std::string& text) {
    int number = 0;
    const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (status != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return number;
}

// The key of `text`, given the key of the note before it (none for the first).
core::Result<int> keyOf(const std::string& text, std::optional<int> previous) {
    if (const auto number = midiNumber(text)) return *number;
    if (const auto pitch = theory::Pitch::parse(text)) return pitch->midiNumber();
    const auto name = theory::NoteName::parse(text);
    if (!name) return notANote(text);
    if (!previous) return theory::Pitch::of(*name, kFirstOctave).midiNumber();
    // The lowest key above the previous one with the name's pitch class.
    const int above = *previous + 1;
    return above + ((name->pitchClass() - above) % 12 + 12) % 12;
}

}  // namespace

core::Result<std::vector<std::uint8_t>> liveKeys(std::span<const std::string> notes) {
    std::vector<std::uint8_t> keys;
    keys.reserve(notes.size());
    std::optional<int> previous;
    for (const std::string& note : notes) {
        const auto key = keyOf(note, previous);
        if (!key) return key.error();
        if (*key < 0 || *key > kMaxKey) {
            return core::fail(core::ErrorCode::OutOfRange, "\"" + note + "\" is outside MIDI's keys 0…127 (C-1…G9)");
        }
        keys.push_back(static_cast<std::uint8_t>(*key));
        previous = *key;
    }
    return keys;
}

core::Result<std::uint8_t> liveVelocity(double velocity) {
    if (!(velocity > 0.0 && velocity <= 1.0)) {
        std::ostringstream text;
        text << "velocity " << velocity << " is out of range: give more than 0 and at most 1";
        return core::fail(core::ErrorCode::OutOfRange, text.str());
    }
    return static_cast<std::uint8_t>(std::max(1L, std::lround(velocity * kMaxVelocity)));
}

}  // namespace mos::engine
