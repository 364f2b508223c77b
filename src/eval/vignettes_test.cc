// The product's quality bars (SPEC.md §6) on vignettes, text only: a regression here is a
// regression in what people are told.
#include "eval/vignettes.h"
#include "testing/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

namespace twitchcheck {
namespace {

void ExpectBars(const std::string& path) {
  VignetteScores s;
  std::ostringstream report;
  std::string err;
  ASSERT_TRUE(EvalVignettesFile(fixtures::BuiltinEngine(), path, report, &s, &err)) << err;
  ASSERT_GT(s.scored, 0);
  SCOPED_TRACE(report.str());
  EXPECT_GE(100.0 * s.top3 / s.scored, 90.0);
  EXPECT_GE(100.0 * s.top1 / s.scored, 70.0);
  EXPECT_GE(100.0 * s.triage_ok / s.cases, 85.0);
  EXPECT_LE(100.0 * s.under / s.cases, 3.0);
  EXPECT_EQ(s.emergencies_caught, s.emergencies);
}

// Cases written for this project by a clinician who did not see the knowledge base.
TEST(VignettesTest, ProjectCasesMeetTheBars) {
  ExpectBars(std::string(TWITCHCHECK_SOURCE_DIR) + "/tests/data/vignettes_dev2.jsonl");
}

TEST(VignettesTest, PublicCasesMeetTheBars) {
  std::string path = std::string(TWITCHCHECK_SOURCE_DIR) + "/../shared/vignettes/public.jsonl";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared/ beside the checkout";
  ExpectBars(path);
}

TEST(VignettesTest, MalformedFileIsAnError) {
  std::string path = testing::TempDir() + "/bad_vignettes.jsonl";
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("{\"id\": \"x\", \"text\": \"my eye twitches\"}\n", f);  // no triage
  std::fclose(f);
  VignetteScores s;
  std::ostringstream out;
  std::string err;
  EXPECT_FALSE(EvalVignettesFile(fixtures::BuiltinEngine(), path, out, &s, &err));
  EXPECT_NE(err.find(":1: not a vignette"), std::string::npos) << err;
}

}  // namespace
}  // namespace twitchcheck
