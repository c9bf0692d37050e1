#pragma once

#include "core/services/ClientSearch.h"

#include <QDate>
#include <QDialog>

#include <vector>

class QListWidget;

namespace hearth::ui {

/// @brief Shown when a new client looks like one already recorded: lists the likely duplicates
/// with the reasons they matched and lets the user open the existing record (the default) or
/// create the new one anyway.
class DuplicateDialog : public QDialog
{
    Q_OBJECT
public:
    /// Result codes besides Rejected (cancel: back to the form).
    enum Choice
    {
        OpenExisting = 2,
        CreateAnyway = 3,
    };

    DuplicateDialog(const std::vector<ClientMatch>& matches, QDate today, QWidget* parent = nullptr);

    /// The uuid of the client chosen to open.
    QString chosenUuid() const;

private:
    QListWidget* m_list;
};

} // namespace hearth::ui
