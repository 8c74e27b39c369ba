#pragma once

// Test helpers for scores read from MIDI: the notes a part plays (as performed, or as notated with
// ties merged) and a check that the notation is well formed (every voice of every measure adds up).

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "mos/score/Score.hpp"

namespace mos::formats {

struct PlayedNote {
    int key = 0;
    core::Rational onset;
    core::Rational duration;

    friend bool operator==(const PlayedNote&, const PlayedNote&) = default;
    friend bool operator<(const PlayedNote& a, const PlayedNote& b) {
        if (a.onset != b.onset) return a.onset < b.onset;
        if (a.key != b.key) return a.key < b.key;
        return a.duration < b.duration;
    }
};

inline std::ostream& operator<<(std::ostream& out, const PlayedNote& n) {
    return out << "{key " << n.key << " at " << n.onset.toString() << " for " << n.duration.toString() << "}";
}

inline int soundingKey(const score::Note& note) {
    return note.percussionKey != 0 ? note.percussionKey : note.pitch.midiNumber();
}

// The notes of a part at their performed timing (only notes that have one), sorted.
inline std::vector<PlayedNote> performedNotes(const score::Part& part) {
    std::vector<PlayedNote> notes;
    for (const auto& event : part.events) {
        for (const auto& note : event.notes) {
            if (note.performed) notes.push_back({soundingKey(note), note.performed->onset, note.performed->duration});
        }
    }
    std::sort(notes.begin(), notes.end());
    return notes;
}

// The notes of a part as notated: absolute onsets, tied notes merged into one, sorted.
inline std::vector<PlayedNote> notatedNotes(const score::Score& score, const score::Part& part) {
    const auto starts = score::measureStarts(score.timeline);
    std::vector<PlayedNote> notes;
    std::multimap<std::pair<int, int>, std::size_t> open;  // (voice, key) → the chain's note, oldest first
    for (const auto& event : part.events) {
        if (event.grace || event.cue) continue;
        const core::Rational onset = starts[event.measure] + event.offset;
        for (const auto& note : event.notes) {
            const std::pair<int, int> chainKey{event.voice, soundingKey(note)};
            if (note.tieStop) {
                if (const auto chain = open.find(chainKey); chain != open.end()) {
                    const std::size_t head = chain->second;
                    notes[head].duration = onset + event.duration - notes[head].onset;
                    open.erase(chain);
                    if (note.tieStart) open.emplace(chainKey, head);
                    continue;
                }
            }
            if (note.tieStart) open.emplace(chainKey, notes.size());
            notes.push_back({soundingKey(note), onset, event.duration});
        }
    }
    std::sort(notes.begin(), notes.end());
    return notes;
}

// Each note that has a performed timing beside its notation (ties merged): both, for comparing.
struct NotatedAndPerformed {
    PlayedNote notated;
    PlayedNote performed;
};

inline std::vector<NotatedAndPerformed> notatedAndPerformed(const score::Score& score, const score::Part& part) {
    const auto starts = score::measureStarts(score.timeline);
    std::vector<NotatedAndPerformed> notes;
    std::multimap<std::pair<int, int>, std::size_t> open;
    for (const auto& event : part.events) {
        const core::Rational onset = starts[event.measure] + event.offset;
        for (const auto& note : event.notes) {
            const std::pair<int, int> chainKey{event.voice, soundingKey(note)};
            if (note.tieStop && !note.performed) {
                if (const auto chain = open.find(chainKey); chain != open.end()) {
                    const std::size_t head = chain->second;
                    notes[head].notated.duration = onset + event.duration - notes[head].notated.onset;
                    open.erase(chain);
                    if (note.tieStart) open.emplace(chainKey, head);
                }
                continue;
            }
            if (!note.performed) continue;
            if (note.tieStart) open.emplace(chainKey, notes.size());
            notes.push_back({{soundingKey(note), onset, event.duration},
                             {soundingKey(note), note.performed->onset, note.performed->duration}});
        }
    }
    return notes;
}

// Every part: events in time order inside their measures; each voice of each measure fills it
// exactly without overlaps; ids unique; tuplet brackets open and close; ties find their partner.
inline void expectWellFormed(const score::Score& score) {
    const auto& measures = score.timeline.measures;
    std::set<score::ElementId> ids;
    for (const auto& part : score.parts) {
        SCOPED_TRACE("part " + part.id);
        std::map<std::pair<std::uint32_t, int>, core::Rational> filled;  // (measure, voice) → end so far
        std::map<int, bool> inTuplet;
        std::uint32_t lastMeasure = 0;
        core::Rational lastOffset{};
        for (const auto& event : part.events) {
            ASSERT_LT(event.measure, measures.size());
            EXPECT_TRUE(ids.insert(event.id).second) << "event id " << event.id;
            for (const auto& note : event.notes) EXPECT_TRUE(ids.insert(note.id).second) << "note id " << note.id;
            EXPECT_TRUE(event.measure > lastMeasure || (event.measure == lastMeasure && event.offset >= lastOffset))
                << "events out of order at measure " << event.measure;
            lastMeasure = event.measure;
            lastOffset = event.offset;
            EXPECT_GT(event.duration, core::Rational{0});
            auto& end = filled[{event.measure, event.voice}];
            EXPECT_EQ(end, event.offset) << "measure " << event.measure << " voice " << int{event.voice}
                                         << ": gap or overlap before " << event.offset.toString();
            end = event.offset + event.duration;
            if (!event.tuplets.empty()) {
                const auto& t = event.tuplets.front();
                EXPECT_EQ(t.start, !inTuplet[event.voice]) << "measure " << event.measure;
                inTuplet[event.voice] = !t.stop;
            } else {
                EXPECT_FALSE(inTuplet[event.voice]) << "unclosed tuplet before measure " << event.measure;
            }
        }
        for (std::uint32_t m = 0; m < measures.size(); ++m) {
            EXPECT_TRUE(filled.count({m, 1}) == 1) << "measure " << m << " has no voice 1";
        }
        for (const auto& [where, end] : filled) {
            EXPECT_EQ(end, measures[where.first].duration) << "measure " << where.first << " voice " << where.second;
        }
    }
    for (const auto& id : ids) EXPECT_LT(id, score.nextId);
}

}  // namespace mos::formats
