#include "engine/interview.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "eval/interview_eval.h"
#include "testing/test_support.h"

namespace twitchcheck {
namespace {

const Knowledge& Kb() { return fixtures::BuiltinKb(); }

// Answers every item of `q` with `status`, as the person would in one go.
void AnswerEach(const QuestionReport& q, EvidenceStatus status, InterviewRequest* request) {
  for (const FindingRef& item : q.items) {
    Evidence e;
    e.id = item.id;
    e.origin = Origin::kAnswer;
    e.status = status;
    request->answers.push_back(e);
  }
}

TEST(InterviewTest, EmergencyStopsTheQuestions) {
  for (const RedFlag& flag : Kb().red_flags) {
    if (flag.level != TriageLevel::kEmergencyAmbulance) continue;
    std::vector<Evidence> ev;
    for (int f : flag.when[0]) {
      Evidence e;
      e.id = Kb().findings[f].id;
      ev.push_back(e);
    }
    InterviewStep step = NextInterviewStep(Kb(), fixtures::BuiltinModel(), ev, Patient{}, 0);
    EXPECT_TRUE(step.should_stop) << flag.id;
    EXPECT_FALSE(step.question.has_value()) << flag.id;
  }
}

// Never the same question twice, "don't know" included; always a question with text; the
// emergency screen's answers count as one question.
TEST(InterviewTest, NeverAsksTwice) {
  std::vector<Evidence> answers;
  InterviewOptions options;
  options.described = options.described_twice = true;  // the describe question: below
  size_t questions = 0;
  for (int i = 0; i < 30; ++i) {
    InterviewStep step = NextInterviewStep(Kb(), fixtures::BuiltinModel(), answers, Patient{45, Sex::kMale}, answers.size(), options);
    if (!step.question) {
      EXPECT_TRUE(step.should_stop);
      EXPECT_FALSE(step.stop_reason.empty());
      break;
    }
    ++questions;
    std::vector<int> asked = step.question->items;
    if (asked.empty()) asked.push_back(step.question->finding);
    for (int f : asked) {
      ASSERT_GE(f, 0);
      EXPECT_FALSE(Kb().findings[f].question.empty()) << Kb().findings[f].id;
      for (const Evidence& a : answers) EXPECT_NE(a.id, Kb().findings[f].id);
      Evidence e;
      e.id = Kb().findings[f].id;
      e.origin = Origin::kAnswer;
      e.status = answers.size() % 2 ? EvidenceStatus::kUnknown : EvidenceStatus::kAbsent;
      answers.push_back(e);
    }
  }
  EXPECT_LE(questions, Kb().interview_policy.max_questions);
  EXPECT_GT(answers.size(), questions);  // the screen asked several signs at once
}

// With no symptom named yet, the first question asks for a description, once. Then the
// emergency screen asks its signs together, once; then yes/no questions follow.
TEST(InterviewTest, DescriptionThenEmergencyScreenThenQuestions) {
  ASSERT_FALSE(Kb().describe_question.empty());
  ASSERT_FALSE(Kb().screen.empty());
  Evidence smoker;
  smoker.id = "nicotine_use";  // an exposure, not a symptom
  InterviewStep first = NextInterviewStep(Kb(), fixtures::BuiltinModel(), {smoker}, Patient{50, Sex::kFemale}, 0);
  ASSERT_TRUE(first.question.has_value());
  EXPECT_EQ(first.question->reason, "describe");
  EXPECT_TRUE(first.question->items.empty());

  Evidence twitch;
  twitch.id = "eyelid_twitch";
  InterviewStep screen = NextInterviewStep(Kb(), fixtures::BuiltinModel(), {twitch}, Patient{50, Sex::kFemale}, 0);
  ASSERT_TRUE(screen.question.has_value());
  EXPECT_EQ(screen.question->reason, "emergency_screen");
  EXPECT_EQ(screen.question->items, Kb().screen);

  std::vector<Evidence> answers = {twitch};
  for (int f : screen.question->items) {
    Evidence e;
    e.id = Kb().findings[f].id;
    e.origin = Origin::kAnswer;
    e.status = EvidenceStatus::kAbsent;
    answers.push_back(e);
  }
  InterviewStep next = NextInterviewStep(Kb(), fixtures::BuiltinModel(), answers, Patient{50, Sex::kFemale}, answers.size() - 1);
  ASSERT_TRUE(next.question.has_value());
  EXPECT_GE(next.question->finding, 0);
  EXPECT_TRUE(next.question->items.empty());

  // A "yes" in the screen to an emergency sign ends the interview with an emergency.
  answers[1].status = EvidenceStatus::kPresent;  // the first screen sign
  answers.push_back(Evidence{});
  answers.back().id = "sudden_onset";
  answers.back().origin = Origin::kAnswer;
  InterviewStep urgent = NextInterviewStep(Kb(), fixtures::BuiltinModel(), answers, Patient{50, Sex::kFemale}, answers.size() - 1);
  EXPECT_TRUE(urgent.assessment.triage.level == TriageLevel::kEmergency ||
              urgent.assessment.triage.level == TriageLevel::kEmergencyAmbulance);
  EXPECT_TRUE(urgent.should_stop);
}

// An emergency level that only a cause's probability sets (a weak hand and twitching at
// 61: a stroke is possible) keeps the questions going, so an answer can settle it; an
// emergency sign stops them.
TEST(InterviewTest, ProbableEmergencyAsksOnEmergencySignStops) {
  std::vector<Evidence> ev;
  for (const char* id : {"hand_weakness", "hand_twitch"}) {
    ev.push_back(Evidence{});
    ev.back().id = id;
  }
  for (int f : Kb().screen) {
    ev.push_back(Evidence{});
    ev.back().id = Kb().findings[f].id;
    ev.back().origin = Origin::kAnswer;
    ev.back().status = EvidenceStatus::kUnknown;
  }
  const Patient patient{61, Sex::kMale};
  InterviewStep step = NextInterviewStep(Kb(), fixtures::BuiltinModel(), ev, patient, Kb().screen.size());
  ASSERT_EQ(step.assessment.triage.level, TriageLevel::kEmergencyAmbulance);
  for (const TriageReason& r : step.assessment.triage.reasons) {
    if (r.level == TriageLevel::kEmergencyAmbulance) {
      EXPECT_TRUE(r.findings.empty()) << r.rule;
    }
  }
  ASSERT_TRUE(step.question.has_value());
  EXPECT_FALSE(step.should_stop);

  // "It came on gradually" (not sudden) and the level comes down to an appointment.
  ev.push_back(Evidence{});
  ev.back().id = "sudden_onset";
  ev.back().origin = Origin::kAnswer;
  ev.back().status = EvidenceStatus::kAbsent;
  InterviewStep slow = NextInterviewStep(Kb(), fixtures::BuiltinModel(), ev, patient, Kb().screen.size() + 1);
  EXPECT_TRUE(MoreUrgent(TriageLevel::kEmergency, slow.assessment.triage.level))
      << TriageName(slow.assessment.triage.level);

  // Sudden instead: a stroke sign, and the interview stops.
  ev.back().status = EvidenceStatus::kPresent;
  InterviewStep sudden = NextInterviewStep(Kb(), fixtures::BuiltinModel(), ev, patient, Kb().screen.size() + 1);
  EXPECT_TRUE(sudden.should_stop);
  EXPECT_FALSE(sudden.question.has_value());
}

// The questions a story gets when every yes/no answer is "no" (the emergency screen too),
// through the public engine: the question ids in order.
std::vector<std::string> QuestionsFor(const std::string& text, int age = 30) {
  InterviewRequest request;
  request.text = text;
  request.described = 2;
  request.patient.age = age;
  std::vector<std::string> asked;
  for (int i = 0; i < 30; ++i) {
    InterviewStepReport step;
    EXPECT_TRUE(fixtures::BuiltinEngine().NextStep(request, &step).ok());
    if (!step.question) break;
    asked.push_back(step.question->id);
    AnswerEach(*step.question, EvidenceStatus::kAbsent, &request);
  }
  return asked;
}

bool Asks(const std::vector<std::string>& asked, std::initializer_list<const char*> any) {
  for (const char* id : any)
    if (std::count(asked.begin(), asked.end(), id)) return true;
  return false;
}

// Issue 8: a calf twitch with fear of ALS was asked "Is only one eye affected?" second; an
// empty description was followed by that eye question too. Questions tied to a part of the
// body (findings.yaml asked_if) are asked only when the story has that part.
TEST(InterviewTest, CalfTwitchIsNotAskedAboutAnEye) {
  const char* const kEyeQuestions[] = {"one_eye", "both_eyes", "eye_closes_during_spasm", "spread_eye_to_face",
                                       "one_side_face", "triggered_by_facial_movement"};
  for (const char* text : {"My calf has been twitching for weeks and I am scared it is ALS.", ""}) {
    const std::vector<std::string> asked = QuestionsFor(text);
    SCOPED_TRACE(text);
    for (const char* eye : kEyeQuestions) EXPECT_EQ(std::count(asked.begin(), asked.end(), eye), 0) << eye;
  }
  // An empty description: after the emergency screen, where it twitches (all places at once).
  const std::vector<std::string> empty = QuestionsFor("");
  ASSERT_GE(empty.size(), 2u);
  EXPECT_EQ(empty[0], "emergency_screen");
  EXPECT_EQ(empty[1], "where");
  // With an eyelid twitch the eye questions are fair.
  EXPECT_TRUE(Asks(QuestionsFor("My eyelid keeps twitching."), {"one_eye", "both_eyes"}));
}

// Issue 8: an eyelid twitch with "work is crazy right now" was never asked about stress,
// sleep or caffeine. The stress is read from the words, and a cause left half-likely beside
// the leading one (meta.yaml open_cause_probability) gets a question about its trigger.
TEST(InterviewTest, EyelidTwitchWithBusyWorkAsksAboutTriggers) {
  const ReadingReport r = fixtures::BuiltinEngine().Read("My eyelid keeps twitching, work is crazy right now.");
  EXPECT_TRUE(std::any_of(r.evidence.begin(), r.evidence.end(), [](const EvidenceItem& e) {
    return e.id == "stress";
  }));
  const std::vector<std::string> asked = QuestionsFor("My eyelid keeps twitching, work is crazy right now.");
  EXPECT_TRUE(Asks(asked, {"poor_sleep", "short_sleep", "caffeine_intake", "high_caffeine", "stress", "anxiety"}));
}

// Issue 8: "My husband's face ..." was asked as if about the writer. Questions with a
// question_other are worded for the person the text is about, in --json too.
TEST(InterviewTest, QuestionsAboutSomeoneElseAddressThem) {
  const Subject who = fixtures::BuiltinEngine().WhoIsItAbout("My husband's eyelid keeps twitching.");
  EXPECT_TRUE(who.other);
  EXPECT_EQ(who.relation, "husband");
  EXPECT_EQ(who.address.at("subject"), "your husband");
  EXPECT_EQ(who.address.at("their"), "his");
  EXPECT_FALSE(fixtures::BuiltinEngine().WhoIsItAbout("My eyelid keeps twitching.").other);
  InterviewRequest request;
  request.text = "My husband's eyelid keeps twitching.";
  request.described = 2;
  int third_person = 0;
  for (int i = 0; i < 12; ++i) {
    InterviewStepReport step;
    ASSERT_TRUE(fixtures::BuiltinEngine().NextStep(request, &step).ok());
    if (!step.question) break;
    const int f = Kb().FindingIndex(step.question->id);
    if (f >= 0 && !Kb().findings[f].question_other.empty()) {
      EXPECT_EQ(step.question->text.find("{"), std::string::npos) << step.question->text;
      EXPECT_TRUE(step.question->text.find("your husband") != std::string::npos ||
                  step.question->text.find("his") != std::string::npos)
          << step.question->text;
      ++third_person;
    }
    AnswerEach(*step.question, EvidenceStatus::kAbsent, &request);
  }
  EXPECT_GT(third_person, 0);
}

// Every information question fits the story (asked_if), for every story in a dev set's
// opening sentences.
TEST(InterviewTest, InformationQuestionsFitTheStory) {
  for (const char* text : {"My thumb keeps jumping.", "Twitching in both thighs at night.",
                           "My cheek pulls up and my eye shuts on one side.", "I am 40 and my back twitches."}) {
    InterviewRequest request;
    request.text = text;
    request.described = 2;
    for (int i = 0; i < 15; ++i) {
      InterviewStepReport step;
      ASSERT_TRUE(fixtures::BuiltinEngine().NextStep(request, &step).ok());
      if (!step.question) break;
      if (step.question->reason == "information_gain") {
        const int f = Kb().FindingIndex(step.question->id);
        ASSERT_GE(f, 0);
        const Finding& finding = Kb().findings[f];
        if (!finding.asked_if.empty()) {
          bool fits = false;
          for (int g : finding.asked_if) {
            for (const EvidenceItem& e : step.assessment.evidence)
              fits |= e.id == Kb().findings[g].id &&
                      (e.status == EvidenceStatus::kPresent || e.status == EvidenceStatus::kPossible);
          }
          EXPECT_TRUE(fits) << text << ": " << finding.id;
        }
      }
      AnswerEach(*step.question, i % 2 ? EvidenceStatus::kUnknown : EvidenceStatus::kAbsent, &request);
    }
  }
}

// SPEC.md §6: median <= 8 questions; accuracy within 5 points of the full narrative.
TEST(InterviewTest, SimulatedInterviewsMeetTheBars) {
  InterviewScores s;
  std::ostringstream out;
  std::string err;
  ASSERT_TRUE(EvalInterviewFile(fixtures::BuiltinEngine(), std::string(TWITCHCHECK_SOURCE_DIR) + "/tests/data/vignettes_dev2.jsonl",
                                out, &s, &err))
      << err;
  SCOPED_TRACE(out.str());
  EXPECT_LE(s.median_questions, 8.0);
  EXPECT_GE(s.top3_interview + 0.05 * s.scored, s.top3_full);
  EXPECT_GE(s.triage_interview + 0.05 * s.cases, s.triage_full);
}

}  // namespace
}  // namespace twitchcheck
