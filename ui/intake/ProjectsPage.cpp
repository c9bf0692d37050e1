#include "ui/intake/ProjectsPage.h"

#include "core/services/ProjectRecords.h"
#include "ui/intake/ProjectDialog.h"
#include "ui/intake/ProjectListModel.h"
#include "ui/widgets/UiHelpers.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace hearth::ui {

ProjectsPage::ProjectsPage(Vault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_model(new ProjectListModel(this))
    , m_table(new QTableView)
    , m_editButton(new QPushButton(tr("&Edit project…")))
    , m_error(makeErrorLabel(QStringLiteral("projectsError")))
{
    setUpRecordTable(m_table, m_model, QStringLiteral("projectTable"));
    auto* addButton = new QPushButton(tr("&Add project…"));
    addButton->setObjectName(QStringLiteral("addProjectButton"));
    m_editButton->setObjectName(QStringLiteral("editProjectButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(addButton);
    buttons->addWidget(m_editButton);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(addButton, &QPushButton::clicked, this, &ProjectsPage::addProject);
    connect(m_editButton, &QPushButton::clicked, this, &ProjectsPage::editProject);
    connect(m_table, &QTableView::activated, this, &ProjectsPage::editProject);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ProjectsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProjectsPage::updateButtons);
    reload();
}

void ProjectsPage::reload()
{
    auto projects = ProjectRecords(m_vault).list();
    if (!projects) {
        m_model->setProjects({});
        showError(m_error, projects.message());
        return;
    }
    showError(m_error, {});
    m_model->setProjects(std::move(projects.value()));
}

void ProjectsPage::updateButtons()
{
    m_editButton->setEnabled(m_table->selectionModel()->hasSelection());
}

void ProjectsPage::addProject()
{
    // On the heap and guarded: a lock during exec() deletes this page, and with it the dialog.
    QPointer<ProjectDialog> dialog = new ProjectDialog(m_vault, std::nullopt, this);
    const bool saved = dialog->exec() == QDialog::Accepted && dialog;
    delete dialog;
    if (saved)
        reload();
}

void ProjectsPage::editProject()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const Project* project = rows.isEmpty() ? nullptr : m_model->projectAt(rows.constFirst().row());
    if (!project)
        return;
    QPointer<ProjectDialog> dialog = new ProjectDialog(m_vault, *project, this);
    const bool saved = dialog->exec() == QDialog::Accepted && dialog;
    delete dialog;
    if (saved)
        reload();
}

} // namespace hearth::ui
