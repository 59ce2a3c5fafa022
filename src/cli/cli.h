// The command-line interface: one binary `telaah`, one file per subcommand
// (or per small family of them), registered at static-initialisation time.
// Exit status: 0 ok, 1 a fault of the user or the environment (bad input, a
// damaged or hostile file, disk full, read-only media, no display; nothing
// changed), 2 an internal error (a bug).
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/project.h"

namespace telaah::cli {

struct Context {
  bool json = false;  // --json: machine-readable output on stdout
};

using Setup = std::function<void(CLI::App& root, Context& ctx)>;

// Registers a subcommand; `order` sorts the --help listing.
struct Registrar {
  Registrar(int order, Setup setup);
};

int run(int argc, char** argv);

// What `telaah --version` prints: this build and the libraries it runs with.
std::string version_text();

// Opens a project for a command; errors become one-line messages upstream.
std::unique_ptr<store::Project> open_project(const std::string& path, const std::string& coder = "");
// For commands that only read (info, docs, show, codes, codings, triangulate,
// evaluate, agreement, report, export, check, settings): when a window or
// another process holds the project, they read a consistent snapshot of what
// it last committed (a WAL reader; the holder goes on writing) and say so on
// standard error. Writing through it fails with "read-only", exit 1.
std::unique_ptr<store::Project> open_for_reading(const std::string& path);

// Output helpers. print_json never fails on text: bytes that are not UTF-8
// (a file name from a foreign file system) are shown as U+FFFD.
void print_json(const nlohmann::json& j);
nlohmann::json to_json(const store::Document& d);
nlohmann::json to_json(const store::Coding& c, const store::Project& p);

// Codings as JSON for a list: each document's text, offset map, code path and
// coder name is read once, not once per coding.
class CodingWriter {
 public:
  explicit CodingWriter(const store::Project& p) : p_(p) {}
  nlohmann::json operator()(const store::Coding& c);

 private:
  struct Text;
  const store::Project& p_;
  std::map<store::Id, std::shared_ptr<Text>> texts_;
  std::map<store::Id, std::string> coders_, paths_;
};

// The text without control characters (C0 but tab and newline, DEL, C1):
// what the commands print passes through it (cli.cpp filters std::cout and
// std::cerr), so a name or title cannot drive the terminal.
std::string terminal_safe(std::string_view s);

// A numeric option or an error naming it.
int64_t parse_int(const std::string& what, const std::string& value);

}  // namespace telaah::cli
