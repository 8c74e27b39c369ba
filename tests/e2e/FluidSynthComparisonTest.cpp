// Apollo beside FluidSynth: the same MIDI files (made from ../shared/corpora by `mos convert`)
// rendered by `mos render` and by `fluidsynth -ni -F` with the same SoundFont (Debian's
// FluidR3_GM.sf2). The two must be the same music:
// - loudness envelopes that rise and fall together (correlation of 10 ms RMS ≥ 0.9);
// - note by note, from the file's own note list: every onset with an audible attack in FluidSynth's
//   render rises in MOS's too (no missing note), at the same time to within a few milliseconds;
// - after the last note-off and its release, both renders are silent (no stuck note).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/EnergyEnvelope.hpp"
#include "e2e/MidiNoteTimes.hpp"
#include "e2e/RunMos.hpp"
#include "mos/audio/AudioFileWriter.hpp"
#include "mos/formats/StandardMidiFile.hpp"
#include "support/TempDirectory.hpp"

namespace mos::test {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpora = fs::path{MOS_SHARED_DIR} / "corpora";
const fs::path kSoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";
constexpr std::uint32_t kRate = 44100;
constexpr std::size_t kLoudnessHop = kRate / 100;  // 10 ms
constexpr std::size_t kOnsetHop = kRate / 1000;    // 1 ms
// An attack is measured as the energy of the next 10 ms over that of the 10 ms before.
constexpr std::size_t kRiseHops = 10;
// Note-ons this close together sound as one attack (a chord, a doubled part).
constexpr double kChordSeconds = 0.005;
// How far from the file's time an attack is looked for (FluidSynth starts notes on its 64-frame
// blocks, up to 1.5 ms late).
constexpr double kSearchSeconds = 0.02;
// A note counts when FluidSynth's render rises by this much at its time: four times the energy
// of what sounded just before, an attack clearly above it (a bowed or blown note fading in, or a
// note under a louder one, has none to time). MOS must then rise by at least kHeardDb.
constexpr double kAudibleDb = 6.0;
constexpr double kHeardDb = 3.0;
// FluidSynth starts each note on its next 64-frame block and ramps its gain over that block: its
// attacks come 2.3 ms (median; 1.3 to 5 ms) after the file's time, MOS's 0.2 ms (drums, where
// both attacks are sharp). So MOS leads by about 2 ms, and the bound allows that plus the
// estimator's spread of a hop or two.
constexpr double kMaxLagSeconds = 0.005;
// Release and reverb tails end within this after the last note-off, to below kSilentDb of the
// piece's loudest 10 ms.
constexpr double kReleaseSeconds = 2.0;
constexpr double kSilentDb = -50.0;
// Silence after the music, so that FluidSynth (which stops where the file ends) renders the tails.
constexpr double kTrailingSeconds = 4.0;

double correlation(const std::vector<double>& a, const std::vector<double>& b, std::size_t length) {
    double meanA = 0.0;
    double meanB = 0.0;
    for (std::size_t i = 0; i < length; ++i) {
        meanA += a[i];
        meanB += b[i];
    }
    meanA /= static_cast<double>(length);
    meanB /= static_cast<double>(length);
    double ab = 0.0;
    double aa = 0.0;
    double bb = 0.0;
    for (std::size_t i = 0; i < length; ++i) {
        ab += (a[i] - meanA) * (b[i] - meanB);
        aa += (a[i] - meanA) * (a[i] - meanA);
        bb += (b[i] - meanB) * (b[i] - meanB);
    }
    return ab / std::sqrt(aa * bb);
}

// RMS in 10 ms windows.
std::vector<double> loudness(const EnergyEnvelope& energy) {
    std::vector<double> rms;
    for (const double meanSquare : energy.meanSquare()) rms.push_back(std::sqrt(meanSquare));
    return rms;
}

double quantile(std::vector<double> values, double fraction) {
    if (values.empty()) return 0.0;
    const auto rank = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank), values.end());
    return values[rank];
}

// The MIDI file with kTrailingSeconds of silence after its last event, at the tempo then in force.
formats::StandardMidiFile withTrailingSilence(formats::StandardMidiFile file) {
    std::int64_t lastTick = 0;
    std::int64_t tempoTick = -1;
    std::uint32_t microsPerQuarter = 500'000;
    for (const auto& track : file.tracks) {
        for (const auto& event : track.events) {
            lastTick = std::max(lastTick, event.tick);
            const auto tempo = formats::smfTempo(file, event);
            if (tempo && event.tick >= tempoTick) {
                tempoTick = event.tick;
                microsPerQuarter = *tempo;
            }
        }
    }
    const auto trailingTicks =
        static_cast<std::int64_t>(kTrailingSeconds * 1e6 / microsPerQuarter * file.division.ticksPerQuarter);
    formats::appendDataEvent(file, file.tracks.front(), lastTick + trailingTicks, formats::SmfEventKind::Meta,
                             formats::smf_meta::kEndOfTrack, {});
    return file;
}

audio::AudioFileContents fluidsynthRender(const fs::path& midi, const fs::path& wav) {
    const TempDirectory logs;
    ChildProcess fluidsynth{{"fluidsynth", "-ni", "-q", "-g", "0.6", "-r", std::to_string(kRate), "-F", wav.string(),
                             kSoundFont.string(), midi.string()},
                            environmentWith({}),
                            logs.path() / "out",
                            logs.path() / "err"};
    EXPECT_EQ(fluidsynth.wait(), 0) << readFile(logs.path() / "err");
    auto audio = audio::readAudioFile(wav);
    EXPECT_TRUE(audio) << audio.error().describe();
    return audio ? std::move(*audio) : audio::AudioFileContents{};
}

// Note-on times merged into attacks: each group starts at its first note-on.
std::vector<double> attacks(const std::vector<double>& noteOnSeconds) {
    std::vector<double> groups;
    for (const double on : noteOnSeconds) {
        if (groups.empty() || on - groups.back() > kChordSeconds) groups.push_back(on);
    }
    return groups;
}

struct OnsetComparison {
    std::size_t attacks = 0;
    std::size_t counted = 0;          // audible in FluidSynth's render
    std::size_t heard = 0;            // of those, rising in MOS's too
    std::size_t matched = 0;          // of those, within kMaxLagSeconds
    std::vector<double> lags;         // MOS minus FluidSynth, seconds, of every heard attack
    std::vector<double> ourDelays;    // MOS's onset minus the file's time, seconds
    std::vector<double> theirDelays;  // FluidSynth's
    std::string unmatched;            // "12.345 s: lag 7 ms (MOS +9 dB, FluidSynth +11 dB)" lines
};

// Measures each attack in both renders within its search window, which stops halfway to the
// neighbouring attacks so that it never measures a neighbour instead.
OnsetComparison compareOnsets(const std::vector<double>& attackSeconds, const EnergyEnvelope& ours,
                              const EnergyEnvelope& theirs) {
    OnsetComparison result;
    result.attacks = attackSeconds.size();
    for (std::size_t i = 0; i < attackSeconds.size(); ++i) {
        const double at = attackSeconds[i];
        const double from = std::max(at - kSearchSeconds, i == 0 ? 0.0 : (attackSeconds[i - 1] + at) / 2);
        const double to =
            std::min(at + kSearchSeconds, i + 1 == attackSeconds.size() ? at + 1.0 : (at + attackSeconds[i + 1]) / 2);
        const EnergyEnvelope::Rise fluid = theirs.strongestRise(from, to, kRiseHops);
        if (fluid.db < kAudibleDb) continue;
        ++result.counted;
        const EnergyEnvelope::Rise mos = ours.strongestRise(from, to, kRiseHops);
        if (mos.db < kHeardDb) {
            result.unmatched += std::to_string(at) + " s: no rise in MOS's render\n";
            continue;
        }
        ++result.heard;
        const double lag = mos.seconds - fluid.seconds;
        result.lags.push_back(lag);
        result.ourDelays.push_back(mos.seconds - at);
        result.theirDelays.push_back(fluid.seconds - at);
        if (std::abs(lag) <= kMaxLagSeconds) {
            ++result.matched;
        } else {
            result.unmatched += std::to_string(at) + " s: lag " + std::to_string(lag * 1e3) + " ms (MOS +" +
                                std::to_string(mos.db) + " dB, FluidSynth +" + std::to_string(fluid.db) + " dB)\n";
        }
    }
    return result;
}

class FluidSynthComparisonTest : public testing::TestWithParam<const char*> {};

TEST_P(FluidSynthComparisonTest, RendersTheSameMusicAsFluidSynth) {
    const TempDirectory dir;
    const fs::path converted = dir.path() / "converted.mid";
    const MosRun conversion = runMos({"convert", (kCorpora / GetParam()).string(), converted.string()});
    ASSERT_EQ(conversion.exitStatus, 0) << conversion.err;
    const auto file = formats::readStandardMidiFile(converted);
    ASSERT_TRUE(file) << file.error().describe();
    const auto bytes = formats::writeStandardMidiFile(withTrailingSilence(*file));
    ASSERT_TRUE(bytes) << bytes.error().describe();
    const fs::path midi = dir.path() / "piece.mid";
    std::ofstream{midi, std::ios::binary}.write(reinterpret_cast<const char*>(bytes->data()),
                                                static_cast<std::streamsize>(bytes->size()));

    const fs::path ourWav = dir.path() / "mos.wav";
    const MosRun rendered = runMos({"render", midi.string(), "-o", ourWav.string(), "--rate", std::to_string(kRate),
                                    "--soundfont", kSoundFont.string()});
    ASSERT_EQ(rendered.exitStatus, 0) << rendered.err;
    const auto ours = audio::readAudioFile(ourWav);
    ASSERT_TRUE(ours) << ours.error().describe();
    const auto theirs = fluidsynthRender(midi, dir.path() / "fluidsynth.wav");
    ASSERT_GT(theirs.frames(), 0U);

    const auto ourLevel = loudness(EnergyEnvelope{*ours, kLoudnessHop});
    const auto theirLevel = loudness(EnergyEnvelope{theirs, kLoudnessHop});
    const std::size_t common = std::min(ourLevel.size(), theirLevel.size());
    ASSERT_GT(common, 100U);
    const double r = correlation(ourLevel, theirLevel, common);
    std::cout << GetParam() << ": loudness envelope correlation with FluidSynth " << r << '\n';
    EXPECT_GE(r, 0.9);

    const MidiNoteTimes notes = midiNoteTimes(*file);
    const EnergyEnvelope ourEnergy{*ours, kOnsetHop};
    const EnergyEnvelope theirEnergy{theirs, kOnsetHop};
    const OnsetComparison onsets = compareOnsets(attacks(notes.onSeconds), ourEnergy, theirEnergy);
    std::vector<double> absoluteLags;
    for (const double lag : onsets.lags) absoluteLags.push_back(std::abs(lag));
    std::cout << GetParam() << ": " << notes.onSeconds.size() << " notes in " << onsets.attacks << " attacks, "
              << onsets.counted << " audible in FluidSynth's render, " << onsets.heard << " heard in MOS's, "
              << onsets.matched << " within " << kMaxLagSeconds * 1e3 << " ms; lag MOS - FluidSynth median "
              << quantile(onsets.lags, 0.5) * 1e3 << " ms, |lag| median " << quantile(absoluteLags, 0.5) * 1e3
              << " ms, p95 " << quantile(absoluteLags, 0.95) * 1e3 << " ms; onset - file time median MOS "
              << quantile(onsets.ourDelays, 0.5) * 1e3 << " ms, FluidSynth " << quantile(onsets.theirDelays, 0.5) * 1e3
              << " ms\n";
    EXPECT_EQ(onsets.heard, onsets.counted) << "attacks missing from MOS's render:\n" << onsets.unmatched;
    // At least 95 % on time; where fewer than 20 attacks count (a string quartet's bows have few
    // sharp ones), one may miss, since a single hop of the estimator's spread is then over 5 %.
    EXPECT_LE(onsets.heard - onsets.matched, std::max<std::size_t>(1, onsets.counted / 20)) << onsets.unmatched;

    // No stuck note: each render silent once the last note and its release have ended, relative to
    // its own loudest 10 ms; and MOS's file ends within a few seconds of FluidSynth's.
    const double silentFrom = notes.lastOffSeconds + kReleaseSeconds;
    ASSERT_GT(theirEnergy.seconds(), silentFrom);
    const auto loudestSquare = [](const std::vector<double>& level) {
        const double loudest = *std::max_element(level.begin(), level.end());
        return loudest * loudest;
    };
    const double ourTail = ourEnergy.loudestAfterDb(silentFrom, 10, loudestSquare(ourLevel));
    const double theirTail = theirEnergy.loudestAfterDb(silentFrom, 10, loudestSquare(theirLevel));
    std::cout << GetParam() << ": " << kReleaseSeconds << " s after the last note-off, MOS " << ourTail
              << " dB, FluidSynth " << theirTail << " dB of its loudest 10 ms\n";
    EXPECT_LE(ourTail, kSilentDb);
    EXPECT_LE(theirTail, kSilentDb);
    EXPECT_LE(ourLevel.size(), theirLevel.size() + 400);
}

INSTANTIATE_TEST_SUITE_P(Corpus, FluidSynthComparisonTest,
                         testing::Values("musicxml/MuzioClementi_SonatinaOpus36No1_Part2.xml",
                                         "musicxml/Mozart_String_Quartet_in_G_K._387_1st_Mvmnt_excerpt.musicxml",
                                         "musicxml/OSMD_function_test_drumset.musicxml"));

}  // namespace
}  // namespace mos::test
