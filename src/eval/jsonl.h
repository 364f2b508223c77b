#pragma once
// The limits an evaluation file is checked against before any of it is parsed
// (docs/limits.md): the evaluation readers trust what they parse.
#include <cstddef>
#include <string>
#include <string_view>

namespace twitchcheck {

inline constexpr size_t kMaxEvalFileBytes = size_t{64} << 20;  // eval ... FILE
inline constexpr size_t kMaxEvalLineBytes = size_t{1} << 20;   // one line of an eval FILE

// Reads the JSON-lines file at `path` (a regular file within kMaxEvalFileBytes) and checks
// every line against kMaxEvalLineBytes and kMaxJsonDepth; false with *err naming the file
// and line. Used before the evaluation readers open the file.
bool CheckJsonLinesFile(const std::string& path, std::string* err);
// The same checks on text in memory; messages name it `name`.
bool CheckJsonLines(std::string_view text, const std::string& name, std::string* err);

}  // namespace twitchcheck
