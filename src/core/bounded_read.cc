#include "core/bounded_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace twitchcheck {
namespace {

const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// "'kb/x.yaml'" or "'kb/x.yaml' (a link to '/dev/zero')": the path the user gave and,
// when it differs, the one it resolves to.
std::string Describe(const std::string& path) {
  std::string s = "'" + path + "'";
  std::error_code ec;
  if (std::filesystem::is_symlink(path, ec)) {
    const std::filesystem::path real = std::filesystem::canonical(path, ec);
    if (!ec) s += " (a link to '" + real.string() + "')";
  }
  return s;
}

}  // namespace

std::string FormatBytes(size_t n) {
  if (n >= (1u << 20) && n % (1u << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n >= (1u << 10) && n % (1u << 10) == 0) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

bool ReadRegularFile(const std::string& path, size_t max_bytes, const char* what, std::string* out,
                     std::string* err) {
  out->clear();
  // O_NONBLOCK: opening a FIFO that has no writer would otherwise wait forever.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *err = "cannot read " + Describe(path) + ": " + std::strerror(errno);
    return false;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    *err = "cannot read " + Describe(path) + ": " + std::strerror(errno);
    ::close(fd);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    *err = std::string(what) + " " + Describe(path) + " is " + KindOf(st.st_mode) +
           ", not a regular file";
    ::close(fd);
    return false;
  }
  auto too_big = [&] {
    *err = std::string(what) + " " + Describe(path) + " is larger than the limit of " +
           FormatBytes(max_bytes);
    ::close(fd);
    return false;
  };
  if (static_cast<unsigned long long>(st.st_size) > max_bytes) return too_big();
  // The file may grow while it is read: the limit is checked on what arrives, too.
  out->resize(static_cast<size_t>(st.st_size) + 1);
  size_t got = 0;
  for (;;) {
    if (got == out->size()) {
      if (got > max_bytes) return too_big();
      out->resize(std::min(out->size() * 2 + 4096, max_bytes + 1));
    }
    const ssize_t n = ::read(fd, out->data() + got, out->size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      *err = "cannot read " + Describe(path) + ": " + std::strerror(errno);
      ::close(fd);
      out->clear();
      return false;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
    if (got > max_bytes) return too_big();
  }
  ::close(fd);
  out->resize(got);
  return true;
}

bool ReadStreamBounded(std::FILE* f, size_t max_bytes, const char* name, std::string* out,
                       std::string* err) {
  out->clear();
  char buf[1 << 16];
  for (;;) {
    const size_t n = std::fread(buf, 1, sizeof buf, f);
    if (n > 0) {
      if (out->size() + n > max_bytes) {
        *err = std::string(name) + " holds more than the limit of " + FormatBytes(max_bytes);
        out->clear();
        return false;
      }
      out->append(buf, n);
    }
    if (n < sizeof buf) {
      if (std::ferror(f)) {
        *err = std::string("cannot read ") + name + ": " + std::strerror(errno);
        return false;
      }
      if (std::feof(f)) return true;
    }
  }
}

LineStatus ReadLineBounded(std::FILE* f, size_t max_bytes, std::string* line) {
  line->clear();
  bool any = false, too_long = false;
  for (int c; (c = getc_unlocked(f)) != EOF;) {
    any = true;
    if (c == '\n') return too_long ? LineStatus::kTooLong : LineStatus::kLine;
    if (line->size() < max_bytes) line->push_back(static_cast<char>(c));
    else too_long = true;
  }
  if (!any) return LineStatus::kEnd;
  return too_long ? LineStatus::kTooLong : LineStatus::kLine;
}

}  // namespace twitchcheck
