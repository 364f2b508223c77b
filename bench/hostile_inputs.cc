// The hostile-input benchmark (issue 11): builds each reproducer, runs the program on it
// as a user would, and reports wall time, peak memory (of the whole command) and the
// first line the program printed. The bar: under 1 s and under 300 MB, or refused with a
// clear message.
//
//   build/hostile_inputs [--binary PATH] [--shared DIR] [--work DIR] [--filter TEXT]
//
// --binary runs another build (e.g. an older one, for before/after figures); --shared is
// ../shared/robustness by default. Each command runs under `timeout 30`. Exit status 1
// when a case misses the bar.
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Case {
  const char* finding;
  const char* name;
  std::function<std::string(const std::string& work)> setup;  // returns the shell command ($T = program)
};

void Write(const std::string& path, const std::string& text) {
  fs::remove(path);
  std::ofstream(path, std::ios::binary) << text;
}

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string Nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string g_shared, g_kb;

// A copy of kb/ in work/name; returns its path.
std::string CopyKb(const std::string& work, const std::string& name) {
  const std::string dir = work + "/" + name;
  fs::remove_all(dir);
  fs::copy(g_kb, dir, fs::copy_options::recursive);
  return dir;
}

void AppendChain(const std::string& dir, size_t n) {
  std::ofstream out(dir + "/findings.yaml", std::ios::app);
  for (size_t i = 0; i < n; ++i)
    out << "  - {id: syn_" << i << ", name: Synthetic, category: symptom, leak: 0.01, question: Q?, "
        << "sources: [doc_muscle_twitching], implies: "
        << (i + 1 < n ? "[syn_" + std::to_string(i + 1) + "]" : std::string("[]")) << "}\n";
}

void Replace(const std::string& path, const std::string& from, const std::string& to) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  Write(path, text);
}

std::vector<Case> Cases() {
  return {
      {"F1", "no weakness x4000 (52 KB), assess",
       [](const std::string&) { return "$T assess --text-file " + g_shared + "/cubic_one_sentence_no_weakness_x4000.txt"; }},
      {"F1", "my sister has MS. x3000, assess",
       [](const std::string& w) {
         Write(w + "/ms3000.txt", Repeat("my sister has MS. ", 3000));
         return "$T assess --text-file " + w + "/ms3000.txt";
       }},
      {"F1", "eyelid twitches, no weakness, to 1 MB, assess",
       [](const std::string& w) {
         Write(w + "/cubic1mb.txt", Repeat("my eyelid twitches, no weakness, ", 1000000 / 33));
         return "$T assess --text-file " + w + "/cubic1mb.txt";
       }},
      {"F1", "prose with full stops, 1 MB, assess",
       [](const std::string& w) {
         Write(w + "/prose1mb.txt",
               Repeat("For two weeks my left eyelid has twitched. I drink four coffees a day and sleep badly. ",
                      1000000 / 87));
         return "$T assess --text-file " + w + "/prose1mb.txt";
       }},
      {"F1", "interview --json with a 10 MB text",
       [](const std::string& w) {
         Write(w + "/big_request.json", "{\"age\": 30, \"text\": \"" + Repeat("my eyelid twitches. ", 500000) + "\"}");
         return "$T interview --json < " + w + "/big_request.json";
       }},
      {"F2", "bytes 0xFF inside words, assess --json",
       [](const std::string&) { return "$T assess --json --text-file " + g_shared + "/utf8_span_json_internal_error.txt"; }},
      {"F3", "implies chain of 20,000, kb lint",
       [](const std::string& w) {
         const std::string d = CopyKb(w, "kb_chain20000");
         AppendChain(d, 20000);
         return "$T --kb " + d + " kb lint";
       }},
      {"F3", "implies chain of 100,000, kb lint",
       [](const std::string& w) {
         const std::string d = CopyKb(w, "kb_chain100000");
         AppendChain(d, 100000);
         return "$T --kb " + d + " kb lint";
       }},
      {"F4", "vignette id nested 50,000 deep, eval vignettes",
       [](const std::string& w) {
         Write(w + "/deep.jsonl", "{\"id\": " + Nested(50000) + ", \"text\": \"my eye twitches\", \"triage\": \"self_care\", \"age\": 30}\n");
         return "$T eval vignettes " + w + "/deep.jsonl";
       }},
      {"F4", "vignette id nested 50,000 deep, eval interview",
       [](const std::string& w) { return "$T eval interview " + w + "/deep.jsonl"; }},
      {"F4", "interview request nested 50,000 deep",
       [](const std::string& w) {
         Write(w + "/deep_request.json", "{\"age\": 30, \"evidence\": " + Nested(50000) + "}");
         return "$T interview --json < " + w + "/deep_request.json";
       }},
      {"F4", "interview request with 100,000 evidence items",
       [](const std::string& w) {
         std::string body = "{\"age\": 30, \"evidence\": [";
         for (int i = 0; i < 100000; ++i) body += std::string(i ? "," : "") + "{\"id\":\"eyelid_twitch\",\"status\":\"present\"}";
         Write(w + "/many_evidence.json", body + "]}");
         return "$T interview --json < " + w + "/many_evidence.json";
       }},
      {"F5", "prior age factor 1e300, kb lint",
       [](const std::string& w) {
         const std::string d = CopyKb(w, "kb_f5_age");
         Replace(d + "/conditions.yaml", "max_age: 12,", "max_age: 1e300,");
         return "$T --kb " + d + " kb lint";
       }},
      {"F5", "lexicon limit 1e308, assess",
       [](const std::string& w) {
         const std::string d = CopyKb(w, "kb_f5_lexicon");
         Replace(d + "/lexicon.yaml", "  age_years: 120", "  age_years: 1e308");
         return "$T --kb " + d + " assess 'I am 45 and my eyelid twitches'";
       }},
      {"F6", "assess --text-file /dev/zero", [](const std::string&) { return std::string("$T assess --text-file /dev/zero"); }},
      {"F6", "yes x | assess -", [](const std::string&) { return std::string("yes x | $T assess -"); }},
      {"F7", "context --jsonl, one 26 KB sentence",
       [](const std::string&) { return "$T context --jsonl < " + g_shared + "/context_locate_cubic.jsonl"; }},
      {"F8", "flow nesting 100,000 deep in a knowledge file",
       [](const std::string& w) {
         const std::string d = CopyKb(w, "kb_f8");
         Write(d + "/advice.yaml", "advice: " + std::string(100000, '[') + "\n");
         return "$T --kb " + d + " kb lint";
       }},
      {"F8", "flow nesting 1,000,000 deep in a knowledge file",
       [](const std::string& w) {
         const std::string d = CopyKb(w, "kb_f8_1m");
         Write(d + "/advice.yaml", "advice: " + std::string(1000000, '[') + "\n");
         return "$T --kb " + d + " kb lint";
       }},
      {"F9", "50,000 findings, kb lint",
       [](const std::string& w) {
         const std::string d = CopyKb(w, "kb_f9");
         AppendChain(d, 50000);
         return "$T --kb " + d + " kb lint";
       }},
      {"F10", "No MS. Eyelid twitching. (parse --json)",
       [](const std::string&) { return "$T parse --json --text-file " + g_shared + "/ms_negation_leak.txt"; }},
      {"F11", "a knowledge file that is a FIFO",
       [](const std::string& w) {
         const std::string d = CopyKb(w, "kb_f11_fifo");
         fs::remove(d + "/advice.yaml");
         ::mkfifo((d + "/advice.yaml").c_str(), 0600);
         return "$T --kb " + d + " kb lint";
       }},
      {"F11", "a knowledge file linked to /dev/zero",
       [](const std::string& w) {
         const std::string d = CopyKb(w, "kb_f11_zero");
         fs::remove(d + "/lexicon.yaml");
         fs::create_symlink("/dev/zero", d + "/lexicon.yaml");
         return "$T --kb " + d + " kb lint";
       }},
      {"F12", "Windows-1252 apostrophe (parse --json)",
       [](const std::string& w) {
         Write(w + "/cp1252.txt", "I don\x92t have any weakness");
         return "$T parse --json --text-file " + w + "/cp1252.txt";
       }},
  };
}

struct Result {
  int status = -1;
  double seconds = 0;
  long peak_kb = 0;
  std::string first_line;
};

// Runs `cmd` with sh in a child of a child: the grandparent reads the child's
// RUSAGE_CHILDREN, which covers every process of the command and nothing else.
Result RunCommand(const std::string& cmd, const std::string& work) {
  Result r;
  const std::string out_file = work + "/output.txt";
  int pipefd[2];
  if (::pipe(pipefd) != 0) return r;
  const auto start = std::chrono::steady_clock::now();
  const pid_t monitor = ::fork();
  if (monitor == 0) {
    ::close(pipefd[0]);
    // The command's own "< file" wins over the outer /dev/null.
    const std::string full = "( " + cmd + " ) < /dev/null > " + out_file + " 2>&1";
    const pid_t sh = ::fork();
    if (sh == 0) {
      ::execl("/bin/sh", "sh", "-c", full.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    int st = 0;
    ::waitpid(sh, &st, 0);
    struct rusage ru;
    ::getrusage(RUSAGE_CHILDREN, &ru);
    long out[2] = {WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st), ru.ru_maxrss};
    if (::write(pipefd[1], out, sizeof out) != sizeof out) ::_exit(1);
    ::_exit(0);
  }
  ::close(pipefd[1]);
  long got[2] = {-1, 0};
  if (::read(pipefd[0], got, sizeof got) != sizeof got) got[0] = -1;
  ::close(pipefd[0]);
  ::waitpid(monitor, nullptr, 0);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.status = static_cast<int>(got[0]);
  r.peak_kb = got[1];
  std::ifstream in(out_file);
  std::getline(in, r.first_line);
  if (r.first_line.size() > 110) r.first_line = r.first_line.substr(0, 110) + "...";
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::string binary = TWITCHCHECK_BINARY;
  g_shared = std::string(TWITCHCHECK_SOURCE_DIR) + "/../shared/robustness";
  g_kb = std::string(TWITCHCHECK_SOURCE_DIR) + "/kb";
  std::string work = (fs::temp_directory_path() / "twitchcheck_hostile_bench").string();
  std::string filter;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--binary") binary = argv[i + 1];
    else if (a == "--shared") g_shared = argv[i + 1];
    else if (a == "--work") work = argv[i + 1];
    else if (a == "--filter") filter = argv[i + 1];
    else {
      std::fprintf(stderr, "usage: hostile_inputs [--binary PATH] [--shared DIR] [--work DIR] [--filter TEXT]\n");
      return 2;
    }
  }
  fs::create_directories(work);
  ::setenv("T", ("timeout 30 " + binary).c_str(), 1);
  std::printf("%-4s %-50s %4s %8s %8s  %s\n", "", "reproducer", "exit", "seconds", "peak MB", "first line of output");
  int missed = 0;
  for (const Case& c : Cases()) {
    const std::string label = std::string(c.finding) + " " + c.name;
    if (!filter.empty() && label.find(filter) == std::string::npos) continue;
    const std::string cmd = c.setup(work);
    const Result r = RunCommand(cmd, work);
    // 0-3 are the exit statuses of SPEC.md §4; 70 (internal error), 124 (timeout) or a signal miss.
    const bool ok = r.seconds < 1.0 && r.peak_kb < 300 * 1024 && r.status >= 0 && r.status <= 3;
    missed += !ok;
    std::printf("%-4s %-50s %4d %8.3f %8.1f  %s%s\n", c.finding, c.name, r.status, r.seconds, r.peak_kb / 1024.0,
                ok ? "" : "[MISSES THE BAR] ", r.first_line.c_str());
    std::fflush(stdout);
  }
  return missed ? 1 : 0;
}
