// readMidi on arbitrary bytes: never crashes or hangs, and whatever it reads writes back to a file
// that reads as the same notes (pitch, performed onset and duration) in the same parts.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <tuple>
#include <vector>

#include "mos/formats/MidiScore.hpp"

namespace {

using Note = std::tuple<int, mos::core::Rational, mos::core::Rational>;

bool earlier(const Note& a, const Note& b) {
    if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
    return std::get<2>(a) < std::get<2>(b);
}

// The performed notes of each part that has any, sorted.
std::vector<std::vector<Note>> notesOf(const mos::score::Score& score) {
    std::vector<std::vector<Note>> parts;
    for (const auto& part : score.parts) {
        std::vector<Note> notes;
        for (const auto& event : part.events) {
            for (const auto& note : event.notes) {
                if (!note.performed) continue;
                const int key = note.percussionKey != 0 ? note.percussionKey : note.pitch.midiNumber();
                notes.emplace_back(key, note.performed->onset, note.performed->duration);
            }
        }
        std::sort(notes.begin(), notes.end(), earlier);
        if (!notes.empty()) parts.push_back(std::move(notes));
    }
    return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::byte> bytes{reinterpret_cast<const std::byte*>(data), size};
    const auto imported = mos::formats::readMidi(bytes, "fuzz.mid");
    if (!imported) return 0;
    for (const auto& score : imported->scores) {
        const auto written = mos::formats::writeMidi(score);
        if (!written) std::abort();
        const auto again = mos::formats::readMidi(*written, "fuzz-written.mid");
        if (!again || again->scores.size() != 1) std::abort();
        if (notesOf(again->scores.front()) != notesOf(score)) std::abort();
    }
    return 0;
}
