// Lexicon lookups at reading time (spelling, match keys, the surface table) and the
// built-in lexicon. Loading the YAML file is in lexicon_load.cc.
#include "text/lexicon.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "kb/embedded.h"
#include "text/token.h"

namespace twitchcheck {
namespace {

uint64_t HashWord(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, s.data() + i, 8);
    h = (h ^ chunk) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  uint64_t tail = 0;
  for (size_t k = i; k < s.size(); ++k) tail = (tail << 8) | static_cast<unsigned char>(s[k]);
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 29);
}

uint32_t SurfaceTag(uint64_t h) { return static_cast<uint32_t>(h >> 32) | 1u; }

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
  auto add = [&](std::string_view surface) {
    if (surfaces.find(surface) != surfaces.end()) return;
    const LexWordId id = Find(MatchKey(surface));
    if (id != kNoLexWord) surfaces.emplace(std::string(surface), id);
  };
  for (const std::string& w : written) add(w);
  GenerateInflections(*this, add);
  size_t size = 16;
  while (size < 2 * surfaces.size()) size *= 2;
  surface_slots.assign(size, {});
  surface_words.clear();
  for (const auto& [word, id] : surfaces) {
    const uint64_t h = HashWord(word);
    size_t i = h & (size - 1);
    while (surface_slots[i].tag != 0) i = (i + 1) & (size - 1);
    surface_slots[i] = {SurfaceTag(h), static_cast<uint32_t>(surface_words.size())};
    surface_words.emplace_back(word, id);
  }
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
  if (surface_slots.empty()) return kNoLexWord;
  const uint64_t h = HashWord(norm);
  const uint32_t tag = SurfaceTag(h);
  const size_t mask = surface_slots.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const SurfaceSlot& s = surface_slots[i];
    if (s.tag == 0) return kNoLexWord;
    if (s.tag != tag) continue;
    const std::string& w = surface_words[s.index].first;
    if (w.size() != norm.size()) continue;
    size_t k = 0;  // short words: a plain loop beats a call to memcmp
    while (k < w.size() && w[k] == norm[k]) ++k;
    if (k == w.size()) return surface_words[s.index].second;
  }
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
