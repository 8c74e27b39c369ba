#include "mos/formats/ScoreFormat.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "mos/formats/RomanTextReader.hpp"

namespace mos::formats {

namespace {

struct FormatInfo {
    ScoreFormat format;
    std::string_view name;
    std::string_view preferredExtension;
    bool writable;
};

constexpr std::array<FormatInfo, 8> kFormats{{
    {ScoreFormat::Umf, "umf", ".umf.json", true},
    {ScoreFormat::MusicXml, "musicxml", ".musicxml", true},
    {ScoreFormat::CompressedMusicXml, "mxl", ".mxl", true},
    {ScoreFormat::Midi, "midi", ".mid", true},
    {ScoreFormat::Abc, "abc", ".abc", false},
    {ScoreFormat::GuitarPro, "guitar-pro", ".gp5", false},
    {ScoreFormat::HermesTimeline, "hermes-timeline", ".hermes.json", true},
    {ScoreFormat::RomanText, "romantext", ".rntxt", false},
}};

const FormatInfo& infoOf(ScoreFormat format) noexcept { return kFormats[static_cast<std::size_t>(format)]; }

// Extensions that name a format; longer ones first so ".umf.json" wins over a bare ".json".
struct Suffix {
    std::string_view suffix;
    ScoreFormat format;
};
constexpr std::array<Suffix, 15> kSuffixes{{
    {".umf.json", ScoreFormat::Umf},
    {".hermes.json", ScoreFormat::HermesTimeline},
    {".timeline.json", ScoreFormat::HermesTimeline},
    {".umf", ScoreFormat::Umf},
    {".musicxml", ScoreFormat::MusicXml},
    {".xml", ScoreFormat::MusicXml},
    {".mxl", ScoreFormat::CompressedMusicXml},
    {".midi", ScoreFormat::Midi},
    {".mid", ScoreFormat::Midi},
    {".smf", ScoreFormat::Midi},
    {".abc", ScoreFormat::Abc},
    {".gp3", ScoreFormat::GuitarPro},
    {".gp4", ScoreFormat::GuitarPro},
    {".gp5", ScoreFormat::GuitarPro},
    {".rntxt", ScoreFormat::RomanText},
}};

bool startsWith(std::string_view text, std::string_view prefix) noexcept {
    return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string_view formatName(ScoreFormat format) noexcept { return infoOf(format).name; }

std::optional<ScoreFormat> formatFromName(std::string_view name) noexcept {
    for (const FormatInfo& info : kFormats) {
        if (info.name == name) {
            return info.format;
        }
    }
    return std::nullopt;
}

std::string_view preferredExtension(ScoreFormat format) noexcept { return infoOf(format).preferredExtension; }

bool canWrite(ScoreFormat format) noexcept { return infoOf(format).writable; }

std::optional<ScoreFormat> formatFromPath(const std::filesystem::path& path) {
    std::string name = path.filename().string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string_view view{name};
    for (const Suffix& suffix : kSuffixes) {
        if (view.size() > suffix.suffix.size() && view.ends_with(suffix.suffix)) {
            return suffix.format;
        }
    }
    return std::nullopt;
}

std::optional<ScoreFormat> sniffFormat(std::string_view bytes) noexcept {
    if (startsWith(bytes, "MThd")) {
        return ScoreFormat::Midi;
    }
    if (startsWith(bytes, "PK\x03\x04")) {
        return ScoreFormat::CompressedMusicXml;
    }
    if (bytes.size() > 1 && static_cast<unsigned char>(bytes[0]) < 0x20 &&
        startsWith(bytes.substr(1), "FICHIER GUITAR PRO")) {
        return ScoreFormat::GuitarPro;
    }
    // Text formats: skip a UTF-8 byte-order mark and leading blanks.
    std::string_view text = startsWith(bytes, "\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
    if (startsWith(text, "\xFF\xFE") || startsWith(text, "\xFE\xFF")) {
        return ScoreFormat::MusicXml;  // UTF-16 text among score formats is MusicXML
    }
    const auto first = text.find_first_not_of(" \t\r\n");
    text = first == std::string_view::npos ? std::string_view{} : text.substr(first);
    const std::string_view head = text.substr(0, 4096);
    if (startsWith(text, "<")) {
        return head.find("score-partwise") != std::string_view::npos ||
                       head.find("score-timewise") != std::string_view::npos || startsWith(text, "<?xml")
                   ? std::optional{ScoreFormat::MusicXml}
                   : std::nullopt;
    }
    if (startsWith(text, "{")) {
        if (head.find("\"umf\"") != std::string_view::npos) {
            return ScoreFormat::Umf;
        }
        return head.find("\"events\"") != std::string_view::npos ? std::optional{ScoreFormat::HermesTimeline}
                                                                 : std::nullopt;
    }
    if (startsWith(text, "X:") || startsWith(text, "%abc") || head.find("\nX:") != std::string_view::npos) {
        return ScoreFormat::Abc;
    }
    return looksLikeRomanText(text) ? std::optional{ScoreFormat::RomanText} : std::nullopt;
}

}  // namespace mos::formats
