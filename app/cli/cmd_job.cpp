// proofscope-cli job -a ARTIFACTS STEP [step options]   and   job status|wait|logs|cancel|list
// A pipeline step as a Slurm batch job, followed through Slurm (core/remote).
#include "cli_support.hpp"
#include "command.hpp"
#include "job_args.hpp"
#include "job_report.hpp"
#include "core/remote/resource_defaults.hpp"
#include "core/remote/slurm_client.hpp"
#include "core/util/error.hpp"
#include <QCoreApplication>
#include <cstdio>
#include <cstdlib>

namespace ps::cli {
namespace {
namespace fs = std::filesystem;

const char* const kDescription =
    "Run a pipeline step on a Slurm cluster, and follow it there.\n"
    "\n"
    "  job -a ARTIFACTS STEP [options] [step options]\n"
    "      Submits `proofscope-cli STEP [step options]` as a batch job (sbatch) that runs in the artifact\n"
    "      folder ARTIFACTS on a compute node, and prints the job id on stdout. STEP is gen-witness, setup,\n"
    "      prove, verify, mock or calibrate-settings; options the job does not know are the step's. The\n"
    "      folder must be on storage the nodes share; the batch script is kept as ARTIFACTS/jobs/*.sbatch\n"
    "      and the step's output (progress lines included) goes to ARTIFACTS/jobs/ps-STEP-JOBID.log.\n"
    "      --mem and --time default to the step's pre-flight estimate when there is one (memory: the\n"
    "      last run's peak or the size of the keys; time: 3 x the last run in runs.jsonl + 5 min).\n"
    "      --after JOBID chains steps (Slurm afterok): `p=$(job -a A prove --after $w)`.\n"
    "      --inputs 'inputs/*.json' submits a job array, one task per input; task i reads input i and\n"
    "      writes ARTIFACTS/proofs/<input name>/witness.json and proof.json (as the GUI's Queue tab).\n"
    "  job status JOBID     state (pending, running, done, failed, cancelled) of the job or of each array\n"
    "                       task, Slurm's reason, exit code and log; a failed task's last log lines\n"
    "  job wait JOBID       waits until the job ends; exits with the step's exit code\n"
    "  job logs JOBID       the step's log so far (--follow: until the job ends)\n"
    "  job cancel JOBID     scancel: the step stops, leaving no half-written artifact\n"
    "  job list             your ProofScope jobs the scheduler still knows\n"
    "\n"
    "Slurm's client tools must be on PATH (Debian: slurm-client); SLURM_CONF names the cluster when it\n"
    "is not /etc/slurm/slurm.conf. docs/REMOTE.md explains the setup and maps EZKL's `archon job`.\n"
    "Exit status: 0 on success, 2 for wrong arguments, 1 when Slurm refuses or does not know the job;\n"
    "wait: the step's own exit code.";

void add_job_options(QCommandLineParser& p) {
    p.addOption({{"a", "artifacts"}, "The artifact folder the step runs in (as the compute nodes see it).", "DIR"});
    p.addOption({"partition", "Slurm partition (default: the cluster's default).", "NAME"});
    p.addOption({"account", "Slurm account to charge (default: yours).", "NAME"});
    p.addOption({"time", "Time limit, Slurm's format: minutes, H:MM:SS or D-HH:MM:SS (default: estimated).", "T"});
    p.addOption({"mem", "Memory per job: MiB, or with a K/M/G/T suffix (default: estimated).", "SIZE"});
    p.addOption({"cpus", "CPUs per job; also the step's --threads.", "N"});
    p.addOption({"after", "Start only after these jobs succeeded (comma-separated ids; repeatable).", "JOBID"});
    p.addOption({"inputs", "A job array: one task per file matching this pattern in the artifact folder.", "GLOB"});
    p.addOption({"cli", "proofscope-cli as the nodes run it (default: this program, or $PROOFSCOPE_REMOTE_CLI).", "PATH"});
    p.addOption({"lines", "status, wait: log lines shown for a failed task (default 10).", "N"});
    p.addOption({"interval", "wait, logs --follow: seconds between polls of the scheduler (default 2).", "S"});
    p.addOption({"follow", "logs: keep printing until the job ends."});
}

uint64_t parse_mem_mib(const QString& text) {
    QString t = text.trimmed().toUpper();
    double scale = 1;  // Slurm's --mem: a bare number is MiB
    if (!t.isEmpty() && QString("KMGT").contains(t.back())) {
        scale = t.back() == 'K' ? 1.0 / 1024 : t.back() == 'M' ? 1 : t.back() == 'G' ? 1024 : 1024.0 * 1024;
        t.chop(1);
    }
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || v <= 0) throw Error("--mem", "expected a size such as 4000, 4000M or 4G, found \"" + text.toStdString() + "\"");
    return std::max<uint64_t>(1, uint64_t(v * scale + 0.5));
}

int submit(const QCommandLineParser& p, const QString& step, const QStringList& step_args) {
    if (!p.isSet("artifacts")) {
        std::fprintf(stderr, "proofscope-cli job: missing -a/--artifacts: the folder the step runs in (see --help)\n");
        return 2;
    }
    remote::JobRequest r;
    r.artifacts = fs::weakly_canonical(fs::absolute(p.value("artifacts").toStdString()));
    if (!fs::is_directory(r.artifacts))
        throw Error("--artifacts", "\"" + r.artifacts.string() + "\" is not a folder");
    r.step = step.toStdString();
    for (const auto& a : step_args) r.step_args.push_back(a.toStdString());
    if (p.isSet("inputs")) r.inputs = remote::expand_inputs(r.artifacts, p.value("inputs").toStdString());
    r.partition = p.value("partition").toStdString();
    r.account = p.value("account").toStdString();
    for (const auto& v : p.values("after"))
        for (const auto& id : v.split(',', Qt::SkipEmptyParts)) r.after.push_back(id.trimmed().toStdString());
    if (p.isSet("cpus")) {
        bool ok = false;
        const int n = p.value("cpus").toInt(&ok);
        if (!ok || n < 1) throw Error("--cpus", "expected a positive integer, found \"" + p.value("cpus").toStdString() + "\"");
        r.cpus = unsigned(n);
    }
    const char* env_cli = std::getenv("PROOFSCOPE_REMOTE_CLI");
    r.cli = p.isSet("cli") ? fs::path(p.value("cli").toStdString())
          : env_cli        ? fs::path(env_cli)
                           : fs::path(QCoreApplication::applicationFilePath().toStdString());
    const auto defaults = remote::default_resources(r.step, r.artifacts);
    r.mem_mib = p.isSet("mem") ? parse_mem_mib(p.value("mem")) : defaults.mem_mib;
    r.time = p.isSet("time") ? p.value("time").toStdString() : defaults.time;
    const std::string id = remote::make_slurm_client()->submit(r);
    std::printf("%s\n", id.c_str());
    std::fprintf(stderr, "submitted %s as job %s%s", r.step.c_str(), id.c_str(),
                 r.inputs.empty() ? "" : (" (array of " + std::to_string(r.inputs.size()) + ")").c_str());
    if (!p.isSet("mem") && r.mem_mib) std::fprintf(stderr, "; --mem %lluM from %s", (unsigned long long)r.mem_mib, defaults.mem_basis.c_str());
    if (!p.isSet("time") && !r.time.empty()) std::fprintf(stderr, "; --time %s min from %s", r.time.c_str(), defaults.time_basis.c_str());
    std::fprintf(stderr, "\n");
    return 0;
}

int run(const QStringList& args) {
    const JobWords w = split_job_words(args);
    QCommandLineParser parser;
    parser.setApplicationDescription(kDescription);
    add_job_options(parser);
    if (auto code = parse_args(parser, w.job)) return *code;
    const QString program = args.value(0);
    if (w.action.isEmpty()) {
        std::fprintf(stderr, "%s: say what to do: a step (gen-witness, setup, prove, verify, mock, calibrate-settings) or "
                             "status, wait, logs, cancel, list (see %s --help)\n", qPrintable(program), qPrintable(program));
        return 2;
    }
    if (!is_remote_step(w.action) && !is_job_action(w.action)) {
        std::fprintf(stderr, "%s: unexpected argument '%s': expected a step (gen-witness, setup, prove, verify, mock, "
                             "calibrate-settings) or status, wait, logs, cancel, list (see %s --help)\n",
                     qPrintable(program), qPrintable(w.action), qPrintable(program));
        return 2;
    }
    const int wanted_ids = w.action == "list" ? 0 : 1;
    if (is_job_action(w.action) && w.rest.size() != wanted_ids) {
        std::fprintf(stderr, "%s %s: expected %s (see %s --help)\n", qPrintable(program), qPrintable(w.action),
                     wanted_ids ? "one job id" : "no argument", qPrintable(program));
        return 2;
    }
    try {
        if (is_remote_step(w.action)) return submit(parser, w.action, w.rest);
        JobReportOptions o;
        if (parser.isSet("lines")) o.log_lines = size_t(std::max(1, parser.value("lines").toInt()));
        if (parser.isSet("interval")) o.interval_seconds = std::max(0.1, parser.value("interval").toDouble());
        o.follow = parser.isSet("follow");
        auto client = remote::make_slurm_client();
        const std::string id = w.rest.value(0).toStdString();
        if (w.action == "status") return print_status(*client, id, o);
        if (w.action == "wait") return wait_for(*client, id, o);
        if (w.action == "logs") return print_logs(*client, id, o);
        if (w.action == "cancel") {
            client->cancel(id);
            std::printf("cancelled job %s\n", id.c_str());
            return 0;
        }
        return print_list(*client);
    } catch (const std::exception& e) {
        return report_error("job", e);
    }
}

const CommandRegistration registration{
    {"job", "Run a step on a Slurm cluster (sbatch) and follow it: status, wait, logs, cancel, list", &run}};

}  // namespace
}  // namespace ps::cli
