// REFI-QDA import helpers: grouped findings, file lookup inside archives and
// folders (tolerating Sources/, missing internal://, files at the root),
// users, notes and variable values.
#include <cstring>
#include <fstream>

#include "exchange/guid.h"
#include "exchange/refi_import_plan.h"
#include "exchange/refi_names.h"
#include "exchange/xml.h"

namespace fs = std::filesystem;

namespace telaah::exchange::detail {

constexpr size_t kExamples = 5;

void Findings::add(std::vector<Group>& gs, const std::string& kind, const std::string& example) {
  for (auto& g : gs)
    if (g.kind == kind) {
      ++g.count;
      if (!example.empty() && g.examples.size() < kExamples) g.examples.push_back(example);
      return;
    }
  gs.push_back({kind, 1, example.empty() ? std::vector<std::string>{} : std::vector<std::string>{example}});
}

std::vector<std::string> Findings::lines(const std::vector<Group>& gs) {
  std::vector<std::string> out;
  for (const auto& g : gs) {
    std::string l = g.kind + " [" + std::to_string(g.count) + "]";
    if (!g.examples.empty()) {
      l += ": ";
      for (size_t i = 0; i < g.examples.size(); ++i) l += (i ? "; " : "") + g.examples[i];
      if (g.count > static_cast<int64_t>(g.examples.size()))
        l += "; and " + std::to_string(g.count - static_cast<int64_t>(g.examples.size())) + " more";
    }
    out.push_back(l);
  }
  return out;
}

std::string attr(const pugi::xml_node& n, const char* name) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view an = a.name();
    size_t c = an.find(':');
    if ((c == std::string_view::npos ? an : an.substr(c + 1)) == name) return a.value();
  }
  return "";
}

FileStore::FileStore(std::unique_ptr<ingest::ZipArchive> zip, fs::path folder, fs::path extra,
                     const ingest::Limits& limits, bool strict)
    : zip_(std::move(zip)), folder_(std::move(folder)), extra_(std::move(extra)), limits_(limits), strict_(strict) {}

// `p` resolved (symlinks followed) lies inside the folder `root`.
static bool inside(const fs::path& root, const fs::path& p) {
  std::error_code ec;
  const fs::path r = fs::weakly_canonical(root, ec);
  if (ec) return false;
  const fs::path c = fs::weakly_canonical(p, ec);
  if (ec) return false;
  auto ri = r.begin(), ci = c.begin();
  for (; ri != r.end(); ++ri, ++ci) {
    if (ri->empty() && std::next(ri) == r.end()) break;  // a trailing separator
    if (ci == c.end() || *ri != *ci) return false;
  }
  return true;
}

std::optional<std::string> FileStore::from_disk(const fs::path& root, const fs::path& p) {
  std::error_code ec;
  if (!inside(root, p)) return std::nullopt;  // a symlink or ../ that leads out of the folder
  if (!fs::is_regular_file(p, ec)) return std::nullopt;
  if (fs::file_size(p, ec) > limits_.max_file_bytes) return std::nullopt;
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

static std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void FileStore::refuse(Findings& f, const std::string& kind, const std::string& path) {
  f.loss(kind, path);
  if (strict_) throw ExchangeError("refused with --strict: " + kind + ": " + path);
}

// Paths: internal://NAME (the standard) and a bare NAME are looked up by file
// name in the archive, or in the folder of a bare .qde (its sources/); a
// relative://, absolute:// or file:// path, an absolute path and any path
// that climbs with ../ lead outside the archive: they are read only from the
// folder the user gave with --sources, and only when they resolve (symlinks
// followed) inside it. Everything else is refused and named in the report.
std::optional<std::string> FileStore::fetch(const std::string& path, Findings& f, std::string* where) {
  std::string name = path;
  bool external = false;
  const auto scheme = [&](const char* s) { return lower(name.substr(0, std::strlen(s))) == s; };
  if (scheme("internal://"))
    name = name.substr(11);
  else if (scheme("relative://") || scheme("absolute://")) {
    name = name.substr(11);
    external = true;
  } else if (scheme("file://")) {
    name = name.substr(7);
    external = true;
  } else if (name.find("://") != std::string::npos) {
    refuse(f, "source paths with an unknown scheme (not read)", path);
    return std::nullopt;
  } else {
    f.deviation("source paths without the internal:// scheme (taken as files in sources/)", path);
  }
  std::replace(name.begin(), name.end(), '\\', '/');
  if (name.empty()) return std::nullopt;
  const bool absolute =
      name.front() == '/' || (name.size() >= 2 && std::isalpha(static_cast<unsigned char>(name[0])) && name[1] == ':');
  bool climbs = false;
  for (const auto& part : fs::path(name))
    if (part == "..") climbs = true;
  if (!external && (absolute || climbs)) external = true;  // "internal://../../etc/passwd", "/etc/passwd"
  const std::string base = name.substr(name.find_last_of('/') == std::string::npos ? 0 : name.find_last_of('/') + 1);
  if (base.empty() || base == "." || base == "..") {
    refuse(f, "source paths that name no file (not read)", path);
    return std::nullopt;
  }
  if (where) *where = base;
  if (external) {
    if (extra_.empty()) {
      refuse(f,
             "source paths outside the archive (relative://, absolute://, file://, an absolute path or ../; not "
             "read: give --sources DIR to allow files from that folder)",
             path);
      return std::nullopt;
    }
    const fs::path want = absolute ? fs::path(name) : extra_ / name;
    if (auto b = from_disk(extra_, want)) {
      f.deviation("source files read from the folder given with --sources", path);
      return b;
    }
    if (auto b = from_disk(extra_, extra_ / base)) {
      f.deviation("source files found by name in the folder given with --sources", path);
      return b;
    }
    refuse(f,
           "source paths outside the archive that are not in the folder given with --sources (not read; a path "
           "that leads out of that folder is refused)",
           path);
    return std::nullopt;
  }
  if (zip_) {
    const auto& names = zip_->names();
    auto exact = [&](const std::string& want) -> std::optional<std::string> {
      for (const auto& n : names) {
        std::string norm = n;
        std::replace(norm.begin(), norm.end(), '\\', '/');
        if (norm == want) return n;
      }
      return std::nullopt;
    };
    auto folded = [&](const std::string& want) -> std::optional<std::string> {
      for (const auto& n : names) {
        std::string norm = n;
        std::replace(norm.begin(), norm.end(), '\\', '/');
        if (lower(norm) == lower(want)) return n;
      }
      return std::nullopt;
    };
    if (auto n = exact("sources/" + base)) {
      if (n->find('\\') != std::string::npos) f.deviation("archive entries with backslashes in their names", *n);
      return zip_->read(*n);
    }
    if (auto n = folded("sources/" + base)) {
      f.deviation("source folders or file names in another letter case than the standard's sources/ (e.g. Sources/)",
                  *n);
      return zip_->read(*n);
    }
    if (auto n = folded(base)) {
      f.deviation("source files at the top of the archive instead of in sources/", *n);
      return zip_->read(*n);
    }
    for (const auto& n : names) {  // anywhere else in the archive
      std::string norm = n;
      std::replace(norm.begin(), norm.end(), '\\', '/');
      size_t slash = norm.find_last_of('/');
      if (slash != std::string::npos && lower(norm.substr(slash + 1)) == lower(base)) {
        f.deviation("source files in a folder other than sources/", n);
        return zip_->read(n);
      }
    }
  }
  if (!folder_.empty())
    for (const char* dir : {"sources", "Sources", ""})
      if (auto b = from_disk(folder_, folder_ / dir / base)) return b;
  if (!extra_.empty())
    if (auto b = from_disk(extra_, extra_ / base)) {
      f.deviation("source files found in the folder given with --sources", base);
      return b;
    }
  return std::nullopt;
}

int Context::coder_for(const std::string& user_guid) {
  std::string g = canonical_guid(user_guid);
  if (g.empty()) g = canonical_guid(project_user);
  if (g.empty() && !sole_user.empty()) {
    findings.deviation("codings that name no user (given to the file's only user)");
    g = sole_user;
  }
  if (auto it = coder_by_guid.find(g); it != coder_by_guid.end()) return it->second;
  std::string name = g.empty() ? opt.coder_fallback : "user " + g.substr(0, 8);
  if (g.empty())
    findings.deviation("codings that name no user (given to coder '" + opt.coder_fallback + "')");
  else
    findings.deviation("codings by users missing from the Users list (coder named after the GUID)", g);
  int idx = coder_named(name);
  coder_by_guid[g] = idx;
  return idx;
}

int Context::coder_named(const std::string& name, bool* created) {
  auto [it, fresh] = coder_by_name.try_emplace(name, static_cast<int>(plan.coders.size()));
  if (fresh) plan.coders.push_back(name);
  if (created) *created = fresh;
  return it->second;
}

void Context::bad_value(const std::string& kind, const std::string& example) {
  findings.loss(kind, example);
  if (opt.strict) throw ExchangeError("refused with --strict: " + kind + ": " + example);
}

std::string Context::note_text(const pugi::xml_node& owner, bool consume) {
  std::string out;
  for (const auto& nr : children_named(owner, "NoteRef")) {
    auto it = notes.find(canonical_guid(attr(nr, "targetGUID")));
    if (it == notes.end()) {
      findings.loss("references to notes the file does not contain");
      continue;
    }
    if (consume) it->second.used = true;
    const std::string& b = it->second.body.empty() ? it->second.title : it->second.body;
    if (!b.empty()) out += (out.empty() ? "" : "\n\n") + b;
  }
  return out;
}

std::string variable_value(const pugi::xml_node& vv, std::string* kind) {
  for (const char* k : {"TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue"})
    if (pugi::xml_node v = child_named(vv, k)) {
      if (kind) *kind = k;
      return v.text().get();
    }
  return "";
}

static bool valid_telaah_date(const std::string& d) {
  if (d.size() == 4) return is_xsd_integer(d) && d[0] != '-' && d[0] != '+';
  if (d.size() == 7) return is_xsd_date(d + "-01");
  return is_xsd_date(d);
}

void apply_variable(Context& cx, store::NewDocument& d, const std::string& var_name, const std::string& var_type,
                    const std::string& value) {
  if (var_name == refi::kVarSourceType && !value.empty()) {
    d.source_type = value;
    static const char* kDefaults[] = {"interview", "news", "official"};
    if (std::find(std::begin(kDefaults), std::end(kDefaults), value) == std::end(kDefaults) &&
        std::find(cx.plan.new_source_types.begin(), cx.plan.new_source_types.end(), value) ==
            cx.plan.new_source_types.end())
      cx.plan.new_source_types.push_back(value);
    return;
  }
  if (var_name == refi::kVarLanguage) {
    d.language = value;
    return;
  }
  if (var_name == refi::kVarAuthor) {
    d.author = value;
    return;
  }
  if (var_name == refi::kVarDate) {
    if (valid_telaah_date(value)) {
      d.date = value;
      return;
    }
    if (!value.empty() && (var_type == "Date" || var_type == "DateTime" || is_xsd_integer(value.substr(0, 4)))) {
      cx.bad_value("dates that are not calendar dates (the document's date is left empty; set it in Telaah)",
                   d.title + ": " + value);
      return;
    }
  }
  std::string name = var_name;
  const std::string suffix = refi::kAttributeSuffix;
  if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
      refi::is_reserved_variable(name.substr(0, name.size() - suffix.size())))
    name = name.substr(0, name.size() - suffix.size());
  if (name.empty()) name = "variable";
  store::Attribute a{name, "text", value};
  if ((var_type == "Integer" || var_type == "Float") && is_xsd_decimal(value))
    a.type = "number";
  else if (var_type == "Date" && is_xsd_date(value))
    a.type = "date";
  for (auto& have : d.attributes)
    if (have.name == a.name) {
      if (have.value == a.value) return;
      // Several cases or sets give one source several values: keep them all.
      have.value += "; " + a.value;
      have.type = "text";
      cx.findings.deviation("sources with several values for one variable (joined with '; ')", d.title + ": " + a.name);
      return;
    }
  d.attributes.push_back(std::move(a));
}

}  // namespace telaah::exchange::detail
