// The posix Env (the real file system and the local date) and the in-memory Env.
#include "twitchcheck/env.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <ctime>
#include <filesystem>

#include "core/bounded_read.h"

namespace twitchcheck {
namespace {

class PosixEnv : public Env {
 public:
  Status ReadFile(const std::string& path, size_t max_bytes, std::string* out) override {
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0 && errno == ENOENT) return Status::NotFound("'" + path + "': no such file");
    std::string err;
    if (ReadRegularFile(path, max_bytes, "file", out, &err)) return Status::OK();
    if (err.find("larger than the limit") != std::string::npos) return Status::Limit(err);
    return Status::IOError(err);
  }

  Status ListDir(const std::string& dir, std::vector<std::string>* names) override {
    namespace fs = std::filesystem;
    names->clear();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Status::NotFound("not a directory");
    fs::directory_iterator it(dir, ec), end;
    if (ec) return Status::IOError("cannot list the directory: " + ec.message());
    for (; it != end; it.increment(ec)) {
      if (ec) return Status::IOError("cannot list the directory: " + ec.message());
      names->push_back(it->path().filename().string());
    }
    std::sort(names->begin(), names->end());
    return Status::OK();
  }

  Date Today() override {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
  }
};

std::string DirOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

}  // namespace

Env* Env::Default() {
  static PosixEnv* env = new PosixEnv;  // never destroyed: usable from any static destructor
  return env;
}

void InMemoryEnv::AddFile(const std::string& path, std::string contents) {
  files_[path] = std::move(contents);
}

Status InMemoryEnv::ReadFile(const std::string& path, size_t max_bytes, std::string* out) {
  auto it = files_.find(path);
  if (it == files_.end()) return Status::NotFound("'" + path + "': no such file");
  if (it->second.size() > max_bytes)
    return Status::Limit("file '" + path + "' is larger than the limit of " + FormatBytes(max_bytes));
  *out = it->second;
  return Status::OK();
}

Status InMemoryEnv::ListDir(const std::string& dir, std::vector<std::string>* names) {
  names->clear();
  // "kb/" names the directory "kb", as on the real file system.
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  for (const auto& [path, contents] : files_)
    if (DirOf(path) == d) names->push_back(path.substr(d.empty() ? 0 : d.size() + 1));
  if (names->empty()) return Status::NotFound("not a directory");
  return Status::OK();
}

}  // namespace twitchcheck
