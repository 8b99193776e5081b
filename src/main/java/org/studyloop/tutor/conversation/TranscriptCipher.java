package org.studyloop.tutor.conversation;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.studyloop.tutor.ConversationId;

/**
 * Encrypts what students write to the tutor, and its replies, at rest (DESIGN.md, "Privacy by
 * design"): Tink's AEAD with AES-256-GCM, the conversation's id as associated data so that a text
 * moved to another conversation's row no longer decrypts. The keyset comes from {@code
 * STUDYLOOP_TUTOR_KEYSET}, or from a file in the data folder that the first start generates (owner
 * read and write only). A stored text carries a prefix naming the scheme, so that rotating the
 * keyset (Tink keeps old keys for decryption) or the scheme later needs no migration.
 */
@Component
@EnableConfigurationProperties(TutorProperties.class)
public class TranscriptCipher {

    static final String PREFIX = "aead1:";

    private final Aead aead;

    TranscriptCipher(TutorProperties properties) throws GeneralSecurityException, IOException {
        AeadConfig.register();
        var keyset = properties.keyset() != null && !properties.keyset().isBlank()
                ? properties.keyset()
                : keysetFile(properties.keysetFile());
        this.aead = TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    public String seal(String text, ConversationId conversation) {
        try {
            var sealed = aead.encrypt(text.getBytes(StandardCharsets.UTF_8), associated(conversation));
            return PREFIX + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a tutor transcript", e);
        }
    }

    public String open(String stored, ConversationId conversation) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            var plain = aead.decrypt(
                    Base64.getDecoder().decode(stored.substring(PREFIX.length())), associated(conversation));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not decrypt a tutor transcript: wrong keyset?", e);
        }
    }

    private static byte[] associated(ConversationId conversation) {
        return ("tutor.turns:" + conversation).getBytes(StandardCharsets.UTF_8);
    }

    /** The keyset file's content, generating it first if missing; a concurrent first start keeps one of them. */
    private static String keysetFile(Path file) throws GeneralSecurityException, IOException {
        if (Files.exists(file)) {
            return Files.readString(file);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        var fresh = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        var temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "keyset", ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the folder's own permissions apply.
        }
        Files.writeString(temporary, fresh);
        try {
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw new UncheckedIOException(e);
        }
        return Files.readString(file);
    }
}
