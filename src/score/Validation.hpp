#pragma once

// The checks edits share, each failing with a message a user can act on ("measure 12 does not exist:
// the score has 10 measures"), with the measure's label as the error's place where there is one.

#include <cstdint>
#include <string_view>

#include "Workspace.hpp"
#include "mos/core/Rational.hpp"
#include "mos/core/Result.hpp"
#include "mos/score/Score.hpp"

namespace mos::score {

// Measures a store lets a document grow to (an edit is refused rather than exhaust memory).
inline constexpr std::uint32_t kMaxMeasures = 100'000;

// Thread: the document's writer (all of them). RT-safe: no.
core::Result<void> checkRational(core::Rational value, std::string_view what);
core::Result<void> checkMeasure(const Score& score, std::uint32_t measure);
// A place in the score: the measure exists and 0 ≤ offset ≤ its duration.
core::Result<void> checkPlace(const Score& score, ScorePosition at);
core::Result<void> checkOffset(const Score& score, std::uint32_t measure, core::Rational offset);
// first ≤ last, both existing measures.
core::Result<void> checkMeasureRange(const Score& score, std::uint32_t first, std::uint32_t last);
core::Result<void> checkStaff(const Part& part, std::uint8_t staff);
core::Result<void> checkNote(const Note& note);
// An event as InsertEvent describes it, for `part`.
core::Result<void> checkEvent(const Score& score, const Part& part, const Event& event);

core::Result<std::size_t> requirePart(const Workspace& workspace, std::string_view partId);
// Empty (the whole score) or an existing part.
core::Result<void> checkPartOrScore(const Workspace& workspace, std::string_view partId);
core::Result<Workspace::EventRef> requireEvent(const Workspace& workspace, ElementId event);
core::Result<Workspace::NoteRef> requireNote(const Workspace& workspace, ElementId note);

// "measure 3, offset 1/4" for messages.
std::string describePlace(ScorePosition at);

}  // namespace mos::score
