package org.studyloop.classroom.guardians;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.AccountSummary;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Identity;
import org.studyloop.identity.Role;
import org.studyloop.identity.UserId;
import org.studyloop.shared.Audited;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * Linking parents to students. A student, or a teacher of theirs, makes a short-lived code; the
 * parent redeems it once; the student sees their guardians and can revoke any of them. Links and
 * unlinks go to the audit log with ids only: never a code or an e-mail address.
 */
@Service
public class Guardians {

    static final String LINKED = "classroom.guardian.linked";
    static final String UNLINKED = "classroom.guardian.unlinked";
    static final String CODE_ISSUED = "classroom.guardian-code.issued";

    private final GuardianCodes codes;
    private final Guardianships links;
    private final RedemptionLimit limit;
    private final Classroom policy;
    private final Identity identity;
    private final ClassroomProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Guardians(
            GuardianCodes codes,
            Guardianships links,
            RedemptionLimit limit,
            Classroom policy,
            Identity identity,
            ClassroomProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.codes = codes;
        this.links = links;
        this.limit = limit;
        this.policy = policy;
        this.identity = identity;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    public record IssuedCode(String code, Instant expiresAt) {}

    /** Someone on the other side of a link, with their name as it is now. */
    public record Linked(UserId userId, String displayName, Instant linkedAt) {}

    /**
     * A new guardian code for the student, made by the student themselves, a teacher of theirs or
     * an administrator. A linked parent may see the student but not vouch for another guardian.
     */
    @Transactional
    public IssuedCode issueCode(Actor actor, UserId student, @Nullable String clientAddress) {
        if (actor.is(student)) {
            if (!actor.has(Role.STUDENT)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Only students have guardians.");
            }
        } else {
            var vouches =
                    actor.isAdmin() || (actor.has(Role.TEACHER) && policy.teachesStudent(actor.userId(), student));
            if (!vouches) {
                policy.requireLearnerAccess(actor, student);
                throw new ProblemException(
                        ProblemType.FORBIDDEN, "Only the student or their teacher makes guardian codes.");
            }
            var isStudent = identity.account(student)
                    .map(AccountSummary::roles)
                    .filter(roles -> roles.contains(Role.STUDENT))
                    .isPresent();
            if (!isStudent) {
                throw ProblemException.notFound("There is no such student.");
            }
        }
        var now = clock.instant();
        var issued = codes.issue(student, actor.userId(), now, properties.guardianCodeLifetime());
        audit(CODE_ISSUED, actor.userId(), student, clientAddress, Map.of(), now);
        return new IssuedCode(issued.code(), issued.expiresAt());
    }

    /** The parent redeems a code and becomes the student's guardian; the answer is the student. */
    @Transactional
    public UserId link(Actor actor, String code, @Nullable String clientAddress) {
        if (!actor.has(Role.PARENT)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only parents and guardians redeem guardian codes.");
        }
        limit.check(actor.userId());
        var now = clock.instant();
        var redeemed = codes.redeem(code, actor.userId(), now);
        if (redeemed.isEmpty()) {
            limit.failed(actor.userId());
            throw ProblemException.notFound("This code is unknown, used or expired. Ask for a new one.");
        }
        var student = redeemed.get();
        if (student.equals(actor.userId())) {
            // Thrown inside the transaction, so the redemption rolls back and the code stays usable.
            throw ProblemException.invalid("code", "is your own: nobody can be their own guardian");
        }
        if (links.link(actor.userId(), student, now)) {
            var names = identity.displayNames(List.of(student, actor.userId()));
            identity.mail(
                    student,
                    "guardian-linked",
                    Map.of(
                            "name", names.getOrDefault(student, ""),
                            "guardianName", names.getOrDefault(actor.userId(), "")));
            audit(
                    LINKED,
                    actor.userId(),
                    student,
                    clientAddress,
                    Map.of("guardianId", actor.userId().toString()),
                    now);
        }
        return student;
    }

    /** The student ends a guardian's link; one who is not their guardian is not found. */
    @Transactional
    public void revoke(Actor student, UserId guardian, @Nullable String clientAddress) {
        var now = clock.instant();
        if (!links.revoke(guardian, student.userId(), now)) {
            throw ProblemException.notFound("This person is not your guardian.");
        }
        audit(
                UNLINKED,
                student.userId(),
                student.userId(),
                clientAddress,
                Map.of("guardianId", guardian.toString()),
                now);
    }

    @Transactional(readOnly = true)
    public List<Linked> guardiansOf(Actor student) {
        return named(links.guardiansOf(student.userId()));
    }

    @Transactional(readOnly = true)
    public List<Linked> childrenOf(Actor guardian) {
        return named(links.childrenOf(guardian.userId()));
    }

    private List<Linked> named(List<Guardianships.Link> found) {
        var names = identity.displayNames(
                found.stream().map(Guardianships.Link::other).toList());
        // An erased account has no name any more; it is left out rather than shown blank.
        return found.stream()
                .filter(link -> names.containsKey(link.other()))
                .map(link -> new Linked(link.other(), names.get(link.other()), link.linkedAt()))
                .toList();
    }

    private void audit(
            String action,
            UserId actor,
            UserId subject,
            @Nullable String clientAddress,
            Map<String, String> details,
            Instant now) {
        events.publishEvent(new Audited(action, actor.value(), subject.value(), clientAddress, details, now));
    }
}
