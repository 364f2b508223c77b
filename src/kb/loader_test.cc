#include "engine/model.h"
#include "kb/knowledge.h"
#include "testing/test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace twitchcheck {
namespace {

// A minimal valid knowledge base; each test case breaks one thing in it.
std::map<std::string, std::string> ValidFiles() {
  return {
      {"meta.yaml", "version: \"t1\"\npopulation: test\ndisclaimer: not a diagnosis\n"},
      {"sources.yaml",
       "sources:\n"
       "  - id: doc_a\n"
       "    title: Document A\n"
       "    file: a.txt\n"},
      {"findings.yaml",
       "findings:\n"
       "  - id: twitch\n"
       "    name: Twitching\n"
       "    category: symptom\n"
       "    leak: 0.5\n"
       "    phrases: [twitch]\n"
       "  - id: eyelid_twitch\n"
       "    name: Eyelid twitching\n"
       "    category: symptom\n"
       "    leak: 0.05\n"
       "    implies: [twitch]\n"
       "    phrases: [eyelid twitch]\n"},
      {"conditions.yaml",
       "conditions:\n"
       "  - id: cause_a\n"
       "    name: Cause A\n"
       "    description: d\n"
       "    mechanism: m\n"
       "    prior: 0.2\n"
       "    seriousness: benign\n"
       "    urgency: self_care\n"
       "    specialist: general_practice\n"
       "    advice: [rest]\n"
       "    sources: [doc_a]\n"
       "    links:\n"
       "      - {finding: eyelid_twitch, strength: 0.9, sources: [doc_a]}\n"},
      {"red_flags.yaml",
       "red_flags:\n"
       "  - id: flag_a\n"
       "    level: consultation\n"
       "    reason: r\n"
       "    when: [[eyelid_twitch]]\n"
       "    sources: [doc_a]\n"},
      {"advice.yaml",
       "advice:\n"
       "  - id: rest\n"
       "    kind: lifestyle\n"
       "    title: Rest\n"
       "    text: Sleep well.\n"
       "    sources: [doc_a]\n"},
  };
}

// Per process: other checkouts' tests may run at the same time on this machine.
std::string DirFor(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("twitchcheck_kb_" + std::to_string(::getpid()) + "_" + name)).string();
}

std::string WriteDir(const std::map<std::string, std::string>& files, const std::string& name) {
  std::string dir = DirFor(name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const auto& [f, text] : files) std::ofstream(dir + "/" + f) << text;
  return dir;
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(LoaderTest, ValidKnowledgeLoads) {
  std::vector<KbIssue> errors;
  auto kb = LoadKnowledge(nullptr, WriteDir(ValidFiles(), "valid"), &errors);
  ASSERT_NE(kb, nullptr) << (errors.empty() ? "" : errors[0].ToString());
  EXPECT_EQ(kb->version, "t1");
  EXPECT_EQ(CompileModel(*kb).network.parents[kb->FindingIndex("eyelid_twitch")].size(), 1u);
}

struct BadCase {
  const char* name;
  const char* file;
  const char* from;
  const char* to;
  const char* expected;  // substring of one reported issue, "file:line: message"
};

const BadCase kBadCases[] = {
    {"unknown_finding_in_link", "conditions.yaml", "finding: eyelid_twitch", "finding: eyelid_twich",
     "conditions.yaml:13: link cause_a -> unknown finding 'eyelid_twich'"},
    {"strength_out_of_range", "conditions.yaml", "strength: 0.9", "strength: 1.5",
     "conditions.yaml:13: link cause_a -> eyelid_twitch: strength 1.5"},
    {"prior_out_of_range", "conditions.yaml", "prior: 0.2", "prior: 0", "prior 0.0"},
    {"leak_out_of_range", "findings.yaml", "leak: 0.05", "leak: 1.0", "findings.yaml:10: finding 'eyelid_twitch': leak"},
    {"missing_source_on_link", "conditions.yaml", ", sources: [doc_a]}", "}", "cites no source"},
    {"missing_source_on_condition", "conditions.yaml", "    sources: [doc_a]\n", "", "condition 'cause_a' cites no source"},
    {"unknown_source", "advice.yaml", "sources: [doc_a]", "sources: [doc_b]", "advice.yaml:6: unknown source 'doc_b'"},
    {"duplicate_phrase", "findings.yaml", "phrases: [eyelid twitch]", "phrases: [twitch]",
     "phrase 'twitch' is claimed by both 'twitch' and 'eyelid_twitch'"},
    {"masks_unknown", "findings.yaml", "    phrases: [twitch]\n", "    phrases: [twitch]\n    masks: [eyelid_twich]\n",
     "finding 'twitch' masks unknown finding 'eyelid_twich'"},
    {"masks_itself", "findings.yaml", "    phrases: [twitch]\n", "    phrases: [twitch]\n    masks: [twitch]\n",
     "finding 'twitch' masks itself"},
    {"interview_weight_unknown", "meta.yaml", "population: test\n", "population: test\ninterview_weights: {grave: 2}\n",
     "meta.yaml:3: unknown seriousness 'grave'"},
    {"interview_weight_range", "meta.yaml", "population: test\n", "population: test\ninterview_weights: {benign: 0}\n",
     "interview weight for 'benign' must be in (0, 100]"},
    {"mention_counts_not_bool", "findings.yaml", "    phrases: [twitch]\n", "    mention_counts: maybe\n    phrases: [twitch]\n",
     "'mention_counts' must be true or false"},
    {"too_many_parts", "findings.yaml", "phrases: [eyelid twitch]", "phrases: [eye ... lid ... keeps ... on ... twitching]",
     "has 5 parts; at most 4 separated by '...'"},
    {"implies_cycle", "findings.yaml", "    phrases: [twitch]\n", "    implies: [eyelid_twitch]\n    phrases: [twitch]\n",
     "'implies' forms a cycle"},
    {"duplicate_id", "findings.yaml", "id: eyelid_twitch", "id: twitch", "duplicate finding id 'twitch'"},
    {"unknown_urgency", "conditions.yaml", "urgency: self_care", "urgency: soon", "unknown urgency 'soon'"},
    {"unknown_red_flag_level", "red_flags.yaml", "level: consultation", "level: urgent", "unknown level 'urgent'"},
    {"red_flag_unknown_finding", "red_flags.yaml", "[[eyelid_twitch]]", "[[eyelid_droop]]",
     "red flag 'flag_a': unknown finding 'eyelid_droop'"},
    {"bad_yaml", "advice.yaml", "title: Rest", "title: [Rest", "advice.yaml"},
    {"unknown_attribute", "findings.yaml", "    phrases: [eyelid twitch]\n",
     "    from_attribute: {attribute: coffee_cups, min: 3}\n", "unknown attribute 'coffee_cups'"},
    {"from_age_out_of_range", "findings.yaml", "    phrases: [eyelid twitch]\n",
     "    from_age: {max: 130}\n", "from_age outside 0..120"},
    {"from_age_empty", "findings.yaml", "    phrases: [eyelid twitch]\n", "    from_age: {}\n",
     "from_age needs min or max"},
    {"from_age_min_above_max", "findings.yaml", "    phrases: [eyelid twitch]\n",
     "    from_age: {min: 5, max: 1}\n", "from_age min > max"},
    {"recency_unknown_finding", "meta.yaml", "population: test\n",
     "population: test\nrecency: {old: [twitch], new: [eyelid_twich]}\n", "unknown finding 'eyelid_twich'"},
    {"recency_without_new", "meta.yaml", "population: test\n", "population: test\nrecency: {old: [twitch]}\n",
     "recency needs both 'old' and 'new' findings"},
    {"not_snake_case", "advice.yaml", "id: rest", "id: Rest-Now", "id 'Rest-Now' is not snake_case"},
    {"unknown_category", "findings.yaml", "category: symptom", "category: feeling", "unknown category 'feeling'"},
    {"missing_version", "meta.yaml", "version: \"t1\"\n", "", "meta.yaml:1: missing 'version'"},
    {"unknown_advice_kind", "advice.yaml", "kind: lifestyle", "kind: magic", "unknown kind 'magic'"},
    {"unknown_advice_in_condition", "conditions.yaml", "advice: [rest]", "advice: [sleep]", "unknown advice 'sleep'"},
};

// Some issue among `errors` mentions `expected`; all of them are shown when none does.
void ExpectIssueMentioning(const std::vector<KbIssue>& errors, const std::string& expected) {
  std::string all;
  bool found = false;
  for (const KbIssue& e : errors) {
    all += e.ToString() + "\n";
    found |= e.ToString().find(expected) != std::string::npos;
  }
  EXPECT_TRUE(found) << "expected: " << expected << "\ngot:\n" << all;
}

class BadKnowledgeTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadKnowledgeTest, ReportsFileLineAndWhat) {
  const BadCase& c = GetParam();
  auto files = ValidFiles();
  files[c.file] = Replace(files[c.file], c.from, c.to);
  std::vector<KbIssue> errors;
  auto kb = LoadKnowledge(nullptr, WriteDir(files, c.name), &errors);
  EXPECT_EQ(kb, nullptr);
  ExpectIssueMentioning(errors, c.expected);
}

INSTANTIATE_TEST_SUITE_P(Cases, BadKnowledgeTest, ::testing::ValuesIn(kBadCases),
                         [](const auto& info) { return std::string(info.param.name); });


// The built-in knowledge base's files, by name.
std::map<std::string, std::string> BuiltinFiles() {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(TWITCHCHECK_SOURCE_DIR) + "/kb")) {
    if (entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path());
    files[entry.path().filename().string()] = std::string(std::istreambuf_iterator<char>(in), {});
  }
  return files;
}

// meta.yaml `interview` and findings' asked_if: every key checked (issue 9: the interview's
// words and policy are data, validated like the rest).
const BadCase kInterviewCases[] = {
    {"interview_unknown_text", "meta.yaml", "    age_invalid:", "    agee_prompt: x\n    age_invalid:",
     "interview.texts: unknown key 'agee_prompt'"},
    {"interview_missing_text", "meta.yaml", "    back_none: \"There is no earlier answer to change.\"\n", "",
     "missing 'back_none'"},
    {"interview_word_twice", "meta.yaml", "yes: [y, yes,", "yes: [n, y, yes,", "'n' is listed under both"},
    {"interview_policy_range", "meta.yaml", "settled_probability: 0.6", "settled_probability: 1.5",
     "interview.policy settled_probability 1.500000 is out of range"},
    {"interview_max_questions", "meta.yaml", "max_questions: 12", "max_questions: 0",
     "max_questions must be a whole number from 1 to 100"},
    {"interview_policy_unknown", "meta.yaml", "    min_gain:", "    min_gane: 1\n    min_gain:",
     "interview.policy: unknown key 'min_gane' (did you mean 'min_gain'?)"},
    {"interview_missing_labels", "meta.yaml", "  answer_labels:", "  answer_labelz:", "interview: missing 'answer_labels'"},
    {"asked_if_unknown_finding", "findings.yaml", "asked_if: [eyelid_twitch,", "asked_if: [eyelid_twich,",
     "unknown finding 'eyelid_twich'"},
};

class BadInterviewKnowledgeTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInterviewKnowledgeTest, ReportsWhat) {
  const BadCase& c = GetParam();
  auto files = BuiltinFiles();
  ASSERT_NE(files[c.file].find(c.from), std::string::npos) << c.from;
  files[c.file] = Replace(files[c.file], c.from, c.to);
  std::vector<KbIssue> errors;
  EXPECT_EQ(LoadKnowledgeFiles(files, "kb/", &errors), nullptr);
  ExpectIssueMentioning(errors, c.expected);
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInterviewKnowledgeTest, ::testing::ValuesIn(kInterviewCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(LoaderTest, BuiltinInterviewWordsAreComplete) {
  const Knowledge& kb = fixtures::BuiltinKb();
  for (const char* k : kInterviewTexts) EXPECT_FALSE(kb.interview_words.texts.count(k) == 0) << k;
  for (const char* k : kInterviewStopReasons) EXPECT_FALSE(kb.interview_words.StopReason(k).empty()) << k;
  for (const char* k : kInterviewAnswerLabels) EXPECT_TRUE(kb.interview_words.answer_labels.count(k)) << k;
  for (const char* k : kInterviewAnswerWords) EXPECT_FALSE(kb.interview_words.answer_words.at(k).empty()) << k;
  EXPECT_EQ(kb.interview_words.answer_labels.at("unknown"), "Don't know");
  EXPECT_EQ(kb.interview_policy.max_questions, 12u);
}

TEST(LoaderTest, MissingDirectoryIsAnError) {
  std::vector<KbIssue> errors;
  EXPECT_EQ(LoadKnowledge(nullptr, "/nonexistent/twitchcheck/kb", &errors), nullptr);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].message.find("not a directory"), std::string::npos);
}

TEST(LoaderTest, MissingFileIsAnError) {
  auto files = ValidFiles();
  files.erase("advice.yaml");
  std::vector<KbIssue> errors;
  EXPECT_EQ(LoadKnowledge(nullptr, WriteDir(files, "missing_file"), &errors), nullptr);
  bool found = false;
  const std::string dir = DirFor("missing_file");
  for (const KbIssue& e : errors) found |= e.ToString() == dir + "/advice.yaml: file is missing";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace twitchcheck
