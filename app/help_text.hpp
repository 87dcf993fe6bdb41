#pragma once
// QCommandLineParser::helpText() names the program by argv[0], which is whatever path the
// shell or a test ran it by (a build folder, say). The help and the man pages generated
// from it must show the name a user types instead.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QString>

namespace ps::app {

// The parser's help with the "Usage: <argv[0]>" prefix of its first line replaced by
// "Usage: <program>" (e.g. "proofscope-cli gen-settings").
inline QString help_text(const QCommandLineParser& parser, const QString& program) {
    QString text = parser.helpText();
    const QStringList args = QCoreApplication::arguments();
    const QString argv0 = args.isEmpty() ? QString() : QDir::toNativeSeparators(args.first());
    const QString prefix = QStringLiteral("Usage: ") + argv0;
    if (!argv0.isEmpty() && text.startsWith(prefix)) text.replace(0, prefix.size(), QStringLiteral("Usage: ") + program);
    return text;
}

}  // namespace ps::app
