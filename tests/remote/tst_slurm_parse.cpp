// core/remote without a cluster: Slurm's outputs recorded from Slurm 22.05 (data/, made on
// the single-node cluster of installer/slurm-dev.sh) read into JobInfo, the batch script a
// request becomes, and the log as a person reads it.
#include "core/remote/job_log.hpp"
#include "core/remote/job_request.hpp"
#include "core/remote/slurm_client.hpp"
#include "core/remote/slurm_parse.hpp"
#include "core/util/error.hpp"

#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <sstream>

using namespace ps::remote;

namespace {

std::string recorded(const char* name) {
    std::ifstream in(std::string(PROOFSCOPE_SOURCE_DIR) + "/tests/remote/data/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool throws_error(auto&& f) {
    try {
        f();
    } catch (const ps::Error&) {
        return true;
    }
    return false;
}

JobRequest prove_request() {
    JobRequest r;
    r.artifacts = "/shared/project one";
    r.step = "prove";
    r.cli = "/usr/bin/proofscope-cli";
    return r;
}

}  // namespace

class TestSlurmParse : public QObject {
    Q_OBJECT
private slots:
    void a_running_job_has_its_state_log_and_no_exit_yet() {
        const auto jobs = parse_scontrol_jobs(recorded("scontrol_running.txt"));
        QCOMPARE(jobs.size(), size_t(1));
        QCOMPARE(jobs[0].name, std::string("ps-prove"));
        QCOMPARE(jobs[0].state, std::string("RUNNING"));
        QCOMPARE(jobs[0].phase, JobPhase::Running);
        QVERIFY(jobs[0].reason.empty());  // Slurm's "None"
        QVERIFY(jobs[0].array_job.empty());
        QCOMPARE(jobs[0].partition, std::string("debug"));
        QVERIFY(jobs[0].log.string().starts_with("/tmp/slrec/ps-prove-"));
        QCOMPARE(jobs[0].work_dir.string(), std::string("/tmp/slrec"));
    }

    void a_failed_job_carries_its_exit_code_and_reason() {
        const auto jobs = parse_scontrol_jobs(recorded("scontrol_failed.txt"));
        QCOMPARE(jobs.size(), size_t(1));
        QCOMPARE(jobs[0].phase, JobPhase::Failed);
        QCOMPARE(jobs[0].exit_code, 3);
        QCOMPARE(jobs[0].signal, 0);
        QCOMPARE(jobs[0].reason, std::string("NonZeroExitCode"));
    }

    void a_cancelled_job_ended_by_sigterm() {
        const auto jobs = parse_scontrol_jobs(recorded("scontrol_cancelled.txt"));
        QCOMPARE(jobs[0].phase, JobPhase::Cancelled);
        QCOMPARE(jobs[0].exit_code, 0);
        QCOMPARE(jobs[0].signal, 15);
        QCOMPARE(overall_exit_code(jobs), 1);  // `job wait` on a cancelled job is not a success
    }

    void a_dependent_job_waits_with_the_reason_slurm_gives() {
        const auto pending = parse_scontrol_jobs(recorded("scontrol_pending_dependency.txt"));
        QCOMPARE(pending[0].phase, JobPhase::Pending);
        QCOMPARE(pending[0].reason, std::string("Dependency"));
        const auto never = parse_scontrol_jobs(recorded("scontrol_dependency_never.txt"));
        QCOMPARE(never[0].reason, std::string("DependencyNeverSatisfied"));
    }

    void array_tasks_are_named_job_underscore_task() {
        const auto pending = parse_scontrol_jobs(recorded("scontrol_array_pending.txt"));
        QCOMPARE(pending.size(), size_t(1));  // not yet split into tasks
        QCOMPARE(pending[0].id.substr(pending[0].id.find('_')), std::string("_[0-1]"));
        const auto done = parse_scontrol_jobs(recorded("scontrol_array_finished.txt"));
        QCOMPARE(done.size(), size_t(3));
        std::map<std::string, JobInfo> by_id;
        for (const auto& j : done) by_id[j.id] = j;
        QVERIFY(by_id.count("4_0") && by_id.count("4_1") && by_id.count("4_2"));
        QCOMPARE(by_id["4_0"].phase, JobPhase::Done);
        QCOMPARE(by_id["4_2"].exit_code, 2);  // each task exited with its task id
        QCOMPARE(by_id["4_1"].array_job, std::string("4"));
        QCOMPARE(overall_phase(done), JobPhase::Failed);
        QVERIFY(overall_exit_code(done) != 0);
    }

    void squeue_lists_finished_and_pending_jobs_one_line_per_task() {
        const auto jobs = parse_squeue_jobs(recorded("squeue_all.txt"));
        QCOMPARE(jobs.size(), size_t(6));
        int gen_witness = 0;
        for (const auto& j : jobs) gen_witness += j.name == "ps-gen-witness";
        QCOMPARE(gen_witness, 3);
        QVERIFY(throws_error([] { parse_squeue_jobs("42|ps-prove|RUNNING\n"); }));
        auto sorted = jobs;
        sort_by_job_id(sorted);
        std::vector<std::string> ids;
        for (const auto& j : sorted) ids.push_back(j.id);
        QCOMPARE(ids, (std::vector<std::string>{"1", "2", "3", "4_0", "4_1", "4_2"}));  // squeue printed 2 4_0 1 4_2 4_1 3
    }

    void sbatch_prints_the_id_and_errors_keep_slurms_words() {
        QCOMPARE(parse_sbatch_job_id("42\n"), std::string("42"));
        QCOMPARE(parse_sbatch_job_id("42;cluster\n"), std::string("42"));
        QVERIFY(throws_error([] { parse_sbatch_job_id("Submitted batch job 42"); }));
        const std::string partition = slurm_message(recorded("sbatch_invalid_partition_stderr.txt"));
        QVERIFY2(partition.starts_with("invalid partition specified: nosuch"), partition.c_str());
        const std::string down = slurm_message(recorded("sbatch_controller_down_stderr.txt"));
        QVERIFY2(down.find("Unable to contact slurm controller") != std::string::npos, down.c_str());
        QVERIFY(recorded("scontrol_unknown_stderr.txt").find("Invalid job id") != std::string::npos);
    }

    void sacct_lines_of_job_steps_are_skipped() {
        // sacct -n -P -X -o JobID,JobName,State,ExitCode,Partition,Elapsed,WorkDir as sacct(1)
        // documents it (this machine's test cluster keeps no accounting to record from).
        const auto jobs = parse_sacct_jobs("17|ps-prove|CANCELLED by 0|0:15|gpu|00:00:09|/scratch/p\n"
                                           "17.batch|batch|CANCELLED|0:15||00:00:09|\n"
                                           "18_2|ps-verify|COMPLETED|0:0|gpu|00:00:01|/scratch/p\n");
        QCOMPARE(jobs.size(), size_t(2));
        QCOMPARE(jobs[0].phase, JobPhase::Cancelled);
        QCOMPARE(jobs[0].state, std::string("CANCELLED"));
        QCOMPARE(jobs[1].array_job, std::string("18"));
        QCOMPARE(jobs[1].phase, JobPhase::Done);
    }

    void every_documented_state_has_a_phase_and_others_are_errors() {
        QCOMPARE(phase_of_state("COMPLETING"), JobPhase::Running);
        QCOMPARE(phase_of_state("OUT_OF_MEMORY"), JobPhase::Failed);
        QCOMPARE(phase_of_state("TIMEOUT"), JobPhase::Failed);
        QCOMPARE(phase_of_state("CANCELLED by 1000"), JobPhase::Cancelled);
        QVERIFY(throws_error([] { phase_of_state("HAPPY"); }));
        QVERIFY(throws_error([] { parse_exit_code("3"); }));
        QVERIFY(throws_error([] { parse_scontrol_jobs("JobName=x JobState=RUNNING"); }));
    }

    void a_request_becomes_a_script_that_runs_the_step_in_the_folder() {
        JobRequest r = prove_request();
        r.step_args = {"--pk-path", "keys/pk.key"};
        r.partition = "gpu";
        r.time = "30";
        r.mem_mib = 2048;
        r.cpus = 4;
        r.after = {"41"};
        const Submission s = plan_submission(r, "x");
        QCOMPARE(s.script_path.string(), std::string("/shared/project one/jobs/ps-prove-x.sbatch"));
        QCOMPARE(s.sbatch_args, (std::vector<std::string>{"sbatch", "--parsable", s.script_path.string()}));
        for (const char* line : {"#SBATCH --job-name=ps-prove\n", "#SBATCH --chdir=/shared/project one\n",
                                 "#SBATCH --output=/shared/project one/jobs/%x-%j.log\n", "#SBATCH --partition=gpu\n",
                                 "#SBATCH --time=30\n", "#SBATCH --mem=2048M\n", "#SBATCH --cpus-per-task=4\n",
                                 "#SBATCH --dependency=afterok:41\n",
                                 "exec '/usr/bin/proofscope-cli' 'prove' \"$@\" '--pk-path' 'keys/pk.key' --threads 4\n"})
            QVERIFY2(s.script.find(line) != std::string::npos, line);
        QVERIFY(s.script.find("--array") == std::string::npos);
        QVERIFY(s.script.find("--account") == std::string::npos);
    }

    void an_array_gives_each_task_its_input_and_its_proofs_folder() {
        JobRequest r = prove_request();
        r.step = "gen-witness";
        r.inputs = {"inputs/a.json", "inputs/b.json", "inputs/c.json"};
        const std::string t = plan_submission(r, "x").script;
        QVERIFY(t.find("#SBATCH --array=0-2\n") != std::string::npos);
        QVERIFY(t.find("#SBATCH --output=/shared/project one/jobs/%x-%A_%a.log\n") != std::string::npos);
        QVERIFY2(t.find("  1) mkdir -p '/shared/project one/proofs/b' && set -- '-D' 'inputs/b.json' '-O' "
                        "'/shared/project one/proofs/b/witness.json' ;;\n") != std::string::npos, t.c_str());
        r.step = "verify";
        QVERIFY(plan_submission(r, "x").script.find("'--proof-path' '/shared/project one/proofs/c/proof.json'") !=
                std::string::npos);
        r.step = "setup";  // one key pair per circuit, not per input
        QVERIFY(throws_error([&] { plan_submission(r, "x"); }));
    }

    void a_request_that_cannot_run_is_refused_before_sbatch() {
        JobRequest r = prove_request();
        r.step = "gen-srs";
        QVERIFY(throws_error([&] { plan_submission(r, "x"); }));
        r = prove_request();
        r.artifacts = "relative/dir";
        QVERIFY(throws_error([&] { plan_submission(r, "x"); }));
        r = prove_request();
        r.after = {"41;rm -rf /"};
        QVERIFY(throws_error([&] { plan_submission(r, "x"); }));
        r = prove_request();
        r.partition = "a b";
        QVERIFY(throws_error([&] { plan_submission(r, "x"); }));
        r = prove_request();
        r.after = {"41_2", "7"};
        QVERIFY(plan_submission(r, "x").script.find("--dependency=afterok:41_2:7\n") != std::string::npos);
    }

    void quoting_survives_quotes_in_paths() {
        QCOMPARE(shell_quote("it's"), std::string("'it'\\''s'"));
        QCOMPARE(shell_quote("$HOME"), std::string("'$HOME'"));
    }

    void inputs_expand_sorted_and_relative_to_the_folder() {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        std::filesystem::create_directories(root / "inputs");
        for (const char* n : {"b.json", "a.json", "c.txt"}) std::ofstream(root / "inputs" / n) << "{}";
        const auto found = expand_inputs(root, "inputs/*.json");
        QCOMPARE(found, (std::vector<std::filesystem::path>{"inputs/a.json", "inputs/b.json"}));
        QVERIFY(throws_error([&] { expand_inputs(root, "nothing/*.json"); }));
    }

    void a_log_keeps_the_last_drawing_of_each_progress_bar() {
        QCOMPARE(readable_log("start\nprove [##   ] 40%\rprove [#####] 100%\rprove done in 1.2 s\nend\n"),
                 std::string("start\nprove done in 1.2 s\nend\n"));
        QTemporaryDir dir;
        const std::string log = dir.filePath("job.log").toStdString();
        std::ofstream(log) << "1\n2\n3\n4\n";
        QCOMPARE(log_tail(log, 2), std::string("3\n4\n"));
        QCOMPARE(log_tail(log, 10), std::string("1\n2\n3\n4\n"));
        QCOMPARE(log_tail(dir.filePath("none.log").toStdString(), 3), std::string());
    }
};

QTEST_GUILESS_MAIN(TestSlurmParse)
#include "tst_slurm_parse.moc"
