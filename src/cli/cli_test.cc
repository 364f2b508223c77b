// The `twitchcheck` program as a user runs it: exit codes, messages, JSON contracts.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "testing/test_support.h"

namespace {

using ProgramRun = twitchcheck::fixtures::CommandRun;  // stdout and stderr together

ProgramRun Twitchcheck(const std::string& args, const std::string& stdin_text = "") {
  std::string cmd = std::string(TWITCHCHECK_BINARY) + " " + args + " 2>&1";
  if (!stdin_text.empty()) {
    // One file per process: ctest -j runs several of these tests at once.
    std::string file = testing::TempDir() + "/twitchcheck_stdin_" + std::to_string(getpid()) + ".txt";
    FILE* f = std::fopen(file.c_str(), "w");
    std::fputs(stdin_text.c_str(), f);
    std::fclose(f);
    cmd += " < " + file;
  } else {
    cmd += " < /dev/null";
  }
  return twitchcheck::fixtures::RunCommand(cmd);
}

struct BadInput {
  const char* name;
  const char* args;
  int status;
  const char* message;
};

const BadInput kBadInputs[] = {
    {"no_command", "", 2, "usage"},
    {"unknown_command", "diagnose", 2, "unknown command 'diagnose'"},
    {"age_300", "assess --age 300 'my eye twitches'", 2, "age 300 is out of range"},
    {"age_not_number", "assess --age old 'my eye twitches'", 2, "age must be a whole number"},
    {"age_missing_value", "assess --age", 2, "--age needs a value"},
    {"bad_sex", "assess --sex other 'my eye twitches'", 2, "--sex must be female or male"},
    {"empty_text", "assess '   '", 2, "the text is empty"},
    {"nothing_to_assess", "assess --age 30", 2, "nothing to assess"},
    {"unreadable_file", "assess --text-file /nonexistent/words.txt", 1, "cannot read '/nonexistent/words.txt'"},
    {"unknown_evidence", "assess --evidence eyelid_twich=present", 2, "unknown finding id 'eyelid_twich'"},
    {"bad_evidence_status", "assess --evidence eyelid_twitch=sometimes", 2, "status must be present, absent, possible or unknown"},
    {"unknown_option", "assess --fast 'my eye twitches'", 2, "unknown option '--fast'"},
    {"two_text_sources", "assess 'my eye' --text-file /etc/hostname", 2, "give the text one way"},
    {"bad_kb_dir", "--kb /nonexistent/kb assess 'my eye twitches'", 1, "not a directory"},
    {"parse_no_text", "parse", 2, "no text given"},
    {"eval_missing_file", "eval vignettes /nonexistent.jsonl", 1, "cannot read"},
    {"eval_bad_kind", "eval stories x", 2, "usage"},
    {"db_without_diary", "assess --db /tmp/d.sqlite 'my eye twitches'", 2, "--db needs --diary"},
};

class BadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputTest, ClearMessageAndNonZeroExit) {
  const BadInput& c = GetParam();
  ProgramRun r = Twitchcheck(c.args);
  EXPECT_EQ(r.status, c.status) << r.out;
  EXPECT_NE(r.out.find(c.message), std::string::npos) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInputTest, ::testing::ValuesIn(kBadInputs),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(CliTest, AssessJsonHasTheContractFields) {
  ProgramRun r = Twitchcheck(
      "assess --age 45 --sex female --json 'For two months the right side of my face twitches, "
      "from the eye down to the corner of my mouth.'");
  ASSERT_EQ(r.status, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"triage", "conditions", "evidence", "advice", "knowledge_version", "disclaimer"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_TRUE(j["triage"].contains("level"));
  EXPECT_TRUE(j["triage"].contains("reasons"));
  ASSERT_FALSE(j["conditions"].empty());
  double last = 2;
  for (const auto& c : j["conditions"]) {
    EXPECT_LE(c["probability"].get<double>(), last);
    last = c["probability"].get<double>();
    EXPECT_FALSE(c["sources"].empty());
  }
  for (const auto& e : j["evidence"]) {
    if (e["span"].is_null()) continue;
    EXPECT_EQ(e["span"].size(), 2u);
  }
}

// A stateless interview step that knows of no symptom asks for a description (free text);
// with the description given, it asks yes/no questions about findings.
TEST(CliTest, InterviewJsonDescribeStep) {
  ProgramRun first = Twitchcheck("interview --json", R"({"age": 81, "sex": "female", "text": "Mum is 81."})");
  ASSERT_EQ(first.status, 0) << first.out;
  nlohmann::json a = nlohmann::json::parse(first.out);
  EXPECT_EQ(a["question"]["id"], "describe");
  EXPECT_EQ(a["question"]["type"], "free_text");
  EXPECT_FALSE(a["question"]["text"].get<std::string>().empty());

  ProgramRun second = Twitchcheck(
      "interview --json",
      R"({"age": 81, "sex": "female", "text": "Mum is 81. Her left eyelid twitches.", "described": true})");
  ASSERT_EQ(second.status, 0) << second.out;
  nlohmann::json b = nlohmann::json::parse(second.out);
  ASSERT_TRUE(b["question"].is_object()) << second.out;
  EXPECT_EQ(b["question"]["id"], "emergency_screen");
  EXPECT_EQ(b["question"]["type"], "group_multiple");
  ASSERT_GE(b["question"]["items"].size(), 2u);

  // Each item answered as its own evidence entry: then yes/no questions, one finding each.
  nlohmann::json req = {{"age", 81}, {"sex", "female"}, {"text", "Mum is 81. Her left eyelid twitches."},
                        {"described", true}, {"evidence", nlohmann::json::array()}};
  for (const auto& item : b["question"]["items"]) req["evidence"].push_back({{"id", item["id"]}, {"status", "absent"}});
  ProgramRun third = Twitchcheck("interview --json", req.dump());
  ASSERT_EQ(third.status, 0) << third.out;
  nlohmann::json c = nlohmann::json::parse(third.out);
  ASSERT_TRUE(c["question"].is_object()) << third.out;
  EXPECT_EQ(c["question"]["type"], "single");
  EXPECT_EQ(c["question"]["items"].size(), 1u);

  ProgramRun bad = Twitchcheck("interview --json", R"({"described": "yes"})");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.out.find("\"described\" must be true, false or the number of times asked"),
            std::string::npos)
      << bad.out;

  // A description that named nothing readable is asked for once more, then not again.
  nlohmann::json hola = {{"age", 40}, {"sex", "female"}, {"text", "hola"}, {"described", true},
                         {"evidence", nlohmann::json::array()}};
  ProgramRun again = Twitchcheck("interview --json", hola.dump());
  ASSERT_EQ(again.status, 0) << again.out;
  EXPECT_EQ(nlohmann::json::parse(again.out)["question"]["id"], "describe");
  hola["described"] = 2;
  ProgramRun twice = Twitchcheck("interview --json", hola.dump());
  ASSERT_EQ(twice.status, 0) << twice.out;
  EXPECT_EQ(nlohmann::json::parse(twice.out)["question"]["id"], "emergency_screen");
}

TEST(CliTest, TextFromStdin) {
  ProgramRun r = Twitchcheck("assess --json -", "my eyelid twitches after too much coffee");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_FALSE(nlohmann::json::parse(r.out)["evidence"].empty());
}

TEST(CliTest, StructuredEvidenceOnly) {
  ProgramRun r = Twitchcheck("assess --json --evidence eyelid_twitch=present");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["evidence"][0]["id"], "eyelid_twitch");
}

// SPEC §4: text with nothing readable gets no level, exit 3, and the emergency signs.
TEST(CliTest, TextNotUnderstoodExitsThreeWithTheEmergencySigns) {
  for (const char* text : {"hello", "Me duele la cara y no puedo hablar bien"}) {
    ProgramRun r = Twitchcheck(std::string("assess --json '") + text + "'");
    ASSERT_EQ(r.status, 3) << r.out;
    nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["understood"], false);
    EXPECT_FALSE(j.contains("triage"));
    EXPECT_GE(j["emergency_signs"].size(), 5u);
    ProgramRun human = Twitchcheck(std::string("assess '") + text + "'");
    EXPECT_EQ(human.status, 3);
    EXPECT_EQ(human.out.find("look after this at home"), std::string::npos) << human.out;
    EXPECT_NE(human.out.find("ambulance"), std::string::npos) << human.out;
  }
  ProgramRun ok = Twitchcheck("assess --json 'my eyelid twitches'");
  ASSERT_EQ(ok.status, 0) << ok.out;
  EXPECT_EQ(nlohmann::json::parse(ok.out)["understood"], true);
}

// A text mostly in another language is not called harmless for the one English word in it
// ("twitch"; the child who stares at the wall and does not answer is in Spanish): below an
// emergency it gets no level either, with its own message; an English text of the same
// length is read as before.
TEST(CliTest, TextMostlyInAnotherLanguageGetsNoLevel) {
  const std::string spanish =
      "Buenas tardes, mi hijo tiene cinco anos y desde ayer esta raro, no quiere jugar, "
      "se queda mirando la pared sin contestar y tiene un twitch en el ojo";
  ProgramRun r = Twitchcheck("assess --json '" + spanish + "'");
  ASSERT_EQ(r.status, 3) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["understood"], false);
  EXPECT_FALSE(j.contains("triage"));
  EXPECT_NE(r.out.find("it reads English"), std::string::npos) << r.out;
  // The interview asks for a description first, as for a text that names nothing.
  ProgramRun step = Twitchcheck("interview --json", nlohmann::json({{"text", spanish}}).dump());
  ASSERT_EQ(step.status, 0) << step.out;
  EXPECT_EQ(nlohmann::json::parse(step.out)["question"]["id"], "describe");
  ProgramRun english = Twitchcheck(
      "assess --json 'Good afternoon, my son is five and since yesterday his eyelid twitches "
      "a bit when he plays on his tablet, otherwise he is fine and happy'");
  ASSERT_EQ(english.status, 0) << english.out;
  EXPECT_EQ(nlohmann::json::parse(english.out)["understood"], true);
}

// assess --diary: what the diary records (weeks of twitching, a new site) is evidence.
TEST(CliTest, AssessWithTheDiary) {
  const std::string db = testing::TempDir() + "/twitchcheck_assess_diary_" + std::to_string(getpid()) + ".sqlite";
  std::remove(db.c_str());
  ASSERT_EQ(Twitchcheck("diary --db " + db + " add episode --at 2026-01-01T09:00 --site lower_eyelid").status, 0);
  ASSERT_EQ(Twitchcheck("diary --db " + db + " add episode --at 2026-01-25T09:00 --site hand").status, 0);
  ProgramRun r = Twitchcheck("assess --diary --db " + db + " --json 'my eyelid twitches'");
  ASSERT_EQ(r.status, 0) << r.out;
  bool weeks = false, spread = false;
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  for (const auto& e : doc["evidence"]) {
    if (e["origin"] != "diary") continue;
    weeks |= e["id"] == "duration_over_two_weeks";
    spread |= e["id"] == "spreading";
  }
  EXPECT_TRUE(weeks) << r.out;
  EXPECT_TRUE(spread) << r.out;
  std::remove(db.c_str());
}

TEST(CliTest, KbLintIsClean) {
  ProgramRun r = Twitchcheck("kb lint");
  EXPECT_EQ(r.status, 0) << r.out;
}

TEST(CliTest, HelpExitsZero) {
  EXPECT_EQ(Twitchcheck("--help").status, 0);
  EXPECT_EQ(Twitchcheck("assess --help").status, 0);
}

}  // namespace
