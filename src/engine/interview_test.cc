#include "engine/interview.h"

#include <gtest/gtest.h>

#include <sstream>

#include "eval/interview_eval.h"

namespace twitchcheck {
namespace {

const Knowledge& Kb() { return BuiltinKnowledge(); }

TEST(InterviewTest, EmergencyStopsTheQuestions) {
  for (const RedFlag& flag : Kb().red_flags) {
    if (flag.level != TriageLevel::kEmergencyAmbulance) continue;
    std::vector<Evidence> ev;
    for (int f : flag.when[0]) {
      Evidence e;
      e.id = Kb().findings[f].id;
      ev.push_back(e);
    }
    InterviewStep step = NextInterviewStep(Kb(), ev, Patient{}, 0);
    EXPECT_TRUE(step.should_stop) << flag.id;
    EXPECT_FALSE(step.question.has_value()) << flag.id;
  }
}

// Never the same question twice, "don't know" included; always a question with text.
TEST(InterviewTest, NeverAsksTwice) {
  std::vector<Evidence> answers;
  for (int i = 0; i < 20; ++i) {
    InterviewStep step = NextInterviewStep(Kb(), answers, Patient{45, "male"}, answers.size());
    if (!step.question) {
      EXPECT_TRUE(step.should_stop);
      EXPECT_FALSE(step.stop_reason.empty());
      break;
    }
    const Finding& f = Kb().findings[step.question->finding];
    EXPECT_FALSE(f.question.empty());
    for (const Evidence& a : answers) EXPECT_NE(a.id, f.id);
    Evidence e;
    e.id = f.id;
    e.status = i % 2 ? EvidenceStatus::kUnknown : EvidenceStatus::kAbsent;
    answers.push_back(e);
  }
  EXPECT_LE(answers.size(), InterviewOptions{}.max_questions);
}

// SPEC.md §6: median <= 8 questions; accuracy within 5 points of the full narrative.
TEST(InterviewTest, SimulatedInterviewsMeetTheBars) {
  InterviewScores s;
  std::ostringstream out;
  std::string err;
  ASSERT_TRUE(EvalInterviewFile(Kb(), std::string(TWITCHCHECK_SOURCE_DIR) + "/tests/data/vignettes_dev2.jsonl",
                                out, &s, &err))
      << err;
  SCOPED_TRACE(out.str());
  EXPECT_LE(s.median_questions, 8.0);
  EXPECT_GE(s.top3_interview + 0.05 * s.scored, s.top3_full);
  EXPECT_GE(s.triage_interview + 0.05 * s.cases, s.triage_full);
}

}  // namespace
}  // namespace twitchcheck
