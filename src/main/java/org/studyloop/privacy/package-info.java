/**
 * Consent, data export, erasure, the audit log and encryption keys. For now: the audit log, fed by
 * the {@link org.studyloop.shared.Audited} events of every module.
 */
@ApplicationModule(displayName = "Privacy")
@NullMarked
package org.studyloop.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
