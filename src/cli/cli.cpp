// The CLI driver: builds the CLI11 app from the registered subcommands and
// turns every error into one line on stderr and an exit status.
#include "cli/cli.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <iostream>
#include <streambuf>
#include <system_error>

#include "store/backup.h"
#include "store/errors.h"
#include "store/project.h"
#include "text/utf8.h"

namespace telaah::cli {

static std::vector<std::pair<int, Setup>>& registry() {
  static std::vector<std::pair<int, Setup>> r;
  return r;
}

Registrar::Registrar(int order, Setup setup) {
  registry().push_back({order, std::move(setup)});
}

std::unique_ptr<store::Project> open_project(const std::string& path, const std::string& coder) {
  store::OpenOptions o;
  o.coder = coder;
  auto p = store::Project::open(path, o);
  for (const auto& n : p->notices()) std::cerr << "telaah: note: " << n << "\n";
  return p;
}

std::unique_ptr<store::Project> open_for_reading(const std::string& path) {
  try {
    return open_project(path);
  } catch (const ProjectLocked& e) {
    auto p = store::Project::open_snapshot(path);
    std::cerr << "telaah: note: the project is open in another Telaah window or process"
              << (e.pid > 0 ? " (pid " + std::to_string(e.pid) + ")" : std::string())
              << "; reading what it last saved (revision " << p->revision() << ")\n";
    return p;
  }
}

// C0 controls but tab and newline, DEL, and the C1 controls (U+0080-U+009F,
// UTF-8 C2 80-C2 9F): what could move a terminal's cursor, recolour it, ring
// its bell or send it commands when a name or title holds them.
static bool is_control(unsigned char b) {
  return (b < 0x20 && b != '\n' && b != '\t') || b == 0x7F;
}

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (is_control(b)) continue;
    if (b == 0xC2 && i + 1 < s.size()) {
      const auto n = static_cast<unsigned char>(s[i + 1]);
      if (n >= 0x80 && n <= 0x9F) {
        ++i;
        continue;
      }
    }
    out += static_cast<char>(b);
  }
  return out;
}

namespace {

// Everything the commands print goes through terminal_safe (one filter on
// std::cout and std::cerr, so no printer can forget it). A C2 byte at the
// end of one write waits for the next to see whether it starts a C1 control.
class TerminalFilter : public std::streambuf {
 public:
  explicit TerminalFilter(std::streambuf* to) : to_(to) {}
  ~TerminalFilter() override { finish(); }
  void finish() {
    if (pending_) to_->sputc('\xC2');
    pending_ = false;
    to_->pubsync();
  }

 protected:
  int overflow(int c) override {
    if (c == traits_type::eof()) return 0;
    const char ch = static_cast<char>(c);
    put(&ch, 1);
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    put(s, static_cast<size_t>(n));
    return n;
  }
  int sync() override { return to_->pubsync(); }

 private:
  void put(const char* s, size_t n) {
    std::string buf;
    buf.reserve(n + 1);
    if (pending_) {
      buf += '\xC2';
      pending_ = false;
    }
    buf.append(s, n);
    if (!buf.empty() && static_cast<unsigned char>(buf.back()) == 0xC2) {
      pending_ = true;
      buf.pop_back();
    }
    const std::string clean = terminal_safe(buf);
    to_->sputn(clean.data(), static_cast<std::streamsize>(clean.size()));
  }
  std::streambuf* to_;
  bool pending_ = false;
};

// Installs the filter for the lifetime of run().
struct FilteredOutput {
  TerminalFilter out{std::cout.rdbuf()}, err{std::cerr.rdbuf()};
  std::streambuf *old_out, *old_err;
  FilteredOutput() : old_out(std::cout.rdbuf(&out)), old_err(std::cerr.rdbuf(&err)) {}
  ~FilteredOutput() {
    std::cout.flush();
    std::cerr.flush();
    out.finish();
    err.finish();
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
  }
};

// A fault of the environment (disk full, no permission, read-only media):
// one sentence, exit status 1.
bool environment_errno(int e) {
  return e == ENOSPC || e == EDQUOT || e == EACCES || e == EPERM || e == EROFS || e == EIO || e == ENOMEM ||
         e == EMFILE || e == ENFILE || e == ENOENT || e == ENOTDIR || e == EISDIR || e == ETXTBSY || e == EFBIG;
}

}  // namespace

void print_json(const nlohmann::json& j) {
  std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

nlohmann::json to_json(const store::Document& d) {
  return {{"id", d.id},
          {"title", d.title},
          {"source_type", d.source_type},
          {"language", d.language},
          {"date", d.date},
          {"author", d.author},
          {"original_name", d.original_name},
          {"original_size", d.original_size},
          {"sha256", d.sha256},
          {"length", d.length_cp},
          {"created", d.created},
          {"modified", d.modified}};
}

struct CodingWriter::Text {
  std::string body;
  text::OffsetMap map;  // views `body`
};

nlohmann::json CodingWriter::operator()(const store::Coding& c) {
  // One document's text at a time: lists come by document, and a million
  // codings would otherwise hold every text in memory.
  if (!texts_.count(c.doc)) texts_.clear();
  auto& t = texts_[c.doc];
  if (!t) {
    t = std::make_shared<Text>();
    t->body = p_.text(c.doc);
    t->map = text::OffsetMap(t->body);
  }
  if (coders_.empty())
    for (const auto& k : p_.coders()) coders_[k.id] = k.name;
  auto path = paths_.find(c.code);
  if (path == paths_.end()) path = paths_.emplace(c.code, p_.code_path(c.code)).first;
  return {
      {"id", c.id},
      {"document", c.doc},
      {"start", c.start},
      {"end", c.end},
      {"code", path->second},
      {"code_id", c.code},
      {"coder", coders_.count(c.coder) ? coders_[c.coder] : ""},
      {"stance", store::to_string(c.stance)},
      {"memo", c.memo},
      {"origin", c.origin},
      {"quote", std::string(text::slice_cp(t->body, t->map, static_cast<size_t>(c.start), static_cast<size_t>(c.end)))},
      {"created", c.created},
      {"modified", c.modified}};
}

nlohmann::json to_json(const store::Coding& c, const store::Project& p) {
  return CodingWriter(p)(c);
}

int64_t parse_int(const std::string& what, const std::string& value) {
  try {
    size_t used = 0;
    long long v = std::stoll(value, &used);
    if (used == value.size()) return v;
  } catch (const std::exception&) {
  }
  throw UserError(what + " must be a whole number, not '" + value + "'");
}

int run(int argc, char** argv) {
  CLI::App app{
      "Telaah: evaluation research with qualitative evidence.\n"
      "Without a subcommand, opens the window (same as 'telaah gui')."};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", version_text());  // src/cli/version.cpp
  Context ctx;
  auto& reg = registry();
  std::stable_sort(reg.begin(), reg.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, setup] : reg) setup(app, ctx);
  for (auto* sub : app.get_subcommands({})) {
    if (!sub->get_option_no_throw("--json")) sub->add_flag("--json", ctx.json, "print machine-readable JSON");
  }
  FilteredOutput filtered;
  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) {
      // No subcommand: the GUI, if this build has one.
      auto subs = app.get_subcommands([](CLI::App* s) { return s->get_name() == "gui"; });
      if (!subs.empty()) {
        app.clear();
        const char* av[] = {argv[0], "gui"};
        app.parse(2, const_cast<char**>(av));
      } else {
        std::cout << app.help();
      }
    }
    return 0;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "telaah: " << e.what() << " (see 'telaah "
              << (app.get_subcommands().empty() ? std::string() : app.get_subcommands()[0]->get_name() + " ")
              << "--help')\n";
    return 1;
  } catch (const text::InvalidUtf8& e) {
    std::cerr << "telaah: " << e.what() << "; nothing was changed\n";
    return 1;
  } catch (const UserError& e) {
    std::cerr << "telaah: " << e.what() << "\n";
    return 1;
  } catch (const SQLite::Exception& e) {
    // Faults of the environment or of the file are the user's to fix: exit 1.
    const int code = e.getErrorCode();
    switch (code) {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        std::cerr << "telaah: the project is busy (another program holds a lock on it); nothing was changed\n";
        return 1;
      case SQLITE_FULL:
        std::cerr << "telaah: the disk is full; nothing was changed (the last saved state is intact); free some "
                     "space and try again\n";
        return 1;
      case SQLITE_READONLY:
        std::cerr << "telaah: the project cannot be changed: it is read-only (read-only media or no write "
                     "permission); nothing was changed\n";
        return 1;
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        std::cerr << "telaah: the project file is damaged (" << e.what()
                  << "); nothing was changed. 'telaah check PROJECT' says what is damaged, 'telaah backups "
                     "PROJECT' lists the backups and 'telaah restore PROJECT 1' puts the newest back\n";
        return 1;
      case SQLITE_IOERR:
        std::cerr << "telaah: the disk reported an error while reading or writing the project (" << e.what()
                  << "); reopen the project to see whether the last action was kept\n";
        return 1;
      case SQLITE_CANTOPEN:
      case SQLITE_PERM:
      case SQLITE_AUTH:
        std::cerr << "telaah: cannot open a file the project needs (" << e.what()
                  << "); check the folder's permissions; nothing was changed\n";
        return 1;
      default:
        break;
    }
    std::cerr << "telaah: internal database error: " << e.what() << "; the last saved state is intact\n";
    return 2;
  } catch (const store::BackupFailed& e) {
    std::cerr << "telaah: " << e.what() << "\n";
    return 1;
  } catch (const std::system_error& e) {
    const int err = e.code().category() == std::generic_category() || e.code().category() == std::system_category()
                        ? e.code().value()
                        : 0;
    std::cerr << "telaah: " << (environment_errno(err) ? "" : "internal error: ") << e.what() << "\n";
    return environment_errno(err) ? 1 : 2;
  } catch (const std::bad_alloc&) {
    std::cerr << "telaah: not enough memory for this command; nothing was changed\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "telaah: internal error: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace telaah::cli
