// Compressed MusicXML (.mxl): a zip built in memory with libzip. As the container schema asks,
// `mimetype` comes first, stored uncompressed, and META-INF/container.xml names the score.

#include <ctime>
#include <string_view>
#include <tuple>

#include <zip.h>

#include "mos/core/UniqueHandle.hpp"
#include "mos/formats/MusicXmlWriter.hpp"

namespace mos::formats {
namespace {

constexpr std::string_view kMimeType = "application/vnd.recordare.musicxml";
constexpr const char* kScorePath = "score.musicxml";
constexpr std::string_view kContainer =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container>\n"
    "  <rootfiles>\n"
    "    <rootfile full-path=\"score.musicxml\" media-type=\"application/vnd.recordare.musicxml+xml\"/>\n"
    "  </rootfiles>\n"
    "</container>\n";
// Every entry gets the same modification time, so the same score always gives the same bytes.
constexpr std::time_t kEntryTime = 1704067200;  // 2024-01-01

using ZipSource = core::UniqueHandle<zip_source_t, zip_source_free>;

core::Error zipError(std::string_view what, const char* detail) {
    std::string message{"building the .mxl zip: "};
    message += what;
    message += ": ";
    message += detail;
    return core::fail(core::ErrorCode::Internal, std::move(message));
}

// Adds `data` (which must outlive the archive) as `name`; `stored` leaves it uncompressed.
core::Result<void> addEntry(zip_t* archive, const char* name, std::string_view data, bool stored) {
    zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (source == nullptr) return zipError(name, zip_strerror(archive));
    const zip_int64_t index = zip_file_add(archive, name, source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(source);
        return zipError(name, zip_strerror(archive));
    }
    const auto entry = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(archive, entry, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) != 0 ||
        zip_file_set_mtime(archive, entry, kEntryTime, 0) != 0) {
        return zipError(name, zip_strerror(archive));
    }
    return {};
}

core::Result<std::vector<std::byte>> readAll(zip_source_t* source) {
    if (zip_source_open(source) != 0)
        return zipError("reopening the buffer", zip_error_strerror(zip_source_error(source)));
    std::vector<std::byte> bytes;
    std::byte chunk[16384];
    for (;;) {
        const zip_int64_t read = zip_source_read(source, chunk, sizeof chunk);
        if (read < 0) {
            zip_source_close(source);
            return zipError("reading the buffer", zip_error_strerror(zip_source_error(source)));
        }
        if (read == 0) break;
        bytes.insert(bytes.end(), chunk, chunk + read);
    }
    zip_source_close(source);
    return bytes;
}

}  // namespace

core::Result<std::vector<std::byte>> writeCompressedMusicXml(const score::Score& score) {
    const std::string xml = writeMusicXml(score);

    zip_error_t error;
    zip_error_init(&error);
    const ZipSource buffer{zip_source_buffer_create(nullptr, 0, 0, &error)};
    if (!buffer) return zipError("creating the buffer", zip_error_strerror(&error));
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    if (archive == nullptr) return zipError("opening the buffer", zip_error_strerror(&error));
    zip_source_keep(buffer.get());  // the archive and this function each hold a reference

    for (const auto& [name, data, stored] : {std::tuple{"mimetype", kMimeType, true},
                                             {"META-INF/container.xml", kContainer, false},
                                             {kScorePath, std::string_view{xml}, false}}) {
        if (auto added = addEntry(archive, name, data, stored); !added) {
            zip_discard(archive);
            return std::move(added).error();
        }
    }
    if (zip_close(archive) != 0) {
        const core::Error failed = zipError("writing", zip_strerror(archive));
        zip_discard(archive);
        return failed;
    }
    return readAll(buffer.get());
}

}  // namespace mos::formats
