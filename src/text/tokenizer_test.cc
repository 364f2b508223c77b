#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/token.h"

namespace twitchcheck {
namespace {

std::string Norms(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.norm;
  }
  return out;
}

std::string Sentences(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) out += std::to_string(t.sentence);
  return out;
}

struct NormCase {
  const char* text;
  const char* norms;  // space-joined norms
};

TEST(TokenizeTest, Norms) {
  const NormCase cases[] = {
      {"", ""},
      {"   \n\t ", ""},
      {"My eye twitches.", "my eye twitches ."},
      {"I don't have any numbness", "i do not have any numbness"},
      {"I can't sleep", "i can not sleep"},
      {"it won't stop", "it will not stop"},
      {"it isn't painful", "it is not painful"},
      {"I'm worried", "i am worried"},
      {"It's my left eye", "it is my left eye"},
      {"I've had it, I'll see, I'd say", "i have had it , i will see , i would say"},
      {"they're twitching", "they are twitching"},
      {"my father's face", "my father 's face"},
      {"I don\xE2\x80\x99t know", "i do not know"},              // curly apostrophe
      {"dont cant wont didnt im", "do not can not will not did not i am"},  // no apostrophes
      {"\xE2\x80\x9Cjumping\xE2\x80\x9D", "\" jumping \""},     // curly double quotes
      {"twitch\xE2\x80\x94" "all day", "twitch - all day"},          // em dash
      {"a 10-year-old boy", "a 10 year old boy"},
      {"left-sided twitch", "left sided twitch"},
      {"2-3 cups of coffee", "2 - 3 cups of coffee"},
      {"2.5 mg, 1,000 IU", "2.5 mg , 1,000 iu"},
      {"10mg daily", "10 mg daily"},
      {"the 2nd time", "the 2nd time"},
      {"vitamin B12 low", "vitamin b12 low"},
      {"e.g. coffee", "e.g. coffee"},
      {"Dr. Smith said", "dr . smith said"},
      {"wait...", "wait ..."},
      {"o'clock", "o'clock"},
      {"Caf\xC3\x89 \xC3\x9C", "caf\xC3\xA9 \xC3\xBC"},          // Latin-1 capitals lowered
      {"bad\xFF\xFE" "yte", "bad yte"},                               // invalid bytes separate
      {"trunc\xE2\x80", "trunc"},                                  // truncated sequence
      {"NO FEVER", "no fever"},
  };
  for (const NormCase& c : cases) {
    EXPECT_EQ(Norms(Tokenize(c.text)), c.norms) << "text: " << c.text;
  }
}

struct SentenceCase {
  const char* text;
  const char* sentences;  // one digit per token
};

TEST(TokenizeTest, SentenceIndices) {
  const SentenceCase cases[] = {
      {"No pain. Eye twitches!", "00011 1"},
      {"Is it bad? Yes", "00000"},       // a one-word answer stays with its question
      {"Numbness? No. Pain? Yes", "0000 111"},
      {"Is it bad? Yesterday it was", "00001 11"},  // not an answer: a new sentence
      {"Dr. Smith saw me", "00000"},
      {"Took 2.5 mg. Then slept", "000011"},
      {"e.g. coffee. Tea", "0001"},
      {"cramps, pain etc. and more", "0000000"},
      {"cramps etc. Then more", "00011"},
      {"line one\nLine two", "0011"},
      {"wrapped line\ncontinues here", "0000"},
      {"para\n\nnext", "01"},
      {"He said \"no.\" Then left", "00000011"},
      {"twitching... and more", "0000"},
  };
  for (const SentenceCase& c : cases) {
    std::string expected;
    for (const char* p = c.sentences; *p; ++p)
      if (*p != ' ') expected += *p;
    EXPECT_EQ(Sentences(Tokenize(c.text)), expected) << "text: " << c.text;
  }
}

TEST(TokenizeTest, OffsetsPointIntoOriginal) {
  const std::string text = "I don\xE2\x80\x99t have \xE2\x80\x9Ctwitches\xE2\x80\x9D";
  const std::vector<Token> t = Tokenize(text);
  ASSERT_EQ(Norms(t), "i do not have \" twitches \"");
  EXPECT_EQ(text.substr(t[1].begin, t[1].end - t[1].begin), "do");
  EXPECT_EQ(text.substr(t[2].begin, t[2].end - t[2].begin), "n\xE2\x80\x99t");
  EXPECT_EQ(text.substr(t[5].begin, t[5].end - t[5].begin), "twitches");
  EXPECT_EQ(t[4].end - t[4].begin, 3u);  // the curly quote's three bytes
  for (const Token& tok : t) {
    EXPECT_LT(tok.begin, tok.end);
    EXPECT_LE(tok.end, text.size());
  }
}

TEST(TokenizeTest, Kinds) {
  const std::vector<Token> t = Tokenize("took 2.5 pills!");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].kind, TokenKind::kWord);
  EXPECT_EQ(t[1].kind, TokenKind::kNumber);
  EXPECT_EQ(t[3].kind, TokenKind::kPunct);
}

TEST(TokenizeTest, AnyBytesNeverBreak) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  for (size_t start = 0; start < all.size(); start += 7) {
    const std::string text = all.substr(start) + all.substr(0, start);
    for (const Token& tok : Tokenize(text)) {
      EXPECT_FALSE(tok.norm.empty());
      EXPECT_LE(tok.end, text.size());
    }
  }
}

struct StemCase {
  const char* word;
  const char* stem;
};

TEST(StemTest, Table) {
  const StemCase cases[] = {
      {"twitch", "twitch"},   {"twitches", "twitch"}, {"twitching", "twitch"},
      {"twitched", "twitch"}, {"twitchy", "twitch"},  {"eyes", "eye"},
      {"eye", "eye"},         {"jumping", "jump"},    {"jumped", "jump"},
      {"spasms", "spasm"},    {"blinking", "blink"},  {"cramps", "cramp"},
      {"tingling", "tingl"},  {"tingle", "tingl"},    {"tingles", "tingl"},
      {"tingled", "tingl"},   {"flutters", "flutter"}, {"fluttering", "flutter"},
      {"dropped", "drop"},    {"drooping", "droop"},  {"droopy", "droop"},
      {"lying", "lie"},       {"lies", "lie"},        {"feet", "foot"},
      {"teeth", "tooth"},     {"children", "child"},  {"is", "is"},
      {"was", "was"},         {"has", "has"},         {"as", "as"},
      {"this", "this"},       {"less", "less"},       {"stress", "stress"},
      {"stresses", "stress"}, {"stressed", "stress"}, {"loss", "loss"},
      {"virus", "virus"},     {"diagnosis", "diagnosis"}, {"allergies", "allerg"},
      {"numbness", "numb"},   {"weakness", "weak"},   {"dizziness", "dizz"},
      {"dizzy", "dizz"},      {"worried", "worr"},    {"worry", "worr"},
      {"sleeping", "sleep"},  {"slept", "sleep"},     {"bleeding", "bleed"},
      {"bleed", "bleed"},     {"running", "run"},     {"falling", "fall"},
      {"knees", "knee"},      {"morning", "morning"}, {"evening", "evening"},
      {"thing", "thing"},     {"Twitches", "twitch"}, {"b12", "b12"},
      {"2.5", "2.5"},         {"'s", "'s"},           {"", ""},
      {"eighty", "eighty"},   {"eight", "eight"},     {"sixties", "sixty"},
  };
  for (const StemCase& c : cases) EXPECT_EQ(Stem(c.word), c.stem) << "word: " << c.word;
}

TEST(StemTest, Idempotent) {
  const char* words[] = {"twitches", "tingling", "allergies", "dizziness", "mice", "people",
                         "sleepy", "shaky", "causes", "muscles", "stresses", "worrying",
                         "cried", "died", "lost", "made", "taken", "caught", "happiness",
                         "boxes", "buzzing", "fizzy", "agreed", "seeing", "used", "ideas"};
  for (const char* w : words) {
    const std::string once = Stem(w);
    EXPECT_EQ(Stem(once), once) << "word: " << w;
  }
}

}  // namespace
}  // namespace twitchcheck
