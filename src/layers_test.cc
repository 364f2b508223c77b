// The layer rules of docs/architecture.md, checked on the sources: every #include "..." of
// a library or app file must name a folder its layer may use. Includes only run one way
// (core <- kb <- text, engine <- report <- api), text and engine never include each other,
// renderers see only report types, and the faces (CLI, evaluators, benchmark, the JSON
// fuzzer) use only the public API. Test files may reach across layers.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace twitchcheck {
namespace {

namespace fs = std::filesystem;

// What each source folder may include, by the first path component of the include
// ("kb/knowledge.h" -> "kb"); public headers are named in full ("twitchcheck/report.h").
const std::map<std::string, std::set<std::string>>& Allowed() {
  static const std::set<std::string> kPublicCore = {"twitchcheck/types.h", "twitchcheck/status.h",
                                                    "twitchcheck/env.h"};
  static const std::set<std::string> kPublic = {"twitchcheck/types.h", "twitchcheck/status.h",
                                                "twitchcheck/env.h",   "twitchcheck/report.h",
                                                "twitchcheck/engine.h", "twitchcheck/json.h"};
  auto with = [](std::set<std::string> a, std::initializer_list<std::string> more) {
    a.insert(more.begin(), more.end());
    return a;
  };
  static const std::map<std::string, std::set<std::string>> rules = {
      {"include/twitchcheck", kPublic},
      {"src/core", with(kPublicCore, {"core"})},
      {"src/kb", with(kPublicCore, {"core", "kb"})},
      {"src/text", with(kPublicCore, {"core", "kb", "text"})},
      {"src/engine", with(kPublicCore, {"core", "kb", "engine"})},
      {"src/report", with(kPublicCore, {"core", "kb", "text", "engine", "report", "twitchcheck/report.h"})},
      {"src/api", with(kPublic, {"core", "kb", "text", "engine", "report", "api"})},
      {"src/wire", with(kPublic, {"core", "wire"})},
      {"src/render", with(kPublicCore, {"render", "twitchcheck/report.h"})},
      {"src/diary", with(kPublicCore, {"core", "kb", "diary"})},
      {"src/eval", with(kPublic, {"core", "eval"})},
      {"src/cli", with(kPublic, {"core", "cli", "render", "diary", "eval"})},
      {"bench", kPublic},
      {"bench/diary_bench.cc", with(kPublic, {"diary"})},  // the diary library's own speed
      {"fuzz/json_fuzz.cc", with(kPublic, {"eval"})},
      // The two layer fuzzers drive the loader and the tokenizer directly as well.
      {"fuzz/kb_fuzz.cc", with(kPublic, {"core", "kb", "text", "engine", "report"})},
      {"fuzz/reader_fuzz.cc", with(kPublic, {"text"})},
  };
  return rules;
}

// Third-party headers that must not appear in the public headers.
bool ThirdParty(const std::string& angle) {
  for (const char* p : {"nlohmann/", "fmt/", "yaml.h", "sqlite3.h", "Eigen/", "boost/", "gtest/"})
    if (angle.rfind(p, 0) == 0) return true;
  return false;
}

struct Violation {
  std::string file, include;
};

// The rule for `rel` (a path from the source root): the longest matching prefix.
const std::set<std::string>* RuleFor(const std::string& rel) {
  const std::set<std::string>* best = nullptr;
  size_t best_len = 0;
  for (const auto& [prefix, allowed] : Allowed())
    if (rel.rfind(prefix, 0) == 0 && prefix.size() > best_len) {
      best = &allowed;
      best_len = prefix.size();
    }
  return best;
}

bool Permitted(const std::set<std::string>& allowed, const std::string& include) {
  if (allowed.count(include)) return true;
  const std::string folder = include.substr(0, include.find('/'));
  return folder != "twitchcheck" && allowed.count(folder);
}

std::vector<Violation> Check(const fs::path& root) {
  std::vector<Violation> out;
  static const std::regex quoted(R"re(^\s*#\s*include\s+"([^"]+)")re");
  static const std::regex angled(R"re(^\s*#\s*include\s+<([^>]+)>)re");
  for (const char* top : {"include", "src", "bench", "fuzz"}) {
    if (!fs::exists(root / top)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / top)) {
      if (!entry.is_regular_file()) continue;
      const std::string rel = fs::relative(entry.path(), root).string();
      const std::string ext = entry.path().extension().string();
      if ((ext != ".cc" && ext != ".h") || rel.find("_test.cc") != std::string::npos ||
          rel.rfind("src/testing/", 0) == 0)
        continue;
      const std::set<std::string>* allowed = RuleFor(rel);
      if (!allowed) {
        out.push_back({rel, "(no layer rule for this file)"});
        continue;
      }
      std::ifstream in(entry.path());
      std::string line;
      std::smatch m;
      while (std::getline(in, line)) {
        if (std::regex_search(line, m, quoted) && !Permitted(*allowed, m[1])) out.push_back({rel, m[1]});
        if (rel.rfind("include/", 0) == 0 && std::regex_search(line, m, angled) && ThirdParty(m[1]))
          out.push_back({rel, "<" + std::string(m[1]) + "> (a third-party header in the public API)"});
      }
    }
  }
  return out;
}

TEST(Layers, EveryIncludeRunsOneWay) {
  const std::vector<Violation> bad = Check(TWITCHCHECK_SOURCE_DIR);
  std::string shown;
  for (const Violation& v : bad) shown += "  " + v.file + " includes " + v.include + "\n";
  EXPECT_TRUE(bad.empty()) << "includes against docs/architecture.md's layers:\n" << shown;
}

// The checker itself catches a wrong include: a knowledge-base file that includes the
// engine, and a renderer that reaches into the knowledge base.
TEST(Layers, TheCheckFindsAnArrowThatRunsBackUp) {
  const fs::path root = fs::path(::testing::TempDir()) / "layers_probe";
  fs::remove_all(root);
  fs::create_directories(root / "src/kb");
  fs::create_directories(root / "src/render");
  fs::create_directories(root / "include/twitchcheck");
  std::ofstream(root / "src/kb/loader.cc") << "#include \"kb/knowledge.h\"\n#include \"engine/model.h\"\n";
  std::ofstream(root / "src/render/terminal.cc") << "#include \"twitchcheck/report.h\"\n#include \"kb/knowledge.h\"\n";
  std::ofstream(root / "include/twitchcheck/engine.h") << "#include <nlohmann/json.hpp>\n";
  const std::vector<Violation> bad = Check(root);
  ASSERT_EQ(bad.size(), 3u);
  std::set<std::string> what;
  for (const Violation& v : bad) what.insert(v.file + " -> " + v.include);
  EXPECT_TRUE(what.count("src/kb/loader.cc -> engine/model.h"));
  EXPECT_TRUE(what.count("src/render/terminal.cc -> kb/knowledge.h"));
  EXPECT_EQ(what.size(), 3u);
  fs::remove_all(root);
}

}  // namespace
}  // namespace twitchcheck
