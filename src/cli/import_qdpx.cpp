// telaah import-qdpx: a new project from a REFI-QDA project (.qdpx, .qde) or
// codebook (.qdc) made by NVivo, ATLAS.ti, MAXQDA, QualCoder or Telaah, with
// a report of every deviation from the standard and every loss.
#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <iostream>

#include "cli/cli.h"
#include "exchange/exchange.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string file, project, type = "interview", coder = "imported", sources, encoding;
  bool quiet = false, strict = false;
};

// The temporary project file of a running import, for the signal handler:
// fixed buffers, so that the handler only calls unlink() and raise().
constexpr size_t kPathMax = 4096;
const char* const kSuffixes[] = {"", "-wal", "-shm", "-journal", ".lock"};
char g_temp[std::size(kSuffixes)][kPathMax + 16];
volatile sig_atomic_t g_have_temp = 0;

extern "C" void remove_temp_and_die(int sig) {
  if (g_have_temp)
    for (auto& p : g_temp) ::unlink(p);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void track_temp(const std::filesystem::path& temp) {
  g_have_temp = 0;
  if (temp.empty() || temp.native().size() >= kPathMax) return;
  for (size_t i = 0; i < std::size(kSuffixes); ++i) {
    std::string p = temp.native() + kSuffixes[i];
    std::memcpy(g_temp[i], p.c_str(), p.size() + 1);
  }
  g_have_temp = 1;
}

Registrar reg(91, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("import-qdpx",
                                 "Create a new project from a REFI-QDA file (.qdpx, .qde or .qdc) of another QDA tool");
  cmd->add_option("file", a->file, "the .qdpx, .qde or .qdc file")->required();
  cmd->add_option("project", a->project, "the new project file (must not exist)")->required();
  cmd->add_option("--type", a->type, "source type for sources that carry none (default interview)");
  cmd->add_option("--coder", a->coder, "coder for codings that name no user (default 'imported')");
  cmd->add_option("--sources", a->sources,
                  "a folder with source files the archive lacks; the only place outside the archive that the file's "
                  "paths (relative://, absolute://, file://, ../) may lead to (without it such paths are refused)");
  cmd->add_option("--encoding", a->encoding,
                  "encoding of source files that are not UTF-8 (e.g. windows-1252, iso-8859-1); default: detect");
  cmd->add_flag("--strict", a->strict,
                "refuse the whole import when one value is bad (a date that is no calendar date, a source that "
                "cannot be decoded, a path that leads outside); default: report it and skip it");
  cmd->add_flag("--quiet", a->quiet, "no progress lines");
  cmd->footer(
      "The project is written under a temporary name beside PROJECT and renamed when complete: an interrupted "
      "import leaves no file under the final name. Codes nested deeper than 64 levels are refused.");
  cmd->callback([a, &ctx] {
    exchange::ImportOptions o;
    o.default_source_type = a->type;
    o.coder_fallback = a->coder;
    o.sources_dir = a->sources;
    o.encoding = a->encoding;
    o.strict = a->strict;
    o.on_temp_file = track_temp;
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) ::signal(sig, remove_temp_and_die);
    if (!ctx.json && !a->quiet) o.progress = [](const std::string& s) { std::cerr << s << "\n"; };
    auto r = exchange::import_refi(a->file, a->project, o);
    if (ctx.json)
      print_json(r.to_json());
    else
      std::cout << r.to_text() << "project " << a->project << " created (revision " << r.revision << ")\n";
  });
});

}  // namespace
}  // namespace telaah::cli
