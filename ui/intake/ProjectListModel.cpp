#include "ui/intake/ProjectListModel.h"

#include "core/common/DisplayDates.h"
#include "core/hud/HudCatalog.h"
#include "core/hud/HudCodes.h"

namespace hearth::ui {

void ProjectListModel::setProjects(std::vector<Project> projects)
{
    beginResetModel();
    m_projects = std::move(projects);
    std::sort(m_projects.begin(), m_projects.end(),
              [](const Project& a, const Project& b) { return a.name.localeAwareCompare(b.name) < 0; });
    endResetModel();
}

const Project* ProjectListModel::projectAt(int row) const
{
    return row >= 0 && row < int(m_projects.size()) ? &m_projects[size_t(row)] : nullptr;
}

int ProjectListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_projects.size());
}

int ProjectListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProjectListModel::data(const QModelIndex& index, int role) const
{
    const Project* p = projectAt(index.row());
    if (!p || role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return p->name;
    case Type:
        return HudCatalog::instance().label(hud::list::ProjectType, p->projectType);
    case CoC:
        return p->cocCode;
    case BedNights:
        return p->tracksBedNights ? tr("Yes") : tr("No");
    case Operating:
        return p->operatingEnd ? tr("%1 – %2").arg(displayDate(p->operatingStart), displayDate(*p->operatingEnd))
                               : tr("since %1").arg(displayDate(p->operatingStart));
    default:
        return {};
    }
}

QVariant ProjectListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Project");
    case Type:
        return tr("HUD type");
    case CoC:
        return tr("CoC");
    case BedNights:
        return tr("Bed nights");
    case Operating:
        return tr("Operating");
    default:
        return {};
    }
}

} // namespace hearth::ui
