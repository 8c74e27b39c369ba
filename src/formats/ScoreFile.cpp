#include "mos/formats/ScoreFile.hpp"

#include <span>

#include "mos/core/Files.hpp"
#include "mos/formats/AbcReader.hpp"
#include "mos/formats/GuitarProReader.hpp"
#include "mos/formats/HermesTimeline.hpp"
#include "mos/formats/MidiScore.hpp"
#include "mos/formats/MusicXmlReader.hpp"
#include "mos/formats/MusicXmlWriter.hpp"
#include "mos/formats/RomanTextReader.hpp"
#include "mos/score/UmfJson.hpp"

namespace mos::formats {

namespace {

using core::ErrorCode;

std::span<const std::byte> asBytes(std::string_view text) noexcept {
    return std::as_bytes(std::span{text.data(), text.size()});
}

core::Result<std::string> toText(core::Result<std::vector<std::byte>> bytes) {
    if (!bytes) {
        return std::move(bytes).error();
    }
    return std::string{reinterpret_cast<const char*>(bytes->data()), bytes->size()};
}

core::Result<Imported> readAs(ScoreFormat format, std::string_view bytes, const std::string& fileName) {
    switch (format) {
        case ScoreFormat::Umf: {
            auto score = score::readUmf(bytes, fileName);
            if (!score) {
                return std::move(score).error();
            }
            Imported imported;
            imported.scores.push_back(std::move(*score));
            return imported;
        }
        case ScoreFormat::MusicXml:
        case ScoreFormat::CompressedMusicXml:
            return readMusicXml(bytes, fileName);
        case ScoreFormat::Midi:
            return readMidi(asBytes(bytes), fileName);
        case ScoreFormat::Abc:
            return readAbc(bytes, fileName);
        case ScoreFormat::GuitarPro:
            return readGuitarPro(asBytes(bytes), fileName);
        case ScoreFormat::HermesTimeline:
            return readHermesTimeline(bytes, fileName);
        case ScoreFormat::RomanText:
            return readRomanText(bytes, fileName);
    }
    return core::fail(ErrorCode::Internal, "unknown score format", {fileName});
}

}  // namespace

core::Result<ScoreFile> readScoreFile(const std::filesystem::path& path) {
    auto bytes = core::readWholeFile(path);
    if (!bytes) {
        return std::move(bytes).error();
    }
    return readScoreBytes(*bytes, path.string());
}

core::Result<ScoreFile> readScoreBytes(std::string_view bytes, const std::string& fileName,
                                       std::optional<ScoreFormat> format) {
    if (!format) {
        format = formatFromPath(fileName);
    }
    if (!format) {
        format = sniffFormat(bytes);
    }
    if (!format) {
        return core::fail(ErrorCode::Unsupported,
                          "not a score MOS reads (UMF, MusicXML, .mxl, MIDI, ABC, Guitar Pro 3-5, Hermes timeline, "
                          "RomanText)",
                          {fileName});
    }
    auto imported = readAs(*format, bytes, fileName);
    if (!imported) {
        return std::move(imported).error();
    }
    if (imported->scores.empty()) {
        return core::fail(ErrorCode::ParseError, "the file holds no score", {fileName});
    }
    return ScoreFile{*format, std::move(*imported)};
}

core::Result<std::string> encodeScore(const score::Score& score, ScoreFormat format) {
    switch (format) {
        case ScoreFormat::Umf:
            return score::writeUmf(score, score::UmfStyle::Pretty);
        case ScoreFormat::MusicXml:
            return writeMusicXml(score);
        case ScoreFormat::CompressedMusicXml:
            return toText(writeCompressedMusicXml(score));
        case ScoreFormat::Midi:
            return toText(writeMidi(score));
        case ScoreFormat::HermesTimeline:
            return writeHermesTimeline(score);
        case ScoreFormat::Abc:
        case ScoreFormat::GuitarPro:
        case ScoreFormat::RomanText:
            break;
    }
    return core::fail(ErrorCode::Unsupported, "MOS reads " + std::string{formatName(format)} +
                                                  " files but does not write them; write UMF, MusicXML or MIDI");
}

core::Result<void> writeScoreFile(const score::Score& score, const std::filesystem::path& path,
                                  std::optional<ScoreFormat> format) {
    if (!format) {
        format = formatFromPath(path);
    }
    if (!format) {
        return core::fail(ErrorCode::InvalidArgument,
                          "cannot tell the format from the name: use .umf.json, .musicxml, .mxl, .mid or .hermes.json",
                          {path.string()});
    }
    auto bytes = encodeScore(score, *format);
    if (!bytes) {
        core::Error error = std::move(bytes).error();
        error.where.file = path.string();
        return error;
    }
    return core::writeFileAtomically(path, *bytes);
}

}  // namespace mos::formats
