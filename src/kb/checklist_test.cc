// Everything the five source documents name — causes, triggers, mechanisms, red flags,
// treatments, tests, foods — is in the knowledge base. The checklist
// (tests/data/source_checklist.yaml) was written from the documents; this test holds the
// knowledge base to it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "kb/knowledge.h"
#include "kb/yaml.h"
#include "testing/test_support.h"

namespace twitchcheck {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// All the words a knowledge-base entry shows or matches, lower case.
std::string EntryText(const Knowledge& kb, const std::string& id, bool* found) {
  *found = true;
  if (int c = kb.ConditionIndex(id); c >= 0) {
    const Condition& x = kb.conditions[c];
    return Lower(x.name + " " + x.description + " " + x.mechanism + " " + x.typical_course);
  }
  if (int f = kb.FindingIndex(id); f >= 0) {
    std::string t = kb.findings[f].name + " " + kb.findings[f].question;
    for (const std::string& p : kb.findings[f].phrases) t += " " + p;
    return Lower(t);
  }
  if (auto it = kb.red_flag_index.find(id); it != kb.red_flag_index.end())
    return Lower(kb.red_flags[it->second].reason);
  if (auto it = kb.advice_index.find(id); it != kb.advice_index.end()) {
    const Advice& a = kb.advice[it->second];
    std::string t = a.title + " " + a.text;
    for (const std::string& food : a.foods) t += " " + food;
    return Lower(t);
  }
  *found = false;
  return "";
}

TEST(SourceChecklistTest, EverythingTheDocumentsNameIsInTheKnowledgeBase) {
  std::ifstream in(std::string(TWITCHCHECK_SOURCE_DIR) + "/tests/data/source_checklist.yaml");
  ASSERT_TRUE(in) << "tests/data/source_checklist.yaml is missing";
  std::stringstream text;
  text << in.rdbuf();
  YamlNode list = ParseYaml(text.str());
  const Knowledge& kb = fixtures::BuiltinKb();
  std::set<std::string> files;
  for (const Source& s : kb.sources) files.insert(s.file);
  std::set<std::string> documents_covered;
  std::set<std::string> kinds;
  size_t entries = 0;
  for (const YamlNode& item : list["checklist"] ? list["checklist"] : list) {
    ++entries;
    std::string name = item["item"].as<std::string>();
    std::string source = item["source"].as<std::string>();
    kinds.insert(item["kind"].as<std::string>());
    EXPECT_TRUE(files.count(source)) << name << ": source file " << source << " is not in sources.yaml";
    documents_covered.insert(source);
    ASSERT_TRUE(item["kb"] && item["kb"].size() > 0) << name << ": no knowledge-base ids";
    std::string want = item["text_contains"] ? Lower(item["text_contains"].as<std::string>()) : "";
    bool text_found = want.empty();
    for (const YamlNode& id : item["kb"]) {
      bool exists;
      std::string text = EntryText(kb, id.as<std::string>(), &exists);
      EXPECT_TRUE(exists) << name << ": '" << id.as<std::string>() << "' is not in the knowledge base";
      text_found |= text.find(want) != std::string::npos;
    }
    EXPECT_TRUE(text_found) << name << ": none of its entries mentions '" << want << "'";
  }
  EXPECT_GE(entries, 100u);
  EXPECT_EQ(documents_covered.size(), 5u) << "every document contributes to the checklist";
  for (const char* k : {"cause", "trigger", "mechanism", "red_flag", "treatment", "test", "food"})
    EXPECT_TRUE(kinds.count(k)) << "no checklist entry of kind " << k;
}

}  // namespace
}  // namespace twitchcheck
