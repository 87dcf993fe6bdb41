#include "job_args.hpp"

#include "core/remote/job_request.hpp"

namespace ps::cli {
namespace {

// The job's options that take a value, and its flags. No step has an option of these names,
// so every other word after the step is the step's (tst_slurm_parse: they reach the script).
const QStringList kValued{"-a", "--artifacts", "--partition", "--account", "--time", "--mem", "--cpus",
                          "--after", "--inputs", "--cli", "--lines", "--interval"};
const QStringList kFlags{"-h", "--help", "--help-all", "--follow"};

bool is_job_option(const QString& w, bool& takes_value) {
    const QString name = w.section('=', 0, 0);
    takes_value = kValued.contains(name) && !w.contains('=');
    return kValued.contains(name) || kFlags.contains(w);
}

}  // namespace

bool is_remote_step(const QString& action) {
    for (const auto s : remote::remote_steps())
        if (action.toStdString() == s) return true;
    return false;
}

bool is_job_action(const QString& action) {
    return QStringList{"status", "wait", "logs", "cancel", "list"}.contains(action);
}

JobWords split_job_words(const QStringList& args) {
    JobWords w;
    w.job << args.value(0);
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        bool takes_value = false;
        if (is_job_option(a, takes_value)) {
            w.job << a;
            if (takes_value && i + 1 < args.size()) w.job << args[++i];
        } else if (w.action.isEmpty() && !a.startsWith('-')) {
            w.action = a;
        } else if (!w.action.isEmpty()) {
            w.rest << a;
        } else {
            w.job << a;  // an option before any action: the job's parser reports it
        }
    }
    return w;
}

}  // namespace ps::cli
