#pragma once

#include "core/common/Result.h"
#include "core/intake/Project.h"

#include <optional>
#include <vector>

namespace hearth {

class Store;

/// @brief The agency's projects. Callers wrap writes in a transaction with change-log and audit entries.
class ProjectRepository
{
public:
    explicit ProjectRepository(Store& store)
        : m_store(store)
    {
    }

    Status insert(const Project& project);
    Status update(const Project& project);
    Result<std::optional<Project>> find(const QString& uuid) const;
    /// Projects ordered by name.
    Result<std::vector<Project>> list() const;

    /// A project an enrollment pulled from the server names but this workstation never had (projects are
    /// not synced): archived, so it stays out of this agency's pickers. A known project is left alone.
    Status insertPlaceholder(const Project& project);

private:
    Store& m_store;
};

} // namespace hearth
