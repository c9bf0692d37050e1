#include "core/search/PhoneticKey.h"

namespace hearth::search {

namespace {

bool isVowel(char16_t c)
{
    return c == u'a' || c == u'e' || c == u'i' || c == u'o' || c == u'u' || c == u'y';
}

bool isSoftener(char16_t c)
{
    return c == u'e' || c == u'i' || c == u'y';
}

// Consonant classes: letters spoken alike in US English or Spanish names map to one symbol.
char16_t consonantClass(char16_t c)
{
    switch (c) {
    case u'b':
    case u'p':
    case u'f':
    case u'v':
        return u'p';
    case u'c':
    case u'k':
    case u'q':
        return u'k';
    case u'd':
    case u't':
        return u't';
    case u'm':
    case u'n':
        return u'n';
    case u's':
    case u'z':
        return u's';
    default:
        return c;
    }
}

} // namespace

QString phoneticKey(QStringView token)
{
    if (token.size() < 3)
        return {};
    // Pass 1: spell out the sounds, so later passes see one symbol per sound.
    QString sounds;
    sounds.reserve(token.size() + 2);
    qsizetype i = 0;
    if (token.startsWith(u"kn") || token.startsWith(u"gn") || token.startsWith(u"pn") || token.startsWith(u"wr")
        || token.startsWith(u"ps"))
        i = 1;
    for (; i < token.size(); ++i) {
        const char16_t c = token[i].unicode();
        const char16_t next = i + 1 < token.size() ? token[i + 1].unicode() : u'\0';
        if (c == u'p' && next == u'h') {
            sounds.append(u'f');
            ++i;
        } else if ((c == u'c' || c == u's') && next == u'h') {
            sounds.append(u'x');
            ++i;
        } else if (c == u't' && next == u'h') {
            sounds.append(u't');
            ++i;
        } else if (c == u'c' && next == u'k') {
            sounds.append(u'k');
            ++i;
        } else if (c == u'c') {
            sounds.append(isSoftener(next) ? u's' : u'k');
        } else if (c == u'g') {
            sounds.append(isSoftener(next) ? u'j' : u'g');
            if (next == u'u' && i + 2 < token.size() && isSoftener(token[i + 2].unicode()))
                ++i; // "Guillermo", "Miguel": the u is silent
        } else if (c == u'q') {
            sounds.append(u'k');
            if (next == u'u')
                ++i;
        } else if (c == u'x') {
            sounds.append(u"ks");
        } else if (c == u'h') {
            continue; // silent in Spanish, after consonants, and often dropped in typing
        } else if (c == u'w') {
            sounds.append(u'u');
        } else {
            sounds.append(QChar(c));
        }
    }
    // Pass 2: consonant classes, doubled sounds collapsed, vowels kept only at the start.
    QString key;
    key.reserve(sounds.size());
    char16_t previous = u'\0';
    for (qsizetype k = 0; k < sounds.size(); ++k) {
        const char16_t c = sounds[k].unicode();
        if (isVowel(c)) {
            if (k == 0)
                key.append(u'a');
            previous = u'a';
            continue;
        }
        const char16_t symbol = consonantClass(c);
        if (symbol == previous)
            continue;
        key.append(QChar(symbol));
        previous = symbol;
    }
    // Two sounds are shared by too many names ("Wayne" and "Emma", "Tuan" and "Tam").
    return key.size() >= 3 ? key : QString();
}

} // namespace hearth::search
