#include "mos/audio/SfzFile.hpp"

#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

#include "audio/sampler/SfzHeaders.hpp"
#include "audio/sampler/SfzParser.hpp"
#include "audio/sampler/SfzPreprocessor.hpp"
#include "audio/sampler/SfzSamples.hpp"
#include "audio/sampler/SfzWarnings.hpp"

namespace mos::audio {

namespace {

// `mainFile` is the file `text` was read from, or stands for it, so that including it is a cycle.
core::Result<InstrumentBank> readSfzText(std::string_view text, const std::filesystem::path& directory,
                                         const std::string& name, const std::filesystem::path& mainFile,
                                         SampleStore& store) {
    auto preprocessed = sfz::preprocess(text, name, directory, mainFile);
    if (!preprocessed) return std::move(preprocessed).error();
    auto statements = sfz::parseStatements(*preprocessed);
    if (!statements) return std::move(statements).error();
    sfz::Warnings warnings;
    auto drafts = sfz::collectRegions(*statements, warnings);
    if (!drafts) return std::move(drafts).error();

    InstrumentBank bank;
    bank.path = mainFile.string();
    bank.name = std::filesystem::path{name}.stem().string();
    bank.singleInstrument = true;
    Preset& preset = bank.presets.emplace_back(Preset{.name = bank.name});
    for (const sfz::RegionDraft& draft : *drafts) {
        auto sample = sfz::loadSample(draft, directory, store, warnings);
        if (!sample) return std::move(sample).error();
        if (*sample) preset.regions.push_back(sfz::finishRegion(draft, std::move(*sample), warnings));
    }
    bank.warnings = std::move(warnings).take();
    return bank;
}

}  // namespace

core::Result<InstrumentBank> loadSfz(const std::filesystem::path& path, SampleStore& store) {
    const core::SourceLocation where{.file = path.string()};
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        return core::fail(core::ErrorCode::NotFound,
                          std::filesystem::exists(path, error) ? "not a file" : "no such file", where);
    }
    std::ifstream in{path, std::ios::binary};
    if (!in) return core::fail(core::ErrorCode::IoError, "cannot be opened", where);
    const std::string text{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    if (in.bad()) return core::fail(core::ErrorCode::IoError, "cannot be read", where);
    return readSfzText(text, path.parent_path(), path.string(), path, store);
}

core::Result<InstrumentBank> readSfz(std::string_view text, const std::filesystem::path& directory,
                                     const std::string& name, SampleStore& store) {
    return readSfzText(text, directory, name, directory / name, store);
}

}  // namespace mos::audio
