#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/context.h"
#include "text/token.h"

namespace twitchcheck {
namespace {

// What the built-in rules should say about `target` in `sentence`.
struct Case {
  const char* sentence;
  const char* target;
  const char* negation;     // "negated" | "affirmed"
  const char* temporality;  // "recent" | "historical" | "hypothetical"
  const char* experiencer;  // "patient" | "other"
};

void Check(const Case& c) {
  ContextResult r;
  EXPECT_TRUE(ClassifyTargetInSentence(DefaultContextEngine(), c.sentence, c.target, &r))
      << "target not found: " << c.target;
  const ContextLabels l = LabelsFor(r);
  const std::string where = std::string("sentence: \"") + c.sentence + "\", target: \"" + c.target + "\"";
  EXPECT_STREQ(l.negation, c.negation) << where;
  EXPECT_STREQ(l.temporality, c.temporality) << where;
  EXPECT_STREQ(l.experiencer, c.experiencer) << where;
}

TEST(ContextTest, Negation) {
  const Case cases[] = {
      {"I don't have any numbness", "numbness", "negated", "recent", "patient"},
      {"no weakness in my arms", "weakness", "negated", "recent", "patient"},
      {"Patient denies chest pain or shortness of breath", "shortness of breath", "negated", "recent", "patient"},
      {"twitching without pain", "pain", "negated", "recent", "patient"},
      {"twitching without pain", "twitching", "affirmed", "recent", "patient"},
      {"I have never had a seizure", "seizure", "negated", "recent", "patient"},
      {"I'm not in pain at all", "pain", "negated", "recent", "patient"},
      {"None of my muscles feel weak", "weak", "negated", "recent", "patient"},
      {"I haven't noticed any weakness", "weakness", "negated", "recent", "patient"},
      {"I havent noticed any weakness", "weakness", "negated", "recent", "patient"},
      {"Nothing else, no numbness", "numbness", "negated", "recent", "patient"},
      {"She is negative for lupus", "lupus", "negated", "recent", "patient"},
      {"There is no evidence of a stroke", "stroke", "negated", "recent", "patient"},
      {"MS was ruled out by the neurologist", "ms", "negated", "recent", "patient"},
      {"The rash has resolved", "rash", "negated", "recent", "patient"},
      {"I can't feel my fingertips", "fingertips", "negated", "recent", "patient"},
      {"NO KNOWN DRUG ALLERGIES", "drug allergies", "negated", "recent", "patient"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(ContextTest, ScopeAndTerminators) {
  const Case cases[] = {
      {"No fever but cough", "cough", "affirmed", "recent", "patient"},
      {"No fever but cough", "fever", "negated", "recent", "patient"},
      {"No numbness, however my eyelid twitches", "eyelid twitches", "affirmed", "recent", "patient"},
      {"no pain other than the twitching", "twitching", "affirmed", "recent", "patient"},
      {"no tingling and my eye twitches", "eye twitches", "affirmed", "recent", "patient"},
      {"No fever. Cough since Monday.", "cough", "affirmed", "recent", "patient"},
      {"no fever, chills, sweats or cough", "cough", "negated", "recent", "patient"},
      {"My eye twitching does not stop", "eye twitching", "affirmed", "recent", "patient"},
      {"I have no pain, just twitching in my calf", "twitching", "affirmed", "recent", "patient"},
      {"My mom has MS and now my leg twitches", "leg twitches", "affirmed", "recent", "patient"},
      {"Should I worry about the twitching?", "twitching", "affirmed", "recent", "patient"},
      // A cue's scope ends at its maximum number of words.
      {"no fever on the first day and then for a long time after that I had a very bad cough",
       "cough", "affirmed", "recent", "patient"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(ContextTest, PseudoTriggers) {
  const Case cases[] = {
      {"no increase in twitching", "twitching", "affirmed", "recent", "patient"},
      {"no change in the spasms", "spasms", "affirmed", "recent", "patient"},
      {"not only my eye but my cheek twitches", "eye", "affirmed", "recent", "patient"},
      {"gram negative rods in the culture", "rods", "affirmed", "recent", "patient"},
      {"the twitching has not gone away", "twitching", "affirmed", "recent", "patient"},
      {"the spasm has not resolved", "spasm", "affirmed", "recent", "patient"},
      {"I have no idea why my eyelid twitches", "eyelid twitches", "affirmed", "recent", "patient"},
      {"He walks without difficulty", "walks", "affirmed", "recent", "patient"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(ContextTest, Historical) {
  const Case cases[] = {
      {"history of Bell's palsy", "bell's palsy", "affirmed", "historical", "patient"},
      {"Last year I had shingles", "shingles", "affirmed", "historical", "patient"},
      {"I had Bell's palsy 5 years ago", "bell's palsy", "affirmed", "historical", "patient"},
      {"I used to get migraines", "migraines", "affirmed", "historical", "patient"},
      {"status post appendectomy", "appendectomy", "affirmed", "historical", "patient"},
      {"previous stroke", "stroke", "affirmed", "historical", "patient"},
      // An episode that began in the past and goes on is recent.
      {"My eye started twitching 2 months ago", "eye", "affirmed", "recent", "patient"},
      {"a three-day history of fever", "fever", "affirmed", "recent", "patient"},
      {"a 45-year-old woman with eye twitching", "eye twitching", "affirmed", "recent", "patient"},
      // A long-standing diagnosis alone in its sentence is a list entry: history. Named in
      // a sentence, or a diagnosis that is not long-standing, it is not.
      {"HYPERTENSION.", "hypertension", "affirmed", "historical", "patient"},
      {"Type 2 diabetes.", "type 2 diabetes", "affirmed", "historical", "patient"},
      {"Gout", "gout", "affirmed", "historical", "patient"},
      {"He is admitted with poorly controlled hypertension.", "hypertension", "affirmed", "recent", "patient"},
      {"PNEUMONIA.", "pneumonia", "affirmed", "recent", "patient"},
      {"No asthma.", "asthma", "negated", "recent", "patient"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(ContextTest, Hypothetical) {
  const Case cases[] = {
      {"See a doctor if it spreads to your face", "face", "affirmed", "hypothetical", "patient"},
      {"in case of sudden weakness call an ambulance", "sudden weakness", "affirmed", "hypothetical", "patient"},
      {"Should weakness occur, see a neurologist", "weakness", "affirmed", "hypothetical", "patient"},
      {"return if numbness develops", "numbness", "affirmed", "hypothetical", "patient"},
      {"Call your doctor for fever or a stiff neck", "stiff neck", "affirmed", "hypothetical", "patient"},
      {"what if it is ALS", "als", "affirmed", "hypothetical", "patient"},
  };
  for (const Case& c : cases) Check(c);
}

struct PossibleCase {
  const char* sentence;
  const char* target;
  bool possible;
  bool negated;
};

TEST(ContextTest, Possible) {
  const PossibleCase cases[] = {
      {"maybe it's stress", "stress", true, false},
      {"I think it's the caffeine", "caffeine", true, false},
      {"it might be a pinched nerve", "pinched nerve", true, false},
      {"possible pneumonia", "pneumonia", true, false},
      {"we cannot rule out ALS", "als", true, false},
      {"could it be a tumour", "tumour", true, false},
      {"I'm not sure if it's the caffeine", "caffeine", true, false},
      {"my eyelid twitches", "eyelid", false, false},
  };
  for (const PossibleCase& c : cases) {
    ContextResult r;
    ASSERT_TRUE(ClassifyTargetInSentence(DefaultContextEngine(), c.sentence, c.target, &r));
    EXPECT_EQ(r.possible, c.possible) << c.sentence;
    EXPECT_EQ(r.negated, c.negated) << c.sentence;
  }
}

TEST(ContextTest, Experiencer) {
  const Case cases[] = {
      {"family history of ALS", "als", "affirmed", "historical", "other"},
      {"My mother had a stroke", "stroke", "affirmed", "historical", "other"},
      {"my uncle has a muscle disease", "muscle disease", "affirmed", "historical", "other"},
      {"Parkinson's disease runs in the family", "parkinson's disease", "affirmed", "historical", "other"},
      {"my friend has twitching too", "twitching", "affirmed", "recent", "other"},
      // Someone writing for a relative describes the relative's own current symptoms:
      // that relative is the person being assessed.
      {"my father's face is drooping", "face is drooping", "affirmed", "recent", "patient"},
      {"my 10-year-old son blinks a lot", "blinks", "affirmed", "recent", "patient"},
      {"my mother has twitching in her eyelid", "twitching", "affirmed", "recent", "patient"},
      {"my wife's eyelid keeps jumping", "eyelid", "affirmed", "recent", "patient"},
  };
  for (const Case& c : cases) Check(c);
}

// A cue may run from before a target into its first words ("my friend had" + "had a
// seizure") when it says whose the sign is or when it was; a denial never straddles, since
// a sign may hold a negation word of its own.
TEST(ContextTest, ExperiencerCueRunningIntoTheTarget) {
  const Case cases[] = {
      {"my friend had a seizure yesterday", "had a seizure", "affirmed", "recent", "other"},
      {"a man on the bus had a seizure", "had a seizure", "affirmed", "recent", "other"},
      {"he is not making sense", "not making sense", "affirmed", "recent", "patient"},
      {"I had a seizure on the bus", "had a seizure", "affirmed", "recent", "patient"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(ContextTest, CuesExplainTheResult) {
  const std::string text = "No fever. I deny any numbness but have cramps.";
  const std::vector<Token> tokens = Tokenize(text);
  size_t numbness = 0;
  while (numbness < tokens.size() && tokens[numbness].norm != "numbness") ++numbness;
  ASSERT_LT(numbness, tokens.size());
  const ContextResult r = DefaultContextEngine().Classify(tokens, numbness, numbness + 1);
  EXPECT_TRUE(r.negated);
  ASSERT_EQ(r.cues.size(), 1u);  // "No" is in the previous sentence
  EXPECT_EQ(r.cues[0].category, ContextCategory::kNegated);
  EXPECT_EQ(text.substr(r.cues[0].begin, r.cues[0].end - r.cues[0].begin), "deny");
  const ContextResult cramps = DefaultContextEngine().Classify(tokens, tokens.size() - 2, tokens.size() - 1);
  EXPECT_FALSE(cramps.negated);
}

TEST(ContextTest, OutOfRangeTargetsAreHarmless) {
  const std::vector<Token> tokens = Tokenize("no fever");
  const ContextEngine& e = DefaultContextEngine();
  EXPECT_FALSE(e.Classify(tokens, 1, 1).negated);
  EXPECT_FALSE(e.Classify(tokens, 2, 5).negated);
  EXPECT_FALSE(e.Classify({}, 0, 1).negated);
}

TEST(ContextTest, TargetLocation) {
  ContextResult r;
  // Spacing and case differ from the target; the capitalised occurrence is the target.
  EXPECT_TRUE(ClassifyTargetInSentence(DefaultContextEngine(),
                                       "Allergies: he has no known ALLERGIES.", "allergies", &r));
  EXPECT_TRUE(r.negated);
  EXPECT_TRUE(ClassifyTargetInSentence(DefaultContextEngine(), "Denies   chest\tpain.",
                                       "CHEST PAIN", &r));
  EXPECT_TRUE(r.negated);
  // Not found: best effort, reported as such.
  EXPECT_FALSE(ClassifyTargetInSentence(DefaultContextEngine(), "no fever", "cough", &r));
}

struct LoadErrorCase {
  const char* yaml;
  const char* error;  // expected message
};

TEST(ContextRulesTest, LoadErrorsNameFileAndLine) {
  const LoadErrorCase cases[] = {
      {"context_rules:\n  - {literal: no, category: NEGATED, direction: forward}\n",
       "r.yaml:2: unknown category 'NEGATED'"},
      {"context_rules:\n  - literal: no\n    category: NEGATED_EXISTENCE\n    direction: forward\n"
       "    max_scope: 0\n",
       "r.yaml:5: max_scope 0 is out of range 1..100"},
      {"context_rules:\n  - {literal: no, category: NEGATED_EXISTENCE, direction: forward, max_scope: 500}\n",
       "r.yaml:2: max_scope 500 is out of range 1..100"},
      {"context_rules:\n\n  - {literal: \"\", category: PSEUDO}\n", "r.yaml:3: empty literal"},
      {"context_rules:\n  - {literal: \"  ,\", category: PSEUDO}\n  - {literal: \" \", category: PSEUDO}\n",
       "r.yaml:3: empty literal"},
      {"context_rules:\n  - {literal: no, category: NEGATED_EXISTENCE, direction: sideways}\n",
       "r.yaml:2: unknown direction 'sideways' (forward, backward, bidirectional, terminate, pseudo)"},
      {"context_rules:\n  - {literal: no, category: NEGATED_EXISTENCE}\n", "r.yaml:2: rule has no direction"},
      {"context_rules:\n  - {literal: but, category: TERMINATE, direction: forward}\n",
       "r.yaml:2: direction does not fit category TERMINATE"},
      {"context_rules:\n  - {literal: no, category: NEGATED_EXISTENCE, direction: forward, scope: 3}\n",
       "r.yaml:2: unknown rule key 'scope'"},
      {"context_rules:\n  - {literal: no, category: PSEUDO}\n  - {literal: \"No\", category: PSEUDO}\n",
       "r.yaml:3: duplicate literal 'No' (first at line 2)"},
      {"context_rules:\n  - {literal: \"{kin} had\", category: FAMILY, direction: forward}\n",
       "r.yaml:2: unknown word class 'kin'"},
      {"version: 1\n", "r.yaml:1: missing `context_rules:`"},
      {"contxt_rules: []\n", "r.yaml:1: unknown key 'contxt_rules'"},
      {"context_rules:\n  - {literal: no, category: PSEUDO\n", "r.yaml:3: while parsing a flow mapping: did not find expected ',' or '}'"},
      {"categories:\n  NEGATED_EXISTENCE: {max_scope: -1}\ncontext_rules: []\n",
       "r.yaml:2: max_scope -1 is out of range 1..100"},
      {"context_rules:\n  - {when: target_alone, literal: gout, category: HISTORICAL}\n",
       "r.yaml:2: a `when: target_alone` rule takes no literal and no direction"},
      {"context_rules:\n  - {when: target_alone, category: PSEUDO}\n",
       "r.yaml:2: a `when: target_alone` rule needs a category that sets a label"},
      {"context_rules:\n  - {when: alone, category: HISTORICAL}\n", "r.yaml:2: when must be `target_alone`"},
      {"context_rules:\n  - {when: target_alone, category: HISTORICAL}\n"
       "  - {when: target_alone, category: HISTORICAL}\n",
       "r.yaml:3: duplicate `when: target_alone` rule (first at line 2)"},
  };
  for (const LoadErrorCase& c : cases) {
    ContextRules rules;
    std::string err;
    EXPECT_FALSE(LoadContextRules(c.yaml, "r.yaml", &rules, &err)) << c.yaml;
    EXPECT_EQ(err, c.error) << c.yaml;
  }
}

TEST(ContextRulesTest, WordClassesExpandAndRulesShareLiterals) {
  const char* yaml =
      "word_classes:\n  kin: [mother, great aunt]\n  illness: [disease]\n"
      "context_rules:\n"
      "  - {literal: \"{kin} has\", category: FAMILY, direction: forward, target_class: illness}\n"
      "  - {literal: denies, category: NEGATED_EXISTENCE, direction: forward}\n"
      "  - {literal: denies, category: HISTORICAL, direction: forward}\n";
  ContextRules rules;
  std::string err;
  ASSERT_TRUE(LoadContextRules(yaml, "r.yaml", &rules, &err)) << err;
  ASSERT_EQ(rules.rules.size(), 4u);
  EXPECT_EQ(rules.rules[1].tokens, (std::vector<std::string>{"great", "aunt", "has"}));
  const ContextEngine engine(rules);
  ContextResult r;
  ASSERT_TRUE(ClassifyTargetInSentence(engine, "my great aunt has a heart disease", "heart disease", &r));
  EXPECT_TRUE(r.family);
  ASSERT_TRUE(ClassifyTargetInSentence(engine, "my great aunt has a cough", "cough", &r));
  EXPECT_FALSE(r.family);  // target_class: a cough is not an illness word
  ASSERT_TRUE(ClassifyTargetInSentence(engine, "denies alcohol", "alcohol", &r));
  EXPECT_TRUE(r.negated);
  EXPECT_TRUE(r.historical);
}

TEST(ContextRulesTest, StemMatchingScopeAndTerminatedBy) {
  const char* yaml =
      "categories:\n  NEGATED_EXISTENCE: {max_scope: 3, terminated_by: [POSSIBLE_EXISTENCE]}\n"
      "context_rules:\n"
      "  - {literal: deny, category: NEGATED_EXISTENCE, direction: forward, match: stem}\n"
      "  - {literal: maybe, category: POSSIBLE_EXISTENCE, direction: forward}\n";
  ContextRules rules;
  std::string err;
  ASSERT_TRUE(LoadContextRules(yaml, "r.yaml", &rules, &err)) << err;
  const ContextEngine engine(rules);
  ContextResult r;
  ASSERT_TRUE(ClassifyTargetInSentence(engine, "she denied fever", "fever", &r));
  EXPECT_TRUE(r.negated);  // "denied" and "deny" share a stem
  ASSERT_TRUE(ClassifyTargetInSentence(engine, "she denied one two three fever", "fever", &r));
  EXPECT_FALSE(r.negated);  // three words in between: out of scope
  ASSERT_TRUE(ClassifyTargetInSentence(engine, "denies maybe fever", "fever", &r));
  EXPECT_FALSE(r.negated);  // an uncertainty cue ends the negation's scope
  EXPECT_TRUE(r.possible);
}

TEST(ContextRulesTest, BuiltInAndOnDiskRulesLoad) {
  std::string err;
  EXPECT_NE(LoadContextEngine("", &err), nullptr) << err;
  EXPECT_NE(LoadContextEngine(std::string(TWITCHCHECK_SOURCE_DIR) + "/kb", &err), nullptr) << err;
  EXPECT_EQ(LoadContextEngine("/nonexistent", &err), nullptr);
  EXPECT_EQ(err, "/nonexistent/context_rules.yaml: cannot read the file");
}

}  // namespace
}  // namespace twitchcheck
