// The engine's parts and threads. The control side takes turns on one mutex; the audio thread
// only ever sees the player's lock-free hand-overs and the bus's real-time channel.

#include "mos/engine/Engine.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

#include "mos/audio/Apollo.hpp"
#include "mos/audio/Engine.hpp"
#include "mos/core/Files.hpp"
#include "mos/engine/LiveNotes.hpp"
#include "mos/formats/ScoreFile.hpp"

namespace mos::engine {

struct Engine::Parts {
    score::Store store;
    core::EventBus bus;
    transport::Player player;
    audio::Apollo instruments;
    std::unique_ptr<audio::AudioDevice> device;
    std::unique_ptr<audio::Engine> audio;
    core::RtChannel audioEvents;
    std::unique_ptr<transport::Transport> transport;

    // The control side's turn: the transport, the current document and its edit subscription.
    mutable std::mutex control;
    std::optional<score::DocumentId> document;
    score::Subscription edits;

    std::thread frameThread;
    std::mutex frameMutex;
    std::condition_variable frameWake;
    bool stopping = false;  // guarded by frameMutex
};

namespace {

// What note values follow when no score gives a tempo (Tone.js's default too).
constexpr double kDefaultQuarterBpm = 120.0;
constexpr int kMaxProgram = 127;

// A full live queue means the audio thread is not running (or far behind): nothing waits for it.
core::Result<void> queued(bool accepted) {
    if (accepted) return {};
    return core::fail(core::ErrorCode::OutOfRange, "the audio thread has not taken the last " +
                                                       std::to_string(audio::LivePlayer::kQueueCapacity) +
                                                       " live gestures yet; try again in a moment");
}

core::Result<std::unique_ptr<audio::AudioDevice>> openDevice(const EngineOptions& options) {
    const audio::DeviceBackend backend =
        options.backend.value_or(audio::probeDevices(core::Environment::current()).use);
    return audio::openAudioDevice({.backend = backend,
                                   .clientName = options.clientName,
                                   .jackServer = options.jackServer,
                                   .sampleRate = options.sampleRate,
                                   .bufferFrames = options.bufferFrames,
                                   .connectOutputs = options.connectOutputs});
}

}  // namespace

core::Result<std::unique_ptr<Engine>> Engine::start(const EngineOptions& options) {
    auto parts = std::make_unique<Parts>();
    auto device = openDevice(options);
    if (!device) return device.error();
    parts->device = std::move(*device);
    const core::SampleRate rate = parts->device->sampleRate();
    parts->audio = std::make_unique<audio::Engine>(
        parts->player, parts->instruments,
        audio::EngineOptions{.sampleRate = rate,
                             .maxBlockFrames = std::max<std::uint32_t>(parts->device->bufferFrames(), 64)});
    parts->audioEvents = parts->bus.openRtChannel();
    parts->audio->setEventChannel(&parts->audioEvents);
    parts->transport = std::make_unique<transport::Transport>(parts->player, parts->bus, rate);
    if (auto started = parts->device->start(*parts->audio); !started) return started.error();
    std::unique_ptr<Engine> engine{new Engine{std::move(parts)}};
    engine->parts_->frameThread = std::thread{[e = engine.get(), fps = options.framesPerSecond] { e->runFrames(fps); }};
    return engine;
}

Engine::Engine(std::unique_ptr<Parts> parts) : parts_{std::move(parts)} {}

Engine::~Engine() {
    {
        const std::lock_guard lock{parts_->frameMutex};
        parts_->stopping = true;
    }
    parts_->frameWake.notify_all();
    if (parts_->frameThread.joinable()) parts_->frameThread.join();
    parts_->device->stop();
    parts_->edits.unsubscribe();
}

void Engine::runFrames(double framesPerSecond) {
    const auto period = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>{1.0 / std::max(1.0, framesPerSecond)});
    auto next = std::chrono::steady_clock::now();
    while (true) {
        {
            const std::lock_guard lock{parts_->control};
            parts_->transport->poll();
        }
        // Outside the control lock: handlers may call the engine.
        parts_->bus.dispatchFrame();
        next += period;
        std::unique_lock lock{parts_->frameMutex};
        if (parts_->frameWake.wait_until(lock, next, [this] { return parts_->stopping; })) return;
    }
}

core::Result<LoadedScore> Engine::load(const std::filesystem::path& file, std::size_t tune) {
    {
        const std::lock_guard lock{parts_->control};
        if (auto loading = parts_->transport->beginLoading(); !loading) return loading.error();
    }
    // Reading may take a while: the lock is free meanwhile, and the transport says it is loading.
    auto read = formats::readScoreFile(file);
    const std::size_t tunes = read ? read->imported.scores.size() : 0;
    if (!read || tune < 1 || tune > tunes) {
        const std::lock_guard lock{parts_->control};
        (void)parts_->transport->failLoading();
        if (!read) return read.error();
        return core::fail(core::ErrorCode::NotFound, file.string() + " holds " + std::to_string(tunes) +
                                                         " score(s); there is no tune " + std::to_string(tune));
    }
    auto& scores = read->imported.scores;
    LoadedScore loaded;
    loaded.tune = tune;
    loaded.tunes = scores.size();
    loaded.warnings = read->imported.warnings.size();
    score::Score& chosen = scores[tune - 1];
    loaded.title = !chosen.metadata.title.empty() ? chosen.metadata.title : file.stem().string();
    return install(std::move(chosen), std::move(loaded));
}

core::Result<LoadedScore> Engine::load(score::Score score, std::string title) {
    {
        const std::lock_guard lock{parts_->control};
        if (auto loading = parts_->transport->beginLoading(); !loading) return loading.error();
    }
    LoadedScore loaded;
    loaded.title = !title.empty() ? std::move(title) : score.metadata.title;
    return install(std::move(score), std::move(loaded));
}

// Opens the score in the store, in place of the one loaded before, and hands it to the transport.
core::Result<LoadedScore> Engine::install(score::Score score, LoadedScore loaded) {
    const std::lock_guard lock{parts_->control};
    parts_->edits.unsubscribe();
    if (parts_->document) (void)parts_->store.close(*parts_->document);
    const score::DocumentId document = parts_->store.open(std::move(score));
    parts_->document = document;
    const auto snapshot = parts_->store.snapshot(document);
    if (auto ready = parts_->transport->finishLoading(snapshot->score); !ready) return ready.error();
    auto edits = parts_->store.subscribe(document, [this, document](const score::Commit& /*commit*/) {
        const std::lock_guard relock{parts_->control};
        if (parts_->document != document) return;
        if (const auto edited = parts_->store.snapshot(document)) (void)parts_->transport->reload(edited->score);
    });
    if (edits) parts_->edits = std::move(*edits);
    loaded.document = document;
    loaded.notes = parts_->transport->program()->notes().size();
    loaded.lengthSeconds = parts_->transport->position().lengthSeconds;
    return loaded;
}

// Each command takes the control lock and hands over to the transport.
template <typename F>
auto Engine::withTransport(F&& f) const {
    const std::lock_guard lock{parts_->control};
    return std::forward<F>(f)(*parts_->transport);
}

core::Result<void> Engine::play() {
    return withTransport([](transport::Transport& t) { return t.play(); });
}
core::Result<void> Engine::pause() {
    return withTransport([](transport::Transport& t) { return t.pause(); });
}
core::Result<void> Engine::stop() {
    return withTransport([](transport::Transport& t) { return t.stop(); });
}
core::Result<void> Engine::seek(core::Rational wholeNotes) {
    return withTransport([&](transport::Transport& t) { return t.seek(wholeNotes); });
}
core::Result<void> Engine::seekSeconds(double seconds) {
    return withTransport([&](transport::Transport& t) { return t.seekSeconds(seconds); });
}
core::Result<void> Engine::seekMeasure(const std::string& number) {
    return withTransport([&](transport::Transport& t) { return t.seekMeasure(number); });
}
core::Result<void> Engine::setLoop(const std::string& fromMeasure, const std::string& toMeasure) {
    return withTransport([&](transport::Transport& t) { return t.setLoop(fromMeasure, toMeasure); });
}
core::Result<void> Engine::clearLoop() {
    return withTransport([](transport::Transport& t) { return t.clearLoop(); });
}
core::Result<void> Engine::setTempoScale(double scale) {
    return withTransport([&](transport::Transport& t) { return t.setTempoScale(scale); });
}
core::Result<void> Engine::setCountIn(std::uint16_t bars) {
    return withTransport([&](transport::Transport& t) { return t.setCountIn(bars); });
}
transport::TransportPosition Engine::position() const {
    return withTransport([](const transport::Transport& t) { return t.position(); });
}

void Engine::setMetronome(bool on) { parts_->audio->setMetronome(on); }
bool Engine::metronome() const { return parts_->audio->metronome(); }
score::Store& Engine::store() noexcept { return parts_->store; }
core::EventBus& Engine::bus() noexcept { return parts_->bus; }
std::string Engine::deviceDescription() const { return parts_->device->describe(); }
core::SampleRate Engine::sampleRate() const noexcept { return parts_->device->sampleRate(); }
audio::CallbackTiming Engine::timing() const noexcept { return parts_->device->timing(); }
std::uint64_t Engine::droppedEvents() const { return parts_->audio->droppedEvents() + parts_->bus.metrics().droppedRt; }

void Engine::setInstruments(std::shared_ptr<const audio::InstrumentBank> bank) {
    parts_->instruments.setBank(std::move(bank));
}

bool Engine::isReady() const noexcept { return parts_->instruments.ready(); }

core::Result<void> Engine::playNote(std::string_view note, const NoteDuration& duration, double velocity) {
    const std::array<std::string, 1> notes{std::string{note}};
    return playChord(notes, duration, velocity);
}

core::Result<void> Engine::playChord(std::span<const std::string> notes, const NoteDuration& duration,
                                     double velocity) {
    if (notes.empty() || notes.size() > audio::LivePlayer::kMaxChordNotes) {
        return core::fail(core::ErrorCode::InvalidArgument, "a chord has 1 to " +
                                                                std::to_string(audio::LivePlayer::kMaxChordNotes) +
                                                                " notes, not " + std::to_string(notes.size()));
    }
    const auto keys = liveKeys(notes);
    if (!keys) return keys.error();
    const auto velocity127 = liveVelocity(velocity);
    if (!velocity127) return velocity127.error();
    // The control lock makes this thread the live queue's one producer, and holds the tempo still.
    const std::lock_guard lock{parts_->control};
    const transport::TransportPosition now = parts_->transport->position();
    const double quarterBpm = now.quarterBpm > 0.0 ? now.quarterBpm * now.tempoScale : kDefaultQuarterBpm;
    const auto seconds = duration.seconds(quarterBpm);
    if (!seconds) return seconds.error();
    const auto frames = std::llround(*seconds * parts_->device->sampleRate().value);
    return queued(parts_->audio->live().tryPlay(*keys, *velocity127, frames));
}

core::Result<void> Engine::cutoffCurrentChord() {
    const std::lock_guard lock{parts_->control};
    return queued(parts_->audio->live().tryCutoff());
}

core::Result<void> Engine::setLiveProgram(int program) {
    if (program < 0 || program > kMaxProgram) {
        return core::fail(core::ErrorCode::OutOfRange,
                          "General MIDI program " + std::to_string(program) + " is outside 0…127");
    }
    const std::lock_guard lock{parts_->control};
    return queued(parts_->audio->live().trySetProgram(static_cast<std::uint8_t>(program)));
}

}  // namespace mos::engine
