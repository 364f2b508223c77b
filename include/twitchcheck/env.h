#pragma once
// Env: what the engine takes from the world outside it — files and today's date — so that
// a test can give it files in memory and a fixed date, and a run is reproducible
// (LevelDB's include/leveldb/env.h is the model). The engine never reads the clock or the
// file system except through its Env.
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "twitchcheck/status.h"
#include "twitchcheck/types.h"

namespace twitchcheck {

class Env {
 public:
  virtual ~Env() = default;

  // Reads the regular file at `path` into *out, refusing (Status::Limit) past `max_bytes`
  // after reading no more than max_bytes + 1 bytes. NotFound when it does not exist;
  // IOError when it is not a regular file or cannot be read. Messages name `path` as given.
  virtual Status ReadFile(const std::string& path, size_t max_bytes, std::string* out) = 0;
  // The names (not paths) of the entries of directory `dir`, sorted. NotFound / IOError
  // when `dir` is not a readable directory.
  virtual Status ListDir(const std::string& dir, std::vector<std::string>* names) = 0;
  // Today's date where the person is (the local date for the posix Env).
  virtual Date Today() = 0;

  // The process's Env on the real file system and clock. Never null; lives for the
  // process; thread-safe.
  static Env* Default();
};

// An Env whose files live in memory and whose date is fixed: for tests and for embedding
// a knowledge base that is not on disk. Not thread-safe while being filled; safe to read
// from several threads once filled.
class InMemoryEnv : public Env {
 public:
  explicit InMemoryEnv(Date today) : today_(today) {}
  // Adds or replaces the file at `path` ("dir/name"); the directory `dir` then exists.
  void AddFile(const std::string& path, std::string contents);

  Status ReadFile(const std::string& path, size_t max_bytes, std::string* out) override;
  Status ListDir(const std::string& dir, std::vector<std::string>* names) override;
  Date Today() override { return today_; }

 private:
  Date today_;
  std::map<std::string, std::string> files_;
};

}  // namespace twitchcheck
