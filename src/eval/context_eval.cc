// Placeholder while the context engine is written; replaced in the next commits.
#include "eval/context_eval.h"
namespace twitchcheck {
bool EvalContextFile(const std::string&, std::ostream&, std::string* err) {
  *err = "not built yet";
  return false;
}
}  // namespace twitchcheck
