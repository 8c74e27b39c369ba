// Marks placed between the notes: <direction> (words, rehearsal marks, dynamics, wedges, metronome
// marks, segno and coda signs), <sound> (tempo, jumps), <harmony> (chord symbols and Roman
// numerals) and <barline> (repeats, endings, bar styles).

#include <algorithm>
#include <array>
#include <cctype>

#include "formats/musicxml/HarmonyText.hpp"
#include "formats/musicxml/MusicXmlImporter.hpp"
#include "formats/musicxml/XmlValues.hpp"

namespace mos::formats::musicxml {
namespace {

using core::Rational;
using score::NavigationKind;

std::string_view textOf(pugi::xml_node node) noexcept { return trimXml(node.child_value()); }

// The jump a text names, read from its letters alone: "D.S. al Coda", "Da Capo", "To Coda", "Fine".
std::optional<NavigationKind> navigationFromWords(std::string_view words) {
    std::string letters;
    for (const char c : words) {
        if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
            letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    const auto startsWith = [&](std::string_view prefix) {
        return std::string_view{letters}.substr(0, prefix.size()) == prefix;
    };
    const auto endsWith = [&](std::string_view suffix) {
        return letters.size() >= suffix.size() &&
               std::string_view{letters}.substr(letters.size() - suffix.size()) == suffix;
    };
    const bool alFine = endsWith("fine");
    const bool alCoda = endsWith("coda");
    if (startsWith("dacapo") || letters == "dc" || startsWith("dcal")) {
        return alFine ? NavigationKind::DaCapoAlFine : alCoda ? NavigationKind::DaCapoAlCoda : NavigationKind::DaCapo;
    }
    if (startsWith("dalsegno") || letters == "ds" || startsWith("dsal")) {
        return alFine   ? NavigationKind::DalSegnoAlFine
               : alCoda ? NavigationKind::DalSegnoAlCoda
                        : NavigationKind::DalSegno;
    }
    if (letters == "tocoda") return NavigationKind::ToCoda;
    if (letters == "fine") return NavigationKind::Fine;
    if (letters == "coda") return NavigationKind::Coda;
    if (letters == "segno") return NavigationKind::Segno;
    return std::nullopt;
}

// The jump a <sound> performs (or the sign it marks).
std::optional<NavigationKind> navigationFromSound(pugi::xml_node sound) {
    if (!sound) return std::nullopt;
    if (std::string_view{sound.attribute("dacapo").value()} == "yes") return NavigationKind::DaCapo;
    if (sound.attribute("dalsegno")) return NavigationKind::DalSegno;
    if (sound.attribute("tocoda")) return NavigationKind::ToCoda;
    if (sound.attribute("fine")) return NavigationKind::Fine;
    if (sound.attribute("segno")) return NavigationKind::Segno;
    if (sound.attribute("coda")) return NavigationKind::Coda;
    return std::nullopt;
}

// The MIDI velocity a <sound dynamics="…"> stands for: a percentage of forte, which is 90.
std::uint8_t soundVelocity(pugi::xml_node sound) {
    const auto percent = parseDecimal(sound.attribute("dynamics").value());
    if (!percent || percent->isNegative()) return 0;
    const auto velocity = (*percent * Rational{90, 100}).round().value_or(0);
    return static_cast<std::uint8_t>(std::clamp<std::int64_t>(velocity, 1, 127));
}

// The first number in a text such as "c. 120" or "120-132".
std::optional<Rational> leadingNumber(std::string_view text) {
    const auto start = text.find_first_of("0123456789");
    if (start == std::string_view::npos) return std::nullopt;
    const auto end = text.find_first_not_of("0123456789.", start);
    return parseDecimal(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

std::optional<score::TempoMark> metronomeTempo(pugi::xml_node metronome) {
    const pugi::xml_node unit = metronome.child("beat-unit");
    // Two beat units make a metric modulation (quarter = dotted quarter), not a tempo.
    if (!unit || unit.next_sibling("beat-unit")) return std::nullopt;
    int dots = 0;
    for (pugi::xml_node dot = unit.next_sibling("beat-unit-dot"); dot; dot = dot.next_sibling("beat-unit-dot")) ++dots;
    const auto beatUnit = noteTypeValue(textOf(unit), dots);
    const auto perMinute = leadingNumber(textOf(metronome.child("per-minute")));
    if (!beatUnit || !perMinute || *perMinute <= Rational{} || *perMinute > Rational{10000}) return std::nullopt;
    score::TempoMark tempo{};
    tempo.beatUnit = *beatUnit;
    tempo.beatsPerMinute = *perMinute;
    return tempo;
}

std::optional<Rational> soundTempo(pugi::xml_node sound) {
    const auto tempo = parseDecimal(sound.attribute("tempo").value());
    if (!tempo || *tempo <= Rational{} || *tempo > Rational{10000}) return std::nullopt;
    return tempo;
}

std::optional<score::PitchName> readPitchName(pugi::xml_node holder, const char* stepName, const char* alterName) {
    const std::string_view letter = textOf(holder.child(stepName));
    const auto step = letter.size() == 1 ? score::stepFromLetter(letter.front()) : std::nullopt;
    if (!step) return std::nullopt;
    const auto alter = parseDecimal(holder.child_value(alterName)).value_or(Rational{}).round().value_or(0);
    return score::PitchName{*step, static_cast<std::int8_t>(std::clamp<std::int64_t>(alter, -3, 3))};
}

// "1, 2", "1,2", "1 2", "1-3" → {1, 2} … {1, 2, 3}; at most a few dozen passes.
std::vector<std::uint8_t> endingNumbers(std::string_view text) {
    std::vector<std::uint8_t> numbers;
    constexpr std::size_t kMaxPasses = 64;
    std::int64_t rangeStart = 0;
    while (!text.empty() && numbers.size() < kMaxPasses) {
        const auto start = text.find_first_of("0123456789");
        if (start == std::string_view::npos) break;
        const bool range = start > 0 && text.substr(0, start).find('-') != std::string_view::npos;
        auto end = text.find_first_not_of("0123456789", start);
        if (end == std::string_view::npos) end = text.size();
        const auto value = parseInteger(text.substr(start, end - start));
        text.remove_prefix(end);
        if (!value || *value < 1 || *value > 255) continue;
        for (std::int64_t n = range && rangeStart > 0 ? rangeStart + 1 : *value;
             n <= *value && numbers.size() < kMaxPasses; ++n) {
            numbers.push_back(static_cast<std::uint8_t>(n));
        }
        rangeStart = *value;
    }
    return numbers;
}

std::string romanNumeral(std::int64_t degree) {
    static constexpr std::array<std::string_view, 7> kNumerals{"I", "II", "III", "IV", "V", "VI", "VII"};
    return degree >= 1 && degree <= 7 ? std::string{kNumerals[static_cast<std::size_t>(degree - 1)]} : std::string{"?"};
}

// The tonic of a key signature: "Eb" for three flats major, "c" for three flats minor.
std::string keyName(int fifths, bool minor) {
    // Along the line of fifths F C G D A E B, each lap of seven adds a sharp; the minor tonic lies
    // three fifths above the major one.
    constexpr std::string_view kLetters = "FCGDAEB";
    const int index = fifths + (minor ? 3 : 0) + 1;
    const int lap = index >= 0 ? index / 7 : -((6 - index) / 7);
    std::string name(1, kLetters[static_cast<std::size_t>(index - 7 * lap)]);
    for (int i = 0; i < lap; ++i) name += '#';
    for (int i = 0; i > lap; --i) name += 'b';
    if (minor) name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    return name;
}

bool isMinorKind(std::string_view kind) {
    return kind.substr(0, 5) == "minor" || kind.substr(0, 10) == "diminished" || kind == "half-diminished";
}

}  // namespace

Rational Importer::directionPosition(PartReading& reading, pugi::xml_node element) {
    Rational at = reading.cursor;
    if (const pugi::xml_node offset = element.child("offset")) {
        if (const auto value = parseDecimal(offset.child_value()))
            at = checked(at + *value * reading.wholePerDivision, offset);
    }
    return at.isNegative() ? Rational{} : at;
}

// Many scores repeat tempo and navigation marks in every part: finishTimeline keeps the first.
void Importer::addTempo(PartReading& reading, score::TempoMark tempo) {
    score_.timeline.measures[reading.measure].tempos.push_back(std::move(tempo));
}

void Importer::addNavigation(PartReading& reading, score::Navigation navigation) {
    score_.timeline.measures[reading.measure].navigation.push_back(std::move(navigation));
}

void Importer::addEnding(score::Ending ending) { score_.timeline.endings.push_back(std::move(ending)); }

void Importer::readDirection(PartReading& reading, pugi::xml_node direction) {
    const Rational at = directionPosition(reading, direction);
    const std::uint8_t staff = readStaff(reading, direction.child("staff"));
    const bool above = std::string_view{direction.attribute("placement").value()} != "below";
    const pugi::xml_node sound = direction.child("sound");
    auto& layers = score_.layers;
    std::string words;
    bool segnoSign = false;
    bool codaSign = false;
    pugi::xml_node metronome;
    for (const pugi::xml_node directionType : direction.children("direction-type")) {
        for (const pugi::xml_node child : directionType.children()) {
            const char* name = child.name();
            if (named(name, "words")) {
                words += child.child_value();
            } else if (named(name, "rehearsal")) {
                score::Marker marker{here(reading, at), score::Marker::Kind::Rehearsal, std::string{textOf(child)}};
                if (!marker.label.empty()) layers.markers.push_back(std::move(marker));
            } else if (named(name, "segno")) {
                segnoSign = true;
            } else if (named(name, "coda")) {
                codaSign = true;
            } else if (named(name, "dynamics")) {
                for (const pugi::xml_node mark : child.children()) {
                    if (mark.type() != pugi::node_element) continue;
                    const std::string_view markName = mark.name();
                    score::DynamicMark dynamic{};
                    dynamic.at = here(reading, at);
                    dynamic.staff = staff;
                    dynamic.mark = markName == "other-dynamics" ? textOf(mark) : markName;
                    dynamic.velocity = sound ? soundVelocity(sound) : std::uint8_t{0};
                    reading.part->dynamics.push_back(std::move(dynamic));
                }
            } else if (named(name, "wedge")) {
                const std::string_view type = child.attribute("type").value();
                const auto number = static_cast<std::uint8_t>(
                    std::clamp<std::int64_t>(parseInteger(child.attribute("number").value()).value_or(1), 1, 16));
                auto& wedges = reading.wedges;
                const auto open =
                    std::find_if(wedges.begin(), wedges.end(), [&](const OpenWedge& w) { return w.number == number; });
                const score::ScorePosition place = here(reading, at);
                if (type == "crescendo" || type == "diminuendo") {
                    score::Hairpin hairpin{reading.part->id, staff, place, place, type == "crescendo"};
                    if (open != wedges.end() && open->stopOnly) {
                        hairpin.to = open->hairpin.to;
                        layers.notation.hairpins.push_back(std::move(hairpin));
                        wedges.erase(open);
                        continue;
                    }
                    if (open != wedges.end()) {
                        warn(child,
                             joined({"wedge ", std::to_string(number), " starts again before it stopped; restarted"}));
                        open->hairpin.to = place;
                        layers.notation.hairpins.push_back(std::move(open->hairpin));
                        wedges.erase(open);
                    }
                    wedges.push_back(OpenWedge{number, std::move(hairpin), false});
                } else if (type == "stop") {
                    if (open == wedges.end()) {
                        wedges.push_back(
                            OpenWedge{number, score::Hairpin{reading.part->id, staff, place, place, true}, true});
                    } else if (!open->stopOnly) {
                        open->hairpin.to = place;
                        layers.notation.hairpins.push_back(std::move(open->hairpin));
                        wedges.erase(open);
                    }
                }
            } else if (named(name, "metronome")) {
                metronome = child;
            }
        }
    }

    // A jump printed as words ("D.S. al Coda") is a navigation mark, not a text; the words say more
    // than the <sound> that performs it, and either says more than a bare sign.
    std::string_view text = trimXml(words);
    if (const auto printedJump = text.empty() ? std::nullopt : navigationFromWords(text)) {
        addNavigation(reading, score::Navigation{*printedJump, at, std::string{text}});
        text = {};
    } else if (const auto soundJump = navigationFromSound(sound)) {
        addNavigation(reading, score::Navigation{*soundJump, at, {}});
    } else if (segnoSign || codaSign) {
        addNavigation(reading, score::Navigation{segnoSign ? NavigationKind::Segno : NavigationKind::Coda, at, {}});
    }

    std::optional<score::TempoMark> tempo = metronome ? metronomeTempo(metronome) : std::nullopt;
    if (!tempo && sound) {
        if (const auto quarters = soundTempo(sound)) tempo = score::TempoMark{at, {1, 4}, *quarters, {}};
    }
    if (tempo) {
        tempo->offset = at;
        tempo->text = text;
        addTempo(reading, std::move(*tempo));
        return;
    }
    if (!text.empty()) {
        layers.notation.texts.push_back(
            score::TextMark{reading.part->id, staff, here(reading, at), std::string{text}, above});
    }
}

void Importer::readStandaloneSound(PartReading& reading, pugi::xml_node sound) {
    const Rational at = directionPosition(reading, sound);
    if (const auto jump = navigationFromSound(sound)) addNavigation(reading, score::Navigation{*jump, at, {}});
    if (const auto quarters = soundTempo(sound)) addTempo(reading, score::TempoMark{at, {1, 4}, *quarters, {}});
}

void Importer::readHarmony(PartReading& reading, pugi::xml_node harmony) {
    const Rational at = directionPosition(reading, harmony);
    const pugi::xml_node kindNode = harmony.child("kind");
    const std::string_view kind = textOf(kindNode);
    const pugi::xml_attribute kindText = kindNode.attribute("text");

    if (const pugi::xml_node numeral = harmony.child("numeral")) {
        const pugi::xml_node root = numeral.child("numeral-root");
        std::string text = root.attribute("text") ? std::string{root.attribute("text").value()} : std::string{};
        if (text.empty()) {
            const auto alter =
                parseDecimal(numeral.child_value("numeral-alter")).value_or(Rational{}).round().value_or(0);
            text = alter < 0 ? "b" : alter > 0 ? "#" : "";
            std::string roman = romanNumeral(parseInteger(root.child_value()).value_or(0));
            if (isMinorKind(kind)) {
                std::transform(roman.begin(), roman.end(), roman.begin(),
                               [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
            }
            text += roman;
        }
        if (kindText) text += kindText.value();
        std::string key;
        if (const pugi::xml_node numeralKey = numeral.child("numeral-key")) {
            const bool minor = textOf(numeralKey.child("numeral-mode")) == "minor";
            const auto fifths =
                std::clamp<std::int64_t>(parseInteger(numeralKey.child_value("numeral-fifths")).value_or(0), -7, 7);
            key = keyName(static_cast<int>(fifths), minor);
        }
        score_.layers.analysis.numerals.push_back(
            score::RomanNumeral{here(reading, at), std::move(text), std::move(key)});
        return;
    }

    // MusicXML 3's <function> without a <root> is a Roman numeral written as text ("V7", or "D.I"
    // with its key as DCML writes it): analysis, not a chord symbol.
    if (const pugi::xml_node function = harmony.child("function"); function && !harmony.child("root")) {
        score_.layers.analysis.numerals.push_back(
            score::RomanNumeral{here(reading, at), std::string{textOf(function)}, std::string{}});
        return;
    }

    score::ChordSymbol chord{};
    chord.at = here(reading, at);
    chord.partId = reading.part->id;
    // An empty <kind> (as some editors write a major triad) takes its kind from its printed text.
    chord.kind = kind.empty() ? chordKindFromText(kindText.value()) : kind;
    chord.noChord = kind == "none";
    if (const pugi::xml_node root = harmony.child("root")) chord.root = readPitchName(root, "root-step", "root-alter");
    if (const pugi::xml_node bass = harmony.child("bass")) chord.bass = readPitchName(bass, "bass-step", "bass-alter");
    std::string printedDegrees;
    for (const pugi::xml_node degree : harmony.children("degree")) {
        const auto value = parseInteger(degree.child_value("degree-value"));
        if (!value || *value < 1 || *value > 99) continue;
        score::ChordDegree parsed{};
        parsed.value = static_cast<std::uint8_t>(*value);
        parsed.alter = static_cast<std::int8_t>(std::clamp<std::int64_t>(
            parseDecimal(degree.child_value("degree-alter")).value_or(Rational{}).round().value_or(0), -3, 3));
        const std::string_view type = textOf(degree.child("degree-type"));
        parsed.type = type == "alter"      ? score::ChordDegree::Type::Alter
                      : type == "subtract" ? score::ChordDegree::Type::Subtract
                                           : score::ChordDegree::Type::Add;
        chord.degrees.push_back(parsed);
        if (std::string_view{degree.attribute("print-object").value()} != "no")
            printedDegrees += chordDegreeText(parsed);
    }

    // The text as printed: the root (or its own printed text), the kind's text or usual suffix, the
    // degrees, the bass.
    if (chord.noChord) {
        chord.text = kindText ? kindText.value() : "N.C.";
    } else {
        const pugi::xml_node rootStep = harmony.child("root").child("root-step");
        if (rootStep.attribute("text")) {
            chord.text = rootStep.attribute("text").value();
        } else if (chord.root) {
            chord.text = pitchNameText(*chord.root);
        }
        chord.text += kindText ? std::string_view{kindText.value()} : chordKindSuffix(kind);
        chord.text += printedDegrees;
        if (chord.bass) {
            chord.text += '/';
            chord.text += pitchNameText(*chord.bass);
        }
    }
    if (!chord.root && !chord.noChord) {
        warn(harmony, joined({"a <harmony> without a <root>; kept as text \"", chord.text, "\""}));
    }
    score_.layers.chords.push_back(std::move(chord));
}

void Importer::readBarline(PartReading& reading, pugi::xml_node barline) {
    score::Measure& measure = score_.timeline.measures[reading.measure];
    const bool left = std::string_view{barline.attribute("location").value()} == "left";
    const Rational at = left ? Rational{} : reading.furthest;
    for (const pugi::xml_node child : barline.children()) {
        const char* name = child.name();
        if (named(name, "bar-style")) {
            const std::string_view style = textOf(child);
            if (!left && style != "regular" && measure.barline.empty()) measure.barline = style;
        } else if (named(name, "repeat")) {
            const std::string_view direction = child.attribute("direction").value();
            if (direction == "forward") {
                measure.repeatStart = true;
            } else if (direction == "backward") {
                const auto times = parseInteger(child.attribute("times").value());
                const auto plays =
                    times && *times >= 1 && *times <= 255 ? static_cast<std::uint8_t>(*times) : std::uint8_t{2};
                measure.repeatEnd = std::max(measure.repeatEnd, plays);
            }
        } else if (named(name, "ending")) {
            const std::string_view type = child.attribute("type").value();
            if (type == "start") {
                if (reading.ending) {
                    // The open bracket ends before this one begins (or with it, when both start here).
                    reading.ending->lastMeasure =
                        std::max(reading.ending->firstMeasure, reading.measure > 0 ? reading.measure - 1 : 0);
                    reading.ending->open = true;
                    addEnding(std::move(*reading.ending));
                }
                score::Ending ending{};
                ending.firstMeasure = reading.measure;
                ending.lastMeasure = reading.measure;
                ending.numbers = endingNumbers(child.attribute("number").value());
                ending.text = textOf(child);
                reading.ending = std::move(ending);
            } else if (type == "stop" || type == "discontinue") {
                if (!reading.ending) {
                    // An ending that only closes: it spans its own measure.
                    warn(child, "an ending stops that never started; read as an ending over this measure");
                    reading.ending = score::Ending{
                        reading.measure, reading.measure, endingNumbers(child.attribute("number").value()), {}, false};
                }
                reading.ending->lastMeasure = reading.measure;
                reading.ending->open = type == "discontinue";
                addEnding(std::move(*reading.ending));
                reading.ending.reset();
            }
        } else if (named(name, "segno")) {
            addNavigation(reading, score::Navigation{NavigationKind::Segno, at, {}});
        } else if (named(name, "coda")) {
            addNavigation(reading, score::Navigation{NavigationKind::Coda, at, {}});
        }
    }
}

}  // namespace mos::formats::musicxml
