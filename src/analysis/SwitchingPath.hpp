#pragma once

// The best path through a sequence of steps (measures) over a set of states (keys) when staying in
// a state is free and switching to any other costs the same: the Viterbi path of an HMM whose
// transition matrix has one value on the diagonal and one off it, with per-step scores as log
// emission potentials. It runs in O(steps × states), since the best predecessor of a state is
// either the same state or the previous step's leader.
//
//   scores {{5, 0}, {4, 0}, {0, 1}, {5, 0}}, switchCost 2  ->  {0, 0, 0, 0}
//   (a one-step detour to state 1 gains 1 and costs 4)

#include <cstddef>
#include <span>
#include <vector>

namespace mos::analysis {

// `scores[step][state]` are log potentials; `start[state]` is added at the first step (a prior on
// where the path starts). Every row must have start.size() entries; ties go to the lower state.
// Empty scores give an empty path. Thread: any. RT-safe: no.
std::vector<std::size_t> switchingPath(const std::vector<std::vector<double>>& scores, std::span<const double> start,
                                       double switchCost);

}  // namespace mos::analysis
