// Every MusicXML file of the shared corpora (the OpenSheetMusicDisplay test data and the scores of
// the When-in-Rome corpus, none written here) imports, and the notes of every part agree with an
// independent count: libxml2's xmllint evaluating XPath over the same file.
//
// The counting rule: every <note> of a part that has a <pitch> or an <unpitched> — chord members,
// grace notes and cue notes included, rests not — is one score::Note of that part.

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include "mos/formats/MusicXmlReader.hpp"

namespace mos::formats {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpora = fs::path{MOS_SHARED_DIR} / "corpora";

std::string readBytes(const fs::path& path) {
    std::ifstream in{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

bool endsWith(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() && std::string_view{text}.substr(text.size() - suffix.size()) == suffix;
}

std::vector<fs::path> musicXmlFiles(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator{folder}) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && (endsWith(name, ".xml") || endsWith(name, ".musicxml") ||
                                        endsWith(name, ".mxl") || endsWith(name, ".mxl.base64"))) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string decodeBase64(std::string_view text) {
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (const char c : text) {
        int value = -1;
        if (c >= 'A' && c <= 'Z') value = c - 'A';
        if (c >= 'a' && c <= 'z') value = c - 'a' + 26;
        if (c >= '0' && c <= '9') value = c - '0' + 52;
        if (c == '+') value = 62;
        if (c == '/') value = 63;
        if (value < 0) continue;
        bits = (bits << 6U) | static_cast<std::uint32_t>(value);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out.push_back(static_cast<char>((bits >> static_cast<unsigned>(count)) & 0xFFU));
        }
    }
    return out;
}

// The file's bytes as a reader gets them (.mxl.base64 decoded).
std::string fileBytes(const fs::path& path) {
    const std::string bytes = readBytes(path);
    return endsWith(path.string(), ".base64") ? decodeBase64(bytes) : bytes;
}

// Runs xmllint's shell over one file with the given XPath expressions; their numeric results in order.
std::vector<double> xpathNumbers(const fs::path& file, const std::vector<std::string>& expressions) {
    const fs::path script = fs::temp_directory_path() / ("mos-xpath-" + std::to_string(::getpid()) + ".txt");
    {
        std::ofstream out{script};
        for (const auto& expression : expressions) out << "xpath " << expression << '\n';
    }
    const std::string command =
        "xmllint --nonet --shell '" + file.string() + "' < '" + script.string() + "' 2>/dev/null";
    std::vector<double> numbers;
    const std::unique_ptr<FILE, int (*)(FILE*)> pipe{popen(command.c_str(), "r"), pclose};
    if (!pipe) return numbers;
    std::array<char, 4096> line{};
    std::string output;
    while (std::fgets(line.data(), static_cast<int>(line.size()), pipe.get()) != nullptr) output += line.data();
    const std::string marker = "Object is a number : ";
    for (std::size_t at = output.find(marker); at != std::string::npos; at = output.find(marker, at + 1)) {
        numbers.push_back(std::stod(output.substr(at + marker.size())));
    }
    fs::remove(script);
    return numbers;
}

// The score document inside an .mxl, written to a temporary file: found through container.xml,
// which xmllint reads too, so only the unzipping is shared with nothing but libzip.
std::optional<fs::path> extractScore(const std::string& archiveBytes, const fs::path& temporary) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(archiveBytes.data(), archiveBytes.size(), 0, &error);
    zip_t* archive = source != nullptr ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    zip_error_fini(&error);
    if (archive == nullptr) {
        if (source != nullptr) zip_source_free(source);
        return std::nullopt;
    }
    const auto entry = [&](const std::string& name) -> std::optional<std::string> {
        zip_stat_t stat;
        zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
        if (file == nullptr || zip_stat(archive, name.c_str(), 0, &stat) != 0) return std::nullopt;
        std::string bytes(static_cast<std::size_t>(stat.size), '\0');
        const auto got = zip_fread(file, bytes.data(), bytes.size());
        zip_fclose(file);
        if (got != static_cast<zip_int64_t>(bytes.size())) return std::nullopt;
        return bytes;
    };
    std::optional<fs::path> result;
    if (const auto container = entry("META-INF/container.xml")) {
        std::ofstream{temporary, std::ios::binary} << *container;
        const std::string command = "xmllint --nonet --xpath \"string(//*[local-name()='rootfile'][1]/@full-path)\" '" +
                                    temporary.string() + "' 2>/dev/null";
        const std::unique_ptr<FILE, int (*)(FILE*)> pipe{popen(command.c_str(), "r"), pclose};
        std::array<char, 1024> line{};
        std::string rootPath;
        while (pipe && std::fgets(line.data(), static_cast<int>(line.size()), pipe.get()) != nullptr)
            rootPath += line.data();
        while (!rootPath.empty() && (rootPath.back() == '\n' || rootPath.back() == '\r')) rootPath.pop_back();
        if (const auto score = entry(rootPath)) {
            std::ofstream{temporary, std::ios::binary} << *score;
            result = temporary;
        }
    }
    zip_close(archive);
    return result;
}

bool hasXmllint() { return std::system("xmllint --version > /dev/null 2>&1") == 0; }

// Imports one file and compares every part's note count with xmllint's; true when all agree.
// Returns the number of notes through `notes`.
bool importsWithXmllintCounts(const fs::path& path, const fs::path& temporary, int& notes) {
    SCOPED_TRACE(path.string());
    const std::string bytes = fileBytes(path);
    const auto result = readMusicXml(bytes, path.filename().string());
    EXPECT_TRUE(result.ok()) << result.error().describe();
    if (!result.ok()) return false;
    EXPECT_EQ(result->scores.size(), 1U);
    const score::Score& score = result->scores.front();
    EXPECT_FALSE(score.timeline.measures.empty());

    std::optional<fs::path> document = path;
    if (isMxlArchive(bytes)) document = extractScore(bytes, temporary);
    EXPECT_TRUE(document) << "the test could not unpack the archive";
    if (!document) return false;
    std::vector<std::string> expressions{"count(//score-part)"};
    for (const auto& part : score.parts) {
        expressions.push_back("count(//part[@id='" + part.id + "']//note[pitch or unpitched])");
    }
    auto numbers = xpathNumbers(*document, expressions);
    if (numbers.empty()) {
        // A few files declare an encoding they do not use (UTF-8 labelled UTF-16), which libxml2
        // refuses: count over a copy without the declaration, which is UTF-8 by default.
        const std::string text = readBytes(*document);
        const auto declarationEnd = text.substr(0, 2) == "<?" ? text.find("?>") : std::string::npos;
        if (declarationEnd != std::string::npos) {
            std::ofstream{temporary, std::ios::binary} << text.substr(declarationEnd + 2);
            numbers = xpathNumbers(temporary, expressions);
        }
    }
    EXPECT_EQ(numbers.size(), expressions.size()) << "xmllint gave no answer";
    if (numbers.size() != expressions.size()) return false;
    EXPECT_EQ(static_cast<std::size_t>(numbers[0]), score.parts.size());
    bool agrees = static_cast<std::size_t>(numbers[0]) == score.parts.size();
    for (std::size_t i = 0; i < score.parts.size(); ++i) {
        std::size_t count = 0;
        for (const auto& event : score.parts[i].events) count += event.notes.size();
        EXPECT_EQ(count, static_cast<std::size_t>(numbers[i + 1])) << "part " << score.parts[i].id;
        agrees = agrees && count == static_cast<std::size_t>(numbers[i + 1]);
        notes += static_cast<int>(count);
    }
    return agrees;
}

// Every file of a folder; prints and records how many agreed.
void checkFolder(const fs::path& folder, const std::vector<fs::path>& files, const char* label) {
    const fs::path temporary = fs::temp_directory_path() / ("mos-mxl-" + std::to_string(::getpid()) + ".xml");
    int agreeing = 0;
    int notes = 0;
    for (const auto& path : files) agreeing += importsWithXmllintCounts(path, temporary, notes) ? 1 : 0;
    fs::remove(temporary);
    std::cout << label << " (" << folder << "): " << agreeing << " of " << files.size()
              << " files imported with every part's note count equal to xmllint's (" << notes << " notes)\n";
    ::testing::Test::RecordProperty("files", static_cast<int>(files.size()));
    ::testing::Test::RecordProperty("agreeing", agreeing);
    EXPECT_EQ(static_cast<std::size_t>(agreeing), files.size());
}

TEST(MusicXmlCorpusTest, EveryOsmdFileImportsWithNotesCountedLikeXmllint) {
    const fs::path folder = kCorpora / "musicxml";
    if (!fs::exists(folder)) GTEST_SKIP() << "no corpus at " << folder;
    ASSERT_TRUE(hasXmllint()) << "xmllint (Debian libxml2-utils) counts the notes independently";
    const auto files = musicXmlFiles(folder);
    ASSERT_GE(files.size(), 190U);
    checkFolder(folder, files, "MusicXML corpus");
}

TEST(MusicXmlCorpusTest, EveryWhenInRomeScoreImportsWithNotesCountedLikeXmllint) {
    const fs::path folder = kCorpora / "romantext";
    if (!fs::exists(folder)) GTEST_SKIP() << "no corpus at " << folder;
    ASSERT_TRUE(hasXmllint()) << "xmllint (Debian libxml2-utils) counts the notes independently";
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator{folder}) {
        if (entry.is_regular_file() && entry.path().filename() == "score.mxl") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 400U);
    checkFolder(folder, files, "When-in-Rome scores");
}

}  // namespace
}  // namespace mos::formats
