#include "text/matcher.h"

#include <algorithm>

#include "kb/knowledge.h"
#include "text/lexicon.h"

namespace twitchcheck {

std::string PhraseMatcher::Key(const std::string& norm) const {
  if (lex_) return Stem(lex_->Correct(norm));
  return Stem(norm);
}

PhraseMatcher::PhraseMatcher(const Knowledge& kb, const Lexicon* lex) : lex_(lex) {
  for (size_t f = 0; f < kb.findings.size(); ++f) {
    for (const std::string& text : kb.findings[f].phrases) {
      Phrase p{static_cast<int>(f), text, {}};
      // Parts are separated by "..."; each part is tokenised like any text.
      size_t start = 0;
      while (start <= text.size()) {
        size_t dots = text.find("...", start);
        std::string part = text.substr(start, dots == std::string::npos ? std::string::npos : dots - start);
        std::vector<int> stems;
        for (const Token& t : Tokenize(part)) {
          if (t.kind == TokenKind::kPunct && t.norm != "'") continue;
          auto [it, fresh] = stem_id_.emplace(Key(t.norm), static_cast<int>(stem_id_.size()));
          stems.push_back(it->second);
        }
        if (!stems.empty()) p.parts.push_back(std::move(stems));
        if (dots == std::string::npos) break;
        start = dots + 3;
      }
      if (p.parts.empty()) continue;
      int node = 0;
      for (int stem : p.parts[0]) {
        int child = Child(node, stem);
        if (child < 0) {
          child = static_cast<int>(trie_.size());
          auto& next = trie_[node].next;
          next.insert(std::lower_bound(next.begin(), next.end(), std::make_pair(stem, 0)), {stem, child});
          trie_.emplace_back();
        }
        node = child;
      }
      trie_[node].phrases.push_back(static_cast<int>(phrases_.size()));
      phrases_.push_back(std::move(p));
    }
  }
  root_child_.assign(stem_id_.size(), -1);
  for (const auto& [stem, child] : trie_[0].next) root_child_[stem] = child;
}

int PhraseMatcher::Child(int node, int stem) const {
  if (node == 0 && !root_child_.empty())  // built after construction
    return static_cast<size_t>(stem) < root_child_.size() ? root_child_[stem] : -1;
  const auto& next = trie_[node].next;
  auto it = std::lower_bound(next.begin(), next.end(), std::make_pair(stem, 0));
  return it != next.end() && it->first == stem ? it->second : -1;
}

int PhraseMatcher::KeyOf(const std::string& norm) const {
  if (norm.empty()) return -1;
  auto it = stem_id_.find(Key(norm));
  return it == stem_id_.end() ? -1 : it->second;
}

namespace {
bool PartAt(const std::vector<int>& keys, const std::vector<Token>& tokens, size_t at,
            const std::vector<int>& part, size_t sentence) {
  if (at + part.size() > keys.size()) return false;
  for (size_t k = 0; k < part.size(); ++k)
    if (keys[at + k] != part[k] || tokens[at + k].sentence != sentence) return false;
  return true;
}
}  // namespace

std::vector<PhraseMatch> PhraseMatcher::Match(const std::vector<Token>& tokens,
                                              const std::vector<int>& keys) const {
  std::vector<PhraseMatch> out;
  std::vector<int> candidates;
  std::vector<std::pair<size_t, size_t>> scratch;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const size_t sentence = tokens[i].sentence;
    candidates.clear();
    for (size_t j = i, node = 0; j < tokens.size() && keys[j] >= 0 && tokens[j].sentence == sentence; ++j) {
      int child = Child(static_cast<int>(node), keys[j]);
      if (child < 0) break;
      node = static_cast<size_t>(child);
      candidates.insert(candidates.end(), trie_[node].phrases.begin(), trie_[node].phrases.end());
    }
    for (int pi : candidates) {
      const Phrase& p = phrases_[pi];
      // Most candidates fail on a later part: build the match only once it holds.
      scratch.clear();
      scratch.push_back({i, i + p.parts[0].size()});
      size_t last = scratch.back().second;
      bool ok = true;
      for (size_t part = 1; part < p.parts.size() && ok; ++part) {
        ok = false;
        for (size_t gap = 0; gap <= kMaxGap; ++gap) {
          size_t at = last + gap;
          if (at >= tokens.size() || tokens[at].sentence != sentence) break;
          // A gap spans words only: "bit pale, and my tongue" is not "bit ... tongue".
          if (gap > 0 && tokens[at - 1].kind == TokenKind::kPunct) break;
          if (PartAt(keys, tokens, at, p.parts[part], sentence)) {
            scratch.push_back({at, at + p.parts[part].size()});
            last = at + p.parts[part].size();
            ok = true;
            break;
          }
        }
      }
      if (ok) out.push_back(PhraseMatch{p.finding, pi, i, last, scratch});
    }
  }
  // For one finding, keep the longest of overlapping matches.
  std::stable_sort(out.begin(), out.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    if (a.finding != b.finding) return a.finding < b.finding;
    if (a.first != b.first) return a.first < b.first;
    return a.last > b.last;
  });
  std::vector<PhraseMatch> kept;
  for (PhraseMatch& m : out) {
    if (!kept.empty() && kept.back().finding == m.finding && m.first < kept.back().last) continue;
    kept.push_back(std::move(m));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.first != b.first ? a.first < b.first : a.finding < b.finding;
  });
  return kept;
}

}  // namespace twitchcheck
