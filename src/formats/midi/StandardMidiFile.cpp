// Standard MIDI File 1.0 reader: chunks, variable-length quantities, running status, meta and
// sysex events. Strict where a byte stream would otherwise be misread, tolerant (with a warning)
// where real files are commonly sloppy: wrong track counts, missing End of Track, a last track cut
// short by a truncated file.

#include "mos/formats/StandardMidiFile.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <limits>
#include <string_view>

namespace mos::formats {
namespace {

using core::ErrorCode;

constexpr std::size_t kChunkHeaderBytes = 8;
constexpr std::size_t kMinHeaderLength = 6;

std::string hexByte(std::uint8_t value) {
    std::array<char, 5> text{};
    std::snprintf(text.data(), text.size(), "0x%02X", value);
    return text.data();
}

// Bytes of one region of the file, read front to back, failing softly at the region's end.
class ByteReader {
public:
    ByteReader(const std::vector<std::uint8_t>& bytes, std::size_t begin, std::size_t end) noexcept
        : bytes_{bytes}, position_{begin}, end_{end} {}

    std::size_t position() const noexcept { return position_; }
    bool atEnd() const noexcept { return position_ >= end_; }
    std::size_t remaining() const noexcept { return end_ - position_; }

    std::optional<std::uint8_t> peek() const noexcept {
        if (atEnd()) return std::nullopt;
        return bytes_[position_];
    }
    std::optional<std::uint8_t> next() noexcept {
        if (atEnd()) return std::nullopt;
        return bytes_[position_++];
    }
    bool skip(std::size_t count) noexcept {
        if (count > remaining()) return false;
        position_ += count;
        return true;
    }

private:
    const std::vector<std::uint8_t>& bytes_;
    std::size_t position_;
    std::size_t end_;
};

std::uint32_t bigEndian32(const std::vector<std::uint8_t>& b, std::size_t at) noexcept {
    return (std::uint32_t{b[at]} << 24U) | (std::uint32_t{b[at + 1]} << 16U) | (std::uint32_t{b[at + 2]} << 8U) |
           std::uint32_t{b[at + 3]};
}

std::uint16_t bigEndian16(const std::vector<std::uint8_t>& b, std::size_t at) noexcept {
    return static_cast<std::uint16_t>((b[at] << 8U) | b[at + 1]);
}

bool hasTag(const std::vector<std::uint8_t>& b, std::size_t at, std::string_view tag) noexcept {
    if (at + tag.size() > b.size()) return false;
    for (std::size_t i = 0; i < tag.size(); ++i) {
        if (b[at + i] != static_cast<std::uint8_t>(tag[i])) return false;
    }
    return true;
}

// The number of data bytes after a channel status byte.
constexpr int dataBytesOf(std::uint8_t status) noexcept {
    const auto command = static_cast<std::uint8_t>(status & 0xF0U);
    return command == 0xC0 || command == 0xD0 ? 1 : 2;
}

class SmfParser {
public:
    SmfParser(StandardMidiFile& file, const std::string& fileName) : file_{file}, fileName_{fileName} {}

    core::Result<void> parse() {
        const auto& bytes = file_.bytes;
        const std::size_t start = riffPayloadStart();
        if (!hasTag(bytes, start, "MThd")) {
            return fail(start, ErrorCode::ParseError, "not a Standard MIDI File: it does not start with \"MThd\"");
        }
        if (bytes.size() < start + kChunkHeaderBytes + kMinHeaderLength) {
            return fail(start, ErrorCode::ParseError, "the file ends inside its MThd header");
        }
        const std::uint32_t headerLength = bigEndian32(bytes, start + 4);
        if (headerLength < kMinHeaderLength) {
            return fail(start + 4, ErrorCode::ParseError,
                        "the MThd header is " + std::to_string(headerLength) + " bytes long, less than 6");
        }
        const std::size_t fields = start + kChunkHeaderBytes;
        file_.format = bigEndian16(bytes, fields);
        if (file_.format > 2) {
            return fail(fields, ErrorCode::Unsupported,
                        "MIDI file format " + std::to_string(file_.format) + " is not 0, 1 or 2");
        }
        const std::uint16_t declaredTracks = bigEndian16(bytes, fields + 2);
        if (auto division = readDivision(fields + 4); !division) return division;

        std::size_t position = fields + std::size_t{headerLength};
        while (position + kChunkHeaderBytes <= bytes.size()) {
            const std::size_t declared = bigEndian32(bytes, position + 4);
            const std::size_t dataStart = position + kChunkHeaderBytes;
            const std::size_t available = bytes.size() - dataStart;
            if (hasTag(bytes, position, "MTrk")) {
                if (declared > available) {
                    warn(position, "the track claims " + std::to_string(declared) + " bytes but the file ends after " +
                                       std::to_string(available));
                }
                if (auto track = readTrack(position, dataStart, dataStart + std::min(declared, available)); !track) {
                    return track;
                }
            }
            // Chunks of other types are skipped, as the specification asks.
            if (declared > available) break;
            position = dataStart + declared;
        }

        if (file_.tracks.size() != declaredTracks) {
            warn(fields + 2, "the header announces " + std::to_string(declaredTracks) + " tracks, the file has " +
                                 std::to_string(file_.tracks.size()));
        }
        if (file_.format == 0 && file_.tracks.size() > 1) {
            warn(fields, "a format 0 file should have one track, this one has " + std::to_string(file_.tracks.size()));
        }
        return {};
    }

private:
    // A RIFF "RMID" file wraps the SMF in its "data" chunk; a plain SMF starts at byte 0.
    std::size_t riffPayloadStart() const noexcept {
        const auto& bytes = file_.bytes;
        if (!hasTag(bytes, 0, "RIFF") || !hasTag(bytes, 8, "RMID")) return 0;
        std::size_t position = 12;
        while (position + kChunkHeaderBytes <= bytes.size()) {
            // RIFF sizes are little-endian.
            const std::size_t size = std::size_t{bytes[position + 4]} | (std::size_t{bytes[position + 5]} << 8U) |
                                     (std::size_t{bytes[position + 6]} << 16U) |
                                     (std::size_t{bytes[position + 7]} << 24U);
            if (hasTag(bytes, position, "data")) return position + kChunkHeaderBytes;
            position += kChunkHeaderBytes + size + (size & 1U);
        }
        return 0;
    }

    core::Result<void> readDivision(std::size_t at) {
        const std::uint16_t raw = bigEndian16(file_.bytes, at);
        if ((raw & 0x8000U) == 0) {
            if (raw == 0) return fail(at, ErrorCode::ParseError, "the division is 0 ticks per quarter note");
            file_.division.ticksPerQuarter = raw;
            return {};
        }
        // SMPTE: the high byte is minus the frames per second, in two's complement.
        const auto framesPerSecond = static_cast<std::uint8_t>(-static_cast<std::int8_t>(raw >> 8U));
        const auto ticksPerFrame = static_cast<std::uint8_t>(raw & 0xFFU);
        if ((framesPerSecond != 24 && framesPerSecond != 25 && framesPerSecond != 29 && framesPerSecond != 30) ||
            ticksPerFrame == 0) {
            return fail(at, ErrorCode::ParseError,
                        "the SMPTE division " + hexByte(static_cast<std::uint8_t>(raw >> 8U)) +
                            hexByte(ticksPerFrame).substr(2) + " is not valid");
        }
        file_.division.smpteFramesPerSecond = framesPerSecond;
        file_.division.ticksPerFrame = ticksPerFrame;
        return {};
    }

    // Reads delta-time values and meta/sysex lengths: at most four bytes of seven bits.
    std::optional<std::uint32_t> readVariableLength(ByteReader& in) {
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const auto byte = in.next();
            if (!byte) return std::nullopt;
            value = (value << 7U) | (*byte & 0x7FU);
            if ((*byte & 0x80U) == 0) return value;
        }
        tooLong_ = true;
        return std::nullopt;
    }

    core::Result<void> readTrack(std::size_t chunkStart, std::size_t begin, std::size_t end) {
        SmfTrack& track = file_.tracks.emplace_back();
        track.byteOffset = static_cast<std::uint32_t>(chunkStart);
        track.events.reserve((end - begin) / 3);  // a typical event is 3-4 bytes with running status
        ByteReader in{file_.bytes, begin, end};
        std::int64_t tick = 0;
        std::uint8_t runningStatus = 0;
        bool ended = false;

        while (!in.atEnd()) {
            const std::size_t eventStart = in.position();
            if (ended) {
                warn(eventStart, "bytes after the track's End of Track are ignored");
                return {};
            }
            tooLong_ = false;
            const auto delta = readVariableLength(in);
            if (!delta) return truncatedOrInvalid(eventStart, "delta time");
            tick += *delta;

            SmfEvent event;
            event.tick = tick;
            event.byteOffset = static_cast<std::uint32_t>(eventStart);
            const auto first = in.peek();
            if (!first) return cutShort(eventStart);
            std::uint8_t status = *first;
            if (status >= 0x80) {
                in.next();
            } else if (runningStatus == 0) {
                return fail(in.position(), ErrorCode::ParseError,
                            "data byte " + hexByte(status) + " where a status byte is needed (no running status)");
            } else {
                status = runningStatus;
            }
            event.status = status;

            if (status < 0xF0) {
                runningStatus = status;
                event.kind = SmfEventKind::Channel;
                const int count = dataBytesOf(status);
                for (int i = 0; i < count; ++i) {
                    const auto data = in.next();
                    if (!data) return cutShort(eventStart);
                    if (*data >= 0x80) {
                        return fail(
                            in.position() - 1, ErrorCode::ParseError,
                            "byte " + hexByte(*data) + " inside a " + hexByte(status) + " message is not a data byte");
                    }
                    (i == 0 ? event.data1 : event.data2) = *data;
                }
            } else if (status == 0xFF || status == 0xF0 || status == 0xF7) {
                runningStatus = 0;  // meta and sysex events cancel running status
                if (status == 0xFF) {
                    const auto type = in.next();
                    if (!type) return cutShort(eventStart);
                    event.kind = SmfEventKind::Meta;
                    event.status = *type;
                    ended = *type == smf_meta::kEndOfTrack;
                } else {
                    event.kind = status == 0xF0 ? SmfEventKind::SysEx : SmfEventKind::SysExEscape;
                }
                const auto length = readVariableLength(in);
                if (!length) return truncatedOrInvalid(eventStart, "event length");
                event.payloadOffset = static_cast<std::uint32_t>(in.position());
                event.payloadSize = *length;
                if (!in.skip(*length)) return cutShort(eventStart);
            } else {
                return fail(eventStart, ErrorCode::ParseError,
                            "status byte " + hexByte(status) + " is not allowed in a MIDI file");
            }
            track.events.push_back(event);
        }
        if (!ended) warn(chunkStart, "the track has no End of Track event");
        return {};
    }

    core::Result<void> truncatedOrInvalid(std::size_t eventStart, std::string_view what) {
        if (tooLong_) {
            return fail(eventStart, ErrorCode::ParseError,
                        std::string{what} + " is longer than the four bytes a variable-length number may have");
        }
        return cutShort(eventStart);
    }

    // An event that runs past its track: keep what came before and say so.
    core::Result<void> cutShort(std::size_t eventStart) {
        warn(eventStart, "the track ends inside an event; the events before it are kept");
        return {};
    }

    core::Error fail(std::size_t at, ErrorCode code, std::string message) const {
        return core::fail(code, std::move(message),
                          core::SourceLocation{.file = fileName_, .byteOffset = static_cast<std::int64_t>(at)});
    }
    void warn(std::size_t at, std::string message) {
        file_.warnings.push_back(fail(at, ErrorCode::ParseError, std::move(message)));
    }

    StandardMidiFile& file_;
    const std::string& fileName_;
    bool tooLong_ = false;  // the last variable-length number failed by length, not by the end
};

}  // namespace

core::Result<StandardMidiFile> readStandardMidiFile(std::vector<std::uint8_t> bytes, const std::string& fileName) {
    if (bytes.size() > std::numeric_limits<std::uint32_t>::max()) {
        return core::fail(ErrorCode::Unsupported, "MIDI files larger than 4 GiB are not supported",
                          core::SourceLocation{.file = fileName});
    }
    StandardMidiFile file;
    file.bytes = std::move(bytes);
    if (auto parsed = SmfParser{file, fileName}.parse(); !parsed) return std::move(parsed).error();
    return file;
}

core::Result<StandardMidiFile> readStandardMidiFile(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    if (!in) {
        return core::fail(std::filesystem::exists(path) ? ErrorCode::IoError : ErrorCode::NotFound,
                          "cannot open the file", core::SourceLocation{.file = path.string()});
    }
    std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    if (in.bad()) return core::fail(ErrorCode::IoError, "reading failed", core::SourceLocation{.file = path.string()});
    return readStandardMidiFile(std::move(bytes), path.string());
}

std::optional<std::uint32_t> smfTempo(const StandardMidiFile& file, const SmfEvent& event) noexcept {
    if (!event.isMeta(smf_meta::kTempo) || event.payloadSize != 3) return std::nullopt;
    const auto data = file.payload(event);
    const std::uint32_t micros = (std::uint32_t{data[0]} << 16U) | (std::uint32_t{data[1]} << 8U) | data[2];
    if (micros == 0) return std::nullopt;
    return micros;
}

std::optional<SmfTimeSignature> smfTimeSignature(const StandardMidiFile& file, const SmfEvent& event) noexcept {
    if (!event.isMeta(smf_meta::kTimeSignature) || event.payloadSize < 2) return std::nullopt;
    const auto data = file.payload(event);
    constexpr std::uint8_t kLargestPower = 15;  // 2^15 still fits the 16-bit denominator
    if (data[0] == 0 || data[1] > kLargestPower) return std::nullopt;
    SmfTimeSignature signature;
    signature.numerator = data[0];
    signature.denominator = static_cast<std::uint16_t>(1U << data[1]);
    if (data.size() >= 4) {
        signature.clocksPerClick = data[2];
        signature.thirtySecondsPerQuarter = data[3];
    }
    return signature;
}

std::optional<SmfKeySignature> smfKeySignature(const StandardMidiFile& file, const SmfEvent& event) noexcept {
    if (!event.isMeta(smf_meta::kKeySignature) || event.payloadSize != 2) return std::nullopt;
    const auto data = file.payload(event);
    const auto fifths = static_cast<std::int8_t>(data[0]);
    if (fifths < -7 || fifths > 7 || data[1] > 1) return std::nullopt;
    return SmfKeySignature{fifths, data[1] == 1};
}

}  // namespace mos::formats
