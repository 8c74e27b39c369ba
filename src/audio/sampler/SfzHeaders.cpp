#include "audio/sampler/SfzHeaders.hpp"

#include <optional>
#include <utility>

#include "audio/sampler/SfzOpcodes.hpp"

namespace mos::audio::sfz {

namespace {

class RegionCollector {
public:
    explicit RegionCollector(Warnings& warnings) : warnings_{warnings} {}

    void header(const Header& header) {
        closeRegion();
        if (header.name == "control") {
            level_ = Level::Control;
        } else if (header.name == "global") {
            global_.clear();
            master_.clear();
            group_.clear();
            level_ = Level::Global;
        } else if (header.name == "master") {
            master_.clear();
            group_.clear();
            level_ = Level::Master;
        } else if (header.name == "group") {
            group_.clear();
            level_ = Level::Group;
        } else if (header.name == "region") {
            regionWhere_ = header.where;
            level_ = Level::Region;
        } else {
            warnings_.once("header:" + header.name,
                           "<" + header.name + "> headers are not supported, so their opcodes are ignored",
                           header.where);
            level_ = Level::Skipped;
        }
    }

    core::Result<void> opcode(const Opcode& opcode) {
        switch (level_) {
            case Level::None:
                warnings_.once("before-headers", "opcodes before the first header are ignored", opcode.where);
                return {};
            case Level::Skipped:
                return {};
            case Level::Control:
                return applyControl(opcode, control_, warnings_);
            case Level::Global:
            case Level::Master:
            case Level::Group:
            case Level::Region:
                break;
        }
        auto setting = regionSetting(opcode, control_, warnings_);
        if (!setting) return std::move(setting).error();
        if (*setting) settingsOf(level_).push_back(std::move(**setting));
        return {};
    }

    std::vector<RegionDraft> finish() && {
        closeRegion();
        return std::move(regions_);
    }

private:
    enum class Level { None, Control, Global, Master, Group, Region, Skipped };

    std::vector<Setting>& settingsOf(Level level) {
        switch (level) {
            case Level::Global:
                return global_;
            case Level::Master:
                return master_;
            case Level::Group:
                return group_;
            default:
                return region_;
        }
    }

    void closeRegion() {
        if (!regionWhere_) return;
        RegionDraft draft;
        draft.where = std::move(*regionWhere_);
        for (const auto* settings : {&global_, &master_, &group_, &region_}) {
            for (const Setting& setting : *settings) setting(draft);
        }
        regions_.push_back(std::move(draft));
        regionWhere_.reset();
        region_.clear();
    }

    Warnings& warnings_;
    ControlState control_;
    Level level_ = Level::None;
    std::vector<Setting> global_;
    std::vector<Setting> master_;
    std::vector<Setting> group_;
    std::vector<Setting> region_;
    std::optional<core::SourceLocation> regionWhere_;  // set while a <region>'s opcodes are read
    std::vector<RegionDraft> regions_;
};

}  // namespace

core::Result<std::vector<RegionDraft>> collectRegions(const std::vector<Statement>& statements, Warnings& warnings) {
    RegionCollector collector{warnings};
    for (const Statement& statement : statements) {
        if (const auto* header = std::get_if<Header>(&statement)) {
            collector.header(*header);
        } else if (auto done = collector.opcode(std::get<Opcode>(statement)); !done) {
            return std::move(done).error();
        }
    }
    return std::move(collector).finish();
}

}  // namespace mos::audio::sfz
