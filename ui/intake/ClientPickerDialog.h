#pragma once

#include "core/consent/ConsentPolicy.h"
#include "core/intake/ClientProfile.h"

#include <QDialog>

#include <optional>
#include <vector>

class QLineEdit;
class QListWidget;

namespace hearth::ui {

/// "First Last", or the case number for a client without a recorded name.
QString clientName(const ClientProfile& client);

/// @brief Chooses one client from a list by typing part of the name or case number: the household
/// member picker of the enroll dialog. Enter takes the highlighted client.
class ClientPickerDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p excluded: uuids not offered (people already in the household).
    ClientPickerDialog(std::vector<ClientProfile> clients, const QStringList& excluded, QWidget* parent = nullptr);

    std::optional<ClientProfile> chosen() const;
    /// Marks each client with their consent badge (ConsentRecords::statuses; absent: none recorded).
    void setConsent(const QHash<QString, ConsentStatus>& statuses, const QDate& today, int warningDays);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyFilter(const QString& text);

    std::vector<ClientProfile> m_clients;
    QLineEdit* m_filter;
    QListWidget* m_list;
};

} // namespace hearth::ui
