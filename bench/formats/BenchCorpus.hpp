#pragma once

// The benchmarks' view of ../shared/corpora: the files of one folder, read into memory once, so
// every benchmark measures the same bytes and none of them measures the disk.

#include <cstdint>
#include <string>
#include <vector>

#include "mos/score/Score.hpp"

namespace mos::bench {

struct CorpusFile {
    std::string name;   // the path, for error messages
    std::string bytes;  // the whole file
};

// The files under ../shared/corpora/<folder> (recursively) whose lower-case names end in one of
// `extensions`, sorted by path; empty when the folder is missing.
std::vector<CorpusFile> corpusFiles(const std::string& folder, const std::vector<std::string>& extensions);

// The sum of the files' sizes.
std::int64_t corpusBytes(const std::vector<CorpusFile>& files);

// Every score the files import to through formats::readScoreBytes (all tunes of a book); files that
// fail are left out.
std::vector<score::Score> corpusScores(const std::vector<CorpusFile>& files);

}  // namespace mos::bench
