// Status, dates, and the two Envs (in memory; posix on files that are not regular).
#include "twitchcheck/env.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <vector>

#include "twitchcheck/status.h"
#include "twitchcheck/types.h"

namespace twitchcheck {
namespace {

namespace fs = std::filesystem;
using Code = Status::Code;

// --- Status ---------------------------------------------------------------------------

TEST(StatusTest, OkHoldsNothing) {
  const Status def, ok = Status::OK();
  for (const Status& s : {def, ok}) {
    EXPECT_TRUE(s.ok());
    EXPECT_EQ(s.code(), Code::kOk);
    EXPECT_EQ(s.message(), "");
    EXPECT_EQ(s.ToString(), "OK");
  }
}

TEST(StatusTest, CodesAndMessagesRoundTrip) {
  struct Case {
    Status status;
    Code code;
    const char* name;
  };
  const Case cases[] = {
      {Status::InvalidArgument("bad age"), Code::kInvalidArgument, "invalid argument"},
      {Status::NotFound("bad age"), Code::kNotFound, "not found"},
      {Status::Corruption("bad age"), Code::kCorruption, "corruption"},
      {Status::IOError("bad age"), Code::kIOError, "I/O error"},
      {Status::Limit("bad age"), Code::kLimit, "past a limit"},
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(c.status.ok()) << c.name;
    EXPECT_EQ(c.status.code(), c.code) << c.name;
    EXPECT_EQ(c.status.message(), "bad age") << c.name;
    EXPECT_EQ(c.status.ToString(), std::string(c.name) + ": bad age");
    // Copies and moves keep code and message; the moved-from is not required to.
    Status copy = c.status;
    EXPECT_EQ(copy.code(), c.code);
    EXPECT_EQ(copy.message(), "bad age");
    Status moved = std::move(copy);
    EXPECT_EQ(moved.code(), c.code);
    EXPECT_EQ(moved.message(), "bad age");
    Status assigned;
    assigned = moved;
    EXPECT_EQ(assigned.ToString(), c.status.ToString());
    assigned = Status::OK();
    EXPECT_TRUE(assigned.ok());
    EXPECT_EQ(moved.code(), c.code);  // the assignment did not touch the copy it came from
  }
  // A message keeps any bytes, including an empty one and a NUL.
  const Status nul = Status::IOError(std::string_view("a\0b", 3));
  EXPECT_EQ(nul.message().size(), 3u);
  EXPECT_FALSE(Status::IOError("").ok());
  EXPECT_EQ(Status::IOError("").ToString(), "I/O error: ");
}

// --- Dates ----------------------------------------------------------------------------

TEST(DateTest, ParsesRealDates) {
  struct Case {
    const char* text;
    Date date;
  };
  const Case cases[] = {
      {"2026-06-15", {2026, 6, 15}}, {"2024-02-29", {2024, 2, 29}}, {"2000-02-29", {2000, 2, 29}},
      {"1900-01-01", {1900, 1, 1}},  {"9999-12-31", {9999, 12, 31}}, {"2026-12-31", {2026, 12, 31}},
  };
  for (const Case& c : cases) {
    const std::optional<Date> d = ParseDate(c.text);
    ASSERT_TRUE(d) << c.text;
    EXPECT_EQ(*d, c.date) << c.text;
    EXPECT_EQ(FormatDate(*d), c.text);
  }
}

TEST(DateTest, RefusesWhatIsNotARealDate) {
  for (const char* bad : {"2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                          "2026-01-00", "1899-01-01", "1899-12-31", "0000-01-01", "2026-1-01", "2026-01-1",
                          "26-01-01", "2026/01/01", "20260101", "2026-01-01 ", " 2026-01-01", "2026-01-01T00",
                          "+026-01-01", "2026-+1-01", "2026-0a-01", "", "yesterday", "10000-01-01"}) {
    EXPECT_FALSE(ParseDate(bad)) << bad;
  }
  EXPECT_FALSE(ParseDate(std::string_view("2026-01-01\0", 11)));
}

TEST(DateTest, EveryDayOfTwoYearsRoundTrips) {
  using namespace std::chrono;
  int count = 0;
  for (sys_days d = sys_days{year{2023} / January / 1}; d < sys_days{year{2025} / January / 1}; d += days{1}) {
    const year_month_day ymd{d};
    const Date want{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                    static_cast<int>(static_cast<unsigned>(ymd.day()))};
    const std::string text = FormatDate(want);
    const std::optional<Date> got = ParseDate(text);
    ASSERT_TRUE(got) << text;
    EXPECT_EQ(*got, want) << text;
    ++count;
  }
  EXPECT_EQ(count, 365 + 366);
}

// --- InMemoryEnv ----------------------------------------------------------------------

TEST(InMemoryEnvTest, ReadFileLimitsAndNotFound) {
  InMemoryEnv env(Date{2026, 6, 15});
  env.AddFile("d/ten.txt", "0123456789");
  env.AddFile("d/empty.txt", "");
  std::string out = "stale";
  Status s = env.ReadFile("d/ten.txt", 10, &out);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(out, "0123456789");
  s = env.ReadFile("d/ten.txt", 9, &out);
  EXPECT_EQ(s.code(), Code::kLimit);
  EXPECT_NE(s.message().find("d/ten.txt"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("9 bytes"), std::string::npos) << s.message();
  s = env.ReadFile("d/empty.txt", 0, &out);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(out, "");
  s = env.ReadFile("d/missing.txt", 100, &out);
  EXPECT_EQ(s.code(), Code::kNotFound);
  EXPECT_NE(s.message().find("d/missing.txt"), std::string::npos) << s.message();
  EXPECT_EQ(env.ReadFile("d", 100, &out).code(), Code::kNotFound);  // a directory is no file
  // Replacing a file.
  env.AddFile("d/ten.txt", "new");
  ASSERT_TRUE(env.ReadFile("d/ten.txt", 3, &out).ok());
  EXPECT_EQ(out, "new");
  EXPECT_EQ(env.Today(), (Date{2026, 6, 15}));
}

TEST(InMemoryEnvTest, ListDir) {
  InMemoryEnv env(Date{2026, 6, 15});
  env.AddFile("kb/zeta.yaml", "z");
  env.AddFile("kb/alpha.yaml", "a");
  env.AddFile("kb/sub/deep.yaml", "d");
  env.AddFile("kbx/other.yaml", "o");
  env.AddFile("top.yaml", "t");
  std::vector<std::string> names = {"stale"};
  ASSERT_TRUE(env.ListDir("kb", &names).ok());
  EXPECT_EQ(names, (std::vector<std::string>{"alpha.yaml", "zeta.yaml"}));
  ASSERT_TRUE(env.ListDir("kb/sub", &names).ok());
  EXPECT_EQ(names, (std::vector<std::string>{"deep.yaml"}));
  ASSERT_TRUE(env.ListDir("kb/", &names).ok());  // a trailing slash names the same directory
  EXPECT_EQ(names, (std::vector<std::string>{"alpha.yaml", "zeta.yaml"}));
  EXPECT_EQ(env.ListDir("nothing", &names).code(), Code::kNotFound);
  EXPECT_TRUE(names.empty());
  EXPECT_EQ(env.ListDir("k", &names).code(), Code::kNotFound);  // a prefix of a name is no directory
}

// --- The posix Env --------------------------------------------------------------------

class PosixEnvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir() + "/tc_env_" + std::to_string(getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // ReadFile on another thread, so that a hang fails the test instead of stalling it.
  Status ReadWithin(const std::string& path, size_t max_bytes, std::string* out) {
    auto f = std::async(std::launch::async, [=] { return Env::Default()->ReadFile(path, max_bytes, out); });
    if (f.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
      ADD_FAILURE() << "ReadFile('" << path << "') did not return within 5 s";
      // Unblock an open() waiting for a writer so the thread can end.
      const int fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) ::close(fd);
    }
    return f.get();
  }

  std::string dir_;
};

TEST_F(PosixEnvTest, RegularFileAndLimit) {
  const std::string path = dir_ + "/ten.txt";
  std::ofstream(path) << "0123456789";
  std::string out;
  ASSERT_TRUE(ReadWithin(path, 10, &out).ok());
  EXPECT_EQ(out, "0123456789");
  const Status s = ReadWithin(path, 9, &out);
  EXPECT_EQ(s.code(), Code::kLimit) << s.ToString();
  EXPECT_NE(s.message().find(path), std::string::npos) << s.message();
  const Status missing = ReadWithin(dir_ + "/missing.txt", 10, &out);
  EXPECT_EQ(missing.code(), Code::kNotFound) << missing.ToString();
  EXPECT_NE(missing.message().find(dir_ + "/missing.txt"), std::string::npos);
}

TEST_F(PosixEnvTest, FifoIsRefusedWithoutHanging) {
  const std::string path = dir_ + "/fifo";
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  std::string out;
  const auto start = std::chrono::steady_clock::now();
  const Status s = ReadWithin(path, 1 << 20, &out);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Code::kIOError) << s.ToString();
  EXPECT_NE(s.message().find(path), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("FIFO"), std::string::npos) << s.message();
}

TEST_F(PosixEnvTest, DirectoryIsRefused) {
  std::string out;
  const Status s = ReadWithin(dir_, 1 << 20, &out);
  EXPECT_EQ(s.code(), Code::kIOError) << s.ToString();
  EXPECT_NE(s.message().find("directory"), std::string::npos) << s.message();
}

TEST_F(PosixEnvTest, LinkToDevZeroIsRefusedQuickly) {
  const std::string path = dir_ + "/zero.yaml";
  fs::create_symlink("/dev/zero", path);
  std::string out;
  const auto start = std::chrono::steady_clock::now();
  const Status s = ReadWithin(path, 1 << 20, &out);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(s.code() == Code::kIOError || s.code() == Code::kLimit) << s.ToString();
  EXPECT_NE(s.message().find(path), std::string::npos) << s.message();
  EXPECT_LE(out.size(), size_t{1} << 20);
}

TEST_F(PosixEnvTest, ListDirSortedAndNotFound) {
  for (const char* n : {"b.yaml", "a.yaml", "c.txt"}) std::ofstream(dir_ + "/" + n) << n;
  fs::create_directory(dir_ + "/sub");
  std::vector<std::string> names;
  ASSERT_TRUE(Env::Default()->ListDir(dir_, &names).ok());
  EXPECT_EQ(names, (std::vector<std::string>{"a.yaml", "b.yaml", "c.txt", "sub"}));
  ASSERT_TRUE(Env::Default()->ListDir(dir_ + "/", &names).ok());
  EXPECT_EQ(names.size(), 4u);
  EXPECT_EQ(Env::Default()->ListDir(dir_ + "/nothing", &names).code(), Code::kNotFound);
  EXPECT_EQ(Env::Default()->ListDir(dir_ + "/a.yaml", &names).code(), Code::kNotFound);
  EXPECT_EQ(Env::Default(), Env::Default());
}

}  // namespace
}  // namespace twitchcheck
