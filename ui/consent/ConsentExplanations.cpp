#include "ui/consent/ConsentExplanations.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace hearth::ui {

namespace {

const QString kEnglish = QStringLiteral("en");

struct TopicKey
{
    ExplanationTopic topic;
    const char* key;
};
constexpr TopicKey kTopicKeys[] = {
    {ExplanationTopic::FullSharing, "full"},     {ExplanationTopic::LimitedSharing, "limited"},
    {ExplanationTopic::Anonymous, "anonymous"},  {ExplanationTopic::NoSharing, "no-sharing"},
    {ExplanationTopic::CoordinatedEntry, "ces"}, {ExplanationTopic::CoordinatedEntryDeclined, "ces-decline"},
};

QStringList strings(const QJsonValue& value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& item : array)
        list.append(item.toString());
    return list;
}

ConsentExplanations parse(const QString& language, const QJsonObject& o)
{
    ConsentExplanations e;
    e.language = language;
    e.languageName = o.value(QLatin1String("languageName")).toString();
    e.about = o.value(QLatin1String("about")).toString();
    e.prompt = o.value(QLatin1String("prompt")).toString();
    const QJsonObject headings = o.value(QLatin1String("headings")).toObject();
    e.sharedHeading = headings.value(QLatin1String("shared")).toString();
    e.withWhomHeading = headings.value(QLatin1String("withWhom")).toString();
    e.consequencesHeading = headings.value(QLatin1String("consequences")).toString();
    e.rightsTitle = o.value(QLatin1String("rightsTitle")).toString();
    e.rights = strings(o.value(QLatin1String("rights")));
    const QJsonObject topics = o.value(QLatin1String("topics")).toObject();
    for (const TopicKey& k : kTopicKeys) {
        const QJsonObject t = topics.value(QLatin1String(k.key)).toObject();
        e.topics.insert(k.topic,
                        TopicExplanation {t.value(QLatin1String("title")).toString(),
                                          t.value(QLatin1String("shared")).toString(),
                                          t.value(QLatin1String("withWhom")).toString(),
                                          strings(t.value(QLatin1String("consequences")))});
    }
    return e;
}

/// Read once from the embedded resource; the file is part of the build, so a failure is a build fault.
const QMap<QString, ConsentExplanations>& all()
{
    static const QMap<QString, ConsentExplanations> loaded = [] {
        QMap<QString, ConsentExplanations> result;
        QFile file(QStringLiteral(":/hearth/consent/explanations.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("consent explanations missing from the resources");
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        for (auto it = root.constBegin(); it != root.constEnd(); ++it)
            result.insert(it.key(), parse(it.key(), it.value().toObject()));
        if (!result.contains(kEnglish))
            qFatal("consent explanations have no English text");
        return result;
    }();
    return loaded;
}

} // namespace

ExplanationTopic explanationTopic(ReleaseKind kind, SharingChoice choice)
{
    if (kind == ReleaseKind::CoordinatedEntry)
        return choice == SharingChoice::NoSharing ? ExplanationTopic::CoordinatedEntryDeclined
                                                  : ExplanationTopic::CoordinatedEntry;
    switch (choice) {
    case SharingChoice::FullSharing:
        return ExplanationTopic::FullSharing;
    case SharingChoice::LimitedSharing:
        return ExplanationTopic::LimitedSharing;
    case SharingChoice::Anonymous:
        return ExplanationTopic::Anonymous;
    case SharingChoice::NoSharing:
        break;
    }
    return ExplanationTopic::NoSharing;
}

QStringList ConsentExplanations::languages()
{
    QStringList codes = all().keys();
    codes.removeAll(kEnglish);
    codes.prepend(kEnglish);
    return codes;
}

const ConsentExplanations& ConsentExplanations::in(const QString& language)
{
    const auto& loaded = all();
    const auto it = loaded.constFind(language);
    return it != loaded.constEnd() ? it.value() : loaded.find(kEnglish).value();
}

} // namespace hearth::ui
