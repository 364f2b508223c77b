// Lexicon lookups at reading time (spelling, match keys, the surface table) and the
// built-in lexicon. Loading the YAML file is in lexicon_load.cc.
#include "text/lexicon.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "kb/embedded.h"
#include "text/token.h"

namespace twitchcheck {
namespace {

// Regular inflections of every key ("cups", "stopped", "twenties"), and the spelling
// variants; `add` keeps those whose MatchKey is a lexicon word.
template <class Add>
void GenerateInflections(const Lexicon& lex, Add add) {
  for (const auto& [variant, canon] : lex.spelling) add(variant);
  for (const auto& [first, seconds] : lex.joined_spelling)
    for (const auto& [second, canon] : seconds) add(canon);
  // Rarer forms ("numbness", "minute") are covered when the file writes them: every
  // written word is a surface too.
  static constexpr std::string_view kSuffixes[] = {"s", "es", "ed", "ing", "y", "ies"};
  std::string c;
  for (size_t i = 0; i < lex.words.size(); ++i) {
    const std::string key = lex.words[i].key;  // copy: `words` does not grow here
    if (key.size() < 3 || key.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos)
      continue;  // "a", "of", "my": function words do not inflect
    add(key);
    for (std::string_view suffix : kSuffixes) {
      c = key;
      c += suffix;
      add(c);
      const char last = key.back();
      const bool doubles = std::string_view("aeiouylsz").find(last) == std::string_view::npos;
      if (doubles && (suffix == "ed" || suffix == "ing")) {  // "stopped", "sitting"
        c = key;
        c += key.back();
        c += suffix;
        add(c);
      }
      if (key.back() == 'y' && suffix == "ies") {  // "babies"
        c = key.substr(0, key.size() - 1);
        c += suffix;
        add(c);
      }
    }
  }
}

}  // namespace

void Lexicon::BuildSurfaceTable(const std::vector<std::string>& written) {
  surfaces.Clear();
  auto add = [&](std::string_view surface) {
    if (surfaces.Find(surface)) return;
    const LexWordId id = Find(MatchKey(surface));
    if (id == kNoLexWord) return;
    bool fresh;
    *surfaces.FindOrInsert(surface, &fresh) = id;
  };
  for (const std::string& w : written) add(w);
  GenerateInflections(*this, add);
}

std::string_view Lexicon::Correct(std::string_view norm) const {
  auto it = spelling.find(norm);
  return it == spelling.end() ? norm : std::string_view(it->second);
}

std::string Lexicon::MatchKey(std::string_view norm) const {
  auto it = spelling.find(norm);
  if (it != spelling.end()) return Stem(it->second);
  std::string stem = Stem(norm);
  if (stem.size() != norm.size()) {  // inflected: the stem may be a known variant
    auto jt = spelling.find(stem);
    if (jt != spelling.end()) return Stem(jt->second);
  }
  return stem;
}

LexWordId Lexicon::FindSurface(std::string_view norm) const {
  const LexWordId* id = surfaces.Find(norm);
  return id ? *id : kNoLexWord;
}

LexWordId Lexicon::Find(std::string_view key) const {
  auto it = ids.find(key);
  return it == ids.end() ? kNoLexWord : it->second;
}

const Lexicon& DefaultLexicon() {
  static const Lexicon* lex = [] {
    auto* l = new Lexicon();
    std::string err = "lexicon.yaml is not among the embedded knowledge files";
    for (const EmbeddedFile& f : EmbeddedKnowledgeFiles()) {
      if (f.name != "lexicon.yaml") continue;
      if (LoadLexicon(f.text, "kb/lexicon.yaml", l, &err)) return static_cast<const Lexicon*>(l);
      break;
    }
    std::fprintf(stderr, "twitchcheck: built-in %s\n", err.c_str());
    std::abort();
  }();
  return *lex;
}

}  // namespace twitchcheck
