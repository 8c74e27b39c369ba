#pragma once

// Which format a score file is in: from its name first (what the user asked for), from its first
// bytes when the name does not say.
//
//   formatFromPath("Air.musicxml") == ScoreFormat::MusicXml
//   sniffFormat("MThd\0\0\0\6…")    == ScoreFormat::Midi

#include <filesystem>
#include <optional>
#include <string_view>

namespace mos::formats {

enum class ScoreFormat {
    Umf,                 // .umf.json, .umf
    MusicXml,            // .musicxml, .xml
    CompressedMusicXml,  // .mxl
    Midi,                // .mid, .midi, .smf
    Abc,                 // .abc (read only)
    GuitarPro,           // .gp3, .gp4, .gp5 (read only)
    HermesTimeline,      // .hermes.json, .timeline.json
    RomanText,           // .rntxt, and .txt files whose content is RomanText (read only)
};

// Stable lower-case name: "umf", "musicxml", "mxl", "midi", "abc", "guitar-pro", "hermes-timeline",
// "romantext".
// Thread: any. RT-safe: yes.
std::string_view formatName(ScoreFormat format) noexcept;
// The inverse of formatName, for --format options. Thread: any. RT-safe: yes.
std::optional<ScoreFormat> formatFromName(std::string_view name) noexcept;
// The extension MOS gives files it writes: ".umf.json", ".musicxml", ".mxl", ".mid" …
std::string_view preferredExtension(ScoreFormat format) noexcept;
// Whether MOS can write the format (ABC, Guitar Pro and RomanText are read only). Thread: any.
// RT-safe: yes.
bool canWrite(ScoreFormat format) noexcept;

// By the file name's extension, case-insensitive; nullopt when it names no score format (a .txt
// file is RomanText only by its content: sniffFormat). Thread: any. RT-safe: no.
std::optional<ScoreFormat> formatFromPath(const std::filesystem::path& path);
// By the content's first bytes; nullopt when they look like no score format. Thread: any. RT-safe: yes.
std::optional<ScoreFormat> sniffFormat(std::string_view bytes) noexcept;

}  // namespace mos::formats
