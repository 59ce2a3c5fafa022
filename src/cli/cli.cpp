// The CLI driver: builds the CLI11 app from the registered subcommands and
// turns every error into one line on stderr and an exit status.
#include "cli/cli.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <iostream>

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
  return store::Project::open(path, o);
}

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
    if (e.getErrorCode() == SQLITE_BUSY) {
      std::cerr << "telaah: the project is busy (another program holds a lock on it); nothing was changed\n";
      return 1;
    }
    if (e.getErrorCode() == SQLITE_FULL) {
      std::cerr << "telaah: the disk is full; nothing was changed (the last saved state is intact)\n";
      return 2;
    }
    std::cerr << "telaah: internal database error: " << e.what() << "; the last saved state is intact\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "telaah: internal error: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace telaah::cli
