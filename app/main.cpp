// tenkai's entry point: hands the arguments to the command-line driver.
#include "app/cli.h"

int main(int argc, char** argv) {
  return tenkai::app::run_cli(argc, argv);
}
