#pragma once

// The MusicXML corpus of ../shared/corpora/musicxml: its files (.xml, .musicxml, .mxl and one
// .mxl kept as base64 text) and their bytes as a reader gets them.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace mos::test {

inline const std::filesystem::path kMusicXmlCorpus = std::filesystem::path{MOS_SHARED_DIR} / "corpora" / "musicxml";

// Every MusicXML file of the corpus, sorted; empty when the corpus is absent.
inline std::vector<std::filesystem::path> musicXmlCorpusFiles() {
    std::vector<std::filesystem::path> files;
    if (!std::filesystem::is_directory(kMusicXmlCorpus)) return files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator{kMusicXmlCorpus}) {
        const std::string name = entry.path().filename().string();
        const auto endsWith = [&](std::string_view suffix) { return name.ends_with(suffix); };
        if (entry.is_regular_file() &&
            (endsWith(".xml") || endsWith(".musicxml") || endsWith(".mxl") || endsWith(".mxl.base64"))) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// A corpus file's bytes, with a .base64 file decoded (RFC 4648; padding and line breaks skipped).
inline std::string musicXmlCorpusBytes(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    std::string bytes{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    if (path.extension() != ".base64") return bytes;
    constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string decoded;
    std::uint32_t bits = 0;
    int pending = 0;
    for (const char c : bytes) {
        const auto value = kAlphabet.find(c);
        if (value == std::string_view::npos) continue;
        bits = (bits << 6U) | static_cast<std::uint32_t>(value);
        pending += 6;
        if (pending >= 8) {
            pending -= 8;
            decoded.push_back(static_cast<char>((bits >> static_cast<unsigned>(pending)) & 0xFFU));
        }
    }
    return decoded;
}

}  // namespace mos::test
