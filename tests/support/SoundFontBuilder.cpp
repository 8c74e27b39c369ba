#include "support/SoundFontBuilder.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numbers>
#include <stdexcept>

#include <vorbis/vorbisenc.h>

namespace mos::test {
namespace {

constexpr std::size_t kNameBytes = 20;
constexpr std::uint32_t kZeroFramesAfterSample = 46;  // section 6.1

// Little-endian bytes with chunks whose sizes are filled in when they close.
class Writer {
public:
    void u8(std::uint8_t value) { bytes_.push_back(static_cast<std::byte>(value)); }
    void u16(std::uint16_t value) {
        u8(static_cast<std::uint8_t>(value & 0xFFU));
        u8(static_cast<std::uint8_t>(value >> 8U));
    }
    void u32(std::uint32_t value) {
        u16(static_cast<std::uint16_t>(value & 0xFFFFU));
        u16(static_cast<std::uint16_t>(value >> 16U));
    }
    void text(std::string_view value, std::size_t size) {
        for (std::size_t i = 0; i < size; ++i) u8(i < value.size() ? static_cast<std::uint8_t>(value[i]) : 0);
    }
    void raw(std::span<const std::byte> data) { bytes_.insert(bytes_.end(), data.begin(), data.end()); }

    // Opens a chunk (and, for a LIST, writes its type); close it with end().
    std::size_t begin(std::string_view id, std::string_view listType = {}) {
        text(id, 4);
        const std::size_t sizeAt = bytes_.size();
        u32(0);
        if (!listType.empty()) text(listType, 4);
        return sizeAt;
    }
    void end(std::size_t sizeAt) {
        const auto size = static_cast<std::uint32_t>(bytes_.size() - sizeAt - 4);
        for (std::size_t i = 0; i < 4; ++i) bytes_[sizeAt + i] = static_cast<std::byte>((size >> (8U * i)) & 0xFFU);
        if (size % 2 != 0) u8(0);
    }

    std::size_t size() const { return bytes_.size(); }
    std::vector<std::byte> take() && { return std::move(bytes_); }

private:
    std::vector<std::byte> bytes_;
};

// One mono Ogg Vorbis stream, encoded with libvorbisenc at the given quality.
std::vector<std::byte> encodeVorbis(const SfSample& sample, float quality, int serial) {
    vorbis_info info;
    vorbis_info_init(&info);
    if (vorbis_encode_init_vbr(&info, 1, static_cast<long>(sample.sampleRate), quality) != 0) {
        vorbis_info_clear(&info);
        throw std::runtime_error{"libvorbisenc refused the sample rate of " + sample.name};
    }
    vorbis_comment comment;
    vorbis_comment_init(&comment);
    vorbis_dsp_state dsp;
    vorbis_analysis_init(&dsp, &info);
    vorbis_block block;
    vorbis_block_init(&dsp, &block);
    ogg_stream_state stream;
    ogg_stream_init(&stream, serial);

    std::vector<std::byte> out;
    ogg_page page;
    const auto writePage = [&] {
        const auto* header = reinterpret_cast<const std::byte*>(page.header);
        const auto* body = reinterpret_cast<const std::byte*>(page.body);
        out.insert(out.end(), header, header + page.header_len);
        out.insert(out.end(), body, body + page.body_len);
    };
    ogg_packet identification;
    ogg_packet comments;
    ogg_packet codebooks;
    vorbis_analysis_headerout(&dsp, &comment, &identification, &comments, &codebooks);
    ogg_stream_packetin(&stream, &identification);
    ogg_stream_packetin(&stream, &comments);
    ogg_stream_packetin(&stream, &codebooks);
    while (ogg_stream_flush(&stream, &page) != 0) writePage();

    const auto encodeBlocks = [&] {
        ogg_packet packet;
        while (vorbis_analysis_blockout(&dsp, &block) == 1) {
            vorbis_analysis(&block, nullptr);
            vorbis_bitrate_addblock(&block);
            while (vorbis_bitrate_flushpacket(&dsp, &packet) != 0) {
                ogg_stream_packetin(&stream, &packet);
                while (ogg_stream_pageout(&stream, &page) != 0) writePage();
            }
        }
    };
    constexpr std::size_t kChunkFrames = 1024;
    for (std::size_t first = 0; first < sample.frames.size(); first += kChunkFrames) {
        const std::size_t count = std::min(kChunkFrames, sample.frames.size() - first);
        float** buffer = vorbis_analysis_buffer(&dsp, static_cast<int>(count));
        std::copy_n(sample.frames.begin() + static_cast<std::ptrdiff_t>(first), count, buffer[0]);
        vorbis_analysis_wrote(&dsp, static_cast<int>(count));
        encodeBlocks();
    }
    vorbis_analysis_wrote(&dsp, 0);
    encodeBlocks();
    while (ogg_stream_flush(&stream, &page) != 0) writePage();

    ogg_stream_clear(&stream);
    vorbis_block_clear(&block);
    vorbis_dsp_clear(&dsp);
    vorbis_comment_clear(&comment);
    vorbis_info_clear(&info);
    return out;
}

std::int32_t quantize(float value, float fullScale) {
    return static_cast<std::int32_t>(std::lround(std::clamp(value, -1.0F, 1.0F) * fullScale));
}

void writeModulator(Writer& out, const SfModulator& modulator) {
    out.u16(modulator.source);
    out.u16(modulator.destination);
    out.u16(static_cast<std::uint16_t>(modulator.amount));
    out.u16(modulator.amountSource);
    out.u16(modulator.transform);
}

// The bag, modulator and generator chunks of one level, from its headers' zone lists.
template <typename Header>
void writeZones(Writer& out, const std::vector<Header>& headers, std::string_view bagId, std::string_view modId,
                std::string_view genId) {
    std::uint16_t generators = 0;
    std::uint16_t modulators = 0;
    const std::size_t bags = out.begin(bagId);
    for (const Header& header : headers) {
        for (const SfZone& zone : header.zones) {
            out.u16(generators);
            out.u16(modulators);
            generators = static_cast<std::uint16_t>(generators + zone.generators().size());
            modulators = static_cast<std::uint16_t>(modulators + zone.modulators().size());
        }
    }
    out.u16(generators);
    out.u16(modulators);
    out.end(bags);

    const std::size_t mods = out.begin(modId);
    for (const Header& header : headers) {
        for (const SfZone& zone : header.zones) {
            for (const SfModulator& modulator : zone.modulators()) writeModulator(out, modulator);
        }
    }
    writeModulator(out, {});
    out.end(mods);

    const std::size_t gens = out.begin(genId);
    for (const Header& header : headers) {
        for (const SfZone& zone : header.zones) {
            for (const auto& [id, amount] : zone.generators()) {
                out.u16(id);
                out.u16(amount);
            }
        }
    }
    out.u32(0);
    out.end(gens);
}

std::uint16_t rangeWord(std::uint8_t low, std::uint8_t high) { return static_cast<std::uint16_t>(low | (high << 8U)); }

}  // namespace

SfZone& SfZone::set(SfGen generator, int amount) {
    return raw(static_cast<std::uint16_t>(generator), static_cast<std::uint16_t>(static_cast<std::int16_t>(amount)));
}

SfZone& SfZone::keys(std::uint8_t low, std::uint8_t high) {
    keyRange_ = rangeWord(low, high);
    return *this;
}

SfZone& SfZone::velocities(std::uint8_t low, std::uint8_t high) {
    velocityRange_ = rangeWord(low, high);
    return *this;
}

SfZone& SfZone::modulate(const SfModulator& modulator) {
    modulators_.push_back(modulator);
    return *this;
}

SfZone& SfZone::raw(std::uint16_t id, std::uint16_t amount) {
    generators_.emplace_back(id, amount);
    return *this;
}

SfZone& SfZone::sample(std::uint16_t index) {
    terminal_ = {static_cast<std::uint16_t>(SfGen::SampleId), index};
    return *this;
}

SfZone& SfZone::instrument(std::uint16_t index) {
    terminal_ = {static_cast<std::uint16_t>(SfGen::Instrument), index};
    return *this;
}

std::vector<std::pair<std::uint16_t, std::uint16_t>> SfZone::generators() const {
    std::vector<std::pair<std::uint16_t, std::uint16_t>> records;
    if (keyRange_) records.emplace_back(static_cast<std::uint16_t>(SfGen::KeyRange), *keyRange_);
    if (velocityRange_) records.emplace_back(static_cast<std::uint16_t>(SfGen::VelRange), *velocityRange_);
    records.insert(records.end(), generators_.begin(), generators_.end());
    if (terminal_) records.push_back(*terminal_);
    return records;
}

SfSample SfSample::sine(std::string name, double hertz, std::uint32_t sampleRate, std::uint32_t frames,
                        float amplitude) {
    SfSample sample{std::move(name)};
    sample.sampleRate = sampleRate;
    sample.frames.resize(frames);
    for (std::uint32_t i = 0; i < frames; ++i) {
        const double phase = 2.0 * std::numbers::pi * hertz * i / sampleRate;
        sample.frames[i] = amplitude * static_cast<float>(std::sin(phase));
    }
    return sample;
}

SfSample SfSample::saw(std::string name, double hertz, std::uint32_t sampleRate, std::uint32_t frames,
                       float amplitude) {
    SfSample sample{std::move(name)};
    sample.sampleRate = sampleRate;
    sample.frames.resize(frames);
    for (std::uint32_t i = 0; i < frames; ++i) {
        const double cycles = hertz * i / sampleRate;
        sample.frames[i] = amplitude * static_cast<float>(2.0 * (cycles - std::floor(cycles)) - 1.0);
    }
    return sample;
}

SfSample& SfSample::withLoop(std::uint32_t start, std::uint32_t end) {
    loopStart = start;
    loopEnd = end;
    return *this;
}

SfSample& SfSample::withKey(std::uint8_t key, std::int8_t correctionCents) {
    originalKey = key;
    pitchCorrection = correctionCents;
    return *this;
}

SfSample& SfSample::withType(std::uint16_t sampleType, std::uint16_t linkedSample) {
    type = sampleType;
    link = linkedSample;
    return *this;
}

SoundFontBuilder::SoundFontBuilder(std::string name) : name_{std::move(name)} {}

std::uint16_t SoundFontBuilder::addSample(SfSample sample) {
    samples_.push_back(std::move(sample));
    return static_cast<std::uint16_t>(samples_.size() - 1);
}

std::uint16_t SoundFontBuilder::addInstrument(std::string name, std::vector<SfZone> zones) {
    instruments_.push_back({std::move(name), std::move(zones)});
    return static_cast<std::uint16_t>(instruments_.size() - 1);
}

void SoundFontBuilder::addPreset(std::string name, std::uint16_t bank, std::uint16_t program,
                                 std::vector<SfZone> zones) {
    presets_.push_back({std::move(name), bank, program, std::move(zones)});
}

SoundFontBuilder& SoundFontBuilder::with24BitSamples() {
    wide_ = true;
    return *this;
}

SoundFontBuilder& SoundFontBuilder::compressed(float vorbisQuality) {
    vorbisQuality_ = vorbisQuality;
    return *this;
}

SoundFontBuilder& SoundFontBuilder::version(std::uint16_t major, std::uint16_t minor) {
    version_ = {major, minor};
    return *this;
}

std::vector<std::byte> SoundFontBuilder::build() const {
    struct Placement {
        std::uint32_t start, end, loopStart, loopEnd;
    };
    std::vector<Placement> placements;
    Writer smpl;
    Writer sm24;
    for (std::size_t i = 0; i < samples_.size(); ++i) {
        const SfSample& sample = samples_[i];
        if (vorbisQuality_) {
            // SF3: byte offsets of the Ogg stream, loops relative to the sample (see the reader).
            const auto start = static_cast<std::uint32_t>(smpl.size());
            smpl.raw(encodeVorbis(sample, *vorbisQuality_, static_cast<int>(i + 1)));
            placements.push_back({start, static_cast<std::uint32_t>(smpl.size()), sample.loopStart, sample.loopEnd});
            continue;
        }
        const auto start = static_cast<std::uint32_t>(smpl.size() / 2);
        for (const float frame : sample.frames) {
            if (wide_) {
                const std::int32_t value = quantize(frame, 8388607.0F);
                smpl.u16(static_cast<std::uint16_t>(static_cast<std::uint32_t>(value >> 8) & 0xFFFFU));
                sm24.u8(static_cast<std::uint8_t>(static_cast<std::uint32_t>(value) & 0xFFU));
            } else {
                smpl.u16(static_cast<std::uint16_t>(quantize(frame, 32767.0F)));
            }
        }
        for (std::uint32_t zero = 0; zero < kZeroFramesAfterSample; ++zero) {
            smpl.u16(0);
            if (wide_) sm24.u8(0);
        }
        const auto end = static_cast<std::uint32_t>(start + sample.frames.size());
        placements.push_back({start, end, start + sample.loopStart, start + sample.loopEnd});
    }

    const auto [major, minor] = version_.value_or(vorbisQuality_ ? std::pair<std::uint16_t, std::uint16_t>{3, 1}
                                                  : wide_        ? std::pair<std::uint16_t, std::uint16_t>{2, 4}
                                                                 : std::pair<std::uint16_t, std::uint16_t>{2, 1});
    Writer out;
    const std::size_t riff = out.begin("RIFF", "sfbk");

    const std::size_t info = out.begin("LIST", "INFO");
    const std::size_t ifil = out.begin("ifil");
    out.u16(major);
    out.u16(minor);
    out.end(ifil);
    const std::size_t isng = out.begin("isng");
    out.text("EMU8000", 8);
    out.end(isng);
    const std::size_t inam = out.begin("INAM");
    out.text(name_, name_.size() + 1);
    out.end(inam);
    out.end(info);

    const std::size_t sdta = out.begin("LIST", "sdta");
    const std::vector<std::byte> sampleBytes = std::move(smpl).take();
    const std::size_t smplChunk = out.begin("smpl");
    out.raw(sampleBytes);
    out.end(smplChunk);
    if (wide_ && !vorbisQuality_) {
        const std::vector<std::byte> lowBytes = std::move(sm24).take();
        const std::size_t sm24Chunk = out.begin("sm24");
        out.raw(lowBytes);
        out.end(sm24Chunk);
    }
    out.end(sdta);

    const std::size_t pdta = out.begin("LIST", "pdta");
    const std::size_t phdr = out.begin("phdr");
    std::uint16_t bag = 0;
    for (const Preset& preset : presets_) {
        out.text(preset.name, kNameBytes);
        out.u16(preset.program);
        out.u16(preset.bank);
        out.u16(bag);
        out.u32(0);  // library, genre, morphology: reserved
        out.u32(0);
        out.u32(0);
        bag = static_cast<std::uint16_t>(bag + preset.zones.size());
    }
    out.text("EOP", kNameBytes);
    out.u16(0);
    out.u16(0);
    out.u16(bag);
    out.u32(0);
    out.u32(0);
    out.u32(0);
    out.end(phdr);
    writeZones(out, presets_, "pbag", "pmod", "pgen");

    const std::size_t inst = out.begin("inst");
    bag = 0;
    for (const Instrument& instrument : instruments_) {
        out.text(instrument.name, kNameBytes);
        out.u16(bag);
        bag = static_cast<std::uint16_t>(bag + instrument.zones.size());
    }
    out.text("EOI", kNameBytes);
    out.u16(bag);
    out.end(inst);
    writeZones(out, instruments_, "ibag", "imod", "igen");

    const std::size_t shdr = out.begin("shdr");
    for (std::size_t i = 0; i < samples_.size(); ++i) {
        const SfSample& sample = samples_[i];
        const Placement& placement = placements[i];
        out.text(sample.name, kNameBytes);
        out.u32(placement.start);
        out.u32(placement.end);
        out.u32(placement.loopStart);
        out.u32(placement.loopEnd);
        out.u32(sample.sampleRate);
        out.u8(sample.originalKey);
        out.u8(static_cast<std::uint8_t>(sample.pitchCorrection));
        out.u16(sample.link);
        constexpr std::uint16_t kVorbisFlag = 0x10;
        out.u16(vorbisQuality_ ? static_cast<std::uint16_t>(sample.type | kVorbisFlag) : sample.type);
    }
    out.text("EOS", kNameBytes);
    for (int field = 0; field < 5; ++field) out.u32(0);
    out.u8(0);
    out.u8(0);
    out.u16(0);
    out.u16(0);
    out.end(shdr);
    out.end(pdta);

    out.end(riff);
    return std::move(out).take();
}

void SoundFontBuilder::write(const std::filesystem::path& path) const {
    const std::vector<std::byte> bytes = build();
    std::ofstream file{path, std::ios::binary};
    file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!file) throw std::runtime_error{"cannot write " + path.string()};
}

std::size_t SoundFontBuilder::chunkOffset(std::span<const std::byte> file, std::string_view id) {
    const auto fourCc = [&](std::size_t at) {
        std::string text(4, '\0');
        for (std::size_t i = 0; i < 4; ++i) text[i] = static_cast<char>(file[at + i]);
        return text;
    };
    const auto size = [&](std::size_t at) {
        std::uint32_t value = 0;
        for (std::size_t i = 0; i < 4; ++i) value |= std::to_integer<std::uint32_t>(file[at + 4 + i]) << (8U * i);
        return std::size_t{value};
    };
    constexpr std::size_t kFirstList = 12;
    for (std::size_t list = kFirstList; list + 12 <= file.size(); list += 8 + size(list) + size(list) % 2) {
        if (fourCc(list + 8) == id) return list;
        const std::size_t end = std::min(file.size(), list + 8 + size(list));
        for (std::size_t chunk = list + 12; chunk + 8 <= end; chunk += 8 + size(chunk) + size(chunk) % 2) {
            if (fourCc(chunk) == id) return chunk;
        }
    }
    throw std::runtime_error{"no '" + std::string{id} + "' chunk in the SoundFont"};
}

}  // namespace mos::test
