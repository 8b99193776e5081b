package org.studyloop.catalog.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.studyloop.catalog.pack.PackException;
import org.studyloop.catalog.pack.PackReader;
import org.studyloop.shared.command.Command;
import org.studyloop.shared.command.MaintenanceCommand;

/** {@code import-pack PATH [--dry-run]}: imports a content pack folder or zip, or prints every error. */
@Command(
        name = "import-pack",
        summary = "Import a content pack (folder or zip); with --dry-run only check it",
        usage = "PATH [--dry-run]")
class ImportPackCommand implements MaintenanceCommand {

    private final ContentImport imports;

    ImportPackCommand(ContentImport imports) {
        this.imports = imports;
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        var paths = args.stream().filter(a -> !a.equals("--dry-run")).toList();
        if (paths.size() != 1) {
            out.println("Usage: import-pack PATH [--dry-run]");
            return 2;
        }
        var dryRun = args.contains("--dry-run");
        try {
            var summary = imports.importPack(PackReader.read(Path.of(paths.getFirst())), dryRun);
            out.printf(
                    "%s %s: %d course, %d skills, %d items%s%n",
                    dryRun ? "Checked" : "Imported",
                    summary.courseKey(),
                    summary.courses(),
                    summary.skills(),
                    summary.items(),
                    dryRun ? " (dry run: nothing written)" : summary.changed() ? "" : " (already up to date)");
            summary.warnings().forEach(w -> out.println("warning: " + w));
            return 0;
        } catch (PackException e) {
            e.errors().forEach(error -> out.println("error: " + error));
            out.println(e.errors().size() + " error(s); nothing was imported.");
            return 1;
        }
    }
}
