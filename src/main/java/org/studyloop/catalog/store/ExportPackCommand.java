package org.studyloop.catalog.store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.studyloop.catalog.pack.PackWriter;
import org.studyloop.shared.command.Command;
import org.studyloop.shared.command.MaintenanceCommand;

/** {@code export-pack COURSE_KEY DIR}: writes a course as a content pack folder. */
@Command(name = "export-pack", summary = "Write a course as a content pack folder", usage = "COURSE_KEY DIR")
class ExportPackCommand implements MaintenanceCommand {

    private final PackExport export;

    ExportPackCommand(PackExport export) {
        this.export = export;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws IOException {
        if (args.size() != 2) {
            out.println("Usage: export-pack COURSE_KEY DIR");
            return 2;
        }
        var pack = export.courseByKey(args.get(0)).flatMap(export::pack);
        if (pack.isEmpty()) {
            out.println("There is no course with the key '" + args.get(0) + "'.");
            return 1;
        }
        var folder = Path.of(args.get(1));
        if (Files.exists(folder) && !isEmptyFolder(folder)) {
            out.println(folder + " exists and is not an empty folder; nothing was written.");
            return 1;
        }
        var files = PackWriter.files(pack.get());
        PackWriter.write(files, folder);
        out.printf(
                "Exported %s to %s: %d files%n",
                args.get(0), folder, files.files().size());
        return 0;
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
