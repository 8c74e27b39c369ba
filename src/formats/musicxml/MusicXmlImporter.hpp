#pragma once

// The MusicXML → UMF importer behind readMusicXml: one object per document, walking the parsed DOM
// part by part and measure by measure. Its member functions are split by topic:
//   MusicXmlImporter.cpp        the document: header, part list, parts, measures, the final pass
//   MusicXmlNoteReader.cpp      <note>, <backup>, <forward>, <attributes>
//   MusicXmlNotationReader.cpp  what hangs on a note: ties, tuplets, slurs, articulations,
//                               technical (tablature, fingering), lyrics, beams
//   MusicXmlDirectionReader.cpp <direction>, <sound>, <harmony>, <barline>
// Input it cannot read throws ImportFailure (caught by readMusicXml, never crossing the module).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "formats/musicxml/TextLines.hpp"
#include "mos/core/Error.hpp"
#include "mos/core/Rational.hpp"
#include "mos/score/Score.hpp"

namespace mos::formats::musicxml {

struct ImportFailure {
    core::Error error;
};

// What <score-part> says of one of its instruments (<score-instrument> and <midi-instrument>).
struct InstrumentInfo {
    std::string_view id;
    std::string_view name;
    int channel = 0;    // 1…16; 0 when not given
    int program = 0;    // 1…128 as MusicXML counts; 0 when not given
    int unpitched = 0;  // 1…128 as MusicXML counts; 0 when not given
};

struct PartListEntry {
    std::string_view id;
    pugi::xml_node scorePart;
    std::vector<InstrumentInfo> instruments;
};

// A <measure> of one part: in a partwise document both nodes are the <measure>; in a timewise one
// `measure` is the <measure> (number, implicit) and `content` its <part> child (a part missing from
// a measure just has nothing there).
struct MeasureNodes {
    pugi::xml_node measure;
    pugi::xml_node content;
    std::uint32_t index = 0;  // the measure's place in the timeline
};

class Importer {
public:
    Importer(const std::string& fileName, TextLines& lines, score::Score& score, std::vector<core::Error>& warnings);

    // Fills the score from the document's root element. Throws ImportFailure.
    void importDocument(pugi::xml_node root);

private:
    struct OpenTuplet {
        std::uint8_t voice = 1;
        std::uint8_t number = 1;
        score::Tuplet shape{};
        core::Rational ratio{1};  // actual/normal of this bracket alone
    };
    // A slur or wedge seen at one end. Its other end may come earlier in the document: a slur from
    // a lower voice up to an upper one stops in the upper voice's notes, before the backup to where
    // it starts.
    struct OpenSlur {
        std::uint8_t number = 1;
        score::ElementId from = 0;  // 0 while only the stop is known
        score::ElementId to = 0;    // 0 while only the start is known
    };
    struct OpenBeam {
        std::uint8_t voice = 1;
        score::Beam beam{};
    };
    struct OpenWedge {
        std::uint8_t number = 1;
        score::Hairpin hairpin{};
        bool stopOnly = false;  // the stop came first; hairpin.to holds it
    };
    // A lyric whose number is a name ("chorus", "1translation"): its verse is settled per part once
    // every numbered verse is known.
    struct NamedLyric {
        std::size_t syllable = 0;  // index in layers.lyrics
        std::size_t name = 0;      // index in PartReading::lyricNames
    };

    // What a note's notations say of how it is played on a fretted instrument, gathered over all
    // its <notations> before the tablature entry is made.
    struct NoteMarks {
        score::TabNote tab{};
        bool hasString = false;
        bool hasFret = false;
    };

    // Where the reading of one part stands.
    struct PartReading {
        score::Part* part = nullptr;
        const PartListEntry* entry = nullptr;
        core::Rational wholePerDivision{1, 4};  // 1 / (4 · <divisions>)
        std::uint32_t measure = 0;              // index into the timeline
        pugi::xml_node measureNode;
        core::Rational cursor{};                       // from the measure's start, in whole notes
        core::Rational furthest{};                     // the furthest position reached in this measure
        std::optional<score::TimeSignature> nextTime;  // a meter written inside the measure before
        std::vector<score::Event> events;              // the current measure's, sorted by offset when it ends
        std::optional<std::size_t> chordHost;          // the event a following <chord/> note joins
        std::vector<OpenTuplet> tuplets;
        std::vector<OpenSlur> slurs;
        std::vector<OpenBeam> beams;
        std::vector<OpenWedge> wedges;
        std::optional<score::Ending> ending;
        std::vector<std::string_view> lyricNames;
        std::vector<NamedLyric> namedLyrics;
        int highestVerse = 0;
        bool transposed = false;
        bool vibratoOpen = false;  // inside a <wavy-line> on a fretted part
    };

    // The document (MusicXmlImporter.cpp).
    void readHeader(pugi::xml_node root);
    void readPartList(pugi::xml_node partList);
    void readPart(PartReading& reading, const std::vector<MeasureNodes>& measures);
    void readMeasure(PartReading& reading, const MeasureNodes& nodes);
    void endMeasure(PartReading& reading);
    void endPart(PartReading& reading);
    void finishTimeline();
    score::Measure& timelineMeasure(std::uint32_t index, pugi::xml_node measureNode);

    // Notes and attributes (MusicXmlNoteReader.cpp).
    void readAttributes(PartReading& reading, pugi::xml_node attributes);
    void readNote(PartReading& reading, pugi::xml_node note);
    void readBackup(PartReading& reading, pugi::xml_node backup);
    void readForward(PartReading& reading, pugi::xml_node forward);
    // The helpers below take the child element they read (a null node when it is absent) and the
    // element it belongs to, so a note's children are looked up once.
    core::Rational readDuration(PartReading& reading, pugi::xml_node duration, pugi::xml_node owner);
    void advanceCursor(PartReading& reading, core::Rational by, pugi::xml_node at);
    std::uint8_t readVoice(pugi::xml_node voice);
    std::uint8_t readStaff(PartReading& reading, pugi::xml_node staff);
    score::Pitch readPitch(pugi::xml_node pitch, bool unpitched);
    score::Pitch readTuning(pugi::xml_node tuning);
    std::uint8_t percussionKey(const PartReading& reading, pugi::xml_node instrument, const score::Pitch& pitch,
                               bool unpitched, pugi::xml_node notehead) const;

    // On a note (MusicXmlNotationReader.cpp).
    void readNotations(PartReading& reading, pugi::xml_node notations, std::size_t eventIndex,
                       std::optional<std::size_t> noteIndex, NoteMarks& marks);
    void readTechnical(pugi::xml_node technical, std::optional<score::ElementId> note, NoteMarks& marks);
    void finishTabNote(PartReading& reading, pugi::xml_node noteNode, const score::Note& note, NoteMarks& marks);
    void readLyric(PartReading& reading, pugi::xml_node lyric, score::ElementId event);
    void readBeam(PartReading& reading, pugi::xml_node beam, const score::Event& event);
    void applyTuplets(PartReading& reading, pugi::xml_node note, score::Event& event, std::int64_t actualNotes,
                      std::int64_t normalNotes);
    void settleLyricVerses(PartReading& reading);

    // Directions, sound, harmony, barlines (MusicXmlDirectionReader.cpp).
    void readDirection(PartReading& reading, pugi::xml_node direction);
    void readStandaloneSound(PartReading& reading, pugi::xml_node sound);
    void readHarmony(PartReading& reading, pugi::xml_node harmony);
    void readBarline(PartReading& reading, pugi::xml_node barline);
    void addTempo(PartReading& reading, score::TempoMark tempo);
    void addNavigation(PartReading& reading, score::Navigation navigation);
    void addEnding(score::Ending ending);
    core::Rational directionPosition(PartReading& reading, pugi::xml_node element);
    score::ScorePosition here(const PartReading& reading, core::Rational offset) const;

    // Diagnostics.
    core::SourceLocation locate(pugi::xml_node node);
    [[noreturn]] void fail(pugi::xml_node node, core::ErrorCode code, std::string message);
    void warn(pugi::xml_node node, std::string message);
    // A checked rational result: throws Overflow when exact arithmetic left the 64-bit range.
    core::Rational checked(core::Rational value, pugi::xml_node at);

    const std::string& fileName_;
    TextLines& lines_;
    score::Score& score_;
    std::vector<core::Error>& warnings_;
    std::size_t suppressedWarnings_ = 0;
    std::string_view measureLabel_;  // the measure being read, for diagnostics
    std::vector<PartListEntry> partList_;
    std::vector<std::string> otherCreators_;  // JSON members for the extension block
};

}  // namespace mos::formats::musicxml
