// libFuzzer harness: an HMIS Lead edits the checklist JSON by hand; whatever loads must be usable.
#include "core/compliance/Checklist.h"

#include <QSet>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto checklist = hearth::compliance::Checklist::fromJson(bytes);
    if (!checklist)
        return 0;
    QSet<QString> ids;
    for (const hearth::compliance::ChecklistItem& item : checklist->items) {
        if (item.id.isEmpty() || item.wording.isEmpty() || ids.contains(item.id))
            __builtin_trap();
        for (double threshold : item.thresholds) {
            if (!(threshold > 0))
                __builtin_trap();
        }
        ids.insert(item.id);
    }
    for (const hearth::compliance::SupportedRelease& release : checklist->supportedReleases) {
        if (!release.supportedUntil.isValid())
            __builtin_trap();
    }
    return 0;
}
