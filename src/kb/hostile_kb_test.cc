// Hostile knowledge bases (issue 11): each test copies the real kb/ into a temporary
// directory, breaks one thing in it, and checks that loading refuses it with a message at
// the right path and line, quickly and without a crash. Named after the findings.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "kb/embedded.h"
#include "kb/kb_files.h"
#include "kb/knowledge.h"
#include "kb/lint.h"
#include "testing/test_support.h"

namespace twitchcheck {
namespace {

namespace fs = std::filesystem;

// A fresh copy of the real knowledge base; returns its directory.
std::string CopyKb(const std::string& name) {
  // Per process: other checkouts' tests may run at the same time on this machine.
  const fs::path dir = fs::temp_directory_path() / ("twitchcheck_hostile_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(dir);
  fs::copy(fs::path(TWITCHCHECK_SOURCE_DIR) / "kb", dir, fs::copy_options::recursive);
  return dir.string();
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Write(const std::string& path, const std::string& text) {
  fs::remove(path);
  std::ofstream(path, std::ios::binary) << text;
}

// Replaces the first `from` in dir/file with `to`.
void Edit(const std::string& dir, const std::string& file, const std::string& from, const std::string& to) {
  std::string text = Read(dir + "/" + file);
  const size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  Write(dir + "/" + file, text);
}

// Loads dir; expects failure and returns every issue, one per line.
std::string LoadErrors(const std::string& dir) {
  std::vector<KbIssue> errors;
  std::unique_ptr<Knowledge> kb = LoadKnowledge(nullptr, dir, &errors);
  EXPECT_EQ(kb, nullptr);
  std::string all;
  for (const KbIssue& e : errors) all += e.ToString() + "\n";
  return all;
}

// The 1-based line of the first occurrence of `needle` in dir/file.
int LineOf(const std::string& dir, const std::string& file, const std::string& needle) {
  const std::string text = Read(dir + "/" + file);
  const size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

// `n` synthetic findings syn_0 -> syn_1 -> ... (as shared/robustness/make_implies_chain.sh
// writes them); with `cycle`, the last implies the first.
void AppendImpliesChain(const std::string& dir, int n, bool cycle) {
  std::ofstream out(dir + "/findings.yaml", std::ios::app);
  for (int i = 0; i < n; ++i) {
    std::string next = i + 1 < n ? "[syn_" + std::to_string(i + 1) + "]" : cycle ? "[syn_0]" : "[]";
    out << "  - {id: syn_" << i << ", name: Synthetic, category: symptom, leak: 0.01, question: Q?, "
        << "sources: [doc_muscle_twitching], implies: " << next << "}\n";
  }
}

TEST(LoaderTest, RealKnowledgeBaseLoadsFromDisk) {
  std::vector<KbIssue> errors;
  EXPECT_NE(LoadKnowledge(nullptr, CopyKb("real"), &errors), nullptr) << (errors.empty() ? "" : errors[0].ToString());
}

TEST(LoaderTest, F3_ImpliesChain20000IsIterative) {
  const std::string dir = CopyKb("f3");
  AppendImpliesChain(dir, 20000, /*cycle=*/false);
  std::vector<KbIssue> errors;
  std::unique_ptr<Knowledge> kb = LoadKnowledge(nullptr, dir, &errors);
  ASSERT_NE(kb, nullptr) << (errors.empty() ? "" : errors[0].ToString());
  EXPECT_EQ(kb->implied_by[kb->FindingIndex("syn_19999")].size(), 1u);
}

TEST(LoaderTest, F3_ImpliesCycleOf20000IsReportedOnce) {
  const std::string dir = CopyKb("f3_cycle");
  AppendImpliesChain(dir, 20000, /*cycle=*/true);
  const std::string errors = LoadErrors(dir);
  EXPECT_NE(errors.find("'implies' forms a cycle: syn_0 -> syn_1 -> "), std::string::npos) << errors.substr(0, 500);
  EXPECT_EQ(std::count(errors.begin(), errors.end(), '\n'), 1);
}

TEST(LoaderTest, F9_LintOf50000FindingsIsLinear) {
  const std::string dir = CopyKb("f9");
  AppendImpliesChain(dir, 50000, /*cycle=*/false);
  std::vector<KbIssue> errors;
  std::unique_ptr<Knowledge> kb = LoadKnowledge(nullptr, dir, &errors);
  ASSERT_NE(kb, nullptr) << (errors.empty() ? "" : errors[0].ToString());
  const CoverageReport r = Coverage(*kb);  // was O(findings^2): minutes under ASan
  EXPECT_EQ(r.findings_linked_to_nothing.size(), 50000u);
}

TEST(LoaderTest, F8_FlowNesting100000DeepIsRefused) {
  for (const char* open : {"[", "{a: "}) {
    const std::string dir = CopyKb("f8");
    std::string deep = "advice: ";
    for (int i = 0; i < 100000; ++i) deep += open;
    Write(dir + "/advice.yaml", deep + "\n");
    const std::string errors = LoadErrors(dir);
    EXPECT_NE(errors.find(dir + "/advice.yaml:1: not valid YAML: nested deeper than the limit of 32 levels"),
              std::string::npos)
        << errors;
  }
}

TEST(LoaderTest, F8_BlockNestingDeepIsRefused) {
  const std::string dir = CopyKb("f8_block");
  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += std::string(static_cast<size_t>(i), ' ') + "k" + std::to_string(i) + ":\n";
  Write(dir + "/advice.yaml", deep);
  EXPECT_NE(LoadErrors(dir).find("nested deeper than the limit of 32 levels"), std::string::npos);
}

TEST(LoaderTest, F8_TooManyValuesAreRefused) {
  const std::string dir = CopyKb("f8_values");
  std::string wide = "advice: [";
  for (int i = 0; i < 1'100'000; ++i) wide += "a,";
  Write(dir + "/advice.yaml", wide + "]\n");
  EXPECT_NE(LoadErrors(dir).find("more than the limit of 1000000 values in one file"), std::string::npos);
}

TEST(LoaderTest, F5_PriorAgeFactor1e300IsRefusedBeforeConversion) {
  const std::string dir = CopyKb("f5_age");
  Edit(dir, "conditions.yaml", "max_age: 12,", "max_age: 1e300,");
  const int line = LineOf(dir, "conditions.yaml", "max_age: 1e300");
  EXPECT_NE(LoadErrors(dir).find(dir + "/conditions.yaml:" + std::to_string(line) +
                                 ": prior factor 'max_age' must be a whole number of years from 0 to 120, not '1e300'"),
            std::string::npos);
}

TEST(LoaderTest, F5_LexiconLimit1e308IsRefused) {
  const std::string dir = CopyKb("f5_lexicon");
  Edit(dir, "lexicon.yaml", "  age_years: 120", "  age_years: 1e308");
  const int line = LineOf(dir, "lexicon.yaml", "age_years: 1e308");
  const std::string errors = LoadErrors(dir);
  EXPECT_NE(errors.find(dir + "/lexicon.yaml:" + std::to_string(line) + ": number 1e308 is out of range"),
            std::string::npos)
      << errors;
}

TEST(LoaderTest, F5_HugeNumbersAnywhereAreRefused) {
  struct Case {
    const char* file;
    const char* from;
    const char* to;
  } cases[] = {
      {"context_rules.yaml", "{max_scope: 15}", "{max_scope: 1e19}"},
      {"lexicon.yaml", "dozen: 12", "dozen: 0x7fffffffffffffff"},
      {"findings.yaml", "min: 14}", "min: 1e12}"},
      {"lexicon.yaml", "dozen: 12", "dozen: 1e999"},
  };
  for (const Case& c : cases) {
    const std::string dir = CopyKb("f5_any");
    Edit(dir, c.file, c.from, c.to);
    const std::string errors = LoadErrors(dir);
    EXPECT_NE(errors.find(std::string(c.file) + ":"), std::string::npos) << c.to << "\n" << errors;
    EXPECT_NE(errors.find("out of range"), std::string::npos) << c.to << "\n" << errors;
  }
}

TEST(LoaderTest, F14_NegativeOrFractionalAgesAreRefused) {
  for (const char* age : {"-3", "12.5", "121"}) {
    const std::string dir = CopyKb("f14_age");
    Edit(dir, "conditions.yaml", "max_age: 12,", std::string("max_age: ") + age + ",");
    EXPECT_NE(LoadErrors(dir).find(std::string("must be a whole number of years from 0 to 120, not '") + age + "'"),
              std::string::npos)
        << age;
  }
}

TEST(LoaderTest, F11_FifoIsRefusedWithoutBlocking) {
  const std::string dir = CopyKb("f11_fifo");
  fs::remove(dir + "/advice.yaml");
  ASSERT_EQ(::mkfifo((dir + "/advice.yaml").c_str(), 0600), 0);
  EXPECT_NE(LoadErrors(dir).find(dir + "/advice.yaml: the file is a FIFO (named pipe), not a regular file"),
            std::string::npos);
}

TEST(LoaderTest, F11_LinkToDevZeroIsRefused) {
  const std::string dir = CopyKb("f11_zero");
  fs::remove(dir + "/lexicon.yaml");
  fs::create_symlink("/dev/zero", dir + "/lexicon.yaml");
  EXPECT_NE(LoadErrors(dir).find("lexicon.yaml: the file (a link to '/dev/zero') is a character device"),
            std::string::npos);
}

TEST(LoaderTest, F11_DirectoryIsRefused) {
  const std::string dir = CopyKb("f11_dir");
  fs::remove(dir + "/sources.yaml");
  fs::create_directory(dir + "/sources.yaml");
  EXPECT_NE(LoadErrors(dir).find("sources.yaml: the file is a directory, not a regular file"), std::string::npos);
}

TEST(LoaderTest, F6_OversizedKnowledgeFileIsRefused) {
  const std::string dir = CopyKb("f6_size");
  Write(dir + "/advice.yaml", std::string(kMaxKnowledgeFileBytes + 1, '#'));
  EXPECT_NE(LoadErrors(dir).find("advice.yaml: the file is larger than the limit of 8 MiB"), std::string::npos);
}

struct F14Case {
  const char* name;
  const char* file;
  const char* from;
  const char* to;
  const char* at;        // text on the line the message must name
  const char* expected;  // part of the message
};

const F14Case kF14Cases[] = {
    {"duplicate_key", "findings.yaml", "    category: symptom\n", "    category: symptom\n    category: sign\n",
     "category: sign", "duplicate key 'category' (first at line"},
    {"misspelt_key", "findings.yaml", "    sources: [", "    sorces: [", "sorces:",
     "finding: unknown key 'sorces' (did you mean 'sources'?)"},
    {"unknown_key", "advice.yaml", "    kind: ", "    colour: blue\n    kind: ", "colour: blue",
     "advice item: unknown key 'colour'"},
    {"misspelt_link_key", "conditions.yaml", "strength: ", "strenght: ", "strenght: ",
     "link: unknown key 'strenght' (did you mean 'strength'?)"},
    {"misspelt_top_level", "meta.yaml", "disclaimer:", "disclamer: x\ndisclaimer:", "disclamer:",
     "unknown key 'disclamer' (did you mean 'disclaimer'?)"},
    {"second_document", "sources.yaml", "sources:", "sources: []\n---\nsources:", "---",
     "a second YAML document ('---')"},
    {"tag", "findings.yaml", "    leak: ", "    leak: !!float ", "leak: !!float", "YAML tags ('tag:yaml.org,2002:float')"},
    {"custom_tag", "red_flags.yaml", "    reason: ", "    reason: !shell ", "reason: !shell", "YAML tags ('!shell')"},
    {"anchor", "advice.yaml", "    title: ", "    title: &t ", "title: &t", "anchors ('&t')"},
    {"empty_phrase", "findings.yaml", "    phrases: [", "    phrases: [\"  \", ", "phrases: [\"  \"",
     "has an empty phrase"},
    {"empty_phrase_part", "findings.yaml", "    phrases: [", "    phrases: [eye ... , ", "phrases: [eye ...",
     "has an empty part around '...'"},
    {"encoding_error", "advice.yaml", "    title: ", "    title: caf\xff ", "caf\xff", "invalid"},
    {"leak_at_its_line", "findings.yaml", "    leak: 0.", "    leak: 7", "leak: 7", "leak"},
    {"unknown_category_at_its_line", "findings.yaml", "    category: symptom", "    category: feeling",
     "category: feeling", "unknown category 'feeling'"},
    {"unknown_source_at_its_line", "findings.yaml", "    sources: [", "    sources: [\n      doc_nowhere,\n      ",
     "doc_nowhere", "unknown source 'doc_nowhere'"},
};

class F14Test : public ::testing::TestWithParam<F14Case> {};

TEST_P(F14Test, RefusedAtTheRealPathAndLine) {
  const F14Case& c = GetParam();
  const std::string dir = CopyKb(std::string("f14_") + c.name);
  Edit(dir, c.file, c.from, c.to);
  const std::string want = dir + "/" + c.file + ":" + std::to_string(LineOf(dir, c.file, c.at)) + ": ";
  const std::string errors = LoadErrors(dir);
  bool found = false;
  std::istringstream lines(errors);
  for (std::string line; std::getline(lines, line);)
    found |= line.rfind(want, 0) == 0 && line.find(c.expected) != std::string::npos;
  EXPECT_TRUE(found) << "expected: " << want << "..." << c.expected << "\ngot:\n" << errors;
}

INSTANTIATE_TEST_SUITE_P(Cases, F14Test, ::testing::ValuesIn(kF14Cases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(LoaderTest, F14_MisspeltFileNameIsReported) {
  const std::string dir = CopyKb("f14_file");
  fs::rename(dir + "/red_flags.yaml", dir + "/red_flag.yaml");
  const std::string errors = LoadErrors(dir);
  EXPECT_NE(errors.find(dir + "/red_flag.yaml: not a knowledge-base file"), std::string::npos) << errors;
  EXPECT_NE(errors.find(dir + "/red_flags.yaml: file is missing"), std::string::npos) << errors;
}

TEST(LoaderTest, PreParsedFilesLoadAsTheTexts) {
  std::map<std::string, std::string> files;
  std::map<std::string, YamlNode> parsed;
  for (const EmbeddedFile& f : EmbeddedKnowledgeFiles()) {
    files[std::string(f.name)] = std::string(f.text);
    if (f.name != "findings.yaml") parsed[std::string(f.name)] = ParseYaml(f.text, KnowledgeYamlLimits());
  }
  std::vector<KbIssue> errors;
  std::unique_ptr<Knowledge> kb = LoadKnowledgeFiles(files, "kb/", &errors, &parsed);
  ASSERT_NE(kb, nullptr);
  EXPECT_EQ(kb->findings.size(), fixtures::BuiltinKb().findings.size());
  EXPECT_EQ(kb->conditions.size(), fixtures::BuiltinKb().conditions.size());
}

TEST(LoaderTest, F14_BuiltInCopyIsNamedAsKb) {
  std::vector<KbIssue> errors;
  ASSERT_NE(LoadKnowledge(nullptr, "", &errors), nullptr);
  EXPECT_EQ((KbIssue{"kb/findings.yaml", 3, "x"}).ToString(), "kb/findings.yaml:3: x");
}

}  // namespace
}  // namespace twitchcheck
