// The transport state machine. Every command checks the state first and changes nothing when it
// refuses; the player hears of a command only once it is accepted.

#include "mos/transport/Transport.hpp"

#include <algorithm>
#include <cmath>

namespace mos::transport {
namespace {

using core::Rational;
using core::TransportStatus;

constexpr std::int64_t kTicksPerWholeNote = 3840;  // 960 per quarter
// A ramp changes the tempo every poll; smaller moves than this are not news.
constexpr double kTempoChangeWorthTelling = 0.05;

// A playhead position to the nearest 960-PPQ tick, as an exact position.
Rational nearestTick(double wholeNotes) {
    return Rational{std::llround(wholeNotes * kTicksPerWholeNote), kTicksPerWholeNote};
}

// Tempo scales are kept to a thousandth, so the compiled program's rational stays small.
Rational exactScale(double scale) { return Rational{std::llround(scale * 1000), 1000}; }

}  // namespace

Transport::Transport(Player& player, core::EventBus& bus, core::SampleRate rate)
    : player_{player}, bus_{bus}, rate_{rate} {}

core::Result<void> Transport::refuse(const char* action) const {
    return core::fail(core::ErrorCode::InvalidArgument,
                      std::string{"cannot "} + action + " while the transport is " + std::string{toString(status_)});
}

core::Result<void> Transport::requireLoaded(const char* action) const {
    if (status_ == TransportStatus::Idle || status_ == TransportStatus::Loading) return refuse(action);
    return {};
}

void Transport::setStatus(TransportStatus status) {
    if (status == status_) return;
    status_ = status;
    positionDirty_ = true;
    bus_.emit(core::TransportState{.status = status});
}

void Transport::command(bool accepted) {
    if (accepted) ++commandsSent_;
}

void Transport::moveTo(Rational wholeNotes, bool accepted) {
    command(accepted);
    pendingMove_ = PendingMove{.to = wholeNotes, .command = commandsSent_};
    positionDirty_ = true;
}

// Where the playhead is, or is about to be once the audio thread applies the last move.
double Transport::playheadWholeNotes() const {
    if (pendingMove_ && player_.commandsApplied() < pendingMove_->command) return pendingMove_->to.toDouble();
    return player_.positionWholeNotes();
}

core::Result<void> Transport::beginLoading() {
    if (status_ == TransportStatus::Loading) return refuse("load another score");
    command(player_.stop());
    setStatus(TransportStatus::Loading);
    return {};
}

core::Result<void> Transport::finishLoading(std::shared_ptr<const score::Score> score) {
    if (status_ != TransportStatus::Loading || score == nullptr) return refuse("finish loading");
    score_ = std::move(score);
    loop_.reset();
    command(player_.clearLoop());
    install(compileLoaded());
    moveTo(Rational{0}, player_.stop());  // the new score starts at its beginning
    lastWholeNotes_ = 0.0;
    lastSample_ = -1;
    lastQuarterBpm_ = 0.0;
    setStatus(TransportStatus::Ready);
    return {};
}

core::Result<void> Transport::failLoading() {
    if (status_ != TransportStatus::Loading) return refuse("give up loading");
    setStatus(score_ ? TransportStatus::Stopped : TransportStatus::Idle);
    return {};
}

core::Result<void> Transport::reload(std::shared_ptr<const score::Score> score) {
    if (auto loaded = requireLoaded("reload the score"); !loaded) return loaded;
    if (score == nullptr) return refuse("reload without a score");
    score_ = std::move(score);
    install(compileLoaded());
    if (loop_) command(player_.setLoop(loop_->start, loop_->end));
    return {};
}

std::unique_ptr<Program> Transport::compileLoaded() const {
    return std::make_unique<Program>(compile(*score_, {.sampleRate = rate_, .tempoScale = exactScale(tempoScale_)}));
}

void Transport::install(std::unique_ptr<Program> program) {
    program_ = std::make_unique<const Program>(*program);
    markers_.clear();
    for (const score::Marker& marker : score_->layers.markers) {
        for (const PerformedMeasure& performed : program_->timeline().measures()) {
            if (performed.measure != marker.at.measure) continue;
            markers_.push_back(
                {performed.start + marker.at.offset - performed.lateStart, marker.label, performed.measure});
        }
    }
    std::stable_sort(markers_.begin(), markers_.end(),
                     [](const MarkerAt& a, const MarkerAt& b) { return a.position < b.position; });
    player_.publish(std::move(program));
    positionDirty_ = true;
}

core::Result<void> Transport::play() {
    if (auto loaded = requireLoaded("play"); !loaded) return loaded;
    if (status_ == TransportStatus::Playing) return {};
    command(player_.play(countInAt(nearestTick(playheadWholeNotes()))));
    endsSeen_ = player_.endsReached();
    setStatus(TransportStatus::Playing);
    return {};
}

core::Result<void> Transport::pause() {
    if (status_ == TransportStatus::Paused) return {};
    if (status_ != TransportStatus::Playing) return refuse("pause");
    command(player_.pause());
    setStatus(TransportStatus::Paused);
    return {};
}

core::Result<void> Transport::stop() {
    // Stopping what has not started is harmless: nothing changes.
    if (status_ == TransportStatus::Stopped || status_ == TransportStatus::Ready) return {};
    if (status_ != TransportStatus::Playing && status_ != TransportStatus::Paused) return refuse("stop");
    moveTo(loop_ ? loop_->start : Rational{0}, player_.stop());
    setStatus(TransportStatus::Stopped);
    return {};
}

core::Result<void> Transport::seekTo(Rational wholeNotes) {
    if (auto loaded = requireLoaded("seek"); !loaded) return loaded;
    const Rational end = program_->timeline().length();
    if (wholeNotes < Rational{0} || end < wholeNotes) {
        return core::fail(core::ErrorCode::OutOfRange, "the performance lasts " +
                                                           std::to_string(program_->tempoMap().secondsAt(end)) +
                                                           " s; there is nothing to seek to there");
    }
    moveTo(wholeNotes, player_.seek(wholeNotes));
    return {};
}

core::Result<void> Transport::seek(Rational wholeNotes) { return seekTo(wholeNotes); }

core::Result<void> Transport::seekSeconds(double seconds) {
    if (auto loaded = requireLoaded("seek"); !loaded) return loaded;
    if (!(seconds >= 0.0)) return seekTo(Rational{-1});
    return seekTo(nearestTick(program_->tempoMap().wholeNotesAt(seconds)));
}

core::Result<void> Transport::seekTicks(std::int64_t ticks960) {
    return seekTo(Rational{ticks960, kTicksPerWholeNote});
}

core::Result<void> Transport::seekMeasure(const std::string& number) {
    if (auto loaded = requireLoaded("seek"); !loaded) return loaded;
    const auto range = performanceRange(score_->timeline, program_->timeline(), number, std::nullopt);
    if (!range) return range.error();
    return seekTo(range->start);
}

core::Result<void> Transport::setLoop(PerformanceRange range) {
    if (auto loaded = requireLoaded("loop"); !loaded) return loaded;
    if (!(range.start < range.end) || range.start < Rational{0} || program_->timeline().length() < range.end) {
        return core::fail(core::ErrorCode::OutOfRange, "a loop must end after it starts, inside the performance");
    }
    loop_ = range;
    command(player_.setLoop(range.start, range.end));
    positionDirty_ = true;
    return {};
}

core::Result<void> Transport::setLoop(const std::string& from, const std::string& to) {
    if (auto loaded = requireLoaded("loop"); !loaded) return loaded;
    const auto range = performanceRange(score_->timeline, program_->timeline(), from, to);
    if (!range) return range.error();
    return setLoop(*range);
}

core::Result<void> Transport::clearLoop() {
    if (auto loaded = requireLoaded("clear the loop"); !loaded) return loaded;
    loop_.reset();
    command(player_.clearLoop());
    positionDirty_ = true;
    return {};
}

core::Result<void> Transport::setTempoScale(double scale) {
    if (!(scale >= kMinTempoScale && scale <= kMaxTempoScale)) {
        return core::fail(core::ErrorCode::OutOfRange,
                          "the tempo scale must be between 0.25 and 4, not " + std::to_string(scale));
    }
    if (auto loaded = requireLoaded("change the tempo"); !loaded) return loaded;
    tempoScale_ = exactScale(scale).toDouble();
    install(compileLoaded());
    if (loop_) command(player_.setLoop(loop_->start, loop_->end));  // its samples move with the tempo
    lastQuarterBpm_ = 0.0;                                          // tell the new scale at the next poll
    return {};
}

core::Result<void> Transport::setCountIn(std::uint16_t bars) {
    if (bars > kMaxCountInBars) {
        return core::fail(core::ErrorCode::OutOfRange,
                          "a count-in of " + std::to_string(bars) + " bars; at most 8 are counted");
    }
    countInBars_ = bars;
    return {};
}

// The count-in's beats follow the meter and the tempo of the measure playing starts in.
CountIn Transport::countInAt(Rational wholeNotes) const {
    if (countInBars_ == 0) return {};
    const auto where = program_->timeline().locate(wholeNotes.toDouble());
    if (!where) return {};
    const PerformedMeasure& measure = program_->timeline().measures()[where->performed];
    const double secondsPerWhole = 240.0 / program_->tempoMap().quarterBpmAt(wholeNotes);
    const double beatSamples = secondsPerWhole / measure.beatUnit * rate_.value;
    return {.beats = static_cast<std::uint16_t>(countInBars_ * measure.beatsPerBar),
            .beatsPerBar = measure.beatsPerBar,
            .samplesPerBeat = std::max<std::int64_t>(1, std::llround(beatSamples))};
}

TransportPosition Transport::position() const {
    TransportPosition now;
    now.status = status_;
    now.tempoScale = tempoScale_;
    now.loop = loop_;
    if (!program_) return now;
    // The position first, then the end count: a player that just ended has counted the end
    // before it reported the position it rewound to.
    now.countingIn = player_.countingIn();
    if (pendingMove_ && player_.commandsApplied() < pendingMove_->command) {
        now.wholeNotes = pendingMove_->to.toDouble();
        now.sample = program_->sampleAt(pendingMove_->to);
    } else {
        now.sample = player_.positionSample();
        now.wholeNotes = player_.positionWholeNotes();
    }
    if (status_ == TransportStatus::Playing && player_.endsReached() != endsSeen_)
        now.status = TransportStatus::Stopped;
    now.seconds = static_cast<double>(now.sample) / rate_.value;
    now.lengthSeconds = static_cast<double>(program_->endSample()) / rate_.value;
    now.quarterBpm = program_->tempoMap().quarterBpmAt(nearestTick(now.wholeNotes)) / tempoScale_;
    if (const auto where = program_->timeline().locate(now.wholeNotes)) {
        now.measure = where->measure;
        now.measureNumber = score_->timeline.measures[where->measure].number;
        now.pass = program_->timeline().measures()[where->performed].pass;
        now.beat = where->beat;
        now.beatFraction = where->beatFraction;
    }
    return now;
}

void Transport::poll() {
    player_.collectRetired();
    if (!program_) return;
    if (status_ == TransportStatus::Playing && player_.endsReached() != endsSeen_) {
        endsSeen_ = player_.endsReached();
        setStatus(TransportStatus::Stopped);
    }
    const TransportPosition now = position();
    if (std::abs(now.quarterBpm - lastQuarterBpm_) >= kTempoChangeWorthTelling) {
        lastQuarterBpm_ = now.quarterBpm;
        bus_.emit(core::Tempo{.quartersPerMinute = now.quarterBpm, .scale = tempoScale_});
    }
    if (now.sample != lastSample_ || positionDirty_) {
        if (status_ == TransportStatus::Playing) publishMarkersPassed(lastWholeNotes_, now.wholeNotes);
        publishPosition(now);
    }
}

void Transport::publishPosition(const TransportPosition& now) {
    lastSample_ = now.sample;
    lastWholeNotes_ = now.wholeNotes;
    positionDirty_ = false;
    bus_.emit(core::Position{.ticks960 = std::llround(now.wholeNotes * kTicksPerWholeNote),
                             .seconds = now.seconds,
                             .measure = static_cast<std::int32_t>(now.measure + 1),
                             .beat = now.beat,
                             .beatFraction = static_cast<float>(now.beatFraction)});
}

// Markers in (from, to]; after a jump back (a loop's wrap, a seek), those from the start of the
// measure now playing.
void Transport::publishMarkersPassed(double from, double to) {
    if (to < from) {
        const auto where = program_->timeline().locate(to);
        from = where ? program_->timeline().measures()[where->performed].start.toDouble() : to;
        from = std::nextafter(from, -1.0);
    }
    for (const MarkerAt& marker : markers_) {
        const double at = marker.position.toDouble();
        if (at > from && at <= to) {
            bus_.emit(core::MarkerReached{.label = std::string_view{marker.label},
                                          .measure = static_cast<std::int32_t>(marker.measure + 1)});
        }
    }
}

}  // namespace mos::transport
