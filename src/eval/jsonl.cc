#include "eval/jsonl.h"

#include "core/bounded_read.h"
#include "twitchcheck/json.h"

namespace twitchcheck {

bool CheckJsonLines(std::string_view text, const std::string& name, std::string* err) {
  std::string why;
  size_t line_no = 0;
  for (size_t at = 0; at < text.size();) {
    ++line_no;
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(at, nl - at);
    if (line.size() > kMaxEvalLineBytes) {
      *err = name + ":" + std::to_string(line_no) + ": line longer than the limit of " +
             FormatBytes(kMaxEvalLineBytes);
      return false;
    }
    if (!JsonDepthWithin(line, kMaxJsonDepth, &why)) {
      *err = name + ":" + std::to_string(line_no) + ": " + why;
      return false;
    }
    at = nl + 1;
  }
  return true;
}

bool CheckJsonLinesFile(const std::string& path, std::string* err) {
  std::string text;
  return ReadRegularFile(path, kMaxEvalFileBytes, "file", &text, err) && CheckJsonLines(text, path, err);
}

}  // namespace twitchcheck
