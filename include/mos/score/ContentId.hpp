#pragma once

// The content id of a UMF document: "sha256:" and the hex SHA-256 of its canonical (compact) JSON.
// Equal scores have equal ids, loading and saving keeps the id, and any change to the music, the
// layers or the metadata changes it.
//
//   contentId(score) == "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

#include <string>

#include "mos/score/Score.hpp"

namespace mos::score {

// Thread: any. RT-safe: no.
std::string contentId(const Score& score);

}  // namespace mos::score
