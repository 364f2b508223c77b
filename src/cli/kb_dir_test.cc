// The global options as a user gives them to the real program: `--kb DIR` reaches every
// command (each one validates every file of DIR and names a broken file by its path in
// DIR), and `--today DATE` fixes what "since Monday" means.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "testing/test_support.h"

namespace {

namespace fs = std::filesystem;

struct ProgramResult {
  int status = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

bool g_scratch_made = false;

// A scratch directory of this test process (ctest -j runs several at once), removed when
// the test program ends.
std::string Scratch() {
  static const std::string dir = [] {
    std::string d = testing::TempDir() + "/tc_kbdir_" + std::to_string(getpid());
    fs::remove_all(d);
    fs::create_directories(d);
    g_scratch_made = true;
    return d;
  }();
  return dir;
}

class RemoveScratch : public ::testing::Environment {
 public:
  void TearDown() override {
    std::error_code ec;
    if (g_scratch_made) fs::remove_all(Scratch(), ec);
  }
};
[[maybe_unused]] ::testing::Environment* const kRemoveScratch = ::testing::AddGlobalTestEnvironment(new RemoveScratch);

// Runs the built program with `args` (each quoted for the shell), stdin from `stdin_text`.
ProgramResult Twitchcheck(const std::vector<std::string>& args, const std::string& stdin_text = "") {
  static int counter = 0;
  const std::string tag = Scratch() + "/run" + std::to_string(++counter);
  WriteFile(tag + ".in", stdin_text);
  // `timeout`: a hang fails the test (status 124) instead of stalling it.
  std::string cmd = "timeout 20 " + Quote(TWITCHCHECK_BINARY);
  for (const std::string& a : args) cmd.append(" ").append(Quote(a));
  cmd += " < " + Quote(tag + ".in") + " 2> " + Quote(tag + ".err");
  const twitchcheck::fixtures::CommandRun run = twitchcheck::fixtures::RunCommand(cmd);
  ProgramResult r;
  r.status = run.status;
  r.out = run.out;
  r.err = Slurp(tag + ".err");
  return r;
}

// A copy of the source tree's kb/ at Scratch()/NAME (an absolute path without "kb/" in it).
std::string CopyKb(const std::string& name) {
  const std::string dir = Scratch() + "/" + name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(std::string(TWITCHCHECK_SOURCE_DIR) + "/kb"))
    if (e.path().extension() == ".yaml") fs::copy_file(e.path(), dir + "/" + e.path().filename().string());
  return dir;
}

// The evaluation files the eval commands are given: valid, so that only the knowledge base
// can make them fail.
const std::string& VignetteFile() {
  static const std::string path = [] {
    const std::string p = Scratch() + "/vignettes.jsonl";
    WriteFile(p, R"({"id": "T1", "age": 30, "sex": "female", "text": "my left eyelid has twitched for three days after lots of coffee", "primary": ["benign_eyelid_myokymia"], "triage": "self_care", "triage_ok": ["self_care", "consultation"]})"
                 "\n");
    return p;
  }();
  return path;
}

const std::string& ContextFile() {
  static const std::string path = [] {
    const std::string p = Scratch() + "/context.jsonl";
    WriteFile(p, R"({"sentence": "I have no numbness", "target": "numbness", "negation": "negated", "temporality": "recent", "experiencer": "patient"})"
                 "\n");
    return p;
  }();
  return path;
}

struct Command {
  const char* name;
  std::vector<std::string> args;  // after the global options
  std::string stdin_text;
};

// Every command that loads the knowledge base, each in a form that succeeds on a good copy.
std::vector<Command> AllCommands() {
  return {
      {"assess_text", {"assess", "my eye twitches"}, ""},
      {"assess_evidence", {"assess", "--evidence", "facial_droop=absent"}, ""},
      {"parse", {"parse", "my eye twitches"}, ""},
      {"interview_json", {"interview", "--json"}, R"({"age": 30, "text": "my eye twitches"})"},
      {"context_jsonl", {"context", "--jsonl"}, "{\"sentence\": \"I have no pain\", \"target\": \"pain\"}\n"},
      {"eval_vignettes", {"eval", "vignettes", VignetteFile()}, ""},
      {"eval_interview", {"eval", "interview", VignetteFile()}, ""},
      {"eval_context", {"eval", "context", ContextFile()}, ""},
      {"kb_lint", {"kb", "lint"}, ""},
      {"diary_list", {"diary", "--db", Scratch() + "/diary.sqlite", "list"}, ""},
  };
}

std::vector<std::string> With(std::vector<std::string> front, const std::vector<std::string>& back) {
  front.insert(front.end(), back.begin(), back.end());
  return front;
}

// stderr names `path` and no built-in "kb/..." path: every occurrence of the copy's
// directory taken out, no "kb/" is left.
void ExpectNamesOnly(const ProgramResult& r, const std::string& dir, const std::string& path, const std::string& what) {
  EXPECT_NE(r.err.find(path), std::string::npos) << what << ": stderr does not name " << path << ":\n" << r.err;
  std::string rest = r.err;
  for (size_t at; (at = rest.find(dir)) != std::string::npos;) rest.erase(at, dir.size());
  EXPECT_EQ(rest.find("kb/"), std::string::npos) << what << ": stderr names the built-in copy:\n" << r.err;
}

// The control: on an intact copy every command succeeds, so a failure below is the
// broken file's doing and nothing else's.
TEST(KbDirTest, IntactCopyWorksForEveryCommand) {
  const std::string dir = CopyKb("copy_intact");
  for (const Command& c : AllCommands()) {
    const ProgramResult r = Twitchcheck(With({"--kb", dir}, c.args), c.stdin_text);
    EXPECT_EQ(r.status, 0) << c.name << "\n" << r.err;
    EXPECT_FALSE(r.out.empty()) << c.name;
  }
  // Same output as the built-in copy.
  const ProgramResult mine = Twitchcheck({"--kb", dir, "--today", "2026-06-15", "assess", "--json", "my left eyelid twitches"});
  const ProgramResult builtin = Twitchcheck({"--today", "2026-06-15", "assess", "--json", "my left eyelid twitches"});
  ASSERT_EQ(mine.status, 0) << mine.err;
  EXPECT_EQ(mine.out, builtin.out);
}

enum class How {
  kAppend,   // `text` appended: a YAML syntax error
  kReplace,  // the file replaced by `text`: valid YAML of the wrong shape, caught past the parser
  kFifo,     // a FIFO with no writer in the file's place: refused, not waited on
  kDevZero,  // a link to /dev/zero: refused, not read without end
};

struct Breakage {
  const char* name;
  const char* file;
  How how;
  const char* text;
};

const char kBadYaml[] = "\nbroken: [unclosed\n  - : :\n";

const Breakage kBreakages[] = {
    {"findings_bad_yaml", "findings.yaml", How::kAppend, kBadYaml},
    {"lexicon_bad_yaml", "lexicon.yaml", How::kAppend, kBadYaml},
    {"context_rules_bad_yaml", "context_rules.yaml", How::kAppend, kBadYaml},
    {"findings_wrong_shape", "findings.yaml", How::kReplace, "findings: 7\n"},
    {"lexicon_wrong_shape", "lexicon.yaml", How::kReplace, "version: 1\nnot_a_section: 1\n"},
    {"context_rules_wrong_shape", "context_rules.yaml", How::kReplace, "version: 1\nnot_a_key: 1\n"},
    {"findings_fifo", "findings.yaml", How::kFifo, ""},
    // diary.yaml is the diary's, not the engine's; it is a file of DIR all the same.
    {"diary_bad_yaml", "diary.yaml", How::kAppend, kBadYaml},
    {"diary_wrong_shape", "diary.yaml", How::kReplace, "caffeine: {source: x, drinks: {beer: {mg: 90}}}\n"},
    {"diary_fifo", "diary.yaml", How::kFifo, ""},
    {"diary_dev_zero", "diary.yaml", How::kDevZero, ""},
};

class BrokenKbTest : public ::testing::TestWithParam<Breakage> {};

TEST_P(BrokenKbTest, EveryCommandFailsNamingTheFileInDir) {
  const Breakage& b = GetParam();
  const std::string dir = CopyKb(std::string("copy_") + b.name);
  const std::string path = dir + "/" + b.file;
  switch (b.how) {
    case How::kAppend: std::ofstream(path, std::ios::app) << b.text; break;
    case How::kReplace: WriteFile(path, b.text); break;
    case How::kFifo:
      fs::remove(path);
      ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
      break;
    case How::kDevZero:
      fs::remove(path);
      fs::create_symlink("/dev/zero", path);
      break;
  }
  for (const Command& c : AllCommands()) {
    const ProgramResult r = Twitchcheck(With({"--kb", dir}, c.args), c.stdin_text);
    EXPECT_EQ(r.status, 1) << c.name << "\nstdout:\n" << r.out << "\nstderr:\n" << r.err;
    ExpectNamesOnly(r, dir, path, c.name);
  }
}

INSTANTIATE_TEST_SUITE_P(Files, BrokenKbTest, ::testing::ValuesIn(kBreakages),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(KbDirTest, MissingDirIsNamedByEveryCommand) {
  const std::string dir = "/nonexistent/dir";
  for (const Command& c : AllCommands()) {
    const ProgramResult r = Twitchcheck(With({"--kb", dir}, c.args), c.stdin_text);
    EXPECT_EQ(r.status, 1) << c.name << "\n" << r.err;
    EXPECT_NE(r.err.find(dir + ": not a directory"), std::string::npos) << c.name << "\n" << r.err;
  }
}

// --kb after the subcommand and as --kb=DIR: the same copy is used.
TEST(KbDirTest, AnyPositionAndEqualsForm) {
  const std::string dir = CopyKb("copy_positions");
  const std::string path = dir + "/findings.yaml";
  std::ofstream(path, std::ios::app) << "\nbroken: [unclosed\n";
  const std::string db = Scratch() + "/positions.sqlite";
  const std::vector<std::vector<std::string>> lines = {
      {"assess", "--kb", dir, "my eye twitches"},
      {"assess", "my eye twitches", "--kb", dir},
      {"--kb=" + dir, "assess", "my eye twitches"},
      {"assess", "--json", "--kb=" + dir, "my eye twitches"},
      {"parse", "--json", "my eye twitches", "--kb=" + dir},
      {"kb", "lint", "--kb", dir},
      {"kb", "lint", "--kb=" + dir},
      {"interview", "--kb", dir, "--json"},
      {"eval", "vignettes", VignetteFile(), "--kb=" + dir},
      {"diary", "--db", db, "list", "--kb", dir},
      {"diary", "--kb=" + dir, "--db", db, "list"},
  };
  for (const auto& args : lines) {
    std::string shown;
    for (const auto& a : args) shown += a + " ";
    const ProgramResult r = Twitchcheck(args, "{}");
    EXPECT_EQ(r.status, 1) << shown << "\n" << r.err;
    ExpectNamesOnly(r, dir, path, shown);
  }
  // And a good copy given after the subcommand runs.
  const std::string good = CopyKb("copy_positions_good");
  EXPECT_EQ(Twitchcheck({"assess", "my eye twitches", "--kb=" + good}).status, 0);
  EXPECT_EQ(Twitchcheck({"kb", "lint", "--kb", good}).status, 0);
}

TEST(KbDirTest, KbWithoutValueIsBadUsage) {
  ProgramResult r = Twitchcheck({"assess", "my eye twitches", "--kb"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--kb needs a directory"), std::string::npos) << r.err;
  r = Twitchcheck({"--kb=", "assess", "my eye twitches"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--kb needs a value"), std::string::npos) << r.err;
}

// --- --today ------------------------------------------------------------------------

const char kSinceMonday[] = "my eyelid has twitched since Monday";

std::string DurationOf(const std::string& parse_json) {
  const nlohmann::json j = nlohmann::json::parse(parse_json);
  for (const auto& a : j["attributes"])
    if (a["kind"] == "duration") return a["value"].get<std::string>();
  return "";
}

// Days from the last Monday before `d` (a Monday counts back a whole week).
int DaysSinceMonday(std::chrono::year_month_day d) {
  using namespace std::chrono;
  const int back = static_cast<int>((weekday{sys_days{d}} - Monday).count());
  return back == 0 ? 7 : back;
}

std::string Days(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

TEST(TodayTest, SinceMondayCountsFromTheGivenDate) {
  using namespace std::chrono;
  const year_month_day tue{year{2026}, June, day{16}}, fri{year{2026}, June, day{19}};
  ASSERT_EQ(DaysSinceMonday(tue), 1);
  ASSERT_EQ(DaysSinceMonday(fri), 4);
  const ProgramResult a = Twitchcheck({"--today", "2026-06-16", "parse", "--json", kSinceMonday});
  const ProgramResult b = Twitchcheck({"parse", "--json", kSinceMonday, "--today=2026-06-19"});
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_EQ(DurationOf(a.out), Days(DaysSinceMonday(tue))) << a.out;
  EXPECT_EQ(DurationOf(b.out), Days(DaysSinceMonday(fri))) << b.out;
  EXPECT_NE(a.out, b.out);
  // Across a month and a leap day: Friday 2024-03-01 is 4 days after Monday 2024-02-26.
  const ProgramResult leap = Twitchcheck({"parse", "--today", "2024-03-01", "--json", kSinceMonday});
  ASSERT_EQ(leap.status, 0) << leap.err;
  EXPECT_EQ(DurationOf(leap.out), Days(DaysSinceMonday(year{2024} / March / day{1}))) << leap.out;
}

TEST(TodayTest, SameDateGivesByteIdenticalOutput) {
  const ProgramResult a = Twitchcheck({"--today", "2026-06-17", "parse", "--json", kSinceMonday});
  const ProgramResult b = Twitchcheck({"--today", "2026-06-17", "parse", "--json", kSinceMonday});
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_FALSE(a.out.empty());
  EXPECT_EQ(a.out, b.out);
  const ProgramResult c = Twitchcheck({"--today", "2026-06-17", "assess", "--json", kSinceMonday});
  const ProgramResult d = Twitchcheck({"assess", "--json", kSinceMonday, "--today", "2026-06-17"});
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_EQ(c.out, d.out);
}

// The date reaches the interview too: "since May 1" is under two weeks on May 10 and over
// two weeks on June 15.
TEST(TodayTest, InterviewUsesTheGivenDate) {
  const std::string req = R"({"age": 30, "text": "my eyelid has twitched since May 1", "described": true})";
  auto status_of = [](const ProgramResult& r, const std::string& id) {
    const nlohmann::json doc = nlohmann::json::parse(r.out);
    for (const auto& e : doc["evidence"])
      if (e["id"] == id) return e["status"].get<std::string>();
    return std::string("none");
  };
  const ProgramResult early = Twitchcheck({"--today", "2026-05-10", "interview", "--json"}, req);
  const ProgramResult late = Twitchcheck({"interview", "--json", "--today", "2026-06-15"}, req);
  ASSERT_EQ(early.status, 0) << early.err;
  ASSERT_EQ(late.status, 0) << late.err;
  EXPECT_EQ(status_of(early, "duration_under_two_weeks"), "present") << early.out;
  EXPECT_EQ(status_of(early, "duration_over_two_weeks"), "absent") << early.out;
  EXPECT_EQ(status_of(late, "duration_under_two_weeks"), "absent") << late.out;
  EXPECT_EQ(status_of(late, "duration_over_two_weeks"), "present") << late.out;
}

TEST(TodayTest, BadDateIsBadUsage) {
  for (const char* bad : {"2026-13-01", "yesterday", "2026-02-30", "2026-6-15", "1899-12-31"}) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--today", bad, "parse", "--json", kSinceMonday},
             {"parse", "--json", kSinceMonday, std::string("--today=") + bad},
             {"assess", "--today", bad, kSinceMonday}}) {
      const ProgramResult r = Twitchcheck(args);
      EXPECT_EQ(r.status, 2) << bad << "\n" << r.out << r.err;
      EXPECT_TRUE(r.out.empty()) << bad << ": " << r.out;
      EXPECT_NE(r.err.find(std::string("--today must be a date YYYY-MM-DD, not '") + bad + "'"), std::string::npos)
          << r.err;
    }
  }
  ProgramResult r = Twitchcheck({"parse", kSinceMonday, "--today"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--today needs a date"), std::string::npos) << r.err;
}

}  // namespace
