// The notes a score plays: ties merged, grace notes placed, keys and velocities resolved.

#include "mos/score/PlayedNotes.hpp"

#include <algorithm>
#include <array>
#include <numeric>

#include "mos/score/Timeline.hpp"

namespace mos::score {
namespace {

using core::Rational;

// Grace notes sound this long each, just before the beat of the note they ornament.
const Rational kGraceLength{1, 32};

bool before(const ScorePosition& a, const ScorePosition& b) noexcept {
    return a.measure != b.measure ? a.measure < b.measure : a.offset < b.offset;
}

// The dynamics of one part in time order, read forwards as its events go by.
class DynamicsCursor {
public:
    explicit DynamicsCursor(const Part& part) : part_{part}, order_(part.dynamics.size()) {
        std::iota(order_.begin(), order_.end(), std::size_t{0});
        std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
            return before(part.dynamics[a].at, part.dynamics[b].at);
        });
    }

    // The velocity in force at `at`; positions must not go backwards.
    std::uint8_t velocityAt(const ScorePosition& at) {
        while (next_ < order_.size() && !before(at, part_.dynamics[order_[next_]].at)) {
            const DynamicMark& mark = part_.dynamics[order_[next_++]];
            if (mark.velocity != 0) {
                current_ = mark.velocity;
            } else if (const auto level = velocityOfDynamic(mark.mark)) {
                current_ = *level;
            }
        }
        return current_;
    }

private:
    const Part& part_;
    std::vector<std::size_t> order_;
    std::size_t next_ = 0;
    std::uint8_t current_ = kDefaultVelocity;
};

// Grace notes of one voice at one beat play one after another, the last just before the beat.
std::int64_t graceNotesAfter(const Part& part, std::size_t e) {
    const Event& event = part.events[e];
    std::int64_t later = 0;
    for (std::size_t f = e + 1;
         f < part.events.size() && part.events[f].measure == event.measure && part.events[f].offset == event.offset;
         ++f) {
        if (part.events[f].grace && part.events[f].voice == event.voice) ++later;
    }
    return later;
}

std::uint32_t articulationBits(const Event& event) noexcept {
    std::uint32_t bits = 0;
    for (const Articulation articulation : event.articulations) bits |= 1U << static_cast<unsigned>(articulation);
    return bits;
}

class PartPlayer {
public:
    PartPlayer(const Part& part, const std::vector<Rational>& starts, std::size_t& skipped)
        : part_{part}, starts_{starts}, skipped_{skipped} {}

    std::vector<PlayedNote> run() {
        DynamicsCursor dynamics{part_};
        for (std::size_t e = 0; e < part_.events.size(); ++e) {
            const Event& event = part_.events[e];
            if (event.cue || event.notes.empty()) continue;
            const std::uint8_t velocity = dynamics.velocityAt({event.measure, event.offset});
            const auto start = absolute(event);
            Rational onset = start.value_or(Rational{});
            Rational duration = event.duration;
            if (event.grace) {
                onset = std::max(Rational{}, onset - kGraceLength * Rational{graceNotesAfter(part_, e) + 1});
                duration = kGraceLength;
            }
            for (const Note& note : event.notes) {
                if (continuesTie(event, note, start, duration)) continue;
                play(event, note, start, onset, duration, velocity);
            }
        }
        return std::move(notes_);
    }

private:
    std::optional<Rational> absolute(const Event& event) const {
        if (event.measure + std::size_t{1} >= starts_.size()) return std::nullopt;
        const Rational position = starts_[event.measure] + event.offset;
        if (!position.isValid() || position.isNegative()) return std::nullopt;
        return position;
    }

    // Written pitch (a drum's key: closed and open hi-hat share a line) within its voice.
    static std::uint32_t tieKeyOf(const Event& event, const Note& note) noexcept {
        const int tiedBy = note.percussionKey != 0 ? note.percussionKey : note.pitch.midiNumber();
        return (std::uint32_t{event.voice} << 8U) | static_cast<std::uint8_t>(tiedBy);
    }

    // A note a tie arrives at lengthens the chain's first note instead of sounding again.
    bool continuesTie(const Event& event, const Note& note, std::optional<Rational> start, Rational duration) {
        if (!note.tieStop || note.performed) return false;
        const std::uint32_t tieKey = tieKeyOf(event, note);
        const auto chain =
            std::find_if(ties_.begin(), ties_.end(), [&](const auto& tie) { return tie.first == tieKey; });
        if (chain == ties_.end()) return false;
        PlayedNote& head = notes_[chain->second];
        if (!head.performed && start) head.duration = *start + duration - head.onset;
        if (!note.tieStart) {
            ties_.erase(chain);
        } else {
            // Still tied on: it goes to the back, behind chains tied in this event.
            std::rotate(chain, chain + 1, ties_.end());
        }
        return true;
    }

    void play(const Event& event, const Note& note, std::optional<Rational> start, Rational onset, Rational duration,
              std::uint8_t velocity) {
        if (!start && !note.performed) {
            ++skipped_;
            return;
        }
        const int key = note.percussionKey != 0 ? note.percussionKey
                                                : note.pitch.midiNumber() + part_.transposition.soundingSemitones();
        if (key < 0 || key > 127) {
            ++skipped_;
            return;
        }
        PlayedNote played{onset,
                          duration,
                          event.measure,
                          static_cast<std::uint8_t>(key),
                          note.velocity != 0 ? note.velocity : velocity,
                          note.performed.has_value(),
                          event.grace.has_value(),
                          articulationBits(event),
                          event.id};
        if (note.performed) {
            played.onset = note.performed->onset;
            played.duration = note.performed->duration;
        }
        if (!played.onset.isValid() || !played.duration.isValid() || played.onset.isNegative() ||
            played.duration.isNegative()) {
            ++skipped_;
            return;
        }
        // A chord may hold one pitch twice, so a tie key may have several open chains: oldest first.
        if (note.tieStart) ties_.emplace_back(tieKeyOf(event, note), notes_.size());
        notes_.push_back(played);
    }

    const Part& part_;
    const std::vector<Rational>& starts_;
    std::size_t& skipped_;
    std::vector<PlayedNote> notes_;
    std::vector<std::pair<std::uint32_t, std::size_t>> ties_;  // open chains: tie key, index into notes_
};

}  // namespace

std::optional<std::uint8_t> velocityOfDynamic(std::string_view mark) noexcept {
    struct Level {
        std::string_view mark;
        std::uint8_t velocity;
    };
    static constexpr std::array<Level, 15> kLevels{{{"pppp", 8},
                                                    {"ppp", 16},
                                                    {"pp", 33},
                                                    {"p", 49},
                                                    {"mp", 64},
                                                    {"mf", 80},
                                                    {"f", 96},
                                                    {"ff", 112},
                                                    {"fff", 127},
                                                    {"ffff", 127},
                                                    {"fp", 96},
                                                    {"sf", 112},
                                                    {"sfz", 112},
                                                    {"fz", 112},
                                                    {"sffz", 127}}};
    for (const Level& level : kLevels) {
        if (level.mark == mark) return level.velocity;
    }
    return std::nullopt;
}

PlayedNotes playedNotes(const Score& score) {
    const std::vector<Rational> starts = measureStarts(score.timeline);
    PlayedNotes played;
    played.parts.reserve(score.parts.size());
    for (const Part& part : score.parts) played.parts.push_back(PartPlayer{part, starts, played.skipped}.run());
    return played;
}

std::vector<std::uint8_t> midiChannels(const Score& score) {
    std::vector<std::uint8_t> channels;
    channels.reserve(score.parts.size());
    std::uint8_t next = 0;
    for (const Part& part : score.parts) {
        const Instrument& instrument = part.instrument;
        if (instrument.midiChannel && *instrument.midiChannel >= 1 && *instrument.midiChannel <= 16) {
            channels.push_back(static_cast<std::uint8_t>(*instrument.midiChannel - 1));
        } else if (instrument.percussion) {
            channels.push_back(kDrumChannel0to15);
        } else {
            channels.push_back(next);
            next = static_cast<std::uint8_t>((next + 1) % 16);
            if (next == kDrumChannel0to15) ++next;
        }
    }
    return channels;
}

}  // namespace mos::score
