#pragma once

#include "core/intake/Project.h"

#include <QAbstractTableModel>

#include <vector>

namespace hearth::ui {

/// @brief The agency's projects as table rows: name, HUD type, CoC, bed nights, operating dates.
class ProjectListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Type,
        CoC,
        BedNights,
        Operating,
        ColumnCount,
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setProjects(std::vector<Project> projects);
    const Project* projectAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Project> m_projects;
};

} // namespace hearth::ui
