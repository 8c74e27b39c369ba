#pragma once

// The decoded audio of sampled instruments, held once however many instruments use it. A SoundFont's
// samples and an SFZ's WAV, FLAC and Ogg files all become float frames here, so a voice reads one
// format whatever the source was (16-bit, 24-bit with sm24, Vorbis-compressed SF3, float WAV).
//
//   SampleStore store;
//   auto piano = store.findOrAdd("/sfz/piano/C4.flac", [&] { return decodeFile(...); });
//   store.bytes();   // memory held by every sample, for `mos doctor` and the load report

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "mos/core/Result.hpp"

namespace mos::audio {

// One sample: mono or interleaved stereo float frames at their own rate. Behind the last frame sit
// kGuardFrames zero frames, so a 4-point interpolator may read past the end without a bounds check.
struct Sample {
    static constexpr std::uint32_t kGuardFrames = 4;

    std::string name{};         // from the file: the SF2 sample name or the SFZ sample path
    std::vector<float> data{};  // (frames + kGuardFrames) × channels floats
    std::uint32_t frames = 0;   // frames of sound, guard excluded
    std::uint8_t channels = 1;  // 1 or 2
    std::uint32_t sampleRate = 44100;
    std::uint8_t originalKey = 60;   // the MIDI key it was recorded at (SF2 originalPitch, SFZ default)
    float pitchCorrectionCents = 0;  // SF2 chPitchCorrection
    // Loop points stored with the sample (SF2 header, WAV 'smpl' chunk): frames, end exclusive;
    // loopEnd == 0 when the file names none.
    std::uint32_t loopStart = 0;
    std::uint32_t loopEnd = 0;
    float peak = 0;  // the largest magnitude of any frame: how loud the sample can ever sound

    // Appends the guard and fixes `frames` and `peak`: call once the sound frames are all in `data`.
    // Thread: control. RT-safe: no.
    void finish();
    std::size_t bytes() const noexcept { return data.capacity() * sizeof(float); }
};

// Shared, immutable once made: voices read it on the audio thread while instruments that use it live.
using SampleHandle = std::shared_ptr<const Sample>;

class SampleStore {
public:
    // The sample stored under `key` (a path, or a SoundFont path with its sample index), decoding it
    // with `decode` the first time. Samples no instrument holds any more are dropped by prune().
    // Thread: control (any number at once). RT-safe: no.
    core::Result<SampleHandle> findOrAdd(const std::string& key, const std::function<core::Result<Sample>()>& decode);

    // Forgets samples that only the store still holds. Thread: control. RT-safe: no.
    void prune();

    // Memory held by the stored samples, and how many there are. Thread: control. RT-safe: no.
    std::size_t bytes() const;
    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::unordered_map<std::string, SampleHandle> samples_;
};

}  // namespace mos::audio
