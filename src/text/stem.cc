// Stem: a light English suffix stripper for matching lay phrases (token.h).
//
// It is deliberately weaker than Porter: it removes inflections (-s, -es, -ies, -ed, -ing),
// a few derivations that people use interchangeably with the base word (-ness, adjective
// -y: "droopy", "twitchy", "numbness") and a final silent -e, so that "tingle", "tingles",
// "tingled" and "tingling" all become "tingl". A short irregular table covers plurals and
// past tenses that no suffix rule reaches ("feet", "teeth", "lying", "felt").
//
// Idempotence holds by construction: the rules are applied until nothing changes, and every
// rule except the irregular table makes the word strictly shorter; no irregular output is an
// irregular input, so the loop always ends at a fixed point.
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "text/token.h"

namespace twitchcheck {
namespace {

struct Irregular {
  std::string_view from, to;
};

constexpr std::array<Irregular, 45> kIrregular = {{
    {"feet", "foot"},     {"teeth", "tooth"},   {"children", "child"}, {"men", "man"},
    {"women", "woman"},   {"mice", "mouse"},    {"geese", "goose"},    {"people", "person"},
    {"lying", "lie"},     {"dying", "die"},     {"tying", "tie"},      {"felt", "feel"},
    {"woke", "wake"},     {"woken", "wake"},    {"slept", "sleep"},    {"drank", "drink"},
    {"drunk", "drink"},   {"ate", "eat"},       {"eaten", "eat"},      {"began", "begin"},
    {"begun", "begin"},   {"got", "get"},       {"gotten", "get"},     {"took", "take"},
    {"taken", "take"},    {"gave", "give"},     {"given", "give"},     {"went", "go"},
    {"gone", "go"},       {"goes", "go"},       {"does", "do"},        {"did", "do"},
    {"came", "come"},     {"ran", "run"},       {"spoke", "speak"},    {"spoken", "speak"},
    {"lost", "lose"},     {"fell", "fall"},     {"fallen", "fall"},    {"kept", "keep"},
    {"made", "make"},     {"thought", "think"}, {"bought", "buy"},     {"brought", "bring"},
    {"caught", "catch"},
}};

// Words that look inflected but are not, or whose stem would collide with another word.
// The tens keep their "-y": "eighty" must not become "eight".
constexpr std::array<std::string_view, 48> kKeep = {
    "twenty",   "thirty", "forty",   "fifty",   "sixty",    "seventy",   "eighty",
    "ninety",
    "this",     "thus",   "always",  "perhaps", "yes",      "news",      "series",
    "species",  "during", "morning", "evening", "nothing",  "something", "anything",
    "everything", "every", "very",   "only",    "early",    "really",    "many",
    "any",      "ceiling", "being",  "used",    "here",     "there",     "where",
    "were",     "pancreas", "alias", "atlas",   "canvas",   "twice",     "since",
    "tense",    "sense",    "intense", "dense",  "immense",
};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// A vowel, or a 'y' that is not the first letter ("cry", "dry").
bool HasVowel(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i)
    if (IsVowel(s[i]) || (i > 0 && s[i] == 'y')) return true;
  return false;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "dropp" -> "drop", "runn" -> "run"; not "fall", "buzz", "miss".
void Undouble(std::string* w) {
  const size_t n = w->size();
  if (n >= 3 && (*w)[n - 1] == (*w)[n - 2] && !IsVowel((*w)[n - 1])) {
    const char c = (*w)[n - 1];
    if (c != 'l' && c != 's' && c != 'z') w->pop_back();
  }
}

// One step: applies the first rule that fits. Returns false when none did.
bool StemStep(std::string* w) {
  const std::string_view s = *w;
  const size_t n = s.size();
  // Both tables are looked up once per step of every word stemmed (thousands at load):
  // hashed, not scanned.
  static const auto* const irregular = [] {
    auto* m = new std::unordered_map<std::string_view, std::string_view>();
    for (const Irregular& r : kIrregular) m->emplace(r.from, r.to);
    return m;
  }();
  static const auto* const keep = new std::unordered_set<std::string_view>(kKeep.begin(), kKeep.end());
  if (auto it = irregular->find(s); it != irregular->end()) {
    *w = std::string(it->second);
    return true;
  }
  if (n <= 3) return false;
  if (keep->count(s)) return false;

  if (EndsWith(s, "iness") && n >= 7) { w->replace(n - 5, 5, "y"); return true; }  // dizziness
  if (EndsWith(s, "ness") && n >= 7) { w->resize(n - 4); return true; }            // numbness
  if (EndsWith(s, "ies")) {                                                          // allergies
    if (n <= 4) w->pop_back(); else w->replace(n - 3, 3, "y");
    return true;
  }
  if (EndsWith(s, "ied")) {                                                          // worried
    if (n <= 4) w->pop_back(); else w->replace(n - 3, 3, "y");
    return true;
  }
  if (EndsWith(s, "sses") || EndsWith(s, "ches") || EndsWith(s, "shes") || EndsWith(s, "xes") ||
      EndsWith(s, "zzes")) {
    w->resize(n - 2);  // twitches, stresses, boxes
    return true;
  }
  if (s.back() == 's') {
    const char before = s[n - 2];
    if (before == 's' || before == 'u' || before == 'i' || before == '\'')
      return false;  // stress, virus, diagnosis, has
    w->pop_back();
    return true;
  }
  if (EndsWith(s, "ing")) {
    const std::string_view stem = s.substr(0, n - 3);
    if (stem.size() < 3 || !HasVowel(stem)) return false;  // sing, thing, bring
    w->resize(n - 3);
    Undouble(w);
    return true;
  }
  if (EndsWith(s, "ed")) {
    const std::string_view stem = s.substr(0, n - 2);
    if (stem.size() < 3 || !HasVowel(stem) || stem.back() == 'e') return false;  // bed, bleed
    w->resize(n - 2);
    Undouble(w);
    return true;
  }
  if (s.back() == 'y' && n >= 5 && !IsVowel(s[n - 2]) && s[n - 2] != 'y') {
    w->pop_back();  // droopy, twitchy, sleepy, shaky
    return true;
  }
  if (s.back() == 'e' && s[n - 2] != 'e' && !IsVowel(s[n - 2])) {
    w->pop_back();  // tingle, cause, make
    return true;
  }
  return false;
}

bool Stemmable(std::string_view w) {
  // Only plain lower-case ASCII words are stemmed; numbers, "'s" and other scripts pass.
  if (w.empty()) return false;
  for (char c : w)
    if (!(c >= 'a' && c <= 'z') && c != '\'') return false;
  return w[0] != '\'';
}

}  // namespace

std::string Stem(std::string_view word) {
  std::string w(word);
  for (char& c : w)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (!Stemmable(w)) return w;
  // Each step shortens the word except irregular lookups, which cannot chain into a
  // cycle; the bound is only a guard.
  for (int i = 0; i < 64 && StemStep(&w); ++i) {
  }
  return w;
}

}  // namespace twitchcheck
