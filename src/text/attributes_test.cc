// Table-driven tests of the attribute reader: ordinary people's phrasings of how long, how
// much, how often, where, and who. Every case checks all six numbers and sex (unset must
// stay unset) and the mentions it lists, with their spans where given.
#include "text/attributes.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "text/context.h"
#include "text/lexicon.h"
#include "text/token.h"

namespace twitchcheck {
namespace {

using std::chrono::sys_days;
// A Sunday; "since Monday" is then 6 days, "since March" 106 days.
const sys_days kToday{std::chrono::year{2025} / 6 / 15};
constexpr double kUnset = -1;

struct Want {
  std::string_view kind, value;
  std::string_view span = {};  // the text the mention covers; empty: not checked
  bool asserted = true;
};

struct Case {
  std::string_view text;
  double duration = kUnset, caffeine = kUnset, sleep = kUnset, alcohol = kUnset,
         cigarettes = kUnset;
  int age = -1;
  std::string_view sex = {};
  std::vector<Want> want = {};
};

const std::vector<Case> kCases = {
    // --- How long --------------------------------------------------------------------------
    {.text = "My left eyelid has been twitching for three days.", .duration = 3,
     .want = {{"duration", "3 days", "three days"}, {"side", "left", "left"},
              {"site", "eyelid", "eyelid"}}},
    {.text = "It's been going on for 3 weeks now.", .duration = 21,
     .want = {{"duration", "21 days", "3 weeks"}}},
    {.text = "My eye has twitched the past week.", .duration = 7,
     .want = {{"duration", "7 days", "past week"}}},
    {.text = "My eye twitches on and off every day this week.", .duration = 7,
     .want = {{"frequency", "intermittent"}, {"frequency", "daily", "every day"}}},
    {.text = "After a long run my calves twitch for hours.",
     .want = {{"duration", "0.0833 days", "for hours", false}}},
    {.text = "My eyelid twitched for a month and it doesn't spread.", .duration = 30.44,
     .want = {{"spread", "unspecified", "spread", false}}},
    {.text = "It has been twitching all this week.", .duration = 7,
     .want = {{"duration", "7 days", "this week"}}},
    {.text = "Twitching since yesterday, driving me nuts.", .duration = 1,
     .want = {{"duration", "1 day", "since yesterday"}}},
    {.text = "I've had this for two years.", .duration = 730.5},
    {.text = "The spasms started about six months ago.", .duration = 182.64,
     .want = {{"duration", "182.64 days", "six months ago"}}},
    {.text = "It's been a month.", .duration = 30.44, .want = {{"duration", "30.44 days", "a month"}}},
    {.text = "Lower lid jumping for a couple of weeks.", .duration = 14,
     .want = {{"site", "lower_eyelid", "Lower lid"}, {"duration", "14 days", "a couple of weeks"}}},
    {.text = "Over the past half year my calf twitches constantly.", .duration = 182.625,
     .want = {{"site", "calf"}, {"frequency", "constant", "constantly"}}},
    {.text = "It's been a few days.", .duration = 3},
    {.text = "It started 10 days ago.", .duration = 10,
     .want = {{"duration", "10 days", "10 days ago"}}},
    {.text = "My eye has been twitching since March.", .duration = 106,
     .want = {{"duration", "106 days", "since March"}}},
    {.text = "My thigh has been jumping for years.", .duration = 730.5,
     .want = {{"duration", "730.5 days", "for years"}}},
    {.text = "It started twenty minutes ago.", .duration = 20.0 / 1440},
    {.text = "my eye's been jumping for like 4 days straight", .duration = 4},
    {.text = "been twitchin for 2 wks", .duration = 14},
    {.text = "it's been going on 3 months now", .duration = 91.32},
    {.text = "The twich started a week ago", .duration = 7},
    {.text = "had this for about a year", .duration = 365.25},
    {.text = "Ive had a twitching eyelid for almost a fortnight.", .duration = 14},
    {.text = "It began on Friday.", .duration = 2},
    {.text = "I've had this twitch since Monday.", .duration = 6},
    {.text = "It's been happening since the weekend.", .duration = 3},
    {.text = "eyelid spazms since this morning", .duration = 0.25},
    {.text = "since 2023 I get twitches in my legs", .duration = 896,
     .want = {{"site", "leg", "legs"}}},
    {.text = "For the past 2-3 weeks my upper lid has been fluttering.", .duration = 17.5,
     .want = {{"duration", "17.5 days", "2-3 weeks"}, {"site", "upper_eyelid", "upper lid"}}},
    {.text = "I've had it for a year and a half.", .duration = 547.875},
    {.text = "It's been twitching for the past couple of days, started Tuesday", .duration = 5},
    {.text = "It happened suddenly out of nowhere yesterday.", .duration = 1,
     .want = {{"onset", "sudden", "suddenly"}, {"onset", "sudden", "out of nowhere"}}},
    // Not how long the complaint has lasted.
    {.text = "Each twitch lasts about 20 seconds.",
     .want = {{"duration", "0.000231 days", "20 seconds", false}}},
    {.text = "It lasts a few seconds at a time."},
    {.text = "Smoking 10 cigs a day for 5 years.", .cigarettes = 10,
     .want = {{"duration", "1826.25 days", "5 years", false}}},
    {.text = "I quit smoking 2 years ago and my eyelid twitches."},
    {.text = "I am 29 weeks pregnant and my calf cramps.", .want = {{"site", "calf"}}},
    {.text = "If it lasts more than two weeks should I see a doctor?",
     .want = {{"duration", "14 days", "two weeks", false}}},
    {.text = "It spread to my cheek last week.", .want = {{"spread", "cheek", "spread to my cheek"}}},
    {.text = "I drank 10 coffees yesterday.", .caffeine = 10},

    // --- How much --------------------------------------------------------------------------
    {.text = "I drink six cups of coffee a day.", .caffeine = 6,
     .want = {{"quantity", "6 cups coffee", "six cups of coffee a day"}}},
    {.text = "I have 5 coffees and three energy drinks daily.", .caffeine = 8,
     .want = {{"quantity", "5 coffee", "5 coffees"},
              {"quantity", "3 energy drink", "three energy drinks daily"}}},
    {.text = "I've had 4 espressos today.", .caffeine = 4},
    {.text = "I live on energy drinks, like 4 cans of monster a day", .caffeine = 4},
    {.text = "2 mugs of tea and a coke", .caffeine = 2},
    {.text = "My legs twitch, especially after a cigarette."},
    {.text = "I drink 10 cups of coffe a day", .caffeine = 10},
    {.text = "I drink about 3 or 4 cups of coffee every day plus a red bull.", .caffeine = 3.5},
    {.text = "I have a can of red bull a day.", .caffeine = 1},
    {.text = "I had a glass of water and 2 coffees.", .caffeine = 2},
    {.text = "I drink 5 coffees a day. Yes, 5 coffees!", .caffeine = 5},
    {.text = "I switched to 3 decaf coffees a day."},
    {.text = "I've been drinking 300 cups of coffee a day lol"},
    {.text = "I smoke a pack a day.", .cigarettes = 20,
     .want = {{"quantity", "1 pack cigarette", "a pack a day"}}},
    {.text = "I smoke half a pack.", .cigarettes = 10},
    {.text = "I go through 2 packs a day.", .cigarettes = 40},
    {.text = "I smoke about 15 cigarettes a day.", .cigarettes = 15},
    {.text = "smoke 10 a day", .cigarettes = 10},
    {.text = "I vape but don't smoke cigarettes."},
    {.text = "I used to smoke 20 cigarettes a day.",
     .want = {{"quantity", "20 cigarette", "20 cigarettes a day", false}}},
    {.text = "My dad smokes 20 a day.", .want = {{"quantity", "20 cigarette", "20 a day", false}}},
    {.text = "Had 6 beers on Saturday.", .alcohol = 6},
    {.text = "I drink a bottle of wine most nights.", .alcohol = 4,
     .want = {{"quantity", "1 bottle wine", "a bottle of wine"}}},
    {.text = "maybe 2-3 beers a night", .alcohol = 2.5},
    {.text = "a couple of glasses of wine every evening", .alcohol = 2},
    {.text = "I have 14 units of alcohol a week", .alcohol = 2},
    {.text = "had maybe 8 drinks last night", .alcohol = 8},
    {.text = "I slept 4 hours last night.", .sleep = 4,
     .want = {{"quantity", "4 hours sleep", "4 hours"}}},
    {.text = "Only 5 hours of sleep lately.", .sleep = 5,
     .want = {{"quantity", "5 hours sleep", "5 hours of sleep"}}},
    {.text = "I get about 4 hours a night.", .sleep = 4},
    {.text = "I sleep like 6 hrs", .sleep = 6},
    {.text = "Tired, slept only 3h.", .sleep = 3},
    {.text = "can't sleep more than 3 hours", .sleep = 3},
    {.text = "I've been sleeping 4-5 hours a night for a month.", .sleep = 4.5},

    // --- Who -------------------------------------------------------------------------------
    {.text = "I'm 29 and my eye twitches.", .age = 29, .want = {{"age", "29", "29"}}},
    {.text = "I am a 35-year-old male with a twitching eyelid.", .age = 35, .sex = "male",
     .want = {{"age", "35", "35-year-old"}, {"sex", "male", "male"}}},
    {.text = "35 yo female, eyelid twitch for 2 weeks.", .duration = 14, .age = 35, .sex = "female"},
    {.text = "35M here, calf twitching.", .age = 35, .sex = "male", .want = {{"age", "35", "35M"}}},
    {.text = "F/42 - face twitching", .age = 42, .sex = "female", .want = {{"sex", "female", "F/42"}}},
    {.text = "26f, eye twitch", .age = 26, .sex = "female"},
    {.text = "M, 58, calf fasciculations", .age = 58, .sex = "male"},
    {.text = "Female, 61. Left side of my face spasms.", .age = 61, .sex = "female"},
    // A sentence that opens with a number and a sex word gives the age, not a duration.
    {.text = "21 years, male, eyelid twitching", .age = 21, .sex = "male"},
    {.text = "35 years female. twitching for 2 years", .duration = 730.5, .age = 35,
     .sex = "female"},
    {.text = "I'm 16 (m) and my leg twitches when falling asleep", .age = 16, .sex = "male",
     .want = {{"time_of_day", "falling_asleep", "falling asleep"}}},
    {.text = "My 10-year-old son keeps blinking and his eye twitches.", .age = 10, .sex = "male",
     .want = {{"age", "10", "10-year-old"}, {"sex", "male", "son"}}},
    {.text = "My wife has had a twitching eyelid for 2 weeks.", .duration = 14, .sex = "female"},
    {.text = "my daughter (7) blinks a lot", .age = 7, .sex = "female"},
    {.text = "My husband is 45 and his eyelid twitches constantly", .age = 45, .sex = "male"},
    {.text = "our 3 year old daughter jerks when falling asleep", .age = 3, .sex = "female"},
    {.text = "my 6 month old baby has twitchy eyelids", .age = 0},
    {.text = "My mom is 70 and also has twitching, I am 40 and my eye twitches", .age = 40,
     .want = {{"age", "70", "70", false}, {"age", "40", "40"}}},
    {.text = "My dad had ALS, I'm 40 and my arm twitches", .age = 40},
    {.text = "my grandma had twitching for years too",
     .want = {{"duration", "730.5 days", "for years", false}}},
    {.text = "20~29 year old female with eye spasms", .age = 25, .sex = "female"},
    {.text = "I'm in my forties and my arm twitches.", .age = 45,
     .want = {{"age", "45", "in my forties"}}},
    {.text = "I'm in my mid 30s", .age = 35},
    {.text = "in my early 20s, eye twitch for a fortnight", .duration = 14, .age = 22},
    {.text = "I'm a woman and my eye twitches.", .sex = "female"},
    {.text = "44 year old guy here", .age = 44, .sex = "male"},
    {.text = "I'm a 45 y/o woman", .age = 45, .sex = "female"},
    {.text = "As a 50 year old man, should I worry?", .age = 50, .sex = "male"},
    {.text = "I turned 60 last month and my face twitches", .age = 60},
    {.text = "I'm 150 years old."},
    {.text = "She is 34 and her eyelid twitches.", .age = 34, .sex = "female",
     .want = {{"sex", "female", "She"}, {"age", "34", "34"}}},
    {.text = "age: 52, sex: m", .age = 52, .sex = "male", .want = {{"sex", "male", "m"}}},
    {.text = "I'm 5'6 and 130 lbs."},
    {.text = "I'm 100% sure it's stress."},
    {.text = "I take 400 mg of magnesium every night.", .want = {{"frequency", "nightly"}}},
    {.text = "drinking 8 glasses of water a day"},
    {.text = "I ran 5 m this morning."},
    {.text = "A man at work told me it is stress."},

    // --- Where, how often, how it goes -----------------------------------------------------
    {.text = "The corner of my mouth pulls up when I smile.",
     .want = {{"site", "corner_of_mouth", "corner of my mouth"}, {"time_of_day", "smiling", "when I smile"}}},
    {.text = "lower left eyelid, started 5 days back", .duration = 5,
     .want = {{"site", "lower_eyelid", "lower left eyelid"}, {"side", "left", "left"}}},
    {.text = "both of my eyelids twitch", .want = {{"side", "both", "both"}, {"site", "eyelid"}}},
    {.text = "It happens right after I exercise.",
     .want = {{"time_of_day", "after_exercise", "after I exercise"}}},
    {.text = "Twitching all over my body, especially calves and thighs.",
     .want = {{"site", "whole_body", "all over my body"}, {"site", "calf", "calves"}}},
    {.text = "I'm a 52 year old man and my face twitches on one side.", .age = 52, .sex = "male",
     .want = {{"side", "one_side", "on one side"}}},
    {.text = "It started in my eye and now my cheek is twitching too.",
     .want = {{"spread", "cheek"}}},
    {.text = "it moved from my eye to my cheek", .want = {{"spread", "cheek"}}},
    {.text = "Started in my left calf, now also in my right thigh.",
     .want = {{"spread", "thigh"}, {"side", "right"}}},
    {.text = "Both eyes keep closing on their own, it's getting worse.",
     .want = {{"side", "both"}, {"progression", "worse", "getting worse"}}},
    {.text = "The twitching is getting more frequent", .want = {{"progression", "more_frequent"}}},
    {.text = "its slowly getting better",
     .want = {{"onset", "gradual", "slowly"}, {"progression", "better", "getting better"}}},
    {.text = "Twitches every few minutes when I lie down at night.",
     .want = {{"frequency", "every few minutes", "every few minutes"},
              {"time_of_day", "lying_down", "when I lie down"}, {"time_of_day", "night"}}},
    {.text = "My bottom eyelid twitches twice a day, mostly in the evening.",
     .want = {{"frequency", "twice a day", "twice a day"}, {"time_of_day", "evening"}}},
    {.text = "it comes and goes, maybe 5 times a day",
     .want = {{"frequency", "intermittent"}, {"frequency", "5 times a day"}}},
    {.text = "several times an hour", .want = {{"frequency", "several times an hour"}}},
    {.text = "every couple of hours", .want = {{"frequency", "every couple of hours"}}},
    {.text = "occasionally, maybe twice a month",
     .want = {{"frequency", "occasional"}, {"frequency", "twice a month"}}},
    {.text = "worse in bright light and when reading",
     .want = {{"time_of_day", "bright_light"}, {"time_of_day", "reading"}}},
    {.text = "Right now my right eye is twitching.", .want = {{"side", "right", "right"}}},
};

void ExpectNumber(const char* name, const std::optional<double>& got, double want) {
  if (want == kUnset) {
    EXPECT_FALSE(got.has_value()) << name << " should be unset, is " << got.value_or(0);
  } else {
    ASSERT_TRUE(got.has_value()) << name << " should be " << want;
    EXPECT_NEAR(*got, want, 0.01) << name;
  }
}

TEST(Attributes, Phrasings) {
  ASSERT_GE(kCases.size(), 80u);
  const ContextEngine& ctx = DefaultContextEngine();
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    const std::vector<Token> tokens = Tokenize(c.text);
    const TextAttributes a = ExtractAttributes(c.text, tokens, DefaultLexicon(), &ctx, kToday);
    ExpectNumber("duration_days", a.duration_days, c.duration);
    ExpectNumber("caffeine_drinks_per_day", a.caffeine_drinks_per_day, c.caffeine);
    ExpectNumber("sleep_hours", a.sleep_hours, c.sleep);
    ExpectNumber("alcohol_drinks_per_day", a.alcohol_drinks_per_day, c.alcohol);
    ExpectNumber("cigarettes_per_day", a.cigarettes_per_day, c.cigarettes);
    if (c.age < 0) EXPECT_FALSE(a.age_years.has_value()) << "age " << a.age_years.value_or(0);
    else EXPECT_EQ(a.age_years.value_or(-1), c.age);
    EXPECT_EQ(a.sex.value_or(""), c.sex);
    for (const Want& w : c.want) {
      bool found = false;
      for (const AttributeMention& m : a.mentions) {
        if (m.kind != w.kind || m.value != w.value) continue;
        ASSERT_LE(m.begin, m.end);
        ASSERT_LE(m.end, c.text.size());
        if (!w.span.empty() && c.text.substr(m.begin, m.end - m.begin) != w.span) continue;
        found = true;
        EXPECT_EQ(m.asserted, w.asserted) << w.kind << " " << w.value;
      }
      EXPECT_TRUE(found) << "no " << w.kind << " '" << w.value << "' over '" << w.span << "'";
    }
  }
}

// An age is read after a relation word only across words that link the two ("is",
// "who", "turned", "he's"); a number later in the clause dates or counts something else.
TEST(Attributes, RelativesAgeOnlyAcrossLinkingWords) {
  const ContextEngine& ctx = DefaultContextEngine();
  const struct {
    std::string_view text;
    int age;  // -1: none
  } cases[] = {
      {"my dad's had dementia 5 years and now his eyelid twitches", -1},
      {"my mum has had diabetes 30 years, her hands cramp", -1},
      {"my son is 10 and keeps blinking", 10},
      {"my mum who is 82 has jerks in her legs", 82},
      {"my daughter just turned 5 and her eye twitches", 5},
      {"my mum's 82 and her eye twitches", 82},
      {"my son has epilepsy hes 9. his arm is jerking", 9},
      {"my son has epilepsy, he is 9, and his arm is jerking", 9},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const std::vector<Token> tokens = Tokenize(c.text);
    const TextAttributes a = ExtractAttributes(c.text, tokens, DefaultLexicon(), &ctx, kToday);
    if (c.age < 0) EXPECT_FALSE(a.age_years.has_value()) << "age " << a.age_years.value_or(0);
    else EXPECT_EQ(a.age_years.value_or(-1), c.age);
    // The pronoun names the same son, not a second person.
    size_t sexes = 0;
    for (const AttributeMention& m : a.mentions) sexes += m.kind == "sex";
    EXPECT_EQ(sexes, 1u);
  }
}

TEST(Attributes, WithoutContextEngineHypotheticalsCount) {
  const std::string text = "If it lasts more than two weeks should I see a doctor?";
  const TextAttributes a = ExtractAttributes(text, Tokenize(text), DefaultLexicon(), nullptr, kToday);
  ASSERT_TRUE(a.duration_days.has_value());
  EXPECT_EQ(*a.duration_days, 14);
}

TEST(Attributes, LongestDurationWins) {
  const std::string text = "It started 3 days ago. Actually I've had it on and off for 2 months.";
  const TextAttributes a = ExtractAttributes(text, Tokenize(text), DefaultLexicon(), nullptr, kToday);
  EXPECT_NEAR(a.duration_days.value_or(0), 60.88, 0.01);
}

TEST(Attributes, SinceAMonthLaterThanTodayMeansLastYear) {
  const std::string text = "twitching since August";
  const TextAttributes a = ExtractAttributes(text, Tokenize(text), DefaultLexicon(), nullptr, kToday);
  EXPECT_EQ(a.duration_days.value_or(0), 318);  // 2024-08-01 .. 2025-06-15
}

TEST(Attributes, NumericByName) {
  const std::string text = "I'm 33, I drink 3 coffees a day and sleep 6 hours. Twitching for 9 days.";
  const TextAttributes a = ExtractAttributes(text, Tokenize(text), DefaultLexicon(), nullptr, kToday);
  double v = 0;
  ASSERT_TRUE(a.Numeric("age_years", &v));
  EXPECT_EQ(v, 33);
  ASSERT_TRUE(a.Numeric("caffeine_drinks_per_day", &v));
  EXPECT_EQ(v, 3);
  ASSERT_TRUE(a.Numeric("sleep_hours", &v));
  EXPECT_EQ(v, 6);
  ASSERT_TRUE(a.Numeric("duration_days", &v));
  EXPECT_EQ(v, 9);
  v = -5;
  EXPECT_FALSE(a.Numeric("cigarettes_per_day", &v));
  EXPECT_FALSE(a.Numeric("alcohol_drinks_per_day", &v));
  EXPECT_FALSE(a.Numeric("no_such_attribute", &v));
  EXPECT_EQ(v, -5);
}

TEST(Attributes, MentionsAreInTextOrder) {
  const std::string text = "Left eye twitching for 2 weeks, 4 coffees a day, worse at night.";
  const TextAttributes a = ExtractAttributes(text, Tokenize(text), DefaultLexicon(), nullptr, kToday);
  ASSERT_GE(a.mentions.size(), 5u);
  for (size_t i = 1; i < a.mentions.size(); ++i)
    EXPECT_LE(a.mentions[i - 1].begin, a.mentions[i].begin);
}

// Any bytes, and tokens whose offsets do not fit the text: no crash, spans inside the text.
TEST(Attributes, NeverReadsOutOfBounds) {
  std::mt19937 rng(12345);
  const std::string alphabet = "0123456789 ./-~,()'%mfMF abcxyz\n";
  const std::vector<std::string> words = {"for", "a", "few", "weeks", "since", "my", "son", "10",
                                          "year", "old", "cups", "of", "coffee", "pack", "/",
                                          "in", "forties", "slept", "hours", "every", "half"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      if (rng() % 2) text += words[rng() % words.size()] + " ";
      else text += alphabet[rng() % alphabet.size()];
    }
    std::vector<Token> tokens = Tokenize(text);
    if (round % 3 == 0) {  // offsets from some other text
      for (Token& t : tokens) {
        t.begin += rng() % 50;
        t.end = t.begin + rng() % 20;
      }
    }
    const TextAttributes a = ExtractAttributes(text, tokens, DefaultLexicon(), nullptr, kToday);
    for (const AttributeMention& m : a.mentions) {
      ASSERT_LE(m.begin, m.end);
      ASSERT_LE(m.end, text.size());
    }
  }
  const TextAttributes empty = ExtractAttributes("", {}, DefaultLexicon(), nullptr, kToday);
  EXPECT_TRUE(empty.mentions.empty());
}

// --- Loading lexicon.yaml --------------------------------------------------------------------

struct LoadCase {
  std::string_view yaml;
  std::string_view error;  // expected prefix of the message
};

constexpr std::string_view kMinimal =
    "version: 1\n"
    "numbers: {one: 1}\n"
    "units: {day: {days: 1, words: [day]}}\n"
    "limits: {duration_days: 1, caffeine_drinks_per_day: 1, sleep_hours: 1,\n"
    "         alcohol_drinks_per_day: 1, cigarettes_per_day: 1, age_years: 1}\n";

TEST(LexiconLoad, Errors) {
  const std::vector<LoadCase> cases = {
      {"version: 1\nspelling: [unclosed\n", "test.yaml:3: YAML syntax"},
      {"- a\n- b\n", "test.yaml:1: the file must be a map"},
      {"version: 1\nfrobs: {}\n", "test.yaml:2: unknown section 'frobs'"},
      {"version: 2\n", "test.yaml:1: unsupported version"},
      {"version: 1\nspelling:\n  twich: twitch\n  twich: twitch\n",
       "test.yaml:4: duplicate key 'twich' in spelling"},
      {"version: 1\nspelling:\n  twich: [twitch]\n", "test.yaml:3: a canonical spelling must be a text value"},
      {"version: 1\nspelling:\n  twitch: twitch\n", "test.yaml:3: spelling 'twitch' maps to itself"},
      {"version: 1\nspelling:\n  Twich: twitch\n", "test.yaml:3: a key of spelling 'Twich' must be lower case"},
      {"version: 1\nnumbers: {one: lots}\n", "test.yaml:2: a number's value must be a number"},
      {"version: 1\nnumbers:\n  eight: 8\n  eights: 80\n",
       "test.yaml:4: number word 'eights' has the match key of another number (8)"},
      {"version: 1\nnumbers: {one: 1}\nunits: {day: {days: 0, words: [day]}}\n",
       "test.yaml:3: a unit's days must be greater than 0"},
      {"version: 1\nnumbers: {one: 1}\nunits:\n  day: {days: 1, words: day}\n",
       "test.yaml:4: a unit's words must be a list"},
      {std::string_view("version: 1\nnumbers: {one: 1}\nunits: {day: {days: 1, words: [day]}}\n"),
       "test.yaml:1: missing section 'limits'"},
  };
  for (const LoadCase& c : cases) {
    SCOPED_TRACE(c.yaml);
    Lexicon lex;
    std::string err;
    EXPECT_FALSE(LoadLexicon(c.yaml, "test.yaml", &lex, &err));
    EXPECT_EQ(err.substr(0, c.error.size()), c.error) << err;
  }
}

TEST(LexiconLoad, ErrorsAfterTheRequiredSections) {
  const std::vector<std::pair<std::string, std::string_view>> cases = {
      {"limits_typo: 1\n", "test.yaml:6: unknown section 'limits_typo'"},
      {"cues: {fillers: [my]}\n", "test.yaml:6: unknown cue list 'fillers'"},
      {"mentions: {colour: {red: [red]}}\n", "test.yaml:6: unknown mention kind 'colour'"},
      {"mentions:\n  site:\n    eye: [eye]\n    eyeball: [eye]\n", "test.yaml:9: duplicate phrase 'eye'"},
      {"substances: {tea: {attribute: calories, phrases: [tea]}}\n",
       "test.yaml:6: unknown substance attribute 'calories'"},
      {"substances: {tea: {attribute: caffeine_drinks_per_day, phrases: [tea]}}\n"
       "containers: {cup: {default: coffee, phrases: [cup]}}\n",
       "test.yaml:7: unknown substance 'coffee'"},
      {"containers: {cup: {plural: cups, colour: red, phrases: [cup]}}\n",
       "test.yaml:6: container 'cup': unknown key 'colour'"},
      {"relations: {son: boy}\n", "test.yaml:6: a relation's sex must be female, male or \"\""},
      {"months: {march: 13}\n", "test.yaml:6: a month must be 1..12"},
      {"needs_site: [left]\n", "test.yaml:6: needs_site: 'left' is not a mention phrase"},
  };
  for (const auto& [extra, error] : cases) {
    const std::string yaml = std::string(kMinimal) + extra;
    SCOPED_TRACE(yaml);
    Lexicon lex;
    std::string err;
    EXPECT_FALSE(LoadLexicon(yaml, "test.yaml", &lex, &err));
    EXPECT_EQ(err.substr(0, error.size()), error) << err;
  }
}

TEST(LexiconLoad, MinimalFileLoads) {
  Lexicon lex;
  std::string err;
  ASSERT_TRUE(LoadLexicon(kMinimal, "test.yaml", &lex, &err)) << err;
  EXPECT_NE(lex.FindSurface("one"), kNoLexWord);
  EXPECT_NE(lex.FindSurface("days"), kNoLexWord);
  EXPECT_EQ(lex.FindSurface("week"), kNoLexWord);
}

}  // namespace
}  // namespace twitchcheck
