#pragma once
// Status: the result of an operation that can fail, as in LevelDB's include/leveldb/status.h.
// An OK status holds nothing and costs one null pointer; a failure holds a code and a
// message for a person. Copyable; cheap to move.
#include <memory>
#include <string>
#include <string_view>

namespace twitchcheck {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller's request is malformed (bad usage: exit 2, HTTP 400)
    kNotFound,         // a file, id or record that is not there
    kCorruption,       // data that cannot be used: a knowledge file with errors (exit 1)
    kIOError,          // reading or writing failed
    kLimit,            // an input past one of the documented limits (exit 1, HTTP 413)
  };

  Status() = default;  // OK
  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string_view msg) { return Status(Code::kInvalidArgument, msg); }
  static Status NotFound(std::string_view msg) { return Status(Code::kNotFound, msg); }
  static Status Corruption(std::string_view msg) { return Status(Code::kCorruption, msg); }
  static Status IOError(std::string_view msg) { return Status(Code::kIOError, msg); }
  static Status Limit(std::string_view msg) { return Status(Code::kLimit, msg); }

  bool ok() const { return state_ == nullptr; }
  Code code() const { return state_ ? state_->code : Code::kOk; }
  // The message, empty when ok().
  const std::string& message() const;
  // "OK", or the code's name and the message ("invalid argument: ...").
  std::string ToString() const;

 private:
  struct State {
    Code code;
    std::string message;
  };
  Status(Code code, std::string_view msg) : state_(std::make_shared<const State>(State{code, std::string(msg)})) {}
  std::shared_ptr<const State> state_;  // null when OK; shared because it never changes
};

}  // namespace twitchcheck
