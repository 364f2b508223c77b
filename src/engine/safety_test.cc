// Safety regressions: the examples found by trying the product as a new user would
// (issue "Safety on words never seen"), each read from text and assessed with the built-in
// knowledge base. Table-driven: the words, who, and the least / most urgent level allowed.
#include <gtest/gtest.h>

#include <string>

#include "engine/assess.h"
#include "engine/interview.h"
#include "text/reader.h"
#include "testing/test_support.h"

namespace twitchcheck {
namespace {

const Knowledge& Kb() { return fixtures::BuiltinKb(); }

struct Case {
  const char* text;
  int age;
  TriageLevel at_least;                              // no less urgent than this
  TriageLevel at_most = TriageLevel::kEmergencyAmbulance;  // no more urgent than this
};

Assessment ReadAndAssess(const std::string& text, int age) {
  std::string err;
  const TextReader* reader = &fixtures::BuiltinReader();
  EXPECT_NE(reader, nullptr) << err;
  Reading r = reader->Read(text, fixtures::kToday);
  Patient p;
  p.age = age;
  return Assess(Kb(), fixtures::BuiltinModel(), r.evidence, p);
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

// Presentations the knowledge base did not know at all (issue "Safety on words never seen").
TEST(SafetyRegression, EmergenciesItDidNotKnow) {
  const Case cases[] = {
      {"My 2 year old has a high fever, her arms and legs were jerking and now she won't wake "
       "up properly",
       2, kAmbulance},
      {"I took a whole packet of paracetamol on purpose an hour ago and now I'm twitchy", 19,
       kAmbulance},
      {"I want to kill myself. My eyelid has been twitching for weeks.", 25, kEmergency},
      {"I'm 34 weeks pregnant with a bad headache, flashing lights and my face is swollen, my "
       "eyelid twitches",
       31, kEmergency},
      {"He hit his head falling off his bike, he has been sick twice and is very drowsy", 12,
       kEmergency},
      {"I stopped drinking three days ago, I'm shaking all over, sweating and seeing things "
       "that aren't there",
       48, kEmergency},
      {"A dog bit my hand last week, now my jaw is stiff and won't open and my neck keeps "
       "going into spasms",
       35, kEmergency},
      {"My baby is 4 months old and has clusters of jerks where she bends forward, several "
       "times a day",
       0, kEmergency},
      {"My legs have got weaker over 3 days and my feet are tingling", 40, kEmergency},
      {"I'm type 1 diabetic, I'm shaky, sweaty and confused", 30, kEmergency},
  };
  for (const Case& c : cases) Check(c);
}

// Numbers and words inside a sign belong to the sign.
TEST(SafetyRegression, WordsInsideASign) {
  std::string err;
  const TextReader* reader = &fixtures::BuiltinReader();
  ASSERT_NE(reader, nullptr) << err;
  auto status = [&](const char* text, const char* id) {
    for (const Evidence& e : reader->Read(text, fixtures::kToday).evidence)
      if (e.id == id) return e.status;
    return EvidenceStatus::kUnknown;
  };
  // "no numbness, twitching for 3 months": the denial stops at the comma.
  EXPECT_EQ(status("no numbness, twitching for 3 months", "muscle_twitch"), EvidenceStatus::kPresent);
  // The glass test of a rash is not a glass of wine.
  Reading glass = reader->Read("I pressed a glass on the rash and it did not fade", fixtures::kToday);
  EXPECT_FALSE(glass.attributes.alcohol_drinks_per_day.has_value());
  // Signs that contain a negation word are signs, not denials.
  EXPECT_EQ(status("he is not making sense", "confusion"), EvidenceStatus::kPresent);
  EXPECT_EQ(status("I can't open my mouth since the cut on my foot", "trismus"), EvidenceStatus::kPresent);
  // A baby's age is not how long the jerks have lasted.
  Reading baby = reader->Read("my 4 month old has clusters of jerks bending forward", fixtures::kToday);
  EXPECT_FALSE(baby.attributes.duration_days && *baby.attributes.duration_days > 60);
}

// A person who woke with the droop answers "no" to "within minutes?" and to an earlier
// Bell's palsy: the level stays an emergency and the palsy is not argued away.
TEST(SafetyRegression, BellsPalsyIsNotArguedAway) {
  std::string err;
  const TextReader* reader = &fixtures::BuiltinReader();
  ASSERT_NE(reader, nullptr) << err;
  std::vector<Evidence> ev = reader->Read("I woke up and the left side of my face is drooping", fixtures::kToday).evidence;
  for (const char* id : {"history_bells_palsy", "sudden_onset"}) {
    Evidence no;
    no.id = id;
    no.status = EvidenceStatus::kAbsent;
    no.origin = Origin::kAnswer;
    ev = CombineEvidence({no}, ev);
  }
  Patient p;
  p.age = 40;
  const Assessment a = Assess(Kb(), fixtures::BuiltinModel(), ev, p);
  EXPECT_FALSE(MoreUrgent(kEmergency, a.triage.level)) << TriageName(a.triage.level);
  double bells = 0;
  for (const ConditionResult& c : a.conditions)
    if (Kb().conditions[c.condition].id == "bells_palsy") bells = c.probability;
  EXPECT_GT(bells, 0.3);
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
      // The fear's own word is a phrase of anxiety, and still opens the fear.
      {"my arm jerked twice on the sofa, I was scared it was a fit but I knew what was going on "
       "the whole time",
       30, TriageLevel::kSelfCare, kAppointment},
      {"im worried its a stroke because my eyelid wont stop twitching", 35, TriageLevel::kSelfCare,
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
    e.origin = Origin::kAnswer;
    Patient p;
    p.age = 40;
    InterviewStep step = NextInterviewStep(Kb(), fixtures::BuiltinModel(), {e}, p, 1);
    EXPECT_TRUE(step.should_stop) << e.id;
    EXPECT_FALSE(MoreUrgent(kEmergency, step.assessment.triage.level))
        << e.id << " got " << TriageName(step.assessment.triage.level);
  }
}

// Text with nothing readable in it names no complaint, so nothing can call it harmless.
TEST(SafetyRegression, UnreadableTextNamesNoComplaint) {
  std::string err;
  const TextReader* reader = &fixtures::BuiltinReader();
  ASSERT_NE(reader, nullptr) << err;
  for (const char* text : {"hello", "Me duele la cara y no puedo hablar bien", "\xff\xfe\x01 zzzz"})
    EXPECT_FALSE(NamesAComplaint(Kb(), reader->Read(text, fixtures::kToday).evidence)) << text;
  EXPECT_TRUE(NamesAComplaint(Kb(), reader->Read("my eyelid twitches", fixtures::kToday).evidence));
}

// A relative's signs stay theirs when the writer's own words ("me", "I") share the clause,
// and a history cue does not carry a new sign into the past across denials of its own.
TEST(SafetyRegression, WhoseSignAndWhenAcrossAClause) {
  const Case cases[] = {
      {"my grandson is 6, he has been jerking on one side for what seems like ten minutes, his "
       "eyes are rolled up and he doesn't answer me, what should I do",
       6, kAmbulance},
      {"no history of heart trouble, no fever, the worst headache of my life hit me all at once "
       "while lifting weights", 44, kEmergency},
      {"my mum's right arm and face have been jerking in a steady rhythm for over forty minutes",
       59, kAmbulance},
      {"my partner is 35 weeks, her face and hands have swollen up since this morning and she has "
       "a bad headache with flashing lights", 31, kEmergency},
  };
  for (const Case& c : cases) Check(c);
}

// Look-alikes whose own words explain the sign: none of them is an emergency.
TEST(SafetyRegression, WordsThatExplainTheSignAreNotAnEmergency) {
  const Case cases[] = {
      {"I think I overdosed on caffeine at work, six coffees, now my eyelid flutters", 27,
       TriageLevel::kSelfCare, kAppointment},
      {"a passenger on my train had a seizure this morning, it shook me up, and since then my "
       "eyelid keeps twitching", 35, TriageLevel::kSelfCare, kAppointment},
      {"in a panic attack my lips tingled and my hands cramped up, I slowed my breathing and it "
       "all went away, my eyelid still twitches", 24, TriageLevel::kSelfCare, kSameDay},
      {"my daughter has epilepsy and had her usual short seizure at lunch, she is back to normal "
       "now as her care plan says", 12, TriageLevel::kSelfCare, kSameDay},
  };
  for (const Case& c : cases) Check(c);
  // ... and the same signs without the explanation still are.
  const Case still[] = {
      {"my hands cramped into claws and my lips tingle, I had my thyroid out last week", 50, kEmergency},
      {"my son is having a seizure and it has gone on for ten minutes", 8, kAmbulance},
  };
  for (const Case& c : still) Check(c);
}

// "when I was" is the past only before an earlier stage of life; a sign that came on
// "when I was at work this morning" is today's.
TEST(SafetyRegression, WhenIWasIsNotAlwaysThePast) {
  const Case cases[] = {
      {"my face dropped on one side when I was at work this morning", 58, kEmergency},
      {"when I was cooking dinner her speech went slurred", 70, kEmergency},
      {"the worst headache of my life hit me when I was at the gym", 41, kEmergency},
      {"I had seizures when I was a child, now my eyelid twitches", 30, TriageLevel::kSelfCare,
       kAppointment},
      {"when I was 12 I had a fit, now my eyelid twitches", 30, TriageLevel::kSelfCare,
       kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// A limb that jerks on for minutes, one fit after another, a hypo that sugar does not
// mend, pills of unknown content with a hot, twitching body: each is an emergency.
TEST(SafetyRegression, JerkingThatGoesOnAndHyposThatDoNotMend) {
  const Case cases[] = {
      {"his arm has been jerking for ten minutes and he can't stop it", 50, kAmbulance},
      {"she had one fit, it stopped and then she started fitting again", 30, kAmbulance},
      {"it's just a hypo I think, I'm on insulin, I had a sugary drink twenty minutes ago and I "
       "am still shaking and sweating", 45, kAmbulance},
      {"took some pills at a party, no idea what was in them, now I'm boiling hot and twitching "
       "everywhere", 20, kEmergency},
  };
  for (const Case& c : cases) Check(c);
  const Case not_these[] = {
      {"my eyelid has been twitching nonstop for 20 minutes", 30, TriageLevel::kSelfCare,
       kAppointment},
  };
  for (const Case& c : not_these) Check(c);
}

// The one asked for is the patient even when the first sentence names no complaint and the
// writer's own "I" turns up later; a drink running out of one corner of the mouth is a
// drooping face.
TEST(SafetyRegression, AskingForSomeoneAndTheCornerOfTheMouth) {
  const Case cases[] = {
      {"im writing for my brother. he started a new injection ten days ago. since yesterday he "
       "is burning up, stiff all over, his arms wont bend when i try to move them", 34, kEmergency},
      {"at lunch his coffee kept dribbling out of the corner of his mouth, he is 71", 71, kEmergency},
      {"his foot has started dragging since this morning and his words are like soup", 66, kEmergency},
  };
  for (const Case& c : cases) Check(c);
}

// Look-alikes: "otherwise fit" is fitness, "sweating normal," a denial, a relative's
// opinion written without an apostrophe and a film about suicide are not the sign.
TEST(SafetyRegression, FitnessDenialsWithoutAVerbAndOpinions) {
  const Case cases[] = {
      {"my calf cramps when I swim far, it goes in a minute, I'm 50 and otherwise fit", 50,
       TriageLevel::kSelfCare, kAppointment},
      {"on an antipsychotic for years, a bit stiff in the mornings, no fever, thinking clear, "
       "sweating normal, no confusion", 30, TriageLevel::kSelfCare, kSameDay},
      {"my leg jerks as I fall asleep and my mum thinks its fits", 15, TriageLevel::kSelfCare,
       kAppointment},
      {"saw a sad film about suicide last night, my eyelid twitches since the exams", 22,
       TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// Weakness rising over days, said by what the legs can no longer do, with tingling hands
// and feet (Guillain-Barre); an eye that hurts when it moves, with faded colours.
TEST(SafetyRegression, RisingWeaknessAndOpticNeuritisInEverydayWords) {
  const Case cases[] = {
      {"since Monday my feet have been tingling and now it's in my hands too, I struggled on the "
       "stairs and today I needed help getting off the toilet", 34, kEmergency},
      {"my left eye aches behind it when I look left or right and colours are not bright in it",
       29, kSameDay},
  };
  for (const Case& c : cases) Check(c);
}

// An age given as 0 is a baby under one: the baby rules apply whatever the words say, and
// only when the age says so.
TEST(SafetyRegression, AnAgeOfZeroIsABaby) {
  const Case baby[] = {
      {"my son 4 month, when waking he jerks again and again, head nodding down", 0, kEmergency},
  };
  for (const Case& c : baby) Check(c);
  const Assessment older = ReadAndAssess("my son jerks when waking", 7);
  for (const Evidence& e : older.evidence) EXPECT_NE(e.origin, Origin::kAge) << e.id;
  const Assessment infant = ReadAndAssess("my son jerks when waking", 0);
  bool from_age = false;
  for (const Evidence& e : infant.evidence) from_age |= e.id == "infant" && e.origin == Origin::kAge;
  EXPECT_TRUE(from_age);
}

// A twitch of months or years does not hold down a sign that is new this week: the new part
// of the story may be days old (meta.yaml recency). An old sign with nothing new stays as it
// was.
TEST(SafetyRegression, ANewSignOnTopOfAnOldTwitch) {
  const Case cases[] = {
      {"twitching for years. this week my legs are getting weaker every day and my feet tingle",
       50, kEmergency},
      {"calf twitches for months, this week tingling crept up from my toes to my knees and since "
       "Tuesday I trip over my feet", 42, kEmergency},
      {"My eyelid has twitched for 6 months. Yesterday my mouth started drooping on the left", 50,
       kEmergency},
      {"my face has drooped on one side for years since a Bell's palsy, and the eyelid twitches", 50,
       TriageLevel::kSelfCare, kSameDay},
  };
  for (const Case& c : cases) Check(c);
}

// Explanations and old exposures that set an emergency aside, and the wound that still does.
TEST(SafetyRegression, GroundTeethOldExposuresAndABittenLip) {
  const Case cases[] = {
      // A stiff jaw on waking from grinding, after a small clean cut, with a recent booster.
      {"nicked my thumb peeling potatoes on Sunday, had a tetanus booster two years ago. my jaw "
       "aches and is stiff when I wake up, I grind my teeth at night", 30, TriageLevel::kSelfCare,
       kAppointment},
      // Grinding explains stiffness, not a mouth that will not open after a wound.
      {"I grind my teeth but now I can only get a straw between them, and I gashed my palm on some "
       "metal at work ten days ago", 35, kEmergency},
      // A farm chemical decades ago is not a poisoning now.
      {"I did sheep dipping back in the 80s, now my thigh twitches after long shifts, no sweating "
       "or drooling, breathing fine", 55, TriageLevel::kSelfCare, kAppointment},
      {"the lower lip is swollen on one side where I bit it eating yesterday, breathing fine", 33,
       TriageLevel::kSelfCare, kSameDay},
      {"writing an article about the 'everyone would be better off without me' kind of thinking "
       "for class; my calf twitches after football", 19, TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// A child's age is not how long the complaint has lasted; a hot child with a number is a
// fever; odd heartbeats, a chin that will not reach the chest, light that hurts the eyes,
// a missed session on the kidney machine, urine like flat coke, in lay words.
TEST(SafetyRegression, AgesHeartbeatsAndLayWordsForRedFlags) {
  const Case cases[] = {
      {"my boy is 20 months. an hour ago he went stiff and his arms were jerking for two minutes, "
       "he is hot, 39.5, first time ever", 1, kEmergency},
      {"my mum is on the kidney machine and missed her session on monday, now her legs feel made of "
       "lead and her heart is going all over the place", 70, kEmergency},
      {"my housemate is burning up, can't get his chin anywhere near his chest and the light hurts "
       "his eyes, he keeps shivering and twitching", 20, kEmergency},
      {"did a huge spin class yesterday, today my thighs are swollen and my pee is the colour of flat "
       "coke", 22, kEmergency},
  };
  for (const Case& c : cases) Check(c);
  // "is 18 months" is an age: the twitching has not lasted a year.
  const Assessment a = ReadAndAssess("my daughter is 18 months and her eyelid twitches", 1);
  for (const Evidence& e : a.evidence)
    if (e.id == "duration_over_one_year") EXPECT_NE(e.status, EvidenceStatus::kPresent);
}

// Text-speak, withdrawal seen as spiders on the wall, a plan said as arrangements, saddle
// numbness said as wiping, a leak from the nose after a knock, repeated questions; and a
// faint (slight) twitch is not a faint.
TEST(SafetyRegression, TextSpeakPlansAndOddWordsForRedFlags) {
  const Case cases[] = {
      {"had 1 of my nans sickness tabs n now my neck keeps pulling back n my eyes r stuck lookin "
       "up", 17, kEmergency},
      {"my brother drank every day for years and went cold turkey on friday, now he shakes, sweats "
       "and says there are spiders crawling on the wall", 45, kEmergency},
      {"calf cramps at night since my husband died. I have given the dog to my sister and I shall "
       "not be needing a repeat prescription after this month", 74, kEmergency},
      {"lower back spasms since lifting, and when I wipe it feels like someone else's bum, haven't "
       "needed a wee all day", 41, kEmergency},
      {"fell off a ladder and hit my head two days ago, now water is coming from my nose, clear "
       "like water", 42, kEmergency},
      {"banged my head on a cupboard on Sunday, my husband says I have asked him the same question "
       "four times today", 68, kEmergency},
      {"for a fortnight my lower eyelid has had a faint flickering twitch in the evenings", 60,
       TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// A carer who moves someone's arms ("when I try to move them") has no complaint of their
// own: the person written about stays the patient.
TEST(SafetyRegression, TheWriterActingOnThePatientIsNotTheirComplaint) {
  const Case cases[] = {
      {"He's on clozapine. Since this morning he's gone rigid, he's got a temperature of 103F and "
       "he's drenched, his arms tremble when I try to move them.", 33, kEmergency},
      {"she takes haloperidol, today she is stiff as a board, burning hot and sweating, and her "
       "legs jerk when I lift her", 60, kEmergency},
  };
  for (const Case& c : cases) Check(c);
}

// A blocked shunt, raised pressure said as morning sickness and a double TV, stopping a
// benzodiazepine, a toddler and an open pill box, new weakness after an old Guillain-Barre.
TEST(SafetyRegression, ShuntsPillBoxesAndStoppedTablets) {
  const Case cases[] = {
      {"my daughter has a VP shunt, she has had a headache since yesterday and was sick twice, now "
       "her hand twitches", 7, kEmergency},
      {"my son has a shunt for hydrocephalus, headaches worst in the morning for 2 days and he was "
       "sick this morning before breakfast", 9, kEmergency},
      {"my son 12 years, headache more bad when he lie down, he wake up in the morning and vomit, "
       "today he say the TV is double", 12, kEmergency},
      {"stopped my xanax two days ago after months of it, legs twitching and I heard someone say my "
       "name when nobody was there", 29, kEmergency},
      {"found my 2 year old with my dad's pill box open, I think a few are missing, his hands are "
       "trembly", 2, kEmergency},
      {"I had Guillain-Barre years ago. Three days ago my feet went numb, now my legs are weak and my "
       "hands tingle", 52, kEmergency},
  };
  for (const Case& c : cases) Check(c);
}

// Look-alikes with their explanation in the words, and the same signs without it.
TEST(SafetyRegression, ExplainedLookAlikesAndTheirDangerousTwins) {
  const Case safe[] = {
      {"I fainted at my blood test and my friend says my arms jerked for a few seconds, I came round "
       "straight away and felt fine", 25, TriageLevel::kSelfCare, kSameDay},
      {"woke up at 4am and couldn't move a muscle or speak for about 20 seconds, then it passed. my "
       "calf twitches", 22, TriageLevel::kSelfCare, kAppointment},
      {"my throat feels tight when I'm anxious but I can breathe and swallow fine, and my eyelid "
       "twitches", 30, TriageLevel::kSelfCare, kAppointment},
      {"after I cycle for three hours the skin between my legs is numb, it is normal again ten "
       "minutes after I get off the bike", 50, TriageLevel::kSelfCare, kAppointment},
      {"my arm feels weak and shaky after a heavy bench session, biceps twitching, face and speech "
       "normal", 29, TriageLevel::kSelfCare, kSameDay},
      {"my aunt died of a bleed on the brain that began with the worst headache of her life. I have "
       "no headache, my eyelid twitches", 40, TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : safe) Check(c);
  const Case danger[] = {
      {"he collapsed at the bus stop and his arms jerked while he was out", 60, kEmergency},
      {"since yesterday I can't feel my bottom when I wipe and my back hurts", 50, kEmergency},
      {"my throat feels tight and I can't get air in after the peanut sauce", 30, kEmergency},
  };
  for (const Case& c : danger) Check(c);
}

// When something began ("half an hour ago") is not how long it has gone on; a length said
// ("for twenty minutes now") is, for the seizure rules.
TEST(SafetyRegression, TheTimeAnEventBeganIsNotItsLength) {
  auto lasting = [](const std::string& text) {
    const Assessment a = ReadAndAssess(text, 40);
    for (const Evidence& e : a.evidence)
      if ((e.id == "lasting_minutes_to_hours" || e.id == "episode_minutes_to_hours") &&
          e.status == EvidenceStatus::kPresent)
        return true;
    return false;
  };
  EXPECT_FALSE(lasting("half an hour ago his hand started shaking, it stopped after a minute"));
  EXPECT_FALSE(lasting("an hour ago my eyelid began to flicker"));
  EXPECT_TRUE(lasting("his hand has been shaking for twenty minutes now"));
  // The time another event happened dates that event, not the complaint or an episode.
  EXPECT_FALSE(lasting("she is hot and shivery, gave her some medicine 20 minutes ago, she is "
                       "talking to me"));
  EXPECT_FALSE(lasting("my leg twitches, I took an ibuprofen forty minutes ago"));
  // How long the recovery took is not how long the episode went on.
  EXPECT_FALSE(lasting("she has epilepsy, had a short fit at lunch and was back to normal "
                       "within 25 minutes"));
  // "a seizure this morning" is when it happened; "since this morning" is how long.
  EXPECT_FALSE(lasting("he has epilepsy and had a seizure this morning, he is fine now"));
  EXPECT_TRUE(lasting("her arm has been jerking since this morning"));
  const Case cases[] = {
      {"he has been jerking for ten minutes and will not answer", 40, kAmbulance},
      // "min" is minutes, not the writer's "mine": the relative stays the patient.
      {"dads leg jerking for 8 min and he is not answering", 70, kAmbulance},
  };
  for (const Case& c : cases) Check(c);
}

// The age given rules out words that contradict it: "with a new baby" from a 40-year-old is
// the writer's baby, not an infant patient; a head bump with a twitch stays out of A&E. A
// baby's jerks only in deep sleep that stop on waking are for the GP, not an ambulance; a
// body that jerks "like I was having a fit" while nodding off is a comparison.
TEST(SafetyRegression, AgesThatRuleOutWordsAndComparisons) {
  const Assessment a = ReadAndAssess("hit my head on a cupboard 3 days ago, small lump, no vomiting, "
                                     "my eyelid twitches and I sleep badly with a new baby", 40);
  for (const Evidence& e : a.evidence) EXPECT_NE(e.id, "infant");
  const Case cases[] = {
      {"hit my head on a cupboard 3 days ago, small lump, no vomiting, my eyelid twitches and I sleep "
       "badly with a new baby", 40, TriageLevel::kSelfCare, kSameDay},
      {"our son is 3 weeks old, in deep sleep his arms do runs of little jerks, it stops the moment I "
       "pick him up and never happens while he's awake, feeding well", 0, kAppointment, kAppointment},
      {"my girlfriend says my whole body jerked like I was having a fit as I was nodding off, I felt "
       "like I'd missed a step", 28, TriageLevel::kSelfCare, kAppointment},
      {"my 2 month old has clusters of jerks bending forward when he wakes up", 0, kEmergency},
      {"he shook like he was having a fit and would not respond to me", 60, kEmergency},
      {"this morning he was talking like he'd had a few pints though he doesn't drink, and he kept "
       "dropping his spoon out of his right hand", 93, kEmergency},
      {"stopped a litre of vodka a day on Tuesday, now shaking and sweating and little black insects "
       "keep crawling over the bedroom wall", 52, kEmergency},
      {"myasthenia for 8 years, stable, no change in my droop, breathing and swallowing normal, my "
       "lower eyelid flutters this week", 50, TriageLevel::kSelfCare, kSameDay},
  };
  for (const Case& c : cases) Check(c);
}

// A red, painful eye in a contact lens wearer, or with light that hurts, is for today.
TEST(SafetyRegression, APainfulRedEyeWithLensesIsForToday) {
  const Case cases[] = {
      {"slept in my contact lenses, today my eye is red and painful and the lid keeps twitching shut",
       26, kSameDay},
      {"my eyelid has twitched for a week, no redness, no pain, I wear contact lenses", 30,
       TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// A comma inside a list of modifiers ("a very stiff, painful neck") does not split the sign;
// a comma between a denial and a new sign still does the reading of denials.
TEST(SafetyRegression, ACommaBetweenModifiersKeepsTheSignWhole) {
  const Case cases[] = {
      {"temperature and a very stiff, painful neck, and he keeps shielding his eyes from the window",
       9, kEmergency},
      {"no fever, stiff neck since this morning and the light hurts", 20, kEmergency},
  };
  for (const Case& c : cases) Check(c);
}

// Look-alikes read wrongly before: a stranger's seizure, a drug reaction last year, a neck
// that moves fine, stopping breathing while snoring, a trip in the garden, pregnancy feet
// that go down overnight; with the dangerous twin of each.
TEST(SafetyRegression, StrangersOldReactionsAndEverydayWords) {
  const Case safe[] = {
      {"last year I had a reaction to haloperidol in hospital, my neck twisted and they gave me an "
       "injection. I'm fine now, my eye twitches in exams", 20, TriageLevel::kSelfCare, kAppointment},
      {"temp 38.4, achy, twitchy muscles, but my neck moves fine, I can touch chin to chest, no rash",
       22, TriageLevel::kSelfCare, kSameDay},
      {"my wife says I snore like a train and sometimes stop breathing, headaches on waking", 40,
       kAppointment, kSameDay},
      {"tripped in the garden this morning, got up straight away, bruised knee, walking fine", 70,
       TriageLevel::kSelfCare, kSameDay},
      {"25 weeks, my feet swell a little by evening and go down overnight, no headache, vision fine",
       27, TriageLevel::kSelfCare, kSameDay},
  };
  for (const Case& c : safe) Check(c);
  const Case danger[] = {
      {"last year I had a TIA, and today my face drooped on one side", 70, kEmergency},
      {"temp 39 and he cannot touch his chin to his chest", 20, kEmergency},
      {"34 weeks pregnant, my face and hands suddenly swelled up today with a bad headache", 30,
       kEmergency},
  };
  for (const Case& c : danger) Check(c);
}

// Blank spells of seconds with a straight return are for a GP soon; with jerking of the body
// they are still a seizure. A pregnancy dated by "along" or "with my second" is a pregnancy.
TEST(SafetyRegression, BriefBlankSpellsAndPregnancyWeeks) {
  const Case cases[] = {
      {"she goes blank for a couple of seconds many times a day, lids flicker, then picks up where "
       "she left off", 8, kSameDay, kSameDay},
      {"he went blank for a few seconds, then fell and his arms and legs jerked for two minutes", 8,
       kEmergency},
      {"33 weeks along with my second, thumping headache, lights flashing in my eyes, face puffed up",
       31, kEmergency},
      {"my calf has twitched for 20 weeks at night, no weakness", 40, TriageLevel::kSelfCare,
       kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// A stranger's event, placed by where the writer saw it, is not the writer's; the writer's
// own sign in the same message still is.
TEST(SafetyRegression, AStrangersEventIsNotTheWriters) {
  const Case cases[] = {
      {"a man on the bus had a seizure this morning, it shook me up and now my eyelid keeps "
       "twitching", 30, TriageLevel::kSelfCare, kAppointment},
      {"a woman at work had a seizure last week; today my own face drooped on one side and my "
       "words came out wrong", 55, kEmergency},
  };
  for (const Case& c : cases) Check(c);
}

// What a leaflet or an adviser says could happen is not what has happened; a gesture, an
// everyday cut and a reaction that never came back are not the emergencies they resemble.
TEST(SafetyRegression, WarningsGesturesAndEverydayCutsAreNotEmergencies) {
  const Case cases[] = {
      {"the leaflet for my new blood pressure tablets says they can make you confused and "
       "give you fits; all I have is a twitchy thumb", 50, TriageLevel::kSelfCare, kAppointment},
      {"her eyes roll up whenever I ask her to help with the dishes, and her eyelid has twitched "
       "for a week", 14, TriageLevel::kSelfCare, kAppointment},
      {"cut myself shaving yesterday, now my upper lip keeps twitching", 35,
       TriageLevel::kSelfCare, kAppointment},
      {"after an anti-sickness jab my eyes got stuck looking up, they gave me another injection "
       "and it has not happened since; now my calf twitches after runs", 29,
       TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// Emergencies said in words the reader did not know before.
TEST(SafetyRegression, FeverOnChemoHeatInAChildAndSuddenBenzoStop) {
  const Case cases[] = {
      {"on chemo for breast cancer, temperature 38.3 tonight and shivery, legs cramping", 48,
       kEmergency},
      {"left the baby in the hot car for twenty minutes, now she is floppy and her legs twitch", 1,
       kEmergency},
      {"took lorazepam every night for years and stopped it all at once on Monday, now I am "
       "twitching all over and hearing voices", 50, kEmergency},
      {"my mum is fumbly with her buttons, hauling herself up the stairs, and her feet have "
       "tingled for four days since a stomach bug", 45, kEmergency},
  };
  for (const Case& c : cases) Check(c);
}

// Harmless things that share words with emergencies: numbness after a filling, brain
// freeze, hands stiff from cold water, a question about a fit. With an arm that has gone
// weak, the dentist does not explain it away.
TEST(SafetyRegression, DentistsColdAndQuestionsAreNotEmergencies) {
  const Case safe[] = {
      {"had two fillings this morning, my lower lip is still droopy and numb and my words sound "
       "slurred, the lip twitches as it wakes up", 33, TriageLevel::kSelfCare, kSameDay},
      {"my son had a sharp pain in his forehead eating a slushie too fast, worst pain ever he said, "
       "gone in half a minute", 10, TriageLevel::kSelfCare, kAppointment},
      {"sea swim at dawn, hands white and stiff, could not undo my wetsuit, all fine after a warm "
       "shower; calves twitchy tonight", 45, TriageLevel::kSelfCare, kAppointment},
      {"temperature 38.5, teeth chattering and shivering hard, but chatting to me and drinking. "
       "Is the shivering a fit?", 8, TriageLevel::kSelfCare, kSameDay},
  };
  for (const Case& c : safe) Check(c);
  const Case danger[] = {
      {"had a filling this morning and now my right arm has suddenly gone weak and I can't lift "
       "it", 60, kEmergency},
  };
  for (const Case& c : danger) Check(c);
}

// A carer who asks whether to pass a twitch on to a team is not describing their own
// complaint, so the resident's signs stay the patient's.
TEST(SafetyRegression, ACarerPassingATwitchOnIsNotThePatient) {
  const Case cases[] = {
      {"I look after a resident who started haloperidol last week. Tonight he is rigid all over, "
       "drenched in sweat, temperature 39.5. Should I report the twitching to the nurse tomorrow?",
       40, kEmergency},
      {"Should I report my twitching to the GP? My eyelid has flickered for a week.", 30,
       TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// A stranger named by an article, a brow after cosmetic Botox, double vision while drunk and
// a vitamin taken twice share words with emergencies and are not one.
TEST(SafetyRegression, StrangersBotoxPintsAndVitamins) {
  const Case cases[] = {
      {"in the supermarket a woman had a seizure next to me, I'm shaken and my eyelid keeps "
       "flickering", 30, TriageLevel::kSelfCare, kAppointment},
      {"had Botox in my forehead a week ago, now one eyebrow is a bit droopy, speech and "
       "swallowing normal", 42, TriageLevel::kSelfCare, kSameDay},
      {"saw double after six pints last night, fine today, eyelid twitchy", 26,
       TriageLevel::kSelfCare, kAppointment},
      {"took my vitamin D tablet twice by mistake, feel fine, calf twitches at night", 50,
       TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// A stranger's, a pet's or a past sign told beside the writer's own twitch is not the
// writer's emergency.
TEST(SafetyRegression, AStrangersPetsOrPastSignIsNotTheWriters) {
  const Case cases[] = {
      {"my calf twitches. this morning on the train a passenger had a seizure", 30,
       TriageLevel::kSelfCare, kAppointment},
      {"my calf twitches. this morning our dog had a seizure at the vet", 30,
       TriageLevel::kSelfCare, kAppointment},
      {"my calf twitches. years ago my wife's face dropped on one side with Bell's palsy", 30,
       TriageLevel::kSelfCare, kAppointment},
      {"my eyelid twitches. on the bus I saw a man have a seizure and it shook me up", 30,
       TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// A relative's or friend's emergency sign happening as the writer writes ("right now",
// "just now") is an emergency in front of them; told as over or explained, it is not.
TEST(SafetyRegression, ACompanionsSignHappeningRightNowEscalates) {
  const Case cases[] = {
      {"my calf twitches. right now my wife is jerking all over on the floor and wont answer me",
       40, kEmergency},
      {"my eyelid has twitched for a week. my husband just now started slurring his words and his "
       "face looks droopy, should i worry about my eye?", 40, kEmergency},
      {"my eyelid twitches. my husband is fine now, his speech was slurred last night after the "
       "pub", 40, TriageLevel::kSelfCare, kAppointment},
      {"my thumb twitches. my son had one of his usual seizures this morning, back to normal now",
       40, TriageLevel::kSelfCare, kAppointment},
      {"my eyelid twitches. my dog is having a fit right now", 40, TriageLevel::kSelfCare,
       kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// A "yes" that goes on ("headache? yes since yesterday") affirms the sign asked; a
// comparison ("like someone had hit me") names no one else.
TEST(SafetyRegression, SelfAnsweredYesAndComparisonsKeepTheSign) {
  const Case cases[] = {
      {"34 weeks pregnant, my hands twitch. headache? yes since yesterday", 30, kEmergency},
      {"my eyelid twitches. last night a headache came on at the back of my head like someone "
       "had whacked me with a bat, and I was sick twice", 44, kEmergency},
      {"fever? no. headache? no. just my eyelid twitching for a week", 30, TriageLevel::kSelfCare,
       kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// An arm that cannot be lifted after a shoulder operation or a fracture is explained; the
// same arm suddenly weak is not.
TEST(SafetyRegression, AnArmLimitedByAnOperationIsNotAStroke) {
  const Case cases[] = {
      {"i cannot lift my arm after my shoulder operation, and my eye twitches", 40,
       TriageLevel::kSelfCare, kSameDay},
      {"i broke my arm last year. today suddenly i cannot lift my arm", 40, kEmergency},
  };
  for (const Case& c : cases) Check(c);
}

// What an old stroke left behind, unchanged, is not a new stroke; a sudden new sign beside
// it is. A clinician's instruction to go to A&E stands; a leaflet's "if" does not.
TEST(SafetyRegression, OldStrokeDeficitsAndAClinicianSendingToAandE) {
  const Case cases[] = {
      {"since his stroke four years ago he has a droop on the left of his mouth and a weak left "
       "arm, no different today. his right eyelid has started flickering", 78,
       TriageLevel::kSelfCare, kSameDay},
      {"since his stroke four years ago he has a weak left arm. an hour ago his speech suddenly "
       "went slurred", 78, kAmbulance},
      {"the surgery phoned about my blood test and said go to a&e today, I only have a twitchy "
       "thigh", 70, kEmergency},
      {"the leaflet says call 999 if your lips swell. my eyelid twitches", 30,
       TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// Words shared with emergencies in everyday settings: a baby's pregnancy weeks at birth, a
// leak on sneezing, urine pale again after water, spraying in full kit, being fit.
TEST(SafetyRegression, BirthWeeksSneezeLeaksWaterAndFitness) {
  const Case cases[] = {
      {"our son is 2 weeks old, born at 38 weeks, and his chin quivers when he cries", 0,
       TriageLevel::kSelfCare, kSameDay},
      {"I'm 30 weeks pregnant with a sore lower back and I leak a bit of wee when I cough, "
       "calf cramps at night", 32, TriageLevel::kSelfCare, kSameDay},
      {"numb between my legs, can't feel myself wee and my back is killing me", 45, kEmergency},
      {"my urine was dark like tea after the hot gig, drank plenty and it is pale again, legs "
       "a bit crampy", 24, TriageLevel::kSelfCare, kSameDay},
      {"I spray the orchard in a full protective suit with mask and gloves, no sweating, no "
       "drooling, just a twitchy calf after ladders", 50, TriageLevel::kSelfCare, kAppointment},
      {"sprayed the orchard yesterday and now my arms are twitching and I am sweating and "
       "drooling", 50, kAmbulance},
      {"I'm 40, fit, I cycle to work, and my thumb twitches", 40, TriageLevel::kSelfCare,
       kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// A softening word inside a sign ("can't really feel") keeps the sign; blood results given
// as numbers are read; a short comparison after a comma belongs to what it describes.
TEST(SafetyRegression, SoftenedSignsNumbersAndShortComparisons) {
  const Case cases[] = {
      {"my calf twitches and I can't properly feel the loo roll when I wipe since Monday", 50,
       kEmergency},
      {"my arm suddenly went weak, and now I can't even hold a mug up. thumb twitching", 60,
       kEmergency},
      {"the practice nurse phoned, my potassium came back at 6.8, my legs twitch", 64, kEmergency},
      {"my sodium was 119 on the hospital letter, I am muddled and my hands twitch", 80,
       kEmergency},
      {"after a heavy leg day my thighs twitch and my pee is very dark, like cola, today", 26,
       kSameDay},
      {"my potassium was 4.2 last month, all normal, my eyelid twitches", 50,
       TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// "When I was 10 minutes from home" is today; "when I was 2" is childhood. The same
// words as an emergency in an everyday setting stay low: restless legs that will not stop
// at bedtime, a droop an old stroke left, teeth numbed by the dentist, a limp after a knock.
TEST(SafetyRegression, TimesThatAreNotAgesAndEverydayLookAlikes) {
  const Case cases[] = {
      {"when I was 5 minutes from the shops my left arm went weak and heavy, now my fingers "
       "twitch", 66, kEmergency},
      {"when I was 3 I had a fit with a fever, none since, and now at 40 my eyelid twitches", 40,
       TriageLevel::kSelfCare, kAppointment},
      {"most nights in bed my legs won't stop jerking and I have an urge to move them, for "
       "months now", 55, TriageLevel::kSelfCare, kAppointment},
      {"since her stroke in 2019 the left corner of her mouth has sagged, same as ever, and now "
       "her eyelid flickers", 80, TriageLevel::kSelfCare, kSameDay},
      {"the dentist numbed my bottom teeth for a filling and my lip feels numb, eyelid "
       "twitching", 35, TriageLevel::kSelfCare, kSameDay},
      {"took a kick to the thigh at football, limped off, a bruise is coming up and the "
       "muscle twitches", 19, TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

// A sign that holds its own denial ("will not talk to me properly", "her smile does not go
// up on one side", "can't bend his chin to his chest"), a plan told inside a condition, and
// a pregnancy named in another language.
TEST(SafetyRegression, DenialsInsideSignsPlansInConditionsOtherLanguages) {
  const Case cases[] = {
      {"my nan's hand is not strong since this morning and her smile does not go up on one side",
       80, kEmergency},
      {"he can't hold his cup or talk right since tea time, his eyelid twitches", 70, kEmergency},
      {"my son's left leg keeps shaking and he will not talk to me properly, 15 minutes now", 9,
       kEmergency},
      {"she has had a high temperature since yesterday and she can't bend her chin to her chest",
       19, kEmergency},
      {"if the scan says MND I'm done, I have my old tablets saved up in the cupboard, my calves "
       "twitch", 58, kEmergency},
      {"je suis enceinte, 35 weeks, bad headache all day and flashing lights, my hands twitch", 31,
       kEmergency},
      // Look-alikes with the same words.
      {"my hand is strong again after the physio, my smile is even, my eyelid twitches", 50,
       TriageLevel::kSelfCare, kAppointment},
      {"watched a film about suicide last night, I'm fine and happy, eyelid twitch since exams",
       24, TriageLevel::kSelfCare, kAppointment},
      // A neck stiff after a long drive is one sign, not tetanus; a diabetic's coffee this
      // morning is not a stroke.
      {"drove 8 hours yesterday, this morning my neck is stiff and my shoulders twitch, no "
       "fever", 45, TriageLevel::kSelfCare, kAppointment},
      {"type 2 diabetic on metformin, two big coffees this morning and my eyelid twitches, "
       "sugar 6.1, I feel fine", 59, TriageLevel::kSelfCare, kAppointment},
      // "Both legs strong" denies weakness; it is no complaint on both sides.
      {"sciatica down my left leg for a month, bladder and bowels normal, both legs strong, calf "
       "twitches", 44, TriageLevel::kSelfCare, kAppointment},
      // Arms too tired to lift after shoulder presses; a child's stare that a touch ends.
      {"did 150 shoulder presses yesterday and now I can't lift my arms above my head, biceps "
       "twitch", 23, TriageLevel::kSelfCare, kSameDay},
      {"my son (7) stares at the wall in maths and doesn't answer, but tap him on the shoulder "
       "and he is straight back, no jerks", 7, TriageLevel::kSelfCare, kAppointment},
      // Figures of speech and a head rush.
      {"honestly I could die of embarrassment when my eyelid twitches on video calls", 27,
       TriageLevel::kSelfCare, kAppointment},
      {"got up quickly from the sofa and everything went dark for a few seconds, fine now, calves "
       "twitch", 20, TriageLevel::kSelfCare, kAppointment},
      // Calling people by the wrong name, words that will not come, a weak arm within the hour.
      {"dad is on gliclazide, skipped lunch, now sweaty and shaky and he called me by my "
       "brother's name", 81, kEmergency},
      {"in the cafe just now I couldn't get the right names for things and kept saying thingy, "
       "eyelid twitching all week", 52, kEmergency},
      {"my husband's right arm went floppy in the last hour, he's had cramp in his legs for years",
       77, kEmergency},
      // A carer writes about the person cared for: her signs are hers, not set aside.
      {"I'm a support worker. The lady I support has a twitchy eyelid, and since lunch she keeps "
       "slumping to one side and won't pick up her cup with her left hand", 61, kEmergency},
      // A toddler who fell onto her head and vomits; an epilepsy medicine too strong.
      {"my 3 year old fell off the sofa arm onto his head an hour ago and has been sick twice", 3,
       kEmergency},
      {"her lamotrigine went up on Monday, now she walks like she's tipsy and sees two tellys, "
       "calf twitch", 30, kSameDay, kEmergency},
      // Hiccups, a heavy sleeper, a faint a hospital explained, a lip twitching as the
      // dentist's numbness wears off.
      {"I've had hiccups since lunch, it makes a noise when I breathe in but I breathe fine, "
       "belly twitch", 45, TriageLevel::kSelfCare, kAppointment},
      {"my daughter is impossible to wake in the mornings after scrolling till 1, fine once up, "
       "eyelid twitch", 14, TriageLevel::kSelfCare, kAppointment},
      {"I fainted at 15 at the dentist, the hospital said it was just a simple faint, now my "
       "calf twitches", 19, TriageLevel::kSelfCare, kAppointment},
      {"had a filling this afternoon, lip still numb, tea ran down my chin, now the lip is "
       "twitching as it wears off", 30, TriageLevel::kSelfCare, kSameDay},
      // An infected wound with fever and fast breathing is sepsis until shown otherwise.
      {"my new piercing went red with pus, tonight I'm shivering with a fever and breathing fast, "
       "legs twitch", 22, kEmergency},
      {"flu for 2 days, temperature 38.5, and my skin has gone blotchy, calves twitching", 40,
       kEmergency},
      // A clinician's diagnosis counts; "she said" is the GP speaking, not her face.
      {"the GP saw me yesterday and she said Bell's palsy, my left face dropped over Sunday and "
       "now my cheek twitches", 35, TriageLevel::kSelfCare, kSameDay},
      {"my doctor said it's Bell's palsy, the right side of my face went slack two days ago, "
       "eyelid twitching", 41, TriageLevel::kSelfCare, kSameDay},
      // "If I pick him up it stops" tells what always happens; an old Bell's droop unchanged.
      {"our 3 week old jerks his arms in clusters only when he is fast asleep, if I pick him up "
       "and he wakes it stops at once, feeding well", 0, TriageLevel::kSelfCare, kAppointment},
      {"my husband's mouth has drooped a little ever since his bell's palsy in 2015, never "
       "changed, now his eyelid twitches", 77, TriageLevel::kSelfCare, kSameDay},
      // Numbers of tablets, a strip with gaps, a benzodiazepine stopped without "my".
      {"after the argument I took 24 of the 500mg ones about 4 hours ago, feel fine, legs "
       "twitching", 19, kEmergency},
      {"my 3 year old was in my bag and the strip of my blood pressure tablets has 3 gaps, she "
       "is floppier than usual", 3, kEmergency},
      {"stopped diazepam 10mg three days ago after 5 years, sweating and twitching all over", 45,
       kSameDay, kEmergency},
      // Emergencies the twitch can sit beside: a heart attack, a drug rash with mouth
      // blisters, a bladder that will not empty, a cold white leg, a clot in one calf.
      {"my left arm twitches and I have a crushing pain in my chest going into my jaw, sweating",
       60, kAmbulance},
      {"on carbamazepine for a month, now a rash and blisters in my mouth, eyelid twitching", 30,
       kEmergency},
      {"I have not been able to pass any water since last night and my tummy is swollen, legs "
       "twitch", 70, kEmergency},
      {"my right leg suddenly went cold and white and it's numb, calf cramps", 72, kAmbulance},
      {"my right calf is swollen and warm since the flight, it cramps", 40, kSameDay},
      {"my chest muscle twitches under my left nipple now and then, no pain, I feel fine", 28,
       TriageLevel::kSelfCare, kAppointment},
      // The fewest words: a mouth going to one side, a lip that will not close, too weak to
      // get off the floor with a fever, spots that stay when squashed with a phone, giving
      // away a pet; and their look-alikes.
      {"since an hour my mouth is going to one side and my lip will not close when I drink", 66,
       kEmergency},
      {"fever and so weak I can't get off the floor, legs twitchy", 16, kEmergency},
      {"fever, tiny red pinpricks on my arm stay there when I squash them with my phone screen",
       21, kEmergency},
      {"my brother gave me his dog tonight and said he won't need his stuff after Friday, his eye "
       "twitches", 24, kEmergency},
      {"tiny purple dots around my eyes after I was sick all night, no fever, calves cramping", 30,
       TriageLevel::kSelfCare, kSameDay},
      {"worst headache of my life lol, hangover, it crept up this morning after a bottle of wine, "
       "eyelid twitching", 27, TriageLevel::kSelfCare, kSameDay},
      // Split and scattered: a hand that would not close round a mug and thick words; the
      // flow that would not start and a bottom like sitting on a wet cushion after a back injury.
      {"at lunch his hand wouldn't close round the cup, and his words are a bit thick, like he's "
       "had a pint. eye twitching for weeks", 74, kEmergency},
      {"hurt my back lifting. can't get the flow going on the loo. my bum feels like I'm sitting on "
       "a wet cushion. thighs twitch", 38, kEmergency},
      // Non-native English: "mi madre 80 years" is her age; "she don't know where she is";
      // "fall from the top bunk on his head".
      {"mi madre 79 years, water infection, today she shakes and she don't know where she is, "
       "breathing very fast", 79, kEmergency},
      {"my son fall from the top bunk on his head, now he vomit two times and he don't want to "
       "open eyes", 7, kEmergency},
      // Look-alikes: an arm slept on, a dreamy child who answers at once, a faint at the
      // sight of a needle, a lump in the throat with stress, a GP who "forgot".
      {"fell asleep with my head on it and couldn't lift my right arm, came back after five "
       "minutes of pins and needles, bicep twitches", 30, TriageLevel::kSelfCare, kSameDay},
      {"my son zones out in class, but if I touch his shoulder he looks round and answers at once, "
       "eyelid twitches", 8, TriageLevel::kSelfCare, kAppointment},
      {"when I saw the needle I fainted and my arms jerked for a few seconds, woke straight away, "
       "always happens with needles", 20, TriageLevel::kSelfCare, kSameDay},
      {"the GP gave me codeine and forgot I'm on sertraline, I feel fine, back twitching", 45,
       TriageLevel::kSelfCare, kSameDay},
      // Under-fives: the writer's own fright is not a complaint; "yr old" is an age, not the
      // past; a button battery gone; a soft spot sticking up; a 10-day-old with 38.1.
      {"baby 11 months banged the back of his head on the tiles and has been sick 3 times since. "
       "sorry im shaking", 0, kEmergency},
      {"2 yr old bumped her head on the slide an hour ago and now keeps nodding off", 2, kEmergency},
      {"the little round battery from the remote is gone and my 2 year old says he ate a coin", 2,
       kEmergency},
      {"my 10 days old son feels hot, thermometer says 38.2", 0, kEmergency},
      {"my 2 week old's chin trembles really fast when she cries, like shivering, stops when I "
       "hold her, no temperature", 0, TriageLevel::kSelfCare, kAppointment},
      // Work and sport: a collapse with gaps between breaths, a knee to the side of the head
      // then vomiting, an insulin-using colleague sleepy and talking strange, lips swelling
      // after a satay (the writer has no complaint: "hes" names him), a squeezing chest.
      {"our mate just went down at football, arms jerked, now big gaps between breaths", 45,
       kAmbulance},
      {"took a knee to the side of the head in the match, sick twice on the bus", 16, kEmergency},
      {"my colleague has diabetes with insulin, sweating, talking strange and very sleepy now", 50,
       kEmergency},
      {"my coworker ate satay and now his lips are swelling up. hes also got twitchy hands which "
       "is why im asking", 30, kEmergency},
      {"on the bike, squeezing feeling in my chest going into my jaw, sweaty, arm twitchy", 55,
       kAmbulance},
      {"took a knee to the thigh in training, dead leg for a minute, now it twitches, no head "
       "knock", 16, TriageLevel::kSelfCare, kSameDay},
      // Feeling faint is not fainting; a baby's sleep jerks that stop when picked up.
      {"at hot yoga I went a bit faint and sweaty, sat down with water and felt normal in 10 "
       "minutes, legs twitchy", 23, TriageLevel::kSelfCare, kSameDay},
      {"my 3 month old jerks her arms and legs in bursts when she is in a deep sleep, if I pick "
       "her up or she wakes it stops straight away", 0, TriageLevel::kSelfCare, kAppointment},
      // Pregnancy and after birth: "35+2" is a pregnancy; fever with quick breathing and a
      // wound after a caesarean; breathless with a stabbing pain on breathing in after birth;
      // the baby not moving; flickering lights and a puffy face after birth.
      {"33+4 and a burning pain right under my ribs, been sick twice, legs twitchy", 31,
       kEmergency},
      {"wife had a c section 4 days ago, hot and shaking, breathing really quick, the wound smells "
       "off", 30, kEmergency},
      {"12 days after my c section, out of breath walking to the loo and a stabbing pain when I "
       "breathe in", 32, kAmbulance},
      {"30 weeks pregnant, my tummy has gone tight and hard and the baby hasn't moved since lunch",
       29, kEmergency},
      {"day 4 after the birth, flickering lights at the edge of my vision and my face is puffy, "
       "foot cramps", 28, kEmergency},
      // Older people alone: on insulin, stroppy then vague and staring; co-codamol and
      // paracetamol taken together for days.
      {"he is on insulin, missed lunch, sweating, stroppy and swearing, then went all vague and "
       "staring", 70, kEmergency},
      {"she took co codamol 2 four times a day and her paracetamol too, didn't know they both had "
       "paracetamol, now sleepy and sick", 81, kEmergency},
      // A jump as I'm dropping off to sleep; a bruise from a knock going yellow.
      {"as I'm dropping off I get a jump in my legs that wakes me, I'm steady on my feet", 81,
       TriageLevel::kSelfCare, kAppointment},
      {"knocked my shin on the table on Sunday, big purple bruise on the front, going yellow now, "
       "calf twitches", 79, TriageLevel::kSelfCare, kAppointment},
      // Parathyroid surgery in Spanish, hands locking.
      {"operaron a mi madre de la paratiroides hace 3 dias, now her fingers curl up stiff like "
       "a claw", 62, kEmergency},
  };
  for (const Case& c : cases) Check(c);
}

// Signs told in pieces: a label and a colon, an elliptic "Couldn't.", a pronoun that takes
// up the noun, a dropped g, a "not" that says what someone cannot do; and the look-alikes
// with the same words.
TEST(SafetyRegression, SignsInPiecesAndThroughWhatCannotBeDone) {
  const Case cases[] = {
      {"my eyelid twitches. This morning I tried to lift my arm to brush my hair. Couldn't.", 60,
       kAmbulance},
      {"twitchy eye. Left arm: no strength since lunch", 66, kAmbulance},
      {"my left calf, it's swollen and hot, and twitching", 50, kSameDay},
      {"my left calf has gone puffy and warm since the long flight", 44, kSameDay},
      {"she's not makin sense n her face is saggin on one side, started an hour ago", 70,
       kAmbulance},
      {"since this morning my right hand won't grip properly, I dropped my mug and can't do up my "
       "shirt buttons", 58, kEmergency},
      {"my left hand is jerking for 6 minutes and I cannot make it stop", 45, kAmbulance},
      {"legs twitching and I can only say a few words between breaths", 61, kAmbulance},
      {"pain in my head came like being hit with a cricket bat, worst ever, 5 mins ago", 44,
       kAmbulance},
      {"feet tingled first, then it went up to my knees in 2 days, now I can't do stairs", 39,
       kEmergency},
      {"I took the rest of my sertraline an hour ago, I just want it all to stop, legs twitch", 22,
       kAmbulance},
      {"started lamotrigine 3 weeks ago, now a rash on my back that has turned into blisters", 27,
       kEmergency},
      {"my husband just came in from the garden, his tea is dribbling out of the side of his "
       "mouth, he says he's fine. I've had a twitchy eye for weeks", 63, kEmergency},
      {"sister 24 started a new tablet for her nerves, now her neck is pulled round to one side "
       "and her eyes roll up. my eyelid twitches too", 24, kEmergency},
      {"my eyelids droop by the evening, I see double and now I struggle to swallow and I'm "
       "short of breath sitting still", 36, kAmbulance},
      {"Right thumb started jerking. Then the wrist. Then up to the shoulder. Been 7 minutes now.", 52,
       kAmbulance},
      {"after tea I was trying to tell my husband about the bins and the words came out all "
       "jumbled, fine now, my eyelid has twitched for a week", 70, kEmergency},
      {"my 6 week old feels warm, 38.4 under the arm, and his legs keep twitching", 0, kEmergency},
      {"31 weeks pregnant, leg cramps at night, and the baby has been much quieter than usual "
       "today", 27, kEmergency},
      {"Symptoms today\nchest - pressure 4/10, came on climbing the stairs, still there after 30 min\n"
       "breath - shorter than usual\nR arm - twitching (old)", 58, kAmbulance},
      {"my 9 year old is always thirsty, keeps weeing, has lost weight, now being sick and "
       "breathing fast and deep", 9, kEmergency},
      {"had the runs for 3 days, on water tablets, haven't passed water since this morning, legs cramp",
       81, kEmergency},
      {"been doing nos balloons every weekend, now my feet are numb and my legs feel weak", 21,
       kSameDay},
      {"my toddler has a temperature of 38.9 and the light hurts his eyes, hands twitch", 3,
       kSameDay},
      // Look-alikes with the same words.
      {"type 2 on metformin, shaky and sweaty after skipping lunch, I checked and it was 6.4, "
       "eyelid twitch", 55, TriageLevel::kSelfCare, kAppointment},
      {"she has flu, 38.5, was shaking all over with her teeth chattering, saying she was cold, "
       "fine after Calpol", 8, TriageLevel::kSelfCare, kSameDay},
      {"Pregnant 30 wks\n1. calves cramp at night\n2. headaches: no\n3. swelling: no\n4. vision: fine", 29,
       TriageLevel::kSelfCare, kAppointment},
      {"my eyelid twitched all week. Then it stopped. Then it came back after a late night", 30,
       TriageLevel::kSelfCare, kAppointment},
      {"I've been 38 weeks and the room is 21 degrees, calf cramps at night", 33,
       TriageLevel::kSelfCare, kSameDay},
      {"my eye twitches. Tried to sleep. Couldn't. Third night of exams", 20,
       TriageLevel::kSelfCare, kAppointment},
      {"ate peanuts at lunch, no swelling just lip twitching, breathing fine", 30,
       TriageLevel::kSelfCare, kAppointment},
      {"my 3 month old startles when the door slams, arms fly out, then settles and feeds", 0,
       TriageLevel::kSelfCare, kAppointment},
      {"I'm 34 and have 2 kids, headache after a late night, eyelid twitch", 34,
       TriageLevel::kSelfCare, kAppointment},
      {"my calves are sore and tight after the run yesterday, no swelling, both the same", 35,
       TriageLevel::kSelfCare, kAppointment},
      {"pulling in my neck muscles after the gym, no fever, shoulders twitch", 28,
       TriageLevel::kSelfCare, kAppointment},
  };
  for (const Case& c : cases) Check(c);
}

}  // namespace
}  // namespace twitchcheck
