#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class ProjectListModel;

/// @brief The administrators' list of the agency's projects, with Add and Edit (ProjectDialog).
class ProjectsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProjectsPage(Vault& vault, QWidget* parent = nullptr);
    ProjectListModel* model() const { return m_model; }

public Q_SLOTS:
    void reload();
    void addProject();
    void editProject();

private:
    void updateButtons();

    Vault& m_vault;
    ProjectListModel* m_model;
    QTableView* m_table;
    QPushButton* m_editButton;
    QLabel* m_error;
};

} // namespace hearth::ui
