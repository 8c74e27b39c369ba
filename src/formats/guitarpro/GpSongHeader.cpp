// The song header between the version and the measure headers: song information, triplet feel
// (GP3/GP4), lyrics (GP4+), RSE master effect (GP5.10+), page setup (GP5), tempo, key, the 64 MIDI
// channels, and the GP5 direction table.

#include <utility>

#include "formats/guitarpro/GpImport.hpp"

namespace mos::formats::gp {
namespace {

using score::NavigationKind;

constexpr std::size_t kLyricLines = 5;
constexpr std::size_t kMinTextBytes = 5;           // an empty int-byte-size string
constexpr std::size_t kRseMasterEffectBytes = 19;  // volume, an unknown int, 11 equalizer bands
constexpr std::size_t kPageSetupIntegers = 7;      // page size, four margins, score size
constexpr std::size_t kPageSetupTexts = 10;        // header and footer templates
constexpr std::size_t kChannelBytes = 12;          // program, six effect levels, two blanks
constexpr std::int32_t kMaxTempo = 1000;

struct DirectionKind {
    NavigationKind kind;
    const char* text;
    bool atEnd;
};

// The GP5 direction table in file order: five signs, then fourteen jumps.
constexpr std::array<DirectionKind, 19> kDirections{{
    {NavigationKind::Coda, "Coda", false},
    {NavigationKind::Coda, "Double Coda", false},
    {NavigationKind::Segno, "Segno", false},
    {NavigationKind::Segno, "Segno Segno", false},
    {NavigationKind::Fine, "Fine", true},
    {NavigationKind::DaCapo, "D.C.", true},
    {NavigationKind::DaCapoAlCoda, "D.C. al Coda", true},
    {NavigationKind::DaCapoAlCoda, "D.C. al Double Coda", true},
    {NavigationKind::DaCapoAlFine, "D.C. al Fine", true},
    {NavigationKind::DalSegno, "D.S.", true},
    {NavigationKind::DalSegnoAlCoda, "D.S. al Coda", true},
    {NavigationKind::DalSegnoAlCoda, "D.S. al Double Coda", true},
    {NavigationKind::DalSegnoAlFine, "D.S. al Fine", true},
    {NavigationKind::DalSegno, "D.S.S.", true},
    {NavigationKind::DalSegnoAlCoda, "D.S.S. al Coda", true},
    {NavigationKind::DalSegnoAlCoda, "D.S.S. al Double Coda", true},
    {NavigationKind::DalSegnoAlFine, "D.S.S. al Fine", true},
    {NavigationKind::ToCoda, "To Coda", true},
    {NavigationKind::ToCoda, "To Double Coda", true},
}};

// Escapes a string for a JSON text.
std::string jsonString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            constexpr std::string_view kHex = "0123456789abcdef";
            out += "\\u00";
            out += kHex[byte >> 4U];
            out += kHex[byte & 0xFU];
        } else {
            out += c;
        }
    }
    return out + '"';
}

// The song information fields UMF has no place for, as the JSON of extensions["guitarpro"].
std::string extensionJson(const Version& version, const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::vector<std::string>& notice) {
    // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + string chains.
    std::string json = "{\"version\":";
    json += jsonString(version.text);
    for (const auto& [key, value] : fields) {
        if (value.empty()) continue;
        json += ',';
        json += jsonString(key);
        json += ':';
        json += jsonString(value);
    }
    if (!notice.empty()) {
        json += ",\"notice\":[";
        for (std::size_t i = 0; i < notice.size(); ++i) {
            if (i > 0) json += ',';
            json += jsonString(notice[i]);
        }
        json += ']';
    }
    return json + "}";
}

void readInformation(Import& import) {
    ByteReader& in = import.in;
    score::Metadata& metadata = import.score.metadata;
    metadata.title = in.intByteSizeString();
    metadata.subtitle = in.intByteSizeString();
    const std::string artist = in.intByteSizeString();
    metadata.source = in.intByteSizeString();  // the album
    metadata.lyricist = in.intByteSizeString();
    const std::string music = import.version.major >= 5 ? in.intByteSizeString() : std::string{};
    metadata.copyright = in.intByteSizeString();
    const std::string transcriber = in.intByteSizeString();
    const std::string instructions = in.intByteSizeString();
    const std::size_t noticeLines = in.count(kMinTextBytes, "number of notice lines");
    std::vector<std::string> notice;
    for (std::size_t i = 0; i < noticeLines && in.ok(); ++i) notice.push_back(in.intByteSizeString());

    metadata.composer = artist.empty() ? music : artist;
    const std::string unusedMusic = artist.empty() || music == artist ? std::string{} : music;
    import.score.extensions["guitarpro"] = extensionJson(import.version,
                                                         {{"music", unusedMusic},
                                                          {"transcriber", transcriber},
                                                          { "instructions",
                                                            instructions }},
                                                         notice);
}

void readLyrics(Import& import) {
    ByteReader& in = import.in;
    import.lyricTrack = in.i32();
    for (std::size_t i = 0; i < kLyricLines && in.ok(); ++i) {
        LyricLine line;
        line.startMeasure = in.i32();
        line.text = in.intSizeString();
        import.lyrics.push_back(std::move(line));
    }
}

void skipPageSetup(ByteReader& in) {
    in.skip(kPageSetupIntegers * 4);
    in.skip(2);  // which header and footer fields are shown
    for (std::size_t i = 0; i < kPageSetupTexts && in.ok(); ++i) static_cast<void>(in.intByteSizeString());
}

void readKey(Import& import) {
    ByteReader& in = import.in;
    const std::size_t at = in.position();
    const std::int8_t fifths = in.i8();
    in.skip(3);                                 // the key is a 32-bit integer; only its low byte is ever used
    if (import.version.major >= 4) in.skip(1);  // transposition octave
    if (fifths < -7 || fifths > 7) {
        import.warn(at, "the song key " + std::to_string(fifths) + " is not -7…7 fifths; C major is used");
        return;
    }
    import.keyFifths = fifths;
}

void readChannels(Import& import) {
    ByteReader& in = import.in;
    for (std::size_t i = 0; i < kMidiChannels && in.ok(); ++i) {
        const std::int32_t program = in.i32();
        in.skip(kChannelBytes - 4);
        import.programs[i] = program >= 0 && program <= 127 ? static_cast<std::uint8_t>(program) : 0;
    }
}

void readDirections(Import& import) {
    ByteReader& in = import.in;
    for (const DirectionKind& direction : kDirections) {
        const std::size_t at = in.position();
        const std::int16_t measure = in.i16();
        if (!in.ok()) return;
        if (measure < 0) continue;  // -1: not used
        import.directions.push_back(Direction{measure, direction.kind, direction.text, direction.atEnd, at});
    }
}

}  // namespace

void readSongHeader(Import& import) {
    ByteReader& in = import.in;
    const Version& version = import.version;
    readInformation(import);
    if (version.major < 5) import.tripletFeel = in.boolean();
    if (version.major >= 4) readLyrics(import);
    if (version.atLeast(5, 10)) in.skip(kRseMasterEffectBytes);
    if (version.major >= 5) {
        skipPageSetup(in);
        import.tempoName = in.intByteSizeString();
    }
    const std::size_t tempoAt = in.position();
    import.tempo = in.i32();
    if (in.ok() && (import.tempo < 1 || import.tempo > kMaxTempo)) {
        import.warn(tempoAt, "the song tempo " + std::to_string(import.tempo) + " is not 1…1000; it is left out");
        import.tempo = 0;
    }
    if (version.atLeast(5, 10)) in.skip(1);  // hide the tempo
    readKey(import);
    readChannels(import);
    if (version.major >= 5) {
        readDirections(import);
        in.skip(4);  // master reverb
    }
}

}  // namespace mos::formats::gp
