// The interactive interview as a person meets it: the real program on a pseudo-terminal
// (forkpty), so line discipline, echo and Ctrl-D behave as in a terminal, not as in a pipe.
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace twitchcheck {
namespace {

class PtySession {
 public:
  // Starts `twitchcheck interview` on a new pseudo-terminal. REQUIRES: called once.
  bool Start() {
    struct winsize ws = {40, 80, 0, 0};
    pid_ = forkpty(&master_, nullptr, nullptr, &ws);
    if (pid_ < 0) return false;
    if (pid_ == 0) {
      setenv("NO_COLOR", "1", 1);
      setenv("TERM", "xterm", 1);
      execl(TWITCHCHECK_BINARY, TWITCHCHECK_BINARY, "--today", "2026-06-15", "interview", static_cast<char*>(nullptr));
      _exit(127);
    }
    return true;
  }

  ~PtySession() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) close(master_);
  }

  // Reads until `needle` has appeared after what earlier calls consumed, or 10 s pass.
  // True when it appeared; everything read is kept in transcript().
  bool Expect(const std::string& needle) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
      const size_t at = transcript_.find(needle, consumed_);
      if (at != std::string::npos) {
        consumed_ = at + needle.size();
        return true;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !ReadSome(static_cast<int>(left.count()))) return false;
    }
  }

  void Type(const std::string& keys) { ASSERT_EQ(write(master_, keys.data(), keys.size()), static_cast<ssize_t>(keys.size())); }
  // Ctrl-D at the start of a line: end of input, as the terminal's line discipline says it.
  void EndOfInput() {
    struct termios t;
    char eof = 4;
    if (tcgetattr(master_, &t) == 0) eof = static_cast<char>(t.c_cc[VEOF]);
    Type(std::string(1, eof));
  }

  // Waits for the program to exit (reading what it still writes); its exit status, or -1.
  int ExitStatus() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      ReadSome(50);
      const pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        while (ReadSome(50)) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
    }
    return -1;
  }

  const std::string& transcript() const { return transcript_; }

 private:
  bool ReadSome(int timeout_ms) {
    struct pollfd p = {master_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return false;
    char buf[4096];
    const ssize_t n = read(master_, buf, sizeof buf);
    if (n <= 0) return false;  // EIO once the child has gone
    for (ssize_t i = 0; i < n; ++i)
      if (buf[i] != '\r') transcript_ += buf[i];
    return true;
  }

  pid_t pid_ = -1;
  int master_ = -1;
  bool exited_ = false;
  std::string transcript_;
  size_t consumed_ = 0;
};

// Forgiving answers (case, spaces, 1/2), "?" says why, "back" changes the last answer,
// Enter is "don't know", and Ctrl-D shows what is known so far and exits non-zero.
TEST(InterviewPtyTest, ForgivingAnswersBackWhyAndCtrlD) {
  PtySession s;
  ASSERT_TRUE(s.Start());
  ASSERT_TRUE(s.Expect("In your own words, what is happening?")) << s.transcript();
  s.Type("My arm muscles keep twitching.\n");
  ASSERT_TRUE(s.Expect("How old are you")) << s.transcript();
  EXPECT_TRUE(s.transcript().find("Enter to skip") != std::string::npos);
  s.Type("?\n");
  ASSERT_TRUE(s.Expect("Some causes are more common at some ages")) << s.transcript();
  ASSERT_TRUE(s.Expect("How old are you")) << s.transcript();
  s.Type("34\n");
  ASSERT_TRUE(s.Expect("female or male")) << s.transcript();
  s.Type("  Female \n");
  // The emergency screen: one answer per sign, in any case, with spaces, as numbers.
  ASSERT_TRUE(s.Expect("Q1. Is any of these happening now")) << s.transcript();
  for (const char* answer : {" n\n", "N\n", "No\n", "2\n", "nO\n", "n\n", "no\n"}) {
    ASSERT_TRUE(s.Expect("  - ")) << s.transcript();
    ASSERT_TRUE(s.Expect("? ")) << s.transcript();
    s.Type(answer);
  }
  ASSERT_TRUE(s.Expect("Q2. ")) << s.transcript();
  ASSERT_TRUE(s.Expect("Enter = don't know")) << s.transcript();
  s.Type("maybe?\n");  // not an answer: said so, and asked again
  ASSERT_TRUE(s.Expect("Please answer y (yes) or n (no)")) << s.transcript();
  s.Type("why\n");
  ASSERT_TRUE(s.Expect("Your answer helps tell apart")) << s.transcript();
  s.Type("Y\n");
  ASSERT_TRUE(s.Expect("Q3. ")) << s.transcript();
  s.Type("back\n");  // changes the answer to Q2
  ASSERT_TRUE(s.Expect("Going back: you had answered")) << s.transcript();
  ASSERT_TRUE(s.Expect("\"Yes\"")) << s.transcript();
  ASSERT_TRUE(s.Expect("Q2. ")) << s.transcript();
  s.Type("No\n");
  ASSERT_TRUE(s.Expect("Q3. ")) << s.transcript();
  s.Type("\n");  // Enter: don't know
  ASSERT_TRUE(s.Expect("Q4. ")) << s.transcript();
  s.EndOfInput();
  ASSERT_TRUE(s.Expect("stopped before it was finished. What is known so far")) << s.transcript();
  ASSERT_TRUE(s.Expect("What is most likely")) << s.transcript();
  EXPECT_EQ(s.ExitStatus(), 1) << s.transcript();
}

// An emergency in the first sentence is said at once: no question, not even the age.
TEST(InterviewPtyTest, EmergencyInTheFirstSentenceIsSaidBeforeAnyQuestion) {
  PtySession s;
  ASSERT_TRUE(s.Start());
  ASSERT_TRUE(s.Expect("In your own words, what is happening?")) << s.transcript();
  s.Type("Half my face suddenly dropped an hour ago and my speech is slurred.\n");
  ASSERT_TRUE(s.Expect("Call an ambulance now")) << s.transcript();
  EXPECT_EQ(s.ExitStatus(), 0) << s.transcript();
  EXPECT_EQ(s.transcript().find("How old"), std::string::npos) << s.transcript();
  EXPECT_EQ(s.transcript().find("Q1."), std::string::npos) << s.transcript();
}

// Someone else's story: the questions address that person.
TEST(InterviewPtyTest, ThirdPersonWhenTheTextIsAboutSomeoneElse) {
  PtySession s;
  ASSERT_TRUE(s.Start());
  ASSERT_TRUE(s.Expect("In your own words, what is happening?")) << s.transcript();
  s.Type("My husband's face keeps twitching on the left side.\n");
  ASSERT_TRUE(s.Expect("The questions below are about your husband: answer them for him")) << s.transcript();
  ASSERT_TRUE(s.Expect("How old is your husband")) << s.transcript();
  s.Type("\n");  // skipped
  ASSERT_TRUE(s.Expect("Q1. ")) << s.transcript();  // his sex came from "husband"
  EXPECT_EQ(s.transcript().find("female or male"), std::string::npos) << s.transcript();
  s.EndOfInput();
  EXPECT_EQ(s.ExitStatus(), 1) << s.transcript();
}

// Ctrl-D before anything is said: nothing to show, and a non-zero exit.
TEST(InterviewPtyTest, CtrlDAtTheFirstPrompt) {
  PtySession s;
  ASSERT_TRUE(s.Start());
  ASSERT_TRUE(s.Expect("In your own words, what is happening?")) << s.transcript();
  s.EndOfInput();
  ASSERT_TRUE(s.Expect("stopped before anything was said")) << s.transcript();
  EXPECT_EQ(s.ExitStatus(), 1) << s.transcript();
}

}  // namespace
}  // namespace twitchcheck
