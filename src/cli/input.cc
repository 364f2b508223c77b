#include "cli/input.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace twitchcheck {

bool ParseAge(const std::string& s, int* age, std::string* err) {
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
    e.origin = "input";
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
    const std::string& a = args[i];
    auto value = [&](std::string* v) {
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
      if (v != "female" && v != "male") {
        *err = "--sex must be female or male, not '" + v + "'";
        return false;
      }
      in->patient.sex = v;
    } else if (a == "--evidence" && allow_evidence) {
      if (!value(&v) || !ParseEvidenceList(v, &in->evidence, err)) return false;
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
  if (!file.empty()) {
    std::ifstream f(file, std::ios::binary);
    if (!f) {
      *err = "cannot read '" + file + "'";
      return false;
    }
    std::ostringstream ss;
    ss << f.rdbuf();
    in->text = ss.str();
    in->has_text = true;
  } else if (from_stdin) {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    in->text = ss.str();
    in->has_text = true;
  } else if (!words.empty()) {
    for (size_t i = 0; i < words.size(); ++i) in->text += (i ? " " : "") + words[i];
    in->has_text = true;
  }
  if (in->has_text && in->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    *err = "the text is empty";
    return false;
  }
  if (in->text.size() > (1u << 20)) {
    *err = "the text is longer than 1 MiB";
    return false;
  }
  if (!in->has_text && in->evidence.empty()) {
    *err = allow_evidence ? "nothing to assess: give some text or --evidence" : "no text given";
    return false;
  }
  return true;
}

}  // namespace twitchcheck
