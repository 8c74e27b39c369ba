#include "audio/sampler/SfzSamples.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <string_view>
#include <system_error>

#include <sndfile.h>

namespace mos::audio::sfz {

namespace {

constexpr sf_count_t kFramesPerRead = 16384;
// Sample counts frames in 32 bits, guard frames included.
constexpr std::size_t kMostFrames = std::numeric_limits<std::uint32_t>::max() - Sample::kGuardFrames;
constexpr std::string_view kSilence = "*silence";

struct SndfileCloser {
    void operator()(SNDFILE* file) const noexcept { sf_close(file); }
};

// SFZ's sample=*silence: a region that sounds nothing, yet silences others through off_by.
Sample silence() {
    Sample sample;
    sample.name = std::string{kSilence};
    sample.data.assign(1, 0.0F);
    sample.finish();
    return sample;
}

// The first loop of the file's instrument data, if it lies within the sample.
void readInstrument(SNDFILE* file, Sample& sample) {
    SF_INSTRUMENT instrument{};
    if (sf_command(file, SFC_GET_INSTRUMENT, &instrument, static_cast<int>(sizeof instrument)) != SF_TRUE) return;
    const auto baseNote = static_cast<unsigned char>(instrument.basenote);
    if (baseNote <= 127) sample.originalKey = baseNote;
    const auto& loop = instrument.loops[0];
    if (instrument.loop_count < 1 || loop.mode == SF_LOOP_NONE) return;
    // libsndfile gives the end exclusive. Editors that count from 1 put it one past the last frame.
    const std::uint32_t end = std::min(loop.end, sample.frames);
    if (loop.start >= end) return;
    sample.loopStart = loop.start;
    sample.loopEnd = end;
}

}  // namespace

core::Result<Sample> decodeSampleFile(const std::filesystem::path& file, const std::string& name) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) {
        return core::fail(core::ErrorCode::NotFound,
                          std::filesystem::exists(file, error) ? "not a file" : "no such file");
    }
    SF_INFO info{};
    const std::unique_ptr<SNDFILE, SndfileCloser> handle{sf_open(file.c_str(), SFM_READ, &info)};
    if (!handle) {
        return core::fail(core::ErrorCode::ParseError,
                          std::string{"not an audio file libsndfile can read ("} + sf_strerror(nullptr) + ")");
    }
    if (info.channels < 1 || info.channels > 2) {
        return core::fail(core::ErrorCode::Unsupported,
                          std::to_string(info.channels) + " channels, but samples are mono or stereo");
    }
    if (info.samplerate <= 0) return core::fail(core::ErrorCode::ParseError, "no sample rate");

    Sample sample;
    sample.name = name;
    sample.channels = static_cast<std::uint8_t>(info.channels);
    sample.sampleRate = static_cast<std::uint32_t>(info.samplerate);
    const auto channels = static_cast<std::size_t>(info.channels);
    // Read until the data ends rather than trusting the header's frame count.
    while (true) {
        const std::size_t at = sample.data.size();
        sample.data.resize(at + static_cast<std::size_t>(kFramesPerRead) * channels);
        const sf_count_t read = sf_readf_float(handle.get(), sample.data.data() + at, kFramesPerRead);
        sample.data.resize(at + static_cast<std::size_t>(std::max<sf_count_t>(read, 0)) * channels);
        if (read <= 0) break;
        if (sample.data.size() / channels > kMostFrames) {
            return core::fail(core::ErrorCode::Unsupported, "longer than 2^32 frames");
        }
    }
    if (sf_error(handle.get()) != SF_ERR_NO_ERROR) {
        return core::fail(core::ErrorCode::ParseError,
                          std::string{"cannot be decoded ("} + sf_strerror(handle.get()) + ")");
    }
    sample.finish();
    readInstrument(handle.get(), sample);
    return sample;
}

core::Result<SampleHandle> loadSample(const RegionDraft& draft, const std::filesystem::path& directory,
                                      SampleStore& store, Warnings& warnings) {
    const std::string& path = draft.samplePath;
    if (path.empty()) {
        warnings.once("no-sample", "a region without a sample is skipped", draft.where);
        return SampleHandle{};
    }
    if (path == kSilence) return store.findOrAdd(path, [] { return core::Result<Sample>{silence()}; });
    if (path.front() == '*') {
        warnings.once("built-in:" + path,
                      "the built-in sound '" + path + "' is not available, so its regions are skipped",
                      draft.sampleWhere);
        return SampleHandle{};
    }

    std::error_code error;
    std::filesystem::path file = std::filesystem::absolute(directory / path, error);
    if (error) file = directory / path;
    file = file.lexically_normal();
    auto sample = store.findOrAdd(file.string(), [&] { return decodeSampleFile(file, path); });
    if (!sample) {
        return core::fail(sample.error().code,
                          "sample '" + path + "' (" + file.string() + "): " + sample.error().message,
                          draft.sampleWhere);
    }
    return sample;
}

}  // namespace mos::audio::sfz
