#pragma once

// Turns the beats of one track into the part's events and the score's layer entries. It keeps what
// spans beats: the last note on every string of each voice (a tied note takes its fret; a
// hammer-on/pull-off is decided by comparing with the next fret), open tuplet brackets, and the
// dynamic in force.

#include <array>
#include <optional>

#include "formats/guitarpro/GpBeat.hpp"

namespace mos::formats::gp {

class EventBuilder {
public:
    EventBuilder(Import& import, std::size_t track);

    // Adds a beat of `voice` (1 or 2) at `offset` in `measure`. Thread: any. RT-safe: no.
    void addBeat(const BeatData& beat, std::uint32_t measure, core::Rational offset, std::uint8_t voice);
    // Closes what a voice leaves open at the end of a measure (a tuplet bracket).
    void endVoice(std::uint8_t voice);
    // Settles what is still open and puts the part's events in time order.
    void finish();

private:
    static constexpr std::size_t kVoices = 2;
    static constexpr std::size_t kStrings = 7;

    // The last note played on a string.
    struct StringState {
        std::size_t event = 0;  // index into the part's events
        std::size_t note = 0;
        int fret = 0;
        std::optional<std::size_t> hammerFrom;  // its tablature entry, when it hammers to the next note
    };
    struct TupletState {
        std::optional<std::size_t> lastEvent;  // the open bracket's last event
        std::uint16_t actual = 0;
        core::Rational length{};  // taken so far
        core::Rational unit{};    // the shortest plain note value in it
    };

    score::Part& part();
    int pitchOf(std::uint8_t string, int fret) const;
    score::Note makeNote(std::uint32_t measure, std::uint8_t string, int fret, std::uint8_t velocity);
    void addGrace(const BeatData& beat, std::uint32_t measure, core::Rational offset, std::uint8_t voice);
    void addNote(const BeatData& beat, const NoteData& data, score::Event& event, std::uint8_t voice);
    void addArticulations(const BeatData& beat, score::Event& event) const;
    void addTuplet(const BeatData& beat, score::Event& event, std::uint8_t voice);
    void addLayers(const BeatData& beat, const score::ScorePosition& at);
    void addTempo(const BeatData& beat, const score::ScorePosition& at);
    void addDynamic(const BeatData& beat, const score::ScorePosition& at);

    Import& import_;
    std::size_t partIndex_;
    const TrackInfo& track_;
    std::array<std::array<std::optional<StringState>, kStrings>, kVoices> strings_{};
    std::array<TupletState, kVoices> tuplets_{};
    std::uint8_t velocity_ = 95;  // forte, where GP starts
};

}  // namespace mos::formats::gp
