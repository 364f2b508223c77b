// The YAML reader's limits and refusals (issue 11: F8, F14), on text in memory.
#include "kb/yaml.h"

#include <gtest/gtest.h>

#include <string>

namespace twitchcheck {
namespace {

// The message and 1-based line of the error ParseYaml throws; "" when it does not throw.
std::string ErrorOf(const std::string& text, const YamlLimits& limits = YamlLimits()) {
  try {
    ParseYaml(text, limits);
  } catch (const YamlError& e) {
    return std::to_string(e.mark.line + 1) + ": " + e.msg;
  }
  return "";
}

YamlLimits Strict() {
  YamlLimits l;
  l.reject_duplicate_keys = true;
  return l;
}

TEST(YamlTest, F8_DepthIsLimitedForFlowAndBlockNesting) {
  YamlLimits l;
  l.max_depth = 4;
  EXPECT_EQ(ErrorOf("a: [[[1]]]\n", l), "");  // map + 3 lists = 4
  EXPECT_EQ(ErrorOf("a: [[[[1]]]]\n", l), "1: nested deeper than the limit of 4 levels");
  EXPECT_EQ(ErrorOf("a:\n b:\n  c:\n   d:\n    e: 1\n", l), "5: nested deeper than the limit of 4 levels");
  EXPECT_EQ(ErrorOf("a: " + std::string(1000000, '[') + "\n"), "1: nested deeper than the limit of 64 levels");
}

TEST(YamlTest, F8_ValueCountIsLimited) {
  YamlLimits l;
  l.max_nodes = 10;
  EXPECT_EQ(ErrorOf("[1, 2, 3, 4, 5, 6, 7, 8, 9]", l), "");
  EXPECT_EQ(ErrorOf("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", l), "1: more than the limit of 10 values in one file");
}

TEST(YamlTest, F14_TagsAnchorsAliasesAndSecondDocumentsAreRefused) {
  EXPECT_EQ(ErrorOf("a: !!str 1\n"), "1: YAML tags ('tag:yaml.org,2002:str') are not allowed in the knowledge base");
  EXPECT_EQ(ErrorOf("a: 1\nb: !x [1]\n"), "2: YAML tags ('!x') are not allowed in the knowledge base");
  EXPECT_EQ(ErrorOf("a: &x 1\n"), "1: anchors ('&x') are not supported in the knowledge base");
  EXPECT_EQ(ErrorOf("a: 1\n---\nb: 2\n"), "2: a second YAML document ('---'): a knowledge file holds one");
  EXPECT_EQ(ErrorOf("---\na: 1\n...\n"), "");
  EXPECT_EQ(ErrorOf("? [a]\n: 1\n"), "1: a mapping key must be text, not a list or a mapping");
}

TEST(YamlTest, F14_DuplicateKeysAreRefusedWhenAsked) {
  const std::string text = "a: 1\nb: 2\nc:\n  x: 1\n  y: 2\n  x: 3\n";
  EXPECT_EQ(ErrorOf(text), "");  // the text stages' loaders report duplicates themselves
  EXPECT_EQ(ErrorOf(text, Strict()), "6: duplicate key 'x' (first at line 4)");
  std::string many = "{";
  for (int i = 0; i < 5000; ++i) many += "k" + std::to_string(i) + ": 1, ";
  EXPECT_EQ(ErrorOf(many + "k42: 2}", Strict()), "1: duplicate key 'k42' (first at line 1)");
}

TEST(YamlTest, F14_EncodingErrorIsReportedAtItsLine) {
  const std::string e = ErrorOf("a: 1\nb: 2\nc: caf\xff\n");
  EXPECT_EQ(e.substr(0, 3), "3: ") << e;
  EXPECT_NE(e.find("invalid"), std::string::npos) << e;
}

}  // namespace
}  // namespace twitchcheck
