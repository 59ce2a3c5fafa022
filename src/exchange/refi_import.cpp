// REFI-QDA import: reads a .qdpx, .qde or .qdc into a plan (users, codes,
// variables, cases, sets, notes, sources), then creates the new project from
// the plan in one action. Nothing touches the disk until the plan is
// complete; a failure while creating removes the half-built project.
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

#include "exchange/guid.h"
#include "exchange/refi_import_plan.h"
#include "exchange/refi_names.h"
#include "exchange/xml.h"
#include "store/areas.h"
#include "store/judgement.h"
#include "store/project.h"
#include "store/template.h"
#include "store/util.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace telaah::exchange {
namespace detail {
namespace {

const char* kPalette[] = {"#76B7B2", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC", "#E15759"};

std::string colour_of(const std::string& c) {
  std::string s = c;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  auto hex = [](const std::string& h) {
    return std::all_of(h.begin(), h.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
  };
  if (s.size() == 7 && s[0] == '#' && hex(s.substr(1))) return s;
  if (s.size() == 4 && s[0] == '#' && hex(s.substr(1)))
    return std::string("#") + s[1] + s[1] + s[2] + s[2] + s[3] + s[3];
  return "";
}

// A name Telaah accepts for a code: no '/', no surrounding spaces, not empty.
std::string code_name(Context& cx, const std::string& raw) {
  std::string n = raw;
  if (n.find('/') != std::string::npos) {
    std::string out;
    for (char c : n) {
      if (c == '/')
        out += "\xE2\x88\x95";  // U+2215 DIVISION SLASH: looks the same, is not a path separator
      else
        out += c;
    }
    cx.findings.deviation(
        "code names with '/' (Telaah separates code paths with '/'; replaced by the look-alike U+2215)", raw);
    n = out;
  }
  if (n.find_first_of("\t\n\r") != std::string::npos) {
    std::string one;
    for (char ch : n) {
      const bool ws = ch == '\t' || ch == '\n' || ch == '\r';
      if (!ws)
        one += ch;
      else if (!one.empty() && one.back() != ' ')
        one += ' ';
    }
    cx.findings.deviation("code names over several lines (joined into one line)", one);
    n = one;
  }
  size_t a = n.find_first_not_of(" \t\n\r"), b = n.find_last_not_of(" \t\n\r");
  n = a == std::string::npos ? "" : n.substr(a, b - a + 1);
  if (n.empty()) {
    n = "(unnamed code)";
    cx.findings.deviation("codes without a name (named '(unnamed code)')");
  }
  return n;
}

// How deep <Code> elements nest under `codes`, walked without recursion and
// without going further than one level past the limit.
int code_depth(const pugi::xml_node& codes, int limit) {
  int deepest = 0;
  std::vector<std::pair<pugi::xml_node, int>> todo{{codes, 0}};
  while (!todo.empty()) {
    auto [n, depth] = todo.back();
    todo.pop_back();
    deepest = std::max(deepest, depth);
    if (depth > limit) break;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element && local_name(c) == "Code") todo.push_back({c, depth + 1});
  }
  return deepest;
}

void plan_codes(Context& cx, const pugi::xml_node& parent_el, int parent) {
  if (parent < 0 && code_depth(parent_el, store::kMaxCodeDepth) > store::kMaxCodeDepth)
    throw ExchangeError("codes nested deeper than " + std::to_string(store::kMaxCodeDepth) +
                        " levels in the codebook: refused (Telaah's limit for a code tree; real codebooks use a "
                        "handful of levels)");
  // Recursion below is bounded by the depth checked above.
  std::set<std::string> siblings;
  std::map<std::string, int> next_number;  // base name -> the next " (k)" to try: linear for many duplicates
  for (const auto& e : children_named(parent_el, "Code")) {
    ++cx.report.codes.found;
    PlanCode pc;
    pc.guid = canonical_guid(attr(e, "guid"));
    pc.parent = parent;
    pc.code.name = code_name(cx, attr(e, "name"));
    if (siblings.count(pc.code.name)) {
      std::string base = pc.code.name;
      int& k = next_number.try_emplace(base, 2).first->second;
      do pc.code.name = base + " (" + std::to_string(k++) + ")";
      while (siblings.count(pc.code.name));
      cx.findings.deviation("codes with the same name as a sibling (numbered)", base);
    }
    siblings.insert(pc.code.name);
    std::string col = attr(e, "color");
    if (col.empty())
      cx.findings.deviation("codes without a colour (grey)");
    else if (colour_of(col).empty())
      cx.findings.deviation("codes with a colour that is not #RRGGBB (grey)", col);
    pc.code.colour = colour_of(col).empty() ? "#888888" : colour_of(col);
    refi::parse_code_description(child_text(e, "Description"), pc.code);
    if (attr(e, "isCodable") == "false" || attr(e, "isCodable") == "0")
      cx.findings.deviation("codes marked not codable (code folders; imported as ordinary codes)", pc.code.name);
    const int idx = static_cast<int>(cx.plan.codes.size());
    if (pc.guid.empty())
      cx.findings.deviation("codes without a valid GUID (nothing can refer to them)", pc.code.name);
    else if (cx.code_by_guid.count(pc.guid))
      cx.findings.deviation("codes whose GUID is used twice (references go to the first)", pc.code.name);
    else
      cx.code_by_guid[pc.guid] = idx;
    cx.plan.codes.push_back(pc);
    ++cx.report.codes.imported;
    for (const auto& nr : children_named(e, "NoteRef")) {
      auto it = cx.notes.find(canonical_guid(attr(nr, "targetGUID")));
      if (it == cx.notes.end()) continue;
      it->second.used = true;
      cx.plan.memos.push_back({"code", idx, it->second.title, it->second.body});
    }
    plan_codes(cx, e, idx);
  }
}

// Sets: code kinds (ours), source groups (as an attribute "Sets"), the rest lost.
void plan_sets(Context& cx, const pugi::xml_node& sets) {
  for (const auto& set : children_named(sets, "Set")) {
    const std::string name = attr(set, "name");
    auto members = children_named(set, "MemberCode");
    if (name == refi::kSetVariables || name == refi::kSetIndicators) {
      for (const auto& m : members) {
        std::string g = canonical_guid(attr(m, "targetGUID").empty() ? attr(m, "guid") : attr(m, "targetGUID"));
        if (auto it = cx.code_by_guid.find(g); it != cx.code_by_guid.end())
          cx.plan.codes[static_cast<size_t>(it->second)].code.kind =
              name == refi::kSetVariables ? store::CodeKind::variable : store::CodeKind::indicator;
      }
      continue;
    }
    if (!members.empty())
      cx.findings.loss("code sets (code groups; Telaah has none)",
                       name + " (" + std::to_string(members.size()) + " codes)");
    auto notes = children_named(set, "MemberNote");
    if (!notes.empty()) cx.findings.loss("note sets", name);
    for (const auto& m : children_named(set, "MemberSource"))
      cx.attrs_by_source[canonical_guid(attr(m, "targetGUID"))].push_back({"Sets", "text", name});
  }
}

void plan_cases(Context& cx, const pugi::xml_node& cases) {
  for (const auto& c : children_named(cases, "Case")) {
    const std::string name = attr(c, "name");
    if (name.rfind(refi::kCaseStance, 0) == 0) {
      try {
        store::Stance s = store::stance_from_string(name.substr(std::strlen(refi::kCaseStance)));
        for (const auto& r : children_named(c, "SelectionRef"))
          cx.stance_by_selection[canonical_guid(attr(r, "targetGUID"))] = s;
        continue;
      } catch (const ValidationError&) {
      }
    }
    if (name.rfind(refi::kCaseSourceType, 0) == 0 && name.size() > std::strlen(refi::kCaseSourceType)) {
      for (const auto& r : children_named(c, "SourceRef"))
        cx.type_by_source[canonical_guid(attr(r, "targetGUID"))] = name.substr(std::strlen(refi::kCaseSourceType));
      continue;
    }
    // Any other case is a case: its variable values its attributes, its
    // sources and selections its members (resolved once the sources are read).
    PlanCase pc;
    pc.name = name.empty() ? attr(c, "guid") : name;
    pc.description = child_text(c, "Description");
    for (const auto& vv : children_named(c, "VariableValue")) {
      auto it = cx.variables.find(canonical_guid(attr(child_named(vv, "VariableRef"), "targetGUID")));
      if (it == cx.variables.end()) {
        cx.findings.loss("case values of a variable the file does not declare", pc.name);
        continue;
      }
      const std::string& t = it->second.second;
      store::Attribute at{it->second.first,
                          t == "Integer" || t == "Float" ? "number"
                          : t == "Date"                  ? "date"
                          : t == "Boolean"               ? "boolean"
                                                         : "text",
                          variable_value(vv, nullptr)};
      try {
        store::validate_attribute(at, "case '" + pc.name + "'");
      } catch (const ValidationError& e) {
        cx.bad_value("case attribute values that do not fit their type", e.what());
        continue;
      }
      if (std::any_of(pc.attributes.begin(), pc.attributes.end(), [&](const auto& x) { return x.name == at.name; })) {
        cx.findings.loss("a case's second value of one variable", pc.name + ": " + at.name);
        continue;
      }
      pc.attributes.push_back(at);
    }
    for (const auto& r : children_named(c, "SourceRef")) pc.sources.push_back(canonical_guid(attr(r, "targetGUID")));
    for (const auto& r : children_named(c, "SelectionRef")) {
      pc.selections.push_back(canonical_guid(attr(r, "targetGUID")));
      cx.case_selections.insert(pc.selections.back());
    }
    if (!children_named(c, "CodeRef").empty()) cx.findings.loss("case links to codes", pc.name);
    cx.plan.cases.push_back(std::move(pc));
  }
}

// Case members and links, once the sources (documents, selections, codings) are planned.
void plan_cases_and_links(Context& cx, const pugi::xml_node& root) {
  std::set<std::string> names;
  for (auto& pc : cx.plan.cases) {
    std::string name = store::is_blank(pc.name) || store::parse_id(pc.name) ? "Case " + pc.name : pc.name;
    for (int k = 2; names.count(name); ++k) name = pc.name + " (" + std::to_string(k) + ")";
    if (name != pc.name)
      cx.findings.deviation("cases renamed (a name twice, empty or a number)", pc.name + " -> " + name);
    pc.name = name;
    names.insert(name);
    for (const auto& g : pc.sources) {
      auto it = cx.doc_by_guid.find(g);
      if (it == cx.doc_by_guid.end()) {
        cx.findings.loss("case members that are not imported sources", pc.name);
        continue;
      }
      pc.members.push_back({it->second, std::nullopt, std::nullopt});
    }
    for (const auto& g : pc.selections) {
      auto it = cx.selection_span.find(g);
      if (it == cx.selection_span.end()) {
        cx.findings.loss("case members that are not imported text selections", pc.name);
        continue;
      }
      auto [doc, a, b] = it->second;
      bool dup = false;
      for (const auto& m : pc.members) dup |= m.doc == doc && m.start == a && m.end == b;
      if (!dup) pc.members.push_back({doc, a, b});
    }
  }
  pugi::xml_node links = child_named(root, "Links");
  if (!links) return;
  std::set<std::tuple<std::string, int, int>> seen;
  // A relation reads one way or both: the built-in ones as Telaah defines them, others as first seen.
  std::map<std::string, bool> directed = {
      {"corroborates", false}, {"contradicts", false}, {"explains", true}, {"impedes", true}};
  for (const auto& l : children_named(links, "Link")) {
    auto a = cx.selection_coding.find(canonical_guid(attr(l, "originGUID")));
    auto b = cx.selection_coding.find(canonical_guid(attr(l, "targetGUID")));
    std::string name = attr(l, "name");
    if (a == cx.selection_coding.end() || b == cx.selection_coding.end()) {
      cx.findings.loss("links between items other than imported coded passages", name);
      continue;
    }
    if (a->second == b->second) {
      cx.findings.loss("links from a passage to itself", name);
      continue;
    }
    if (store::is_blank(name) || store::parse_id(name)) name = "linked" + (name.empty() ? "" : " " + name);
    PlanLink pl;
    pl.from = a->second;
    pl.to = b->second;
    pl.name = name;
    pl.directed = directed.emplace(name, attr(l, "direction") == "OneWay").first->second;
    pl.colour = attr(l, "color");
    if (pl.colour.size() == 4 && pl.colour[0] == '#')  // #RGB -> #RRGGBB
      pl.colour =
          std::string("#") + pl.colour[1] + pl.colour[1] + pl.colour[2] + pl.colour[2] + pl.colour[3] + pl.colour[3];
    if (!store::valid_colour(pl.colour)) pl.colour = "#888888";
    pl.memo = cx.note_text(l, true);
    const auto key =
        pl.directed || pl.from < pl.to ? std::make_tuple(name, pl.from, pl.to) : std::make_tuple(name, pl.to, pl.from);
    if (!seen.insert(key).second) {
      cx.findings.deviation("links given twice (kept once)", name);
      continue;
    }
    cx.plan.links.push_back(std::move(pl));
  }
}

void plan_project(Context& cx, const pugi::xml_node& root) {
  ImportReport& r = cx.report;
  r.project_name = attr(root, "name");
  r.origin = attr(root, "origin");
  cx.project_user = attr(root, "creatingUserGUID");
  if (attr(root, "xmlns") != refi::kProjectNs)
    cx.findings.deviation("a root element without the REFI-QDA namespace " + std::string(refi::kProjectNs),
                          attr(root, "xmlns"));
  // Notes first: codes, sources and codings refer to them.
  if (pugi::xml_node notes = child_named(root, "Notes"))
    for (const auto& n : children_named(notes, "Note")) {
      ++r.notes.found;
      Context::Note note;
      note.title = attr(n, "name");
      note.body = child_text(n, "PlainTextContent");
      if (note.body.empty() && !attr(n, "plainTextPath").empty())
        if (auto b = cx.files.fetch(attr(n, "plainTextPath"), cx.findings)) {
          if (text::find_invalid_utf8(*b))
            cx.findings.deviation("note files that are not UTF-8 (bad bytes replaced by U+FFFD)", note.title);
          note.body = store::sanitise_utf8(*b);
        }
      std::string d = child_text(n, "Description");
      if (!d.empty()) note.body = d + (note.body.empty() ? "" : "\n\n" + note.body);
      cx.notes[canonical_guid(attr(n, "guid"))] = note;
    }
  if (pugi::xml_node users = child_named(root, "Users"))
    for (const auto& u : children_named(users, "User")) {
      ++r.users.found;
      std::string name = attr(u, "name");
      if (name.empty()) name = attr(u, "id");
      std::string g = canonical_guid(attr(u, "guid"));
      if (name.empty()) name = "user " + g.substr(0, 8);
      bool created = false;
      const int idx = cx.coder_named(name, &created);
      if (!created)
        cx.findings.deviation("users with the same name (merged into one coder)", name);
      else
        ++r.users.imported;
      cx.coder_by_guid[g] = idx;
    }
  if (r.users.found == 1) cx.sole_user = cx.coder_by_guid.begin()->first;
  if (pugi::xml_node cb = child_named(root, "CodeBook"))
    if (pugi::xml_node codes = child_named(cb, "Codes")) plan_codes(cx, codes, -1);
  if (pugi::xml_node vars = child_named(root, "Variables"))
    for (const auto& v : children_named(vars, "Variable"))
      cx.variables[canonical_guid(attr(v, "guid"))] = {attr(v, "name"), attr(v, "typeOfVariable")};
  if (pugi::xml_node cases = child_named(root, "Cases")) plan_cases(cx, cases);
  if (pugi::xml_node sets = child_named(root, "Sets")) plan_sets(cx, sets);
  if (pugi::xml_node sources = child_named(root, "Sources")) {
    for (pugi::xml_node s = sources.first_child(); s; s = s.next_sibling())
      if (s.type() == pugi::node_element) ++r.sources.found;
    r.text_selections.found = static_cast<int64_t>(descendants_named(sources, "PlainTextSelection").size());
    for (const char* k :
         {"PDFSelection", "PictureSelection", "AudioSelection", "VideoSelection", "TranscriptSelection"})
      r.other_selections.found += static_cast<int64_t>(descendants_named(sources, k).size());
    r.codings.found = static_cast<int64_t>(descendants_named(sources, "Coding").size());
    if (cx.opt.progress) cx.opt.progress("reading " + std::to_string(r.sources.found) + " sources");
    plan_sources(cx, sources);
  }
  plan_cases_and_links(cx, root);  // before unused notes become project memos: link memos are used
  std::string desc = child_text(root, "Description");
  if (!desc.empty()) cx.plan.memos.push_back({"project", -1, "Project description", desc});
  for (const auto& nr : children_named(root, "NoteRef")) {
    auto it = cx.notes.find(canonical_guid(attr(nr, "targetGUID")));
    if (it == cx.notes.end()) continue;
    it->second.used = true;
    cx.plan.memos.push_back({"project", -1, it->second.title, it->second.body});
  }
  for (auto& [g, n] : cx.notes)
    if (!n.used) {
      cx.plan.memos.push_back({"project", -1, n.title, n.body});
      cx.findings.deviation("notes attached to nothing Telaah imports (kept as project memos)", n.title);
      n.used = true;
    }
  r.notes.imported = r.notes.found;

  if (pugi::xml_node graphs = child_named(root, "Graphs"))
    for (const auto& g : children_named(graphs, "Graph")) cx.findings.loss("graphs (networks)", attr(g, "name"));
  r.codings.imported = static_cast<int64_t>(cx.plan.codings.size());
}

void plan_codebook(Context& cx, const pugi::xml_node& root) {
  cx.report.origin = attr(root, "origin");
  if (attr(root, "xmlns") != refi::kCodebookNs)
    cx.findings.deviation("a root element without the REFI-QDA codebook namespace " + std::string(refi::kCodebookNs),
                          attr(root, "xmlns"));
  if (pugi::xml_node codes = child_named(root, "Codes")) plan_codes(cx, codes, -1);
  if (pugi::xml_node sets = child_named(root, "Sets")) plan_sets(cx, sets);
}

// Creates the project from the plan: one action, one undo step.
int64_t apply(const Plan& plan, store::Project& p, const std::string& label, const ImportOptions& opt) {
  auto say = [&](const std::string& s) {
    if (opt.progress) opt.progress(s);  // may throw to cancel: the action rolls back
  };
  auto act = p.begin_action(label);
  say("adding " + std::to_string(plan.docs.size()) + " documents");
  size_t colour = 0;
  for (const auto& t : plan.new_source_types) p.add_source_type(t, kPalette[colour++ % std::size(kPalette)]);
  std::vector<store::Id> doc_ids;
  if (!plan.docs.empty()) doc_ids = p.add_documents(plan.docs, label);
  std::vector<store::Id> coder_ids;
  for (const auto& c : plan.coders) coder_ids.push_back(p.ensure_coder(c));
  std::vector<store::Code> codes;
  std::vector<int> parents;
  codes.reserve(plan.codes.size());
  for (const auto& pc : plan.codes) {
    codes.push_back(pc.code);
    parents.push_back(pc.parent);
  }
  const std::vector<store::Id> code_ids = p.add_codes(std::move(codes), parents);  // linear in the codes
  say("adding " + std::to_string(plan.codings.size()) + " codings");
  std::vector<store::Coding> cs;
  cs.reserve(plan.codings.size());
  for (const auto& pc : plan.codings) {
    store::Coding c;
    c.doc = doc_ids[static_cast<size_t>(pc.doc)];
    if (pc.area && pc.span_from_area) {
      const auto [a, b] = store::area_span(p, c.doc, *pc.area, true);
      c.start = a;
      c.end = b;
    }
    c.code = code_ids[static_cast<size_t>(pc.code)];
    c.coder = coder_ids[static_cast<size_t>(pc.coder)];
    if (!(pc.area && pc.span_from_area)) {
      c.start = pc.start;
      c.end = pc.end;
    }
    c.stance = pc.stance;
    c.memo = pc.memo;
    c.created = pc.created;
    c.modified = pc.modified.empty() ? pc.created : pc.modified;
    c.origin = "import: " + label.substr(label.find(' ') + 1);
    cs.push_back(std::move(c));
  }
  std::vector<store::Id> coding_ids;
  if (!cs.empty()) coding_ids = p.add_codings(cs, label);
  for (size_t i = 0; i < plan.codings.size(); ++i)
    if (plan.codings[i].area) store::add_area(p, coding_ids[i], *plan.codings[i].area);
  apply_media(plan, p, doc_ids, coding_ids);  // recordings (refi_import_media.cpp)
  for (const auto& pc : plan.cases) {
    store::add_case(p, pc.name, pc.description, pc.attributes);
    for (const auto& m : pc.members)
      store::assign_to_case(p, pc.name, doc_ids[static_cast<size_t>(m.doc)], m.start, m.end);
  }
  if (!plan.links.empty()) {
    std::map<std::string, bool> types;  // name -> directed
    for (const auto& t : store::link_types(p)) types[t.name] = t.directed;
    for (const auto& l : plan.links) {
      if (!types.count(l.name)) {
        store::add_link_type(p, l.name, l.directed, l.colour);
        types[l.name] = l.directed;
      }
      store::add_link(p, coding_ids[static_cast<size_t>(l.from)], coding_ids[static_cast<size_t>(l.to)], l.name,
                      l.memo);
    }
  }
  for (const auto& m : plan.memos) {
    store::Id target = 0;
    if (m.kind == "document") target = doc_ids[static_cast<size_t>(m.target)];
    if (m.kind == "code") target = code_ids[static_cast<size_t>(m.target)];
    p.add_memo(m.kind, target, m.title, m.body);
  }
  return act.commit();
}

std::string read_file(const fs::path& f, const ingest::Limits& limits) {
  std::error_code ec;
  if (!fs::is_regular_file(f, ec)) throw NotFound("no file " + f.string());
  auto size = fs::file_size(f, ec);
  if (ec) throw UserError("cannot read " + f.string() + ": " + ec.message());
  if (size > limits.max_zip_total)
    throw ExchangeError(f.filename().string() + " is " + std::to_string(size >> 20) + " MB, over the import limit of " +
                        std::to_string(limits.max_zip_total >> 20) + " MB");
  std::ifstream in(f, std::ios::binary);
  if (!in) throw UserError("cannot read " + f.string() + " (permission denied?)");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void remove_project_files(const fs::path& p) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"}) {
    fs::path f = p;
    f += suffix;
    fs::remove(f, ec);
  }
}

// The project is written as ".NAME.import-PID" beside NAME and renamed at the end.
const char* const kTempInfix = ".import-";

fs::path temp_name(const fs::path& project) {
  return project.parent_path() / ("." + project.filename().string() + kTempInfix + std::to_string(::getpid()));
}

// Temporary files of imports into the same name whose process is gone (killed):
// removed, so that a rerun starts clean.
void remove_stale_temps(const fs::path& project) {
  const std::string prefix = "." + project.filename().string() + kTempInfix;
  std::error_code ec;
  fs::path dir = project.parent_path().empty() ? fs::path(".") : project.parent_path();
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string n = it->path().filename().string();
    if (n.rfind(prefix, 0) != 0) continue;
    size_t i = prefix.size(), j = i;
    while (j < n.size() && std::isdigit(static_cast<unsigned char>(n[j]))) ++j;
    if (j == i || j - i > 9) continue;
    const std::string rest = n.substr(j);
    if (!(rest.empty() || rest == "-wal" || rest == "-shm" || rest == "-journal" || rest == ".lock")) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(n.substr(i, j - i)));
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;  // still running (or not ours to judge)
    stale.push_back(it->path());
  }
  for (const auto& f : stale) fs::remove(f, ec);
}

}  // namespace
}  // namespace detail

ImportReport import_refi(const fs::path& file, const fs::path& project, const ImportOptions& opt) {
  using namespace detail;
  std::error_code ec;
  if (fs::exists(project, ec))
    throw UserError(project.string() + " exists already: import-qdpx creates a new project (choose another name)");
  ImportReport report;
  report.file = file.string();
  Findings findings;
  const std::string fname = file.filename().string();
  if (opt.progress) opt.progress("reading " + fname);
  std::string bytes = read_file(file, opt.limits);

  // The archive or the XML itself.
  std::unique_ptr<ingest::ZipArchive> zip;
  std::string xml, xml_name = fname;
  if (bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0) {
    try {
      zip = std::make_unique<ingest::ZipArchive>(bytes, opt.limits, fname);
    } catch (const ingest::ImportError& e) {
      throw ExchangeError(std::string("cannot import this .qdpx (a zip archive): ") + e.what());
    }
    std::optional<std::string> qde;
    for (const auto& n : zip->names())
      if (n == "project.qde") qde = n;
    if (!qde)
      for (const auto& n : zip->names()) {
        std::string l = n;
        for (auto& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (l == "project.qde" ||
            (l.size() > 4 && l.compare(l.size() - 4, 4, ".qde") == 0 && n.find('/') == std::string::npos)) {
          qde = n;
          findings.deviation("the project file is named '" + n + "' instead of 'project.qde'");
          break;
        }
      }
    if (!qde)  // some tools zip the export folder itself
      for (const auto& n : zip->names()) {
        std::string l = n;
        for (auto& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (l.size() > 4 && l.compare(l.size() - 4, 4, ".qde") == 0) {
          qde = n;
          findings.deviation("the project file is '" + n +
                             "', inside a folder of the archive, instead of 'project.qde' at its top");
          break;
        }
      }
    if (!qde) throw ExchangeError(fname + " holds no project.qde: it is not a REFI-QDA project exchange file");
    report.format = "qdpx";
    xml_name = fname + ": " + *qde;
    try {
      xml = *zip->read(*qde);
    } catch (const ingest::ImportError& e) {
      throw ExchangeError(e.what());
    }
  } else {
    xml = std::move(bytes);
  }
  pugi::xml_document doc;
  if (int64_t fixed = parse_xml_safely(doc, xml, xml_name))
    findings.deviation("names or texts in the XML that are not valid UTF-8 (bad bytes replaced by U+FFFD)",
                       std::to_string(fixed) + " in " + xml_name);
  pugi::xml_node root = doc.document_element();
  const std::string_view kind = local_name(root);
  if (kind == "CodeBook")
    report.format = "qdc";
  else if (kind == "Project") {
    if (report.format.empty()) report.format = "qde";
  } else
    throw ExchangeError(xml_name + " is XML but not REFI-QDA (its root element is <" + std::string(root.name()) +
                        ">, not <Project> or <CodeBook>)");

  FileStore files(std::move(zip), report.format == "qde" ? file.parent_path() : fs::path(), opt.sources_dir, opt.limits,
                  opt.strict);
  Context cx(opt, report, findings, files);
  try {
    if (kind == "CodeBook")
      plan_codebook(cx, root);
    else
      plan_project(cx, root);
  } catch (const ingest::ImportError& e) {
    throw ExchangeError(e.what());
  }
  report.deviations = findings.deviations();
  report.losses = findings.losses();

  // Only now the project file: all-or-nothing.
  if (opt.progress) opt.progress("creating " + project.filename().string());
  if (fs::exists(project, ec))
    throw UserError(project.string() + " appeared while reading " + fname + "; nothing was changed");
  store::OpenOptions oo;
  oo.create = true;
  oo.coder = cx.plan.coders.empty() ? opt.coder_fallback : cx.plan.coders.front();
  // Written aside and renamed: an interrupted import leaves nothing under the final name.
  remove_stale_temps(project);
  const fs::path temp = temp_name(project);
  remove_project_files(temp);
  if (opt.on_temp_file) opt.on_temp_file(temp);
  auto forget_temp = [&] {
    if (opt.on_temp_file) opt.on_temp_file(fs::path());
  };
  std::unique_ptr<store::Project> p;
  try {
    p = store::Project::create(temp, oo);
    cx.plan.project = project;
    report.revision = apply(cx.plan, *p, "Import " + fname, opt);
    p.reset();  // closed: checkpointed, no WAL left
    // The final name only now, and never over a file that appeared meanwhile.
    if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, project.c_str(), RENAME_NOREPLACE) != 0) {
      const int err = errno;
      if (err == EEXIST)
        throw UserError(project.string() + " appeared while importing " + fname + "; nothing was changed");
      throw UserError("cannot create " + project.string() + ": " + std::strerror(err));
    }
  } catch (...) {
    p.reset();
    remove_project_files(temp);
    forget_temp();
    throw;
  }
  // The lock file vouches for the closed file (same inode): it moves along, unless one is there already.
  fs::path temp_lock = temp, lock = project;
  temp_lock += ".lock";
  lock += ".lock";
  if (fs::exists(lock, ec) || ::renameat2(AT_FDCWD, temp_lock.c_str(), AT_FDCWD, lock.c_str(), RENAME_NOREPLACE) != 0)
    fs::remove(temp_lock, ec);
  remove_project_files(temp);  // -wal/-shm if SQLite left any (none after a clean close)
  forget_temp();
  return report;
}

}  // namespace telaah::exchange
