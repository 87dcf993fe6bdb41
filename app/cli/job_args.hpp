#pragma once
// `proofscope-cli job` mixes its own options with the step's: `job -a A prove --after 42
// --pk-path k.key`. This splits the words: job options (wherever they stand) go to the
// job's parser, the first bare word is the action (a step, or status|wait|logs|cancel|list),
// and every other word after a step is the step's, passed through to it untouched.
#include <QStringList>

namespace ps::cli {

struct JobWords {
    QStringList job;         // for the job's QCommandLineParser, program name first
    QString action;          // "" when none was given
    QStringList rest;        // the step's arguments, or the job ids of status/wait/...
};

JobWords split_job_words(const QStringList& args);
bool is_remote_step(const QString& action);
bool is_job_action(const QString& action);  // status, wait, logs, cancel, list

}  // namespace ps::cli
