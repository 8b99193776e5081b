package org.studyloop.platform;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The operator's settings under {@code studyloop.*}; defaults are safe for a laptop.
 *
 * @param dataDir the folder for everything StudyLoop keeps on disk (the embedded database in
 *     {@code postgres/}, later the search index)
 * @param logFormat {@code text} for people, {@code json} for log shippers
 * @param http limits and cross-origin rules for HTTP requests
 */
@ConfigurationProperties("studyloop")
public record StudyLoopProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("text") String logFormat,
        @DefaultValue Http http) {

    /**
     * @param maxRequestBody the largest request body accepted outside uploads
     * @param maxUpload the largest upload sent as a raw archive body ({@code application/zip});
     *     multipart uploads have Spring's own limits
     * @param corsAllowedOrigins origins allowed to call the API from a browser; none by default
     */
    public record Http(
            @DefaultValue("1MB") DataSize maxRequestBody,
            @DefaultValue("50MB") DataSize maxUpload,
            @DefaultValue List<String> corsAllowedOrigins) {}

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }
}
