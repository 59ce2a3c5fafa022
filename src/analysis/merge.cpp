// Merging the codings of another project into this one (see merge.h):
// plan first (match documents, codes and coders, find duplicates and
// conflicts), then apply the plan as one undoable action.
#include "analysis/merge.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "store/backup.h"
#include "store/project.h"
#include "store/util.h"

namespace fs = std::filesystem;

namespace telaah::analysis {

const char* to_string(MergeConflict::Kind k) {
  switch (k) {
    case MergeConflict::document_missing:
      return "document missing";
    case MergeConflict::text_differs:
      return "text differs";
    case MergeConflict::code_missing:
      return "code missing";
    case MergeConflict::code_renamed:
      return "code renamed";
    case MergeConflict::coder_clash:
      return "coder clash";
    default:
      return "coder missing";
  }
}

namespace {

std::map<Id, std::string> code_paths(const std::vector<store::Code>& codes) {
  std::unordered_map<Id, const store::Code*> by_id;
  for (const auto& c : codes) by_id[c.id] = &c;
  std::map<Id, std::string> out;
  for (const auto& c : codes) {  // tree order: a parent's path is known before its children's
    out[c.id] = c.parent ? out[*c.parent] + "/" + c.name : c.name;
  }
  return out;
}

using Key = std::tuple<Id, int64_t, int64_t, Id, std::string>;  // doc, start, end, code, coder name

std::string plural(int64_t n, const std::string& what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

}  // namespace

MergeReport merge_project(store::Project& p, const fs::path& other, const MergeOptions& opt) {
  std::error_code ec;
  if (fs::exists(other, ec) && fs::equivalent(p.path(), other, ec))
    throw UserError("cannot merge a project into itself (" + other.string() + ")");
  store::OpenOptions oo;
  auto o = store::Project::open(other, oo);
  auto r = merge_project(p, *o, opt);
  r.other = other;
  return r;
}

MergeReport merge_project(store::Project& p, const store::Project& o, const MergeOptions& opt) {
  MergeReport rep;
  rep.other = o.path();
  rep.same_lineage = p.project_id() == o.project_id();
  const std::string other_name = o.path().filename().string();
  if (!opt.as_coder.empty() && opt.as_coder.find_first_not_of(' ') == std::string::npos)
    throw ValidationError("the coder to merge as needs a name");

  // --- coders of the other project ---
  std::map<Id, std::string> other_coders;
  std::string known;
  for (const auto& c : o.coders()) {
    other_coders[c.id] = c.name;
    known += (known.empty() ? "" : ", ") + c.name;
  }
  store::CodingFilter f;
  if (!opt.only_coder.empty()) {
    auto id = o.find_coder(opt.only_coder);
    if (!id)
      throw NotFound("no coder '" + opt.only_coder + "' in " + other_name +
                     " (its coders: " + (known.empty() ? "none" : known) + ")");
    f.coder = *id;
  }
  const auto incoming = o.codings(f);
  rep.considered = static_cast<int64_t>(incoming.size());
  auto target_coder = [&](Id other_coder) {
    return opt.as_coder.empty() ? other_coders.at(other_coder) : opt.as_coder;
  };

  // --- documents: by the original's hash, the text must be the same ---
  std::multimap<std::string, store::Document> by_sha;
  const auto pdocs = p.documents();
  for (const auto& d : pdocs) by_sha.emplace(d.sha256, d);
  std::optional<std::map<std::string, Id>> by_text;  // text hash -> document, computed when first needed
  std::map<Id, std::optional<Id>> doc_map;           // other doc -> this project's doc
  std::map<Id, int64_t> per_doc;
  for (const auto& c : incoming) ++per_doc[c.doc];
  for (const auto& [od, n] : per_doc) {
    const store::Document odoc = o.document(od);
    const std::string otext_sha = store::sha256_hex(o.text(od));
    std::optional<Id> match;
    bool same_file_other_text = false;
    auto [lo, hi] = by_sha.equal_range(odoc.sha256);
    for (auto it = lo; it != hi && !match; ++it) {
      if (it->second.length_cp == odoc.length_cp && store::sha256_hex(p.text(it->second.id)) == otext_sha)
        match = it->second.id;
      else
        same_file_other_text = true;
    }
    if (!match) {
      if (!by_text) {
        by_text.emplace();
        for (const auto& d : pdocs) by_text->emplace(store::sha256_hex(p.text(d.id)), d.id);
      }
      if (auto it = by_text->find(otext_sha); it != by_text->end()) match = it->second;
    }
    doc_map[od] = match;
    if (match)
      ++rep.documents_matched;
    else if (same_file_other_text)
      rep.conflicts.push_back({MergeConflict::text_differs,
                               "'" + odoc.title +
                                   "' is the same file as a document here, but its text differs (imported by "
                                   "another version or with other options): its " +
                                   plural(n, "coding") + " would land on the wrong words and are not merged",
                               n});
    else
      rep.conflicts.push_back({MergeConflict::document_missing,
                               "'" + odoc.title + "' is not in this project (no document with the same content): its " +
                                   plural(n, "coding") + " are not merged; import the document first",
                               n});
  }

  // --- codes: by id within one lineage, else by path ---
  const auto pcodes = p.codes(), ocodes = o.codes();
  auto ppath = code_paths(pcodes);
  const auto opath = code_paths(ocodes);
  std::map<std::string, Id> by_path;
  for (const auto& [id, path] : ppath) by_path[path] = id;
  std::map<Id, std::optional<Id>> code_map;
  std::map<Id, int64_t> per_code;
  for (const auto& c : incoming)
    if (doc_map[c.doc]) ++per_code[c.code];
  std::vector<std::string> to_create;
  for (const auto& [oc, n] : per_code) {
    const std::string& path = opath.at(oc);
    std::optional<Id> match;
    auto same_path = by_path.find(path);
    if (rep.same_lineage && ppath.count(oc)) {
      // Same id, other path: renamed or moved in one copy, unless this
      // project has the very path elsewhere (then the id was reused).
      if (ppath[oc] == path || same_path == by_path.end()) match = oc;
      if (match && ppath[oc] != path)
        rep.conflicts.push_back({MergeConflict::code_renamed,
                                 "code '" + path + "' of " + other_name + " is '" + ppath[oc] +
                                     "' here (same code, renamed or moved): its codings are merged into '" + ppath[oc] +
                                     "'",
                                 n});
    }
    if (!match && same_path != by_path.end()) match = same_path->second;
    if (!match) {
      if (opt.create_codes)
        to_create.push_back(path);
      else {
        rep.conflicts.push_back({MergeConflict::code_missing,
                                 "code '" + path + "' is not in this codebook: its " + plural(n, "coding") +
                                     " are not merged (merge with --create-codes to create it)",
                                 n});
      }
    }
    code_map[oc] = match;
  }

  // --- codings: skip what is already here ---
  std::map<Id, std::string> pcoder_names;
  for (const auto& c : p.coders()) pcoder_names[c.id] = c.name;
  std::set<Key> present;
  std::map<std::string, std::set<Key>> present_by_coder;
  for (const auto& [od, pd] : doc_map) {
    if (!pd) continue;
    store::CodingFilter in_doc;
    in_doc.doc = *pd;
    for (const auto& c : p.codings(in_doc)) present.insert({c.doc, c.start, c.end, c.code, pcoder_names[c.coder]});
  }
  struct Planned {
    store::Coding c;
    std::string coder, code_path;  // code_path set when the code is still to be created
  };
  std::vector<Planned> plan;
  std::set<Key> incoming_keys, planned;
  std::map<std::string, Id> pending_codes;
  std::map<std::string, int64_t> new_by_coder;
  for (const auto& c : incoming) {
    const auto pd = doc_map[c.doc];
    if (!pd) {
      ++rep.skipped;
      continue;
    }
    const auto pc = code_map[c.code];
    if (!pc && !opt.create_codes) {
      ++rep.skipped;
      continue;
    }
    const std::string coder = target_coder(c.coder);
    // Codes still to be created get their id at apply time: a stand-in id per path.
    Id code_key = 0;
    if (pc)
      code_key = *pc;
    else {
      auto it = pending_codes.emplace(opath.at(c.code), -static_cast<Id>(pending_codes.size()) - 1).first;
      code_key = it->second;
    }
    Key k{*pd, c.start, c.end, code_key, coder};
    incoming_keys.insert(k);
    if (present.count(k) || !planned.insert(k).second) {
      ++rep.duplicates;
      continue;
    }
    Planned pl;
    pl.c = c;
    pl.c.id = 0;
    pl.c.doc = *pd;
    pl.c.code = pc ? *pc : 0;
    pl.c.origin = "merge: " + other_name + (c.origin.empty() ? "" : " (" + c.origin + ")");
    pl.coder = coder;
    if (!pc) pl.code_path = opath.at(c.code);
    plan.push_back(std::move(pl));
    ++new_by_coder[coder];
  }

  // --- coders: a name in both projects may be two people ---
  for (const auto& [name, n] : new_by_coder) {
    if (!p.find_coder(name)) {
      rep.coders_added.push_back(name);
      continue;
    }
    if (!opt.as_coder.empty()) continue;  // the researcher chose the name deliberately
    if (!rep.same_lineage) {
      rep.conflicts.push_back(
          {MergeConflict::coder_clash,
           "coder '" + name + "' exists in both projects: " + plural(n, "coding") +
               " are merged as one coder's; if they are two people, merge again with --as OTHER-NAME after undo",
           n});
      continue;
    }
    // One lineage: a clash when both copies gained codings under that name.
    int64_t here_only = 0;
    for (const auto& k : present)
      if (std::get<4>(k) == name && !incoming_keys.count(k)) ++here_only;
    if (here_only > 0)
      rep.conflicts.push_back(
          {MergeConflict::coder_clash,
           "coder '" + name + "' coded in both copies (" + plural(here_only, "coding") + " only here, " +
               plural(n, "coding") + " only in " + other_name +
               "): merged as one coder; if two people used that name, undo and merge with --as OTHER-NAME",
           n});
  }

  rep.added = static_cast<int64_t>(plan.size());
  rep.label = "Merge " + plural(rep.added, "coding") + " from " + other_name;
  rep.revision = p.revision();
  if (opt.dry_run || plan.empty()) {
    if (opt.dry_run) {
      std::sort(to_create.begin(), to_create.end());
      rep.codes_created = to_create;  // would be created
    }
    return rep;
  }

  // --- apply: a verified backup first (BackupFailed stops the merge), then one action ---
  store::backup_before(p, "merge");
  auto act = p.begin_action(rep.label);
  std::map<std::string, const store::Code*> ocode_by_path;
  for (const auto& c : ocodes) ocode_by_path[opath.at(c.id)] = &c;
  auto ensure_code = [&](const std::string& path, auto&& self) -> Id {
    if (auto it = by_path.find(path); it != by_path.end()) return it->second;
    const store::Code* src = ocode_by_path.at(path);
    store::Code c = *src;
    c.id = 0;
    c.parent.reset();
    if (auto slash = path.rfind('/'); slash != std::string::npos) c.parent = self(path.substr(0, slash), self);
    Id id = p.add_code(c);
    by_path[path] = id;
    rep.codes_created.push_back(path);
    return id;
  };
  std::map<std::string, Id> coder_ids;
  std::vector<store::Coding> batch;
  for (auto& pl : plan) {
    if (!coder_ids.count(pl.coder)) coder_ids[pl.coder] = p.ensure_coder(pl.coder);
    pl.c.coder = coder_ids[pl.coder];
    if (!pl.code_path.empty()) pl.c.code = ensure_code(pl.code_path, ensure_code);
    batch.push_back(pl.c);
  }
  p.add_codings(batch, rep.label);
  rep.revision = act.commit();
  return rep;
}

}  // namespace telaah::analysis
