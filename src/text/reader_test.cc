// Table-driven tests of the text reader as a whole: ordinary people's own words (worried
// twenty-somethings, older people, parents writing about a child, partners writing about a
// spouse; typos, British and American spelling, contractions, numbers as words and digits)
// -> the evidence, its status and span, and the attributes read from them.
//
// Each case lists what must be read: `present`, `possible` (said with doubt), `absent`
// (denied), or `not_found` (no evidence at all: hypothetical, in the past, or someone
// else's). A finding the case does not name is not checked. `span` is the text that the
// first expectation's evidence covers (its first span). Numbers are checked only when given.
//
// kKnownGaps holds phrasings the reader gets wrong today because of the reader's code, not
// its data; they are run (no crash) but not asserted, and each says what goes wrong.
#include "text/reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kb/knowledge.h"
#include "testing/test_support.h"

namespace twitchcheck {
namespace {

enum class Is { kPresent, kPossible, kAbsent, kNotFound };
constexpr Is present = Is::kPresent;
constexpr Is possible = Is::kPossible;
constexpr Is absent = Is::kAbsent;
constexpr Is not_found = Is::kNotFound;

const char* Name(Is is) {
  switch (is) {
    case Is::kPresent: return "present";
    case Is::kPossible: return "possible";
    case Is::kAbsent: return "absent";
    case Is::kNotFound: return "not_found";
  }
  return "?";
}

struct Expect {
  std::string_view id;
  Is is;
};

struct Case {
  std::string_view text;
  std::vector<Expect> expect;
  std::string_view span = {};  // text of the first expectation's first span; empty: unchecked
  std::optional<double> duration_days = {};
  std::optional<double> caffeine = {};    // caffeine_drinks_per_day
  std::optional<double> sleep = {};       // sleep_hours
  std::optional<double> cigarettes = {};  // cigarettes_per_day
  std::optional<double> alcohol = {};     // alcohol_drinks_per_day
  std::optional<int> age = {};
  std::string_view sex = {};
  std::string_view known_gap = {};  // kKnownGaps only: what the reader gets wrong
};

// --- Plain symptoms by body site and side -------------------------------------------------
const std::vector<Case> kSites = {
    {.text = "My left eyelid keeps twitching.",
     .expect = {{"eyelid_twitch", present}, {"one_eye", present}, {"muscle_twitch", present}},
     .span = "eyelid keeps twitching"},
    {.text = "my right eye lid has been twiching all day",
     .expect = {{"eyelid_twitch", present}, {"one_eye", present}, {"constant_twitching", present}},
     .span = "eye lid has been twiching"},
    {.text = "my eye lid is twiching like mad",
     .expect = {{"eyelid_twitch", present}, {"weakness", not_found}}},
    {.text = "The bottom lid of my right eye flutters a lot",
     .expect = {{"eyelid_twitch", present}, {"one_eye", present}}},
    {.text = "Both of my eyes keep fluttering",
     .expect = {{"both_eyes", present}, {"eyelid_twitch", present}, {"one_eye", not_found}},
     .span = "Both of my eyes"},
    {.text = "Twitchy eye for days, driving me nuts",
     .expect = {{"eyelid_twitch", present}}, .span = "Twitchy eye"},
    {.text = "Under my right eye it jumps",
     .expect = {{"eyelid_twitch", present}, {"one_eye", present}}},
    {.text = "my eyebrow keeps twitching", .expect = {{"eyelid_twitch", present}}},
    {.text = "My cheek twitches, only on the left side",
     .expect = {{"cheek_twitch", present}, {"one_side_face", present}},
     .span = "cheek twitches"},
    {.text = "the corner of my mouth keeps pulling up on its own",
     .expect = {{"mouth_twitch", present}}, .span = "corner of my mouth"},
    {.text = "My upper lip keeps jumping", .expect = {{"mouth_twitch", present}}},
    {.text = "My chin quivers and my jaw twitches when I'm at my desk",
     .expect = {{"jaw_twitch", present}, {"screen_time", present}}},
    {.text = "the side of my nose twitches",
     .expect = {{"face_twitch", present}}, .span = "nose twitches"},
    {.text = "my tongue has been quivering",
     .expect = {{"tongue_twitch", present}}, .span = "tongue has been quivering"},
    {.text = "My neck muscles keep spasming", .expect = {{"neck_twitch", present}}},
    {.text = "my left shoulder blade twitches", .expect = {{"shoulder_twitch", present}}},
    {.text = "little flickers in my bicep after the gym",
     .expect = {{"arm_twitch", present}, {"hard_exercise", present}, {"muscle_twitch", present}},
     .span = "bicep"},
    {.text = "my forearm is twitching", .expect = {{"forearm_twitch", present}}},
    {.text = "My thumb keeps jumping, right at the base of my thumb",
     .expect = {{"hand_twitch", present}}, .span = "thumb keeps jumping"},
    {.text = "Twitching in my back and between my ribs",
     .expect = {{"back_twitch", present}, {"trunk_twitch", present}}},
    {.text = "my stomach muscles twitch when I lie down", .expect = {{"trunk_twitch", present}}},
    {.text = "the muscle in my left buttock keeps twitching",
     .expect = {{"buttock_twitch", present}}},
    {.text = "I get twitches in my right thigh when I sit down",
     .expect = {{"thigh_twitch", present}, {"muscle_twitch", present}}},
    {.text = "fasciculations in my quads after leg day",
     .expect = {{"muscle_twitch", present}, {"thigh_twitch", present}, {"hard_exercise", present}},
     .span = "fasciculations"},
    {.text = "both my calves have been twitching since I started marathon training",
     .expect = {{"calf_twitch", present}, {"hard_exercise", present}, {"new_medication", not_found}}},
    {.text = "my toes twitch at night",
     .expect = {{"foot_twitch", present}, {"worse_evening_night", present}}},
    {.text = "my right big toe keeps jerking", .expect = {{"foot_twitch", present}}},
    {.text = "I'm anaemic and my eyelid twitches",
     .expect = {{"iron_deficiency", present}, {"eyelid_twitch", present}}, .span = "anaemic"},
    {.text = "My eyelid twitches whenever I drink coffee",
     .expect = {{"eyelid_twitch", present}, {"caffeine_intake", present}}},
    {.text = "I have twitches after a cigarette",
     .expect = {{"twitch_after_nicotine", present}, {"muscle_twitch", present}},
     .span = "after a cigarette"},
    {.text = "I get a charley horse in my calf most nights", .expect = {{"cramps", present}}},
    {.text = "my eye twitches every few seconds, it's doing my head in",
     .expect = {{"eyelid_twitch", present}, {"constant_twitching", present}}},
    {.text = "It's been a nightmare, my lip twitches when I smile",
     .expect = {{"mouth_twitch", present}, {"triggered_by_facial_movement", present}}},
    {.text = "I've got twitches all over my body",
     .expect = {{"widespread_twitch", present}}, .span = "all over my body"},
};

// --- Negation in lay words ----------------------------------------------------------------
const std::vector<Case> kNegation = {
    {.text = "No weakness at all.", .expect = {{"weakness", absent}}, .span = "weakness"},
    {.text = "I don't have any tingling or numbness at all.",
     .expect = {{"numbness", absent}, {"tingling", absent}}},
    {.text = "eye twitching without any pain or weakness",
     .expect = {{"weakness", absent}, {"eyelid_twitch", present}}},
    {.text = "I've never had a seizure", .expect = {{"seizure_reported", absent}}},
    {.text = "My speech is not slurred at all", .expect = {{"speech_difficulty", absent}}},
    {.text = "Nothing else is wrong, just the eye twitch.",
     .expect = {{"feels_otherwise_well", present}, {"eyelid_twitch", present}},
     .span = "Nothing else is wrong"},
    {.text = "I haven't noticed any weakness in my hands",
     .expect = {{"weakness", absent}, {"hand_weakness", absent}}},
    {.text = "no tingling, no numbness, no cramps",
     .expect = {{"tingling", absent}, {"numbness", absent}, {"cramps", absent}}},
    {.text = "Not tired, not stressed, sleeping fine.",
     .expect = {{"fatigue", absent}, {"stress", absent}}},
    {.text = "Neither my arms nor my legs feel weak",
     .expect = {{"weakness", absent}, {"leg_weakness", absent}}},
    {.text = "No fever, no stiff neck.", .expect = {{"fever", absent}, {"stiff_neck", absent}}},
    {.text = "i dont get any cramps", .expect = {{"cramps", absent}}},
    {.text = "I do not have diabetes", .expect = {{"diabetes", absent}}},
    {.text = "no problems swallowing",
     .expect = {{"difficulty_swallowing", absent}}, .span = "problems swallowing"},
    {.text = "I have no trouble swallowing", .expect = {{"difficulty_swallowing", absent}}},
    {.text = "my vision is fine, no double vision", .expect = {{"vision_problems", absent}}},
    {.text = "there's no droop in my face", .expect = {{"facial_droop", absent}}},
    {.text = "there's no ringing in my ears",
     .expect = {{"tinnitus", absent}}, .span = "ringing in my ears"},
    {.text = "I don't have a temperature", .expect = {{"fever", absent}}},
    {.text = "Haven't had any dizziness", .expect = {{"dizziness", absent}}},
    {.text = "I'm not losing weight", .expect = {{"weight_loss", absent}}},
    {.text = "I never drink energy drinks", .expect = {{"caffeine_intake", absent}}},
    {.text = "no pins and needles whatsoever", .expect = {{"tingling", absent}}},
    {.text = "I don't smoke and I barely drink",
     .expect = {{"nicotine_use", absent}, {"low_fluid_intake", not_found}}},
    {.text = "My eye has stopped twitching since I cut out coffee",
     .expect = {{"eyelid_twitch", absent}}},
    {.text = "I'm not weak at all", .expect = {{"weakness", absent}}},
    {.text = "no sign of weakness anywhere", .expect = {{"weakness", absent}}},
    {.text = "weakness isn't an issue for me", .expect = {{"weakness", absent}}},
    {.text = "Weakness: none.", .expect = {{"weakness", absent}}, .span = "Weakness"},
    {.text = "No loss of strength",
     .expect = {{"weakness", absent}}, .span = "loss of strength"},
    {.text = "Ive got no numbnes and no weekness",
     .expect = {{"numbness", absent}, {"weakness", absent}}, .span = "numbnes"},
    {.text = "I havent got any tingling", .expect = {{"tingling", absent}}},
    {.text = "there wasn't any numbness", .expect = {{"numbness", absent}}},
    {.text = "It isn't painful and it doesn't spread", .expect = {{"spreading", absent}}},
    {.text = "I can't say I've noticed any weakness", .expect = {{"weakness", absent}}},
    {.text = "no issues with swallowing", .expect = {{"difficulty_swallowing", absent}}},
    {.text = "Not a single cramp", .expect = {{"cramps", absent}}},
    {.text = "Definitely no slurring", .expect = {{"speech_difficulty", absent}}},
    {.text = "My legs aren't weak",
     .expect = {{"leg_weakness", absent}}, .span = "legs aren't weak"},
    {.text = "I don't feel dizzy or sick", .expect = {{"dizziness", absent}}},
    {.text = "I'm not pregnant", .expect = {{"pregnancy", absent}}},
    {.text = "I'm not taking any steroids", .expect = {{"med_corticosteroid", absent}}},
    {.text = "Nothing wrong with my balance", .expect = {{"balance_problems", absent}}},
};

// --- Scope: a denial covers its own clause, not the next one ------------------------------
const std::vector<Case> kScope = {
    {.text = "No weakness but my calf twitches",
     .expect = {{"weakness", absent}, {"calf_twitch", present}}},
    {.text = "not tired, just stressed",
     .expect = {{"fatigue", absent}, {"stress", present}}, .span = "tired"},
    {.text = "No numbness; my eyelid has been twitching for a week",
     .expect = {{"numbness", absent}, {"eyelid_twitch", present}}, .duration_days = 7},
    {.text = "I don't drink coffee anymore, however my eye still twitches",
     .expect = {{"caffeine_intake", absent}, {"eyelid_twitch", present}}},
    {.text = "There's no pain, although my thigh twitches a lot",
     .expect = {{"thigh_twitch", present}}},
    {.text = "no tingling and my hand twitches",
     .expect = {{"tingling", absent}, {"hand_twitch", present}}},
    {.text = "I don't feel weak, it's just twitching in both legs",
     .expect = {{"weakness", absent}, {"leg_twitch", present}, {"both_sides", present}}},
    {.text = "No cramps. Lots of twitching in my feet though.",
     .expect = {{"cramps", absent}, {"foot_twitch", present}}, .span = "cramps"},
    {.text = "no slurred speech, which is good, but my face twitches",
     .expect = {{"speech_difficulty", absent}, {"face_twitch", present}}},
    {.text = "no headache, only my eye twitching",
     .expect = {{"headache", absent}, {"eyelid_twitch", present}}},
    {.text = "No twitching in my face, it's only my legs that twitch",
     .expect = {{"face_twitch", absent}, {"leg_twitch", present}},
     .span = "twitching in my face"},
    {.text = "The twitching is not constant",
     .expect = {{"constant_twitching", absent}, {"muscle_twitch", present}}},
    {.text = "I'm not diabetic but my feet burn at night",
     .expect = {{"diabetes", absent}, {"burning_feet", present}}},
    {.text = "My eye doesn't twitch anymore but my cheek does",
     .expect = {{"eyelid_twitch", absent}, {"cheek_twitch", present}}},
};

// --- Words that look like a denial and are not --------------------------------------------
const std::vector<Case> kPseudo = {
    {.text = "Not only my eyelid twitches but my cheek too",
     .expect = {{"eyelid_twitch", present}, {"cheek_twitch", present}}},
    {.text = "It's not just my eyelid twitching, my cheek is going too",
     .expect = {{"eyelid_twitch", present}, {"cheek_twitch", present}}},
    {.text = "No doubt it's getting worse",
     .expect = {{"getting_worse", present}}, .span = "getting worse"},
    {.text = "I can't stop blinking",
     .expect = {{"forceful_blinking", present}}, .span = "can't stop blinking"},
    {.text = "It won't stop twitching",
     .expect = {{"muscle_twitch", present}, {"constant_twitching", present}}},
    {.text = "the twitching won't go away",
     .expect = {{"muscle_twitch", present}, {"long_standing", present}}},
    {.text = "No matter what I do my thigh keeps twitching",
     .expect = {{"thigh_twitch", present}}},
    {.text = "Rest hasn't helped my twitching eyelid", .expect = {{"eyelid_twitch", present}}},
    {.text = "I have no idea why my calf jumps", .expect = {{"calf_twitch", present}}},
    {.text = "Nothing helps, my eye twitches constantly",
     .expect = {{"eyelid_twitch", present}, {"constant_twitching", present}}},
    {.text = "It's not getting better, my eye still twitches",
     .expect = {{"eyelid_twitch", present}}},
    {.text = "I can't stop my leg from jerking", .expect = {{"leg_twitch", present}}},
    {.text = "No improvement in the twitching around my eye",
     .expect = {{"eyelid_twitch", present}}},
    {.text = "Not sure why but my lip twitches", .expect = {{"mouth_twitch", present}}},
    {.text = "without fail, every evening my legs twitch",
     .expect = {{"leg_twitch", present}, {"worse_evening_night", present}}},
    {.text = "my eye hasn't stopped twitching for days", .expect = {{"eyelid_twitch", present}}},
    {.text = "There's no reason for it but my eye keeps twitching",
     .expect = {{"eyelid_twitch", present}}},
    {.text = "No better after a week off work, my thigh still jumps",
     .expect = {{"thigh_twitch", present}}},
    {.text = "I can't help but worry", .expect = {{"anxiety", present}}},
    {.text = "no change, my calf still flickers all day",
     .expect = {{"calf_twitch", present}, {"constant_twitching", present}}},
};

// --- Said with doubt ----------------------------------------------------------------------
const std::vector<Case> kUncertain = {
    {.text = "Maybe my right arm is a bit weak",
     .expect = {{"arm_weakness", possible}}, .span = "arm is a bit weak"},
    {.text = "I think my face droops a bit on the left",
     .expect = {{"facial_droop", possible}}, .span = "face droops"},
    {.text = "It might be getting worse", .expect = {{"getting_worse", possible}}},
    {.text = "Possibly some tingling in my fingers", .expect = {{"tingling", possible}}},
    {.text = "My speech seems slightly slurred", .expect = {{"speech_difficulty", possible}}},
    {.text = "I'm not sure if my hand is weaker", .expect = {{"weakness", possible}}},
    {.text = "I guess I've been stressed lately", .expect = {{"stress", possible}}},
    {.text = "I wonder if my thigh muscle is shrinking",
     .expect = {{"muscle_wasting", possible}}},
    {.text = "My left leg may be a little weak", .expect = {{"leg_weakness", possible}}},
    {.text = "I probably drink too much coffee", .expect = {{"high_caffeine", possible}}},
    {.text = "I might have a bit of a fever", .expect = {{"fever", possible}}},
    {.text = "not sure if it's tingling or just itching", .expect = {{"tingling", possible}}},
    {.text = "Perhaps I'm a bit dehydrated", .expect = {{"low_fluid_intake", possible}}},
    {.text = "my doctor wants to rule out a pinched nerve",
     .expect = {{"known_pinched_nerve", possible}, {"anxiety", not_found}},
     .span = "pinched nerve"},
    {.text = "It's probably nothing but my calf keeps twitching",
     .expect = {{"calf_twitch", present}}},
    {.text = "I doubt it's anything serious but my arm has been weak",
     .expect = {{"arm_weakness", present}}},
    {.text = "could be my imagination but my calf feels weaker",
     .expect = {{"weakness", present}}},
    {.text = "Perhaps it's the coffee, I drink five cups a day",
     .expect = {{"high_caffeine", present}}, .caffeine = 5},
};

// --- The past: a history still counts, a past symptom is not one now ----------------------
const std::vector<Case> kHistory = {
    {.text = "I had Bell's palsy two years ago",
     .expect = {{"history_bells_palsy", present}, {"facial_droop", not_found}},
     .span = "Bell's palsy"},
    {.text = "I've got Bell's palsy on the right",
     .expect = {{"history_bells_palsy", present}, {"pale_skin", not_found}}},
    {.text = "I had Bell's palsy on the right side when I was 30",
     .expect = {{"history_bells_palsy", present}, {"facial_droop", not_found}}},
    {.text = "I used to get eye twitches when I was at uni",
     .expect = {{"eyelid_twitch", not_found}, {"muscle_twitch", not_found}}},
    {.text = "Back in my teens I had a few eye twitches",
     .expect = {{"eyelid_twitch", not_found}}},
    // A number of minutes after "when I was" is a time, not an age; a number alone is an age.
    {.text = "when I was 10 minutes from home my arm went weak",
     .expect = {{"arm_weakness", present}}},
    {.text = "when I was 2 I had a febrile seizure, my mum says I went stiff and jerked all over",
     .expect = {{"seizure_reported", not_found}}},
    {.text = "I had a stroke in 2019", .expect = {{"history_stroke", present}}, .span = "stroke"},
    {.text = "Had a TIA last year", .expect = {{"history_stroke", present}}},
    {.text = "Years ago I had a slipped disc",
     .expect = {{"known_pinched_nerve", present}, {"back_pain", not_found}}},
    {.text = "I was told I had a trapped nerve in my neck years ago",
     .expect = {{"known_pinched_nerve", present}}},
    {.text = "As a kid I had tics",
     .expect = {{"childhood_tics", present}, {"motor_tics", not_found}}},
    {.text = "My face was paralysed on one side last year",
     .expect = {{"facial_droop", not_found}, {"one_side_face", not_found}}},
    {.text = "Previously I had twitching in my calves, now it's my arms that twitch",
     .expect = {{"calf_twitch", not_found}, {"arm_twitch", present}}},
    {.text = "My eye used to twitch during exams, now it's my cheek that twitches",
     .expect = {{"eyelid_twitch", not_found}, {"cheek_twitch", present}}},
    {.text = "I used to get cramps in my legs when I was pregnant",
     .expect = {{"cramps", not_found}}},
    {.text = "I had tingling in my feet last year but it went away",
     .expect = {{"tingling", not_found}}},
    {.text = "Apparently my dad had twitching too when he was my age",
     .expect = {{"muscle_twitch", not_found}}},
    {.text = "I was diagnosed with MS in 2015", .expect = {{"history_ms", present}}},
    {.text = "I've had an underactive thyroid for years",
     .expect = {{"hypothyroidism", present}}, .span = "underactive thyroid"},
    {.text = "After a car accident last year my cheek started twitching",
     .expect = {{"face_trauma", present}, {"cheek_twitch", present}}},
};

// --- Conditions, questions and fears: not evidence ----------------------------------------
const std::vector<Case> kHypothetical = {
    {.text = "What should I do if it spreads to my face?", .expect = {{"spreading", not_found}}},
    {.text = "In case it gets worse, who should I see?",
     .expect = {{"getting_worse", not_found}}},
    {.text = "If my face starts drooping I'll go straight to A&E",
     .expect = {{"facial_droop", not_found}}},
    {.text = "Should I worry if my speech gets slurred?",
     .expect = {{"speech_difficulty", not_found}}},
    {.text = "What if it turns into weakness?", .expect = {{"weakness", not_found}}},
    {.text = "The doctor said to come back if I get any weakness",
     .expect = {{"weakness", not_found}}},
    {.text = "unless it spreads I'm not too bothered", .expect = {{"spreading", not_found}}},
    {.text = "If I start dropping things I'll book an appointment",
     .expect = {{"hand_weakness", not_found}}},
    {.text = "what happens if the twitching spreads to my other arm?",
     .expect = {{"spreading", not_found}, {"arm_twitch", not_found}}},
    {.text = "Should I go to A&E if my face goes numb?", .expect = {{"numbness", not_found}}},
    {.text = "The leaflet says to call 999 if you get slurred speech",
     .expect = {{"speech_difficulty", not_found}}},
    {.text = "I read that twitching can be a sign of MS, is that true?",
     .expect = {{"history_ms", not_found}, {"screen_time", not_found}}},
    {.text = "Is this a sign of MS?", .expect = {{"history_ms", not_found}}},
};

// --- Someone else's illness: family history at most, never the person's own symptom -------
const std::vector<Case> kOthers = {
    {.text = "My uncle has muscular dystrophy",
     .expect = {{"family_history_muscle_disease", present}, {"weakness", not_found}},
     .span = "muscular dystrophy"},
    {.text = "There is a family history of muscular dystrophy on my mother's side",
     .expect = {{"family_history_muscle_disease", present}}},
    {.text = "My mum had a stroke at 70",
     .expect = {{"history_stroke", not_found}, {"facial_droop", not_found}}},
    {.text = "My friend has twitching in her eyelid too",
     .expect = {{"eyelid_twitch", not_found}, {"muscle_twitch", not_found}}},
    {.text = "My friend's eyelid twitched for months and it was just stress",
     .expect = {{"eyelid_twitch", not_found}}},
    {.text = "My sister has MS", .expect = {{"history_ms", not_found}}},
    {.text = "my grandfather died of motor neurone disease",
     .expect = {{"fear_of_als", not_found}}},
    {.text = "My brother has Tourette's", .expect = {{"motor_tics", not_found}}},
    {.text = "My coworker had Bell's palsy last year",
     .expect = {{"history_bells_palsy", not_found}}},
    {.text = "My colleague has ALS", .expect = {{"fear_of_als", not_found}}},
    {.text = "My aunt was diagnosed with epilepsy", .expect = {{"epilepsy_history", not_found}}},
    {.text = "my nan has diabetes", .expect = {{"diabetes", not_found}}},
    {.text = "My mother has an underactive thyroid", .expect = {{"hypothyroidism", not_found}}},
    {.text = "my brother gets the same eye twitch when he's stressed",
     .expect = {{"family_history_muscle_disease", not_found}}},
    {.text = "My wife had a stroke last year and I've been caring for her",
     .expect = {{"history_stroke", not_found}, {"stress", present}}},
    {.text = "I keep reading about ALS online",
     .expect = {{"fear_of_als", present}, {"screen_time", not_found}}},
    {.text = "My girlfriend noticed my leg twitching while I slept",
     .expect = {{"leg_twitch", present}, {"twitch_during_sleep", present}}},
    {.text = "My mum thinks I'm stressed", .expect = {{"stress", present}}},
    {.text = "My wife says I twitch in my sleep",
     .expect = {{"twitch_during_sleep", present}, {"fatigue", not_found}}},
    {.text = "My dad had ALS",
     .expect = {{"family_history_als", present}, {"fear_of_als", not_found}}},
};

// --- A relative writing about the person being assessed -----------------------------------
const std::vector<Case> kRelatives = {
    {.text = "My 8-year-old son keeps blinking and sniffing",
     .expect = {{"forceful_blinking", present}, {"vocal_tics", present}},
     .span = "keeps blinking", .age = 8, .sex = "male"},
    {.text = "My husband's face suddenly drooped on one side",
     .expect = {{"facial_droop", present}, {"sudden_onset", present}, {"one_side_face", present}},
     .span = "face suddenly drooped", .sex = "male"},
    {.text = "My daughter, 15, has had a twitching eye for two weeks",
     .expect = {{"eyelid_twitch", present}, {"duration_over_two_weeks", present}},
     .span = "twitching eye", .duration_days = 14, .age = 15, .sex = "female"},
    {.text = "My dad is 72 and his hand shakes and twitches",
     .expect = {{"tremor", present}, {"hand_twitch", present}}, .age = 72, .sex = "male"},
    {.text = "my partner's eye has been twitching for 5 days",
     .expect = {{"eyelid_twitch", present}}, .duration_days = 5},
    {.text = "My 10 yr old keeps clearing his throat and jerking his head",
     .expect = {{"vocal_tics", present}, {"motor_tics", present}},
     .span = "clearing his throat", .age = 10},
    {.text = "My son, who is 17, has twitches in his legs after football",
     .expect = {{"leg_twitch", present}, {"hard_exercise", present}}, .age = 17, .sex = "male"},
    {.text = "my 70 year old father's hand has started shaking and twitching",
     .expect = {{"tremor", present}, {"hand_twitch", present}}, .age = 70, .sex = "male"},
    {.text = "My wife's left eyelid has been flickering for a week",
     .expect = {{"eyelid_twitch", present}, {"one_eye", present}},
     .duration_days = 7, .sex = "female"},
    {.text = "my toddler's arms jerk when she is falling asleep",
     .expect = {{"sleep_onset_jerks", present}, {"arm_twitch", present}}},
    {.text = "my daughter (12) keeps shrugging her shoulders and grunting",
     .expect = {{"vocal_tics", present}, {"shoulder_twitch", present}}, .age = 12,
     .sex = "female"},
    {.text = "My grandma keeps sticking her tongue out since starting a new pill",
     .expect = {{"dystonic_posture", present}, {"new_medication", present}}},
    {.text = "My 3 year old daughter keeps staring blankly and doesn't respond",
     .expect = {{"loss_of_awareness", present}}, .age = 3, .sex = "female"},
    {.text = "my 4 month old baby jerks when she falls asleep",
     .expect = {{"sleep_onset_jerks", present}}, .age = 0},
    {.text = "My little boy (6) keeps making a grunting noise",
     .expect = {{"vocal_tics", present}}, .span = "grunting", .age = 6, .sex = "male"},
    {.text = "I'm worried about my mum, she's 80 and her face has started twitching",
     .expect = {{"face_twitch", present}, {"anxiety", present}}, .age = 80, .sex = "female"},
    {.text = "Our little boy jerks in his sleep",
     .expect = {{"twitch_during_sleep", present}}, .sex = "male"},
    {.text = "My wife (64) can't lift her right arm and her words are slurred",
     .expect = {{"arm_weakness", present}, {"speech_difficulty", present}},
     .age = 64, .sex = "female"},
    {.text = "my husband has been slurring his words since this morning",
     .expect = {{"speech_difficulty", present}}, .sex = "male"},
    {.text = "My mum's mouth has been pulling to one side",
     .expect = {{"mouth_twitch", present}}, .sex = "female"},
    {.text = "my elderly mother's eyes keep clamping shut, she's 79",
     .expect = {{"forceful_blinking", present}}, .age = 79, .sex = "female"},
};

// --- How long, how much, who --------------------------------------------------------------
const std::vector<Case> kQuantities = {
    // Evidence from a number points at the statement that gave it, not at other numbers.
    {.text = "Four coffees a day and I only sleep five hours a night, calf twitching all week.",
     .expect = {{"short_sleep", present}, {"high_caffeine", present}},
     .span = "five hours a night", .caffeine = 4, .sleep = 5},
    {.text = "I sleep 8 hours but have 6 cans of energy drink a day and smoke 20 a day",
     .expect = {{"high_caffeine", present}, {"short_sleep", absent}, {"heavy_smoking", present}},
     .span = "6 cans of energy drink a day", .caffeine = 6, .sleep = 8, .cigarettes = 20},
    // A finding's phrase masks the findings it overlaps (kb `masks:`): a bum cheek is not a
    // facial cheek, too much coffee is not alcohol, a relative's restless legs or tics are
    // family history only.
    {.text = "Twitching in my bum cheek",
     .expect = {{"buttock_twitch", present}, {"cheek_twitch", not_found}}},
    {.text = "I think I'm drinking too much coffee",
     .expect = {{"high_caffeine", possible}, {"alcohol_use", not_found}}},
    {.text = "Writing for my son. My brother had tics as a kid too.",
     .expect = {{"family_history_tics", present}, {"childhood_tics", not_found}}},
    {.text = "Restless legs runs in my family",
     .expect = {{"family_history_rls", present}, {"urge_to_move_legs", not_found}}},
    {.text = "I'm 45. My mother had restless legs.",
     .expect = {{"family_history_rls", present}, {"urge_to_move_legs", not_found}}},
    // A habit given up is absent now; a past symptom is set aside, not denied.
    {.text = "I used to smoke but I quit five years ago",
     .expect = {{"nicotine_use", absent}}},
    {.text = "ex-smoker, stopped drinking coffee last week and my eyelid still twitches",
     .expect = {{"nicotine_use", absent}, {"caffeine_intake", absent}, {"eyelid_twitch", present}}},
    {.text = "I quit my job last month and my eye twitches all the time",
     .expect = {{"eyelid_twitch", present}, {"constant_twitching", present}}},
    // A date of another event is not how long the complaint has lasted; a denial ends at
    // a comma followed by a new subject.
    {.text = "Had my wisdom teeth out a month ago and now my lip twitches",
     .expect = {{"mouth_twitch", present}, {"dental_procedure", present},
                {"duration_over_two_weeks", not_found}}},
    {.text = "No family history of anything, my calves twitch after runs",
     .expect = {{"family_history_generic", absent}, {"calf_twitch", present}}},
    {.text = "Went back to the gym after two years off and my biceps twitched all evening",
     .expect = {{"arm_twitch", present}, {"duration_over_one_year", not_found}}},
    // The relative the text is about keeps their own history; the writer's relative's
    // history stays family history.
    {.text = "My husband had a stroke last year. Now his right hand keeps jerking.",
     .expect = {{"history_stroke", present}, {"hand_twitch", present}}, .sex = "male"},
    {.text = "My mum had a stroke. My left eyelid twitches.",
     .expect = {{"history_stroke", not_found}, {"eyelid_twitch", present}}},
    // A feared future is not now; a worry is the mention itself (mention_counts).
    {.text = "I'm worried it could be ALS",
     .expect = {{"fear_of_als", present}, {"anxiety", present}, {"weakness", not_found}}},
    {.text = "I'm scared my legs will get weak eventually",
     .expect = {{"anxiety", present}, {"leg_weakness", not_found}}},
    {.text = "What if it's ALS? My calves have twitched for a month",
     .expect = {{"fear_of_als", present}, {"calf_twitch", present}}},
    // Checklists: a bare answer after a question, colon or dash.
    {.text = "Numbness? No. Weakness? None. Twitching? Yes, in my left eyelid.",
     .expect = {{"numbness", absent}, {"weakness", absent}, {"one_eye", present}}},
    {.text = "Fever - no, headache - yes, neck stiffness: no.",
     .expect = {{"fever", absent}, {"headache", present}}},
    // A relative who reports about themself ("says his calves") is the one the text is about.
    {.text = "My husband, 58, says his calves have been twitching for months",
     .expect = {{"calf_twitch", present}}, .age = 58, .sex = "male"},
    {.text = "My 15 yo daughter says her hands go numb and tingly",
     .expect = {{"numbness", present}, {"tingling", present}}, .age = 15, .sex = "female"},
    // A phrase gap does not cross into another clause.
    {.text = "no tingling and my hand twitches",
     .expect = {{"tingling_hands_feet", not_found}}},
    {.text = "my leg is fine but my arm twitches",
     .expect = {{"arm_twitch", present}, {"leg_twitch", not_found}}},
    // The falling or tripping feeling of a sleep start is not weak legs; real tripping is.
    {.text = "As I'm nodding off my legs jerk and it feels like I'm tripping over",
     .expect = {{"sleep_onset_jerks", present}, {"leg_weakness", not_found}}},
    {.text = "I keep tripping over my own feet and my calves twitch",
     .expect = {{"leg_weakness", present}, {"calf_twitch", present}}},
    // Doubt about a number is not doubt about what follows it.
    {.text = "I sleep maybe five hours and live on energy drinks",
     .expect = {{"high_caffeine", present}, {"short_sleep", present}}, .sleep = 5},
    // Tens and units: "eighty" and "eight" are different numbers.
    {.text = "I am sixty-eight years old and my chin quivers",
     .expect = {{"jaw_twitch", present}}, .age = 68},
    {.text = "I sleep eight hours a night and my eyelid has jumped for eight days",
     .expect = {{"short_sleep", absent}, {"duration_under_two_weeks", present}},
     .duration_days = 8, .sleep = 8},
    // "to keep going" is effort, not a complaint that persists.
    {.text = "I drink coffee all afternoon just to keep going at work and my eye twitches",
     .expect = {{"long_standing", not_found}, {"caffeine_intake", present}}},
    {.text = "my eyelid has twitched for three weeks",
     .expect = {{"duration_over_two_weeks", present}, {"duration_under_two_weeks", absent}},
     .span = "three weeks", .duration_days = 21},
    {.text = "It's been going on for 6 months now",
     .expect = {{"duration_over_three_months", present}, {"duration_over_one_year", absent}},
     .duration_days = 182.6},
    {.text = "It's been about three months", .expect = {}, .duration_days = 91.3},
    {.text = "for about six weeks my thigh has twitched",
     .expect = {{"thigh_twitch", present}}, .duration_days = 42},
    {.text = "my eyelid's been twitching for 2 days",
     .expect = {{"duration_under_two_weeks", present}}, .duration_days = 2},
    {.text = "been twitching for a fortnight",
     .expect = {{"duration_over_two_weeks", present}}, .duration_days = 14},
    {.text = "for the last ten days my thumb has been twitching",
     .expect = {{"hand_twitch", present}}, .duration_days = 10},
    {.text = "I've had this for 18 months",
     .expect = {{"duration_over_one_year", present}}, .duration_days = 547.9},
    {.text = "F, 52. Twitching in both feet for about a year.",
     .expect = {{"foot_twitch", present}, {"both_sides", present}},
     .duration_days = 365.25, .age = 52, .sex = "female"},
    {.text = "I drink 4 cups of coffee a day",
     .expect = {{"high_caffeine", present}}, .span = "4 cups of coffee a day", .caffeine = 4},
    {.text = "i have like 8 coffees a day lol", .expect = {{"high_caffeine", present}},
     .caffeine = 8},
    {.text = "two cups of tea and three coffees a day", .expect = {{"high_caffeine", present}},
     .caffeine = 5},
    {.text = "I only sleep about 5 hours a night",
     .expect = {{"short_sleep", present}, {"poor_sleep", present}}, .sleep = 5},
    {.text = "Getting about four hours sleep a night with the baby",
     .expect = {{"short_sleep", present}}, .sleep = 4},
    {.text = "slept maybe 3 hours last night", .expect = {{"short_sleep", present}}, .sleep = 3},
    {.text = "I smoke twenty cigarettes a day",
     .expect = {{"heavy_smoking", present}, {"nicotine_use", present}},
     .span = "twenty cigarettes a day", .cigarettes = 20},
    {.text = "i smoke about 10 a day", .expect = {{"heavy_smoking", present}}, .cigarettes = 10},
    {.text = "I have 3 glasses of wine every evening",
     .expect = {{"alcohol_use", present}, {"heavy_alcohol", absent}}, .alcohol = 3},
    {.text = "I drink two pints of beer most nights", .expect = {{"alcohol_use", present}},
     .span = "pints"},
    {.text = "I'm 34 and female", .expect = {}, .age = 34, .sex = "female"},
    {.text = "45 year old man here, calf twitching",
     .expect = {{"calf_twitch", present}}, .age = 45, .sex = "male"},
    {.text = "I'm a 19yo guy and my eye has been jumping since Monday",
     .expect = {{"eyelid_twitch", present}}, .age = 19, .sex = "male"},
    {.text = "I'm 23 (F)", .expect = {}, .age = 23, .sex = "female"},
    {.text = "I'm twenty two and my eye twitches", .expect = {{"eyelid_twitch", present}},
     .age = 22},
    {.text = "I'm 38, my eye has been twitching for a month and I'm on 6 cups of coffee a day",
     .expect = {{"eyelid_twitch", present}, {"high_caffeine", present}},
     .duration_days = 30.44, .caffeine = 6, .age = 38},
};

// --- Emergencies in lay words -------------------------------------------------------------
const std::vector<Case> kEmergencies = {
    {.text = "Her face suddenly dropped on one side and she can't lift her arm",
     .expect = {{"facial_droop", present}, {"arm_weakness", present}, {"sudden_onset", present}},
     .span = "face suddenly dropped on one side"},
    {.text = "His speech went slurred all of a sudden",
     .expect = {{"speech_difficulty", present}, {"sudden_onset", present}},
     .span = "speech went slurred"},
    {.text = "My hands have seized up like claws and I can't get enough air",
     .expect = {{"carpopedal_spasm", present}, {"breathing_difficulty", present}},
     .span = "hands have seized up like claws"},
    {.text = "I get pins and needles around my mouth and my fingers curl up",
     .expect = {{"perioral_tingling", present}, {"carpopedal_spasm", present}}},
    {.text = "My throat feels tight and I'm struggling to breathe, my hands are in spasm",
     .expect = {{"breathing_difficulty", present}, {"carpopedal_spasm", present}}},
    {.text = "He had a seizure and was staring into space afterwards",
     .expect = {{"seizure_reported", present}, {"loss_of_awareness", present}}},
    {.text = "my little girl had a fit and bit her tongue",
     .expect = {{"seizure_reported", present}}},
    {.text = "She blanked out, didn't respond for a minute and her hand was jerking",
     .expect = {{"loss_of_awareness", present}, {"hand_twitch", present}},
     .span = "blanked out"},
    {.text = "My arm feels dead and heavy and I can't raise it",
     .expect = {{"arm_weakness", present}}},
    {.text = "Worst headache of my life came on suddenly",
     .expect = {{"sudden_severe_headache", present}}},
    {.text = "Fever, a really stiff neck and he's confused",
     .expect = {{"fever", present}, {"stiff_neck", present}, {"confusion", present}}},
    {.text = "The left side of my face won't move and I can't close my eye",
     .expect = {{"facial_droop", present}, {"one_side_face", present}}},
    {.text = "My mouth is drooping on one side and drinks dribble out",
     .expect = {{"facial_droop", present}}},
    {.text = "my fingers are locking up and my lips are tingling",
     .expect = {{"carpopedal_spasm", present}, {"perioral_tingling", present}}},
    {.text = "I feel like my speech is a bit off",
     .expect = {{"speech_difficulty", present}}, .span = "speech is a bit off"},
    {.text = "Suddenly I couldn't get my words out",
     .expect = {{"speech_difficulty", present}, {"sudden_onset", present}}},
    {.text = "dad's face has gone lopsided and he is talking funny",
     .expect = {{"facial_droop", present}, {"speech_difficulty", present}}, .sex = "male"},
    {.text = "my leg gave way this morning and it feels heavy",
     .expect = {{"leg_weakness", present}, {"sudden_onset", present}}},
    {.text = "I can't feel the left side of my face and my smile is crooked",
     .expect = {{"facial_droop", present}, {"numbness", present}}},
    {.text = "after the twitching in his hand it spread up his arm and he passed out",
     .expect = {{"jerking_spreads_up_limb", present}, {"loss_of_awareness", present}}},
    // A softening word inside a sign (lexicon phrase_skip) keeps it.
    {.text = "since Friday I can't really feel the toilet paper when I wipe",
     .expect = {{"saddle_numbness", present}}},
    // Blood results as numbers; a normal one names nothing.
    {.text = "the GP rang, my sodium was 122 on yesterday's bloods",
     .expect = {{"known_low_potassium_sodium", present}}},
    {.text = "my potassium was 4.3 and my sodium 139, all fine",
     .expect = {{"missed_dialysis", not_found}, {"known_low_potassium_sodium", not_found}}},
    // A short comparison after a comma describes what came before it; a long one does not
    // carry a denial back into the sign.
    {.text = "my pee has been really dark, like coca-cola.",
     .expect = {{"cola_coloured_urine", present}}},
    {.text = "it came out as total gibberish, like my tongue wouldn't shape the words, then it passed",
     .expect = {{"speech_difficulty", present}}},
    // "bottom" of the mouth is not the saddle area.
    {.text = "the dentist numbed my bottom teeth and my lip is numb",
     .expect = {{"saddle_numbness", not_found}}},
};

// --- Longer stories -----------------------------------------------------------------------
const std::vector<Case> kNarratives = {
    {.text = "I'm 27, female. My left eye keeps flickering off and on, for about ten days. "
             "I've been sleeping maybe five hours a night because of deadlines and drinking "
             "three or four coffees a day. No weakness, no numbness. My mum has MS so I'm a bit "
             "worried.",
     .expect = {{"eyelid_twitch", present}, {"one_eye", present}, {"intermittent", present},
                {"weakness", absent}, {"numbness", absent}, {"history_ms", not_found},
                {"anxiety", present}, {"short_sleep", present}},
     .span = "eye keeps flickering",
     .duration_days = 10, .sleep = 5, .age = 27, .sex = "female"},
    {.text = "Hi, 31 year old bloke here. Past two months I've been twitching everywhere: "
             "calves, thighs, arms, even my tummy. I've been googling and I'm terrified it's "
             "ALS. My strength is normal, I can still lift at the gym, and I don't have any "
             "cramps or trouble swallowing.",
     .expect = {{"widespread_twitch", present}, {"calf_twitch", present},
                {"fear_of_als", present}, {"feels_otherwise_well", present},
                {"cramps", absent}, {"difficulty_swallowing", absent}, {"weakness", not_found}},
     .duration_days = 60.9, .age = 31, .sex = "male"},
    {.text = "My husband is 66. Yesterday evening his speech suddenly went slurred and the right "
             "side of his mouth drooped. It lasted about twenty minutes and then went back to "
             "normal. He had a mini stroke five years ago.",
     .expect = {{"speech_difficulty", present}, {"facial_droop", present},
                {"sudden_onset", present}, {"history_stroke", present}},
     .age = 66, .sex = "male"},
    {.text = "Writing for my son who is 9. For a few months he's been blinking hard, scrunching "
             "his nose and clearing his throat over and over. "
             "He says he can keep it in during lessons but lets it out once he's home. My brother "
             "had tics as a kid too.",
     .expect = {{"motor_tics", present}, {"vocal_tics", present},
                {"tic_suppressible", present}, {"family_history_tics", present}},
     .age = 9, .sex = "male"},
    {.text = "63 yo woman. The left side of my face has been twitching for over a year - it "
             "started around my eye and has spread down to my cheek and the corner of my mouth. "
             "It even carries on when I'm asleep according to my husband. No pain, no hearing "
             "loss.",
     .expect = {{"face_twitch", present}, {"one_side_face", present},
                {"spread_eye_to_face", present}, {"twitch_during_sleep", present},
                {"hearing_loss_one_side", absent}, {"duration_over_one_year", present}},
     .age = 63, .sex = "female"},
    {.text = "I'm 45 and my legs jerk just as I'm drifting off to sleep, which wakes me up. In "
             "the evenings I get a creepy crawly feeling in my legs and have to get up and walk "
             "about.",
     .expect = {{"sleep_onset_jerks", present}, {"creepy_crawly_legs", present},
                {"relieved_by_moving", present}, {"worse_evening_night", present}},
     .age = 45},
    {.text = "Started sertraline three weeks ago and since then my jaw keeps clenching and my "
             "arms twitch. I don't drink alcohol and I've never smoked. Otherwise I'm fine.",
     .expect = {{"med_ssri", present}, {"dystonic_posture", present}, {"arm_twitch", present},
                {"alcohol_use", absent}, {"nicotine_use", absent},
                {"feels_otherwise_well", present}}},
    {.text = "I'm a nurse on night shifts, about 4 hours sleep most days, living on energy drinks "
             "- maybe five a day. Both my eyelids flutter and my calves jump. Not worried about "
             "anything serious, I think it's just burnout.",
     .expect = {{"poor_sleep", present}, {"short_sleep", present}, {"caffeine_intake", present},
                {"both_eyes", present}, {"calf_twitch", present}, {"anxiety", absent},
                {"stress", present}},
     .sleep = 4},
    {.text = "Since my thyroidectomy in May my lips tingle and so do my fingertips, and my hands "
             "keep cramping up. No trouble breathing so far.",
     .expect = {{"neck_gland_surgery", present}, {"perioral_tingling", present},
                {"carpopedal_spasm", present}, {"breathing_difficulty", absent}}},
    {.text = "I've been vegan for years and hardly ever go outside. My shins and hips ache deep in "
             "the bone, I'm weaker than I was and my thighs twitch. My GP said my vitamin D was "
             "low last winter.",
     .expect = {{"vegan_diet", present}, {"little_sun", present}, {"bone_pain", present},
                {"weakness", present}, {"thigh_twitch", present},
                {"known_low_vitamin_d", present}}},
    {.text = "Two weeks after my dentist took out a wisdom tooth, the left side of my lower lip "
             "started twitching. I don't have any droop and I can smile normally.",
     .expect = {{"dental_procedure", present}, {"mouth_twitch", present},
                {"facial_droop", absent}}},
    {.text = "I'm 72. My right hand has been getting weaker over the past year, I keep dropping "
             "things and the fleshy bit between my thumb and finger has gone hollow. There are "
             "little ripples under the skin of my forearm. My speech is fine.",
     .expect = {{"hand_weakness", present}, {"muscle_wasting", present},
                {"fine_rippling", present}, {"getting_worse", present},
                {"gradual_onset", present}},
     .age = 72},
    {.text = "I'm a 52-year-old woman and my eyelids keep squeezing shut in bright light",
     .expect = {{"forceful_blinking", present}, {"worse_with_light_reading", present}},
     .age = 52, .sex = "female"},
};

// --- Known gaps: what the reader's code gets wrong today. Run, never asserted. ------------
const std::vector<Case> kKnownGaps = {
    {.text = "Numbness? no", .expect = {{"numbness", absent}},
     .known_gap = "a checklist answer is read only when a '.' or ',' follows it; at the very "
                  "end of a text, without one, the answer is missed"},
    {.text = "I'm sleeping okay-ish, around seven hours.", .expect = {}, .sleep = 7,
     .known_gap = "attribute reader: 'seven hours' after a comma is read as a duration, not "
                  "as the night's sleep the sentence is about"},
};

// --- Running the tables -------------------------------------------------------------------

const Evidence* Find(const Reading& r, std::string_view id) {
  for (const Evidence& e : r.evidence)
    if (e.id == id) return &e;
  return nullptr;
}

std::string Dump(std::string_view text, const Reading& r) {
  std::ostringstream os;
  os << "  evidence:";
  for (const Evidence& e : r.evidence) {
    os << " " << e.id << "=" << EvidenceStatusName(e.status);
    if (!e.spans.empty())
      os << "[" << text.substr(e.spans[0].begin, e.spans[0].end - e.spans[0].begin) << "]";
  }
  os << "\n  set aside:";
  for (const SetAside& s : r.set_aside) os << " " << s.id << "(" << s.why << ")";
  os << "\n  age=" << (r.attributes.age_years ? std::to_string(*r.attributes.age_years) : "-")
     << " sex=" << r.attributes.sex.value_or("-");
  return os.str();
}

bool Near(double got, double want) { return std::abs(got - want) <= 0.01 * want + 0.05; }

// Every failure of one case, as text; empty when the case passes.
std::vector<std::string> Check(const TextReader& reader, const Case& c) {
  std::vector<std::string> bad;
  const Reading r = reader.Read(c.text, fixtures::kToday);
  for (const Expect& x : c.expect) {
    const Evidence* e = Find(r, x.id);
    const char* got = e ? EvidenceStatusName(e->status) : "not_found";
    bool ok = false;
    switch (x.is) {
      case Is::kPresent: ok = e && e->status == EvidenceStatus::kPresent; break;
      case Is::kPossible: ok = e && e->status == EvidenceStatus::kPossible; break;
      case Is::kAbsent: ok = e && e->status == EvidenceStatus::kAbsent; break;
      case Is::kNotFound: ok = e == nullptr; break;
    }
    if (!ok) bad.push_back(std::string(x.id) + ": want " + Name(x.is) + ", got " + got);
  }
  if (!c.span.empty()) {
    const Evidence* e = c.expect.empty() ? nullptr : Find(r, c.expect[0].id);
    std::string got = "(no span)";
    if (e && !e->spans.empty() && e->spans[0].end <= c.text.size() &&
        e->spans[0].begin <= e->spans[0].end)
      got = std::string(c.text.substr(e->spans[0].begin, e->spans[0].end - e->spans[0].begin));
    if (got != c.span)
      bad.push_back("span of " + std::string(c.expect.empty() ? "?" : c.expect[0].id) +
                    ": want '" + std::string(c.span) + "', got '" + got + "'");
  }
  auto number = [&](const char* name, const std::optional<double>& want) {
    if (!want) return;
    double got;
    if (!r.attributes.Numeric(name, &got))
      bad.push_back(std::string(name) + ": want " + std::to_string(*want) + ", got unset");
    else if (!Near(got, *want))
      bad.push_back(std::string(name) + ": want " + std::to_string(*want) + ", got " +
                    std::to_string(got));
  };
  number("duration_days", c.duration_days);
  number("caffeine_drinks_per_day", c.caffeine);
  number("sleep_hours", c.sleep);
  number("cigarettes_per_day", c.cigarettes);
  number("alcohol_drinks_per_day", c.alcohol);
  if (c.age) {
    if (!r.attributes.age_years || *r.attributes.age_years != *c.age || !r.patient.age ||
        *r.patient.age != *c.age)
      bad.push_back("age: want " + std::to_string(*c.age) + ", got " +
                    (r.attributes.age_years ? std::to_string(*r.attributes.age_years) : "unset"));
  }
  if (!c.sex.empty()) {
    if (r.attributes.sex.value_or("") != c.sex || r.patient.sex != ParseSex(c.sex))
      bad.push_back("sex: want " + std::string(c.sex) + ", got " +
                    r.attributes.sex.value_or("unset"));
  }
  if (!bad.empty()) bad.push_back(Dump(c.text, r));
  return bad;
}

const TextReader& Reader() {
  std::string err;
  const TextReader* reader = &fixtures::BuiltinReader();
  if (!reader) {
    ADD_FAILURE() << "reader: " << err;
    std::abort();
  }
  return *reader;
}

void RunTable(const std::vector<Case>& table) {
  const TextReader& reader = Reader();
  for (const Case& c : table) {
    EXPECT_TRUE(c.known_gap.empty()) << "a main-table case has a known_gap note: " << c.text;
    std::vector<std::string> bad = Check(reader, c);
    if (bad.empty()) continue;
    std::string msg;
    for (const std::string& b : bad) msg += "\n  " + b;
    ADD_FAILURE() << "\"" << c.text << "\"" << msg;
  }
}

TEST(ReaderTable, BodySitesAndSides) { RunTable(kSites); }
TEST(ReaderTable, NegationInLayWords) { RunTable(kNegation); }
TEST(ReaderTable, NegationScope) { RunTable(kScope); }
TEST(ReaderTable, PseudoNegations) { RunTable(kPseudo); }
TEST(ReaderTable, Uncertainty) { RunTable(kUncertain); }
TEST(ReaderTable, History) { RunTable(kHistory); }
TEST(ReaderTable, Hypotheticals) { RunTable(kHypothetical); }
TEST(ReaderTable, OtherPeople) { RunTable(kOthers); }
TEST(ReaderTable, RelativesWritingAboutThePatient) { RunTable(kRelatives); }
TEST(ReaderTable, DurationsQuantitiesAgeSex) { RunTable(kQuantities); }
TEST(ReaderTable, EmergenciesInLayWords) { RunTable(kEmergencies); }
TEST(ReaderTable, LongNarratives) { RunTable(kNarratives); }

// The tables themselves: big enough, every group covered, spans checked often enough, and no
// case that names a finding the knowledge base does not have.
TEST(ReaderTable, Coverage) {
  const std::vector<const std::vector<Case>*> groups = {
      &kSites,      &kNegation, &kScope,     &kPseudo,      &kUncertain,   &kHistory,
      &kHypothetical, &kOthers, &kRelatives, &kQuantities, &kEmergencies, &kNarratives};
  size_t cases = 0, spans = 0;
  const Knowledge& kb = fixtures::BuiltinKb();
  auto known = [&](std::string_view id) {
    for (const Finding& f : kb.findings)
      if (f.id == id) return true;
    return false;
  };
  for (const auto* g : groups) {
    EXPECT_GE(g->size(), 10u);
    cases += g->size();
    for (const Case& c : *g) {
      if (!c.span.empty()) ++spans;
      for (const Expect& x : c.expect) EXPECT_TRUE(known(x.id)) << x.id << " in: " << c.text;
    }
  }
  for (const Case& c : kKnownGaps) {
    EXPECT_FALSE(c.known_gap.empty()) << c.text;
    for (const Expect& x : c.expect) EXPECT_TRUE(known(x.id)) << x.id << " in: " << c.text;
  }
  EXPECT_GE(cases, 170u);
  EXPECT_GE(spans, 25u);
}

// Known gaps are read (the reader must not crash on them) but not asserted. One that now
// passes is reported, so it can move to the main table.
TEST(ReaderTable, KnownGapsAreReadNotAsserted) {
  const TextReader& reader = Reader();
  for (const Case& c : kKnownGaps)
    if (Check(reader, c).empty())
      std::printf("known gap now passes, move it to the main table: \"%.*s\"\n",
                  static_cast<int>(c.text.size()), c.text.data());
}

}  // namespace
}  // namespace twitchcheck
