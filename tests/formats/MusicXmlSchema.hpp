#pragma once

// Validation of MusicXML text against the MusicXML 4.0 schema in ../shared/schemas/musicxml-4.0,
// by xmllint (libxml2-utils) offline through the schema folder's XML catalog, as its README says.

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "support/ChildProcess.hpp"
#include "support/TempDirectory.hpp"

namespace mos::test {

inline const std::filesystem::path kMusicXmlSchemas =
    std::filesystem::path{MOS_SHARED_DIR} / "schemas" / "musicxml-4.0";

struct SchemaCheck {
    bool valid = false;
    std::string messages;  // xmllint's report: the first errors with their lines
};

// Validates `text` against the schema file `schema` of the MusicXML folder (musicxml.xsd for a
// score, container.xsd for META-INF/container.xml).
inline SchemaCheck validateAgainstMusicXmlSchema(const std::string& text, const std::string& schema = "musicxml.xsd") {
    const TempDirectory directory;
    const auto file = directory.path() / "document.xml";
    std::ofstream{file, std::ios::binary} << text;
    const auto out = directory.path() / "out.txt";
    const auto err = directory.path() / "err.txt";
    ChildProcess xmllint{
        {"xmllint", "--noout", "--nonet", "--schema", (kMusicXmlSchemas / schema).string(), file.string()},
        environmentWith({{"XML_CATALOG_FILES", (kMusicXmlSchemas / "catalog.xml").string()}}),
        out,
        err};
    const int status = xmllint.wait();
    return {status == 0, readFile(err).substr(0, 4000)};
}

// Validates many files in one xmllint run (the schema is compiled once). Returns the files that
// fail, each with the first lines xmllint reported about it.
inline std::map<std::string, std::string> filesFailingMusicXmlSchema(const std::vector<std::filesystem::path>& files) {
    const TempDirectory directory;
    const auto out = directory.path() / "out.txt";
    const auto err = directory.path() / "err.txt";
    std::vector<std::string> arguments{"xmllint", "--noout", "--nonet", "--schema",
                                       (kMusicXmlSchemas / "musicxml.xsd").string()};
    for (const auto& file : files) arguments.push_back(file.string());
    ChildProcess xmllint{
        arguments, environmentWith({{"XML_CATALOG_FILES", (kMusicXmlSchemas / "catalog.xml").string()}}), out, err};
    xmllint.wait();
    std::map<std::string, std::string> failing;
    std::ifstream report{err};
    for (std::string line; std::getline(report, line);) {
        for (const auto& file : files) {
            const std::string name = file.string();
            if (!line.starts_with(name)) continue;
            if (line == name + " validates") break;
            std::string& messages = failing[name];
            if (messages.size() < 1000) messages += line.substr(name.size()) + "\n";
            break;
        }
    }
    return failing;
}

}  // namespace mos::test
