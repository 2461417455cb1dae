// `check` and `build` for workbook specs: load and validate the spec, build the sheet model from
// the analysed registry, and write it with libxlsxwriter to a pending output.
#include <filesystem>

#include "app/build.h"
#include "core/workbook/classification_use.h"
#include "core/workbook/sheet_model.h"
#include "core/workbook/spec_loader.h"
#include "renderers/xlsx/xlsx_writer.h"

namespace tenkai::app {
namespace {

workbook::WorkbookData workbook_data(const workbook::WorkbookSpec& spec,
                                     const BuildInputs& inputs) {
  static const analysis::Classification kUnused;  // for workbooks that show no classified data
  const analysis::Classification& classification =
      workbook::workbook_needs_classification(spec) ? inputs.classification.get() : kUnused;
  return {inputs.registry, inputs.matrix, classification, inputs.version,
          inputs.registry_sha256.get()};
}

}  // namespace

void check_workbook_spec(const std::string& spec_path, const BuildInputs& inputs,
                         Diagnostics& diagnostics) {
  auto loaded = workbook::load_workbook_spec(spec_path);
  diagnostics.append(loaded.diagnostics);
  // Building the model exercises every binding against this registry without writing a file.
  if (loaded.spec)
    (void)workbook::build_workbook_model(*loaded.spec, workbook_data(*loaded.spec, inputs));
}

void build_workbook(const std::string& spec_path, const BuildInputs& inputs,
                    Diagnostics& diagnostics, PendingOutputs& outputs) {
  auto loaded = workbook::load_workbook_spec(spec_path);
  diagnostics.append(loaded.diagnostics);
  if (!loaded.spec || diagnostics.has_errors()) return;
  workbook::WorkbookModel model =
      workbook::build_workbook_model(*loaded.spec, workbook_data(*loaded.spec, inputs));
  // A name another spec of this run already writes is rejected here, before writing.
  if (outputs.set.reserved(model.output)) {
    diagnostics.error({spec_path, 0, 0}, "another spec of this run also writes " +
                                             outputs.set.target_path(model.output));
    return;
  }
  auto& staged =
      outputs.add(inputs.out_dir, model.output, static_cast<long>(model.sheets.size()), true);
  const std::string& output = staged.temporary_path();
  if (output.empty()) return;
  std::string error;
  if (!renderers::write_xlsx(model, output, error)) {
    diagnostics.error({spec_path, 0, 0}, error);
  }
}

}  // namespace tenkai::app
