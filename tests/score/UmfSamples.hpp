#pragma once

// Hand-built scores for the UMF tests: one that sets every field of the model to something other
// than its default (so a field the writer or reader forgets shows up as a difference), and the
// smallest one there is.

#include "mos/score/Score.hpp"

namespace mos::score::testing {

// Two measures, two parts (a B-flat clarinet with every event feature, a guitar with tablature),
// and at least one entry in every layer, the learning block, audio and extensions.
Score everyFieldScore();

// A score with nothing in it: writes as {"umf":"1.0"}.
Score minimalScore();

}  // namespace mos::score::testing
