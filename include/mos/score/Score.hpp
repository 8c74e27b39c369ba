#pragma once

// score::Score — one UMF document: metadata, the timeline, the parts with their events, the layers,
// a learning block, audio references and plugin extensions. Every format converts to and from it;
// docs/umf/spec.md describes its JSON form field by field.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mos/score/Layers.hpp"
#include "mos/score/Part.hpp"
#include "mos/score/Timeline.hpp"

namespace mos::score {

// The UMF version this build reads and writes.
inline constexpr const char* kUmfVersion = "1.0";

struct Metadata {
    std::string title{};
    std::string subtitle{};
    std::string composer{};
    std::string lyricist{};
    std::string arranger{};
    std::string copyright{};
    std::string source{};  // where the music came from: a book, a file, a collection
    std::string genre{};
    std::vector<std::string> tags{};

    friend bool operator==(const Metadata&, const Metadata&) = default;
};

// A passage worth practising, over measures first…last (inclusive).
struct PointOfInterest {
    std::uint32_t firstMeasure = 0;
    std::uint32_t lastMeasure = 0;
    std::string title{};
    std::string description{};

    friend bool operator==(const PointOfInterest&, const PointOfInterest&) = default;
};

// A teacher's or learner's note at a place in the score.
struct Annotation {
    ScorePosition at{};
    std::string partId{};  // empty: the whole score
    std::string text{};
    std::string author{};

    friend bool operator==(const Annotation&, const Annotation&) = default;
};

struct Learning {
    std::vector<PointOfInterest> pointsOfInterest{};
    std::vector<Annotation> annotations{};

    friend bool operator==(const Learning&, const Learning&) = default;
};

// A recording that goes with the score, aligned so that `offsetSeconds` into the audio is the
// score's beginning.
struct AudioReference {
    std::string uri{};        // a path relative to the document, or a URL
    std::string mediaType{};  // "audio/flac"
    std::string description{};
    core::Rational offsetSeconds{};

    friend bool operator==(const AudioReference&, const AudioReference&) = default;
};

struct Score {
    Metadata metadata{};
    Timeline timeline{};
    std::vector<Part> parts{};
    Layers layers{};
    Learning learning{};
    std::vector<AudioReference> audio{};
    // Plugin data by plugin name; each value is a JSON text that MOS keeps as it is.
    std::map<std::string, std::string> extensions{};
    // The next id newId() hands out; one past the largest id in the document.
    ElementId nextId = 1;

    ElementId newId() noexcept { return nextId++; }

    const Part* findPart(std::string_view partId) const noexcept;
    Part* findPart(std::string_view partId) noexcept;

    friend bool operator==(const Score&, const Score&) = default;
};

}  // namespace mos::score
