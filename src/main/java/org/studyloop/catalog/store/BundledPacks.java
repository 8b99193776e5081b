package org.studyloop.catalog.store;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.pack.PackException;
import org.studyloop.catalog.pack.PackFiles;

/**
 * Imports the course packs bundled under {@code classpath:content/<pack>/} at start-up. Importing
 * an unchanged pack changes nothing, so this is safe on every start; a pack with errors is logged
 * with every error and skipped, and never stops the application. Maintenance commands skip it
 * ({@code studyloop.command} is set), and {@code studyloop.catalog.bundled-packs=false} turns it off.
 * Ordered after the demo accounts and classroom and before the demo cohort, which practises on it.
 */
@Component
@Order(500)
class BundledPacks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BundledPacks.class);
    private static final String ROOT = "classpath*:content/";

    private final ContentImport imports;
    private final Environment environment;

    BundledPacks(ContentImport imports, Environment environment) {
        this.imports = imports;
        this.environment = environment;
    }

    /** The packs under {@code content/} on the class path, by folder name. */
    static Map<String, PackFiles> bundled() throws IOException {
        var packs = new TreeMap<String, LinkedHashMap<String, byte[]>>();
        var resolver = new PathMatchingResourcePatternResolver();
        for (var resource : resolver.getResources(ROOT + "**/*")) {
            var url = resource.getURL().toString();
            if (!resource.isReadable() || url.endsWith("/")) {
                continue;
            }
            var at = url.lastIndexOf("/content/");
            var relative = url.substring(at + "/content/".length());
            var slash = relative.indexOf('/');
            if (slash <= 0) {
                continue;
            }
            try (var in = resource.getInputStream()) {
                packs.computeIfAbsent(relative.substring(0, slash), k -> new LinkedHashMap<>())
                        .put(relative.substring(slash + 1), in.readAllBytes());
            }
        }
        var result = new TreeMap<String, PackFiles>();
        packs.forEach((name, files) -> result.put(name, new PackFiles(files)));
        return result;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (environment.getProperty("studyloop.command") != null
                || !environment.getProperty("studyloop.catalog.bundled-packs", Boolean.class, true)) {
            return;
        }
        var packs = bundled();
        packs.forEach((name, files) -> {
            try {
                var summary = imports.importPack(files, false);
                log.info(
                        "Bundled pack {}: {} skills, {} items{}",
                        name,
                        summary.skills(),
                        summary.items(),
                        summary.changed() ? " imported" : ", up to date");
            } catch (PackException e) {
                log.error(
                        "Bundled pack {} has {} error(s) and was skipped: {}",
                        name,
                        e.errors().size(),
                        e.errors());
            }
        });
    }
}
