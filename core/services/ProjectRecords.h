#pragma once

#include "core/common/Result.h"
#include "core/intake/Project.h"

#include <vector>

namespace hearth {

class Vault;

/// @brief The agency's projects: administrators define them, everyone enrolls clients into them.
class ProjectRecords
{
public:
    explicit ProjectRecords(Vault& vault)
        : m_vault(vault)
    {
    }

    Result<Project> create(Project project);
    Status update(const Project& project);
    Result<std::vector<Project>> list() const;
    Result<Project> find(const QString& uuid) const;

private:
    Vault& m_vault;
};

} // namespace hearth
