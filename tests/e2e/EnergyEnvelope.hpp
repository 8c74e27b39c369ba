#pragma once

// The short-time energy of a rendered file's mono mix, and where it rises most: how the FluidSynth
// comparison finds each note's onset in a render without trusting either renderer's own events.
//
//   const EnergyEnvelope energy{audio, 44};              // 1 ms hops at 44.1 kHz
//   energy.strongestRise(1.98, 2.02, 5).seconds          // the attack of a note due at 2.0 s

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "mos/audio/AudioFileWriter.hpp"

namespace mos::test {

class EnergyEnvelope {
public:
    struct Rise {
        double seconds = 0.0;  // where the later window begins
        double db = 0.0;       // energy of the `width` hops from there over the `width` hops before
    };

    // Mean square of the channels' sum over consecutive hops of `hopFrames`.
    EnergyEnvelope(const audio::AudioFileContents& audio, std::size_t hopFrames)
        : hopSeconds_{static_cast<double>(hopFrames) / audio.sampleRate.value} {
        const std::size_t frames = audio.frames();
        for (std::size_t start = 0; start + hopFrames <= frames; start += hopFrames) {
            double sum = 0.0;
            for (std::size_t i = start; i < start + hopFrames; ++i) {
                double mono = 0.0;
                for (const auto& channel : audio.channels) mono += channel[i];
                sum += mono * mono;
            }
            meanSquare_.push_back(sum / static_cast<double>(hopFrames));
        }
    }

    const std::vector<double>& meanSquare() const { return meanSquare_; }
    double hopSeconds() const { return hopSeconds_; }
    double seconds() const { return static_cast<double>(meanSquare_.size()) * hopSeconds_; }

    // The hop in [fromSeconds, toSeconds] where the energy of the next `width` hops exceeds that of
    // the `width` before by the most decibels: an attack's start, to within a hop.
    Rise strongestRise(double fromSeconds, double toSeconds, std::size_t width) const {
        Rise best{fromSeconds, -1e9};
        const std::size_t first = std::max(width, hopAt(fromSeconds));
        const std::size_t last = std::min(hopAt(toSeconds), meanSquare_.size() - std::min(meanSquare_.size(), width));
        for (std::size_t hop = first; hop <= last; ++hop) {
            const double db = decibels(sum(hop, width) / std::max(sum(hop - width, width), kFloor));
            if (db > best.db) best = {static_cast<double>(hop) * hopSeconds_, db};
        }
        return best;
    }

    // The loudest mean square over `width` hops from `fromSeconds` to the end, in decibels
    // relative to `reference` (a mean square).
    double loudestAfterDb(double fromSeconds, std::size_t width, double reference) const {
        double loudest = kFloor;
        for (std::size_t hop = hopAt(fromSeconds); hop + width <= meanSquare_.size(); hop += width) {
            loudest = std::max(loudest, sum(hop, width) / static_cast<double>(width));
        }
        return decibels(loudest / reference);
    }

private:
    static constexpr double kFloor = 1e-20;  // well below a 24-bit file's quietest sound

    static double decibels(double energyRatio) { return 10.0 * std::log10(std::max(energyRatio, kFloor)); }
    std::size_t hopAt(double seconds) const {
        return static_cast<std::size_t>(std::max(0.0, std::round(seconds / hopSeconds_)));
    }
    double sum(std::size_t from, std::size_t count) const {
        double total = 0.0;
        for (std::size_t hop = from; hop < from + count && hop < meanSquare_.size(); ++hop) total += meanSquare_[hop];
        return total;
    }

    double hopSeconds_;
    std::vector<double> meanSquare_;
};

}  // namespace mos::test
