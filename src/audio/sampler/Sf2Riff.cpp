#include "Sf2Riff.hpp"

#include <optional>
#include <utility>

namespace mos::audio::sf2 {
namespace {

constexpr std::size_t kChunkHeaderBytes = 8;
constexpr std::size_t kRiffHeaderBytes = 12;
constexpr std::size_t kFourCcBytes = 4;

core::Result<std::vector<Chunk>> readChunks(Bytes file, std::size_t begin, std::size_t end, std::string_view parentName,
                                            const FileErrors& errors) {
    std::vector<Chunk> chunks;
    std::size_t position = begin;
    while (end - position >= kChunkHeaderBytes) {
        Chunk chunk{readName(file, position, kFourCcBytes), position, position + kChunkHeaderBytes,
                    readU32(file, position + kFourCcBytes)};
        const std::size_t room = end - chunk.dataOffset;
        if (chunk.size > room) {
            return errors.at(position + kFourCcBytes, "the '" + chunk.id + "' chunk claims " +
                                                          std::to_string(chunk.size) + " bytes, but its parent '" +
                                                          std::string{parentName} + "' has only " +
                                                          std::to_string(room) + " left");
        }
        position = chunk.end();
        // SoundFont chunks are even-sized by the standard, so RIFF's pad byte never appears in a
        // conforming file; MuseScore's SF3 files have an odd 'smpl' chunk with no pad after it.
        // Skip a pad only where a zero byte stands in place of the next chunk's id.
        if (chunk.size % 2 != 0 && position < end && readU8(file, position) == 0) ++position;
        chunks.push_back(std::move(chunk));
    }
    for (std::size_t at = position; at < end; ++at) {
        if (readU8(file, at) != 0) {
            return errors.at(position, "a chunk header is cut off: only " + std::to_string(end - position) +
                                           " bytes are left in '" + std::string{parentName} + "'");
        }
    }
    return chunks;
}

}  // namespace

std::string readName(Bytes bytes, std::size_t at, std::size_t size) {
    std::string name;
    name.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        const std::uint8_t c = readU8(bytes, at + i);
        if (c == 0) break;
        constexpr std::uint8_t kFirstPrintable = 0x20;
        constexpr std::uint8_t kLastPrintable = 0x7E;
        name.push_back(c >= kFirstPrintable && c <= kLastPrintable ? static_cast<char>(c) : '?');
    }
    return name;
}

core::Error FileErrors::at(std::size_t byteOffset, std::string message, core::ErrorCode code) const {
    core::SourceLocation where;
    where.file = fileName_;
    where.byteOffset = static_cast<std::int64_t>(byteOffset);
    return core::fail(code, std::move(message), std::move(where));
}

core::Result<SfbkLayout> readSfbkLayout(Bytes file, const FileErrors& errors) {
    if (file.size() < kRiffHeaderBytes) {
        return errors.at(0, "not a SoundFont: the file is only " + std::to_string(file.size()) + " bytes long");
    }
    if (readName(file, 0, kFourCcBytes) != "RIFF") {
        return errors.at(0, "not a SoundFont: the file does not start with \"RIFF\"");
    }
    const std::string form = readName(file, kChunkHeaderBytes, kFourCcBytes);
    if (form != "sfbk")
        return errors.at(kChunkHeaderBytes, "not a SoundFont: the RIFF form is '" + form + "', not 'sfbk'");
    const std::size_t riffSize = readU32(file, kFourCcBytes);
    if (riffSize < kFourCcBytes) return errors.at(kFourCcBytes, "the RIFF chunk is too short to hold its form type");
    if (riffSize > file.size() - kChunkHeaderBytes) {
        return errors.at(kFourCcBytes, "the file is cut off: its RIFF chunk claims " + std::to_string(riffSize) +
                                           " bytes, but only " + std::to_string(file.size() - kChunkHeaderBytes) +
                                           " follow");
    }
    auto chunks = readChunks(file, kRiffHeaderBytes, kChunkHeaderBytes + riffSize, "RIFF", errors);
    if (!chunks) return std::move(chunks).error();

    std::optional<Chunk> info;
    std::optional<Chunk> sdta;
    std::optional<Chunk> pdta;
    for (const Chunk& chunk : *chunks) {
        if (!chunk.is("LIST")) continue;
        if (chunk.size < kFourCcBytes)
            return errors.at(chunk.headerOffset, "a LIST chunk is too short to hold its type");
        Chunk list{readName(file, chunk.dataOffset, kFourCcBytes), chunk.headerOffset, chunk.dataOffset + kFourCcBytes,
                   chunk.size - kFourCcBytes};
        std::optional<Chunk>* slot = list.is("INFO")   ? &info
                                     : list.is("sdta") ? &sdta
                                     : list.is("pdta") ? &pdta
                                                       : nullptr;
        // A repeated list is ignored, as players do: the first one is the SoundFont.
        if (slot != nullptr && !*slot) *slot = std::move(list);
    }
    for (const auto& [list, name] : {std::pair{&info, "INFO"}, std::pair{&sdta, "sdta"}, std::pair{&pdta, "pdta"}}) {
        if (!*list) return errors.at(kRiffHeaderBytes, std::string{"the file has no '"} + name + "' list");
    }
    return SfbkLayout{*info, *sdta, *pdta};
}

core::Result<std::vector<Chunk>> readSubChunks(Bytes file, const Chunk& parent, const FileErrors& errors) {
    return readChunks(file, parent.dataOffset, parent.end(), parent.id, errors);
}

}  // namespace mos::audio::sf2
