#pragma once

// Rendered stereo audio to a WAV or FLAC file, and audio files read back (libsndfile). The file's
// extension picks the container. By default .wav holds 32-bit float samples, which keep the float
// mix exactly and never clip a peak above 1; .flac holds 24-bit PCM, since FLAC has no float
// samples. PCM samples beyond ±1 are clipped, never wrapped.
//
// Saving is atomic, like every MOS save: the samples go to a temporary file next to the target,
// which finish() flushes to disk and renames over the target. A writer destroyed before finish()
// removes its temporary file and leaves the target as it was.
//
//   auto writer = AudioFileWriter::create("take.flac", core::SampleRate{48000});
//   if (!writer) return writer.error();            // e.g. "out/take.flac: cannot create …"
//   auto written = writer->write(left, right, frames);   // as often as needed
//   if (written) written = writer->finish();             // take.flac appears, complete

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "mos/core/Result.hpp"
#include "mos/core/SampleTime.hpp"

namespace mos::audio {

enum class AudioSampleFormat : std::uint8_t {
    Default,  // float for .wav, 24-bit PCM for .flac
    Float32,  // .wav only
    Pcm16,
    Pcm24,
};

class AudioFileWriter {
public:
    // Opens the temporary file for `path`, a .wav or .flac file (any letter case). Unsupported for
    // another extension or for float samples in FLAC; NotFound or IoError when the temporary file
    // cannot be created. Every error names `path`. Thread: any. RT-safe: no.
    static core::Result<AudioFileWriter> create(const std::filesystem::path& path, core::SampleRate rate,
                                                AudioSampleFormat sampleFormat = AudioSampleFormat::Default);

    AudioFileWriter(AudioFileWriter&&) noexcept;
    AudioFileWriter& operator=(AudioFileWriter&&) noexcept;
    AudioFileWriter(const AudioFileWriter&) = delete;
    AudioFileWriter& operator=(const AudioFileWriter&) = delete;
    // Without finish(): removes the temporary file; the target stays as it was. Thread: the
    // writer's. RT-safe: no.
    ~AudioFileWriter();

    // Appends `frames` frames, one sample from each of left and right per frame. IoError when the
    // disk refuses them; InvalidArgument once finish() was called. Thread: the writer's. RT-safe: no.
    core::Result<void> write(const float* left, const float* right, std::uint32_t frames);

    // Completes the file (header, flush, fsync) and renames it over the target. When that fails,
    // the temporary file is removed and the target stays as it was. Either way the writer is then
    // closed: write() and finish() are InvalidArgument. Thread: the writer's. RT-safe: no.
    core::Result<void> finish();

    // The target, as given to create(). Thread: any. RT-safe: yes.
    const std::filesystem::path& path() const noexcept;
    // Frames written so far. Thread: any. RT-safe: yes.
    std::uint64_t framesWritten() const noexcept;

private:
    struct Open;
    explicit AudioFileWriter(std::unique_ptr<Open> open) noexcept;

    std::unique_ptr<Open> open_;
};

// An audio file's samples, one vector per channel, as floats in [-1, 1] for PCM files.
struct AudioFileContents {
    core::SampleRate sampleRate{};
    std::vector<std::vector<float>> channels;

    // Thread: any. RT-safe: yes.
    std::uint64_t frames() const noexcept { return channels.empty() ? 0 : channels.front().size(); }
};

// Reads a whole audio file of any type libsndfile knows (WAV, FLAC, Ogg …). NotFound when it does
// not exist, ParseError when it is no audio file libsndfile can read; errors name `path`.
// Thread: any. RT-safe: no.
core::Result<AudioFileContents> readAudioFile(const std::filesystem::path& path);

}  // namespace mos::audio
