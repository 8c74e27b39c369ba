#pragma once

// A score compiled for playback: every note and beat of the performance (repeats unfolded) stamped
// with the sample it sounds on, for one sample rate and tempo scale. A Program is immutable once
// built; the control side compiles it and publishes it to the audio thread, which only reads it.
//
//   Program program = compile(score, {.sampleRate = core::SampleRate{48000}});
//   program.events()       ->  note ons, note offs and beats, by sample
//   program.endSample()    ->  where the performance ends
//
// How a score is played:
// - tempo marks apply in performance order: a ramp (accel., rit.) runs evenly to the next tempo
//   change the performance reaches, and after a jump the music resumes at the tempo in force where
//   it lands (within a ramp, the ramp's value there, still ramping);
// - ties merged, grace notes just before their beat (score::playedNotes), performed timing kept
//   for imported MIDI performances;
// - staccato halves a note, staccatissimo quarters it; an accent plays it louder (+20 velocity),
//   a strong accent more (+30);
// - dynamics set velocities; each part plays its General MIDI program on its channel, percussion on
//   channel 10;
// - optional swing moves each off-beat eighth later (a ratio of 2/3 is triplet swing);
// - a note that starts again on its channel and key before it ended is cut where the new one
//   starts, so no note hangs and every off belongs to one on.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "mos/core/Rational.hpp"
#include "mos/core/SampleTime.hpp"
#include "mos/score/Score.hpp"
#include "mos/transport/PerformanceTimeline.hpp"
#include "mos/transport/TempoMap.hpp"

namespace mos::transport {

struct ProgramNote {
    std::int64_t startSample = 0;
    std::int64_t endSample = 0;   // > startSample
    std::uint32_t part = 0;       // index into Score::parts
    std::uint32_t performed = 0;  // index into PerformanceTimeline::measures()
    std::uint8_t channel0to15 = 0;
    std::uint8_t key0to127 = 60;
    std::uint8_t velocity1to127 = 80;

    friend bool operator==(const ProgramNote&, const ProgramNote&) = default;
};

struct ProgramEvent {
    // At one sample, offs come before ons (a repeated key restarts), beats last.
    enum class Kind : std::uint8_t { NoteOff, NoteOn, Beat };

    std::int64_t sample = 0;
    Kind kind = Kind::NoteOn;
    std::uint32_t index = 0;  // the note (NoteOn/NoteOff) or the performed measure (Beat)
    std::uint16_t beat = 1;   // Beat: 1-based beat in its measure (1 is the downbeat)

    friend bool operator==(const ProgramEvent&, const ProgramEvent&) = default;
};

struct CompileOptions {
    core::SampleRate sampleRate{48000};
    core::Rational tempoScale{1};  // 0.25…4: the player's speed, applied to every tempo
    core::Rational swing{1, 2};    // share of a quarter the first eighth takes; 1/2 plays straight
};

class Program {
public:
    // Thread: any. RT-safe: yes (all of these).
    core::SampleRate sampleRate() const noexcept { return sampleRate_; }
    const TempoMap& tempoMap() const noexcept { return tempoMap_; }
    const PerformanceTimeline& timeline() const noexcept { return timeline_; }
    std::span<const ProgramNote> notes() const noexcept { return notes_; }     // by start sample
    std::span<const ProgramEvent> events() const noexcept { return events_; }  // by sample, then kind
    // The GM program (0-based) each channel plays.
    const std::array<std::uint8_t, 16>& channelPrograms() const noexcept { return channelPrograms_; }
    // Channels some note plays on, as a bit set (bit c for channel c).
    std::uint16_t usedChannels() const noexcept { return usedChannels_; }
    // The sample after the last measure or the last note's end, whichever is later.
    std::int64_t endSample() const noexcept { return endSample_; }

    // The first event at or after `sample`. Thread: any. RT-safe: yes.
    std::size_t firstEventAt(std::int64_t sample) const noexcept;
    // The sample of a performance position (whole notes). Thread: any. RT-safe: yes.
    std::int64_t sampleAt(core::Rational position) const noexcept { return tempoMap_.sampleAt(position, sampleRate_); }

    // Calls f(noteIndex) for every note that began before `sample` and still sounds at it (what a
    // seek must start again). Costs one binary search plus the notes near `sample`, never a walk
    // from the start. Thread: any. RT-safe: yes, when f is.
    template <typename F>
    void forEachSoundingAt(std::int64_t sample, F&& f) const noexcept {
        if (notes_.empty() || sample <= 0) return;
        const std::size_t checkpoint =
            std::min(static_cast<std::size_t>(sample / kChaseStride), chaseStarts_.size() - 2);
        for (std::uint32_t i = chaseStarts_[checkpoint]; i < chaseStarts_[checkpoint + 1]; ++i) {
            if (notes_[chaseNotes_[i]].endSample > sample) f(chaseNotes_[i]);
        }
        for (std::size_t n = firstNoteFrom(static_cast<std::int64_t>(checkpoint) * kChaseStride);
             n < notes_.size() && notes_[n].startSample < sample; ++n) {
            if (notes_[n].endSample > sample) f(static_cast<std::uint32_t>(n));
        }
    }

    // Samples between chase checkpoints: a seek looks at the notes of at most this stretch.
    static constexpr std::int64_t kChaseStride = 1 << 15;

private:
    friend Program compile(const score::Score& score, const CompileOptions& options);
    Program(core::SampleRate rate, TempoMap tempoMap, PerformanceTimeline timeline);

    std::size_t firstNoteFrom(std::int64_t sample) const noexcept;
    void buildChaseCheckpoints();

    core::SampleRate sampleRate_;
    TempoMap tempoMap_;
    PerformanceTimeline timeline_;
    std::vector<ProgramNote> notes_;
    std::vector<ProgramEvent> events_;
    std::array<std::uint8_t, 16> channelPrograms_{};
    std::uint16_t usedChannels_ = 0;
    std::int64_t endSample_ = 0;
    // Checkpoint c (at sample c * kChaseStride) lists the notes sounding across it:
    // chaseNotes_[chaseStarts_[c] … chaseStarts_[c + 1]).
    std::vector<std::uint32_t> chaseStarts_;
    std::vector<std::uint32_t> chaseNotes_;
};

// Compiles a score for playback. Thread: control. RT-safe: no.
Program compile(const score::Score& score, const CompileOptions& options = {});

}  // namespace mos::transport
