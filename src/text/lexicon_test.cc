// Spelling correction and word lookup of the built-in lexicon.
#include "text/lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kb/embedded.h"
#include "text/token.h"

namespace twitchcheck {
namespace {

TEST(Lexicon, EmbeddedFileLoads) {
  for (const EmbeddedFile& f : EmbeddedKnowledgeFiles()) {
    if (f.name != "lexicon.yaml") continue;
    Lexicon lex;
    std::string err;
    EXPECT_TRUE(LoadLexicon(f.text, "kb/lexicon.yaml", &lex, &err)) << err;
    EXPECT_GE(lex.spelling.size() + lex.joined_spelling.size(), 100u);
    return;
  }
  FAIL() << "lexicon.yaml is not embedded";
}

TEST(Lexicon, CorrectMapsVariantsToOneSpelling) {
  const Lexicon& lex = DefaultLexicon();
  const std::vector<std::pair<std::string_view, std::string_view>> cases = {
      {"twich", "twitch"},          {"twiching", "twitching"},   {"twitchin", "twitching"},
      {"twtich", "twitch"},         {"twitcing", "twitching"},   {"eylid", "eyelid"},
      {"spasim", "spasm"},          {"spazm", "spasm"},          {"spams", "spasms"},
      {"numbnes", "numbness"},      {"tingeling", "tingling"},   {"tinglin", "tingling"},
      {"weakniss", "weakness"},     {"droppy", "droopy"},        {"parlysis", "paralysis"},
      {"paralisys", "paralysis"},   {"cafeine", "caffeine"},     {"caffiene", "caffeine"},
      {"coffe", "coffee"},          {"expresso", "espresso"},    {"magnesuim", "magnesium"},
      {"vitamine", "vitamin"},      {"calcuim", "calcium"},      {"anxeity", "anxiety"},
      {"stresed", "stressed"},      {"tierd", "tired"},          {"tird", "tired"},
      {"exausted", "exhausted"},    {"insomina", "insomnia"},    {"diarhea", "diarrhea"},
      {"diarrhoea", "diarrhea"},    {"vomitting", "vomiting"},   {"dehidrated", "dehydrated"},
      {"cigarete", "cigarette"},    {"ciggarettes", "cigarettes"}, {"eys", "eyes"},
      {"tumour", "tumor"},          {"oestrogen", "estrogen"},   {"calves", "calf"},
  };
  for (const auto& [variant, canonical] : cases) EXPECT_EQ(lex.Correct(variant), canonical) << variant;
}

TEST(Lexicon, CorrectLeavesOtherWordsAlone) {
  const Lexicon& lex = DefaultLexicon();
  for (std::string_view w : {"twitch", "eyelid", "coffee", "", "zzz", "diarrhea", "twitches"})
    EXPECT_EQ(lex.Correct(w), w);
}

TEST(Lexicon, TwoWordVariantsAreJoined) {
  const Lexicon& lex = DefaultLexicon();
  auto it = lex.joined_spelling.find("eye");
  ASSERT_NE(it, lex.joined_spelling.end());
  bool lid = false;
  for (const auto& [second, canon] : it->second) lid |= second == "lid" && canon == "eyelid";
  EXPECT_TRUE(lid);
}

TEST(Lexicon, MatchKeyStemsCorrectedWords) {
  const Lexicon& lex = DefaultLexicon();
  EXPECT_EQ(lex.MatchKey("twiching"), Stem("twitching"));
  EXPECT_EQ(lex.MatchKey("twitches"), Stem("twitch"));
  EXPECT_EQ(lex.MatchKey("coffe"), Stem("coffee"));
  EXPECT_EQ(lex.MatchKey("spazms"), Stem("spasm"));
}

// FindSurface is a precomputed MatchKey + Find: they must agree on every word they know.
TEST(Lexicon, SurfaceTableAgreesWithMatchKey) {
  const Lexicon& lex = DefaultLexicon();
  for (const auto& [surface, id] : lex.surfaces.entries()) {
    EXPECT_EQ(lex.Find(lex.MatchKey(surface)), id) << surface;
    EXPECT_EQ(lex.FindSurface(surface), id) << surface;
  }
  for (std::string_view w : {"slept", "cups", "coffees", "hours", "weeks", "twiching", "eyelids",
                             "stopped", "smoking", "years", "minutes", "lying"})
    EXPECT_NE(lex.FindSurface(w), kNoLexWord) << w;
  EXPECT_EQ(lex.FindSurface("xylophone"), kNoLexWord);
}

}  // namespace
}  // namespace twitchcheck
