// Tokenizer: bytes -> tokens with offsets into the original text and sentence indices.
//
// Decisions (documented in docs/text-reader.md, "Tokens"):
//  - Invalid UTF-8 bytes and control characters separate tokens and are never emitted,
//    so every norm is valid UTF-8.
//  - Curly quotes become ' and ", Unicode dashes become -, the ellipsis becomes "...".
//  - A hyphen joining two words is dropped ("left-sided" -> "left" "sided",
//    "10-year-old" -> "10" "year" "old") so that phrases match with or without it; a hyphen
//    between two numbers is kept as a "-" token ("2-3 cups" -> "2" "-" "3" "cups").
//  - Numbers keep internal "." and "," before a digit ("2.5", "1,000"); a number followed
//    by letters splits ("10mg" -> "10" "mg") except ordinals ("2nd").
//  - Contractions split into their words, each part spanning the bytes that spelled it.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/token.h"

namespace twitchcheck {
namespace {

enum class CharClass { kSpace, kNewline, kLetter, kDigit, kApostrophe, kQuote, kDash, kEllipsis, kPunct };

struct Char {
  uint32_t cp = 0;
  size_t len = 1;  // bytes in the original text
  CharClass cls = CharClass::kSpace;
};

// The class of each ASCII byte.
constexpr std::array<CharClass, 128> kAsciiClass = [] {
  std::array<CharClass, 128> t{};
  for (uint32_t cp = 0; cp < 128; ++cp) {
    CharClass c = CharClass::kPunct;
    if (cp == '\n') c = CharClass::kNewline;
    else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) c = CharClass::kLetter;
    else if (cp >= '0' && cp <= '9') c = CharClass::kDigit;
    else if (cp == '\'' || cp == '`') c = CharClass::kApostrophe;
    else if (cp == '"') c = CharClass::kQuote;
    else if (cp == '-') c = CharClass::kDash;
    else if (cp <= 0x20 || cp == 0x7F) c = CharClass::kSpace;
    t[cp] = c;
  }
  return t;
}();

// Decodes a multi-byte code point at `i`; an invalid or truncated sequence is one byte of
// kSpace.
[[gnu::noinline]] Char DecodeMultiByte(std::string_view s, size_t i) {
  Char c;
  const unsigned char b0 = static_cast<unsigned char>(s[i]);
  size_t n = 0;
  uint32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) { n = 2; cp = b0 & 0x1F; }
  else if ((b0 & 0xF0) == 0xE0) { n = 3; cp = b0 & 0x0F; }
  else if ((b0 & 0xF8) == 0xF0) { n = 4; cp = b0 & 0x07; }
  if (n == 0 || i + n > s.size()) {  // invalid lead byte or truncated
    // Lone bytes of Windows-1252 punctuation, as pasted from old mail: read as what they
    // meant there, so "don\x92t" is still a denial.
    switch (b0) {
      case 0x91: case 0x92: c.cp = 0x2019; c.cls = CharClass::kApostrophe; break;
      case 0x93: case 0x94: c.cp = 0x201D; c.cls = CharClass::kQuote; break;
      case 0x96: case 0x97: c.cp = 0x2013; c.cls = CharClass::kDash; break;
      case 0x85: c.cp = 0x2026; c.cls = CharClass::kEllipsis; break;
      default: break;  // 0xA0 (a no-break space) and the rest: a space
    }
    return c;
  }
  for (size_t k = 1; k < n; ++k) {
    const unsigned char b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return c;
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return c;
  c.cp = cp;
  c.len = n;
  if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201B || cp == 0x02BC ||
      cp == 0x2032) {
    c.cls = CharClass::kApostrophe;
  } else if ((cp >= 0x201C && cp <= 0x201F) || cp == 0x2033 || cp == 0x00AB || cp == 0x00BB) {
    c.cls = CharClass::kQuote;
  } else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D) {
    c.cls = CharClass::kDash;
  } else if (cp == 0x2026) {
    c.cls = CharClass::kEllipsis;
  } else if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
    c.cls = CharClass::kNewline;
  } else if (cp < 0xA0 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200F) || cp == 0x202F ||
             cp == 0x205F || cp == 0x3000 || cp == 0xFEFF) {
    c.cls = CharClass::kSpace;  // C1 controls, no-break and typographic spaces, BOM
  } else if ((cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
             (cp >= 0x2016 && cp <= 0x206F) || (cp >= 0x2070 && cp <= 0x2BFF) ||
             (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
             (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0xE000 && cp <= 0xF8FF)) {
    c.cls = CharClass::kPunct;  // symbols, arrows, maths, emoji, private use
  } else {
    c.cls = CharClass::kLetter;  // letters of other scripts, combining marks
  }
  return c;
}

// Decodes one code point at `i`: ASCII here, the rest out of line.
inline Char Decode(std::string_view s, size_t i) {
  const unsigned char b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return Char{b0, 1, kAsciiClass[b0]};
  return DecodeMultiByte(s, i);
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Simple lower-casing: ASCII, Latin-1, Latin Extended-A pairs, Greek and Cyrillic capitals.
uint32_t Lower(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp < 0x80) return cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x138 && cp != 0x149 && cp != 0x178) {
    const bool odd_lower = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (odd_lower) return (cp % 2 == 1) ? cp + 1 : cp;
    return (cp % 2 == 0) ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

bool IsLower(std::string_view s, size_t i) {
  return i < s.size() && s[i] >= 'a' && s[i] <= 'z';
}

// Abbreviations whose final "." does not end a sentence. Titles never end one; the others
// end one only when the next word starts with a capital letter.
constexpr std::array<std::string_view, 6> kTitles = {"dr", "mr", "mrs", "ms", "prof", "st"};
constexpr std::array<std::string_view, 30> kAbbreviations = {
    "vs", "etc", "approx", "appt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "fig", "hr", "hrs", "min", "mins", "sec", "wk", "wks", "yr",
    "yrs", "mo", "mos", "pt", "cf"};

template <size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view w) {
  for (std::string_view x : list)
    if (x == w) return true;
  return false;
}

// One-word answers that may follow a question in a checklist ("Weakness? No.").
constexpr std::array<std::string_view, 8> kShortAnswers = {"no",  "nope", "none", "never",
                                                          "nah", "yes",  "yeah", "yep"};

// Apostrophe-less spellings of contractions that are not ordinary words.
struct Bare {
  std::string_view word, first, second;
  size_t split;  // bytes of the original belonging to the first part
};
constexpr std::array<Bare, 20> kBareContractions = {{
    {"dont", "do", "not", 2},       {"doesnt", "does", "not", 4},  {"didnt", "did", "not", 3},
    {"isnt", "is", "not", 2},       {"wasnt", "was", "not", 3},    {"arent", "are", "not", 3},
    {"werent", "were", "not", 4},   {"havent", "have", "not", 4},  {"hasnt", "has", "not", 3},
    {"hadnt", "had", "not", 3},     {"cant", "can", "not", 3},     {"couldnt", "could", "not", 5},
    {"wouldnt", "would", "not", 5}, {"shouldnt", "should", "not", 6}, {"wont", "will", "not", 2},
    {"im", "i", "am", 1},           {"ive", "i", "have", 1},       {"aint", "is", "not", 2},
    {"mustnt", "must", "not", 4},   {"neednt", "need", "not", 4},
}};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  std::vector<Token> Run() {
    tokens_.reserve(text_.size() / 4 + 4);  // about one token per five bytes of prose
    size_t i = 0;
    while (i < text_.size()) {
      if (text_[i] == ' ') {  // the commonest byte of all
        ++i;
        continue;
      }
      const Char c = Decode(text_, i);
      switch (c.cls) {
        case CharClass::kSpace:
          i += c.len;
          break;
        case CharClass::kNewline:
          i = Newline(i + c.len);
          break;
        case CharClass::kLetter:
        case CharClass::kDigit:
          i = Word(i);
          break;
        case CharClass::kEllipsis:
          Emit("...", i, i + c.len, TokenKind::kPunct);
          i += c.len;
          if (EndFollows(i)) pending_break_ = true;
          break;
        default:
          i = Punct(i, c);
          break;
      }
    }
    return std::move(tokens_);
  }

 private:
  // A blank line always ends a sentence; a single newline ends one unless the next line
  // continues in lower case (wrapped prose).
  size_t Newline(size_t i) {
    size_t j = i;
    bool blank = false;
    while (j < text_.size()) {
      const Char c = Decode(text_, j);
      if (c.cls == CharClass::kNewline) blank = true;
      else if (c.cls != CharClass::kSpace) break;
      j += c.len;
    }
    if (blank || !IsLower(text_, j)) pending_break_ = true;
    return j;
  }

  size_t Punct(size_t i, const Char& c) {
    if (c.cp == '.' && i + 2 < text_.size() && text_[i + 1] == '.' && text_[i + 2] == '.') {
      size_t j = i;
      while (j < text_.size() && text_[j] == '.') ++j;
      Emit("...", i, j, TokenKind::kPunct);
      if (EndFollows(j)) pending_break_ = true;  // "twitching... and" goes on
      return j;
    }
    std::string_view norm;
    switch (c.cls) {
      case CharClass::kApostrophe: norm = "'"; break;
      case CharClass::kQuote: norm = "\""; break;
      case CharClass::kDash: norm = "-"; break;
      default:
        word_.clear();
        AppendUtf8(c.cp, &word_);
        norm = word_;
        break;
    }
    // A "-" between two numbers is a range; one between words was handled in Word().
    Emit(norm, i, i + c.len, TokenKind::kPunct);
    if (c.cp == '.' || c.cp == '!' || (c.cp == '?' && !ShortAnswerFollows(i + 1)))
      pending_break_ = true;
    return i + c.len;
  }

  // Reads a run of letters/digits (with inner apostrophes, ".", ",") starting at `i`.
  size_t Word(size_t i) {
    const size_t begin = i;
    const bool number = Decode(text_, i).cls == CharClass::kDigit;
    // Built in a buffer kept across words, so a word costs no allocation of its own.
    std::string& norm = word_;
    norm.clear();
    size_t apostrophes = 0;     // inner apostrophes seen
    size_t apostrophe_pos = 0;  // the first one's index in `norm`
    size_t apostrophe_byte = 0; // ... and its offset in the original text
    while (i < text_.size()) {
      // Fast path for a run of plain ASCII letters and digits, most of any text: one
      // append, then lower case in place.
      size_t j = i;
      while (j < text_.size()) {
        const unsigned char b = static_cast<unsigned char>(text_[j]);
        const bool ascii_letter = (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
        if (!((ascii_letter && !number) || (b >= '0' && b <= '9'))) break;
        ++j;
      }
      if (j > i) {
        const size_t from = norm.size();
        norm.append(text_.data() + i, j - i);
        for (size_t k = from; k < norm.size(); ++k)
          if (norm[k] >= 'A' && norm[k] <= 'Z') norm[k] = static_cast<char>(norm[k] | 0x20);
        i = j;
        continue;
      }
      const Char c = Decode(text_, i);
      if (c.cls == CharClass::kLetter || c.cls == CharClass::kDigit) {
        if (number && c.cls == CharClass::kLetter) {
          if (!OrdinalFollows(i)) break;
          norm.push_back(static_cast<char>(text_[i] | 0x20));  // "2nd": both letters
          norm.push_back(static_cast<char>(text_[i + 1] | 0x20));
          i += 2;
          break;
        }
        AppendUtf8(Lower(c.cp), &norm);
        i += c.len;
        continue;
      }
      if (i + c.len >= text_.size()) break;
      const Char next = Decode(text_, i + c.len);
      if (number && (c.cp == '.' || c.cp == ',') && next.cls == CharClass::kDigit) {
        norm.push_back(static_cast<char>(c.cp));
        i += c.len;
        continue;
      }
      if (!number && c.cls == CharClass::kApostrophe && next.cls == CharClass::kLetter) {
        if (apostrophes++ == 0) {
          apostrophe_pos = norm.size();
          apostrophe_byte = i;
        }
        norm.push_back('\'');
        i += c.len;
        continue;
      }
      // Ampersand abbreviations: "A&E", "B&Q" stay one token ("a&e").
      if (!number && c.cp == '&' && next.cls == CharClass::kLetter && SingleLetterRun(norm)) {
        norm.push_back('&');
        i += c.len;
        continue;
      }
      // Dotted abbreviations: "e.g.", "i.e.", "a.m." stay one token, final "." included.
      if (!number && c.cp == '.' && next.cls == CharClass::kLetter && SingleLetterRun(norm)) {
        norm.push_back('.');
        i += c.len;
        continue;
      }
      break;
    }
    if (!number && !norm.empty() && norm.find('.') != std::string::npos && i < text_.size() &&
        text_[i] == '.') {
      norm.push_back('.');
      ++i;
    }
    const TokenKind kind = number ? TokenKind::kNumber : TokenKind::kWord;
    if (kind == TokenKind::kWord && apostrophes == 1 &&
        SplitContraction(norm, begin, i, apostrophe_pos, apostrophe_byte)) {
      return AfterWord(i, number);
    }
    EmitWord(norm, begin, i, kind, apostrophes == 0);
    return AfterWord(i, number);
  }

  // Handles what directly follows a word: a joining hyphen, or a sentence-final period.
  size_t AfterWord(size_t i, bool number) {
    if (i >= text_.size()) return i;
    const Char c = Decode(text_, i);
    // Only hyphens join words; en and em dashes separate them ("twitch—all day").
    const bool hyphen = c.cp == '-' || c.cp == 0x2010 || c.cp == 0x2011;
    if (hyphen && i + c.len < text_.size()) {
      const Char next = Decode(text_, i + c.len);
      const bool next_word = next.cls == CharClass::kLetter || next.cls == CharClass::kDigit;
      if (next_word && !(number && next.cls == CharClass::kDigit)) return i + c.len;  // dropped
    }
    if (c.cp == '.' && !tokens_.empty() && tokens_.back().kind == TokenKind::kWord) {
      const std::string& w = tokens_.back().norm;
      // "Dr." never ends a sentence; "etc." does when a capital follows. A title is written
      // as one ("Ms.", "dr."): in capitals ("No MS. Eyelid twitching.") it is an
      // abbreviation of a disease, and its full stop ends the sentence.
      const std::string_view spelled =
          text_.substr(tokens_.back().begin, tokens_.back().end - tokens_.back().begin);
      const bool capitals = spelled.size() > 1 && std::all_of(spelled.begin(), spelled.end(), [](char ch) {
        return ch >= 'A' && ch <= 'Z';
      });
      const bool title = InList(kTitles, w) && !capitals;
      if (title || (InList(kAbbreviations, w) && !CapitalFollows(i + 1))) {
        Emit(".", i, i + 1, TokenKind::kPunct);
        return i + 1;
      }
    }
    return i;
  }

  // "Numbness? No." — a one-word answer right after a question stays in the question's
  // sentence, so the context engine can read it as an answer about the question's words.
  bool ShortAnswerFollows(size_t i) const {
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t')) ++i;
    size_t j = i;
    while (j < text_.size() && ((text_[j] | 0x20) >= 'a' && (text_[j] | 0x20) <= 'z')) ++j;
    if (j == i || j - i > 5) return false;
    std::string word(text_.substr(i, j - i));
    for (char& ch : word) ch = static_cast<char>(ch | 0x20);
    if (!InList(kShortAnswers, word)) return false;
    // "headache? yes since yesterday": a "yes" answer goes on with what it affirms. (A "no"
    // followed by more words may start a sentence of its own: "fever? no idea".)
    const bool yes = word == "yes" || word == "yeah" || word == "yep";
    return j >= text_.size() || text_[j] == '.' || text_[j] == '!' || text_[j] == ',' ||
           text_[j] == '\n' || text_[j] == '\r' || text_[j] == ';' || (yes && text_[j] == ' ');
  }

  bool OrdinalFollows(size_t i) const {
    auto ordinal = [&](std::string_view suffix) {
      if (text_.size() - i < 2) return false;
      for (size_t k = 0; k < 2; ++k)
        if ((text_[i + k] | 0x20) != suffix[k]) return false;
      return i + 2 >= text_.size() ||
             (Decode(text_, i + 2).cls != CharClass::kLetter);
    };
    return ordinal("st") || ordinal("nd") || ordinal("rd") || ordinal("th");
  }

  static bool SingleLetterRun(const std::string& norm) {
    // "e" or "e.g" so far: single letters separated by dots.
    if (norm.empty()) return false;
    for (size_t k = 0; k < norm.size(); ++k) {
      const bool letter_pos = (k % 2 == 0);
      if (letter_pos != (norm[k] != '.')) return false;
    }
    return norm.size() % 2 == 1;
  }

  // True when only spaces, or spaces and a capital letter, follow `i`.
  bool EndFollows(size_t i) const {
    size_t j = i;
    while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t' || text_[j] == '\r')) ++j;
    return j >= text_.size() || CapitalFollows(i);
  }

  bool CapitalFollows(size_t i) const {
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n')) ++i;
    return i < text_.size() && text_[i] >= 'A' && text_[i] <= 'Z';
  }

  void EmitWord(std::string_view norm, size_t begin, size_t end, TokenKind kind, bool bare) {
    // Every bare contraction ends in "t" except "im" and "ive": most words skip the table.
    const bool candidate = !norm.empty() && (norm.back() == 't' || norm == "im" || norm == "ive");
    if (kind == TokenKind::kWord && bare && norm.size() <= 8 && candidate) {
      for (const Bare& b : kBareContractions) {
        if (norm == b.word) {
          Emit(b.first, begin, begin + b.split, kind);
          Emit(b.second, begin + b.split, end, kind);
          return;
        }
      }
    }
    Emit(norm, begin, end, kind);
  }

  // `pos` is the apostrophe's index in norm, `byte` its offset in the original text.
  bool SplitContraction(const std::string& norm, size_t begin, size_t end, size_t pos, size_t byte) {
    const std::string_view head(norm.data(), pos);
    const std::string_view tail(norm.data() + pos + 1, norm.size() - pos - 1);
    if (tail == "t" && head.size() >= 2 && head.back() == 'n') {
      const std::string_view stem = head.substr(0, head.size() - 1);
      std::string_view first = stem;
      if (stem == "wo") first = "will";
      else if (stem == "ca") first = "can";
      else if (stem == "sha") first = "shall";
      else if (stem == "ai") first = "is";
      const size_t split = byte - 1;  // the "n" belongs to "n't"
      Emit(first, begin, split, TokenKind::kWord);
      Emit("not", split, end, TokenKind::kWord);
      return true;
    }
    std::string_view second;
    if (tail == "m") second = "am";
    else if (tail == "re") second = "are";
    else if (tail == "ve") second = "have";
    else if (tail == "ll") second = "will";
    else if (tail == "d") second = "would";
    else if (tail == "s") {
      static constexpr std::array<std::string_view, 11> kIs = {
          "it", "he", "she", "that", "there", "what", "who", "here", "where", "how", "this"};
      if (head == "let") second = "us";
      else if (InList(kIs, head)) second = "is";
      else second = "'s";  // possessive: "father's" -> "father" "'s"
    } else {
      return false;  // "o'clock", names: one token
    }
    Emit(head, begin, byte, TokenKind::kWord);
    Emit(second, byte, end, TokenKind::kWord);
    return true;
  }

  void Emit(std::string_view norm, size_t begin, size_t end, TokenKind kind) {
    if (pending_break_ && !tokens_.empty()) {
      // Closing quotes and brackets right after the period stay in its sentence.
      const bool closing = kind == TokenKind::kPunct &&
                           (norm == "\"" || norm == "'" || norm == ")" || norm == "]" || norm == "}");
      if (!closing) {
        ++sentence_;
        pending_break_ = false;
      }
    } else {
      pending_break_ = false;
    }
    Token& t = tokens_.emplace_back();  // built in place: one copy of the norm
    t.norm.assign(norm.data(), norm.size());
    t.begin = begin;
    t.end = end;
    t.kind = kind;
    t.sentence = sentence_;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::string word_;  // the word or mark being read
  size_t sentence_ = 0;
  bool pending_break_ = false;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view text) { return Tokenizer(text).Run(); }

}  // namespace twitchcheck
