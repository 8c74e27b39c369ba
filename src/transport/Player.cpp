// The audio-thread scheduler. Everything here after construction runs without allocating,
// locking or calling the OS: programs arrive prepared, commands and retired programs pass
// through preallocated rings.

#include "mos/transport/Player.hpp"

#include <algorithm>
#include <cmath>

namespace mos::transport {

Player::Player() { sounding_.fill(kNotSounding); }

Player::~Player() {
    collectRetired();
    delete published_.exchange(nullptr, std::memory_order_acq_rel);
    delete program_;
}

void Player::publish(std::unique_ptr<const Program> program) {
    // acq_rel: release publishes the program's contents; acquire lets us free one never taken.
    delete published_.exchange(program.release(), std::memory_order_acq_rel);
    collectRetired();
}

void Player::collectRetired() {
    while (const auto retired = retired_.tryPop()) delete retired->program;
}

bool Player::send(Command command) noexcept { return commands_.tryPush(command); }
bool Player::play() noexcept { return send({Command::Kind::Play}); }
bool Player::play(CountIn countIn) noexcept {
    if (countIn.beats == 0 || countIn.samplesPerBeat <= 0) return play();
    countIn.beatsPerBar = std::max<std::uint16_t>(1, countIn.beatsPerBar);
    return send({.kind = Command::Kind::Play, .countIn = countIn});
}
bool Player::pause() noexcept { return send({Command::Kind::Pause}); }
bool Player::stop() noexcept { return send({Command::Kind::Stop}); }
bool Player::seek(core::Rational position) noexcept { return send({Command::Kind::Seek, position}); }
bool Player::setLoop(core::Rational start, core::Rational end) noexcept {
    return send({Command::Kind::SetLoop, start, end});
}
bool Player::clearLoop() noexcept { return send({Command::Kind::ClearLoop}); }

void Player::process(std::uint32_t frames, PlaybackSink& sink) noexcept {
    adoptPublishedProgram(sink);
    while (const Command* command = commands_.front()) {
        apply(*command, sink);
        commands_.popFront();
        ++commandsApplied_;
    }
    std::uint32_t done = countingIn_ ? countIn(frames, sink) : 0;
    while (playing_ && program_ != nullptr && done < frames) {
        if (looping_ && position_ >= loopEnd_) {
            // The loop's end and its start meet on one sample: what ends, ends there; what sounds
            // at the start begins there.
            releaseAll(done, sink);
            moveTo(loopStart_, done, sink);
        }
        if (!looping_ && position_ >= program_->endSample()) {
            releaseAll(done, sink);
            playing_ = false;
            position_ = 0;
            nextEvent_ = 0;
            // Release: the count rises after the state it reports.
            endsReached_.fetch_add(1, std::memory_order_release);
            break;
        }
        std::int64_t limit = position_ + (frames - done);
        if (looping_) limit = std::min(limit, loopEnd_);
        if (!looping_) limit = std::min(limit, std::max(program_->endSample(), position_ + 1));
        const auto events = program_->events();
        while (nextEvent_ < events.size() && events[nextEvent_].sample < limit) {
            const ProgramEvent& event = events[nextEvent_++];
            const auto offset = static_cast<std::uint32_t>(done + std::max<std::int64_t>(0, event.sample - position_));
            emit(event, offset, sink);
        }
        done += static_cast<std::uint32_t>(limit - position_);
        position_ = limit;
    }
    report();
}

void Player::adoptPublishedProgram(PlaybackSink& sink) noexcept {
    // Keep the old program until it can be handed back: never drop one on the audio thread.
    if (retired_.sizeApprox() >= retired_.capacity()) return;
    // acq_rel: acquire sees the program the control side built; release pairs with its exchange.
    const Program* next = published_.exchange(nullptr, std::memory_order_acq_rel);
    if (next == nullptr) return;
    const Program* previous = program_;
    std::int64_t resumeAt = 0;
    if (previous != nullptr) {
        // The same musical place in the new program (its tempo scale may differ).
        const double seconds = static_cast<double>(position_) / previous->sampleRate().value;
        const double wholeNotes = previous->tempoMap().wholeNotesAt(seconds);
        resumeAt = std::llround(next->tempoMap().secondsAtWholeNotes(wholeNotes) * next->sampleRate().value);
        releaseAll(0, sink);
        retired_.tryPush(Retired{previous});
    }
    program_ = next;
    updateLoopSamples();
    moveTo(resumeAt, 0, sink);
}

void Player::apply(const Command& command, PlaybackSink& sink) noexcept {
    switch (command.kind) {
        case Command::Kind::Play:
            if (playing_ || countingIn_ || program_ == nullptr) return;
            if (command.countIn.beats > 0) {
                countingIn_ = true;
                countIn_ = command.countIn;
                countInPlayed_ = 0;
                countInClicked_ = 0;
                return;
            }
            playing_ = true;
            moveTo(position_, 0, sink);
            return;
        case Command::Kind::Pause:
            releaseAll(0, sink);
            playing_ = false;
            countingIn_ = false;
            return;
        case Command::Kind::Stop:
            releaseAll(0, sink);
            sink.allNotesOff(0);
            playing_ = false;
            countingIn_ = false;
            position_ = looping_ ? loopStart_ : 0;
            nextEvent_ = program_ == nullptr ? 0 : program_->firstEventAt(position_);
            return;
        case Command::Kind::Seek:
            if (program_ == nullptr) return;
            releaseAll(0, sink);
            moveTo(std::max<std::int64_t>(0, program_->sampleAt(command.a)), 0, sink);
            return;
        case Command::Kind::SetLoop:
            if (!(command.a < command.b)) return;
            looping_ = true;
            loopStartWhole_ = command.a;
            loopEndWhole_ = command.b;
            updateLoopSamples();
            return;
        case Command::Kind::ClearLoop:
            looping_ = false;
            return;
    }
}

// Clicks the count-in's beats that fall in this block; when its last beat is over, starts playing
// on that very frame. Returns the frames it took.
std::uint32_t Player::countIn(std::uint32_t frames, PlaybackSink& sink) noexcept {
    const std::int64_t length = std::int64_t{countIn_.beats} * countIn_.samplesPerBeat;
    const std::int64_t blockEnd = std::min(countInPlayed_ + frames, length);
    while (countInClicked_ < countIn_.beats) {
        const std::int64_t click = std::int64_t{countInClicked_} * countIn_.samplesPerBeat;
        if (click >= blockEnd) break;
        sink.countInBeat(static_cast<std::uint32_t>(click - countInPlayed_),
                         static_cast<std::uint16_t>(countInClicked_ % countIn_.beatsPerBar + 1), countIn_.beatsPerBar);
        ++countInClicked_;
    }
    const auto taken = static_cast<std::uint32_t>(blockEnd - countInPlayed_);
    countInPlayed_ = blockEnd;
    // Ending exactly at the block's end, the music starts on the first frame of the next block.
    if (countInPlayed_ == length && taken < frames) {
        countingIn_ = false;
        playing_ = true;
        moveTo(position_, taken, sink);
    }
    return taken;
}

void Player::updateLoopSamples() noexcept {
    if (program_ == nullptr || !looping_) return;
    loopStart_ = std::max<std::int64_t>(0, program_->sampleAt(loopStartWhole_));
    loopEnd_ = std::max(loopStart_ + 1, program_->sampleAt(loopEndWhole_));
}

void Player::moveTo(std::int64_t sample, std::uint32_t frameOffset, PlaybackSink& sink) noexcept {
    position_ = sample;
    nextEvent_ = program_->firstEventAt(sample);
    if (playing_) startSounding(frameOffset, sink);
}

// Programs for every channel in use, then the notes that began earlier and sound on here.
void Player::startSounding(std::uint32_t frameOffset, PlaybackSink& sink) noexcept {
    for (std::uint8_t channel = 0; channel < 16; ++channel) {
        if ((program_->usedChannels() >> channel & 1U) != 0) {
            sink.programChange(frameOffset, channel, program_->channelPrograms()[channel]);
        }
    }
    program_->forEachSoundingAt(position_, [&](std::uint32_t index) { startNote(index, frameOffset, sink); });
}

// Starts a note unless its channel and key already sound.
void Player::startNote(std::uint32_t index, std::uint32_t frameOffset, PlaybackSink& sink) noexcept {
    const ProgramNote& note = program_->notes()[index];
    std::uint32_t& slot = sounding_[note.channel0to15 * 128U + note.key0to127];
    if (slot != kNotSounding) return;
    slot = index;
    ++soundingCount_;
    sink.noteOn(frameOffset, note);
}

void Player::releaseAll(std::uint32_t frameOffset, PlaybackSink& sink) noexcept {
    if (soundingCount_ == 0 || program_ == nullptr) return;
    const auto notes = program_->notes();
    for (std::uint32_t& slot : sounding_) {
        if (slot == kNotSounding) continue;
        sink.noteOff(frameOffset, notes[slot]);
        slot = kNotSounding;
    }
    soundingCount_ = 0;
}

void Player::emit(const ProgramEvent& event, std::uint32_t frameOffset, PlaybackSink& sink) noexcept {
    switch (event.kind) {
        case ProgramEvent::Kind::NoteOn:
            startNote(event.index, frameOffset, sink);
            return;
        case ProgramEvent::Kind::NoteOff: {
            const ProgramNote& note = program_->notes()[event.index];
            std::uint32_t& slot = sounding_[note.channel0to15 * 128U + note.key0to127];
            if (slot != event.index) return;  // never started (a seek landed after its start)
            slot = kNotSounding;
            --soundingCount_;
            sink.noteOff(frameOffset, note);
            return;
        }
        case ProgramEvent::Kind::Beat:
            sink.beat(frameOffset, event.sample, program_->timeline().measures()[event.index], event.beat);
            return;
    }
}

void Player::report() noexcept {
    // Release: a reader that sees these values sees the block that produced them.
    positionSample_.store(position_, std::memory_order_release);
    if (program_ != nullptr) {
        const double seconds = static_cast<double>(position_) / program_->sampleRate().value;
        positionWholeNotes_.store(program_->tempoMap().wholeNotesAt(seconds), std::memory_order_release);
    }
    playingNow_.store(playing_, std::memory_order_release);
    countingInNow_.store(countingIn_, std::memory_order_release);
    commandsAppliedNow_.store(commandsApplied_, std::memory_order_release);
}

}  // namespace mos::transport
