#include "Sf2Samples.hpp"

#include <algorithm>
#include <atomic>
#include <span>
#include <thread>
#include <utility>
#include <vector>

#include "Sf3Vorbis.hpp"

namespace mos::audio::sf2 {
namespace {

constexpr std::uint32_t kFallbackSampleRate = 44100;
constexpr std::uint8_t kHighestKey = 127;
constexpr std::uint8_t kUnpitchedKey = 60;  // section 7.10: 255 (unpitched) and illegal values play as 60
constexpr std::size_t kBytesPerFrame = 2;

// Little-endian 16-bit frames to floats, one tight pass the compiler can vectorise.
void convert16(const std::byte* in, std::span<float> out) noexcept {
    constexpr float kScale = 1.0F / 32768.0F;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto low = std::to_integer<std::uint16_t>(in[2 * i]);
        const auto high = std::to_integer<std::uint16_t>(in[2 * i + 1]);
        out[i] = static_cast<float>(static_cast<std::int16_t>(low | (high << 8U))) * kScale;
    }
}

// 16-bit frames with the 'sm24' chunk's low bytes below them.
void convert24(const std::byte* in, const std::byte* lowBytes, std::span<float> out) noexcept {
    constexpr float kScale = 1.0F / 8388608.0F;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto low = std::to_integer<std::uint16_t>(in[2 * i]);
        const auto high = std::to_integer<std::uint16_t>(in[2 * i + 1]);
        const auto upper = static_cast<std::int32_t>(static_cast<std::int16_t>(low | (high << 8U)));
        const auto value = upper * 256 + std::to_integer<std::int32_t>(lowBytes[i]);
        out[i] = static_cast<float>(value) * kScale;
    }
}

}  // namespace

SampleDecoder::SampleDecoder(const std::vector<SampleHeader>& headers, SampleData data, std::string fileName,
                             SampleStore& store, WarningLog& warnings)
    : headers_{headers},
      data_{data},
      fileName_{std::move(fileName)},
      store_{store},
      warnings_{warnings},
      decided_(headers.size()) {}

SampleHandle SampleDecoder::sample(std::size_t index) {
    std::optional<SampleHandle>& decided = decided_[index];
    if (decided) return *decided;
    decided = SampleHandle{};
    const SampleHeader& header = headers_[index];
    if (!usable(header)) return nullptr;
    auto stored = store_.findOrAdd(keyOf(index), [&] { return decode(header); });
    if (!stored) {
        warnings_.add(Warning::UndecodableSample,
                      "sample '" + header.name + "': " + stored.error().message + "; its zones are skipped");
        return nullptr;
    }
    decided = *stored;
    return *decided;
}

void SampleDecoder::decodeAll() {
    std::vector<std::size_t> todo;
    for (std::size_t index = 0; index < headers_.size(); ++index) {
        if (!decided_[index] && flawless(headers_[index])) todo.push_back(index);
    }
    std::vector<SampleHandle> decoded(todo.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t k = next++; k < todo.size(); k = next++) {
            const SampleHeader& header = headers_[todo[k]];
            auto stored = store_.findOrAdd(keyOf(todo[k]), [&] { return decode(header); });
            if (stored) decoded[k] = std::move(*stored);
        }
    };
    {
        const std::size_t helpers = std::min<std::size_t>(std::thread::hardware_concurrency(), todo.size());
        std::vector<std::jthread> threads;
        for (std::size_t i = 1; i < helpers; ++i) threads.emplace_back(work);
        work();
    }
    for (std::size_t k = 0; k < todo.size(); ++k) {
        if (decoded[k]) decided_[todo[k]] = std::move(decoded[k]);
    }
}

// Compressed samples are addressed in bytes of 'smpl', the others in 16-bit frames.
std::size_t SampleDecoder::addressLimit(const SampleHeader& header) const noexcept {
    return header.compressed() ? data_.smpl.size() : data_.smpl.size() / kBytesPerFrame;
}

bool SampleDecoder::flawless(const SampleHeader& header) const noexcept {
    return !header.inRom() && header.start < header.end && header.end <= addressLimit(header) && header.sampleRate != 0;
}

std::int64_t SampleDecoder::relativeLoopStart(const SampleHeader& header) noexcept {
    return header.compressed() ? std::int64_t{header.loopStart}
                               : std::int64_t{header.loopStart} - std::int64_t{header.start};
}

std::int64_t SampleDecoder::relativeLoopEnd(const SampleHeader& header) noexcept {
    return header.compressed() ? std::int64_t{header.loopEnd}
                               : std::int64_t{header.loopEnd} - std::int64_t{header.start};
}

bool SampleDecoder::usable(const SampleHeader& header) {
    const std::string sample = "sample '" + header.name + "'";
    if (header.inRom()) {
        warnings_.add(Warning::RomSample, sample + " lives in a sound card's ROM; its zones are skipped");
        return false;
    }
    const std::size_t limit = addressLimit(header);
    if (header.start >= header.end || header.end > limit) {
        warnings_.add(Warning::SampleOutsideData,
                      sample + " spans " + std::to_string(header.start) + "…" + std::to_string(header.end) +
                          (header.compressed() ? " bytes" : " frames") + ", outside the " + std::to_string(limit) +
                          " of the sample data; its zones are skipped");
        return false;
    }
    if (header.sampleRate == 0) {
        warnings_.add(Warning::MissingSampleRate, sample + " has a sample rate of 0; it is played at 44100 Hz");
    }
    return true;
}

core::Result<Sample> SampleDecoder::decode(const SampleHeader& header) const {
    Sample sample;
    sample.name = header.name;
    sample.sampleRate = header.sampleRate != 0 ? header.sampleRate : kFallbackSampleRate;
    sample.originalKey = header.originalPitch <= kHighestKey ? header.originalPitch : kUnpitchedKey;
    sample.pitchCorrectionCents = header.pitchCorrection;
    if (header.compressed()) {
        auto frames =
            decodeVorbisMono(data_.smpl.subspan(header.start, header.end - header.start), Sample::kGuardFrames);
        if (!frames) return std::move(frames).error();
        sample.data = std::move(*frames);
    } else {
        const std::size_t frames = header.end - header.start;
        // Room for the guard up front, so finish() appends it without moving the frames.
        sample.data.reserve(frames + Sample::kGuardFrames);
        sample.data.resize(frames);
        const std::byte* first = data_.smpl.data() + std::size_t{header.start} * kBytesPerFrame;
        if (data_.sm24.empty()) {
            convert16(first, sample.data);
        } else {
            convert24(first, data_.sm24.data() + header.start, sample.data);
        }
    }
    sample.finish();
    const std::int64_t loopStart = relativeLoopStart(header);
    const std::int64_t loopEnd = relativeLoopEnd(header);
    if (loopStart >= 0 && loopStart < loopEnd && loopEnd <= std::int64_t{sample.frames}) {
        sample.loopStart = static_cast<std::uint32_t>(loopStart);
        sample.loopEnd = static_cast<std::uint32_t>(loopEnd);
    }
    return sample;
}

}  // namespace mos::audio::sf2
