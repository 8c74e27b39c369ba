#include "mos/audio/AudioFileWriter.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <sndfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mos/core/UniqueHandle.hpp"

namespace mos::audio {

namespace {

namespace fs = std::filesystem;

using SoundFile = core::UniqueHandle<SNDFILE, sf_close>;

constexpr int kChannels = 2;
// Frames interleaved per libsndfile call: the writer's buffer stays small whatever write() is given.
constexpr std::uint32_t kChunkFrames = 4096;

core::Error fileError(core::ErrorCode code, const fs::path& path, std::string message) {
    return core::fail(code, std::move(message), core::SourceLocation{path.string()});
}

core::Error systemError(const fs::path& path, std::string_view what, int errorNumber) {
    return fileError(errorNumber == ENOENT ? core::ErrorCode::NotFound : core::ErrorCode::IoError, path,
                     std::string{what} + ": " + std::strerror(errorNumber));
}

std::string lowerCaseExtension(const fs::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

// libsndfile's format word for the extension and sample format, or the reason there is none.
core::Result<int> soundFileFormat(const fs::path& path, AudioSampleFormat sampleFormat) {
    const std::string extension = lowerCaseExtension(path);
    if (extension == ".wav") {
        // RF64 that stays plain WAV unless the file outgrows WAV's 4 GB.
        const int container = SF_FORMAT_RF64;
        switch (sampleFormat) {
            case AudioSampleFormat::Default:
            case AudioSampleFormat::Float32:
                return container | SF_FORMAT_FLOAT;
            case AudioSampleFormat::Pcm16:
                return container | SF_FORMAT_PCM_16;
            case AudioSampleFormat::Pcm24:
                return container | SF_FORMAT_PCM_24;
        }
    }
    if (extension == ".flac") {
        switch (sampleFormat) {
            case AudioSampleFormat::Default:
            case AudioSampleFormat::Pcm24:
                return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
            case AudioSampleFormat::Pcm16:
                return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
            case AudioSampleFormat::Float32:
                return fileError(core::ErrorCode::Unsupported, path, "FLAC cannot hold float samples");
        }
    }
    return fileError(core::ErrorCode::Unsupported, path,
                     "cannot write audio as \"" + path.extension().string() + "\": use .wav or .flac");
}

}  // namespace

struct AudioFileWriter::Open {
    fs::path target;
    fs::path temporary;
    int descriptor = -1;  // the temporary file's; libsndfile writes through it but does not own it
    SoundFile file;
    std::vector<float> interleaved;
    std::uint64_t frames = 0;
    bool closed = false;  // finished, or given up after an error

    Open() = default;
    Open(const Open&) = delete;
    Open& operator=(const Open&) = delete;
    ~Open() { discard(); }

    // Gives the file up: the temporary goes, the target stays as it was.
    void discard() noexcept {
        if (closed) return;
        closed = true;
        file.reset();
        if (descriptor >= 0) ::close(std::exchange(descriptor, -1));
        std::error_code ignored;
        fs::remove(temporary, ignored);
    }

    // Gives the file up and passes `error` on.
    core::Error abandon(core::Error error) noexcept {
        discard();
        return error;
    }
};

core::Result<AudioFileWriter> AudioFileWriter::create(const fs::path& path, core::SampleRate rate,
                                                      AudioSampleFormat sampleFormat) {
    const core::Result<int> format = soundFileFormat(path, sampleFormat);
    if (!format) return format.error();
    if (rate.value == 0) return fileError(core::ErrorCode::InvalidArgument, path, "a sample rate of 0 Hz");

    auto open = std::make_unique<Open>();
    open->target = path;
    // mkstemp makes a name no other writer uses, in the target's folder so that rename() replaces
    // the target in one step.
    std::string pattern = path.string() + ".tmp-XXXXXX";
    open->descriptor = ::mkstemp(pattern.data());
    if (open->descriptor < 0) return systemError(path, "cannot create a temporary file next to it", errno);
    open->temporary = pattern;
    // mkstemp makes the file private; a saved render is an ordinary file, like every MOS save.
    if (::fchmod(open->descriptor, 0644) != 0) return systemError(path, "cannot set its permissions", errno);

    SF_INFO info{};
    info.samplerate = static_cast<int>(rate.value);
    info.channels = kChannels;
    info.format = *format;
    open->file.reset(sf_open_fd(open->descriptor, SFM_WRITE, &info, SF_FALSE));
    if (!open->file) {
        return fileError(core::ErrorCode::IoError, path, std::string{"cannot start the file: "} + sf_strerror(nullptr));
    }
    sf_command(open->file.get(), SFC_RF64_AUTO_DOWNGRADE, nullptr, SF_TRUE);
    sf_command(open->file.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);
    // Writes the header (FLAC's stream info) now: libsndfile would otherwise leave a FLAC file of
    // no frames empty, which no reader accepts.
    sf_command(open->file.get(), SFC_UPDATE_HEADER_NOW, nullptr, 0);
    open->interleaved.resize(std::size_t{kChunkFrames} * kChannels);
    return AudioFileWriter{std::move(open)};
}

AudioFileWriter::AudioFileWriter(std::unique_ptr<Open> open) noexcept : open_{std::move(open)} {}
AudioFileWriter::AudioFileWriter(AudioFileWriter&&) noexcept = default;
AudioFileWriter& AudioFileWriter::operator=(AudioFileWriter&&) noexcept = default;
AudioFileWriter::~AudioFileWriter() = default;

const fs::path& AudioFileWriter::path() const noexcept { return open_->target; }

std::uint64_t AudioFileWriter::framesWritten() const noexcept { return open_->frames; }

core::Result<void> AudioFileWriter::write(const float* left, const float* right, std::uint32_t frames) {
    Open& open = *open_;
    if (open.closed) return fileError(core::ErrorCode::InvalidArgument, open.target, "the writer is closed");
    for (std::uint32_t done = 0; done < frames;) {
        const std::uint32_t chunk = std::min(frames - done, kChunkFrames);
        for (std::size_t i = 0; i < chunk; ++i) {
            open.interleaved[2 * i] = left[done + i];
            open.interleaved[2 * i + 1] = right[done + i];
        }
        const sf_count_t written = sf_writef_float(open.file.get(), open.interleaved.data(), chunk);
        if (written != static_cast<sf_count_t>(chunk)) {
            return fileError(core::ErrorCode::IoError, open.target,
                             std::string{"cannot write: "} + sf_strerror(open.file.get()));
        }
        done += chunk;
        open.frames += chunk;
    }
    return {};
}

core::Result<void> AudioFileWriter::finish() {
    Open& open = *open_;
    if (open.closed) return fileError(core::ErrorCode::InvalidArgument, open.target, "the writer is closed");
    // Closing writes the header's final sizes (and FLAC's last frames).
    if (const int status = sf_close(open.file.release()); status != SF_ERR_NO_ERROR) {
        return open.abandon(fileError(core::ErrorCode::IoError, open.target,
                                      std::string{"cannot complete the file: "} + sf_error_number(status)));
    }
    if (::fsync(open.descriptor) != 0) return open.abandon(systemError(open.target, "cannot flush", errno));
    if (::close(std::exchange(open.descriptor, -1)) != 0) {
        return open.abandon(systemError(open.target, "cannot close", errno));
    }
    if (::rename(open.temporary.c_str(), open.target.c_str()) != 0) {
        return open.abandon(systemError(open.target, "cannot replace", errno));
    }
    open.closed = true;
    // The rename is durable only once the folder's entry is on disk.
    const fs::path folder = open.target.has_parent_path() ? open.target.parent_path() : fs::path{"."};
    const int directory = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory >= 0) {
        ::fsync(directory);
        ::close(directory);
    }
    return {};
}

core::Result<AudioFileContents> readAudioFile(const fs::path& path) {
    SF_INFO info{};
    const SoundFile file{sf_open(path.c_str(), SFM_READ, &info)};
    if (!file) {
        std::error_code error;
        if (!fs::exists(path, error)) return fileError(core::ErrorCode::NotFound, path, "no such file");
        return fileError(core::ErrorCode::ParseError, path,
                         std::string{"cannot read as audio: "} + sf_strerror(nullptr));
    }
    AudioFileContents contents;
    contents.sampleRate = core::SampleRate{static_cast<std::uint32_t>(info.samplerate)};
    const auto channels = static_cast<std::size_t>(info.channels);
    contents.channels.assign(channels, {});

    std::vector<float> interleaved(std::size_t{kChunkFrames} * channels);
    for (;;) {
        const sf_count_t got = sf_readf_float(file.get(), interleaved.data(), kChunkFrames);
        if (got < 0) {
            return fileError(core::ErrorCode::ParseError, path, std::string{"cannot read: "} + sf_strerror(file.get()));
        }
        if (got == 0) break;
        for (std::size_t frame = 0; frame < static_cast<std::size_t>(got); ++frame) {
            for (std::size_t c = 0; c < channels; ++c)
                contents.channels[c].push_back(interleaved[frame * channels + c]);
        }
    }
    if (sf_error(file.get()) != SF_ERR_NO_ERROR) {
        return fileError(core::ErrorCode::ParseError, path, std::string{"cannot read: "} + sf_strerror(file.get()));
    }
    return contents;
}

}  // namespace mos::audio
