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
  InterviewOptions options;
  options.described = true;  // yes/no questions only (the describe question: below)
  for (int i = 0; i < 20; ++i) {
    InterviewStep step = NextInterviewStep(Kb(), answers, Patient{45, "male"}, answers.size(), options);
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

// With no symptom named yet, the first question asks for a description, once; a named
// symptom, or a description already asked for, goes straight to yes/no questions.
TEST(InterviewTest, AsksForADescriptionWhenNoSymptomIsNamed) {
  ASSERT_FALSE(Kb().describe_question.empty());
  Evidence smoker;
  smoker.id = "nicotine_use";  // an exposure, not a symptom
  InterviewStep first = NextInterviewStep(Kb(), {smoker}, Patient{50, "female"}, 0);
  ASSERT_TRUE(first.question.has_value());
  EXPECT_EQ(first.question->finding, -1);
  EXPECT_EQ(first.question->reason, "describe");

  InterviewOptions described;
  described.described = true;
  InterviewStep next = NextInterviewStep(Kb(), {smoker}, Patient{50, "female"}, 0, described);
  ASSERT_TRUE(next.question.has_value());
  EXPECT_GE(next.question->finding, 0);

  Evidence twitch;
  twitch.id = "eyelid_twitch";
  InterviewStep named = NextInterviewStep(Kb(), {twitch}, Patient{50, "female"}, 0);
  ASSERT_TRUE(named.question.has_value());
  EXPECT_GE(named.question->finding, 0);
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
