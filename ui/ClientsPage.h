#pragma once

#include "intake/ClientProfile.h"

#include <QJsonObject>
#include <QWidget>

#include <optional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTableView;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class ClientListModel;

/// @brief The client list, a draft-capable "New client" form, and an edit form for an opened record.
class ClientsPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr auto kNewClientFormKey = "clients/new";

    explicit ClientsPage(Vault& vault, QWidget* parent = nullptr);

    /// The half-filled New client form, if anything was typed into it.
    std::optional<QJsonObject> newClientDraft() const;
    void restoreNewClientDraft(const QJsonObject& draft);
    ClientListModel* model() const { return m_model; }

public Q_SLOTS:
    void reload();

private:
    void createClient();
    void openClient(const QModelIndex& index);
    void saveOpenedClient();

    Vault& m_vault;
    ClientListModel* m_model;
    QTableView* m_table;
    QLineEdit* m_newFirst;
    QLineEdit* m_newLast;
    QGroupBox* m_editBox;
    QLineEdit* m_editFirst;
    QLineEdit* m_editLast;
    QLabel* m_error;
    std::optional<ClientProfile> m_opened;
};

} // namespace hearth::ui
