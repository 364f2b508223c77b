// The wire format's request parser: every field, every limit, every malformed form.
#include "twitchcheck/json.h"

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

namespace twitchcheck {
namespace {

using Code = Status::Code;
using nlohmann::json;

Status Parse(const std::string& body, InterviewRequest* out = nullptr) {
  InterviewRequest scratch;
  return ParseInterviewRequest(body, out ? out : &scratch);
}

TEST(WireRequestTest, ParsesEveryField) {
  InterviewRequest r;
  const Status s = Parse(R"({"age": 45, "sex": "female", "text": "my eye twitches", "described": true,
                            "evidence": [{"id": "eyelid_twitch", "status": "present"},
                                         {"id": "facial_droop", "status": "absent"},
                                         {"id": "fever", "status": "unknown"},
                                         {"id": "stress", "status": "possible"}]})",
                         &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.patient.age, 45);
  EXPECT_EQ(r.patient.sex, Sex::kFemale);
  EXPECT_EQ(r.text, "my eye twitches");
  EXPECT_EQ(r.described, 1);
  ASSERT_EQ(r.answers.size(), 4u);
  EXPECT_EQ(r.answers[0].id, "eyelid_twitch");
  EXPECT_EQ(r.answers[0].status, EvidenceStatus::kPresent);
  EXPECT_EQ(r.answers[1].status, EvidenceStatus::kAbsent);
  EXPECT_EQ(r.answers[2].status, EvidenceStatus::kUnknown);
  EXPECT_EQ(r.answers[3].status, EvidenceStatus::kPossible);
  for (const Evidence& e : r.answers) EXPECT_EQ(e.origin, Origin::kAnswer);

  // Everything optional; null is as absent; a second parse starts afresh.
  ASSERT_TRUE(Parse(R"({"age": null, "sex": null, "text": null, "described": null})", &r).ok());
  EXPECT_FALSE(r.patient.age);
  EXPECT_FALSE(r.patient.sex);
  EXPECT_EQ(r.text, "");
  EXPECT_EQ(r.described, 0);
  EXPECT_TRUE(r.answers.empty());
  ASSERT_TRUE(Parse("{}", &r).ok());
  ASSERT_TRUE(Parse(R"({"sex": "male", "age": 0})", &r).ok());
  EXPECT_EQ(r.patient.sex, Sex::kMale);
  EXPECT_EQ(r.patient.age, 0);
  ASSERT_TRUE(Parse(R"({"age": 120})", &r).ok());
  EXPECT_EQ(r.patient.age, 120);
}

TEST(WireRequestTest, DescribedMapping) {
  const std::pair<const char*, int> cases[] = {
      {"true", 1}, {"false", 0}, {"0", 0}, {"1", 1}, {"2", 2}, {"5", 2}, {"18446744073709551615", 2},
  };
  for (const auto& [value, want] : cases) {
    InterviewRequest r;
    const Status s = Parse(std::string(R"({"described": )") + value + "}", &r);
    ASSERT_TRUE(s.ok()) << value << ": " << s.ToString();
    EXPECT_EQ(r.described, want) << value;
  }
  for (const char* bad : {"-1", "1.5", "\"yes\"", "\"1\"", "[]", "{}"}) {
    const Status s = Parse(std::string(R"({"described": )") + bad + "}");
    EXPECT_EQ(s.code(), Code::kInvalidArgument) << bad;
    EXPECT_NE(s.message().find("\"described\""), std::string::npos) << s.message();
  }
}

TEST(WireRequestTest, MalformedFieldsAreInvalidArgument) {
  const char* const bad[] = {
      "",
      "not json",
      "[]",
      "\"text\"",
      "42",
      R"({"age": "30"})",
      R"({"age": 30.5})",
      R"({"age": -1})",
      R"({"age": 121})",
      R"({"age": 150})",
      R"({"age": 1e3})",
      R"({"age": 9223372036854775808})",
      R"({"age": 18446744073709551615})",
      R"({"age": true})",
      R"({"sex": "F"})",
      R"({"sex": "f"})",
      R"({"sex": "Female"})",
      R"({"sex": "MALE"})",
      R"({"sex": "other"})",
      R"({"sex": ""})",
      R"({"sex": 1})",
      R"({"text": 5})",
      R"({"text": ["my eye"]})",
      R"({"evidence": {}})",
      R"({"evidence": "eyelid_twitch"})",
      R"({"evidence": [1]})",
      R"({"evidence": [{"id": "eyelid_twitch"}]})",
      R"({"evidence": [{"status": "present"}]})",
      R"({"evidence": [{"id": 7, "status": "present"}]})",
      R"({"evidence": [{"id": "eyelid_twitch", "status": true}]})",
      R"({"evidence": [{"id": "eyelid_twitch", "status": "maybe"}]})",
      R"({"evidence": [{"id": "eyelid_twitch", "status": "Present"}]})",
      R"({"age": 30)",
      R"({"age": 30} trailing)",
  };
  for (const char* body : bad) {
    InterviewRequest r;
    const Status s = Parse(body, &r);
    EXPECT_EQ(s.code(), Code::kInvalidArgument) << body << ": " << s.ToString();
    EXPECT_FALSE(s.message().empty()) << body;
  }
  EXPECT_NE(Parse(R"({"sex": "F"})").message().find("\"female\" or \"male\""), std::string::npos);
  EXPECT_NE(Parse(R"({"age": 150})").message().find("0 to 120"), std::string::npos);
}

TEST(WireRequestTest, TextLimit) {
  InterviewRequest r;
  std::string text(kMaxTextBytes, 'a');
  Status s = Parse(json{{"text", text}}.dump(), &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.text.size(), kMaxTextBytes);
  text.push_back('a');
  s = Parse(json{{"text", text}}.dump());
  EXPECT_EQ(s.code(), Code::kLimit) << s.ToString();
  EXPECT_NE(s.message().find("1 MiB"), std::string::npos) << s.message();
  // The limit is on the text as decoded, not on its escaped form.
  std::string escaped = R"({"text": ")";
  for (size_t i = 0; i < kMaxTextBytes / 4; ++i) escaped += "\\u00e9";  // 6 bytes, 2 decoded
  escaped += "\"}";
  ASSERT_GT(escaped.size(), kMaxTextBytes);
  ASSERT_LE(escaped.size(), kMaxRequestBytes);
  s = Parse(escaped, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.text.size(), kMaxTextBytes / 2);
}

TEST(WireRequestTest, RequestSizeLimit) {
  std::string body = R"({"text": "x", "pad": ")" + std::string(kMaxRequestBytes, ' ') + "\"}";
  const Status s = Parse(body);
  EXPECT_EQ(s.code(), Code::kLimit) << s.ToString();
  EXPECT_NE(s.message().find("2 MiB"), std::string::npos) << s.message();
}

TEST(WireRequestTest, EvidenceCountLimit) {
  json items = json::array();
  for (size_t i = 0; i < kMaxRequestEvidence; ++i) items.push_back({{"id", std::string("f").append(std::to_string(i))}, {"status", "absent"}});
  InterviewRequest r;
  Status s = Parse(json{{"evidence", items}}.dump(), &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.answers.size(), kMaxRequestEvidence);
  items.push_back({{"id", "one_more"}, {"status", "absent"}});
  s = Parse(json{{"evidence", items}}.dump(), &r);
  EXPECT_EQ(s.code(), Code::kLimit) << s.ToString();
  EXPECT_NE(s.message().find("1001"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("1000"), std::string::npos) << s.message();
}

// {"x": [[...]]}: `depth` brackets in all.
std::string Nested(int depth) {
  std::string s = "{\"x\": ";
  for (int i = 1; i < depth; ++i) s += "[";
  s += "1";
  for (int i = 1; i < depth; ++i) s += "]";
  return s + "}";
}

TEST(WireRequestTest, NestingLimit) {
  ASSERT_EQ(kMaxJsonDepth, 16);
  Status s = Parse(Nested(16));
  EXPECT_TRUE(s.ok()) << s.ToString();
  s = Parse(Nested(17));
  EXPECT_EQ(s.code(), Code::kLimit) << s.ToString();
  EXPECT_NE(s.message().find("16"), std::string::npos) << s.message();
  // Deep nesting inside an evidence item, and far past the limit (no recursion to overflow).
  s = Parse(R"({"evidence": [{"id": "a", "status": "present", "x": )" + Nested(15) + "}]}");
  EXPECT_EQ(s.code(), Code::kLimit) << s.ToString();
  s = Parse(std::string(200000, '[') + std::string(200000, ']'));
  EXPECT_EQ(s.code(), Code::kLimit) << s.ToString();
  // Brackets inside a string are text.
  InterviewRequest r;
  s = Parse(json{{"text", std::string(100, '[') + "\\\"{{{{"}}.dump(), &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.text, std::string(100, '[') + "\\\"{{{{");
}

TEST(WireContextLineTest, FieldsAndErrors) {
  std::string sentence, target;
  ASSERT_TRUE(ParseContextLine(R"({"sentence": "no pain", "target": "pain"})", &sentence, &target).ok());
  EXPECT_EQ(sentence, "no pain");
  EXPECT_EQ(target, "pain");
  EXPECT_EQ(ParseContextLine("nope", &sentence, &target).code(), Code::kInvalidArgument);
  EXPECT_EQ(ParseContextLine("[1]", &sentence, &target).code(), Code::kInvalidArgument);
  EXPECT_EQ(ParseContextLine(R"({"sentence": "x"})", &sentence, &target).code(), Code::kInvalidArgument);
  EXPECT_EQ(ParseContextLine(R"({"sentence": "x", "target": 1})", &sentence, &target).code(),
            Code::kInvalidArgument);
  EXPECT_EQ(ParseContextLine(R"({"sentence": "x", "target": "y", "z": )" + Nested(16) + "}", &sentence, &target).code(),
            Code::kLimit);
}

TEST(WireOutputTest, ErrorLineIsOneJsonLine) {
  const std::string line = ErrorLineJson("bad \"quote\"\nnew line \xff");
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const json j = json::parse(line);
  EXPECT_EQ(j["error"].get<std::string>().substr(0, 11), "bad \"quote\"");
}

}  // namespace
}  // namespace twitchcheck
