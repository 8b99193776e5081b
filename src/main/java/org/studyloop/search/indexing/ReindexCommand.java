package org.studyloop.search.indexing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.studyloop.catalog.Catalog;
import org.studyloop.search.index.SearchIndex;
import org.studyloop.shared.command.Command;
import org.studyloop.shared.command.MaintenanceCommand;

/** Rebuilds the search index from the catalog, from nothing, with a progress bar. */
@Command(name = "reindex", summary = "Rebuild the search index from the catalog (lessons, items, solutions, hints)")
class ReindexCommand implements MaintenanceCommand {

    private static final int BAR = 30;

    private final Catalog catalog;
    private final CatalogDocuments documents;
    private final Indexer indexer;
    private final SearchIndex index;

    ReindexCommand(Catalog catalog, CatalogDocuments documents, Indexer indexer, SearchIndex index) {
        this.catalog = catalog;
        this.documents = documents;
        this.indexer = indexer;
        this.index = index;
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        if (!args.isEmpty()) {
            out.println("reindex takes no arguments");
            return 2;
        }
        var courses = catalog.courses();
        var total = courses.stream()
                .mapToInt(c -> documents.course(c).chunks().size())
                .sum();
        var work = new ArrayList<Indexer.Work>();
        courses.forEach(c -> work.add(new Indexer.Work.Course(c)));
        var started = System.nanoTime();
        index.clear();
        indexer.apply(work, done -> bar(out, done, total, started));
        var seconds = (System.nanoTime() - started) / 1e9;
        out.printf(
                Locale.ROOT,
                "%nindexed %d chunks of %d courses in %.1f s (%.0f chunks/s); the index holds %d%n",
                total,
                courses.size(),
                seconds,
                total / Math.max(seconds, 1e-9),
                index.size());
        return 0;
    }

    private static void bar(PrintStream out, int done, int total, long started) {
        var share = total == 0 ? 1.0 : (double) done / total;
        var filled = (int) Math.round(share * BAR);
        var seconds = (System.nanoTime() - started) / 1e9;
        out.printf(
                Locale.ROOT,
                "\r[%s%s] %3.0f%% %d/%d chunks, %.0f chunks/s",
                "#".repeat(filled),
                " ".repeat(BAR - filled),
                share * 100,
                done,
                total,
                done / Math.max(seconds, 1e-9));
        out.flush();
    }
}
