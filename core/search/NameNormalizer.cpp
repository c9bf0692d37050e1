#include "core/search/NameNormalizer.h"

#include <QChar>

#include <array>

namespace hearth::search {

namespace {

// Letters that carry no combining mark in Unicode, so NFKD leaves them alone.
QStringView spelledOut(char16_t c)
{
    switch (c) {
    case u'đ':
    case u'Đ':
    case u'ð':
    case u'Ð':
        return u"d";
    case u'ł':
    case u'Ł':
        return u"l";
    case u'ø':
    case u'Ø':
        return u"o";
    case u'æ':
    case u'Æ':
        return u"ae";
    case u'œ':
    case u'Œ':
        return u"oe";
    case u'þ':
    case u'Þ':
        return u"th";
    case u'ı':
        return u"i";
    case u'ß':
        return u"ss";
    default:
        return {};
    }
}

bool isCombiningMark(QChar c)
{
    const QChar::Category category = c.category();
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
        || category == QChar::Mark_Enclosing;
}

// Apostrophes join ("O'Brien" -> "obrien"); every other non-letter separates words.
bool isJoiner(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'\'' || u == u'\u2019' || u == u'\u2018' || u == u'`' || u == u'\u00b4' || u == u'\u02bc';
}

constexpr std::array<QStringView, 20> kParticles
    = {u"de", u"del", u"la",  u"las", u"los", u"le",  u"da",  u"das", u"do", u"dos",
       u"di", u"du",  u"van", u"von", u"der", u"den", u"ten", u"ter", u"y",  u"e"};
constexpr std::array<QStringView, 6> kSuffixes = {u"jr", u"sr", u"ii", u"iii", u"iv", u"v"};

template<std::size_t N>
bool contains(const std::array<QStringView, N>& words, QStringView word)
{
    for (QStringView w : words) {
        if (w == word)
            return true;
    }
    return false;
}

} // namespace

QString foldName(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (isCombiningMark(c))
            continue;
        const QStringView replacement = spelledOut(c.unicode());
        if (!replacement.isEmpty())
            out.append(replacement);
        else
            out.append(c);
    }
    return out.toCaseFolded();
}

NormalizedName normalizeName(QStringView text)
{
    const QString folded = foldName(text);
    QStringList words;
    QString word;
    for (qsizetype i = 0; i < folded.size(); ++i) {
        const QChar c = folded[i];
        if (c.isLetterOrNumber() || c.isSurrogate()) {
            word.append(c);
        } else if (!isJoiner(c) && !word.isEmpty()) {
            words.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        words.append(word);

    // "Smith Jr" is Smith; a lone "V" or "Iv" is kept, it may be the whole name.
    if (words.size() > 1) {
        words.removeIf([](const QString& w) { return contains(kSuffixes, w); });
    }

    NormalizedName name;
    name.joined = words.join(QString());
    for (const QString& w : std::as_const(words)) {
        // Particles count only when they are all there is: "Le" and "Do" are Vietnamese surnames,
        // "Van" a Vietnamese middle name.
        if (contains(kParticles, w))
            continue;
        name.tokens.append(w);
    }
    if (name.tokens.isEmpty())
        name.tokens = words;
    return name;
}

} // namespace hearth::search
