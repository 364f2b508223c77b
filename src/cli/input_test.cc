// Bounded input (issue 11): limits checked while reading, non-regular files refused, deep
// or huge JSON refused before it is parsed. Unit cases on the readers, then the program
// as a user runs it, on real files and pipes.
#include "cli/input.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/bounded_read.h"

#include "testing/test_support.h"

namespace twitchcheck {
namespace {

namespace fs = std::filesystem;

// Per process: other checkouts' tests may run at the same time on this machine.
std::string TempPath(const std::string& name) {
  return (fs::temp_directory_path() / ("twitchcheck_input_" + std::to_string(::getpid()) + "_" + name)).string();
}

void Write(const std::string& path, const std::string& text) {
  fs::remove(path);
  std::ofstream(path, std::ios::binary) << text;
}

using ShellRun = fixtures::CommandRun;  // stdout and stderr together

// Runs `shell` (in which $T is the program) with sh.
ShellRun Shell(const std::string& shell) {
  const std::string cmd = "T=" + std::string(TWITCHCHECK_BINARY) + "; (" + shell + ") 2>&1";
  return fixtures::RunCommand(cmd);
}

std::string Nested(int depth) { return std::string(static_cast<size_t>(depth), '[') + std::string(static_cast<size_t>(depth), ']'); }

TEST(InputTest, FlagEqualsValueSexInAnyCaseAndANegativeAgeOutOfRange) {
  AssessInput in;
  std::string err;
  ASSERT_TRUE(ParseAssessArgs({"--age=30", "--sex=M", "eyelid", "twitch"}, true, &in, &err)) << err;
  EXPECT_EQ(in.patient.age, 30);
  EXPECT_EQ(in.patient.sex, Sex::kMale);
  EXPECT_EQ(in.text, "eyelid twitch");
  AssessInput f;
  ASSERT_TRUE(ParseAssessArgs({"--sex", " Female ", "x"}, true, &f, &err)) << err;
  EXPECT_EQ(f.patient.sex, Sex::kFemale);
  AssessInput bad;
  EXPECT_FALSE(ParseAssessArgs({"--age", "-1", "x"}, true, &bad, &err));
  EXPECT_NE(err.find("out of range"), std::string::npos) << err;
  EXPECT_FALSE(ParseAssessArgs({"--sex=x", "x"}, true, &bad, &err));
  EXPECT_FALSE(ParseAssessArgs({"--age="}, true, &bad, &err));
}

TEST(InputTest, JsonDepthCountsBracketsOutsideStrings) {
  std::string err;
  EXPECT_TRUE(JsonDepthWithin(R"({"a": [1, {"b": [2]}]})", 4, &err));
  EXPECT_FALSE(JsonDepthWithin(R"({"a": [1, {"b": [2]}]})", 3, &err));
  EXPECT_NE(err.find("nested deeper than the limit of 3 levels"), std::string::npos);
  // Brackets and escaped quotes inside strings do not count.
  EXPECT_TRUE(JsonDepthWithin(R"({"t": "[[[[{{{{ \" [[[[ \\"})", 1, &err));
  EXPECT_TRUE(JsonDepthWithin(Nested(16), 16, &err));
  EXPECT_FALSE(JsonDepthWithin(Nested(50000), 16, &err));
}

TEST(InputTest, F6_TextFileDevZeroIsRefusedWithoutReading) {
  AssessInput in;
  std::string err;
  EXPECT_FALSE(ParseAssessArgs({"--text-file", "/dev/zero"}, true, &in, &err));
  EXPECT_TRUE(in.bad_data);
  EXPECT_EQ(err, "text file '/dev/zero' is a character device, not a regular file (use - to read stdin)");
}

TEST(InputTest, F11_TextFileFifoAndDirectoryAreRefused) {
  const std::string fifo = TempPath("fifo");
  fs::remove(fifo);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  AssessInput in;
  std::string err;
  EXPECT_FALSE(ParseAssessArgs({"--text-file", fifo}, true, &in, &err));  // and does not block
  EXPECT_NE(err.find("is a FIFO (named pipe), not a regular file"), std::string::npos) << err;
  EXPECT_FALSE(ParseAssessArgs({"--text-file", fs::temp_directory_path().string()}, true, &in, &err));
  EXPECT_NE(err.find("is a directory, not a regular file"), std::string::npos) << err;
}

TEST(InputTest, F6_TextFileOverTheLimitIsRefused) {
  const std::string path = TempPath("big.txt");
  Write(path, std::string(kMaxTextBytes, 'a'));
  AssessInput in;
  std::string err;
  EXPECT_TRUE(ParseAssessArgs({"--text-file", path}, true, &in, &err)) << err;
  Write(path, std::string(kMaxTextBytes + 1, 'a'));
  AssessInput in2;
  EXPECT_FALSE(ParseAssessArgs({"--text-file", path}, true, &in2, &err));
  EXPECT_EQ(err, "text file '" + path + "' is larger than the limit of 1 MiB");
  EXPECT_TRUE(in2.bad_data);
}

TEST(InputTest, ReadLineBoundedSkipsTheRestOfALongLine) {
  const std::string path = TempPath("lines.txt");
  Write(path, "short\n" + std::string(100, 'x') + "\nnext\nlast");
  FILE* f = std::fopen(path.c_str(), "r");
  std::string line;
  EXPECT_EQ(ReadLineBounded(f, 10, &line), LineStatus::kLine);
  EXPECT_EQ(line, "short");
  EXPECT_EQ(ReadLineBounded(f, 10, &line), LineStatus::kTooLong);
  EXPECT_EQ(ReadLineBounded(f, 10, &line), LineStatus::kLine);
  EXPECT_EQ(line, "next");
  EXPECT_EQ(ReadLineBounded(f, 10, &line), LineStatus::kLine);
  EXPECT_EQ(line, "last");
  EXPECT_EQ(ReadLineBounded(f, 10, &line), LineStatus::kEnd);
  std::fclose(f);
}

TEST(CliTest, F6_EndlessStdinIsRefusedAtTheLimit) {
  const ShellRun r = Shell("yes x | $T assess -");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.out.find("stdin holds more than the limit of 1 MiB"), std::string::npos) << r.out;
}

TEST(CliTest, F6_TextFileDevZeroIsRefused) {
  const ShellRun r = Shell("$T assess --text-file /dev/zero");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.out.find("'/dev/zero' is a character device, not a regular file"), std::string::npos) << r.out;
}

TEST(CliTest, F1_InterviewRequestOf10MBIsRefused) {
  const std::string path = TempPath("big_request.json");
  Write(path, R"({"age": 30, "text": ")" + std::string(10 << 20, 'a') + "\"}");
  const ShellRun r = Shell("$T interview --json < " + path);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("the request on stdin holds more than the limit of 2 MiB"), std::string::npos) << r.out;
  // Endless, too.
  EXPECT_EQ(Shell("yes '[' | $T interview --json").status, 1);
}

TEST(CliTest, F4_InterviewRequestNested50000DeepIsRefused) {
  const std::string path = TempPath("deep_request.json");
  Write(path, R"({"age": 30, "evidence": )" + Nested(50000) + "}");
  const ShellRun r = Shell("$T interview --json < " + path);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("JSON nested deeper than the limit of 16 levels"), std::string::npos) << r.out;
}

TEST(CliTest, InterviewRequestWithTooManyEvidenceItemsIsRefused) {
  // 100,000 items are past the size limit already; 10,000 fit in it but not in the count.
  for (int n : {100000, 10000}) {
    std::string body = R"({"age": 30, "evidence": [)";
    for (int i = 0; i < n; ++i) body += std::string(i ? "," : "") + R"({"id":"eyelid_twitch","status":"present"})";
    const std::string path = TempPath("many_evidence.json");
    Write(path, body + "]}");
    const ShellRun r = Shell("$T interview --json < " + path);
    EXPECT_EQ(r.status, 1);
    const std::string want = n == 10000 ? "\"evidence\" has 10000 items: more than the limit of 1000"
                                        : "more than the limit of 2 MiB";
    EXPECT_NE(r.out.find(want), std::string::npos) << r.out;
  }
}

TEST(CliTest, F4_VignetteIdNested50000DeepIsRefused) {
  const std::string path = TempPath("deep_vignette.jsonl");
  Write(path, R"({"id": )" + Nested(50000) + R"(, "text": "my eye twitches", "triage": "self_care", "age": 30})" "\n");
  for (const char* kind : {"vignettes", "interview", "context"}) {
    const ShellRun r = Shell(std::string("$T eval ") + kind + " " + path);
    EXPECT_EQ(r.status, 1) << kind;
    EXPECT_NE(r.out.find(path + ":1: JSON nested deeper than the limit of 16 levels"), std::string::npos) << r.out;
  }
}

TEST(CliTest, F11_EvalFileMustBeRegular) {
  const ShellRun r = Shell("$T eval vignettes /dev/zero");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("'/dev/zero' is a character device, not a regular file"), std::string::npos) << r.out;
}

TEST(CliTest, ContextLineOverTheLimitGetsAnErrorAndTheNextIsRead) {
  const std::string path = TempPath("context.jsonl");
  Write(path, R"({"sentence": ")" + std::string(kMaxContextLineBytes, 'a') + "\", \"target\": \"a\"}\n" +
                  R"({"sentence": "no twitching", "target": "twitching"})" "\n" + R"({"sentence": )" +
                  Nested(1000) + "}\n");
  const ShellRun r = Shell("$T context --jsonl < " + path);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("stdin:1: line longer than the limit of 64 KiB"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"negation\": \"negated\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("stdin:3: JSON nested deeper than the limit of 16 levels"), std::string::npos) << r.out;
}

TEST(CliTest, ContextWithKbDirValidatesTheWholeDirectory) {
  const ShellRun r = Shell("echo '{}' | $T --kb /nonexistent/kb context --jsonl");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("not a directory"), std::string::npos) << r.out;
}

TEST(CliTest, LimitsAreInTheHelp) {
  for (const char* cmd : {"--help", "interview --help", "context --help", "eval --help"}) {
    const ShellRun r = Shell(std::string("$T ") + cmd);
    EXPECT_EQ(r.status, 0) << cmd;
    EXPECT_NE(r.out.find("imits"), std::string::npos) << cmd << "\n" << r.out;
  }
}

}  // namespace
}  // namespace twitchcheck
