#include "Sf3Vorbis.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>

// The header's static callback tables would be unused here: the streams are read from memory.
#define OV_EXCLUDE_STATIC_CALLBACKS
#include <vorbis/vorbisfile.h>

namespace mos::audio::sf2 {
namespace {

using core::ErrorCode;

struct MemoryStream {
    Bytes bytes;
    std::size_t position = 0;
};

std::size_t readMemory(void* destination, std::size_t size, std::size_t count, void* source) {
    auto& stream = *static_cast<MemoryStream*>(source);
    if (size == 0) return 0;
    const std::size_t items = std::min(count, (stream.bytes.size() - stream.position) / size);
    std::memcpy(destination, stream.bytes.data() + stream.position, items * size);
    stream.position += items * size;
    return items;
}

int seekMemory(void* source, ogg_int64_t offset, int whence) {
    auto& stream = *static_cast<MemoryStream*>(source);
    const auto size = static_cast<ogg_int64_t>(stream.bytes.size());
    ogg_int64_t base = 0;
    if (whence == SEEK_CUR) base = static_cast<ogg_int64_t>(stream.position);
    if (whence == SEEK_END) base = size;
    if (offset < -base || offset > size - base) return -1;
    stream.position = static_cast<std::size_t>(base + offset);
    return 0;
}

long tellMemory(void* source) { return static_cast<long>(static_cast<MemoryStream*>(source)->position); }

// Closes the decoder however decoding ends.
class OpenStream {
public:
    OpenStream() = default;
    ~OpenStream() {
        if (open_) ov_clear(&file_);
    }
    OpenStream(const OpenStream&) = delete;
    OpenStream& operator=(const OpenStream&) = delete;

    bool open(MemoryStream& stream) {
        const ov_callbacks callbacks{readMemory, seekMemory, nullptr, tellMemory};
        open_ = ov_open_callbacks(&stream, &file_, nullptr, 0, callbacks) == 0;
        return open_;
    }
    OggVorbis_File* get() noexcept { return &file_; }

private:
    OggVorbis_File file_{};
    bool open_ = false;
};

bool isMono(OggVorbis_File* file, int section) {
    const vorbis_info* info = ov_info(file, section);
    return info != nullptr && info->channels == 1;
}

}  // namespace

core::Result<std::vector<float>> decodeVorbisMono(Bytes ogg, std::size_t spareFrames) {
    MemoryStream stream{ogg};
    OpenStream decoder;
    if (!decoder.open(stream)) return core::fail(ErrorCode::ParseError, "its data is not an Ogg Vorbis stream");
    if (!isMono(decoder.get(), -1)) return core::fail(ErrorCode::Unsupported, "its Ogg Vorbis stream is not mono");

    std::vector<float> frames;
    // The length comes from the stream's last page, which a damaged file may overstate: reserve no
    // more than a generous compression ratio allows, and let the vector grow past it if need be.
    constexpr std::size_t kMaxFramesPerByte = 64;
    const ogg_int64_t total = ov_pcm_total(decoder.get(), -1);
    if (total > 0) {
        const std::size_t cap = std::min(ogg.size(), std::numeric_limits<std::size_t>::max() / kMaxFramesPerByte);
        frames.reserve(std::min(static_cast<std::size_t>(total), cap * kMaxFramesPerByte) + spareFrames);
    }
    constexpr int kFramesPerRead = 4096;
    for (;;) {
        float** channels = nullptr;
        int section = 0;
        const long count = ov_read_float(decoder.get(), &channels, kFramesPerRead, &section);
        if (count == 0) break;
        if (count == OV_HOLE) continue;  // a gap in the stream: decoding resumes after it
        if (count < 0) return core::fail(ErrorCode::ParseError, "its Ogg Vorbis data is damaged");
        if (!isMono(decoder.get(), section)) {
            return core::fail(ErrorCode::Unsupported, "its Ogg Vorbis stream is not mono");
        }
        frames.insert(frames.end(), channels[0], channels[0] + count);
    }
    return frames;
}

}  // namespace mos::audio::sf2
