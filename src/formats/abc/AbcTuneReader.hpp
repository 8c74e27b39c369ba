#pragma once

// One ABC 2.1 tune, from its tokens, as a score::Score. AbcReader.cpp splits a tune book into tunes
// and calls this once per tune.

#include <span>
#include <string>
#include <vector>

#include "formats/abc/Fraction.hpp"
#include "mos/core/Error.hpp"
#include "mos/core/Result.hpp"
#include "mos/formats/AbcTokenizer.hpp"
#include "mos/score/Score.hpp"

namespace mos::formats::abc {

struct TuneTokens {
    std::span<const AbcToken> fileHeader;        // fields and directives before the book's first X:
    std::span<const AbcToken> tune;              // from the tune's X: field to its end
    std::span<const core::Error> lexerWarnings;  // the tokenizer's warnings on the tune's lines
};

// Reads one tune. Problems it works around are appended to `warnings`, each naming the tune
// ("tune 3 (The Rose Tree): …"); an error when the tune cannot be read at all (no music, a length
// that overflows, more than 20,000 measures). Thread: any. RT-safe: no.
// `exact` is shared by the tunes of a book.
core::Result<score::Score> readTune(const TuneTokens& tokens, const std::string& fileName,
                                    std::vector<core::Error>& warnings, RationalCache& exact);

}  // namespace mos::formats::abc
