// SetEntry and RemoveEntry for every kind of keyed entry: layer entries, endings, points of interest,
// annotations and audio references. One traits struct per kind says where its list is, what its key
// is, how it is ordered, what makes it valid and what a change to it touches.

#include <algorithm>
#include <string>
#include <utility>

#include "Edits.hpp"
#include "ListEdits.hpp"
#include "Validation.hpp"

namespace mos::score {
namespace {

std::string partSuffix(const std::string& partId) { return partId.empty() ? "" : " of part \"" + partId + "\""; }

// The measure of an event, or of a note's event, for the span a change touches.
void touchEvent(const Workspace& workspace, ChangeRecorder& changes, ElementId event) {
    if (const auto ref = workspace.findEvent(event)) changes.measure(workspace.event(*ref).measure);
}

void touchNote(const Workspace& workspace, ChangeRecorder& changes, ElementId note) {
    if (const auto ref = workspace.findNote(note)) {
        changes.measure(workspace.score().parts[ref->part].events[ref->event].measure);
    }
}

core::Result<void> checkEventInPart(const Workspace& workspace, ElementId event, std::size_t part) {
    const auto ref = requireEvent(workspace, event);
    if (!ref) return ref.error();
    if (ref->part != part) {
        return core::fail(core::ErrorCode::InvalidArgument, "event " + std::to_string(event) + " is not in part \"" +
                                                                workspace.score().parts[part].id + "\"");
    }
    return {};
}

template <typename T>
struct Entries;

// Entries placed at one ScorePosition, ordered by it.
struct Placed {
    static constexpr bool kOrdered = true;
    template <typename T>
    static bool before(const T& a, const T& b) {
        return earlier(a.at, b.at);
    }
};

// Entries over a measure range, ordered by its first measure.
struct Ranged {
    static constexpr bool kOrdered = true;
    template <typename T>
    static bool before(const T& a, const T& b) {
        return a.firstMeasure < b.firstMeasure;
    }
    template <typename T>
    static std::string describe(const T& e) {
        return "over measures " + std::to_string(e.firstMeasure) + "…" + std::to_string(e.lastMeasure);
    }
};

// Entries that point at an element; kept in the order they were added.
struct Unordered {
    static constexpr bool kOrdered = false;
};

template <>
struct Entries<Ending> : Ranged {
    static constexpr const char* kNoun = "ending";
    static std::vector<Ending>& list(Score& s) { return s.timeline.endings; }
    static bool sameKey(const Ending& a, const Ending& b) { return a.firstMeasure == b.firstMeasure; }
    static core::Result<void> check(const Workspace& w, const Ending& e) {
        if (auto ok = checkMeasureRange(w.score(), e.firstMeasure, e.lastMeasure); !ok) return ok;
        for (std::uint8_t pass : e.numbers) {
            if (pass < 1) return core::fail(core::ErrorCode::InvalidArgument, "ending passes count from 1");
        }
        return {};
    }
    static void touch(const Workspace&, ChangeRecorder& c, const Ending& e) {
        c.flags().timeline = true;
        c.measures(e.firstMeasure, e.lastMeasure);
    }
};

template <>
struct Entries<Section> : Ranged {
    static constexpr const char* kNoun = "section";
    static std::vector<Section>& list(Score& s) { return s.layers.form; }
    static bool sameKey(const Section& a, const Section& b) { return a.firstMeasure == b.firstMeasure; }
    static core::Result<void> check(const Workspace& w, const Section& e) {
        return checkMeasureRange(w.score(), e.firstMeasure, e.lastMeasure);
    }
    static void touch(const Workspace&, ChangeRecorder& c, const Section& e) {
        c.flags().layers.form = true;
        c.measures(e.firstMeasure, e.lastMeasure);
    }
};

template <>
struct Entries<PointOfInterest> : Ranged {
    static constexpr const char* kNoun = "point of interest";
    static std::vector<PointOfInterest>& list(Score& s) { return s.learning.pointsOfInterest; }
    static bool sameKey(const PointOfInterest& a, const PointOfInterest& b) {
        return a.firstMeasure == b.firstMeasure && a.lastMeasure == b.lastMeasure;
    }
    static core::Result<void> check(const Workspace& w, const PointOfInterest& e) {
        return checkMeasureRange(w.score(), e.firstMeasure, e.lastMeasure);
    }
    static void touch(const Workspace&, ChangeRecorder& c, const PointOfInterest& e) {
        c.flags().learning = true;
        c.measures(e.firstMeasure, e.lastMeasure);
    }
};

template <>
struct Entries<ChordSymbol> : Placed {
    static constexpr const char* kNoun = "chord symbol";
    static std::vector<ChordSymbol>& list(Score& s) { return s.layers.chords; }
    static bool sameKey(const ChordSymbol& a, const ChordSymbol& b) {
        return a.partId == b.partId && a.at == b.at && a.alternate == b.alternate;
    }
    static core::Result<void> check(const Workspace& w, const ChordSymbol& e) {
        if (auto ok = checkPlace(w.score(), e.at); !ok) return ok;
        return checkPartOrScore(w, e.partId);
    }
    static void touch(const Workspace&, ChangeRecorder& c, const ChordSymbol& e) {
        c.flags().layers.chords = true;
        c.measure(e.at.measure);
    }
    static std::string describe(const ChordSymbol& e) {
        return std::string{e.alternate ? "alternate " : ""} + "at " + describePlace(e.at) + partSuffix(e.partId);
    }
};

template <>
struct Entries<ChordDiagram> : Placed {
    static constexpr const char* kNoun = "chord diagram";
    static std::vector<ChordDiagram>& list(Score& s) { return s.layers.diagrams; }
    static bool sameKey(const ChordDiagram& a, const ChordDiagram& b) { return a.partId == b.partId && a.at == b.at; }
    static core::Result<void> check(const Workspace& w, const ChordDiagram& e) {
        if (auto ok = checkPlace(w.score(), e.at); !ok) return ok;
        if (auto ok = checkPartOrScore(w, e.partId); !ok) return ok;
        if (!e.fingers.empty() && e.fingers.size() != e.frets.size()) {
            return core::fail(core::ErrorCode::InvalidArgument, "a diagram needs a finger for every string or none");
        }
        for (std::int8_t fret : e.frets) {
            if (fret < -1) return core::fail(core::ErrorCode::OutOfRange, "a diagram fret is below -1 (muted)");
        }
        return {};
    }
    static void touch(const Workspace&, ChangeRecorder& c, const ChordDiagram& e) {
        c.flags().layers.diagrams = true;
        c.measure(e.at.measure);
    }
    static std::string describe(const ChordDiagram& e) { return "at " + describePlace(e.at) + partSuffix(e.partId); }
};

// Key regions, Roman numerals and cadences: placed analysis entries keyed by their place.
template <typename T>
struct AnalysisEntries : Placed {
    static bool sameKey(const T& a, const T& b) { return a.at == b.at; }
    static core::Result<void> check(const Workspace& w, const T& e) { return checkPlace(w.score(), e.at); }
    static void touch(const Workspace&, ChangeRecorder& c, const T& e) {
        c.flags().layers.analysis = true;
        c.measure(e.at.measure);
    }
    static std::string describe(const T& e) { return "at " + describePlace(e.at); }
};

template <>
struct Entries<KeyRegion> : AnalysisEntries<KeyRegion> {
    static constexpr const char* kNoun = "key region";
    static std::vector<KeyRegion>& list(Score& s) { return s.layers.analysis.keys; }
};

template <>
struct Entries<RomanNumeral> : AnalysisEntries<RomanNumeral> {
    static constexpr const char* kNoun = "Roman numeral";
    static std::vector<RomanNumeral>& list(Score& s) { return s.layers.analysis.numerals; }
};

template <>
struct Entries<Cadence> : AnalysisEntries<Cadence> {
    static constexpr const char* kNoun = "cadence";
    static std::vector<Cadence>& list(Score& s) { return s.layers.analysis.cadences; }
};

template <>
struct Entries<Marker> : Placed {
    static constexpr const char* kNoun = "marker";
    static std::vector<Marker>& list(Score& s) { return s.layers.markers; }
    static bool sameKey(const Marker& a, const Marker& b) { return a.at == b.at && a.kind == b.kind; }
    static core::Result<void> check(const Workspace& w, const Marker& e) { return checkPlace(w.score(), e.at); }
    static void touch(const Workspace&, ChangeRecorder& c, const Marker& e) {
        c.flags().layers.markers = true;
        c.measure(e.at.measure);
    }
    static std::string describe(const Marker& e) { return "of that kind at " + describePlace(e.at); }
};

template <>
struct Entries<TabNote> : Unordered {
    static constexpr const char* kNoun = "tablature entry";
    static std::vector<TabNote>& list(Score& s) { return s.layers.tablature; }
    static bool sameKey(const TabNote& a, const TabNote& b) { return a.note == b.note; }
    static core::Result<void> check(const Workspace& w, const TabNote& e) {
        const auto note = requireNote(w, e.note);
        if (!note) return note.error();
        const Part& part = w.score().parts[note->part];
        if (e.string < 1 || (!part.tuning.empty() && e.string > part.tuning.size())) {
            return core::fail(core::ErrorCode::OutOfRange, "string " + std::to_string(e.string) +
                                                               " does not exist: part \"" + part.id + "\" has " +
                                                               std::to_string(part.tuning.size()) + " strings");
        }
        for (const BendPoint& point : e.bend) {
            if (auto ok = checkRational(point.position, "a bend point's position"); !ok) return ok;
            if (point.position.isNegative() || point.position > core::Rational{1}) {
                return core::fail(core::ErrorCode::OutOfRange, "a bend point lies outside its note (0 to 1)");
            }
        }
        return {};
    }
    static void touch(const Workspace& w, ChangeRecorder& c, const TabNote& e) {
        c.flags().layers.tablature = true;
        touchNote(w, c, e.note);
    }
    static std::string describe(const TabNote& e) { return "for note " + std::to_string(e.note); }
};

template <>
struct Entries<Fingering> : Unordered {
    static constexpr const char* kNoun = "fingering";
    static std::vector<Fingering>& list(Score& s) { return s.layers.fingering; }
    static bool sameKey(const Fingering& a, const Fingering& b) { return a.note == b.note; }
    static core::Result<void> check(const Workspace& w, const Fingering& e) {
        if (auto note = requireNote(w, e.note); !note) return note.error();
        return {};
    }
    static void touch(const Workspace& w, ChangeRecorder& c, const Fingering& e) {
        c.flags().layers.fingering = true;
        touchNote(w, c, e.note);
    }
    static std::string describe(const Fingering& e) { return "for note " + std::to_string(e.note); }
};

template <>
struct Entries<Stem> : Unordered {
    static constexpr const char* kNoun = "stem";
    static std::vector<Stem>& list(Score& s) { return s.layers.notation.stems; }
    static bool sameKey(const Stem& a, const Stem& b) { return a.event == b.event; }
    static core::Result<void> check(const Workspace& w, const Stem& e) {
        if (auto event = requireEvent(w, e.event); !event) return event.error();
        return {};
    }
    static void touch(const Workspace& w, ChangeRecorder& c, const Stem& e) {
        c.flags().layers.notation = true;
        touchEvent(w, c, e.event);
    }
    static std::string describe(const Stem& e) { return "for event " + std::to_string(e.event); }
};

template <>
struct Entries<LyricSyllable> : Unordered {
    static constexpr const char* kNoun = "lyric syllable";
    static std::vector<LyricSyllable>& list(Score& s) { return s.layers.lyrics; }
    static bool sameKey(const LyricSyllable& a, const LyricSyllable& b) {
        return a.event == b.event && a.verse == b.verse;
    }
    static core::Result<void> check(const Workspace& w, const LyricSyllable& e) {
        if (auto event = requireEvent(w, e.event); !event) return event.error();
        if (e.verse < 1) return core::fail(core::ErrorCode::OutOfRange, "verses count from 1");
        return {};
    }
    static void touch(const Workspace& w, ChangeRecorder& c, const LyricSyllable& e) {
        c.flags().layers.lyrics = true;
        touchEvent(w, c, e.event);
    }
    static std::string describe(const LyricSyllable& e) {
        return "in verse " + std::to_string(e.verse) + " of event " + std::to_string(e.event);
    }
};

template <>
struct Entries<Beam> : Unordered {
    static constexpr const char* kNoun = "beam";
    static std::vector<Beam>& list(Score& s) { return s.layers.notation.beams; }
    static bool sameKey(const Beam& a, const Beam& b) {
        return a.partId == b.partId && !a.events.empty() && !b.events.empty() && a.events.front() == b.events.front();
    }
    static core::Result<void> check(const Workspace& w, const Beam& e) {
        const auto part = requirePart(w, e.partId);
        if (!part) return part.error();
        if (e.events.size() < 2)
            return core::fail(core::ErrorCode::InvalidArgument, "a beam joins at least two events");
        for (std::size_t i = 0; i < e.events.size(); ++i) {
            if (auto ok = checkEventInPart(w, e.events[i], *part); !ok) return ok;
            if (std::find(e.events.begin(), e.events.begin() + static_cast<std::ptrdiff_t>(i), e.events[i]) !=
                e.events.begin() + static_cast<std::ptrdiff_t>(i)) {
                return core::fail(core::ErrorCode::InvalidArgument,
                                  "event " + std::to_string(e.events[i]) + " is in the beam twice");
            }
        }
        return {};
    }
    static void touch(const Workspace& w, ChangeRecorder& c, const Beam& e) {
        c.flags().layers.notation = true;
        for (ElementId event : e.events) touchEvent(w, c, event);
    }
    static std::string describe(const Beam& e) {
        return "starting at event " + (e.events.empty() ? std::string{"(none)"} : std::to_string(e.events.front())) +
               partSuffix(e.partId);
    }
};

template <>
struct Entries<Slur> : Unordered {
    static constexpr const char* kNoun = "slur";
    static std::vector<Slur>& list(Score& s) { return s.layers.notation.slurs; }
    static bool sameKey(const Slur& a, const Slur& b) {
        return a.partId == b.partId && a.from == b.from && a.to == b.to;
    }
    static core::Result<void> check(const Workspace& w, const Slur& e) {
        const auto part = requirePart(w, e.partId);
        if (!part) return part.error();
        if (auto ok = checkEventInPart(w, e.from, *part); !ok) return ok;
        return checkEventInPart(w, e.to, *part);
    }
    static void touch(const Workspace& w, ChangeRecorder& c, const Slur& e) {
        c.flags().layers.notation = true;
        touchEvent(w, c, e.from);
        touchEvent(w, c, e.to);
    }
    static std::string describe(const Slur& e) {
        return "from event " + std::to_string(e.from) + " to event " + std::to_string(e.to) + partSuffix(e.partId);
    }
};

template <>
struct Entries<Clef> : Placed {
    static constexpr const char* kNoun = "clef";
    static std::vector<Clef>& list(Score& s) { return s.layers.notation.clefs; }
    static bool sameKey(const Clef& a, const Clef& b) {
        return a.partId == b.partId && a.staff == b.staff && a.at == b.at;
    }
    static core::Result<void> check(const Workspace& w, const Clef& e) {
        const auto part = requirePart(w, e.partId);
        if (!part) return part.error();
        if (auto ok = checkStaff(w.score().parts[*part], e.staff); !ok) return ok;
        return checkPlace(w.score(), e.at);
    }
    static void touch(const Workspace&, ChangeRecorder& c, const Clef& e) {
        c.flags().layers.notation = true;
        c.measuresToEnd(e.at.measure);  // a clef governs what follows it
    }
    static std::string describe(const Clef& e) {
        return "on staff " + std::to_string(e.staff) + " at " + describePlace(e.at) + partSuffix(e.partId);
    }
};

template <>
struct Entries<Hairpin> {
    static constexpr const char* kNoun = "hairpin";
    static constexpr bool kOrdered = true;
    static bool before(const Hairpin& a, const Hairpin& b) { return earlier(a.from, b.from); }
    static std::vector<Hairpin>& list(Score& s) { return s.layers.notation.hairpins; }
    static bool sameKey(const Hairpin& a, const Hairpin& b) {
        return a.partId == b.partId && a.staff == b.staff && a.from == b.from;
    }
    static core::Result<void> check(const Workspace& w, const Hairpin& e) {
        const auto part = requirePart(w, e.partId);
        if (!part) return part.error();
        if (auto ok = checkStaff(w.score().parts[*part], e.staff); !ok) return ok;
        if (auto ok = checkPlace(w.score(), e.from); !ok) return ok;
        if (auto ok = checkPlace(w.score(), e.to); !ok) return ok;
        if (earlier(e.to, e.from))
            return core::fail(core::ErrorCode::InvalidArgument, "the hairpin ends before it starts");
        return {};
    }
    static void touch(const Workspace&, ChangeRecorder& c, const Hairpin& e) {
        c.flags().layers.notation = true;
        c.measures(e.from.measure, e.to.measure);
    }
    static std::string describe(const Hairpin& e) {
        return "on staff " + std::to_string(e.staff) + " from " + describePlace(e.from) + partSuffix(e.partId);
    }
};

template <>
struct Entries<TextMark> : Placed {
    static constexpr const char* kNoun = "text";
    static std::vector<TextMark>& list(Score& s) { return s.layers.notation.texts; }
    static bool sameKey(const TextMark& a, const TextMark& b) {
        return a.partId == b.partId && a.staff == b.staff && a.at == b.at && a.text == b.text;
    }
    static core::Result<void> check(const Workspace& w, const TextMark& e) {
        if (!e.partId.empty()) {
            const auto part = requirePart(w, e.partId);
            if (!part) return part.error();
            if (auto ok = checkStaff(w.score().parts[*part], e.staff); !ok) return ok;
        }
        return checkPlace(w.score(), e.at);
    }
    static void touch(const Workspace&, ChangeRecorder& c, const TextMark& e) {
        c.flags().layers.notation = true;
        c.measure(e.at.measure);
    }
    static std::string describe(const TextMark& e) {
        return "\"" + e.text + "\" on staff " + std::to_string(e.staff) + " at " + describePlace(e.at) +
               partSuffix(e.partId);
    }
};

template <>
struct Entries<Annotation> : Placed {
    static constexpr const char* kNoun = "annotation";
    static std::vector<Annotation>& list(Score& s) { return s.learning.annotations; }
    static bool sameKey(const Annotation& a, const Annotation& b) {
        return a.partId == b.partId && a.at == b.at && a.author == b.author;
    }
    static core::Result<void> check(const Workspace& w, const Annotation& e) {
        if (auto ok = checkPlace(w.score(), e.at); !ok) return ok;
        return checkPartOrScore(w, e.partId);
    }
    static void touch(const Workspace&, ChangeRecorder& c, const Annotation& e) {
        c.flags().learning = true;
        c.measure(e.at.measure);
    }
    static std::string describe(const Annotation& e) {
        return "by \"" + e.author + "\" at " + describePlace(e.at) + partSuffix(e.partId);
    }
};

template <>
struct Entries<AudioReference> : Unordered {
    static constexpr const char* kNoun = "audio reference";
    static std::vector<AudioReference>& list(Score& s) { return s.audio; }
    static bool sameKey(const AudioReference& a, const AudioReference& b) { return a.uri == b.uri; }
    static core::Result<void> check(const Workspace&, const AudioReference& e) {
        if (e.uri.empty()) return core::fail(core::ErrorCode::InvalidArgument, "an audio reference needs a URI");
        return checkRational(e.offsetSeconds, "the audio offset");
    }
    static void touch(const Workspace&, ChangeRecorder& c, const AudioReference&) { c.flags().audio = true; }
    static std::string describe(const AudioReference& e) { return "\"" + e.uri + "\""; }
};

}  // namespace

template <typename Entry>
core::Result<void> perform(EditContext& context, SetEntry<Entry>& edit) {
    using Traits = Entries<Entry>;
    if (auto ok = Traits::check(context.workspace, edit.entry); !ok) return ok;
    Traits::touch(context.workspace, context.changes, edit.entry);
    const Entry probe = edit.entry;
    auto sameKey = [&probe](const Entry& entry) { return Traits::sameKey(entry, probe); };
    std::optional<Entry> replaced;
    if constexpr (Traits::kOrdered) {
        auto before = [](const Entry& a, const Entry& b) { return Traits::before(a, b); };
        replaced =
            putEntry<Entry>(context, Locate<std::vector<Entry>>{Traits::list}, std::move(edit.entry), sameKey, before);
    } else {
        replaced =
            putEntry<Entry>(context, Locate<std::vector<Entry>>{Traits::list}, std::move(edit.entry), sameKey, nullptr);
    }
    if (replaced) Traits::touch(context.workspace, context.changes, *replaced);
    return {};
}

template <typename Entry>
core::Result<void> perform(EditContext& context, RemoveEntry<Entry>& edit) {
    using Traits = Entries<Entry>;
    const auto removed = removeEntry<Entry>(context, Locate<std::vector<Entry>>{Traits::list},
                                            [&](const Entry& entry) { return Traits::sameKey(entry, edit.entry); });
    if (!removed) {
        return core::fail(core::ErrorCode::NotFound,
                          std::string{"no "} + Traits::kNoun + " " + Traits::describe(edit.entry));
    }
    Traits::touch(context.workspace, context.changes, *removed);
    return {};
}

template core::Result<void> perform(EditContext&, SetEntry<Ending>&);
template core::Result<void> perform(EditContext&, RemoveEntry<Ending>&);
template core::Result<void> perform(EditContext&, SetEntry<Section>&);
template core::Result<void> perform(EditContext&, RemoveEntry<Section>&);
template core::Result<void> perform(EditContext&, SetEntry<PointOfInterest>&);
template core::Result<void> perform(EditContext&, RemoveEntry<PointOfInterest>&);
template core::Result<void> perform(EditContext&, SetEntry<ChordSymbol>&);
template core::Result<void> perform(EditContext&, RemoveEntry<ChordSymbol>&);
template core::Result<void> perform(EditContext&, SetEntry<ChordDiagram>&);
template core::Result<void> perform(EditContext&, RemoveEntry<ChordDiagram>&);
template core::Result<void> perform(EditContext&, SetEntry<KeyRegion>&);
template core::Result<void> perform(EditContext&, RemoveEntry<KeyRegion>&);
template core::Result<void> perform(EditContext&, SetEntry<RomanNumeral>&);
template core::Result<void> perform(EditContext&, RemoveEntry<RomanNumeral>&);
template core::Result<void> perform(EditContext&, SetEntry<Cadence>&);
template core::Result<void> perform(EditContext&, RemoveEntry<Cadence>&);
template core::Result<void> perform(EditContext&, SetEntry<Marker>&);
template core::Result<void> perform(EditContext&, RemoveEntry<Marker>&);
template core::Result<void> perform(EditContext&, SetEntry<TabNote>&);
template core::Result<void> perform(EditContext&, RemoveEntry<TabNote>&);
template core::Result<void> perform(EditContext&, SetEntry<Fingering>&);
template core::Result<void> perform(EditContext&, RemoveEntry<Fingering>&);
template core::Result<void> perform(EditContext&, SetEntry<Stem>&);
template core::Result<void> perform(EditContext&, RemoveEntry<Stem>&);
template core::Result<void> perform(EditContext&, SetEntry<LyricSyllable>&);
template core::Result<void> perform(EditContext&, RemoveEntry<LyricSyllable>&);
template core::Result<void> perform(EditContext&, SetEntry<Beam>&);
template core::Result<void> perform(EditContext&, RemoveEntry<Beam>&);
template core::Result<void> perform(EditContext&, SetEntry<Slur>&);
template core::Result<void> perform(EditContext&, RemoveEntry<Slur>&);
template core::Result<void> perform(EditContext&, SetEntry<Clef>&);
template core::Result<void> perform(EditContext&, RemoveEntry<Clef>&);
template core::Result<void> perform(EditContext&, SetEntry<Hairpin>&);
template core::Result<void> perform(EditContext&, RemoveEntry<Hairpin>&);
template core::Result<void> perform(EditContext&, SetEntry<TextMark>&);
template core::Result<void> perform(EditContext&, RemoveEntry<TextMark>&);
template core::Result<void> perform(EditContext&, SetEntry<Annotation>&);
template core::Result<void> perform(EditContext&, RemoveEntry<Annotation>&);
template core::Result<void> perform(EditContext&, SetEntry<AudioReference>&);
template core::Result<void> perform(EditContext&, RemoveEntry<AudioReference>&);

}  // namespace mos::score
