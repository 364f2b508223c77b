#pragma once
// Tokens: the unit every later text stage works on. Offsets always point into the
// caller's original text, so spans survive normalisation.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace twitchcheck {

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  std::string norm;    // normalised form: lower case, ASCII quotes/dashes, contractions
                       // split ("don't" -> "do" + "not", "can't" -> "can" + "not",
                       // "I'm" -> "i" + "am"); several tokens may share one span
  size_t begin = 0;    // byte offset of the first byte in the original text
  size_t end = 0;      // one past the last byte in the original text
  TokenKind kind = TokenKind::kWord;
  size_t sentence = 0; // index of the sentence this token belongs to
};

// Splits `text` (UTF-8, any bytes accepted, never throws) into tokens with sentence
// indices. Sentence boundaries: . ! ? and newlines that end a sentence, except in
// abbreviations ("Dr.", "e.g.", "vs.") and numbers ("2.5").
std::vector<Token> Tokenize(std::string_view text);

// Light stemming used for matching phrases: "twitches", "twitching", "twitched" ->
// "twitch"; "eyes" -> "eye"; "jumped" -> "jump". Idempotent.
std::string Stem(std::string_view word);

}  // namespace twitchcheck
