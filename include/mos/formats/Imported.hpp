#pragma once

// What every format reader returns: the scores a file holds (an ABC tune book holds many, every
// other format one) and the problems it met that did not stop the import, each with its place.

#include <vector>

#include "mos/core/Error.hpp"
#include "mos/score/Score.hpp"

namespace mos::formats {

struct Imported {
    std::vector<score::Score> scores;
    std::vector<core::Error> warnings;
};

}  // namespace mos::formats
