#include "twitchcheck/status.h"

namespace twitchcheck {

const std::string& Status::message() const {
  static const std::string kEmpty;
  return state_ ? state_->message : kEmpty;
}

std::string Status::ToString() const {
  if (!state_) return "OK";
  const char* name = "error";
  switch (state_->code) {
    case Code::kOk: name = "OK"; break;
    case Code::kInvalidArgument: name = "invalid argument"; break;
    case Code::kNotFound: name = "not found"; break;
    case Code::kCorruption: name = "corruption"; break;
    case Code::kIOError: name = "I/O error"; break;
    case Code::kLimit: name = "past a limit"; break;
  }
  return std::string(name) + ": " + state_->message;
}

}  // namespace twitchcheck
