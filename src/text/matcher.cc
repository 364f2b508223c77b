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
        std::vector<std::string> stems;
        for (const Token& t : Tokenize(part))
          if (t.kind != TokenKind::kPunct || t.norm == "'") stems.push_back(Key(t.norm));
        if (!stems.empty()) p.parts.push_back(std::move(stems));
        if (dots == std::string::npos) break;
        start = dots + 3;
      }
      if (p.parts.empty()) continue;
      by_first_[p.parts[0][0]].push_back(static_cast<int>(phrases_.size()));
      phrases_.push_back(std::move(p));
    }
  }
}

std::vector<std::string> PhraseMatcher::Keys(const std::vector<Token>& tokens) const {
  std::vector<std::string> keys;
  keys.reserve(tokens.size());
  for (const Token& t : tokens) keys.push_back(Key(t.norm));
  return keys;
}

namespace {
bool PartAt(const std::vector<std::string>& keys, const std::vector<Token>& tokens, size_t at,
            const std::vector<std::string>& part, size_t sentence) {
  if (at + part.size() > keys.size()) return false;
  for (size_t k = 0; k < part.size(); ++k)
    if (keys[at + k] != part[k] || tokens[at + k].sentence != sentence) return false;
  return true;
}
}  // namespace

std::vector<PhraseMatch> PhraseMatcher::Match(const std::vector<Token>& tokens,
                                              const std::vector<std::string>& keys) const {
  std::vector<PhraseMatch> out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto it = by_first_.find(keys[i]);
    if (it == by_first_.end()) continue;
    const size_t sentence = tokens[i].sentence;
    for (int pi : it->second) {
      const Phrase& p = phrases_[pi];
      if (!PartAt(keys, tokens, i, p.parts[0], sentence)) continue;
      PhraseMatch m{p.finding, pi, i, i + p.parts[0].size(), {{i, i + p.parts[0].size()}}};
      bool ok = true;
      for (size_t part = 1; part < p.parts.size() && ok; ++part) {
        ok = false;
        for (size_t gap = 0; gap <= kMaxGap; ++gap) {
          size_t at = m.last + gap;
          if (at >= tokens.size() || tokens[at].sentence != sentence) break;
          // A gap spans words only: "bit pale, and my tongue" is not "bit ... tongue".
          if (gap > 0 && tokens[at - 1].kind == TokenKind::kPunct) break;
          if (PartAt(keys, tokens, at, p.parts[part], sentence)) {
            m.parts.push_back({at, at + p.parts[part].size()});
            m.last = at + p.parts[part].size();
            ok = true;
            break;
          }
        }
      }
      if (ok) out.push_back(std::move(m));
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
