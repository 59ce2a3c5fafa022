// Telaah: `telaah` with a subcommand runs the CLI; without one, the GUI.
#include "cli/cli.h"

int main(int argc, char** argv) {
  return telaah::cli::run(argc, argv);
}
