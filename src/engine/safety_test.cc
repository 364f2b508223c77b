// Safety regressions: the examples found by trying the product as a new user would
// (issue "Safety on words never seen"), each read from text and assessed with the built-in
// knowledge base. Table-driven: the words, who, and the least / most urgent level allowed.
#include <gtest/gtest.h>

#include <string>

#include "engine/assess.h"
#include "engine/interview.h"
#include "text/reader.h"

namespace twitchcheck {
namespace {

const Knowledge& Kb() { return BuiltinKnowledge(); }

struct Case {
  const char* text;
  int age;
  TriageLevel at_least;                              // no less urgent than this
  TriageLevel at_most = TriageLevel::kEmergencyAmbulance;  // no more urgent than this
};

Assessment ReadAndAssess(const std::string& text, int age) {
  std::string err;
  const TextReader* reader = ReaderFor(Kb(), &err);
  EXPECT_NE(reader, nullptr) << err;
  Reading r = reader->Read(text);
  Patient p;
  p.age = age;
  return Assess(Kb(), r.evidence, p);
}

void Check(const Case& c) {
  const Assessment a = ReadAndAssess(c.text, c.age);
  EXPECT_FALSE(MoreUrgent(c.at_least, a.triage.level))
      << '"' << c.text << "\" got " << TriageName(a.triage.level) << ", wanted at least "
      << TriageName(c.at_least);
  EXPECT_FALSE(MoreUrgent(a.triage.level, c.at_most))
      << '"' << c.text << "\" got " << TriageName(a.triage.level) << ", wanted at most "
      << TriageName(c.at_most);
}

constexpr TriageLevel kAmbulance = TriageLevel::kEmergencyAmbulance;
constexpr TriageLevel kEmergency = TriageLevel::kEmergency;
constexpr TriageLevel kSameDay = TriageLevel::kConsultation24;
constexpr TriageLevel kAppointment = TriageLevel::kConsultation;

// A denial runs no further than its list: lay grammar must not turn a stroke into home care.
TEST(SafetyRegression, DenialDoesNotRunPastTheComma) {
  const Case cases[] = {
      {"no fever, slurred speech since this morning", 60, kEmergency},
      {"Never had this before, face drooping suddenly", 60, kAmbulance},
      {"No weakness, slurred speech.", 60, kEmergency},
      {"no pain no headache just cant lift my arm", 55, kEmergency},
  };
  for (const Case& c : cases) Check(c);
}

TEST(SafetyRegression, ListsStillDenyEveryItem) {
  const Case cases[] = {
      {"My eyelid twitches. No weakness, numbness or slurred speech.", 30, TriageLevel::kSelfCare,
       kAppointment},
      {"Eyelid twitching for a week. No droop, no weakness, speech fine.", 30,
       TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

TEST(SafetyRegression, BreathingTroubleCallsAnAmbulance) {
  const Case cases[] = {
      {"spasms with trouble breathing", 40, kAmbulance},
      {"my throat spasms and I can't breathe", 40, kAmbulance},
      {"my throat feels like it is closing up and my face twitches", 40, kAmbulance},
  };
  for (const Case& c : cases) Check(c);
}

TEST(SafetyRegression, SignsInLayWordsAreRead) {
  const Case cases[] = {
      {"he cant lift his left arm at all", 70, kEmergency},
      {"her face looks melted on one side", 75, kEmergency},
      {"on a teams call I couldnt get my words out", 45, kEmergency},
      {"she doesnt know where she is and her hands are twitching", 80, kEmergency},
      {"half an hour ago his hand started shaking and it's still going, he went blank", 30,
       kAmbulance},
  };
  for (const Case& c : cases) Check(c);
}

// A writer asking for someone else makes that person the patient.
TEST(SafetyRegression, WritingForSomeoneElse) {
  const Case cases[] = {
      {"my coworker's face suddenly drooped and she cant lift her arm", 50, kAmbulance},
      {"my gf had her first seizure, she is confused now", 24, kEmergency},
      {"my friend collapsed and is jerking all over and not responding", 30, kAmbulance},
  };
  for (const Case& c : cases) Check(c);
}

// Look-alikes: fears, a relative's past, questions.
TEST(SafetyRegression, FearsAndOtherPeopleDoNotEscalate) {
  const Case cases[] = {
      {"I'm scared my face will droop like my dad's did when he had a stroke. My eyelid twitches.",
       50, TriageLevel::kSelfCare, kSameDay},
      {"My dad had a stroke last year, his face dropped and his speech was slurred. For two "
       "weeks my left eyelid keeps fluttering.",
       50, TriageLevel::kSelfCare, kAppointment},
      {"whenever I fall asleep my whole body jerks and I wake up, am i having seizures", 19,
       TriageLevel::kSelfCare, kAppointment},
      {"My 8 year old son jolts as he falls asleep. He doesn't wake up confused.", 8,
       TriageLevel::kSelfCare, kAppointment},
      {"My mum had a stroke 10 years ago and still slurs a bit, I'm asking about my eyelid "
       "twitch",
       45, TriageLevel::kSelfCare, kAppointment},
      {"The dentist numbed half my mouth and now I'm talking funny and my lip twitches", 40,
       TriageLevel::kSelfCare, kSameDay},
      {"No slurring no droop no weakness just the eyelid going mad", 30, TriageLevel::kSelfCare,
       kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// SPEC §7: a "yes" to any sign of the emergency screen ends the interview at an
// emergency level.
TEST(SafetyRegression, EveryScreenSignIsAnEmergencyOnItsOwn) {
  ASSERT_FALSE(Kb().screen.empty());
  for (int f : Kb().screen) {
    Evidence e;
    e.id = Kb().findings[f].id;
    e.status = EvidenceStatus::kPresent;
    e.origin = "answer";
    Patient p;
    p.age = 40;
    InterviewStep step = NextInterviewStep(Kb(), {e}, p, 1);
    EXPECT_TRUE(step.should_stop) << e.id;
    EXPECT_FALSE(MoreUrgent(kEmergency, step.assessment.triage.level))
        << e.id << " got " << TriageName(step.assessment.triage.level);
  }
}

// Text with nothing readable in it names no complaint, so nothing can call it harmless.
TEST(SafetyRegression, UnreadableTextNamesNoComplaint) {
  std::string err;
  const TextReader* reader = ReaderFor(Kb(), &err);
  ASSERT_NE(reader, nullptr) << err;
  for (const char* text : {"hello", "Me duele la cara y no puedo hablar bien", "\xff\xfe\x01 zzzz"})
    EXPECT_FALSE(NamesAComplaint(Kb(), reader->Read(text).evidence)) << text;
  EXPECT_TRUE(NamesAComplaint(Kb(), reader->Read("my eyelid twitches").evidence));
}

}  // namespace
}  // namespace twitchcheck
