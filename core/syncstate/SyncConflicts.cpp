#include "core/syncstate/SyncConflicts.h"

#include "core/intake/IntakeJson.h"
#include "core/services/ClientRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "core/store/ChangeLog.h"
#include "core/store/ClientRepository.h"
#include "core/store/EnrollmentRepository.h"
#include "core/store/Store.h"
#include "core/store/SyncConflictRepository.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

#include <QObject>

namespace hearth {

namespace {
QString sideName(ConflictChoice choice)
{
    switch (choice) {
    case ConflictChoice::KeepServer:
        return QStringLiteral("kept the server value");
    case ConflictChoice::KeepDevice:
        return QStringLiteral("kept the device value");
    case ConflictChoice::NewValue:
        break;
    }
    return QStringLiteral("entered a new value");
}

Error notValid(const QString& field)
{
    return makeError(ErrorCode::InvalidInput,
                     QObject::tr("That value cannot be stored in %1. Check it and try again.").arg(field));
}

/// Sets @p field of @p json to @p value, refusing a value the record would not keep as given (a date
/// that is not a date, a number typed into a code).
template<typename Record, typename FromJson>
Result<Record> withField(const QJsonObject& json, const QString& field, const QJsonValue& value, FromJson fromJson)
{
    QJsonObject changed = json;
    changed.insert(field, value);
    Record record = fromJson(changed);
    if (intake_json::toJson(record).value(field) != value)
        return notValid(field);
    return record;
}
} // namespace

Result<std::vector<SyncConflict>> SyncConflicts::open() const
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    return SyncConflictRepository(m_vault.openStore().store()).all();
}

Result<int> SyncConflicts::openCount() const
{
    auto all = open();
    if (!all)
        return all.error();
    return int(all->size());
}

Status SyncConflicts::resolve(const QString& conflictId, ConflictChoice choice, const QJsonValue& newValue)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    Store& s = m_vault.openStore().store();
    auto found = SyncConflictRepository(s).find(conflictId);
    if (!found)
        return found.error();
    if (!*found)
        return makeError(ErrorCode::NotFound, QObject::tr("That conflict has already been settled."));
    const SyncConflict conflict = **found;
    const QJsonValue value = choice == ConflictChoice::KeepServer ? conflict.serverValue
        : choice == ConflictChoice::KeepDevice                    ? conflict.deviceValue
                                                                  : newValue;
    const Error notHere
        = makeError(ErrorCode::NotFound,
                    QObject::tr("This workstation does not hold that record; settle the conflict where it does."));

    // The value goes in through the record's own service: its checks run and the change log gets the row
    // the next push sends with `resolves`.
    Status written;
    if (conflict.entity == u"client") {
        auto stored = ClientRepository(s).find(conflict.entityUuid);
        if (!stored)
            return stored.error();
        if (!*stored)
            return notHere;
        auto changed = withField<ClientProfile>(intake_json::toJson(**stored), conflict.field, value,
                                                [](const QJsonObject& j) { return intake_json::clientFromJson(j); });
        if (!changed)
            return changed.error();
        written = ClientRecords(m_vault).update(*changed);
    } else if (conflict.entity == u"enrollment") {
        auto stored = EnrollmentRepository(s).find(conflict.entityUuid);
        if (!stored)
            return stored.error();
        if (!*stored)
            return notHere;
        auto changed = withField<Enrollment>(intake_json::toJson(**stored), conflict.field, value,
                                             [](const QJsonObject& j) { return intake_json::enrollmentFromJson(j); });
        if (!changed)
            return changed.error();
        written = EnrollmentRecords(m_vault).update(*changed);
    } else {
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("Hearth cannot settle a conflict in this kind of record yet."));
    }
    if (!written)
        return written;

    return m_vault.openStore().write([&]() -> Status {
        SyncConflictRepository conflictRows(s);
        auto seq = ChangeLog(s).latestChangeOf(conflict.entityUuid);
        if (!seq)
            return seq.error();
        if (auto st = conflictRows.addResolution(*seq, conflictId); !st)
            return st;
        if (auto st = conflictRows.remove(conflictId); !st)
            return st;
        // Which field and which side, never a value.
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::SyncConflictResolve), conflict.entity,
                                               conflict.entityUuid,
                                               QStringLiteral("field %1: %2").arg(conflict.field, sideName(choice)));
    });
}

} // namespace hearth
