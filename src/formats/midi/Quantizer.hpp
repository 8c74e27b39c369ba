#pragma once

// The MIDI importer's quantiser: from one part's performed notes (exact times in integer units) to
// readable notation — a grid per quarter-note window (straight, triplet or quintuplet), snapped
// onsets and ends, voices for overlapping notes, chords for notes that start and end together, ties
// across barlines and tuplet boundaries, note values a score can show, and rests that fill every
// voice of every measure.

#include <cstdint>
#include <span>
#include <vector>

#include "mos/score/Score.hpp"

namespace mos::formats::midi {

// Every grid the quantiser may choose divides a quarter note into n equal steps with n dividing
// this, so a window of unitsPerQuarter units (a multiple of it) has whole-unit grid points.
inline constexpr std::int64_t kGridLcm = 240;

// The measures in integer units (file ticks times a scale that makes every measure and every grid
// point a whole number). A window is one quarter note of a measure, counted from the measure's
// start, or from its end in a pickup so the beats fall where the full measures have them.
struct UnitTimeline {
    std::int64_t unitsPerWhole = 0;
    std::int64_t unitsPerQuarter = 0;         // a window's length; a multiple of kGridLcm
    std::vector<std::int64_t> starts;         // per measure, plus the end of the last
    std::vector<std::int64_t> windowOrigins;  // per measure: where its first (maybe partial) window's grid starts
    std::vector<std::int64_t> firstWindows;   // per measure, plus one: global index of the measure's first window

    std::size_t measureCount() const noexcept { return starts.empty() ? 0 : starts.size() - 1; }
    // Fills windowOrigins and firstWindows from starts and unitsPerQuarter. Thread: any. RT-safe: no.
    void indexWindows(bool firstIsPickup);
};

// A note as played, in units from the start of the score.
struct PerformedNote {
    std::int64_t onset = 0;
    std::int64_t end = 0;  // >= onset
    score::Pitch pitch{};
    std::uint8_t percussionKey = 0;
    std::uint8_t velocity = 0;
};

struct QuantizerSettings {
    bool detectTuplets = true;
    std::uint8_t maxVoices = 8;
};

// Quantises part after part, keeping its scratch space between them. Not thread-safe: one per thread.
class Quantizer {
public:
    // Keeps a reference to `timeline`, which must outlive it. Thread: any. RT-safe: no.
    Quantizer(const UnitTimeline& timeline, QuantizerSettings settings);

    // Appends the events of one part (notes sorted by onset, all inside the timeline) to
    // `part.events`, taking ids from `score`. `headEvents` receives, per note, the id of the event
    // where it starts (for lyrics). Thread: the owner's. RT-safe: no.
    void quantize(std::span<const PerformedNote> notes, score::Score& score, score::Part& part,
                  std::vector<score::ElementId>& headEvents);

    // A quarter-note window of one measure, clipped to the measure.
    struct Window {
        std::int64_t index = 0;   // global, in time order
        std::int64_t origin = 0;  // where its grid starts (before `start` in a pickup's first window)
        std::int64_t start = 0;
        std::int64_t end = 0;
    };
    // The grid chosen for a window that holds onsets or ends.
    struct Decision {
        Window window{};
        std::uint8_t grid = 0;  // index into the grid table
    };

private:
    struct Chord {
        std::int64_t onset = 0;
        std::int64_t end = 0;
        std::uint32_t target = 0;  // itself, or the chord it was merged into when voices ran out
        std::uint8_t voice = 0;    // 0-based
        std::uint8_t topKey = 0;
    };
    struct SnappedNote {
        std::int64_t onset = 0;
        std::int64_t end = 0;
        std::uint32_t chord = 0;
    };
    // A stretch of one voice in one measure that becomes one event.
    struct Piece {
        std::int64_t start = 0;
        std::int64_t length = 0;
        std::int32_t chord = -1;   // -1: a rest
        std::int32_t window = -1;  // the tuplet window (index into decisions_) it is notated in; -1: none
        std::uint8_t voice = 0;
        bool tieIn = false;
        bool tieOut = false;
        bool measureRest = false;
        bool tupletStart = false;
        bool tupletStop = false;
    };
    struct Point {
        double fraction = 0;  // of a quarter from the window's grid origin
        bool isEnd = false;
    };
    struct Accumulator {
        Window window{};
        bool active = false;
        std::uint32_t allExact = 0;     // grids that place every point of the window exactly
        std::uint32_t onsetsExact = 0;  // grids that place every onset exactly
        std::uint32_t onsets = 0;
        std::vector<Point> points;
    };
    struct PendingEnd {
        Window window{};
        std::int64_t position = 0;
        std::uint32_t note = 0;
    };

    Window windowAt(std::size_t measure, std::int64_t position) const noexcept;
    void decideGrids(std::span<const PerformedNote> notes);
    void addPoint(std::int64_t position, bool isEnd);
    void finishWindow();
    std::uint8_t chooseGrid() const;
    std::int64_t snap(std::int64_t position, const Decision& decision) const noexcept;
    void snapNotes(std::span<const PerformedNote> notes);
    void assignVoices(std::span<const PerformedNote> notes);
    void placeInVoice(std::uint32_t index);
    void emitMeasures(std::span<const PerformedNote> notes, score::Score& score, score::Part& part,
                      std::vector<score::ElementId>& headEvents);
    void emitVoice(std::size_t measure, std::uint8_t voice, std::size_t& cursor);
    void emitSegment(std::int64_t from, std::int64_t to, std::int32_t chord, std::uint8_t voice, bool tieIn,
                     bool tieOut);
    void splitNotatable(std::int64_t from, std::int64_t length, std::int32_t chord, std::uint8_t voice,
                        std::int32_t window);
    void markTuplets(std::size_t firstPiece);
    void materialize(std::size_t measure, std::span<const PerformedNote> notes, score::Score& score, score::Part& part,
                     std::vector<score::ElementId>& headEvents);
    std::int64_t stepAt(std::int64_t position) const;
    core::Rational whole(std::int64_t units);

    const UnitTimeline& timeline_;
    QuantizerSettings settings_;
    std::int64_t unitsPerGridLcm_ = 1;
    std::vector<std::int64_t> straightValues_;  // notatable lengths in units, longest first

    // Scratch, reused between parts.
    Accumulator accumulator_;
    std::vector<PendingEnd> pendingEnds_;
    std::vector<Decision> decisions_;
    std::vector<std::uint32_t> onsetDecisions_;
    std::vector<std::int32_t> endDecisions_;  // -1: the end lies on a window boundary
    std::vector<SnappedNote> snapped_;
    std::vector<std::uint32_t> order_;  // note indices in chord-building order
    std::vector<Chord> chords_;
    std::vector<std::int64_t> voiceEnds_;
    std::vector<std::uint32_t> voiceLastChord_;
    std::vector<std::vector<std::uint32_t>> voiceChords_;
    std::vector<std::uint32_t> chordNoteStarts_;
    std::vector<std::uint32_t> chordNotes_;
    std::vector<std::uint32_t> fill_;
    std::vector<Piece> pieces_;
    std::vector<std::size_t> measurePieces_;  // per measure, plus one: its first piece
    std::vector<core::Rational> wholeCache_;  // units → whole notes, filled as met
    std::size_t measureDecisionBegin_ = 0;
    std::size_t measureDecisionEnd_ = 0;
};

}  // namespace mos::formats::midi
