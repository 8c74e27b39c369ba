#include "formats/musicxml/MxlArchive.hpp"

#include <memory>
#include <optional>
#include <vector>

#include <pugixml.hpp>
#include <zip.h>

#include "formats/musicxml/XmlValues.hpp"

namespace mos::formats::musicxml {
namespace {

using core::ErrorCode;

struct ArchiveCloser {
    void operator()(zip_t* archive) const noexcept { zip_discard(archive); }
};
struct EntryCloser {
    void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;
using Entry = std::unique_ptr<zip_file_t, EntryCloser>;

core::Error archiveError(const std::string& fileName, std::string message) {
    return core::fail(ErrorCode::ParseError, std::move(message), core::SourceLocation{.file = fileName});
}

core::Result<std::string> readEntry(zip_t* archive, zip_uint64_t index, const std::string& fileName) {
    const char* name = zip_get_name(archive, index, ZIP_FL_ENC_GUESS);
    const std::string entryName = name != nullptr ? name : "?";
    const Entry entry{zip_fopen_index(archive, index, 0)};
    if (!entry) {
        return archiveError(fileName, joined({"cannot open ", entryName, " in the archive: ", zip_strerror(archive)}));
    }
    // Read in chunks rather than trusting the size the directory claims.
    std::string bytes;
    constexpr std::size_t kChunk = 64 * 1024;
    for (;;) {
        const std::size_t before = bytes.size();
        bytes.resize(before + kChunk);
        const zip_int64_t got = zip_fread(entry.get(), bytes.data() + before, kChunk);
        if (got < 0) {
            return archiveError(fileName,
                                joined({entryName, " in the archive is damaged: ", zip_file_strerror(entry.get())}));
        }
        bytes.resize(before + static_cast<std::size_t>(got));
        if (got == 0) break;
        if (bytes.size() > kMaxMxlEntryBytes) {
            return core::fail(ErrorCode::OutOfRange, joined({entryName, " inflates to more than 128 MiB"}),
                              core::SourceLocation{.file = fileName});
        }
    }
    return bytes;
}

std::optional<zip_uint64_t> findEntry(zip_t* archive, const char* name) {
    const zip_int64_t index = zip_name_locate(archive, name, 0);
    if (index < 0) return std::nullopt;
    return static_cast<zip_uint64_t>(index);
}

bool looksLikeScoreName(std::string_view name) {
    const auto endsWith = [&](std::string_view suffix) {
        return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
    };
    return name.substr(0, 9) != "META-INF/" && (endsWith(".xml") || endsWith(".musicxml"));
}

// The root file named by container.xml; an empty path when the container names none.
core::Result<std::string> rootFilePath(zip_t* archive, zip_uint64_t containerIndex, const std::string& fileName) {
    auto container = readEntry(archive, containerIndex, fileName);
    if (!container) return std::move(container).error();
    pugi::xml_document document;
    const auto parsed = document.load_buffer(container->data(), container->size());
    if (!parsed) {
        return archiveError(fileName, std::string{"META-INF/container.xml is not XML: "} + parsed.description());
    }
    for (const pugi::xml_node rootFile : document.child("container").child("rootfiles").children("rootfile")) {
        const std::string_view mediaType = rootFile.attribute("media-type").value();
        if (!mediaType.empty() && mediaType != "application/vnd.recordare.musicxml+xml") continue;
        return std::string{rootFile.attribute("full-path").value()};
    }
    return std::string{};
}

}  // namespace

core::Result<std::string> extractMxlRootFile(std::string_view archiveBytes, const std::string& fileName) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(archiveBytes.data(), archiveBytes.size(), 0, &error);
    if (source == nullptr) {
        const std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        return archiveError(fileName, joined({"cannot read the archive: ", message}));
    }
    const Archive archive{zip_open_from_source(source, ZIP_RDONLY, &error)};
    if (!archive) {
        zip_source_free(source);
        const std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        return archiveError(fileName, joined({"not a readable .mxl archive: ", message}));
    }
    zip_error_fini(&error);

    if (const auto containerIndex = findEntry(archive.get(), "META-INF/container.xml")) {
        auto path = rootFilePath(archive.get(), *containerIndex, fileName);
        if (!path) return std::move(path).error();
        if (!path->empty()) {
            const auto index = findEntry(archive.get(), path->c_str());
            if (!index)
                return archiveError(fileName, joined({"the archive has no ", *path, " (named by container.xml)"}));
            return readEntry(archive.get(), *index, fileName);
        }
    }
    std::vector<zip_uint64_t> candidates;
    const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const char* name = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), 0);
        if (name != nullptr && looksLikeScoreName(name)) candidates.push_back(static_cast<zip_uint64_t>(i));
    }
    if (candidates.size() != 1) {
        return archiveError(fileName, joined({"the archive has no META-INF/container.xml naming its score, and ",
                                              std::to_string(candidates.size()), " MusicXML files to choose from"}));
    }
    return readEntry(archive.get(), candidates.front(), fileName);
}

}  // namespace mos::formats::musicxml
