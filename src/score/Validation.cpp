#include "Validation.hpp"

#include <string>

namespace mos::score {
namespace {

core::SourceLocation inMeasure(const Score& score, std::uint32_t measure) {
    core::SourceLocation where;
    if (measure < score.timeline.measures.size()) where.measure = score.timeline.measures[measure].number;
    return where;
}

}  // namespace

std::string describePlace(ScorePosition at) {
    return "measure " + std::to_string(at.measure) + ", offset " + at.offset.toString();
}

core::Result<void> checkRational(core::Rational value, std::string_view what) {
    if (!value.isValid())
        return core::fail(core::ErrorCode::InvalidArgument, std::string{what} + " is not a valid number");
    return {};
}

core::Result<void> checkMeasure(const Score& score, std::uint32_t measure) {
    const std::size_t count = score.timeline.measures.size();
    if (measure >= count) {
        return core::fail(core::ErrorCode::OutOfRange, "measure " + std::to_string(measure) +
                                                           " does not exist: the score has " + std::to_string(count) +
                                                           " measures");
    }
    return {};
}

core::Result<void> checkOffset(const Score& score, std::uint32_t measure, core::Rational offset) {
    if (auto ok = checkMeasure(score, measure); !ok) return ok;
    if (auto ok = checkRational(offset, "the offset"); !ok) return ok;
    const core::Rational duration = score.timeline.measures[measure].duration;
    if (offset.isNegative() || offset > duration) {
        return core::fail(core::ErrorCode::OutOfRange,
                          "offset " + offset.toString() + " is outside measure " + std::to_string(measure) + " (0 to " +
                              duration.toString() + ")",
                          inMeasure(score, measure));
    }
    return {};
}

core::Result<void> checkPlace(const Score& score, ScorePosition at) {
    return checkOffset(score, at.measure, at.offset);
}

core::Result<void> checkMeasureRange(const Score& score, std::uint32_t first, std::uint32_t last) {
    if (first > last) {
        return core::fail(core::ErrorCode::InvalidArgument,
                          "measures " + std::to_string(first) + "…" + std::to_string(last) + " run backwards");
    }
    return checkMeasure(score, last);
}

core::Result<void> checkStaff(const Part& part, std::uint8_t staff) {
    if (staff < 1 || staff > part.staves) {
        return core::fail(core::ErrorCode::OutOfRange, "staff " + std::to_string(staff) + " does not exist: part " +
                                                           part.id + " has " + std::to_string(part.staves) + " staves");
    }
    return {};
}

core::Result<void> checkNote(const Note& note) {
    if (note.velocity > 127) {
        return core::fail(core::ErrorCode::OutOfRange, "velocity " + std::to_string(note.velocity) + " is above 127");
    }
    if (note.percussionKey > 127) {
        return core::fail(core::ErrorCode::OutOfRange,
                          "percussion key " + std::to_string(note.percussionKey) + " is above 127");
    }
    if (note.pitch.alter < -3 || note.pitch.alter > 3) {
        return core::fail(core::ErrorCode::OutOfRange,
                          "alteration " + std::to_string(note.pitch.alter) + " is beyond a triple flat or sharp");
    }
    if (note.performed) {
        if (auto ok = checkRational(note.performed->onset, "the performed onset"); !ok) return ok;
        if (auto ok = checkRational(note.performed->duration, "the performed duration"); !ok) return ok;
        if (note.performed->onset.isNegative() || note.performed->duration.isNegative()) {
            return core::fail(core::ErrorCode::OutOfRange, "performed timing is negative");
        }
    }
    return {};
}

core::Result<void> checkEvent(const Score& score, const Part& part, const Event& event) {
    if (auto ok = checkOffset(score, event.measure, event.offset); !ok) return ok;
    if (auto ok = checkRational(event.duration, "the duration"); !ok) return ok;
    const core::Rational length = score.timeline.measures[event.measure].duration;
    if (event.grace) {
        if (auto ok = checkRational(event.grace->value, "the grace note value"); !ok) return ok;
        if (!event.duration.isZero()) {
            return core::fail(core::ErrorCode::InvalidArgument, "a grace event takes no time: its duration must be 0");
        }
    } else {
        if (event.duration.isNegative() || event.duration.isZero()) {
            return core::fail(core::ErrorCode::InvalidArgument,
                              "duration " + event.duration.toString() + " is not positive");
        }
        if (event.offset == length) {
            return core::fail(core::ErrorCode::OutOfRange,
                              "offset " + event.offset.toString() + " is the end of measure " +
                                  std::to_string(event.measure) + ": only a grace event may sit there",
                              inMeasure(score, event.measure));
        }
    }
    if (event.voice < 1) return core::fail(core::ErrorCode::OutOfRange, "voice 0 does not exist: voices count from 1");
    if (auto ok = checkStaff(part, event.staff); !ok) return ok;
    for (const Tuplet& tuplet : event.tuplets) {
        if (tuplet.actual == 0 || tuplet.normal == 0) {
            return core::fail(core::ErrorCode::InvalidArgument, "a tuplet ratio has a 0 in it");
        }
    }
    for (const Note& note : event.notes) {
        if (auto ok = checkNote(note); !ok) return ok;
    }
    return {};
}

core::Result<std::size_t> requirePart(const Workspace& workspace, std::string_view partId) {
    const auto part = workspace.findPart(partId);
    if (!part) return core::fail(core::ErrorCode::NotFound, "part \"" + std::string{partId} + "\" does not exist");
    return *part;
}

core::Result<void> checkPartOrScore(const Workspace& workspace, std::string_view partId) {
    if (partId.empty()) return {};
    if (auto part = requirePart(workspace, partId); !part) return part.error();
    return {};
}

core::Result<Workspace::EventRef> requireEvent(const Workspace& workspace, ElementId event) {
    const auto ref = workspace.findEvent(event);
    if (!ref) return core::fail(core::ErrorCode::NotFound, "event " + std::to_string(event) + " does not exist");
    return *ref;
}

core::Result<Workspace::NoteRef> requireNote(const Workspace& workspace, ElementId note) {
    const auto ref = workspace.findNote(note);
    if (!ref) return core::fail(core::ErrorCode::NotFound, "note " + std::to_string(note) + " does not exist");
    return *ref;
}

}  // namespace mos::score
