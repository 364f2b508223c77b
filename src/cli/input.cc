#include "cli/input.h"

#include <cctype>
#include <cstdio>
#include <optional>
#include <sstream>

#include "core/bounded_read.h"

namespace twitchcheck {

const char kInputLimitsHelp[] =
    "  text (TEXT, --text-file F or - for stdin): at most 1 MiB; F must be a regular file\n"
    "  interview --json request: at most 2 MiB, 1,000 evidence items\n"
    "  context --jsonl: at most 64 KiB per line (lines are streamed, any number)\n"
    "  eval FILE: a regular file of at most 64 MiB, 1 MiB per line\n"
    "  JSON: nested at most 16 deep\n"
    "  knowledge files (--kb DIR): regular files, each at most 8 MiB and 32 MiB together;\n"
    "    YAML nested at most 32 deep, at most 1,000,000 values per file; every number\n"
    "    within -1,000,000..1,000,000; at most 100,000 findings and 2,000 conditions\n"
    "  (all in docs/limits.md)\n";

std::optional<Sex> ParseSexAnswer(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  std::string lower(s);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "f" || lower == "female" || lower == "woman") return Sex::kFemale;
  if (lower == "m" || lower == "male" || lower == "man") return Sex::kMale;
  return std::nullopt;
}

bool ParseAge(const std::string& s, int* age, std::string* err) {
  if (s.size() > 1 && s[0] == '-' && s.find_first_not_of("0123456789", 1) == std::string::npos) {
    *err = "age " + s + " is out of range (0 to 120)";
    return false;
  }
  if (s.empty() || s.size() > 3 || s.find_first_not_of("0123456789") != std::string::npos) {
    *err = "age must be a whole number of years, not '" + s + "'";
    return false;
  }
  int v = std::stoi(s);
  if (v > 120) {
    *err = "age " + s + " is out of range (0 to 120)";
    return false;
  }
  *age = v;
  return true;
}

bool ParseEvidenceList(const std::string& list, std::vector<Evidence>* out, std::string* err) {
  std::stringstream ss(list);
  std::string item;
  bool any = false;
  while (std::getline(ss, item, ',')) {
    if (item.empty()) continue;
    Evidence e;
    e.origin = Origin::kInput;
    size_t eq = item.find('=');
    e.id = item.substr(0, eq);
    std::string status = eq == std::string::npos ? "present" : item.substr(eq + 1);
    if (e.id.empty()) {
      *err = "--evidence item '" + item + "' has no finding id";
      return false;
    }
    if (!ParseEvidenceStatus(status, &e.status)) {
      *err = "--evidence " + e.id + ": status must be present, absent, possible or unknown, not '" + status + "'";
      return false;
    }
    out->push_back(e);
    any = true;
  }
  if (!any) {
    *err = "--evidence needs ID=STATUS items";
    return false;
  }
  return true;
}

bool ParseAssessArgs(const std::vector<std::string>& args, bool allow_evidence, AssessInput* in,
                     std::string* err) {
  std::vector<std::string> words;
  bool from_stdin = false;
  std::string file;
  for (size_t i = 0; i < args.size(); ++i) {
    // --flag=value is --flag value.
    std::string a = args[i];
    std::optional<std::string> attached;
    if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
      const size_t eq = a.find('=');
      if (eq != std::string::npos) {
        attached = a.substr(eq + 1);
        a.resize(eq);
      }
    }
    auto value = [&](std::string* v) {
      if (attached) {
        *v = *attached;
        attached.reset();
        return true;
      }
      if (i + 1 >= args.size()) {
        *err = a + " needs a value";
        return false;
      }
      *v = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      in->help = true;
      return false;
    } else if (a == "--json") {
      in->json = true;
    } else if (a == "--details" && allow_evidence) {
      in->details = true;
    } else if (a == "--color") {
      in->color = true;
    } else if (a == "--no-color") {
      in->color = false;
    } else if (a == "--age") {
      if (!value(&v)) return false;
      int age;
      if (!ParseAge(v, &age, err)) return false;
      in->patient.age = age;
    } else if (a == "--sex") {
      if (!value(&v)) return false;
      in->patient.sex = ParseSexAnswer(v);
      if (!in->patient.sex) {
        *err = "--sex must be female or male (f or m), not '" + v + "'";
        return false;
      }
    } else if (a == "--evidence" && allow_evidence) {
      if (!value(&v) || !ParseEvidenceList(v, &in->evidence, err)) return false;
    } else if (a == "--diary" && allow_evidence) {
      in->diary = true;
    } else if (a == "--db" && allow_evidence) {
      if (!value(&in->diary_db)) return false;
    } else if (a == "--text-file") {
      if (!value(&file)) return false;
    } else if (a == "-") {
      from_stdin = true;
    } else if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
      *err = "unknown option '" + a + "'";
      return false;
    } else {
      words.push_back(a);
    }
  }
  int sources = !words.empty() + from_stdin + !file.empty();
  if (sources > 1) {
    *err = "give the text one way: as an argument, with --text-file, or with - for stdin";
    return false;
  }
  // Bounded while reading: `--text-file /dev/zero` or `yes | twitchcheck assess -` stops
  // at the limit instead of filling memory.
  if (!file.empty()) {
    if (!ReadRegularFile(file, kMaxTextBytes, "text file", &in->text, err)) {
      if (err->find("not a regular file") != std::string::npos) *err += " (use - to read stdin)";
      in->bad_data = true;
      return false;
    }
    in->has_text = true;
  } else if (from_stdin) {
    if (!ReadStreamBounded(stdin, kMaxTextBytes, "stdin", &in->text, err)) {
      in->bad_data = true;
      return false;
    }
    in->has_text = true;
  } else if (!words.empty()) {
    size_t total = 0;
    for (const std::string& w : words) total += w.size() + 1;
    if (total > kMaxTextBytes + 1) {
      *err = "the text is longer than the limit of 1 MiB";
      in->bad_data = true;
      return false;
    }
    for (size_t i = 0; i < words.size(); ++i) in->text += (i ? " " : "") + words[i];
    in->has_text = true;
  }
  if (in->has_text && in->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    *err = "the text is empty";
    return false;
  }
  if (!in->diary_db.empty() && !in->diary) {
    *err = "--db needs --diary";
    return false;
  }
  if (!in->has_text && in->evidence.empty() && !in->diary) {
    *err = allow_evidence ? "nothing to assess: give some text, --evidence or --diary" : "no text given";
    return false;
  }
  return true;
}

}  // namespace twitchcheck
