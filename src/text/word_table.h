#pragma once
// A flat hash table from words to values, for the lookups made once per word of every
// text (the lexicon's surface forms, the reader's per-word memo). Open addressing with
// 8-byte slots (a hash tag and an index into the entries) keeps the probed part in cache;
// a word is hashed once and compared only when its tag matches. Entries are never
// removed one by one; Clear() empties the table.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twitchcheck {

// A fast 64-bit hash of a short string: eight bytes at a time, then the tail.
inline uint64_t HashWord(std::string_view s) {
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

template <class V>
class WordTable {
 public:
  // The value of `word`, or nullptr.
  const V* Find(std::string_view word) const {
    if (slots_.empty()) return nullptr;
    const uint64_t h = HashWord(word);
    const uint32_t tag = Tag(h);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.tag == 0) return nullptr;
      if (s.tag == tag && Same(entries_[s.index].first, word)) return &entries_[s.index].second;
    }
  }

  // The value of `word`, inserted value-initialised when absent; `*fresh` says which.
  // The pointer stays valid until the next insertion or Clear().
  V* FindOrInsert(std::string_view word, bool* fresh) {
    if (2 * (entries_.size() + 1) > slots_.size()) Grow();
    const uint64_t h = HashWord(word);
    const uint32_t tag = Tag(h);
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.tag == 0) break;
      if (s.tag == tag && Same(entries_[s.index].first, word)) {
        *fresh = false;
        return &entries_[s.index].second;
      }
    }
    slots_[i] = {tag, static_cast<uint32_t>(entries_.size())};
    entries_.emplace_back(std::string(word), V());
    *fresh = true;
    return &entries_.back().second;
  }

  size_t size() const { return entries_.size(); }
  void Clear() {
    slots_.clear();
    entries_.clear();
  }
  // Every (word, value), in insertion order.
  const std::vector<std::pair<std::string, V>>& entries() const { return entries_; }

 private:
  struct Slot {
    uint32_t tag = 0;    // high hash bits, never 0; 0 marks an empty slot
    uint32_t index = 0;  // into entries_
  };
  static uint32_t Tag(uint64_t h) { return static_cast<uint32_t>(h >> 32) | 1u; }
  static bool Same(const std::string& a, std::string_view b) {
    if (a.size() != b.size()) return false;
    size_t k = 0;  // short words: a plain loop beats a call to memcmp
    while (k < b.size() && a[k] == b[k]) ++k;
    return k == b.size();
  }
  void Grow() {
    size_t size = slots_.empty() ? 64 : 2 * slots_.size();
    while (size < 2 * (entries_.size() + 1)) size *= 2;
    slots_.assign(size, Slot{});
    const size_t mask = size - 1;
    for (size_t e = 0; e < entries_.size(); ++e) {
      const uint64_t h = HashWord(entries_[e].first);
      size_t i = h & mask;
      while (slots_[i].tag != 0) i = (i + 1) & mask;
      slots_[i] = {Tag(h), static_cast<uint32_t>(e)};
    }
  }

  std::vector<Slot> slots_;  // size: a power of two, at most half full
  std::vector<std::pair<std::string, V>> entries_;
};

}  // namespace twitchcheck
