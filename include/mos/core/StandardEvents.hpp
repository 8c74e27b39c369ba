#pragma once

// The events every MOS module shares (the vision's GlobalMidiEventBus vocabulary). Each is a plain
// trivially copyable struct, so the audio thread can emit it through a ring without allocating.
// Modules add their own events the same way (see Event.hpp).

#include <cstdint>
#include <string_view>

#include "mos/core/FixedString.hpp"

namespace mos::core {

// Where a note came from, so widgets can tell the score's notes from the player's.
enum class NoteSource : std::uint8_t { Playback, LiveInput, Interface };

struct NoteOn {
    static constexpr std::string_view kName = "note.on";
    std::int64_t sampleTime = 0;  // the sample the note starts on, -1 when not from the engine
    std::int32_t part = -1;       // score part index, -1 for live input
    std::uint8_t channel0to15 = 0;
    std::uint8_t key0to127 = 60;
    std::uint8_t velocity1to127 = 100;
    NoteSource source = NoteSource::Playback;
};

struct NoteOff {
    static constexpr std::string_view kName = "note.off";
    std::int64_t sampleTime = 0;
    std::int32_t part = -1;
    std::uint8_t channel0to15 = 0;
    std::uint8_t key0to127 = 60;
    NoteSource source = NoteSource::Playback;
};

struct ChordDetected {
    static constexpr std::string_view kName = "chord.detected";
    FixedString<24> symbol{};        // "Cmaj7/E"
    FixedString<24> romanNumeral{};  // "IV6", empty without a key
    float confidence = 0.0F;         // 0..1
    NoteSource source = NoteSource::Playback;
};

enum class TransportStatus : std::uint8_t { Idle, Loading, Ready, Playing, Paused, Stopped };

// "idle", "loading", "ready", "playing", "paused", "stopped". Thread: any. RT-safe: yes.
constexpr std::string_view toString(TransportStatus status) noexcept {
    switch (status) {
        case TransportStatus::Idle:
            return "idle";
        case TransportStatus::Loading:
            return "loading";
        case TransportStatus::Ready:
            return "ready";
        case TransportStatus::Playing:
            return "playing";
        case TransportStatus::Paused:
            return "paused";
        case TransportStatus::Stopped:
            return "stopped";
    }
    return "idle";
}

struct TransportState {
    static constexpr std::string_view kName = "transport.state";
    TransportStatus status = TransportStatus::Idle;
};

struct Position {
    static constexpr std::string_view kName = "transport.position";
    std::int64_t ticks960 = 0;  // performance time in ticks
    double seconds = 0.0;       // performance time in seconds
    std::int32_t measure = 1;   // score measure index, 1-based (repeats map back to the score)
    std::int32_t beat = 1;      // 1-based beat in the measure
    float beatFraction = 0.0F;  // 0..1 through the beat
};

struct Beat {
    static constexpr std::string_view kName = "transport.beat";
    std::int64_t sampleTime = 0;
    std::int32_t measure = 1;
    std::int32_t beat = 1;
    bool downbeat = false;
};

struct Tempo {
    static constexpr std::string_view kName = "transport.tempo";
    double quartersPerMinute = 120.0;  // as written in the score at this point
    double scale = 1.0;                // the player's speed factor, 0.25..4
};

struct KeyChange {
    static constexpr std::string_view kName = "key.change";
    FixedString<8> tonic{};  // "F#"
    FixedString<16> mode{};  // "major", "dorian"
    std::int8_t fifths = 0;  // key signature, -7..7
    std::int32_t measure = 1;
};

struct MarkerReached {
    static constexpr std::string_view kName = "marker.reached";
    FixedString<48> label{};  // "Chorus", "B"
    std::int32_t measure = 1;
};

struct WidgetState {
    static constexpr std::string_view kName = "widget.state";
    FixedString<24> widget{};    // "mos-piano"
    FixedString<24> property{};  // "visible"
    FixedString<48> value{};     // "true"
};

enum class PracticeVerdict : std::uint8_t { Correct, WrongPitch, Early, Late, Missed, Extra };

struct PracticeFeedback {
    static constexpr std::string_view kName = "practice.feedback";
    PracticeVerdict verdict = PracticeVerdict::Correct;
    std::int8_t expectedKey = -1;  // MIDI key the score asked for, -1 when none (an extra note)
    std::int8_t playedKey = -1;    // MIDI key played, -1 when none (a missed note)
    float timingErrorMs = 0.0F;    // negative early, positive late
    std::int32_t measure = 1;
};

}  // namespace mos::core
