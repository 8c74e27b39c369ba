#pragma once

// The notes a score plays, part by part, as a player (or a MIDI file) sounds them: tied chains
// merged into one note, grace notes given a short time before their beat, sounding MIDI keys
// (transposition applied, drums by their GM key), velocities from the notes or the dynamics in
// force, and the General MIDI channel each part plays on. The MIDI writer and the transport's
// playback compiler both start from here, so a score sounds the same exported or played.
//
//   a part with "C4 quarter tied to C4 eighth" under an "f":
//   playedNotes(score).parts[0][0]  ->  onset 0, duration 3/8, key 60, velocity 96
//
// Times are in score order (repeats are not expanded): whole notes from the start of the score,
// or the note's performed timing when it has one (an imported MIDI performance).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "mos/core/Rational.hpp"
#include "mos/score/Part.hpp"
#include "mos/score/Score.hpp"

namespace mos::score {

// The velocity an unmarked passage plays at (mezzo-forte).
inline constexpr std::uint8_t kDefaultVelocity = 80;
// General MIDI's drum channel, 0-based (channel 10).
inline constexpr std::uint8_t kDrumChannel0to15 = 9;

struct PlayedNote {
    core::Rational onset{};     // whole notes from the start of the score
    core::Rational duration{};  // a tied chain is one note
    std::uint32_t measure = 0;  // the measure the (first) note is written in
    std::uint8_t key = 0;       // sounding MIDI key; a drum's GM key
    std::uint8_t velocity = 0;  // 1…127
    bool performed = false;     // the timing came from the note's performance, not its notation
    bool grace = false;
    std::uint32_t articulations = 0;  // bit (1 << Articulation) for each articulation of its event
    ElementId event = 0;              // the event that starts the chain

    bool has(Articulation articulation) const noexcept {
        return (articulations >> static_cast<unsigned>(articulation) & 1U) != 0;
    }
};

struct PlayedNotes {
    std::vector<std::vector<PlayedNote>> parts;  // one list per Score::parts entry, in event order
    std::size_t skipped = 0;                     // notes outside MIDI's 0…127, or at no valid position
};

// The velocity a dynamic mark stands for: "pp" -> 33, "mf" -> 80, "sfz" -> 112; nullopt for a mark
// it does not know. Thread: any. RT-safe: yes.
std::optional<std::uint8_t> velocityOfDynamic(std::string_view mark) noexcept;

// Every played note of every part. Cue notes and rests play nothing. Thread: any. RT-safe: no.
PlayedNotes playedNotes(const Score& score);

// The 0-based MIDI channel of each part: the instrument's own channel when the source fixed one,
// channel 9 for percussion, else the next free channel in turn (skipping 9, wrapping after 16).
// Thread: any. RT-safe: no.
std::vector<std::uint8_t> midiChannels(const Score& score);

}  // namespace mos::score
