#include "mos/audio/AudioFileWriter.hpp"

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numbers>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/TempDirectory.hpp"

namespace mos::audio {
namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t kRate = 44100;
constexpr std::uint32_t kFrames = 30000;

// Two different sines, so a swapped or interleaved-wrong channel shows.
struct Stereo {
    std::vector<float> left;
    std::vector<float> right;
};

Stereo sines(float amplitude) {
    Stereo stereo{std::vector<float>(kFrames), std::vector<float>(kFrames)};
    for (std::uint32_t i = 0; i < kFrames; ++i) {
        const double t = static_cast<double>(i) / kRate;
        stereo.left[i] = static_cast<float>(amplitude * std::sin(2.0 * std::numbers::pi * 440.0 * t));
        stereo.right[i] = static_cast<float>(-0.5 * amplitude * std::sin(2.0 * std::numbers::pi * 1234.5 * t));
    }
    return stereo;
}

// Writes the frames in uneven pieces, as a render loop with changing block sizes would.
core::Result<void> writeAll(AudioFileWriter& writer, const Stereo& stereo) {
    std::uint32_t done = 0;
    for (const std::uint32_t piece : {1U, 255U, 4096U, 10000U}) {
        if (auto written = writer.write(stereo.left.data() + done, stereo.right.data() + done, piece); !written) {
            return written;
        }
        done += piece;
    }
    return writer.write(stereo.left.data() + done, stereo.right.data() + done, kFrames - done);
}

std::string fileBytes(const fs::path& path) {
    std::ifstream file{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{file}, std::istreambuf_iterator<char>{}};
}

std::vector<fs::path> filesIn(const fs::path& directory) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator{directory}) files.push_back(entry.path().filename());
    return files;
}

void expectRoundTrip(const fs::path& path, AudioSampleFormat format, float tolerance) {
    const Stereo written = sines(0.8F);
    auto writer = AudioFileWriter::create(path, core::SampleRate{kRate}, format);
    ASSERT_TRUE(writer) << writer.error().describe();
    ASSERT_TRUE(writeAll(*writer, written));
    EXPECT_EQ(writer->framesWritten(), kFrames);
    const auto finished = writer->finish();
    ASSERT_TRUE(finished) << finished.error().describe();

    const auto read = readAudioFile(path);
    ASSERT_TRUE(read) << read.error().describe();
    EXPECT_EQ(read->sampleRate, core::SampleRate{kRate});
    ASSERT_EQ(read->channels.size(), 2U);
    ASSERT_EQ(read->frames(), kFrames);
    float worst = 0.0F;
    for (std::uint32_t i = 0; i < kFrames; ++i) {
        worst = std::max({worst, std::abs(read->channels[0][i] - written.left[i]),
                          std::abs(read->channels[1][i] - written.right[i])});
    }
    EXPECT_LE(worst, tolerance) << path;
}

TEST(AudioFileWriterTest, WavHoldsFloatSamplesExactly) {
    const test::TempDirectory temp;
    const fs::path path = temp.path() / "take.wav";
    expectRoundTrip(path, AudioSampleFormat::Default, 0.0F);
    // A plain WAV file (RF64 only beyond 4 GB), with 32-bit IEEE float samples.
    const std::string bytes = fileBytes(path);
    EXPECT_EQ(bytes.substr(0, 4), "RIFF");
    EXPECT_EQ(bytes.substr(8, 4), "WAVE");
    EXPECT_GE(bytes.size(), std::size_t{kFrames} * 2 * sizeof(float));
}

TEST(AudioFileWriterTest, WavHolds16And24BitPcm) {
    const test::TempDirectory temp;
    expectRoundTrip(temp.path() / "take16.wav", AudioSampleFormat::Pcm16, 1.5F / 32768.0F);
    expectRoundTrip(temp.path() / "take24.wav", AudioSampleFormat::Pcm24, 1.5F / 8388608.0F);
    EXPECT_LT(fs::file_size(temp.path() / "take16.wav"), fs::file_size(temp.path() / "take24.wav"));
}

TEST(AudioFileWriterTest, FlacHolds24BitPcmByDefault) {
    const test::TempDirectory temp;
    const fs::path path = temp.path() / "Take.FLAC";
    expectRoundTrip(path, AudioSampleFormat::Default, 1.5F / 8388608.0F);
    EXPECT_EQ(fileBytes(path).substr(0, 4), "fLaC");
    expectRoundTrip(temp.path() / "take16.flac", AudioSampleFormat::Pcm16, 1.5F / 32768.0F);
}

TEST(AudioFileWriterTest, PcmClipsPeaksAboveFullScaleWhileFloatKeepsThem) {
    const test::TempDirectory temp;
    const std::vector<float> left{1.5F, -1.5F, 0.5F};
    const std::vector<float> right{-3.0F, 3.0F, -0.5F};
    const auto writeAndRead = [&](const fs::path& path) {
        auto writer = AudioFileWriter::create(path, core::SampleRate{kRate});
        EXPECT_TRUE(writer);
        EXPECT_TRUE(writer->write(left.data(), right.data(), 3));
        EXPECT_TRUE(writer->finish());
        return readAudioFile(path);
    };

    const auto pcm = writeAndRead(temp.path() / "loud.flac");
    ASSERT_TRUE(pcm);
    EXPECT_NEAR(pcm->channels[0][0], 1.0F, 1.0e-6F);
    EXPECT_NEAR(pcm->channels[0][1], -1.0F, 1.0e-6F);
    EXPECT_NEAR(pcm->channels[1][0], -1.0F, 1.0e-6F);
    EXPECT_NEAR(pcm->channels[1][1], 1.0F, 1.0e-6F);
    EXPECT_NEAR(pcm->channels[0][2], 0.5F, 1.0e-6F);

    const auto floats = writeAndRead(temp.path() / "loud.wav");
    ASSERT_TRUE(floats);
    EXPECT_EQ(floats->channels[0], left);
    EXPECT_EQ(floats->channels[1], right);
}

TEST(AudioFileWriterTest, RejectsOtherExtensionsAndFloatFlacNamingTheFile) {
    const test::TempDirectory temp;
    for (const char* name : {"take.mp3", "take", "take.wav.txt"}) {
        const auto writer = AudioFileWriter::create(temp.path() / name, core::SampleRate{kRate});
        ASSERT_FALSE(writer) << name;
        EXPECT_EQ(writer.error().code, core::ErrorCode::Unsupported);
        EXPECT_EQ(writer.error().where.file, (temp.path() / name).string());
        EXPECT_NE(writer.error().describe().find(name), std::string::npos) << writer.error().describe();
    }
    const auto floatFlac =
        AudioFileWriter::create(temp.path() / "take.flac", core::SampleRate{kRate}, AudioSampleFormat::Float32);
    ASSERT_FALSE(floatFlac);
    EXPECT_EQ(floatFlac.error().code, core::ErrorCode::Unsupported);
    EXPECT_TRUE(filesIn(temp.path()).empty());
}

TEST(AudioFileWriterTest, UnwritableFolderIsAnErrorNamingTheFile) {
    const test::TempDirectory temp;
    const fs::path missingFolder = temp.path() / "no" / "such" / "folder" / "take.wav";
    const auto missing = AudioFileWriter::create(missingFolder, core::SampleRate{kRate});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(missing.error().where.file, missingFolder.string());
    EXPECT_NE(missing.error().describe().find(missingFolder.string()), std::string::npos);

    // A file where the folder should be: refused even to root, unlike a read-only folder.
    std::ofstream{temp.path() / "plain-file"} << "not a folder";
    const fs::path underFile = temp.path() / "plain-file" / "take.flac";
    const auto refused = AudioFileWriter::create(underFile, core::SampleRate{kRate});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::IoError);
    EXPECT_NE(refused.error().describe().find(underFile.string()), std::string::npos) << refused.error().describe();
}

TEST(AudioFileWriterTest, WriterDestroyedBeforeFinishLeavesNoFileAndTheOldOneUntouched) {
    const test::TempDirectory temp;
    const Stereo stereo = sines(0.5F);
    {
        auto writer = AudioFileWriter::create(temp.path() / "new.wav", core::SampleRate{kRate});
        ASSERT_TRUE(writer);
        ASSERT_TRUE(writeAll(*writer, stereo));
        EXPECT_EQ(filesIn(temp.path()).size(), 1U);  // the temporary file, under another name
    }
    EXPECT_TRUE(filesIn(temp.path()).empty());

    const fs::path existing = temp.path() / "existing.flac";
    std::ofstream{existing} << "the user's previous take";
    {
        auto writer = AudioFileWriter::create(existing, core::SampleRate{kRate});
        ASSERT_TRUE(writer);
        ASSERT_TRUE(writeAll(*writer, stereo));
    }
    EXPECT_EQ(fileBytes(existing), "the user's previous take");
    EXPECT_EQ(filesIn(temp.path()), std::vector<fs::path>{"existing.flac"});
}

TEST(AudioFileWriterTest, FinishReplacesTheTargetAndLeavesNothingElse) {
    const test::TempDirectory temp;
    const fs::path target = temp.path() / "mix.wav";
    std::ofstream{target} << "old";
    auto writer = AudioFileWriter::create(target, core::SampleRate{kRate});
    ASSERT_TRUE(writer);
    EXPECT_EQ(writer->path(), target);
    ASSERT_TRUE(writeAll(*writer, sines(0.5F)));
    EXPECT_EQ(fileBytes(target), "old");  // nothing shows until finish()
    ASSERT_TRUE(writer->finish());
    EXPECT_EQ(filesIn(temp.path()), std::vector<fs::path>{"mix.wav"});
    EXPECT_EQ((fs::status(target).permissions() & fs::perms::others_read), fs::perms::others_read);
    const auto read = readAudioFile(target);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->frames(), kFrames);

    const float sample = 0.0F;
    const auto late = writer->write(&sample, &sample, 1);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, core::ErrorCode::InvalidArgument);
    EXPECT_FALSE(writer->finish());
}

TEST(AudioFileWriterTest, EmptyRenderIsAValidFileWithNoFrames) {
    const test::TempDirectory temp;
    const fs::path path = temp.path() / "silence.flac";
    auto writer = AudioFileWriter::create(path, core::SampleRate{48000});
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->finish());
    const auto read = readAudioFile(path);
    ASSERT_TRUE(read) << read.error().describe();
    EXPECT_EQ(read->sampleRate, core::SampleRate{48000});
    EXPECT_EQ(read->frames(), 0U);
}

TEST(AudioFileWriterTest, ReadingAMissingOrNonAudioFileIsAnErrorNamingIt) {
    const test::TempDirectory temp;
    const auto missing = readAudioFile(temp.path() / "absent.wav");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(missing.error().where.file, (temp.path() / "absent.wav").string());

    const fs::path text = temp.path() / "notes.wav";
    std::ofstream{text} << "these are words, not samples";
    const auto notAudio = readAudioFile(text);
    ASSERT_FALSE(notAudio);
    EXPECT_EQ(notAudio.error().code, core::ErrorCode::ParseError);
    EXPECT_NE(notAudio.error().describe().find(text.string()), std::string::npos);
}

}  // namespace
}  // namespace mos::audio
