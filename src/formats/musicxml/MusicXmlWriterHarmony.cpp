// <harmony>: a chord symbol's root, kind, bass and degrees, with its fretboard <frame>. A symbol
// known only by its text ("Cm7b5", "G/B", "N.C.") is still written as a valid <harmony>: the root
// and bass are read from the text, the kind from its suffix ("other" when the suffix is unknown),
// and the suffix is kept as the kind's text so the symbol is displayed as it was written.

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "formats/ChordSuffix.hpp"
#include "formats/musicxml/MusicXmlWriterElements.hpp"
#include "formats/musicxml/MusicXmlWriterValues.hpp"

namespace mos::formats::musicxml_writer {
namespace {

using score::PitchName;

// Reads a root or bass at the front of `text` ("F#", "Bb", "E♭") and removes it from `text`.
std::optional<PitchName> takePitchName(std::string_view& text) {
    if (text.empty() || text.front() < 'A' || text.front() > 'G') return std::nullopt;
    PitchName name{*score::stepFromLetter(text.front()), 0};
    text.remove_prefix(1);
    for (;;) {
        if (!text.empty() && (text.front() == '#' || text.front() == 'b')) {
            name.alter = static_cast<std::int8_t>(name.alter + (text.front() == '#' ? 1 : -1));
            text.remove_prefix(1);
        } else if (text.starts_with("\u266F") || text.starts_with("\u266D")) {  // ♯ ♭
            name.alter = static_cast<std::int8_t>(name.alter + (text.starts_with("\u266F") ? 1 : -1));
            text.remove_prefix(3);
        } else {
            return name;
        }
    }
}

// A chord symbol's text split into root, the rest (the kind as written) and a bass after '/'.
struct ChordText {
    std::optional<PitchName> root;
    std::string_view rootSpelling;  // the root as the text writes it: "Bb", "B♭"
    std::string_view suffix;
    std::optional<PitchName> bass;
};

ChordText splitChordText(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    ChordText parsed;
    std::string_view rest = text;
    parsed.root = takePitchName(rest);
    if (!parsed.root) {
        parsed.suffix = text;
        return parsed;
    }
    parsed.rootSpelling = text.substr(0, text.size() - rest.size());
    parsed.suffix = rest;
    if (const auto slash = rest.rfind('/'); slash != std::string_view::npos) {
        std::string_view bassText = rest.substr(slash + 1);
        const std::optional<PitchName> bass = takePitchName(bassText);
        if (bass && bassText.empty()) {
            parsed.bass = bass;
            parsed.suffix = rest.substr(0, slash);
        }
    }
    return parsed;
}

// "N.C.", "NC", "n.c." and the like.
bool isNoChordText(std::string_view text) {
    std::string letters;
    for (const char c : text) {
        if (c != '.' && c != ' ') letters.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return letters == "NC";
}

// "C", "F#", "Bb": how a root or bass is displayed when nothing else is said.
std::string plainSpelling(const PitchName& name) {
    std::string spelling(1, score::toLetter(name.step));
    spelling.append(static_cast<std::size_t>(std::abs(name.alter)), name.alter > 0 ? '#' : 'b');
    return spelling;
}

// <root-step> or <bass-step> and its alter; `shown` is the text to display when it is not the
// plain spelling (an empty text hides the root).
void writePitchName(XmlStream& xml, std::string_view prefix, const PitchName& name,
                    std::optional<std::string_view> shown = std::nullopt) {
    const char letter = score::toLetter(name.step);
    xml.open(prefix == "root" ? "root-step" : "bass-step");
    if (shown && *shown != plainSpelling(name)) xml.attribute("text", *shown);
    xml.text(std::string_view{&letter, 1});
    xml.close();
    if (name.alter != 0) xml.leaf(prefix == "root" ? "root-alter" : "bass-alter", std::int64_t{name.alter});
}

std::string_view degreeTypeName(score::ChordDegree::Type type) noexcept {
    switch (type) {
        case score::ChordDegree::Type::Add:
            return "add";
        case score::ChordDegree::Type::Alter:
            return "alter";
        case score::ChordDegree::Type::Subtract:
            return "subtract";
    }
    return "add";
}

// Strings are numbered as in the model (1 the highest); fret numbers are the diagram's own.
void writeFrame(XmlStream& xml, const score::ChordDiagram& diagram) {
    const auto& frets = diagram.frets;
    const bool anyPlayed = std::any_of(frets.begin(), frets.end(), [](std::int8_t fret) { return fret >= 0; });
    if (!anyPlayed) return;  // a frame needs at least one frame-note
    const std::int64_t baseFret = std::max<std::int64_t>(diagram.baseFret, 1);
    std::int64_t highest = 0;
    for (const std::int8_t fret : frets) highest = std::max<std::int64_t>(highest, fret);
    xml.open("frame");
    xml.leaf("frame-strings", static_cast<std::int64_t>(frets.size()));
    xml.leaf("frame-frets", std::max<std::int64_t>(4, highest - baseFret + 1));
    if (baseFret > 1) xml.leaf("first-fret", baseFret);
    for (std::size_t string = 0; string < frets.size(); ++string) {
        if (frets[string] < 0) continue;
        xml.open("frame-note");
        xml.leaf("string", static_cast<std::int64_t>(string + 1));
        xml.leaf("fret", std::int64_t{frets[string]});
        const std::uint8_t finger = string < diagram.fingers.size() ? diagram.fingers[string] : 0;
        if (finger >= 1 && finger <= 4) xml.leaf("fingering", std::int64_t{finger});
        if (finger == 5) xml.leaf("fingering", "T");
        xml.close();
    }
    xml.close();
}

}  // namespace

void writeHarmony(XmlStream& xml, const HarmonyItem& item, std::int64_t offset) {
    const score::ChordSymbol* chord = item.chord;
    const std::string& text = chord != nullptr ? chord->text : item.diagram->name;
    const ChordText parsed = splitChordText(text);
    const bool noChord = chord != nullptr ? chord->noChord || (!chord->root && isNoChordText(text)) : false;

    std::optional<PitchName> root = parsed.root;
    std::optional<PitchName> bass = parsed.bass;
    std::string_view kind = musicXmlKindOfSuffix(parsed.suffix).value_or("other");
    if (chord != nullptr && chord->root) {
        root = chord->root;
        bass = chord->bass;
        if (!chord->kind.empty()) kind = isChordKind(chord->kind) ? std::string_view{chord->kind} : "other";
    }
    if (noChord) {
        root.reset();
        bass.reset();
        kind = "none";
    } else if (!root) {
        kind = "other";
    }

    // With a text, the root is shown as the text spells it and the kind's text carries the rest up
    // to the bass (degrees included, so the degree elements are not shown again).
    const bool hasText = !text.empty() && !noChord;
    std::optional<std::string_view> rootShown;
    if (hasText) rootShown = parsed.root ? parsed.rootSpelling : std::string_view{};

    xml.open("harmony");
    if (chord != nullptr && chord->alternate) xml.attribute("type", "alternate");
    if (item.diagram != nullptr) xml.attribute("print-frame", "yes");
    xml.open("root");
    if (root) {
        writePitchName(xml, "root", *root, rootShown);
    } else {  // N.C. or an unreadable symbol: a root that is never shown
        writePitchName(xml, "root", PitchName{}, std::string_view{});
    }
    xml.close();
    xml.open("kind");
    if (noChord) {
        xml.attribute("text", text.empty() ? std::string_view{"N.C."} : std::string_view{text});
    } else if (hasText) {
        xml.attribute("text", parsed.root ? parsed.suffix : std::string_view{text});
    }
    xml.text(kind);
    xml.close();
    if (bass) {
        xml.open("bass");
        writePitchName(xml, "bass", *bass);
        xml.close();
    }
    if (chord != nullptr) {
        for (const score::ChordDegree& degree : chord->degrees) {
            if (degree.value == 0) continue;
            xml.open("degree");
            if (hasText) xml.attribute("print-object", "no");
            xml.leaf("degree-value", std::int64_t{degree.value});
            xml.leaf("degree-alter", std::int64_t{degree.alter});
            xml.leaf("degree-type", degreeTypeName(degree.type));
            xml.close();
        }
    }
    if (item.diagram != nullptr) writeFrame(xml, *item.diagram);
    writeOffset(xml, offset);
    xml.close();
}

}  // namespace mos::formats::musicxml_writer
