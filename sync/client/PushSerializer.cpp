#include "sync/client/PushSerializer.h"

#include "sync/protocol/ConsentReference.h"
#include "sync/protocol/NoSharingMarker.h"

#include <QLoggingCategory>
#include <QObject>

namespace hearth::sync {

namespace {
Q_LOGGING_CATEGORY(lcSerializer, "hearth.sync.serializer")

Error refused(const QString& why)
{
    // Why in the log (a path or code, never a value); the user sees one plain sentence.
    qCWarning(lcSerializer) << "push refused by the second check:" << why;
    return makeError(ErrorCode::Internal,
                     QObject::tr("Sync stopped and sent nothing: a record of a client who does not share with the "
                                 "HMIS was about to leave this workstation. Tell your administrator; this is a "
                                 "fault in Hearth, not in what you entered."));
}

QString clientOf(const ChangeRecord& change)
{
    if (change.entity == u"client")
        return change.entityUuid;
    return change.fields.value(u"PersonalID").toString();
}
/// A record the server already holds says which fields its consent no longer lets go, as explicit nulls:
/// silence would leave the old values there. Only top-level fields: a nested value goes whole.
QJsonObject withRemovals(const ChangeRecord& change, const Disclosure& disclosure, qint64 baseVersion)
{
    QJsonObject fields = disclosure.fields;
    if (baseVersion == 0 || disclosure.form == Disclosure::Form::Whole)
        return fields;
    for (auto it = change.fields.constBegin(); it != change.fields.constEnd(); ++it)
        if (!fields.contains(it.key()))
            fields.insert(it.key(), QJsonValue::Null);
    return fields;
}
} // namespace

QString PushSerializer::keyOf(qint64 seq, const QString& keySuffix) const
{
    QString key = m_deviceId + u':' + QString::number(seq);
    if (!keySuffix.isEmpty())
        key += u":r:" + keySuffix;
    return key;
}

Result<SerializedBatch> PushSerializer::serialize(const std::vector<ChangeRecord>& changes,
                                                  const std::vector<Disclosure>& disclosures,
                                                  const QHash<QString, qint64>& baseVersions, const QDateTime& now,
                                                  const QString& keySuffix) const
{
    if (changes.size() != disclosures.size())
        return makeError(ErrorCode::Internal, QObject::tr("The consent review did not answer for every change."));
    SerializedBatch out;
    for (size_t i = 0; i < changes.size(); ++i) {
        const ChangeRecord& change = changes[i];
        const Disclosure& disclosure = disclosures[i];
        if (!disclosure.allowed()) {
            ++out.withheld;
            continue;
        }
        Change c;
        c.key = keyOf(change.seq, keySuffix);
        c.entity = change.entity;
        c.uuid = change.entityUuid;
        c.operation = change.operation;
        c.baseVersion = baseVersions.value(change.entityUuid, 0);
        if (change.operation == u"delete")
            c.fields = QJsonObject {{u"Consent"_qs, disclosure.fields.value(u"Consent")}};
        else
            c.fields = withRemovals(change, disclosure, c.baseVersion);
        out.clients << (change.operation == u"delete" ? QString() : clientOf(change));
        out.sequences.push_back(change.seq);
        if (change.entity == u"consent" && change.operation != u"delete")
            out.newReleases.push_back({clientOf(change), change.entityUuid, now});
        out.changes.push_back(std::move(c));
    }
    return out;
}

void PushSerializer::markResolutions(SerializedBatch& batch, const QHash<qint64, QString>& resolutions)
{
    for (size_t i = 0; i < batch.changes.size() && i < batch.sequences.size(); ++i)
        batch.changes[i].resolves = resolutions.value(batch.sequences[i]);
}

Status PushSerializer::verify(const SerializedBatch& batch, const QHash<QString, ConsentStatus>& statuses)
{
    for (size_t i = 0; i < batch.changes.size(); ++i) {
        const Change& c = batch.changes[i];
        if (auto marker = findNoSharingMarker(c.fields))
            return refused(QStringLiteral("no-sharing marker at %1 (%2)").arg(*marker, c.entity));
        const auto reference = validateConsentReference(c.fields);
        if (const auto* problem = std::get_if<ConsentProblem>(&reference))
            return refused(QStringLiteral("consent reference: %1 (%2)").arg(problem->code, c.entity));
        const auto& consent = std::get<ConsentReference>(reference);
        if (!consent.allowsIdentifyingData())
            for (const QString& field : identifyingFields())
                if (!c.fields.value(field).toString().isEmpty())
                    return refused(QStringLiteral("identifying field %1 without consent (%2)").arg(field, c.entity));
        const QString& client = batch.clients.value(qsizetype(i));
        if (client.isEmpty()) {
            if (c.operation != u"delete")
                return refused(QStringLiteral("a %1 without its client").arg(c.entity));
            continue;
        }
        const auto status = statuses.constFind(client);
        if (status == statuses.constEnd() || !status->shares())
            return refused(QStringLiteral("client standing %1 (%2)")
                               .arg(status == statuses.constEnd() ? -1 : int(status->standing))
                               .arg(c.entity));
    }
    return {};
}

} // namespace hearth::sync
