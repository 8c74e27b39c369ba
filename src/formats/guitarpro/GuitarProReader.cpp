// Guitar Pro 3/4/5: the sections of the file in the order they are written (see GpImport.hpp).

#include "mos/formats/GuitarProReader.hpp"

#include "formats/guitarpro/GpImport.hpp"

namespace mos::formats {
namespace {

constexpr std::size_t kMinMeasureHeaderBytes = 1;  // a flag byte
constexpr std::size_t kMinTrackBytes = 98;         // GP3: flags, name, strings, tuning, MIDI, capo, colour

}  // namespace

core::Result<Imported> readGuitarPro(std::span<const std::byte> bytes, const std::string& fileName) {
    gp::Import import{bytes, fileName};
    gp::ByteReader& in = import.in;
    gp::readVersion(import);
    if (in.ok()) gp::readSongHeader(import);
    const std::size_t measures = in.count(kMinMeasureHeaderBytes, "number of measures");
    const std::size_t tracks = in.count(kMinTrackBytes, "number of tracks");
    if (in.ok()) gp::readMeasureHeaders(import, measures);
    if (in.ok()) gp::readTracks(import, tracks);
    if (in.ok()) gp::readMeasures(import);
    if (!in.ok()) return in.error();
    if (!in.restIsZero()) {
        import.warn(in.position(), std::to_string(in.remaining()) + " bytes after the last bar are not read");
    }
    gp::attachLyrics(import);

    score::Score& score = import.score;
    if (!score.timeline.measures.empty() && import.tempo > 0) {
        auto& tempos = score.timeline.measures.front().tempos;
        const bool changedAtStart = !tempos.empty() && tempos.front().offset.isZero();
        if (!changedAtStart) {
            score::TempoMark mark;
            mark.beatsPerMinute = core::Rational{import.tempo};
            mark.text = import.tempoName;
            tempos.insert(tempos.begin(), std::move(mark));
        }
    }
    Imported imported;
    imported.scores.push_back(std::move(score));
    imported.warnings = std::move(import.warnings);
    return imported;
}

}  // namespace mos::formats
