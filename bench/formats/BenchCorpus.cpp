#include "BenchCorpus.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <utility>

#include "mos/core/Files.hpp"
#include "mos/formats/ScoreFile.hpp"

namespace mos::bench {

namespace fs = std::filesystem;

std::vector<CorpusFile> corpusFiles(const std::string& folder, const std::vector<std::string>& extensions) {
    std::vector<fs::path> paths;
    const fs::path root = fs::path{MOS_SHARED_DIR} / "corpora" / folder;
    if (!fs::exists(root)) return {};
    for (const auto& entry : fs::recursive_directory_iterator{root}) {
        std::string name = entry.path().filename().string();
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (entry.is_regular_file() &&
            std::any_of(extensions.begin(), extensions.end(), [&](const auto& e) { return name.ends_with(e); })) {
            paths.push_back(entry.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    std::vector<CorpusFile> files;
    for (const auto& path : paths) {
        if (auto bytes = core::readWholeFile(path)) files.push_back({path.string(), std::move(*bytes)});
    }
    return files;
}

std::int64_t corpusBytes(const std::vector<CorpusFile>& files) {
    std::int64_t bytes = 0;
    for (const auto& file : files) bytes += static_cast<std::int64_t>(file.bytes.size());
    return bytes;
}

std::vector<score::Score> corpusScores(const std::vector<CorpusFile>& files) {
    std::vector<score::Score> scores;
    for (const auto& file : files) {
        if (auto read = formats::readScoreBytes(file.bytes, file.name)) {
            for (auto& score : read->imported.scores) scores.push_back(std::move(score));
        }
    }
    return scores;
}

}  // namespace mos::bench
