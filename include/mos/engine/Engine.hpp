#pragma once

// The running system (the vision's UnifiedKernelEngine): one object that owns the score store, the
// transport, the audio engine with its instrument, the audio device and the event bus, and the
// frame thread that keeps them talking. The command line and the server drive MOS through it.
//
//   auto engine = Engine::start({.backend = audio::DeviceBackend::Jack});
//   if (!engine) { report(engine.error()); return; }
//   auto sub = (*engine)->bus().subscribe<core::Position>([](const core::Position& p) { show(p); });
//   (*engine)->load("song.musicxml");
//   (*engine)->play();
//
// Threads: the device's audio thread runs the audio engine; the frame thread polls the transport
// and dispatches the bus about 60 times a second, so bus handlers run there; every method here may
// be called from any other thread (they take turns on one lock, which the audio thread never
// touches). Bus handlers may call back into the engine.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "mos/audio/AudioDevice.hpp"
#include "mos/audio/InstrumentBank.hpp"
#include "mos/core/EventBus.hpp"
#include "mos/core/Rational.hpp"
#include "mos/core/Result.hpp"
#include "mos/engine/NoteDuration.hpp"
#include "mos/score/Store.hpp"
#include "mos/transport/Transport.hpp"

namespace mos::engine {

struct EngineOptions {
    // The device to play through; empty: JACK when a server runs, else ALSA when a card can play,
    // else the null device.
    std::optional<audio::DeviceBackend> backend;
    std::string jackServer{};            // empty: $JACK_DEFAULT_SERVER, else "default"
    std::string clientName = "mos";      // the JACK client's name
    core::SampleRate sampleRate{48000};  // asked of ALSA and the null device; a JACK server decides
    std::uint32_t bufferFrames = 256;    // likewise
    bool connectOutputs = true;          // JACK: to the system playback ports
    double framesPerSecond = 60.0;       // how often the transport is polled and the bus dispatched
};

// A score the engine has loaded.
struct LoadedScore {
    score::DocumentId document{};
    std::string title;     // the score's title, else the file's name
    std::size_t tune = 1;  // which score of the file (an ABC tune book holds many)
    std::size_t tunes = 1;
    std::size_t notes = 0;       // notes the performance plays
    double lengthSeconds = 0.0;  // at the current tempo scale
    std::size_t warnings = 0;    // import warnings (the reader's, per file)
};

class Engine {
public:
    // Opens and starts the device and the frame thread. Thread: control. RT-safe: no.
    static core::Result<std::unique_ptr<Engine>> start(const EngineOptions& options);
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;
    // Stops the device and the frame thread. Thread: control (never a bus handler). RT-safe: no.
    ~Engine();

    // Reads a file in any format MOS reads, opens score `tune` of it in the store and makes it the
    // transport's score (Loading → Ready); on failure the earlier score stays loaded.
    core::Result<LoadedScore> load(const std::filesystem::path& file, std::size_t tune = 1);
    // The same for a score already in memory.
    core::Result<LoadedScore> load(score::Score score, std::string title = {});

    core::Result<void> play();
    core::Result<void> pause();
    core::Result<void> stop();
    core::Result<void> seek(core::Rational wholeNotes);
    core::Result<void> seekSeconds(double seconds);
    core::Result<void> seekMeasure(const std::string& number);
    core::Result<void> setLoop(const std::string& fromMeasure, const std::string& toMeasure);
    core::Result<void> clearLoop();
    core::Result<void> setTempoScale(double scale);  // 0.25…4
    core::Result<void> setCountIn(std::uint16_t bars);
    void setMetronome(bool on);

    transport::TransportPosition position() const;
    bool metronome() const;

    // Plays the parts with `bank` (loaded by the caller, off the audio thread) from the audio
    // thread's next block on; until a bank is given, the fallback synth plays. Thread: control.
    // RT-safe: no.
    void setInstruments(std::shared_ptr<const audio::InstrumentBank> bank);
    // True once the audio thread plays the bank given (the vision's Apollo.isReady).
    bool isReady() const noexcept;

    // Playing live (the vision's Apollo.playNote, playChord and cutoffCurrentChord): notes heard
    // from the audio thread's next block, over whatever the transport does, on their own channel
    // (audio::LivePlayer::kChannel) with the live program. A note is a pitch ("C4", "F#3", "Bb5"),
    // a MIDI number, or a name without an octave, voiced upward from octave 4 (see liveKeys); a
    // note value lasts as long as the tempo where the playhead is says (120 BPM with no score);
    // velocity is more than 0 and at most 1. Errors name the text or value that is wrong.
    //
    //   engine.playChord(std::vector<std::string>{"C", "E", "G"}, "4n", 0.8);  // C4 E4 G4
    //   engine.playNote("C4", "8n", 0.7);
    //   engine.cutoffCurrentChord();
    //
    // Thread: any (not the audio thread). RT-safe: no; the audio thread never waits for them.
    core::Result<void> playNote(std::string_view note, const NoteDuration& duration, double velocity);
    // At most audio::LivePlayer::kMaxChordNotes notes, starting together.
    core::Result<void> playChord(std::span<const std::string> notes, const NoteDuration& duration, double velocity);
    // Releases the notes of the last playNote or playChord that still sound, each fading with its
    // instrument's release.
    core::Result<void> cutoffCurrentChord();
    // The General MIDI program live notes play with, 0…127 (0, piano, until set).
    core::Result<void> setLiveProgram(int program);

    // The store holds every loaded score; an edit of the playing one is heard at once.
    score::Store& store() noexcept;
    core::EventBus& bus() noexcept;
    // "jack: default (48000 Hz, 256 frames)".
    std::string deviceDescription() const;
    core::SampleRate sampleRate() const noexcept;
    // The device's timing of the audio engine's callbacks.
    audio::CallbackTiming timing() const noexcept;
    // Channel messages and bus events the audio thread had to drop (full buffers).
    std::uint64_t droppedEvents() const;

private:
    struct Parts;
    explicit Engine(std::unique_ptr<Parts> parts);
    core::Result<LoadedScore> install(score::Score score, LoadedScore loaded);
    void runFrames(double framesPerSecond);
    template <typename F>
    auto withTransport(F&& f) const;

    std::unique_ptr<Parts> parts_;
};

}  // namespace mos::engine
